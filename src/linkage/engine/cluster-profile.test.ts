// Clusters compared as wholes (cluster-profile.ts): in the clustering on its own, and wired
// through the engine's scorer.
import { describe, expect, it } from 'vitest';
import { cluster, type ClusterOptions, type PairCheck } from './cluster.ts';
import { LinkageEngine } from './engine.ts';
import { edgesOf } from './edges.test-helper.ts';
import { weightOf } from './model.ts';

const opts: ClusterOptions = {
  linkThreshold: 0.9,
  reviewThreshold: 0.4,
  minAverage: 0.5,
  maxClusterSize: 100,
  alarmSize: 4,
  compareClusters: true,
};

/**
 * Records as fields (name always agrees, +6; date and unit agree +6, differ −6, missing 0) with a
 * prior of −12: a pair on name and one other field weighs 0 (review band), name and both 6 (link).
 */
const fieldWorld = (records: { date?: string; unit?: string }[], sure: [number, number][], cannot: string[] = []) => {
  const prior = -12;
  const levels = new Int32Array(3);
  const contributions = new Float64Array(3);
  const field = (x?: string, y?: string): [number, number] => (!x || !y ? [0, 0] : x === y ? [1, 6] : [2, -6]);
  const compare = (a: number, b: number): boolean => {
    const parts: [number, number][] = [
      [1, 6],
      field(records[a].date, records[b].date),
      field(records[a].unit, records[b].unit),
    ];
    parts.forEach(([l, w], i) => {
      levels[i] = l;
      contributions[i] = w;
    });
    return cannot.includes(a < b ? `${a}-${b}` : `${b}-${a}`);
  };
  const weightOfPair = (a: number, b: number): number => {
    compare(a, b);
    return contributions.reduce((s, w) => s + w, prior);
  };
  const list: [number, number, number][] = sure.map(([a, b]) => [a, b, weightOf(0.999)]);
  for (let a = 0; a < records.length; a++)
    for (let b = a + 1; b < records.length; b++)
      if (!sure.some(([x, y]) => x === a && y === b) && weightOfPair(a, b) >= 0) list.push([a, b, weightOfPair(a, b)]);
  const edges = edgesOf(list);
  const check: PairCheck = {
    score: (a, b) => {
      const sureEdge = sure.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      const weight = sureEdge ? weightOf(0.999) : weightOfPair(a, b);
      return { weight, cannotLink: compare(a, b) };
    },
    fields: { levels, contributions, compare, total: (w) => w.reduce((s, x) => s + x, prior) },
  };
  return { edges, check };
};

describe('clusters compared as wholes', () => {
  const whole = opts;
  // One man: record 0 holds his birth date, record 1 his unit (the two tied by a sure edge), record
  // 2 both. Each pair across shares the name and one field: review band, never a link on its own.
  const man = [{ date: '1990-01-02' }, { unit: '55 омсбр' }, { date: '1990-01-02', unit: '55 омсбр' }];

  it('merges two clusters whose fields, taken together, reach the link threshold', () => {
    const { edges, check } = fieldWorld(man, [[0, 1]]);
    const r = cluster(3, edges, check, whole);
    expect(new Set(r.clusterOf).size).toBe(1);
    expect(r.profileMerges).toBe(1);
    expect(r.review).toEqual([]);
  });
  it('leaves them apart, and in review, without compareClusters', () => {
    const { edges, check } = fieldWorld(man, [[0, 1]]);
    const r = cluster(3, edges, check, { ...whole, compareClusters: false });
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[0]);
    expect(r.review.length).toBe(2);
  });
  it('lets a cross pair that disagrees pull a field down (the mean, not the best pair)', () => {
    const { edges, check } = fieldWorld(
      [...man, { date: '1971-05-06' }],
      [
        [0, 1],
        [0, 3],
        [1, 3],
      ],
    );
    const r = cluster(4, edges, check, whole);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[0]);
    expect(r.profileMerges).toBe(0);
  });
  it('weighs two clusters that fall short once, however many edges join them', () => {
    // Two groups of three records of one name and one unit, nothing else: nine review-band edges
    // across, and the two groups together say no more than one pair does.
    const rows = Array.from({ length: 6 }, () => ({ unit: '55 омсбр' }));
    const sure: [number, number][] = [
      [0, 1],
      [0, 2],
      [1, 2],
      [3, 4],
      [3, 5],
      [4, 5],
    ];
    const { edges, check } = fieldWorld(rows, sure);
    let compared = 0;
    const fields = check.fields!;
    const counting = {
      ...check,
      fields: { ...fields, compare: (a: number, b: number) => (compared++, fields.compare(a, b)) },
    };
    const r = cluster(6, edges, counting, whole);
    expect(r.clusterOf[3]).not.toBe(r.clusterOf[0]);
    expect(compared).toBe(9);
  });
  it('keeps cannot-link pairs and human decisions apart', () => {
    const cannot = fieldWorld(man, [[0, 1]], ['1-2']);
    expect(cluster(3, cannot.edges, cannot.check, whole).clusterOf[2]).toBe(2);
    const decided = fieldWorld(man, [[0, 1]]);
    const r = cluster(3, decided.edges, decided.check, whole, { same: [], different: [[0, 2]] });
    expect(r.clusterOf[2]).toBe(2);
  });
});

describe('the engine compares clusters as wholes', () => {
  // Exact fields weighing +6 when equal (phone +12), −6 when not, with a prior of −12: records 0
  // and 1 share a phone (a link), 2 shares the birth date with 0 and the city with 1 (each pair in
  // the review band).
  const config = (compareClusters: boolean) => ({
    id: 'id',
    comparisons: ['last', 'dob', 'city', 'phone'].map((field) => ({ type: 'exact', field })),
    blocking: [['last']],
    thresholds: { link: 0.9, review: 0.4, minAverage: 0.5 },
    cluster: { compareClusters },
  });
  const rows = [
    { last: 'ivanov', dob: '1990-01-02', city: '', phone: '123' },
    { last: 'ivanov', dob: '', city: 'kazan', phone: '123' },
    { last: 'ivanov', dob: '1990-01-02', city: 'kazan', phone: '' },
  ];
  const level = (agree: number): number[] => [0.5, agree, 1 / 128];
  const params = {
    lambda: 2 ** -12 / (1 + 2 ** -12),
    m: [level(0.5), level(0.5), level(0.5), level(0.5)],
    u: [level(0.5 / 64), level(0.5 / 64), level(0.5 / 64), level(0.5 / 4096)].map((u) => [u[0], u[1], 0.5]),
  };
  const clustersOf = (compareClusters: boolean) => {
    const engine = new LinkageEngine(config(compareClusters));
    rows.forEach((r, i) => engine.add(`r${i}`, r));
    engine.useParams(params);
    const { edges } = engine.predict();
    return engine.cluster(edges);
  };

  it('merges the record that agrees with each of the others on a different field', () => {
    const r = clustersOf(true);
    expect(Array.from(r.clusterOf)).toEqual([0, 0, 0]);
    expect(r.profileMerges).toBe(1);
  });
  it('does not with compareClusters off: the two pairs go to review', () => {
    const r = clustersOf(false);
    expect(Array.from(r.clusterOf)).toEqual([0, 0, 2]);
    expect(r.review.length).toBe(2);
  });
});

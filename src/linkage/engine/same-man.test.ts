// The clustering's second look reads how a name's records fall into men: a name one man holds
// most of (a man in many lists) is likely his wherever it stands alone, and his records are not
// "other men who bear it" in the surname's national frequency either. A name held by as many men
// as records gains nothing.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { RUSSIAN_NAMES, RUSSIAN_SURNAMES, regionalMen } from './regional-names.test-helper.ts';

const PATRONYMICS = ['Анатольевич', 'Борисович', 'Викторович', 'Григорьевич', 'Денисович', 'Егорович'];

interface Built {
  engine: LinkageEngine;
  /** Two records of a name and nothing else, in lists of their own. */
  bare: [number, number];
  ofMan: number[];
  /** A namesake of the man's with his own father and birthday. */
  namesake: number;
}

/** `manRecords` records of one man and `others` namesakes found once each, over a background. */
const build = (manRecords: number, others: number): Built => {
  const config = personConfig();
  // The shipped model, not one trained on these few records: the weights stay the same.
  const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
  let n = 0;
  const add = (record: Record<string, string>): number => engine.add(`r${n++}`, record);
  for (const man of regionalMen(1500, 'Москва', RUSSIAN_SURNAMES, RUSSIAN_NAMES, 1960, 40)) add(man);
  const ofMan = Array.from({ length: manRecords }, (_, k) =>
    add({
      surname: 'Калинин',
      given_name: 'Тимофей',
      patronymic: 'Ильич',
      birth_date: '14.03.1991',
      region: 'Тверская область',
      source: `list${k}`,
    }),
  );
  const namesakes = Array.from({ length: others }, (_, k) =>
    add({
      surname: 'Калинин',
      given_name: 'Тимофей',
      patronymic: PATRONYMICS[k % PATRONYMICS.length],
      birth_date: `${10 + (k % 18)}.0${1 + (k % 9)}.19${70 + k}`,
      region: ['Тверская область', 'Омская область', 'Курская область'][k % 3],
      source: `other${k}`,
    }),
  );
  const bare: [number, number] = [
    add({ surname: 'Калинин', given_name: 'Тимофей', source: 'tips' }),
    add({ surname: 'Калинин', given_name: 'Тимофей', source: 'chat' }),
  ];
  engine.train();
  return { engine, bare, ofMan, namesake: namesakes[0] };
};

describe("the clustering's second look: how a name's records fall into men", () => {
  it('takes two bare records of a name one man holds most of for his', () => {
    const { engine, bare, ofMan, namesake } = build(24, 2);
    const predicted = engine.predict();
    const before = engine.probability(bare[0], bare[1]);
    const result = engine.cluster(predicted.edges);
    // The first clustering gathered his 24 records; the namesakes stayed apart.
    expect(new Set(ofMan.map((r) => result.clusterOf[r])).size).toBe(1);
    expect(result.clusterOf[namesake]).not.toBe(result.clusterOf[ofMan[0]]);
    // 24 of the name's 28 records are his: two records of it are one man with odds of about
    // 24·23 / (28·27 − 24·23) ≈ 2.7, whatever the name's frequency says.
    const after = engine.probability(bare[0], bare[1]);
    expect(before).toBeLessThan(0.5);
    expect(after).toBeGreaterThan(0.7);
    expect(after).toBeLessThan(0.99);
    // The other fields still count: his namesake with another father and birthday stays apart.
    expect(engine.probability(namesake, ofMan[0])).toBeLessThan(0.01);
  });

  it('counts his records once in the surname’s national frequency', () => {
    const { engine, ofMan, bare } = build(24, 2);
    const predicted = engine.predict();
    const surname = engine.comparisons.findIndex((c) => c.name === 'surname');
    const frequencies = engine.scorer!.frequencies;
    const before = frequencies.log2Frequency(surname, bare[0], 0, 0.01, 0, ofMan[0]);
    engine.cluster(predicted.edges);
    // "Калинин" is 28 records, 24 of them one man: the others who bear it are few.
    expect(frequencies.log2Frequency(surname, bare[0], 0, 0.01, 0, ofMan[0])).toBeLessThan(before - 1);
    // The next scoring starts again from the assumption.
    engine.predict();
    expect(frequencies.log2Frequency(surname, bare[0], 0, 0.01, 0, ofMan[0])).toBeCloseTo(before, 9);
  });

  it('reads the share within the region two bare records agree on, and the region adds nothing on top', () => {
    // Twelve men of one name in one republic, two records each (each pair told apart by its
    // father's name and birthday), and two bare records of the name there: one man in twelve.
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    let n = 0;
    const add = (record: Record<string, string>): number => engine.add(`r${n++}`, record);
    for (const man of regionalMen(1500, 'Москва', RUSSIAN_SURNAMES, RUSSIAN_NAMES, 1960, 40)) add(man);
    const men = Array.from({ length: 12 }, (_, k) =>
      [0, 1].map((copy) =>
        add({
          surname: 'Магомедов',
          given_name: 'Руслан',
          patronymic: PATRONYMICS[k % PATRONYMICS.length],
          birth_date: `${10 + k}.0${1 + (k % 9)}.19${75 + k}`,
          region: 'Республика Дагестан',
          source: `list${k}-${copy}`,
        }),
      ),
    );
    const bare = [
      add({ surname: 'Магомедов', given_name: 'Руслан', region: 'Республика Дагестан', source: 'tips' }),
      add({ surname: 'Магомедов', given_name: 'Руслан', region: 'Республика Дагестан', source: 'chat' }),
    ];
    engine.train();
    const predicted = engine.predict();
    const before = engine.probability(bare[0], bare[1]);
    const result = engine.cluster(predicted.edges);
    expect(men.every(([a, b]) => result.clusterOf[a] === result.clusterOf[b])).toBe(true);
    // 12·2 / (24·23) ≈ 0.04 of the name's pairs there are one man: the second look lifts nothing.
    // Agreeing on the republic all of them share is already in that figure; read as a likelihood
    // ratio on top of it, it took this pair from 0.41 to 0.66 (at a million records such pairs at
    // 0.5–0.8 were one man in three).
    const after = engine.probability(bare[0], bare[1]);
    expect(after).toBeLessThan(0.5);
    expect(after).toBeLessThanOrEqual(before + 0.01);
    expect(result.clusterOf[bare[0]]).not.toBe(result.clusterOf[bare[1]]);
  });

  it("reads a man's share of a name from his records that can be told apart, not from bare ones gathered with them", () => {
    const { engine, ofMan, bare } = build(12, 10);
    engine.predict();
    const given = engine.comparisons.findIndex((c) => c.name === 'given_name');
    const frequencies = engine.scorer!.frequencies;
    const n = engine.data.size;
    const share = (withBare: boolean): number | null => {
      // A clustering that gathered the man's twelve records — and, in the second, the two bare
      // records of his name on the name alone.
      const clusterOf = Int32Array.from({ length: n }, (_, r) => r);
      for (const r of [...ofMan, ...(withBare ? bare : [])]) clusterOf[r] = ofMan[0];
      frequencies.ownFromClusters(clusterOf);
      return frequencies.sameManLog2Odds(given, ofMan[0], 1);
    };
    const without = share(false);
    // 12·11 / (22·21) of the 22 told-apart records' pairs: the bare records change nothing.
    expect(without).toBeCloseTo(Math.log2(132 / (462 - 132)), 6);
    expect(share(true)).toBeCloseTo(without!, 9);
  });

  it('adds nothing for a name held by as many men as records', () => {
    const { engine, bare } = build(1, 26);
    const predicted = engine.predict();
    const before = engine.probability(bare[0], bare[1]);
    engine.cluster(predicted.edges);
    expect(engine.probability(bare[0], bare[1])).toBeLessThan(before + 0.05);
    expect(engine.probability(bare[0], bare[1])).toBeLessThan(0.5);
  });
});

// A full record copied whole is one man however many copies a file holds. A hundred copies of one
// man among 400 other records stayed a hundred clusters: his copies made his every value "common".
import { describe, expect, it } from 'vitest';
import { parseLinkageConfig } from './config.ts';
import { LinkageEngine } from './engine.ts';
import { copiesNotDisputed, exactCopyPairs } from './exact-copies.ts';
import { personConfig } from './person-config.ts';
import { RUSSIAN_NAMES, RUSSIAN_SURNAMES, regionalMen } from './regional-names.test-helper.ts';

const MAN = {
  surname: 'Кузнецов',
  given_name: 'Андрей',
  patronymic: 'Сергеевич',
  birth_date: '12.03.1991',
  region: 'Пермский край',
  source: 'family',
};

const engineOf = (copiesAreOne?: string[]): LinkageEngine => {
  const config = personConfig();
  return new LinkageEngine(copiesAreOne ? { ...config, cluster: { ...config.cluster, copiesAreOne } } : config);
};

/** 400 other men of Perm, `copies` copies of one man, and three records of him with errors. */
const fileWithCopies = (engine: LinkageEngine, copies: number): { copies: number[]; variants: number[] } => {
  let n = 0;
  const add = (record: Record<string, string>): number => engine.add(`r${n++}`, record);
  for (const man of regionalMen(400, 'Пермский край', RUSSIAN_SURNAMES, RUSSIAN_NAMES, 1970, 30)) add(man);
  const variants = [
    add({ ...MAN, patronymic: '', birth_date: '1991', source: 'obituary' }),
    add({ ...MAN, surname: 'Кузнецев', source: 'exchange' }),
    add({ ...MAN, birth_date: '', source: 'comrade' }),
  ];
  return { copies: Array.from({ length: copies }, () => add(MAN)), variants };
};

const clustersOf = (engine: LinkageEngine, records: number[]): number => {
  engine.train();
  const { clusterOf } = engine.cluster(engine.predict().edges);
  return new Set(records.map((r) => clusterOf[r])).size;
};

describe('a full record copied whole is one man', () => {
  it('gathers a hundred copies of one man among 400 others into one cluster, with his records that have errors', () => {
    const engine = engineOf();
    const { copies, variants } = fileWithCopies(engine, 100);
    expect(clustersOf(engine, [...copies, ...variants])).toBe(1);
  });

  it('without the rule (copiesAreOne empty) the hundred copies stay apart: what the rule mends', () => {
    const engine = engineOf([]);
    const { copies } = fileWithCopies(engine, 100);
    expect(clustersOf(engine, copies)).toBeGreaterThan(50);
  });

  it('joins only copies with every required value, a full date, and every compared field alike', () => {
    const engine = engineOf();
    const add = (id: string, record: Record<string, string>): number => engine.add(id, record);
    const full = [add('a1', MAN), add('a2', { ...MAN, source: 'obituary' })];
    const yearOnly = [add('y1', { ...MAN, birth_date: '1991' }), add('y2', { ...MAN, birth_date: '1991' })];
    const noPatronymic = [add('p1', { ...MAN, patronymic: '' }), add('p2', { ...MAN, patronymic: '' })];
    const otherUnit = [add('u1', { ...MAN, unit: 'в/ч 12345' }), add('u2', { ...MAN, unit: 'в/ч 54321' })];
    const ageOnly = [add('g1', { ...MAN, birth_date: '34 года' }), add('g2', { ...MAN, birth_date: '34 года' })];
    const specs = engine.config.comparisons;
    const compared = engine.comparisons.filter((_, i) => specs[i].type !== 'source');
    const required = ['surname', 'given_name', 'patronymic', 'birth_date'].map(
      (name) => engine.comparisons.find((c) => c.name === name)!,
    );
    engine.sync();
    const pairs = exactCopyPairs(engine.data, compared, required);
    // The one man in two lists is one pair; the unit records are copies of neither each other
    // nor of the first two (their unit differs), and the rest lack a precise value.
    expect(pairs).toEqual([[full[0], full[1]]]);
    expect([...yearOnly, ...noPatronymic, ...otherUnit, ...ageOnly].some((r) => pairs.flat().includes(r))).toBe(false);
  });

  it('leaves a group of copies to the scoring when a human said two of them are two men', () => {
    const copies: [number, number][] = [
      [1, 5],
      [1, 9],
      [2, 7],
    ];
    expect(copiesNotDisputed(copies, [[9, 5]])).toEqual([[2, 7]]);
    expect(copiesNotDisputed(copies, [[9, 2]])).toEqual(copies);
    const engine = engineOf();
    const { copies: records } = fileWithCopies(engine, 3);
    engine.train();
    const decided = engine.withExactCopies({ same: [], different: [[records[0], records[2]]] });
    expect(decided.same).toEqual([]);
  });

  it('linking two files, joins a copy in one file to its copy in the other, never two copies of one file', () => {
    const engine = new LinkageEngine(personConfig(), true);
    const a1 = engine.add('a1', MAN, 0);
    const a2 = engine.add('a2', MAN, 0);
    const b1 = engine.add('b1', MAN, 1);
    engine.train();
    expect(engine.withExactCopies().same).toEqual([[a1, b1]]);
    expect(engine.withExactCopies().same.flat()).not.toContain(a2);
  });

  it('refuses a config naming a comparison that does not exist', () => {
    const config = personConfig();
    expect(() => parseLinkageConfig({ ...config, cluster: { ...config.cluster, copiesAreOne: ['surnme'] } })).toThrow(
      /cluster\.copiesAreOne\.0: no comparison is named "surnme"/,
    );
  });
});

// How often two lists name one man is learned from the file: an exchange list (the living) and
// an obituary roundup (the dead) that never share a man weigh a pair across them down.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { MAX_ROWS, summariseSourcePrior } from './source-prior.ts';
import { rng } from './train.ts';

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Соколов'];
const GIVEN = ['Иван', 'Пётр', 'Сергей', 'Андрей', 'Дмитрий', 'Алексей'];

/** 800 men: the dead named in an obituary and a family's request, prisoners in an exchange list and a request. */
const linked = (sourcePriorMatches = 1): LinkageEngine => {
  const config = personConfig();
  const engine = new LinkageEngine({
    ...config,
    training: { ...config.training, minRecords: 0, sourcePriorMatches },
  });
  const random = rng(11);
  for (let p = 0; p < 800; p++) {
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
    const given = GIVEN[Math.floor(random() * GIVEN.length)];
    const year = String(1970 + Math.floor(random() * 30));
    const lists = random() < 0.5 ? ['obituary', 'family_request'] : ['exchange_list', 'family_request'];
    lists.forEach((source, k) =>
      engine.add(`p${p}-${k}`, { source, surname, given_name: given, birth_date: random() < 0.5 ? year : '' }),
    );
  }
  engine.train();
  return engine;
};

const adjustOf = (engine: LinkageEngine, s: string, t: string): number => {
  const prior = engine.params!.sourcePrior!;
  return prior.adjust[prior.sources.indexOf(s)][prior.sources.indexOf(t)];
};

describe('a prior per pair of source lists', () => {
  it('is learned from the first scoring: lists that never share a man weigh a pair across them down', () => {
    const engine = linked();
    engine.predict();
    const prior = engine.params!.sourcePrior;
    expect([...(prior?.sources ?? [])].sort()).toEqual(['exchange_list', 'family_request', 'obituary']);
    // Namesakes across the two lists that agree on the year still look like one man: the
    // estimate is below the average, not at zero.
    expect(adjustOf(engine, 'obituary', 'exchange_list')).toBeLessThan(-1);
    expect(adjustOf(engine, 'obituary', 'family_request')).toBeGreaterThan(0.5);
    expect(adjustOf(engine, 'exchange_list', 'family_request')).toBeGreaterThan(0.5);
    // No list names one man twice.
    expect(adjustOf(engine, 'family_request', 'family_request')).toBeLessThan(-2);
    expect(adjustOf(engine, 'obituary', 'exchange_list')).toBe(adjustOf(engine, 'exchange_list', 'obituary'));
  });

  it('moves the pair weight by its value less the source level, and explains it', () => {
    const engine = linked();
    engine.predict();
    const scorer = engine.scorer!;
    const ids = engine.data.ids;
    const src = engine.data.column('source');
    const of = (list: string) => ids.findIndex((_, r) => src.strings[src.at(r)] === list);
    const [obituary, exchange] = [of('obituary'), of('exchange_list')];
    const weight = scorer.score(obituary, exchange);
    const explained = scorer.explain(obituary, exchange);
    expect(explained.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(weight, 9);
    expect(explained.find((f) => f.comparison === 'source')!.weight).toBeCloseTo(
      adjustOf(engine, 'obituary', 'exchange_list'),
      9,
    );
  });

  it('is not learned with sourcePriorMatches 0, nor again by a second scoring', () => {
    const off = linked(0);
    off.predict();
    expect(off.params!.sourcePrior).toBeUndefined();
    const engine = linked();
    const first = engine.predict();
    const prior = engine.params!.sourcePrior;
    const second = engine.predict();
    expect(engine.params!.sourcePrior).toBe(prior);
    const key = (e: typeof first.edges, i: number) => `${e.a[i]}:${e.b[i]}:${e.weight[i].toFixed(9)}`;
    const keys = (e: typeof first.edges) => Array.from({ length: e.length }, (_, i) => key(e, i)).sort();
    expect(keys(second.edges)).toEqual(keys(first.edges));
  });

  it('pools the smaller lists in one row when a file names more lists than MAX_ROWS', () => {
    // More publications than rows, two or three records in each.
    const LISTS = MAX_ROWS + 76;
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 0 } });
    const random = rng(5);
    for (let p = 0; p < 1400; p++) {
      const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
      const given = GIVEN[Math.floor(random() * GIVEN.length)];
      const year = String(1970 + Math.floor(random() * 30));
      for (let k = 0; k < 2; k++)
        engine.add(`p${p}-${k}`, {
          source: `list${(p * 2 + k) % LISTS}`,
          surname,
          given_name: given,
          birth_date: year,
        });
    }
    engine.train();
    engine.predict();
    const prior = engine.params!.sourcePrior!;
    expect(prior.sources).toHaveLength(LISTS);
    expect(prior.adjust).toHaveLength(MAX_ROWS);
    expect(prior.rowOf).toHaveLength(LISTS);
    expect(new Set(prior.rowOf).size).toBe(MAX_ROWS);
    // Every pair is scored through the table, and every list has a row.
    const scorer = engine.scorer!;
    expect(Number.isFinite(scorer.score(0, 1))).toBe(true);
    // A pair within one list keeps a cell of its own, whatever its row.
    expect(prior.self).toHaveLength(LISTS);
    // The pool of the smaller lists, or a list with itself, is among those named.
    const { least, most } = summariseSourcePrior(prior);
    expect(
      [least.pair, most.pair].some((p) => p.kind !== 'two' || p.a === null || p.b === null),
      JSON.stringify([least, most]),
    ).toBe(true);
  });

  it('is summed up for a run as the pairs of lists least and most likely to name one man', () => {
    const found = summariseSourcePrior({
      comparison: 'source',
      sources: ['obituary', 'exchange_list', 'family_request'],
      adjust: [
        [-1, -4, 1],
        [-4, -1, 0.5],
        [1, 0.5, -2],
      ],
    });
    expect(found.least).toEqual({ pair: { kind: 'two', a: 'obituary', b: 'exchange_list' }, times: 2 ** -4 });
    expect(found.most).toEqual({ pair: { kind: 'two', a: 'obituary', b: 'family_request' }, times: 2 });
  });
});

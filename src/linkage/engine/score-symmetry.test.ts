// A pair scores the same either way round. Batch scoring only ever asks (a, b) with a < b, but the
// clustering rescores cross pairs in whichever order its clusters come, and an asymmetric score
// made the same two clusters merge or not by which edge joined them.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

describe('scoring', () => {
  it('gives a pair the same weight either way round, also where the two records have other contexts', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    // Магомедов's records name Dagestan, where Руслан is common; Магамедов's name Moscow, where it
    // is rare. Two region-less Руслан, one of each spelling: the given name's frequency where the
    // surname comes from depends on which record's surname is asked.
    for (let i = 0; i < 30; i++)
      engine.add(`d${i}`, { surname: 'Магомедов', given_name: `Имя${i}`, region: 'Дагестан' });
    for (let i = 0; i < 30; i++)
      engine.add(`r${i}`, { surname: `Алиев${i}`, given_name: 'Руслан', region: 'Дагестан' });
    for (let i = 0; i < 30; i++) engine.add(`m${i}`, { surname: 'Магамедов', given_name: `Имя${i}`, region: 'Москва' });
    for (let i = 0; i < 30; i++)
      engine.add(`o${i}`, { surname: `Петров${i}`, given_name: `Олег${i}`, region: 'Москва' });
    engine.add('a', { surname: 'Магомедов', given_name: 'Руслан' });
    engine.add('b', { surname: 'Магамедов', given_name: 'Руслан' });
    engine.train();
    const scorer = engine.scorer!;
    const ids = engine.data.ids;
    const [a, b] = [ids.indexOf('a'), ids.indexOf('b')];
    const forth = scorer.explain(a, b);
    const back = scorer.explain(b, a);
    expect(forth.find((p) => p.comparison === 'given_name')!.level).toBe('exact');
    expect(back).toEqual(forth);
    for (let x = 0; x < engine.data.size; x += 7)
      for (let y = 0; y < engine.data.size; y += 5) expect(scorer.score(x, y)).toBe(scorer.score(y, x));
  });
});

// A surname one typo (or a gender form) apart weighs by how common the name is, as an exact
// agreement does: typos of "Магомедов" are as common among strangers as the name itself.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

describe('near agreements on a surname', () => {
  it('count for less on a common surname than on a rare one', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    // Three hundred men named Магомедов (hundreds of others besides), two named Зайцев.
    for (let i = 0; i < 300; i++) engine.add(`m${i}`, { surname: 'Магомедов', given_name: `Имя${i}` });
    for (let i = 0; i < 300; i++) engine.add(`o${i}`, { surname: `Фамилия${i}ов`, given_name: 'Пётр' });
    engine.add('common-a', { surname: 'Магомедов', given_name: 'Руслан' });
    engine.add('common-b', { surname: 'Магамедов', given_name: 'Руслан' });
    engine.add('rare-a', { surname: 'Зайцев', given_name: 'Руслан' });
    engine.add('rare-b', { surname: 'Зайцов', given_name: 'Руслан' });
    engine.train();
    const ids = engine.data.ids;
    const surname = (a: string, b: string) =>
      engine.scorer!.explain(ids.indexOf(a), ids.indexOf(b)).find((c) => c.comparison === 'surname')!;
    const common = surname('common-a', 'common-b');
    const rare = surname('rare-a', 'rare-b');
    expect(common.level).toBe(rare.level);
    expect(common.level).toMatch(/one edit|phonetic/);
    expect(rare.weight).toBeGreaterThan(common.weight + 4);
  });
});

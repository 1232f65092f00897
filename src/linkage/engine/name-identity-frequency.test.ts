// A name's frequency is counted on the name a value stands for, not on how it was written. Noise
// makes forms rare — a diminutive (Илюха), a man's name copied in the genitive (Евгения for
// Евгений), surname and given name written in each other's fields (Вадим | Соколов) — and the
// same noise strikes strangers alike: two such records counted as written agree on a name "no one
// else bears" and were linked on it (independent generator, a million records: most false links
// on names alone with k ≤ 3 were such pairs).
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

const engineWith = (records: Record<string, Record<string, string>>) => {
  const config = personConfig();
  const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
  // A background of other names, so that frequencies are frequencies.
  for (let i = 0; i < 400; i++) engine.add(`o${i}`, { surname: `Фамилия${i}ов`, given_name: `Имя${i % 40}` });
  for (const [id, r] of Object.entries(records)) engine.add(id, r);
  engine.train();
  const ids = engine.data.ids;
  const scorer = engine.scorer!;
  const weight = (a: string, b: string, comparison: string): number =>
    scorer.explain(ids.indexOf(a), ids.indexOf(b)).find((c) => c.comparison === comparison)!.weight;
  return { weight };
};

/**
 * Thirty records of a man's name as written in place, and two records written as `written`: the
 * two weigh, on each comparison named, what two of the thirty weigh.
 */
const cases: { title: string; name: [string, string]; written: [string, string]; compared: string[] }[] = [
  {
    // Вадим is no one's surname and Соколов no one's given name, but these are Соколовы Вадимы.
    title: 'two records with surname and given name swapped alike weigh as the names in their places',
    name: ['Соколов', 'Вадим'],
    written: ['Вадим', 'Соколов'],
    compared: ['surname', 'given_name'],
  },
  {
    title: 'two records with one diminutive weigh the given name as the full name',
    name: ['Медведков', 'Илья'],
    written: ['Медведков', 'Илюха'],
    compared: ['given_name'],
  },
  {
    title: 'a man’s name copied in the genitive counts as the man’s name',
    name: ['Петухов', 'Евгений'],
    written: ['Петухова', 'Евгения'],
    compared: ['given_name'],
  },
];

describe('name frequencies count the name, not its spelling', () => {
  for (const { title, name, written, compared } of cases)
    it(title, () => {
      const inPlace = Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`n${i}`, { surname: name[0], given_name: name[1] }]),
      );
      const as = { surname: written[0], given_name: written[1] };
      const { weight } = engineWith({ ...inPlace, x: as, y: as });
      for (const c of compared) expect(weight('x', 'y', c), c).toBeCloseTo(weight('n0', 'n1', c), 1);
    });
});

describe('a value’s count leaves out the records of its own bearer', () => {
  it('weighs a surname by the other men who bear it: the more records a man is expected to have, the fewer of its records are other men', () => {
    const config = personConfig();
    const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
    for (let i = 0; i < 400; i++) engine.add(`o${i}`, { surname: `Фамилия${i % 200}ов`, given_name: `Имя${i % 40}` });
    // One man in six lists: his surname's six records are his own.
    for (let i = 0; i < 6; i++) engine.add(`b${i}`, { surname: 'Бокситогорский', given_name: 'Сергей' });
    engine.train();
    const frequencies = engine.scorer!.frequencies;
    const ids = engine.data.ids;
    const surname = (): number =>
      engine.scorer!.explain(ids.indexOf('b0'), ids.indexOf('b1')).find((c) => c.comparison === 'surname')!.weight;
    const params = engine.params!;
    engine.useParams({ ...params, lambda: 1e-6 }, frequencies);
    const fewOwn = surname();
    // λ·(N − 1) = 2: about two more of the six (λ·m_exact·(N − 1)) expected to be this man’s.
    engine.useParams({ ...params, lambda: 2 / 405 }, frequencies);
    expect(surname()).toBeGreaterThan(fewOwn + 0.3);
  });
});

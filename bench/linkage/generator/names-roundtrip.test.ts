// End-to-end check of the name normaliser on generated records: whatever a source did to the
// spelling (script, system, Ukrainian form, diminutive, ё, case, feminine form), the keys the
// engine compares must equal the true person's keys. Typos, swaps, initials and empty fields
// are the engine's job (fuzzy levels), so they are left out here, as is informal zh → j ("Jukov").
import { describe, expect, it } from 'vitest';
import {
  canonicalGivenName,
  nameKey,
  patronymicGenderless,
  surnameGenderless,
} from '../../../src/linkage/engine/normalize/index.ts';
import { PersonFactory } from './person.ts';
import { loadPools } from './pools.ts';
import { makeRecord } from './record.ts';
import { Rng } from './rng.ts';
import { SOURCES } from './sources.ts';
import { UnitPool } from './units-pool.ts';

const sk = (s: string) => surnameGenderless(nameKey(s, 'surname'));
const gk = (s: string) => canonicalGivenName(nameKey(s, 'given'));
const pk = (s: string) => patronymicGenderless(nameKey(s, 'patronymic'));

describe('name keys of generated records equal the true person’s keys', () => {
  // The allowance is for real losses we keep in the data on purpose: Ukrainian lists respell ё as
  // ьо and romanise it as plain "o" (Фёдоров → Фьодоров → Fodorov), which no key can undo.
  it('for at least 99% of records, per variation kind', () => {
    const rng = new Rng(21);
    const pools = loadPools();
    const factory = new PersonFactory(pools, new UnitPool(pools.regionList, 21), {
      brother: 0.05,
      twin: 0.15,
      namesake: 0.03,
    });
    const seen = new Map<string, { n: number; bad: number; examples: string[] }>();
    for (let i = 0; i < 6000; i++) {
      const p = factory.make(rng);
      for (const source of SOURCES) {
        const r = makeRecord(rng, p, source);
        if (/typo|swapped|initial|empty_given|missing_patronymic|informal_zh_j/.test(r.variations)) continue;
        const ok =
          sk(r.surname) === sk(p.surname) && gk(r.given_name) === gk(p.given) && pk(r.patronymic) === pk(p.patronymic);
        for (const v of r.variations.split('|')) {
          const s = seen.get(v) ?? { n: 0, bad: 0, examples: [] };
          s.n++;
          if (!ok) {
            s.bad++;
            if (s.examples.length < 3)
              s.examples.push(`${p.surname} ${p.given} ${p.patronymic} → ${r.surname} ${r.given_name} ${r.patronymic}`);
          }
          seen.set(v, s);
        }
      }
    }
    const failing = [...seen]
      .filter(([, s]) => s.bad / s.n > 0.01)
      .map(([v, s]) => `${v}: ${s.bad}/${s.n} e.g. ${s.examples.join('; ')}`);
    expect(failing).toEqual([]);
  });
});

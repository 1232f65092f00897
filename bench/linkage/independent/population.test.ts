import { describe, expect, it } from 'vitest';
import { ageAt } from './dates.ts';
import { patronymicOf } from './names/patronymic.ts';
import { familyMembers, familyShape, type Person } from './population.ts';
import { regions } from './regions.ts';
import { buildUnitPool } from './unit-pool.ts';

const seed = 5;
const units = buildUnitPool(seed);
const families = Array.from({ length: 20000 }, (_, f) => {
  const shape = familyShape(seed, f);
  return { shape, members: familyMembers(seed, f, shape, units) };
});
const people: Person[] = families.flatMap((f) => f.members);
const iso = (p: Person) => regions()[p.region].iso;

describe('population', () => {
  it('has many different men with one surname and given name in Tyva, Buryatia, Dagestan and North Ossetia', () => {
    for (const region of ['RU-TY', 'RU-BU', 'RU-DA', 'RU-SE']) {
      const counts = new Map<string, number>();
      for (const p of people.filter((q) => iso(q) === region)) {
        const key = `${p.surname} ${p.given}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(Math.max(...counts.values()), region).toBeGreaterThanOrEqual(4);
    }
  });

  it('makes men 18 to 60 at the time, mostly born 1965–2006', () => {
    const ages = people.map((p) => ageAt(p.birth, p.event));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60);
    const inRange = people.filter((p) => p.birth.y >= 1965 && p.birth.y <= 2006).length / people.length;
    expect(inRange).toBeGreaterThan(0.95);
  });

  it('has brothers sharing surname, patronymic and region, and fathers whose name is the son’s patronymic', () => {
    const brothers = families.filter((f) => f.shape.kind === 'brothers');
    const fathers = families.filter((f) => f.shape.kind === 'father_son');
    expect(brothers.length).toBeGreaterThan(400);
    expect(fathers.length).toBeGreaterThan(150);
    for (const { members } of brothers) {
      expect(new Set(members.map((m) => `${m.surname}|${m.patronymic}|${m.region}`)).size).toBe(1);
      expect(new Set(members.map((m) => m.given)).size).toBe(members.length);
    }
    for (const { members } of fathers) {
      const [father, son] = members;
      expect(son.birth.y - father.birth.y).toBeGreaterThanOrEqual(17);
      if (son.patronymic !== '') expect(son.patronymic).toBe(patronymicOf(father.given));
    }
  });

  it('gives Dagestanis Russian-style patronymics from their fathers’ names and some Tuvans none', () => {
    const dagestani = people.filter((p) => p.pool === 'dagestani');
    expect(dagestani.filter((p) => /(ович|евич)$/.test(p.patronymic)).length / dagestani.length).toBeGreaterThan(0.9);
    const tuvan = people.filter((p) => p.pool === 'tuvan');
    const none = tuvan.filter((p) => p.patronymic === '').length / tuvan.length;
    expect(none).toBeGreaterThan(0.12);
    expect(none).toBeLessThan(0.35);
  });

  it('over-represents poor and non-Russian regions relative to their population', () => {
    const perCapita = (code: string) => {
      const region = regions().find((r) => r.iso === code)!;
      return people.filter((p) => iso(p) === code).length / region.population;
    };
    expect(perCapita('RU-TY')).toBeGreaterThan(10 * perCapita('RU-MOW'));
    expect(perCapita('RU-BU')).toBeGreaterThan(5 * perCapita('RU-SPE'));
    expect(perCapita('RU-ZAB')).toBeGreaterThan(2 * perCapita('RU-MOS'));
  });
});

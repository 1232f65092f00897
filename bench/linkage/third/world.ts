// The population: families (single men, brothers, fathers with sons, twins) of soldiers, each man with
// his true name, birth date, region, home town, unit(s), fate and how many records mention him.

import { daysInMonth } from './noise.ts';
import type { EthnicPool } from './pools.ts';
import { POOLS, drawFatherName, drawGiven, patronymicOf, surnameFromName } from './pools.ts';
import type { Region, Town } from './regions.ts';
import { residencePicker } from './regions.ts';
import { Rng, Weighted, mix } from './rng.ts';
import type { Unit } from './units.ts';
import { drawSecondUnit, drawUnit, sameUnit } from './units.ts';

export type Fate = 'dead' | 'missing' | 'captured' | 'other';

export interface Person {
  id: number;
  pool: EthnicPool;
  surname: string;
  given: string;
  father: string;
  /** canonical (Russian-form) patronymic; '' when the man has none in his documents */
  patronymic: string;
  by: number;
  bm: number;
  bd: number;
  region: Region;
  residence: Region | null;
  town: Town | null;
  area: string | null;
  units: Unit[];
  fate: Fate;
  nRecords: number;
  family: 'single' | 'brother' | 'father' | 'son' | 'twin';
}

/** Records per person: many 1, some 2–4, few 5–10 (mean ≈ 1.76, ≈ 36% have 2 or more). */
export const RECORDS_PER_PERSON: [number, number][] = [
  [1, 640],
  [2, 180],
  [3, 80],
  [4, 45],
  [5, 25],
  [6, 13],
  [7, 8],
  [8, 5],
  [9, 2.5],
  [10, 1.5],
];
const recordsPerPerson = new Weighted(
  RECORDS_PER_PERSON.map((x) => x[0]),
  RECORDS_PER_PERSON.map((x) => x[1]),
);

export const FATES: [Fate, number][] = [
  ['dead', 55],
  ['missing', 25],
  ['captured', 12],
  ['other', 8],
];
const fates = new Weighted(
  FATES.map((x) => x[0]),
  FATES.map((x) => x[1]),
);

export const FAMILY_TYPES: [string, number][] = [
  ['single', 923],
  ['brothers2', 45],
  ['brothers3', 6],
  ['fatherSon', 16],
  ['twins', 3],
  ['cousins', 7],
];
const familyTypes = new Weighted(
  FAMILY_TYPES.map((x) => x[0]),
  FAMILY_TYPES.map((x) => x[1]),
);

/** Birth-year weight by age in 2024: conscripts and young contract men, the bulk at 25–45, few over 50. */
const birthYears = (() => {
  const years: number[] = [];
  const ws: number[] = [];
  for (let y = 1964; y <= 2005; y++) {
    const age = 2024 - y;
    let wt: number;
    if (age <= 22) wt = 0.45 + (age - 19) * 0.15;
    else if (age <= 40) wt = 1.0;
    else if (age <= 50) wt = 1.0 - (age - 40) * 0.055;
    else wt = Math.max(0.04, 0.45 - (age - 50) * 0.045);
    years.push(y);
    ws.push(wt);
  }
  return new Weighted(years, ws);
})();

const noPatronymicShare: Record<string, number> = {
  tuvan: 0.08,
  dagestani: 0.06,
  chechen: 0.06,
  ingush: 0.06,
  central_asian: 0.15,
  azerbaijani: 0.05,
};

export interface World {
  persons: Person[];
  totalRecords: number;
}

export const buildWorld = (n: number, seed: number, regions: Region[]): World => {
  const rng = new Rng(mix(seed, 0x57a7));
  const regionPick = new Weighted(
    regions,
    regions.map((r) => r.population * r.factor),
  );
  const moveAway = residencePicker(regions);
  const persons: Person[] = [];
  let total = 0;

  const drawDate = (y: number): [number, number, number] => {
    const m = rng.range(1, 12);
    return [y, m, rng.range(1, daysInMonth(y, m))];
  };

  const newMan = (
    pool: EthnicPool,
    region: Region,
    surname: string,
    father: string,
    by: number,
    family: Person['family'],
  ): Person => {
    const [, bm, bd] = drawDate(by);
    const hasPat = !rng.chance(noPatronymicShare[pool.id] ?? 0.005);
    const town = region.towns && rng.chance(0.62) ? region.towns.sample(rng) : null;
    const area = !town && region.areas.length && rng.chance(0.5) ? rng.pick(region.areas) : null;
    const units = [drawUnit(rng, region.code, pool.id)];
    if (rng.chance(0.15)) units.push(drawSecondUnit(rng, region.code, pool.id, units[0]));
    const p: Person = {
      id: persons.length,
      pool,
      surname,
      given: drawGiven(pool, by, rng),
      father,
      patronymic: hasPat ? patronymicOf(father) : '',
      by,
      bm,
      bd,
      region,
      residence: rng.chance(0.1) ? moveAway(rng, region) : null,
      town,
      area,
      units,
      fate: fates.sample(rng),
      nRecords: recordsPerPerson.sample(rng),
      family,
    };
    persons.push(p);
    total += p.nRecords;
    return p;
  };

  const drawSurname = (pool: EthnicPool): string => {
    if (pool.russianSurnameShare && rng.chance(pool.russianSurnameShare)) return POOLS.russian.surnames.sample(rng);
    if (pool.surnameFromGrandfather && rng.chance(pool.surnameFromGrandfather)) {
      const s = surnameFromName(drawFatherName(pool, rng));
      if (s) return s;
    }
    return pool.surnames.sample(rng);
  };

  const differentGiven = (pool: EthnicPool, by: number, taken: string[]): string => {
    for (let i = 0; i < 20; i++) {
      const g = drawGiven(pool, by, rng);
      if (!taken.includes(g)) return g;
    }
    return `${taken[0]}`;
  };

  while (total < n) {
    const region = regionPick.sample(rng);
    const pool = POOLS[region.mix.sample(rng)];
    const kind = familyTypes.sample(rng);
    const surname = drawSurname(pool);
    const father = drawFatherName(pool, rng);
    if (kind === 'single') {
      newMan(pool, region, surname, father, birthYears.sample(rng), 'single');
    } else if (kind === 'brothers2' || kind === 'brothers3') {
      const count = kind === 'brothers2' ? 2 : 3;
      const by0 = birthYears.sample(rng);
      const first = newMan(pool, region, surname, father, by0, 'brother');
      const taken = [first.given];
      for (let i = 1; i < count && total < n; i++) {
        const by = Math.min(2005, Math.max(1964, by0 + (rng.chance(0.5) ? 1 : -1) * rng.range(1, 8)));
        const b = newMan(pool, region, surname, father, by, 'brother');
        b.given = differentGiven(pool, by, taken);
        taken.push(b.given);
        b.patronymic = first.patronymic;
        if (rng.chance(0.7)) b.town = first.town;
        if (rng.chance(0.35)) b.units = [first.units[0]];
      }
    } else if (kind === 'fatherSon') {
      const fby = rng.range(1964, 1978);
      const dad = newMan(pool, region, surname, father, fby, 'father');
      if (total < n) {
        const sby = Math.min(2005, fby + rng.range(20, 28));
        const son = newMan(pool, region, surname, dad.given, sby, 'son');
        if (son.given === dad.given && rng.chance(0.7)) son.given = differentGiven(pool, sby, [dad.given]);
        son.town = dad.town;
        if (rng.chance(0.25)) son.units = [dad.units[0]];
      }
    } else if (kind === 'twins') {
      const by = birthYears.sample(rng);
      const a = newMan(pool, region, surname, father, by, 'twin');
      if (total < n) {
        const b = newMan(pool, region, surname, father, by, 'twin');
        b.given = differentGiven(pool, by, [a.given]);
        b.bm = a.bm;
        b.bd = a.bd;
        b.patronymic = a.patronymic;
        b.town = a.town;
        b.residence = a.residence;
        if (rng.chance(0.6)) b.units = a.units.slice();
      }
    } else {
      // cousins: same surname and region, different fathers
      const a = newMan(pool, region, surname, father, birthYears.sample(rng), 'single');
      if (total < n) {
        const b = newMan(pool, region, surname, drawFatherName(pool, rng), birthYears.sample(rng), 'single');
        if (rng.chance(0.5)) b.town = a.town;
      }
    }
  }
  // Trim the last men's record counts so the total is exactly n.
  let excess = total - n;
  for (let i = persons.length - 1; excess > 0 && i >= 0; i--) {
    const cut = Math.min(excess, persons[i].nRecords - 1);
    persons[i].nRecords -= cut;
    excess -= cut;
  }
  while (excess > 0) {
    const p = persons.pop()!;
    excess -= p.nRecords;
  }
  if (excess < 0) persons[persons.length - 1].nRecords -= excess;
  // Units: make sure a changed unit is really different after family copies.
  for (const p of persons) if (p.units.length === 2 && sameUnit(p.units[0], p.units[1])) p.units.pop();
  return { persons, totalRecords: n };
};

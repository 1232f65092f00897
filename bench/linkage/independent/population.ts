import { addDays, ageAt, type Ymd } from './dates.ts';
import { patronymicOf, surnameOfFather } from './names/patronymic.ts';
import { POOLS, type Pool } from './names/pools.ts';
import { cohortOf, russianGivenNames } from './names/russian-given.ts';
import { russianSurnames, type SurnameGroup, surnameGroupWeights } from './names/russian-surnames.ts';
import { Rng } from './prng.ts';
import { pickTown, type Region, regions, regionTable } from './regions.ts';
import type { Status } from './sources.ts';
import { assignUnit, type Category, type UnitPool } from './unit-pool.ts';
import { Weighted, weightedOf } from './weighted.ts';

// The true men behind the records. A "family" is drawn at a time: usually one man, sometimes
// brothers (twins among them) or a father and son who both served; relatives share a surname,
// region and often a unit, which is what makes them hard to tell apart.

export interface Person {
  /** Unique over the whole data set: family × 4 + member. */
  id: number;
  pool: Pool;
  surname: string;
  given: string;
  patronymic: string;
  birth: Ymd;
  /** Date of death, disappearance or capture. */
  event: Ymd;
  region: number;
  town: number;
  category: Category;
  status: Status;
  /** −1 when nobody knows his unit. */
  unit: number;
  storm: boolean;
  battalion: number;
  company: number;
}

export type FamilyKind = 'single' | 'brothers' | 'twins' | 'father_son';

export interface FamilyShape {
  kind: FamilyKind;
  /** Records of each member; the generator may cut the last family short. */
  records: number[];
}

export const STREAM_SHAPE = 1;
export const STREAM_PEOPLE = 2;

const FAMILY_KINDS = weightedOf<FamilyKind | 'brothers3'>({
  single: 0.94,
  brothers: 0.038,
  brothers3: 0.004,
  twins: 0.003,
  father_son: 0.015,
});

// Records per man: most appear once, a few in up to seven documents (P(k) ∝ k^−1.9).
const RECORDS_PER_MAN = new Weighted([1, 2, 3, 4, 5, 6, 7].map((k) => [k, k ** -1.9] as const));

export function familyShape(seed: number, family: number): FamilyShape {
  const rng = new Rng(seed, family, STREAM_SHAPE);
  const kind = FAMILY_KINDS.pick(rng);
  const members = kind === 'single' ? 1 : kind === 'brothers3' ? 3 : 2;
  const records: number[] = [];
  for (let m = 0; m < members; m++) records.push(RECORDS_PER_MAN.pick(rng));
  return { kind: kind === 'brothers3' ? 'brothers' : kind, records };
}

const STATUS = weightedOf<Status>({ dead: 0.52, missing: 0.34, captured: 0.14 });
const CATEGORY = weightedOf<Category>({
  contract: 0.38,
  mobilised: 0.28,
  convict: 0.13,
  pmc: 0.05,
  volunteer: 0.08,
  conscript: 0.08,
});
// Losses grew through 2023–2024; 2025 is counted to the end of September.
const EVENT_YEAR = new Weighted([
  [2022, 0.2],
  [2023, 0.3],
  [2024, 0.35],
  [2025, 0.15],
] as const);

function eventDate(rng: Rng): Ymd {
  const y = EVENT_YEAR.pick(rng);
  const start = y === 2022 ? { y, m: 2, d: 24 } : { y, m: 1, d: 1 };
  const days = y === 2022 ? 310 : y === 2025 ? 272 : 365;
  return addDays(start, rng.int(days));
}

/** Age at the event by category: conscripts 18–21, the rest mostly 25–50, a few up to 60. */
function triangular(rng: Rng, lo: number, span: number): number {
  return lo + rng.int(span + 1) + rng.int(span + 1);
}

function ageFor(rng: Rng, category: Category): number {
  let age: number;
  switch (category) {
    case 'conscript':
      age = 18 + rng.int(4);
      break;
    case 'contract':
      age = triangular(rng, 19, 19);
      break;
    case 'volunteer':
      age = triangular(rng, 20, 20);
      break;
    default:
      age = triangular(rng, 22, 17);
  }
  return Math.min(60, Math.max(18, age));
}

function birthFor(rng: Rng, event: Ymd, age: number): Ymd {
  return addDays(event, -Math.floor(age * 365.2425 + rng.float() * 364));
}

const surnameGroupCache = new Map<string, Weighted<SurnameGroup>>();

function givenName(rng: Rng, pool: Pool, birthYear: number, father: boolean): string {
  if (pool !== 'russian') {
    const p = POOLS[pool];
    const russianShare = father ? p.fatherRussianGivenShare : p.russianGivenShare;
    if (!rng.chance(russianShare)) return (father ? p.fatherGiven : p.given).pick(rng);
  }
  return russianGivenNames(cohortOf(birthYear)).pick(rng);
}

function surnameFor(rng: Rng, pool: Pool, region: Region, fatherName: string): string {
  if (pool === 'russian') {
    let groups = surnameGroupCache.get(region.iso);
    if (!groups) surnameGroupCache.set(region.iso, (groups = surnameGroupWeights(region.iso)));
    return russianSurnames(groups.pick(rng)).pick(rng);
  }
  const p = POOLS[pool];
  return rng.chance(p.surnameFromFatherShare) ? surnameOfFather(fatherName) : p.surnames.pick(rng);
}

function patronymicFor(rng: Rng, pool: Pool, fatherName: string): string {
  const share = pool === 'russian' ? 0.997 : POOLS[pool].patronymicShare;
  if (!rng.chance(share)) return '';
  // Azerbaijanis and some Lezgins of southern Dagestan (Derbent) write "Али оглы" instead.
  if (pool === 'dagestani' && rng.chance(0.03)) return `${fatherName} оглы`;
  return patronymicOf(fatherName);
}

interface Household {
  pool: Pool;
  region: Region;
  town: number;
  surname: string;
}

function man(
  rng: Rng,
  id: number,
  home: Household,
  units: UnitPool,
  p: { age?: number; event?: Ymd; birth?: Ymd; fatherName: string; patronymic: string; given?: string },
): Person {
  const category = p.age !== undefined && p.age > 50 && rng.chance(0.5) ? 'volunteer' : CATEGORY.pick(rng);
  const event = p.event ?? eventDate(rng);
  const age = p.age ?? ageFor(rng, category);
  const birth = p.birth ?? birthFor(rng, event, age);
  const assignment = assignUnit(rng, units, category, home.region.index);
  return {
    id,
    pool: home.pool,
    surname: home.surname,
    given: p.given ?? givenName(rng, home.pool, birth.y, false),
    patronymic: p.patronymic,
    birth,
    event,
    region: home.region.index,
    town: home.town,
    category,
    status: STATUS.pick(rng),
    unit: rng.chance(0.9) ? assignment.unit : -1,
    storm: assignment.storm,
    battalion: 1 + rng.int(4),
    company: 1 + rng.int(9),
  };
}

/** Relatives often served together, were lost in the same assault, or were captured together. */
function together(rng: Rng, a: Person, b: Person, share: number): void {
  if (!rng.chance(share)) return;
  b.unit = a.unit;
  b.storm = a.storm;
  b.category = a.category;
  b.battalion = a.battalion;
  const age = ageAt(b.birth, a.event);
  if (rng.chance(0.5) && age >= 18 && age <= 60) {
    b.event = a.event;
    b.status = a.status;
  }
}

export function familyMembers(seed: number, family: number, shape: FamilyShape, units: UnitPool): Person[] {
  const rng = new Rng(seed, family, STREAM_PEOPLE);
  const region = regions()[regionTable().pick(rng)];
  const pool = region.pools.pick(rng);
  const firstAge = ageFor(rng, 'contract');

  if (shape.kind === 'father_son') {
    const fatherAge = 42 + rng.int(19);
    const sonAge = Math.max(18, fatherAge - 20 - rng.int(13));
    const event = eventDate(rng);
    const fatherBirth = birthFor(rng, event, fatherAge);
    const grandfather = givenName(rng, pool, fatherBirth.y - 22 - rng.int(14), true);
    const fatherGiven = givenName(rng, pool, fatherBirth.y, false);
    const home: Household = {
      pool,
      region,
      town: pickTown(rng, region),
      surname: surnameFor(rng, pool, region, grandfather),
    };
    const fatherPatronymic = patronymicFor(rng, pool, grandfather);
    const father = man(rng, family * 4, home, units, {
      age: fatherAge,
      birth: fatherBirth,
      event,
      fatherName: grandfather,
      patronymic: fatherPatronymic,
      given: fatherGiven,
    });
    // Sons are sometimes named after their fathers, more often in Dagestan.
    const sameName = rng.chance(pool === 'dagestani' ? 0.12 : 0.05);
    const son = man(rng, family * 4 + 1, home, units, {
      age: sonAge,
      fatherName: fatherGiven,
      patronymic: fatherPatronymic === '' && rng.chance(0.5) ? '' : patronymicOf(fatherGiven),
      given: sameName ? fatherGiven : undefined,
    });
    together(rng, father, son, 0.3);
    return [father, son];
  }

  const firstEvent = eventDate(rng);
  const firstBirth = birthFor(rng, firstEvent, firstAge);
  const fatherName = givenName(rng, pool, firstBirth.y - 22 - rng.int(14), true);
  const home: Household = {
    pool,
    region,
    town: pickTown(rng, region),
    surname: surnameFor(rng, pool, region, fatherName),
  };
  const patronymic = patronymicFor(rng, pool, fatherName);
  const first = man(rng, family * 4, home, units, { birth: firstBirth, event: firstEvent, fatherName, patronymic });
  const members = [first];
  for (let m = 1; m < shape.records.length; m++) {
    const twin = shape.kind === 'twins';
    const gap = (1 + rng.int(10)) * (rng.chance(0.5) ? 1 : -1);
    let age = Math.min(60, Math.max(18, firstAge + gap));
    if (age === firstAge) age = firstAge === 60 ? 59 : firstAge + 1;
    let given = givenName(rng, pool, firstBirth.y + (twin ? 0 : gap), false);
    for (let tries = 0; tries < 20 && members.some((b) => b.given === given); tries++) {
      given = givenName(rng, pool, firstBirth.y, false);
    }
    const brother = man(rng, family * 4 + m, home, units, {
      birth: twin ? first.birth : undefined,
      event: twin ? first.event : undefined,
      age: twin ? firstAge : age,
      fatherName,
      patronymic,
      given,
    });
    together(rng, first, brother, twin ? 0.8 : 0.5);
    members.push(brother);
  }
  return members;
}

// Synthetic "historical persons registry": records of British (and some foreign) persons gathered
// from several biographical registers and genealogy transcriptions, with the truth of who is who.
//
//   npx tsx bench/linkage/registry/generate.ts --n 50000 --seed 42 --out /tmp/registry-50k
//
// writes records.csv (record_id,full_name,first_name,surname,dob,birth_place,postcode,gender,
// occupation), truth.csv (record_id,person_id) and summary.json (counts of every error applied).
// The output is a pure function of n, seed and this code: one seeded PRNG, no Math.random, no
// clock, no iteration over unordered collections.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ABBREVIATIONS,
  type Country,
  FEMALE_GIVEN,
  FOREIGN,
  GIVEN_VARIANTS,
  IRISH_FEMALE,
  IRISH_MALE,
  IRISH_PLACES,
  IRISH_SURNAMES,
  MALE_GIVEN,
  NICKNAMES,
  OCCUPATIONS,
  ORDINALS,
  PEERAGE_RANKS,
  type Place,
  SCOTTISH_FEMALE,
  SCOTTISH_MALE,
  SCOTTISH_SURNAMES,
  SURNAME_HEADS,
  SURNAME_TAILS,
  SURNAMES,
  UK_PLACES,
  WELSH_FEMALE,
  WELSH_MALE,
  WELSH_SURNAMES,
} from './lists.ts';

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let t = 0;
    for (const w of weights) {
      t += w;
      this.cum.push(t);
    }
    this.total = t;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const zipf = <T>(items: readonly T[], offset: number, exponent: number): Weighted<T> =>
  new Weighted(
    items,
    items.map((_, r) => 1 / (r + offset) ** exponent),
  );

// ---------------------------------------------------------------------------------------------
// Pools.

const tailSurnames = (): string[] => {
  const known = new Set(SURNAMES);
  const out: string[] = [];
  for (const h of SURNAME_HEADS) {
    for (const t of SURNAME_TAILS) {
      let name = h + t;
      name = name.replace(/(.)\1\1/g, '$1$1');
      if (!known.has(name)) out.push(name);
    }
  }
  return out;
};

interface Pools {
  surname: Weighted<string>;
  male: Weighted<string>;
  female: Weighted<string>;
  welshMale: Weighted<string>;
  welshFemale: Weighted<string>;
  scotMale: Weighted<string>;
  scotFemale: Weighted<string>;
  irishMale: Weighted<string>;
  irishFemale: Weighted<string>;
  welshSurname: Weighted<string>;
  scotSurname: Weighted<string>;
  irishSurname: Weighted<string>;
  ukPlace: Weighted<Place>;
  englishPlace: Weighted<Place>;
  scotPlace: Weighted<Place>;
  welshPlace: Weighted<Place>;
  irishPlace: Weighted<Place>;
  foreign: Weighted<Country>;
  occMale: Weighted<number>;
  occFemale: Weighted<number>;
  tailCount: number;
}

const placePool = (places: Place[]): Weighted<Place> =>
  new Weighted(
    places,
    places.map((p) => p.weight),
  );

const makePools = (): Pools => {
  const tail = tailSurnames();
  // Real names: Zipf-like (Smith about 1.2% of persons); invented tail: flat and rare.
  const realWeights = SURNAMES.map((_, r) => 1 / (r + 12) ** 0.93);
  const tailWeights = tail.map(() => 0.0003);
  const ukPlaces = UK_PLACES;
  return {
    surname: new Weighted([...SURNAMES, ...tail], [...realWeights, ...tailWeights]),
    male: zipf(MALE_GIVEN, 2.2, 1.25),
    female: zipf(FEMALE_GIVEN, 2.2, 1.2),
    welshMale: zipf(WELSH_MALE, 1.5, 1),
    welshFemale: zipf(WELSH_FEMALE, 1.5, 1),
    scotMale: zipf(SCOTTISH_MALE, 1.5, 1),
    scotFemale: zipf(SCOTTISH_FEMALE, 1.5, 1),
    irishMale: zipf(IRISH_MALE, 1.5, 1),
    irishFemale: zipf(IRISH_FEMALE, 1.5, 1),
    welshSurname: zipf(WELSH_SURNAMES, 1.2, 1.1),
    scotSurname: zipf(SCOTTISH_SURNAMES, 2, 0.9),
    irishSurname: zipf(IRISH_SURNAMES, 2, 0.9),
    ukPlace: placePool(ukPlaces),
    englishPlace: placePool(ukPlaces.filter((p) => p.country === 'England')),
    scotPlace: placePool(ukPlaces.filter((p) => p.country === 'Scotland')),
    welshPlace: placePool(ukPlaces.filter((p) => p.country === 'Wales')),
    irishPlace: placePool([
      ...IRISH_PLACES,
      ...ukPlaces.filter((p) => p.country === 'Ireland').map((p) => ({ ...p, weight: p.weight * 0.6 })),
    ]),
    foreign: new Weighted(
      FOREIGN,
      FOREIGN.map((c) => c.weight),
    ),
    occMale: new Weighted(
      OCCUPATIONS.map((_, i) => i),
      OCCUPATIONS.map((o) => o.wm),
    ),
    occFemale: new Weighted(
      OCCUPATIONS.map((_, i) => i),
      OCCUPATIONS.map((o) => o.wf),
    ),
    tailCount: tail.length,
  };
};

// ---------------------------------------------------------------------------------------------
// Persons.

type Sex = 'M' | 'F';
type Origin = 'England' | 'Scotland' | 'Wales' | 'Ireland' | 'abroad';

interface Title {
  kind: 'knight' | 'baronet' | 'peer' | 'dame' | 'lady';
  ordinal: string;
  style: string; // "Baron Tennyson", "Earl of Derby"
}

export interface Person {
  id: string;
  sex: Sex;
  origin: Origin;
  country?: Country;
  given: string;
  middles: string[];
  surname: string; // at birth
  married: string[]; // surnames taken at marriage, in order
  y: number;
  m: number;
  d: number;
  place: Place;
  postcodes: string[];
  occupations: number[];
  honorific?: string;
  postnominals: string[];
  title?: Title;
  junior: boolean; // named after his father, who is also in the registry
  senior: boolean; // has a namesake son in the registry
  relation: 'none' | 'child' | 'sibling' | 'twin' | 'namesake-year' | 'namesake-cousin';
  records: number;
}

const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const outward = (rng: Rng, area: string): string => {
  const max = area.length === 1 ? 28 : 18;
  return `${area}${rng.int(1, max)}`;
};

const inward = (rng: Rng): string =>
  `${rng.int(0, 9)}${UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)]}${UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)]}`;

const newPostcode = (rng: Rng, area: string): string => `${outward(rng, area)} ${inward(rng)}`;

const nearbyPostcode = (rng: Rng, pc: string): string => {
  const [out] = pc.split(' ');
  let next = pc;
  while (next === pc) next = `${out} ${inward(rng)}`;
  return next;
};

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const birthYear = (rng: Rng): number => {
  // 1700–1965, most between 1800 and 1930 (triangular core plus a flat floor).
  if (rng.chance(0.2)) return rng.int(1700, 1965);
  return Math.round(1790 + (rng.next() + rng.next()) * 70);
};

const pickGiven = (rng: Rng, pools: Pools, sex: Sex, origin: Origin, country?: Country): string => {
  if (country) return rng.pick(sex === 'M' ? country.male : country.female);
  const regional = (p: number, m: Weighted<string>, f: Weighted<string>): string | undefined =>
    rng.chance(p) ? (sex === 'M' ? m : f).pick(rng) : undefined;
  const r =
    origin === 'Wales'
      ? regional(0.3, pools.welshMale, pools.welshFemale)
      : origin === 'Scotland'
        ? regional(0.3, pools.scotMale, pools.scotFemale)
        : origin === 'Ireland'
          ? regional(0.35, pools.irishMale, pools.irishFemale)
          : undefined;
  return r ?? (sex === 'M' ? pools.male : pools.female).pick(rng);
};

const pickSurname = (rng: Rng, pools: Pools, origin: Origin, country?: Country): string => {
  if (country) return rng.chance(0.85) ? rng.pick(country.surnames) : pools.surname.pick(rng);
  if (origin === 'Wales' && rng.chance(0.75)) return pools.welshSurname.pick(rng);
  if (origin === 'Scotland' && rng.chance(0.55)) return pools.scotSurname.pick(rng);
  if (origin === 'Ireland' && rng.chance(0.65)) return pools.irishSurname.pick(rng);
  return pools.surname.pick(rng);
};

const pickOrigin = (rng: Rng, pools: Pools): { origin: Origin; country?: Country } => {
  const r = rng.next();
  if (r < 0.7) return { origin: 'England' };
  if (r < 0.8) return { origin: 'Scotland' };
  if (r < 0.86) return { origin: 'Wales' };
  if (r < 0.93) return { origin: 'Ireland' };
  return { origin: 'abroad', country: pools.foreign.pick(rng) };
};

const pickPlace = (rng: Rng, pools: Pools, origin: Origin, country?: Country): Place => {
  if (country)
    return new Weighted(
      country.places,
      country.places.map((p) => p.weight),
    ).pick(rng);
  if (origin === 'Scotland') return pools.scotPlace.pick(rng);
  if (origin === 'Wales') return pools.welshPlace.pick(rng);
  if (origin === 'Ireland') return pools.irishPlace.pick(rng);
  return pools.englishPlace.pick(rng);
};

const pickMiddles = (rng: Rng, pools: Pools, sex: Sex, origin: Origin, given: string, country?: Country): string[] => {
  const r = rng.next();
  const n = r < 0.38 ? 1 : r < 0.45 ? 2 : 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    // A mother's or grandmother's surname as a middle name ("William Ewart Gladstone"), or a given name.
    const m = rng.chance(0.3) && !country ? pools.surname.pick(rng) : pickGiven(rng, pools, sex, origin, country);
    if (!out.includes(m) && m !== given) out.push(m);
  }
  return out;
};

const peerTitle = (rng: Rng, pools: Pools, surname: string, sex: Sex): Title => {
  const rank = rng.pick(PEERAGE_RANKS);
  const ordinal = ORDINALS[Math.min(ORDINALS.length - 1, Math.floor(rng.next() ** 2 * ORDINALS.length))];
  const withOf = rank === 'Earl' || rank === 'Marquess' || rank === 'Duke';
  const territory = !withOf && rng.chance(0.6) ? surname : pools.ukPlace.pick(rng).town;
  const female: Record<string, string> = {
    Baron: 'Baroness',
    Viscount: 'Viscountess',
    Earl: 'Countess',
    Marquess: 'Marchioness',
    Duke: 'Duchess',
  };
  const r = sex === 'F' ? female[rank] : rank;
  return { kind: sex === 'F' ? 'lady' : 'peer', ordinal, style: withOf ? `${r} of ${territory}` : `${r} ${territory}` };
};

const dressPerson = (rng: Rng, pools: Pools, p: Person): void => {
  // Occupations, honorifics, titles, post-nominals, married names, postcodes.
  const occ = p.sex === 'M' ? pools.occMale : pools.occFemale;
  p.occupations = [occ.pick(rng)];
  if (rng.chance(0.2)) {
    const o = occ.pick(rng);
    if (o !== p.occupations[0]) p.occupations.push(o);
  }
  const main = OCCUPATIONS[p.occupations[0]];
  if (main.honorific && rng.chance(0.7)) {
    p.honorific =
      main.honorific === 'Capt.'
        ? rng.pick(['Capt.', 'Capt.', 'Major', 'Col.', 'Lt.-Col.', 'General', 'Lieutenant'])
        : main.honorific === 'Admiral'
          ? rng.pick(['Admiral', 'Captain', 'Commander', 'Vice-Admiral'])
          : main.honorific;
  }
  if (main.postnominal && rng.chance(0.3)) p.postnominals.push(rng.pick(main.postnominal));
  // Titles go with the professions and the peerage, not with the plough.
  const r = rng.next() / (TITLE_ODDS[main.male[0]] ?? 1);
  if (p.sex === 'M') {
    if (r < 0.008) p.title = peerTitle(rng, pools, p.surname, 'M');
    else if (r < 0.012) p.title = { kind: 'baronet', ordinal: rng.pick(ORDINALS.slice(0, 5)), style: 'Baronet' };
    else if (r < 0.03) {
      p.title = { kind: 'knight', ordinal: '', style: '' };
      if (rng.chance(0.5)) p.postnominals.push(rng.pick(['KBE', 'KCB', 'KCMG', 'KCVO', 'Kt']));
    }
  } else if (r < 0.008) {
    p.title = { kind: 'dame', ordinal: '', style: '' };
    p.postnominals.push(rng.pick(['DBE', 'GBE']));
  } else if (r < 0.014) p.title = peerTitle(rng, pools, p.surname, 'F');
  if ((p.title?.kind === 'peer' || p.title?.kind === 'lady') && rng.chance(0.5)) p.occupations[0] = PEER_OCCUPATION;
  if (p.sex === 'F' && p.y < 1945 && rng.chance(0.45)) {
    p.married.push(pickSurname(rng, pools, p.origin, p.country));
    if (rng.chance(0.07)) p.married.push(pools.surname.pick(rng));
  }
  if (p.postcodes.length === 0) {
    const area =
      p.place.area ?? (rng.chance(p.origin === 'Ireland' ? 0.35 : 0.5) ? pools.ukPlace.pick(rng).area : undefined);
    if (area) p.postcodes.push(newPostcode(rng, area));
  }
  if (p.postcodes.length > 0 && rng.chance(0.12)) {
    // moved: a second address, in the same district or elsewhere
    p.postcodes.push(
      rng.chance(0.4) ? nearbyPostcode(rng, p.postcodes[0]) : newPostcode(rng, pools.ukPlace.pick(rng).area!),
    );
  }
};

// How much likelier than average a person of this occupation is to be knighted or ennobled.
const TITLE_ODDS: Record<string, number> = {
  politician: 4,
  'army officer': 3,
  'naval officer': 3,
  physician: 2,
  surgeon: 2,
  barrister: 2.5,
  writer: 1.5,
  poet: 1,
  painter: 1.5,
  musician: 1,
  actor: 1,
  merchant: 1,
  engineer: 1.5,
  architect: 1.5,
  banker: 2.5,
  academic: 2,
  scientist: 2,
  journalist: 1,
  peer: 12,
  'civil servant': 3,
  industrialist: 3,
  inventor: 1,
  cricketer: 0.5,
  clergyman: 0.5,
  solicitor: 0.5,
  schoolmaster: 0.1,
  missionary: 0.2,
  campaigner: 0.5,
};
const PEER_OCCUPATION = OCCUPATIONS.findIndex((o) => o.male[0] === 'peer');

const RECORD_COUNTS = new Weighted(
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 24, 30],
  [34, 22, 14, 9, 6, 4, 3, 2, 1.5, 1.2, 0.7, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05],
);

const freshPerson = (rng: Rng, pools: Pools, id: string): Person => {
  const sex: Sex = rng.chance(0.6) ? 'M' : 'F';
  const { origin, country } = pickOrigin(rng, pools);
  const y = birthYear(rng);
  const m = rng.int(1, 12);
  const given = pickGiven(rng, pools, sex, origin, country);
  return {
    id,
    sex,
    origin,
    country,
    given,
    middles: pickMiddles(rng, pools, sex, origin, given, country),
    surname: pickSurname(rng, pools, origin, country),
    married: [],
    y,
    m,
    d: rng.int(1, daysIn(y, m)),
    place: pickPlace(rng, pools, origin, country),
    postcodes: [],
    occupations: [],
    postnominals: [],
    junior: false,
    senior: false,
    relation: 'none',
    records: 0,
  };
};

const withDate = (rng: Rng, p: Person, y: number): void => {
  p.y = y;
  p.m = rng.int(1, 12);
  p.d = rng.int(1, daysIn(p.y, p.m));
};

const makePerson = (rng: Rng, pools: Pools, persons: Person[], id: string): Person => {
  const p = freshPerson(rng, pools, id);
  const r = rng.next();
  if (persons.length > 10 && r < 0.2) {
    const q = persons[rng.int(0, persons.length - 1)];
    p.origin = q.origin;
    p.country = q.country;
    if (r < 0.15) {
      // same family: names from the family's own tradition
      p.given = pickGiven(rng, pools, p.sex, p.origin, p.country);
      p.middles = pickMiddles(rng, pools, p.sex, p.origin, p.given, p.country);
    } else if (p.sex !== q.sex) {
      p.sex = q.sex;
      p.middles = pickMiddles(rng, pools, p.sex, p.origin, p.given, p.country);
    }
    if (r < 0.07 && q.y < 1935) {
      // a child of q: q's surname (a mother's married one), often q's town and address
      p.relation = 'child';
      p.surname = q.sex === 'F' && q.married.length > 0 ? q.married[0] : q.surname;
      withDate(rng, p, q.y + rng.int(19, 42));
      if (rng.chance(0.6)) p.place = q.place;
      if (q.postcodes.length > 0 && rng.chance(0.5)) p.postcodes.push(q.postcodes[0]);
      if (q.sex === 'M' && p.sex === 'M' && rng.chance(0.35)) {
        p.given = q.given;
        p.middles = rng.chance(0.5) ? [...q.middles] : p.middles;
        p.junior = true;
        q.senior = true;
      }
    } else if (r < 0.15) {
      // a brother or sister: same surname, town and (usually) address; twins share the birthday
      p.surname = q.surname;
      p.place = rng.chance(0.85) ? q.place : p.place;
      if (q.postcodes.length > 0 && rng.chance(0.75))
        p.postcodes.push(rng.chance(0.8) ? q.postcodes[0] : nearbyPostcode(rng, q.postcodes[0]));
      if (rng.chance(0.05)) {
        p.relation = 'twin';
        p.y = q.y;
        p.m = q.m;
        p.d = q.d;
      } else {
        p.relation = 'sibling';
        const gap = rng.int(1, 14) * (rng.chance(0.5) ? 1 : -1);
        withDate(rng, p, q.y + gap);
      }
      while (p.given === q.given) p.given = pickGiven(rng, pools, p.sex, p.origin, p.country);
    } else if (r < 0.175) {
      // a namesake born the same year (another family, usually elsewhere)
      p.relation = 'namesake-year';
      p.sex = q.sex;
      p.given = q.given;
      p.surname = q.surname;
      withDate(rng, p, q.y);
      if (rng.chance(0.3)) p.place = q.place;
    } else {
      // a cousin named after the same grandfather: same name and town, a few years apart
      p.relation = 'namesake-cousin';
      p.sex = q.sex;
      p.given = q.given;
      p.surname = q.surname;
      p.place = q.place;
      withDate(rng, p, q.y + rng.int(-6, 6));
    }
  }
  dressPerson(rng, pools, p);
  let k = RECORD_COUNTS.pick(rng);
  if (p.title) k += rng.int(1, 6); // the titled are in every register
  p.records = k;
  return p;
};

// ---------------------------------------------------------------------------------------------
// Sources: each record is a view of its person through one register, with that register's habits.

interface Source {
  name: string;
  weight: number;
  nick: number;
  abbrev: number;
  initialOnly: number;
  middleFull: number;
  middleInitial: number;
  typo: number;
  ocr: boolean;
  title: number;
  mrs: number;
  husbandStyle: number;
  marriedPref: number;
  nee: number;
  surnameFirst: number;
  upper: number;
  parsed: number;
  careful: number; // share of parsed records whose parser knows titles and suffixes
  dob: { full: number; year: number }; // the rest is missing
  dmy: number;
  baptism: number;
  ageOffByOne: number;
  place: { missing: number; town: number; townCounty: number; county: number; city: number; country: number };
  reversedPlace: number;
  postcodeMissing: number;
  genderMissing: number;
  gender: [string, string];
  occupationMissing: number;
  capitalOcc: number;
}

const SOURCES: Source[] = [
  {
    name: 'biographical dictionary',
    weight: 22,
    nick: 0.03,
    abbrev: 0,
    initialOnly: 0.01,
    middleFull: 0.75,
    middleInitial: 0.1,
    typo: 0.012,
    ocr: false,
    title: 0.85,
    mrs: 0,
    husbandStyle: 0,
    marriedPref: 0.6,
    nee: 0.25,
    surnameFirst: 0,
    upper: 0,
    parsed: 0.25,
    careful: 0.6,
    dob: { full: 0.85, year: 0.1 },
    dmy: 0,
    baptism: 0,
    ageOffByOne: 0,
    place: { missing: 0.05, town: 0.45, townCounty: 0.3, county: 0.05, city: 0.1, country: 0.05 },
    reversedPlace: 0,
    postcodeMissing: 0.6,
    genderMissing: 0.05,
    gender: ['male', 'female'],
    occupationMissing: 0.03,
    capitalOcc: 0,
  },
  {
    name: 'peerage and honours roll',
    weight: 0, // used for titled persons only
    nick: 0.01,
    abbrev: 0,
    initialOnly: 0,
    middleFull: 0.85,
    middleInitial: 0.05,
    typo: 0.01,
    ocr: false,
    title: 0.97,
    mrs: 0,
    husbandStyle: 0,
    marriedPref: 0.7,
    nee: 0.3,
    surnameFirst: 0.05,
    upper: 0,
    parsed: 0.5,
    careful: 0.5,
    dob: { full: 0.9, year: 0.07 },
    dmy: 0,
    baptism: 0,
    ageOffByOne: 0,
    place: { missing: 0.2, town: 0.4, townCounty: 0.25, county: 0.1, city: 0.03, country: 0.02 },
    reversedPlace: 0,
    postcodeMissing: 0.6,
    genderMissing: 0.2,
    gender: ['male', 'female'],
    occupationMissing: 0.2,
    capitalOcc: 0,
  },
  {
    name: 'parish register transcription',
    weight: 20,
    nick: 0.01,
    abbrev: 0.15,
    initialOnly: 0,
    middleFull: 0.8,
    middleInitial: 0,
    typo: 0.06,
    ocr: true,
    title: 0,
    mrs: 0,
    husbandStyle: 0,
    marriedPref: 0.25,
    nee: 0,
    surnameFirst: 0.3,
    upper: 0.3,
    parsed: 0.15,
    careful: 0.5,
    dob: { full: 0.85, year: 0.05 },
    dmy: 0.6,
    baptism: 0.35,
    ageOffByOne: 0,
    place: { missing: 0.15, town: 0.7, townCounty: 0.05, county: 0.1, city: 0, country: 0 },
    reversedPlace: 0,
    postcodeMissing: 0.5,
    genderMissing: 0.3,
    gender: ['M', 'F'],
    occupationMissing: 0.7,
    capitalOcc: 0.5,
  },
  {
    name: 'census index',
    weight: 22,
    nick: 0.08,
    abbrev: 0.12,
    initialOnly: 0.03,
    middleFull: 0.2,
    middleInitial: 0.15,
    typo: 0.05,
    ocr: true,
    title: 0.05,
    mrs: 0,
    husbandStyle: 0,
    marriedPref: 0.85,
    nee: 0,
    surnameFirst: 0.2,
    upper: 0.2,
    parsed: 0.2,
    careful: 0.5,
    dob: { full: 0.05, year: 0.85 },
    dmy: 0,
    baptism: 0,
    ageOffByOne: 0.35,
    place: { missing: 0.1, town: 0.35, townCounty: 0.25, county: 0.25, city: 0.05, country: 0 },
    reversedPlace: 0.3,
    postcodeMissing: 0.2,
    genderMissing: 0.03,
    gender: ['M', 'F'],
    occupationMissing: 0.12,
    capitalOcc: 0.5,
  },
  {
    name: 'newspaper obituary index',
    weight: 13,
    nick: 0.2,
    abbrev: 0,
    initialOnly: 0.05,
    middleFull: 0.3,
    middleInitial: 0.2,
    typo: 0.03,
    ocr: false,
    title: 0.5,
    mrs: 0.3,
    husbandStyle: 0.15,
    marriedPref: 0.9,
    nee: 0.2,
    surnameFirst: 0,
    upper: 0,
    parsed: 0.5,
    careful: 0.4,
    dob: { full: 0.3, year: 0.25 },
    dmy: 0,
    baptism: 0,
    ageOffByOne: 0.1,
    place: { missing: 0.4, town: 0.35, townCounty: 0.1, county: 0.05, city: 0.08, country: 0.02 },
    reversedPlace: 0,
    postcodeMissing: 0.35,
    genderMissing: 0.6,
    gender: ['male', 'female'],
    occupationMissing: 0.35,
    capitalOcc: 0,
  },
  {
    name: 'family tree submission',
    weight: 18,
    nick: 0.06,
    abbrev: 0,
    initialOnly: 0.02,
    middleFull: 0.7,
    middleInitial: 0.1,
    typo: 0.04,
    ocr: false,
    title: 0.3,
    mrs: 0,
    husbandStyle: 0,
    marriedPref: 0.3,
    nee: 0.3,
    surnameFirst: 0.05,
    upper: 0.05,
    parsed: 0.45,
    careful: 0.3,
    dob: { full: 0.6, year: 0.2 },
    dmy: 0.1,
    baptism: 0,
    ageOffByOne: 0.05,
    place: { missing: 0.15, town: 0.4, townCounty: 0.3, county: 0.08, city: 0.05, country: 0.02 },
    reversedPlace: 0,
    postcodeMissing: 0.3,
    genderMissing: 0.1,
    gender: ['Male', 'Female'],
    occupationMissing: 0.5,
    capitalOcc: 0,
  },
];

const GENERAL_SOURCES = new Weighted(
  SOURCES.filter((s) => s.weight > 0),
  SOURCES.filter((s) => s.weight > 0).map((s) => s.weight),
);
const PEERAGE = SOURCES[1];

// ---------------------------------------------------------------------------------------------
// Errors.

const KEYBOARD: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'adwx',
  d: 'sfec',
  f: 'dgrv',
  g: 'fhtb',
  h: 'gjyn',
  j: 'hkum',
  k: 'jli',
  l: 'ko',
  z: 'xa',
  x: 'zcs',
  c: 'xvd',
  v: 'cbf',
  b: 'vng',
  n: 'bmh',
  m: 'nj',
};

// Misreadings of old print and handwriting: [written, read]
const OCR: [string, string][] = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['cl', 'd'],
  ['d', 'cl'],
  ['li', 'h'],
  ['h', 'li'],
  ['e', 'c'],
  ['c', 'e'],
  ['a', 'o'],
  ['o', 'a'],
  ['n', 'u'],
  ['u', 'n'],
  ['l', 'I'],
  ['i', 'l'],
  ['w', 'vv'],
  ['s', 'f'],
  ['t', 'f'],
  ['b', 'h'],
  ['ii', 'u'],
  ['nn', 'un'],
];

const casedLike = (src: string, s: string): string => (src === src.toUpperCase() ? s.toUpperCase() : s);

const keyboardTypo = (rng: Rng, w: string): string => {
  if (w.length < 3) return w;
  const i = rng.int(1, w.length - 1); // the first letter is usually right
  const ch = w[i];
  const near = KEYBOARD[ch.toLowerCase()];
  const op = rng.int(0, 4);
  if (op === 0 && near) return w.slice(0, i) + casedLike(ch, rng.pick([...near])) + w.slice(i + 1);
  if (op === 1) return w.slice(0, i) + w.slice(i + 1);
  if (op === 2 && i < w.length - 1) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (op === 3) return w.slice(0, i) + ch + w.slice(i);
  if (near) return w.slice(0, i) + casedLike(ch, rng.pick([...near])) + w.slice(i);
  return w.slice(0, i) + w.slice(i + 1);
};

const ocrTypo = (rng: Rng, w: string): string => {
  const lower = w.toLowerCase();
  const options: [number, string, string][] = [];
  for (const [from, to] of OCR) {
    let at = lower.indexOf(from, 1);
    while (at >= 0) {
      options.push([at, from, to]);
      at = lower.indexOf(from, at + 1);
    }
  }
  if (options.length === 0) return keyboardTypo(rng, w);
  const [at, from, to] = rng.pick(options);
  return w.slice(0, at) + casedLike(w.slice(at, at + from.length), to) + w.slice(at + from.length);
};

const typoInWords = (rng: Rng, s: string, ocr: boolean): string => {
  const ws = s.split(' ');
  const candidates = ws.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 3);
  if (candidates.length === 0) return s;
  const [w, i] = rng.pick(candidates);
  ws[i] = ocr ? ocrTypo(rng, w) : keyboardTypo(rng, w);
  return ws.join(' ');
};

const SURNAME_GROUPS: string[][] = [
  ['Smith', 'Smyth', 'Smythe'],
  ['Thompson', 'Thomson', 'Tomson'],
  ['Clark', 'Clarke'],
  ['Reid', 'Reed', 'Read', 'Reade'],
  ['Stewart', 'Stuart'],
  ['Gray', 'Grey'],
  ['Davies', 'Davis', 'Davys'],
  ['Stevens', 'Stephens'],
  ['Stevenson', 'Stephenson'],
  ['Philips', 'Phillips'],
  ['Matthews', 'Mathews'],
  ['Jeffries', 'Jefferies', 'Jeffreys'],
  ['Brown', 'Browne'],
  ['Green', 'Greene'],
  ['Cook', 'Cooke'],
  ['Wild', 'Wilde'],
  ['Hughes', 'Hughs'],
  ['Johnson', 'Johnstone', 'Johnston'],
  ['Nicholls', 'Nichols', 'Nicolls'],
  ['Macdonald', 'MacDonald', 'McDonald'],
  ['Mackenzie', 'MacKenzie', 'McKenzie'],
  ['MacLeod', 'McLeod', 'Macleod'],
  ['Lloyd', 'Loyd'],
  ['Pritchard', 'Prichard'],
  ['Griffiths', 'Griffith'],
  ['Rees', 'Reece', 'Rhys'],
  ['Powell', 'Powel'],
  ['Harris', 'Harries'],
  ['Vaughan', 'Vaughn'],
  ['Russell', 'Russel'],
  ['Mitchell', 'Mitchel'],
  ['Marshall', 'Marshal'],
  ['Atkinson', 'Atkison'],
  ['Dickinson', 'Dickenson'],
  ['Hodgson', 'Hodgeson'],
  ['Pearce', 'Pierce', 'Peirce', 'Pearse'],
  ['Kelly', 'Kelley'],
  ['Byrne', 'Byrnes', 'Burne'],
  ['Murphy', 'Murphey'],
];
const SURNAME_GROUP_OF = new Map<string, string[]>();
for (const g of SURNAME_GROUPS) for (const n of g) SURNAME_GROUP_OF.set(n, g);

const GIVEN_GROUP_OF = new Map<string, string[]>();
for (const g of GIVEN_VARIANTS) for (const n of g) GIVEN_GROUP_OF.set(n, g);

const stripAccents = (s: string): string =>
  s
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

const germanise = (s: string): string =>
  s
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue');

const surnameVariant = (rng: Rng, s: string): string => {
  const g = SURNAME_GROUP_OF.get(s);
  if (g) return rng.pick(g.filter((x) => x !== s));
  if (/^Mac[A-Z]/.test(s)) return rng.chance(0.5) ? `Mc${s.slice(3)}` : `Mac${s.slice(3).toLowerCase()}`;
  if (/^Mc[A-Z]/.test(s)) return `Mac${s.slice(2)}`;
  if (/^O'/.test(s)) return rng.chance(0.5) ? `O ${s.slice(2)}` : s.slice(2);
  if (s.includes('-')) return rng.chance(0.5) ? s.replace('-', ' ') : s.split('-').pop()!;
  if (/^(de la|de|le|St) /i.test(s)) return rng.chance(0.5) ? s.replace(/ /g, '') : s.split(' ').pop()!;
  if (/([bcdfglmnprst])\1/.test(s)) return s.replace(/([bcdfglmnprst])\1/, '$1');
  if (/[kndl]e$/.test(s)) return s.slice(0, -1);
  if (/[kndl]$/.test(s)) return `${s}e`;
  if (/ey$/.test(s)) return `${s.slice(0, -2)}y`;
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ey`;
  return s;
};

// ---------------------------------------------------------------------------------------------
// One record.

export interface RecordRow {
  record_id: string;
  full_name: string;
  first_name: string;
  surname: string;
  dob: string;
  birth_place: string;
  postcode: string;
  gender: string;
  occupation: string;
}

type Counts = Record<string, number>;

const COUNTY_SHORT: Record<string, string> = {
  Yorkshire: 'Yorks',
  Lancashire: 'Lancs',
  Gloucestershire: 'Glos',
  Hampshire: 'Hants',
  Northamptonshire: 'Northants',
  Staffordshire: 'Staffs',
  Warwickshire: 'Warks',
  Buckinghamshire: 'Bucks',
  Berkshire: 'Berks',
  Hertfordshire: 'Herts',
  Bedfordshire: 'Beds',
  Nottinghamshire: 'Notts',
  Leicestershire: 'Leics',
  Lincolnshire: 'Lincs',
  Oxfordshire: 'Oxon',
  Shropshire: 'Salop',
  Wiltshire: 'Wilts',
  Worcestershire: 'Worcs',
  Cambridgeshire: 'Cambs',
  Durham: 'Co. Durham',
  Northumberland: 'Northd',
  Middlesex: 'Middx',
  Derbyshire: 'Derbys',
  Glamorgan: 'Glam',
  Lanarkshire: 'Lanarks',
};
const COUNTRY_VARIANTS: Record<string, string[]> = {
  'United States': ['United States', 'USA', 'America', 'United States of America'],
  England: ['England', 'England, UK'],
  Scotland: ['Scotland'],
  Wales: ['Wales'],
  Ireland: ['Ireland'],
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const formatDate = (y: number, m: number, d: number, dmy: boolean): string =>
  dmy ? `${pad(d)}.${pad(m)}.${y}` : `${y}-${pad(m)}-${pad(d)}`;

const validDate = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

const addDays = (y: number, m: number, d: number, k: number): [number, number, number] => {
  const t = new Date(Date.UTC(y, m - 1, d + k));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

const writeDob = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  const r = rng.next();
  if (r >= src.dob.full + src.dob.year) {
    c.dob_missing++;
    return '';
  }
  if (r >= src.dob.full) {
    c.dob_year_only++;
    if (rng.chance(src.ageOffByOne)) {
      c.dob_year_off_by_one++;
      return String(p.y + (rng.chance(0.7) ? -1 : 1));
    }
    return String(p.y);
  }
  let y = p.y;
  let m = p.m;
  let d = p.d;
  if (rng.chance(src.baptism)) {
    c.dob_baptism_date++;
    [y, m, d] = addDays(y, m, d, rng.int(3, 60));
  }
  const e = rng.next();
  if (e < 0.03 && d <= 12 && d !== m) {
    c.dob_day_month_swapped++;
    [m, d] = [d, m];
  } else if (e < 0.06) {
    // one mistyped digit, still a valid date
    for (let tries = 0; tries < 20; tries++) {
      const digits = `${y}${pad(m)}${pad(d)}`.split('');
      const i = rng.pick([2, 3, 5, 6, 7]);
      digits[i] = String(rng.int(0, 9));
      const s = digits.join('');
      const ny = Number(s.slice(0, 4));
      const nm = Number(s.slice(4, 6));
      const nd = Number(s.slice(6, 8));
      if (validDate(ny, nm, nd) && s !== `${y}${pad(m)}${pad(d)}`) {
        c.dob_digit_typo++;
        [y, m, d] = [ny, nm, nd];
        break;
      }
    }
  } else if (e < 0.08) {
    c.dob_year_off_by_one++;
    y += rng.chance(0.5) ? 1 : -1;
    d = Math.min(d, daysIn(y, m));
  } else if (e < 0.095) {
    c.dob_wrong_day++;
    const nd = rng.int(1, daysIn(y, m));
    if (nd !== d) d = nd;
  }
  if (rng.chance(0.012)) {
    c.dob_month_year_only++;
    return `${pad(m)}.${y}`;
  }
  return formatDate(y, m, d, rng.chance(src.dmy));
};

const countyName = (rng: Rng, county: string, c: Counts): string => {
  const short = COUNTY_SHORT[county];
  if (short && rng.chance(0.3)) {
    c.place_county_abbreviated++;
    return short;
  }
  return county;
};

const writePlace = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  const pl = p.place;
  const w = src.place;
  let r = rng.next() * (w.missing + w.town + w.townCounty + w.county + w.city + w.country);
  const take = (x: number): boolean => {
    r -= x;
    return r < 0;
  };
  let s: string;
  if (take(w.missing)) {
    c.place_missing++;
    return '';
  }
  const town = rng.chance(0.035) ? (c.place_typo++, typoInWords(rng, pl.town, src.ocr)) : pl.town;
  if (take(w.town)) s = town;
  else if (take(w.townCounty)) {
    c.place_town_and_county++;
    const region = pl.country === 'England' || pl.country === 'Scotland' || pl.country === 'Wales' ? pl.county : '';
    if (pl.city && rng.chance(0.6)) s = `${town}, ${pl.city}`;
    else if (region && rng.chance(0.8)) s = `${town}, ${countyName(rng, region, c)}`;
    else s = `${town}, ${rng.pick(COUNTRY_VARIANTS[pl.country] ?? [pl.country])}`;
    if (rng.chance(src.reversedPlace)) {
      const [a, b] = s.split(', ');
      s = `${b}, ${a}`;
    }
  } else if (take(w.county)) {
    c.place_county_only++;
    s = countyName(rng, pl.county, c);
  } else if (take(w.city) && pl.city) {
    c.place_city_for_district++;
    s = pl.city;
  } else {
    if (pl.city || rng.chance(0.5)) {
      c.place_country_only++;
      s = rng.pick(COUNTRY_VARIANTS[pl.country] ?? [pl.country]);
    } else s = town;
  }
  if (pl.country !== 'England' && pl.country !== 'Scotland' && pl.country !== 'Wales' && rng.chance(0.5))
    s = stripAccents(s);
  return s;
};

const writePostcode = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  if (p.postcodes.length === 0) return '';
  if (rng.chance(src.postcodeMissing)) {
    c.postcode_missing++;
    return '';
  }
  let pc = p.postcodes.length > 1 && rng.chance(0.5) ? p.postcodes[1] : p.postcodes[0];
  if (pc !== p.postcodes[0]) c.postcode_other_address++;
  const e = rng.next();
  if (e < 0.05) {
    c.postcode_nearby++;
    pc = nearbyPostcode(rng, pc);
  } else if (e < 0.09) {
    c.postcode_typo++;
    const chars = pc.split('');
    const idx = chars.map((ch, i) => [ch, i] as const).filter(([ch]) => ch !== ' ');
    const [ch, i] = rng.pick(idx);
    if (/\d/.test(ch)) chars[i] = rng.chance(0.3) && ch === '0' ? 'O' : String((Number(ch) + rng.pick([1, 9, 3])) % 10);
    else chars[i] = rng.chance(0.3) && ch === 'O' ? '0' : UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)];
    if (rng.chance(0.3) && i + 1 < chars.length && chars[i + 1] !== ' ')
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    pc = chars.join('');
  } else if (e < 0.12) {
    c.postcode_outward_only++;
    pc = pc.split(' ')[0];
  }
  if (rng.chance(0.05)) {
    c.postcode_no_space++;
    pc = pc.replace(' ', '');
  }
  if (rng.chance(0.02)) pc = pc.toLowerCase();
  return pc;
};

const writeOccupation = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  if (rng.chance(src.occupationMissing)) {
    c.occupation_missing++;
    return '';
  }
  const o = OCCUPATIONS[rng.pick(p.occupations)];
  if (p.occupations.length > 1) c.occupation_of_two++;
  const forms = p.sex === 'F' && o.female ? o.female : o.male;
  let s = forms[0];
  if (forms.length > 1 && rng.chance(0.5)) {
    c.occupation_other_wording++;
    s = rng.pick(forms.slice(1));
  }
  if (rng.chance(src.capitalOcc)) s = s[0].toUpperCase() + s.slice(1);
  return s;
};

const writeGender = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  if (rng.chance(src.genderMissing)) {
    c.gender_missing++;
    return '';
  }
  let sex = p.sex;
  if (rng.chance(0.004)) {
    c.gender_wrong++;
    sex = sex === 'M' ? 'F' : 'M';
  }
  return sex === 'M' ? src.gender[0] : src.gender[1];
};

const HONORIFICS_KNOWN = new Set(['mr', 'mrs', 'miss', 'ms', 'dr', 'mr.', 'mrs.', 'dr.']);
const TITLES_CAREFUL = new Set([
  ...HONORIFICS_KNOWN,
  'sir',
  'dame',
  'lady',
  'lord',
  'the',
  'rev.',
  'revd',
  'capt.',
  'col.',
  'major',
  'general',
  'lieutenant',
  'lt.-col.',
  'admiral',
  'captain',
  'commander',
  'vice-admiral',
  'prof.',
  'hon.',
]);
const SUFFIXES = new Set([
  'jr.',
  'jr',
  'sr.',
  'snr',
  'jnr',
  'ii',
  'iii',
  'mp',
  'frs',
  'kc',
  'qc',
  'vc',
  'dso',
  'mc',
  'ra',
  'md',
  'frcp',
  'frcs',
  'kbe',
  'kcb',
  'kcmg',
  'kcvo',
  'kt',
  'dbe',
  'gbe',
  'bt',
]);
const PARTICLES = new Set(['de', 'la', 'le', 'van', 'von', 'st', 'del', 'di']);

const clean = (t: string): string => t.replace(/^[("]+|[),."]+$/g, '');

// How a register's import script split full names into first name and surname.
const parseName = (full: string, careful: boolean): [string, string] => {
  let s = full;
  if (careful) s = s.replace(/\(.*?\)/g, ' ');
  const comma = s.indexOf(',');
  if (comma >= 0) {
    const before = s.slice(0, comma).trim();
    const after = s.slice(comma + 1).trim();
    const firstAfter = after.split(/\s+/)[0] ?? '';
    const suffixLike =
      /^\d/.test(firstAfter) || SUFFIXES.has(firstAfter.toLowerCase()) || /^(Baron|Bt|the)/.test(firstAfter);
    if (!suffixLike) {
      // "SMITH, John Henry"
      const given = after.split(/\s+/).filter((t) => !careful || !TITLES_CAREFUL.has(t.toLowerCase()));
      return [clean(given[0] ?? ''), clean(before)];
    }
    if (careful) s = before;
  }
  let tokens = s.split(/\s+/).filter((t) => t.length > 0);
  const known = careful ? TITLES_CAREFUL : HONORIFICS_KNOWN;
  while (tokens.length > 1 && known.has(tokens[0].toLowerCase())) tokens = tokens.slice(1);
  if (careful) {
    while (tokens.length > 1 && SUFFIXES.has(clean(tokens[tokens.length - 1]).toLowerCase()))
      tokens = tokens.slice(0, -1);
  }
  if (tokens.length === 0) return ['', ''];
  if (tokens.length === 1) return ['', clean(tokens[0])];
  let last = tokens.length - 1;
  if (careful) while (last > 1 && PARTICLES.has(tokens[last - 1].toLowerCase())) last--;
  return [clean(tokens[0]), tokens.slice(last).map(clean).join(' ')];
};

const writeGiven = (rng: Rng, p: Person, src: Source, c: Counts): string => {
  let g = p.given;
  if (p.country?.anglicised?.[g] && rng.chance(0.15)) {
    c.given_anglicised++;
    return p.country.anglicised[g];
  }
  const nicks = NICKNAMES[g];
  const r = rng.next();
  if (nicks && r < src.nick) {
    c.given_nickname++;
    return rng.pick(nicks);
  }
  if (ABBREVIATIONS[g] && r < src.nick + src.abbrev) {
    c.given_abbreviated++;
    return ABBREVIATIONS[g] + (rng.chance(0.5) ? '.' : '');
  }
  if (r > 1 - src.initialOnly) {
    c.given_initial_only++;
    return `${g[0]}.`;
  }
  const variants = GIVEN_GROUP_OF.get(g);
  if (variants && rng.chance(0.08)) {
    c.given_spelling_variant++;
    g = rng.pick(variants.filter((v) => v !== g));
  }
  if (p.country && rng.chance(0.6)) g = stripAccents(g);
  return g;
};

const writeSurname = (rng: Rng, p: Person, c: Counts, useMarried: boolean): string => {
  let s = useMarried ? p.married[p.married.length > 1 && rng.chance(0.5) ? 1 : 0] : p.surname;
  if (rng.chance(0.05)) {
    const v = surnameVariant(rng, s);
    if (v !== s) c.surname_spelling_variant++;
    s = v;
  }
  if (p.country && stripAccents(s) !== s && rng.chance(0.7)) {
    c.surname_accents_dropped++;
    s = rng.chance(0.3) ? stripAccents(germanise(s)) : stripAccents(s);
  }
  return s;
};

const makeRecord = (rng: Rng, p: Person, c: Counts): Omit<RecordRow, 'record_id'> => {
  const src = p.title && rng.chance(0.3) ? PEERAGE : GENERAL_SOURCES.pick(rng);
  c[`source: ${src.name}`] = (c[`source: ${src.name}`] ?? 0) + 1;

  // Names as the register wrote them.
  let given = writeGiven(rng, p, src, c);
  const marriedUsed = p.married.length > 0 && rng.chance(src.marriedPref);
  if (marriedUsed) c.married_surname_used++;
  let surname = writeSurname(rng, p, c, marriedUsed);
  let maiden = '';
  if (p.married.length > 0 && marriedUsed && rng.chance(src.nee)) {
    c.nee_form++;
    maiden = writeSurname(rng, p, c, false);
  }
  if (rng.chance(src.typo)) {
    c.typo_given++;
    given = typoInWords(rng, given, src.ocr);
  }
  if (rng.chance(src.typo * 1.3)) {
    c.typo_surname++;
    surname = typoInWords(rng, surname, src.ocr);
  }
  let middles: string[] = [];
  if (p.middles.length > 0 && given.length > 2) {
    const r = rng.next();
    if (r < src.middleFull) middles = p.middles.map((m) => (p.country ? stripAccents(m) : m));
    else if (r < src.middleFull + src.middleInitial) {
      c.middle_initials++;
      middles = p.middles.map((m) => `${m[0]}.`);
    } else c.middle_omitted++;
    if (middles.length > 1 && rng.chance(0.2)) middles = middles.slice(0, 1);
  }
  let husband = '';
  if (marriedUsed && rng.chance(src.husbandStyle)) {
    c.styled_by_husband++;
    husband = MALE_GIVEN[Math.floor(rng.next() ** 3 * 40)];
  }

  // Full name.
  const pre: string[] = [];
  const post: string[] = [];
  let peerOnly = '';
  if (p.title && rng.chance(src.title)) {
    c.title_in_name++;
    const t = p.title;
    if (t.kind === 'knight') pre.push('Sir');
    else if (t.kind === 'dame') pre.push('Dame');
    else if (t.kind === 'baronet') {
      pre.push('Sir');
      const r = rng.next();
      if (r < 0.5) post.push(`, ${t.ordinal} Baronet`);
      else if (r < 0.7) post.push(', Bt');
    } else {
      const r = rng.next();
      if (r < 0.6) post.push(`, ${t.ordinal} ${t.style}`);
      else if (r < 0.8) {
        c.title_without_name++;
        peerOnly =
          t.kind === 'lady'
            ? `Lady ${t.style.split(' ').pop()}`
            : rng.chance(0.5)
              ? `Lord ${t.style.split(' ').pop()}`
              : `The ${t.style}`;
      } else if (t.kind === 'lady') pre.push('Lady');
    }
  } else if (p.honorific && rng.chance(src.title)) {
    c.honorific_in_name++;
    pre.push(p.honorific);
  }
  if (pre.length === 0 && rng.chance(src.mrs)) {
    c.mr_mrs_miss++;
    pre.push(p.sex === 'M' ? 'Mr' : marriedUsed ? 'Mrs' : 'Miss');
  }
  if (husband) {
    pre.length = 0;
    pre.push('Mrs');
  }
  if (p.postnominals.length > 0 && rng.chance(src.title * 0.5)) {
    c.postnominals_in_name++;
    post.push(` ${p.postnominals.join(' ')}`);
  }
  if (p.junior && rng.chance(0.5)) {
    c.junior_suffix++;
    post.unshift(
      p.country?.name === 'United States' ? rng.pick([' Jr.', ' II']) : rng.pick([' Jr.', ' Jnr', ', the younger']),
    );
  } else if (p.senior && rng.chance(0.2)) {
    c.senior_suffix++;
    post.unshift(rng.pick([' Sr.', ' Snr', ', the elder']));
  }
  const upper = rng.chance(src.upper);
  if (upper) c.surname_upper_case++;
  const sn = upper ? surname.toUpperCase() : surname;
  const givenShown = husband || given;
  const nameCore = [givenShown, ...(husband ? [] : middles)].filter((x) => x).join(' ');
  let full: string;
  if (peerOnly) full = peerOnly;
  else if (rng.chance(src.surnameFirst)) {
    c.full_name_surname_first++;
    full = `${sn}, ${[...pre, nameCore].join(' ')}${post.join('')}`;
  } else {
    full = `${[...pre, nameCore, sn].join(' ')}${post.join('')}`;
  }
  if (maiden && !peerOnly) full += rng.chance(0.6) ? ` (née ${maiden})` : ` née ${maiden}`;
  full = full.replace(/\s+/g, ' ').trim();

  // First name and surname columns: typed in, or split off the full name by an import script.
  let first: string;
  let last: string;
  if (rng.chance(src.parsed)) {
    c.split_from_full_name++;
    const careful = rng.chance(src.careful);
    [first, last] = parseName(full, careful);
    if (!careful) c.split_by_naive_parser++;
  } else {
    first = husband ? (rng.chance(0.5) ? husband : '') : given;
    if (middles.length > 0 && rng.chance(0.25)) {
      c.first_name_with_middle++;
      first = [first, ...middles].filter((x) => x).join(' ');
    }
    last = maiden && rng.chance(0.3) ? maiden : sn;
    if (rng.chance(0.015)) {
      c.first_or_surname_field_typo++;
      if (rng.chance(0.5)) first = typoInWords(rng, first, false);
      else last = typoInWords(rng, last, false);
    }
  }
  if (rng.chance(0.02)) {
    c.first_name_missing++;
    first = '';
  }
  if (rng.chance(0.005)) {
    c.surname_missing++;
    last = '';
  }
  if (first && first.toLowerCase() !== p.given.toLowerCase()) c.first_name_differs_from_true++;
  if (last && last.toLowerCase() !== p.surname.toLowerCase() && !p.married.includes(last))
    c.surname_differs_from_true++;

  return {
    full_name: full,
    first_name: first,
    surname: last,
    dob: writeDob(rng, p, src, c),
    birth_place: writePlace(rng, p, src, c),
    postcode: writePostcode(rng, p, src, c),
    gender: writeGender(rng, p, src, c),
    occupation: writeOccupation(rng, p, src, c),
  };
};

// ---------------------------------------------------------------------------------------------
// The whole registry.

export interface Registry {
  records: RecordRow[];
  truth: { record_id: string; person_id: string }[];
  summary: Record<string, unknown>;
}

export const generate = (n: number, seed: number): Registry => {
  const rng = new Rng(seed);
  const pools = makePools();
  const persons: Person[] = [];
  let total = 0;
  const idWidth = Math.max(6, String(n).length);
  while (total < n) {
    const p = makePerson(rng, pools, persons, `P${pad(persons.length + 1, idWidth)}`);
    p.records = Math.min(p.records, n - total);
    total += p.records;
    persons.push(p);
  }

  const counts: Counts = new Proxy({} as Counts, {
    get: (t, k: string) => t[k] ?? 0,
  });
  const rows: { row: Omit<RecordRow, 'record_id'>; person: string }[] = [];
  for (const p of persons)
    for (let i = 0; i < p.records; i++) rows.push({ row: makeRecord(rng, p, counts), person: p.id });

  // Shuffle, then number: ids say nothing about who is who.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const records: RecordRow[] = [];
  const truth: { record_id: string; person_id: string }[] = [];
  rows.forEach(({ row, person }, i) => {
    const record_id = `R${pad(i + 1, idWidth)}`;
    records.push({ record_id, ...row });
    truth.push({ record_id, person_id: person });
  });

  return { records, truth, summary: summarise(n, seed, persons, counts, pools.tailCount) };
};

const summarise = (
  n: number,
  seed: number,
  persons: Person[],
  counts: Counts,
  tail: number,
): Record<string, unknown> => {
  const hist: Record<string, number> = {};
  for (const p of persons) {
    const k = p.records >= 10 ? '10+' : String(p.records);
    hist[k] = (hist[k] ?? 0) + 1;
  }
  const byName = new Map<string, Person[]>();
  for (const p of persons) {
    const k = `${p.given} ${p.surname}`;
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
  let namesakePersons = 0;
  let sameNameYearPersons = 0;
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    namesakePersons += list.length;
    const years = new Map<number, number>();
    for (const p of list) years.set(p.y, (years.get(p.y) ?? 0) + 1);
    for (const v of years.values()) if (v > 1) sameNameYearPersons += v;
  }
  const rel: Record<string, number> = {};
  for (const p of persons) rel[p.relation] = (rel[p.relation] ?? 0) + 1;
  const share: Record<string, string> = {};
  for (const k of Object.keys(counts).sort()) share[k] = `${counts[k]} (${((100 * counts[k]) / n).toFixed(1)}%)`;
  const surnames = new Map<string, number>();
  for (const p of persons) surnames.set(p.surname, (surnames.get(p.surname) ?? 0) + 1);
  const topSurnames = [...surnames.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  const givens = new Map<string, number>();
  for (const p of persons) givens.set(p.given, (givens.get(p.given) ?? 0) + 1);
  const topGiven = [...givens.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  return {
    n,
    seed,
    records: n,
    persons: persons.length,
    records_per_person_mean: +(n / persons.length).toFixed(2),
    // A reduce, not a spread: a million arguments overflow the stack.
    records_per_person_max: persons.reduce((most, p) => Math.max(most, p.records), 0),
    records_per_person_histogram: hist,
    persons_in_multi_record_clusters: persons.filter((p) => p.records > 1).length,
    distinct_surnames: surnames.size,
    invented_tail_surnames_available: tail,
    distinct_given_names: givens.size,
    top_surnames: topSurnames,
    top_given_names: topGiven,
    persons_sharing_given_and_surname_with_another: namesakePersons,
    persons_sharing_name_and_birth_year_with_another: sameNameYearPersons,
    relations: rel,
    married_women: persons.filter((p) => p.married.length > 0).length,
    titled: persons.filter((p) => p.title).length,
    foreign_born: persons.filter((p) => p.origin === 'abroad').length,
    events_per_record: share,
  };
};

// ---------------------------------------------------------------------------------------------
// CSV and command line.

export const HEADER = [
  'record_id',
  'full_name',
  'first_name',
  'surname',
  'dob',
  'birth_place',
  'postcode',
  'gender',
  'occupation',
] as const;

const csvField = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const recordsCsv = (records: RecordRow[]): string =>
  `${[HEADER.join(','), ...records.map((r) => HEADER.map((h) => csvField(r[h])).join(','))].join('\n')}\n`;

export const truthCsv = (truth: Registry['truth']): string =>
  `${['record_id,person_id', ...truth.map((t) => `${t.record_id},${t.person_id}`)].join('\n')}\n`;

const main = (): void => {
  const args = process.argv.slice(2);
  const opt = (name: string, def?: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : def;
  };
  const n = Number(opt('n', '50000'));
  const seed = Number(opt('seed', '42'));
  const out = opt('out');
  if (!out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: generate.ts --n N --seed S --out DIR\n');
    process.exit(2);
  }
  const reg = generate(n, seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'records.csv'), recordsCsv(reg.records));
  writeFileSync(join(out, 'truth.csv'), truthCsv(reg.truth));
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(reg.summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(reg.summary, null, 2)}\n`);
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

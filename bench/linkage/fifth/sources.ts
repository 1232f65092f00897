// The sources: kinds of lists, how many publications of each, which men they cover, and each
// publication's house style (a volunteer's spreadsheet keeps one date format; a Ukrainian channel
// writes Ukrainian; a cemetery survey is read off photographs).
import type { GramCase } from './morph.ts';
import { hash32, pickKey, Rng, Weighted } from './prng.ts';
import type { LatinSystem } from './translit.ts';
import type { Fate } from './world.ts';

export type KindKey =
  | 'social'
  | 'regnews'
  | 'gov'
  | 'vksearch'
  | 'familyform'
  | 'missinglist'
  | 'uavideo'
  | 'uacapt'
  | 'exchange'
  | 'ombudsman'
  | 'court'
  | 'refusenik'
  | 'awards'
  | 'probate'
  | 'cemetery'
  | 'memorial'
  | 'intl';

export type DateForm =
  | 'dmy'
  | 'dmy2'
  | 'dmyNoPad'
  | 'iso'
  | 'dmySlash'
  | 'mdySlash'
  | 'dmyDash'
  | 'longRu'
  | 'longRuNoG'
  | 'longEn'
  | 'longEnUS'
  | 'longUa'
  | 'dmyRn'
  | 'year'
  | 'yearGr'
  | 'yearRn'
  | 'yearGoda'
  | 'monthYear'
  | 'age'
  | 'ageParen'
  | 'ageBare'
  | 'ageUa'
  | 'ageEn'
  | 'none';

export type Layout =
  | 'fields'
  | 'oneSFP'
  | 'oneFS'
  | 'oneFPS'
  | 'initials'
  | 'initialsInline'
  | 'initialsFirst'
  | 'gpInGiven'
  | 'givenOnly'
  | 'surnameOnly';

export type RegionForm =
  | 'official'
  | 'clean'
  | 'abbrOfficial'
  | 'short'
  | 'abbr'
  | 'old'
  | 'capital'
  | 'capitalG'
  | 'town'
  | 'district'
  | 'districtVillage'
  | 'regionCity'
  | 'cityParen'
  | 'fromGen'
  | 'en'
  | 'enCity';

export type UnitForm = 'vch' | 'short' | 'everyday' | 'long' | 'both';
export type Role = 'home' | 'birth' | 'burial' | 'court' | 'recruit';
export type Script = 'ru' | 'ua' | 'lat';

type W<K extends string> = Partial<Record<K, number>>;

export interface Style {
  kind: KindKey;
  script: Script;
  lat: LatinSystem | 'kmu';
  enVariant: number;
  layout: W<Layout>;
  oneFieldInGiven: number;
  upperSurname: number;
  allUpper: number;
  allLower: number;
  caseP: number;
  cases: GramCase[];
  patP: number;
  dimP: number;
  yoKeep: number;
  date: W<DateForm>;
  dmSwap: number;
  dateDigit: number;
  yearOff: number;
  yearFromAge: number;
  deathAsBirth: number;
  regionP: number;
  roles: W<Role>;
  regionForms: W<RegionForm>;
  unitP: number;
  unitForms: W<UnitForm>;
  subunitP: number;
  otherUnit: number;
  typo: number;
  ocr: number;
  phon: number;
  variant: number;
  patSpell: number;
  wrongPat: number;
  femPat: number;
  homoglyph: number;
  swap: number;
  wrongLayout: number;
  spaces: number;
  rankPrefix: number;
  callsign: number;
  copyP: number;
  copyFrom: KindKey[];
}

export interface KindDef {
  key: KindKey;
  /** Weight of this kind among a man's records, by his fate. */
  fate: Partial<Record<Fate, number>>;
  /** Publications at 1,000,000 records (scaled down for smaller runs) and the minimum. */
  pubs: number;
  pubMin: number;
  pubBy: 'region' | 'burial' | 'unit' | 'court' | 'time' | 'zipf';
  style: (r: Rng) => Style;
}

/** Make one option dominant for a publication (its house habit) while keeping the rest. */
function house<K extends string>(r: Rng, w: W<K>, strength: number): W<K> {
  const k = pickKey(r, w);
  let total = 0;
  for (const key in w) total += w[key] ?? 0;
  const out: W<K> = { ...w };
  out[k] = (out[k] ?? 0) + total * strength;
  return out;
}

const jit = (r: Rng, p: number, spread = 0.5): number => Math.max(0, p * (1 - spread + 2 * spread * r.next()));

function baseStyle(kind: KindKey): Style {
  return {
    kind,
    script: 'ru',
    lat: 'icao',
    enVariant: 0,
    layout: { fields: 1 },
    oneFieldInGiven: 0,
    upperSurname: 0,
    allUpper: 0,
    allLower: 0,
    caseP: 0,
    cases: ['gen'],
    patP: 0.9,
    dimP: 0,
    yoKeep: 0.2,
    date: { dmy: 1 },
    dmSwap: 0.003,
    dateDigit: 0.004,
    yearOff: 0.003,
    yearFromAge: 0,
    deathAsBirth: 0,
    regionP: 0.9,
    roles: { home: 1 },
    regionForms: { official: 1 },
    unitP: 0.5,
    unitForms: { vch: 1 },
    subunitP: 0.1,
    otherUnit: 0.25,
    typo: 0.01,
    ocr: 0,
    phon: 0.005,
    variant: 0.02,
    patSpell: 0.01,
    wrongPat: 0.002,
    femPat: 0,
    homoglyph: 0.001,
    swap: 0.003,
    wrongLayout: 0,
    spaces: 0.005,
    rankPrefix: 0,
    callsign: 0,
    copyP: 0,
    copyFrom: [],
  };
}

export const KINDS: KindDef[] = [
  {
    key: 'social',
    fate: { dead: 6, missing: 6, captured: 3, exchanged: 3, refusal: 3, wounded: 6 },
    pubs: 3000,
    pubMin: 30,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('social'),
      layout: house(r, { oneFS: 40, fields: 35, oneSFP: 10, givenOnly: 8, oneFPS: 7 }, 0.5),
      oneFieldInGiven: 0.3,
      allLower: jit(r, 0.08),
      caseP: jit(r, 0.15),
      cases: ['gen', 'ins', 'dat'],
      patP: 0.25,
      dimP: jit(r, 0.25),
      yoKeep: 0.5,
      date: { age: 30, none: 40, year: 8, dmy: 15, ageParen: 7 },
      yearOff: 0.01,
      regionP: 0.75,
      roles: { home: 85, burial: 15 },
      regionForms: house(
        r,
        { capital: 20, town: 20, short: 20, fromGen: 15, districtVillage: 15, abbr: 5, cityParen: 5 },
        0.3,
      ),
      unitP: 0.3,
      unitForms: { everyday: 40, short: 30, vch: 20, long: 10 },
      typo: jit(r, 0.05),
      phon: 0.04,
      variant: 0.05,
      patSpell: 0.06,
      swap: 0.003,
      callsign: 0.1,
      spaces: 0.02,
    }),
  },
  {
    key: 'regnews',
    fate: { dead: 14, missing: 3, captured: 2, exchanged: 6, refusal: 5, wounded: 8 },
    pubs: 700,
    pubMin: 40,
    pubBy: 'region',
    style: (r) => ({
      ...baseStyle('regnews'),
      layout: house(r, { fields: 50, oneFS: 25, oneSFP: 20, oneFPS: 5 }, 0.5),
      oneFieldInGiven: 0.1,
      caseP: jit(r, 0.3),
      cases: ['gen', 'ins', 'dat', 'pre'],
      patP: jit(r, 0.55, 0.6),
      dimP: 0.01,
      yoKeep: jit(r, 0.4),
      date: house(r, { age: 35, year: 12, yearGr: 10, dmy: 10, longRu: 10, none: 20, ageParen: 3 }, 0.6),
      yearFromAge: 0.25,
      regionP: 0.9,
      roles: { home: 80, burial: 15, birth: 5 },
      regionForms: house(
        r,
        {
          district: 20,
          districtVillage: 15,
          town: 15,
          capital: 10,
          short: 15,
          fromGen: 10,
          capitalG: 5,
          regionCity: 10,
        },
        0.5,
      ),
      unitP: 0.35,
      unitForms: { everyday: 45, short: 25, long: 15, vch: 5, both: 10 },
      typo: 0.01,
      callsign: 0.03,
      rankPrefix: 0.03,
    }),
  },
  {
    key: 'gov',
    fate: { dead: 9, exchanged: 2, wounded: 1 },
    pubs: 340,
    pubMin: 20,
    pubBy: 'region',
    style: (r) => ({
      ...baseStyle('gov'),
      layout: house(r, { fields: 50, oneSFP: 35, initialsInline: 10, oneFPS: 5 }, 0.6),
      upperSurname: r.chance(0.3) ? 0.9 : 0,
      caseP: jit(r, 0.15),
      cases: ['gen', 'dat', 'ins'],
      patP: 0.95,
      yoKeep: jit(r, 0.5),
      date: house(r, { yearGr: 40, year: 15, dmy: 15, longRu: 10, age: 10, none: 5, yearGoda: 5 }, 0.7),
      yearFromAge: 0.3,
      regionP: 0.95,
      regionForms: house(
        r,
        { district: 35, districtVillage: 20, town: 20, capital: 10, official: 10, abbrOfficial: 5 },
        0.5,
      ),
      unitP: 0.25,
      unitForms: { everyday: 50, short: 30, long: 20 },
      typo: 0.006,
      rankPrefix: jit(r, 0.2),
    }),
  },
  {
    key: 'vksearch',
    fate: { dead: 6, missing: 22, captured: 12, exchanged: 5, refusal: 4, wounded: 6 },
    pubs: 800,
    pubMin: 30,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('vksearch'),
      layout: house(r, { fields: 45, oneSFP: 35, oneFS: 10, oneFPS: 5, gpInGiven: 5 }, 0.4),
      oneFieldInGiven: 0.15,
      allLower: jit(r, 0.05),
      caseP: jit(r, 0.3),
      cases: ['gen'],
      patP: 0.8,
      dimP: 0.03,
      yoKeep: 0.35,
      date: house(r, { dmy: 55, dmy2: 8, dmyNoPad: 8, year: 8, yearGr: 5, age: 6, none: 10 }, 0.4),
      dmSwap: 0.01,
      dateDigit: 0.01,
      yearOff: 0.005,
      deathAsBirth: 0.003,
      regionP: 0.85,
      roles: { home: 90, recruit: 10 },
      regionForms: house(
        r,
        { capital: 15, short: 25, town: 20, districtVillage: 15, abbr: 10, official: 10, regionCity: 5, old: 2 },
        0.3,
      ),
      unitP: 0.75,
      unitForms: { vch: 50, short: 20, everyday: 10, both: 15, long: 5 },
      subunitP: 0.3,
      typo: jit(r, 0.05),
      phon: 0.03,
      variant: 0.04,
      patSpell: 0.04,
      swap: 0.01,
      spaces: 0.03,
      callsign: 0.03,
      homoglyph: 0.004,
    }),
  },
  {
    key: 'familyform',
    fate: { dead: 4, missing: 18, captured: 10, exchanged: 3, refusal: 10, wounded: 5 },
    pubs: 40,
    pubMin: 5,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('familyform'),
      layout: { fields: 95, oneSFP: 5 },
      allLower: 0.04,
      allUpper: 0.03,
      patP: 0.9,
      dimP: 0.01,
      yoKeep: 0.5,
      date: house(r, { dmy: 70, iso: 12, dmyNoPad: 5, dmy2: 5, year: 5, none: 3 }, 0.3),
      dmSwap: 0.012,
      dateDigit: 0.01,
      regionP: 0.95,
      roles: { home: 95, birth: 5 },
      regionForms: {
        capital: 20,
        short: 20,
        official: 15,
        town: 15,
        districtVillage: 15,
        abbr: 5,
        old: 3,
        regionCity: 7,
      },
      unitP: 0.85,
      unitForms: { vch: 55, short: 15, both: 15, everyday: 10, long: 5 },
      subunitP: 0.3,
      typo: jit(r, 0.06),
      wrongLayout: 0.004,
      phon: 0.02,
      variant: 0.03,
      patSpell: 0.03,
      swap: 0.015,
      spaces: 0.05,
      copyP: 0.25,
      copyFrom: ['vksearch'],
    }),
  },
  {
    key: 'missinglist',
    fate: { missing: 14, captured: 6, dead: 3 },
    pubs: 1000,
    pubMin: 30,
    pubBy: 'unit',
    style: (r) => ({
      ...baseStyle('missinglist'),
      layout: house(r, { fields: 60, oneSFP: 30, initialsInline: 10 }, 0.8),
      upperSurname: r.chance(0.6) ? 0.95 : 0.05,
      patP: 0.85,
      yoKeep: 0.1,
      date: house(r, { dmy: 50, year: 30, dmy2: 10, none: 10 }, 0.7),
      dateDigit: 0.01,
      regionP: 0.8,
      regionForms: house(r, { short: 30, capital: 20, districtVillage: 20, abbr: 15, official: 15 }, 0.5),
      unitP: 0.9,
      unitForms: house(r, { vch: 40, short: 40, both: 20 }, 0.7),
      otherUnit: 0.05,
      subunitP: 0.5,
      ocr: r.chance(0.6) ? jit(r, 0.015) : 0,
      typo: 0.02,
      variant: 0.03,
    }),
  },
  {
    key: 'uavideo',
    fate: { captured: 10, exchanged: 6 },
    pubs: 1500,
    pubMin: 20,
    pubBy: 'time',
    style: (r) => ({
      ...baseStyle('uavideo'),
      script: r.chance(0.6) ? 'ru' : 'ua',
      layout: { oneFS: 45, givenOnly: 22, oneSFP: 10, fields: 15, oneFPS: 8 },
      oneFieldInGiven: 0.2,
      patP: 0.2,
      dimP: 0.3,
      yoKeep: 0.3,
      date: { age: 45, ageParen: 15, ageBare: 5, year: 10, none: 25 },
      regionP: 0.9,
      regionForms: { short: 40, capital: 20, fromGen: 20, town: 15, abbr: 5 },
      unitP: 0.5,
      unitForms: { short: 40, everyday: 40, vch: 20 },
      typo: 0.02,
      phon: 0.1,
      variant: 0.08,
      patSpell: 0.05,
      callsign: 0.05,
    }),
  },
  {
    key: 'uacapt',
    fate: { captured: 20, exchanged: 14, missing: 2 },
    pubs: 400,
    pubMin: 15,
    pubBy: 'time',
    style: (r) => {
      const script: Script = r.chance(0.6) ? 'ua' : r.chance(0.7) ? 'lat' : 'ru';
      return {
        ...baseStyle('uacapt'),
        script,
        lat: 'kmu',
        layout: house(r, { fields: 40, oneSFP: 55, oneFS: 5 }, 0.8),
        upperSurname: r.chance(0.5) ? 0.9 : 0.05,
        patP: 0.85,
        date:
          script === 'ua'
            ? house(r, { dmyRn: 40, dmy: 40, yearRn: 10, none: 10 }, 0.6)
            : { dmy: 70, year: 15, none: 15 },
        dmSwap: 0.006,
        dateDigit: 0.008,
        regionP: 0.7,
        regionForms: { official: 30, short: 35, capital: 20, abbrOfficial: 15 },
        unitP: 0.75,
        unitForms: { vch: 40, short: 40, long: 20 },
        typo: 0.02,
        phon: 0.03,
        variant: 0.05,
        patSpell: 0.03,
        copyP: 0.3,
        copyFrom: ['uavideo'],
      };
    },
  },
  {
    key: 'exchange',
    fate: { exchanged: 22, captured: 2 },
    pubs: 90,
    pubMin: 8,
    pubBy: 'time',
    style: (r) => ({
      ...baseStyle('exchange'),
      layout: house(r, { fields: 60, oneSFP: 40 }, 0.9),
      upperSurname: r.chance(0.3) ? 0.95 : 0,
      patP: 0.97,
      date: house(r, { dmy: 85, year: 10, none: 5 }, 0.5),
      regionP: 0.5,
      regionForms: { official: 40, clean: 30, abbrOfficial: 20, short: 10 },
      unitP: 0.3,
      unitForms: { vch: 60, short: 40 },
      typo: 0.008,
      copyP: 0.15,
      copyFrom: ['uacapt'],
    }),
  },
  {
    key: 'ombudsman',
    fate: { missing: 8, captured: 8, exchanged: 3, dead: 1 },
    pubs: 30,
    pubMin: 4,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('ombudsman'),
      layout: house(r, { fields: 70, oneSFP: 30 }, 0.8),
      patP: 0.95,
      date: { dmy: 80, year: 10, none: 10 },
      regionP: 0.9,
      regionForms: { official: 35, clean: 25, short: 25, abbrOfficial: 15 },
      unitP: 0.8,
      unitForms: { vch: 60, short: 25, both: 15 },
      typo: 0.015,
      copyP: 0.4,
      copyFrom: ['familyform', 'vksearch'],
    }),
  },
  {
    key: 'court',
    fate: { refusal: 35, wounded: 1, exchanged: 1, missing: 1 },
    pubs: 120,
    pubMin: 10,
    pubBy: 'court',
    style: (r) => ({
      ...baseStyle('court'),
      layout: house(r, { initialsInline: 45, oneSFP: 30, fields: 20, initials: 5 }, 0.9),
      upperSurname: r.chance(0.3) ? 0.9 : 0,
      caseP: jit(r, 0.2),
      cases: ['dat', 'gen'],
      patP: 1,
      date: { none: 85, year: 10, dmy: 5 },
      regionP: 0.95,
      roles: { court: 80, home: 20 },
      regionForms: { capital: 45, official: 25, capitalG: 15, town: 15 },
      unitP: 0.35,
      unitForms: { vch: 75, short: 25 },
      typo: 0.004,
      rankPrefix: 0.05,
    }),
  },
  {
    key: 'refusenik',
    fate: { refusal: 20 },
    pubs: 40,
    pubMin: 4,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('refusenik'),
      layout: house(r, { fields: 60, oneSFP: 40 }, 0.7),
      patP: 0.9,
      date: house(r, { dmy: 60, year: 20, none: 20 }, 0.5),
      regionP: 0.9,
      regionForms: { short: 35, official: 25, capital: 20, abbr: 10, town: 10 },
      unitP: 0.95,
      unitForms: { vch: 50, short: 30, both: 20 },
      subunitP: 0.3,
      typo: 0.02,
      variant: 0.03,
      copyP: 0.3,
      copyFrom: ['court', 'familyform'],
    }),
  },
  {
    key: 'awards',
    fate: { dead: 5, wounded: 3, exchanged: 1 },
    pubs: 200,
    pubMin: 10,
    pubBy: 'zipf',
    style: (r) => ({
      ...baseStyle('awards'),
      layout: house(r, { oneSFP: 50, fields: 50 }, 0.9),
      upperSurname: r.chance(0.2) ? 0.9 : 0,
      patP: 1,
      yoKeep: 0.4,
      date: { none: 70, yearGr: 20, year: 10 },
      regionP: 0.7,
      regionForms: { official: 40, short: 30, abbrOfficial: 20, capital: 10 },
      unitP: 0.5,
      unitForms: { long: 40, short: 40, everyday: 20 },
      typo: 0.004,
      rankPrefix: jit(r, 0.4),
    }),
  },
  {
    key: 'probate',
    fate: { dead: 10 },
    pubs: 85,
    pubMin: 10,
    pubBy: 'region',
    style: (r) => ({
      ...baseStyle('probate'),
      layout: house(r, { fields: 60, oneSFP: 40 }, 1.5),
      patP: 1,
      yoKeep: 0.6,
      date: { dmy: 100 },
      dmSwap: 0,
      dateDigit: 0.001,
      yearOff: 0,
      regionP: 0.95,
      regionForms: house(r, { official: 50, capital: 25, town: 25 }, 0.5),
      unitP: 0,
      typo: 0.002,
      phon: 0,
      variant: 0.02,
      patSpell: 0,
      wrongPat: 0,
      swap: 0,
      homoglyph: 0,
      spaces: 0,
    }),
  },
  {
    key: 'cemetery',
    fate: { dead: 9 },
    pubs: 900,
    pubMin: 30,
    pubBy: 'burial',
    style: (r) => ({
      ...baseStyle('cemetery'),
      layout: house(r, { fields: 55, oneSFP: 35, oneFS: 10 }, 0.8),
      allUpper: r.chance(0.4) ? 0.9 : 0.1,
      patP: 0.65,
      yoKeep: 0.7,
      date: { dmy: 80, year: 15, none: 5 },
      dateDigit: 0.01,
      regionP: 0.95,
      roles: { burial: 100 },
      regionForms: house(r, { town: 35, capital: 25, districtVillage: 25, official: 10, district: 5 }, 0.6),
      unitP: 0.15,
      unitForms: { short: 60, everyday: 40 },
      ocr: jit(r, 0.025),
      typo: 0.01,
      variant: 0.02,
      patSpell: 0.005,
    }),
  },
  {
    key: 'memorial',
    fate: { dead: 18 },
    pubs: 150,
    pubMin: 10,
    pubBy: 'region',
    style: (r) => ({
      ...baseStyle('memorial'),
      layout: house(r, { fields: 85, oneSFP: 15 }, 0.8),
      upperSurname: r.chance(0.1) ? 0.9 : 0,
      patP: 0.85,
      dimP: 0.002,
      yoKeep: jit(r, 0.3),
      date: house(r, { dmy: 55, iso: 10, year: 12, yearGr: 4, longRu: 3, none: 12, age: 4 }, 0.6),
      dmSwap: 0.004,
      dateDigit: 0.006,
      deathAsBirth: 0.002,
      regionP: 0.97,
      roles: { home: 85, birth: 10, burial: 5 },
      regionForms: house(
        r,
        {
          official: 25,
          clean: 15,
          short: 20,
          abbrOfficial: 15,
          capital: 5,
          districtVillage: 8,
          town: 7,
          regionCity: 5,
        },
        0.6,
      ),
      unitP: 0.6,
      unitForms: { short: 35, everyday: 20, vch: 15, long: 15, both: 15 },
      subunitP: 0.1,
      typo: 0.02,
      phon: 0.01,
      variant: 0.02,
      homoglyph: 0.003,
      swap: 0.004,
      copyP: 0.5,
      copyFrom: ['regnews', 'gov', 'social', 'awards'],
      callsign: 0.05,
      spaces: 0.01,
    }),
  },
  {
    key: 'intl',
    fate: { dead: 2, missing: 3, captured: 4, exchanged: 2 },
    pubs: 25,
    pubMin: 4,
    pubBy: 'zipf',
    style: (r) => {
      const lat = Weighted.of<LatinSystem>([
        ['icao', 35],
        ['bgn', 25],
        ['en', 25],
        ['pass2006', 5],
        ['de', 5],
        ['scholarly', 5],
      ]).sample(r);
      return {
        ...baseStyle('intl'),
        script: 'lat',
        lat,
        enVariant: r.int(4),
        layout: house(r, { fields: 60, oneFS: 25, oneSFP: 15 }, 0.8),
        upperSurname: r.chance(0.5) ? 0.9 : 0,
        patP: 0.5,
        date: house(r, { iso: 40, dmy: 20, longEn: 15, longEnUS: 5, mdySlash: 10, year: 10, none: 5 }, 0.7),
        dmSwap: 0.03,
        regionP: 0.8,
        regionForms: { en: 60, enCity: 40 },
        unitP: 0.4,
        unitForms: { vch: 50, short: 50 },
        typo: 0.01,
        copyP: 0.4,
        copyFrom: ['memorial', 'uacapt'],
      };
    },
  },
];

export const KIND_ORDER: KindKey[] = KINDS.map((k) => k.key);
export const KIND_BY_KEY = new Map(KINDS.map((k) => [k.key, k]));

/** Publication counts for a run of n records. */
export function publicationCounts(n: number): Map<KindKey, number> {
  const f = (n / 1_000_000) ** 0.6;
  return new Map(KINDS.map((k) => [k.key, Math.max(k.pubMin, Math.round(k.pubs * f))]));
}

export class StyleCache {
  private cache = new Map<string, Style>();
  constructor(private readonly seed: number) {}
  get(kind: KindKey, pub: number): Style {
    const key = `${kind}:${pub}`;
    let s = this.cache.get(key);
    if (!s) {
      s = KIND_BY_KEY.get(kind)!.style(new Rng(`${this.seed}:${key}:${hash32(key)}`));
      this.cache.set(key, s);
    }
    return s;
  }
}

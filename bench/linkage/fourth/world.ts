// The synthetic world: servicemen, their families, categories, fates, units and places.
// Every choice and rate here is this generator's own model, written from general knowledge of how
// the 2022-2026 lists of Russian servicemen look; none is calibrated on any engine or data set.

import {
  type EthId,
  ETH_SPECS,
  GIVEN_VARIANTS,
  loadNames,
  type NameData,
  patronymicOf,
  patronymicVariants,
  surnameVariants,
} from './names.ts';
import { pickW, Rng, Weighted } from './prng.ts';
import { genericVillages, loadRegions, type Region } from './regions.ts';
import { buildUnits, pickSubunit, type UnitWorld, unitTable } from './units.ts';

export type Cat = 'mobilised' | 'contract' | 'volunteer' | 'convict' | 'pmc' | 'conscript';
export type Fate = 'dead' | 'missing_dead' | 'missing' | 'pow' | 'pow_returned' | 'refuser' | 'alive';
export type Kin = 'none' | 'brother' | 'twin' | 'father' | 'son' | 'cousin';

export interface Person {
  idx: number;
  eth: EthId;
  surname: string;
  given: string;
  patronymic: string; // '' when the man has none
  by: number;
  bm: number;
  bd: number;
  region: number;
  altRegion: number; // -1, or a second region (residence, birthplace, colony)
  altKind: 0 | 1 | 2; // 1 lived/born elsewhere, 2 penal colony
  placeKind: 0 | 1 | 2; // capital, town, village
  place: string; // town or village name
  district: number; // index in region.districts or -1
  cat: Cat;
  fate: Fate;
  unit: number;
  unit2: number; // after a transfer, or -1
  attached: number; // brigade a Storm unit was attached to, or -1
  subunit: string;
  eventYear: number;
  eventDoy: number;
  nRec: number;
  altGiven: string;
  altSurname: string;
  altPatronymic: string;
  errBirth: number; // yyyymmdd of a wrong date that some sources repeat, or 0
  kin: Kin;
  kinOf: number; // idx of the relative this man was modelled after, or -1
}

export interface World {
  regions: Region[];
  names: NameData;
  units: UnitWorld;
  villages: string[];
  persons: Person[];
  totalRecords: number;
}

const CAT_W: Record<Cat, number> = { mobilised: 24, contract: 36, volunteer: 8, convict: 18, pmc: 8, conscript: 2 };
const CAT_W_CE: Record<Cat, number> = { mobilised: 4, contract: 30, volunteer: 62, convict: 2, pmc: 1, conscript: 1 };
const CAT_W_DONBAS: Record<Cat, number> = {
  mobilised: 55,
  contract: 24,
  volunteer: 14,
  convict: 3,
  pmc: 2,
  conscript: 2,
};

const FATE_W: Record<Cat, Record<Fate, number>> = {
  convict: { dead: 70, missing_dead: 8, missing: 8, pow: 4, pow_returned: 5, refuser: 2, alive: 3 },
  mobilised: { dead: 40, missing_dead: 9, missing: 17, pow: 4, pow_returned: 6, refuser: 14, alive: 10 },
  contract: { dead: 50, missing_dead: 10, missing: 16, pow: 4, pow_returned: 6, refuser: 10, alive: 4 },
  volunteer: { dead: 60, missing_dead: 9, missing: 14, pow: 3, pow_returned: 5, refuser: 3, alive: 6 },
  pmc: { dead: 72, missing_dead: 8, missing: 10, pow: 3, pow_returned: 4, refuser: 0.5, alive: 2.5 },
  conscript: { dead: 25, missing_dead: 8, missing: 22, pow: 15, pow_returned: 22, refuser: 2, alive: 6 },
};

/** Records per man: a geometric body with a thin heavy tail (men whose story spread widely). */
const REC_P: Record<Fate, { p: number; base: number; tail: number }> = {
  dead: { p: 0.5, base: 1, tail: 0.004 },
  missing_dead: { p: 0.4, base: 2, tail: 0.01 },
  missing: { p: 0.42, base: 1, tail: 0.012 },
  pow: { p: 0.45, base: 1, tail: 0.008 },
  pow_returned: { p: 0.45, base: 1, tail: 0.006 },
  refuser: { p: 0.62, base: 1, tail: 0.004 },
  alive: { p: 0.68, base: 1, tail: 0.002 },
};

function recordsFor(rng: Rng, fate: Fate): number {
  const r = REC_P[fate];
  if (rng.chance(r.tail)) return rng.range(8, 24);
  let n = r.base;
  while (n < 12 && !rng.chance(r.p)) n++;
  return n;
}

function eventYearFor(rng: Rng, cat: Cat, donbas: boolean): number {
  if (donbas && rng.chance(0.55)) return 2022;
  switch (cat) {
    case 'pmc':
      return Number(pickW(rng, { '2022': 40, '2023': 45, '2024': 10, '2025': 5 }));
    case 'mobilised':
      return Number(pickW(rng, { '2022': 25, '2023': 40, '2024': 24, '2025': 10, '2026': 1 }));
    default:
      return Number(pickW(rng, { '2022': 15, '2023': 30, '2024': 32, '2025': 20, '2026': 3 }));
  }
}

function ageFor(rng: Rng, cat: Cat): number {
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  switch (cat) {
    case 'conscript':
      return rng.range(18, 21);
    case 'mobilised':
      return clamp(rng.normal(35, 7), 20, 55);
    case 'contract':
      return clamp(rng.normal(36, 9.5), 18, 63);
    case 'volunteer':
      return clamp(rng.normal(40, 10), 19, 66);
    case 'convict':
      return clamp(rng.normal(36, 8), 20, 60);
    default:
      return clamp(rng.normal(38, 8), 21, 62);
  }
}

export const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(y: number, m: number): number {
  return m === 2 && y % 4 === 0 ? 29 : MONTH_DAYS[m - 1];
}

function birthFor(rng: Rng, eventYear: number, eventDoy: number, age: number): [number, number, number] {
  const m = rng.range(1, 12);
  const d = rng.range(1, daysIn(2000, m));
  const doy = (m - 1) * 30.5 + d;
  // age = completed years on the event date
  const by = eventYear - age - (doy > eventDoy ? 1 : 0);
  return [by, m, m === 2 && d === 29 && by % 4 !== 0 ? 28 : d];
}

function givenFor(rng: Rng, names: NameData, eth: EthId, by: number): string {
  const spec = ETH_SPECS[eth];
  const e = names.eth[eth];
  if (e?.given && !rng.chance(spec.ruGiven)) return e.given.sample(rng);
  if (by < 1980) return names.ruGivenA.sample(rng);
  if (by < 1995) return names.ruGivenB.sample(rng);
  return names.ruGivenC.sample(rng);
}

function fatherFor(rng: Rng, names: NameData, eth: EthId, by: number): string {
  const spec = ETH_SPECS[eth];
  const e = names.eth[eth];
  if (e?.fathers && !rng.chance(spec.ruFather)) return e.fathers.sample(rng);
  return by < 1985 ? names.ruFatherOld.sample(rng) : names.ruFatherYoung.sample(rng);
}

function surnameFor(rng: Rng, names: NameData, eth: EthId): string {
  if (eth === 'ru' || rng.chance(ETH_SPECS[eth].ruSurname ?? 0)) return names.ruSurnames.sample(rng);
  return names.eth[eth].surnames.sample(rng);
}

function patronymicFor(rng: Rng, names: NameData, eth: EthId, by: number): string {
  if (!rng.chance(ETH_SPECS[eth].patronymic)) return '';
  const f = fatherFor(rng, names, eth, by);
  if (eth === 'casia' && rng.chance(0.12)) return `${f} угли`;
  return patronymicOf(f);
}

export function buildWorld(n: number, seed: number): World {
  const names = loadNames();
  const regions = loadRegions();
  const units = buildUnits(regions);
  const villages = genericVillages();
  const rng = new Rng(seed, 0x77071d);
  const regionTable = new Weighted(regions.map((r, i) => [i, r.pop * r.mult] as [number, number]));
  const colonyRegions = new Weighted(
    regions.map((r, i) => {
      // penal colonies are spread unevenly; these regions hold many of them
      const heavy = ['RU-KR', 'RU-KO', 'RU-PER', 'RU-KIR', 'RU-MO', 'RU-SVE', 'RU-IRK', 'RU-KYA', 'RU-KEM', 'RU-CHE'];
      return [i, (heavy.includes(r.key) ? 4 : 1) * Math.sqrt(r.pop)] as [number, number];
    }),
  );
  const idxOf = (key: string) => regions.findIndex((x) => x.key === key);
  const movers = new Weighted<number>([
    [idxOf('RU-MOW'), 25],
    [idxOf('RU-MOS'), 20],
    [idxOf('RU-SPE'), 12],
    [idxOf('RU-KHM'), 10],
    [idxOf('RU-YAN'), 8],
    [idxOf('RU-TYU'), 4],
    [idxOf('RU-KDA'), 8],
    [idxOf('RU-SVE'), 4],
    [idxOf('RU-NVS'), 3],
    [idxOf('RU-TA'), 3],
    [idxOf('RU-SAK'), 2],
    [idxOf('RU-MAG'), 1],
  ]);
  const sameFd = new Map<string, number[]>();
  regions.forEach((x, i) => {
    const l = sameFd.get(x.fd) ?? [];
    l.push(i);
    sameFd.set(x.fd, l);
  });
  const tableCache = new Map<string, Weighted<number>>();
  const tableFor = (ri: number, cat: string): Weighted<number> => {
    const key = `${ri}|${cat}`;
    let t = tableCache.get(key);
    if (!t) {
      t = unitTable(units, regions[ri], cat);
      tableCache.set(key, t);
    }
    return t;
  };
  // brigades a Storm-Z / Storm-V company may be attached to: ground units anywhere
  const stormHosts = new Weighted(
    units.units
      .filter((u) => u.branch === 'ground' && (u.kind === 'omsbr' || u.kind === 'msd' || u.kind === 'msp'))
      .map((u) => [u.id, 1] as [number, number]),
  );

  const persons: Person[] = [];
  let total = 0;

  const newPlace = (p: Person, r: Region) => {
    const fedCity = r.type === 'federal city';
    const k = fedCity ? (rng.chance(0.7) ? 0 : 1) : Number(pickW(rng, { '0': 30, '1': 40, '2': 30 }));
    p.placeKind = k as 0 | 1 | 2;
    p.district = -1;
    if (k === 0) p.place = r.capital;
    else if (k === 1) p.place = r.towns.length ? rng.pick(r.towns) : r.capital;
    else {
      p.place = r.villages.length && rng.chance(0.6) ? rng.pick(r.villages) : rng.pick(villages);
      p.district = r.districts.length ? rng.int(r.districts.length) : -1;
      if (p.district < 0) {
        p.placeKind = 1;
        p.place = r.capital;
      }
    }
  };

  while (total < n) {
    const idx = persons.length;
    // --- relatives: a brother, twin, father, son or cousin of someone already in the world
    let kin: Kin = 'none';
    let anchor: Person | undefined;
    if (idx > 20) {
      const k = pickW(rng, { none: 90.5, brother: 5, twin: 0.25, fs: 1.25, cousin: 3 });
      if (k !== 'none') {
        anchor = persons[idx - 1 - rng.int(Math.min(idx - 1, 4000))];
        if (k === 'fs')
          kin = anchor.by <= 1978 ? 'son' : anchor.by >= 1993 ? 'father' : rng.chance(0.5) ? 'son' : 'father';
        else kin = k as Kin;
      }
    }
    const ri = anchor ? anchor.region : regionTable.sample(rng);
    const r = regions[ri];
    const donbas = r.key === 'DNR' || r.key === 'LNR';
    const cat = pickW(rng, r.key === 'RU-CE' ? CAT_W_CE : donbas ? CAT_W_DONBAS : CAT_W);
    const eventYear = eventYearFor(rng, cat, donbas);
    const eventDoy = rng.range(1, 365);
    const eth: EthId = anchor ? anchor.eth : (r.mix.sample(rng) as EthId);

    let age = ageFor(rng, cat);
    if (anchor && (kin === 'brother' || kin === 'cousin')) {
      const ageAnchorNow = eventYear - anchor.by;
      age = Math.max(
        18,
        Math.min(62, ageAnchorNow + rng.range(1, kin === 'cousin' ? 12 : 9) * (rng.chance(0.5) ? 1 : -1)),
      );
    } else if (anchor && kin === 'twin') {
      age = eventYear - anchor.by;
    } else if (anchor && kin === 'son') {
      age = Math.max(18, eventYear - anchor.by - rng.range(20, 30));
    } else if (anchor && kin === 'father') {
      age = Math.min(64, eventYear - anchor.by + rng.range(20, 30));
    }
    let [by, bm, bd] = birthFor(rng, eventYear, eventDoy, age);
    if (anchor && kin === 'twin') [by, bm, bd] = [anchor.by, anchor.bm, anchor.bd];

    const p: Person = {
      idx,
      eth,
      surname: '',
      given: '',
      patronymic: '',
      by,
      bm,
      bd,
      region: ri,
      altRegion: -1,
      altKind: 0,
      placeKind: 0,
      place: '',
      district: -1,
      cat,
      fate: pickW(rng, FATE_W[cat]),
      unit: -1,
      unit2: -1,
      attached: -1,
      subunit: '',
      eventYear,
      eventDoy,
      nRec: 0,
      altGiven: '',
      altSurname: '',
      altPatronymic: '',
      errBirth: 0,
      kin,
      kinOf: anchor ? anchor.idx : -1,
    };

    // --- names
    if (anchor) {
      p.surname = anchor.surname;
      let g = givenFor(rng, names, eth, by);
      for (let t = 0; t < 8 && g === anchor.given; t++) g = givenFor(rng, names, eth, by);
      p.given = g;
      if (kin === 'brother' || kin === 'twin') p.patronymic = anchor.patronymic;
      else if (kin === 'son') p.patronymic = ETH_SPECS[eth].patronymic > 0.5 ? patronymicOf(anchor.given) : '';
      else p.patronymic = patronymicFor(rng, names, eth, by);
      if (kin === 'father' && anchor.patronymic && !anchor.patronymic.includes(' ')) {
        // make the father's name consistent with the son's patronymic where it can be inverted
        const inv = fatherNameFromPatronymic(anchor.patronymic);
        if (inv) p.given = inv;
      }
      if (kin === 'cousin' || kin === 'father' || kin === 'son') {
        if (rng.chance(0.5)) newPlace(p, r);
        else {
          p.placeKind = anchor.placeKind;
          p.place = anchor.place;
          p.district = anchor.district;
        }
      } else {
        p.placeKind = anchor.placeKind;
        p.place = anchor.place;
        p.district = anchor.district;
      }
    } else {
      p.surname = surnameFor(rng, names, eth);
      p.given = givenFor(rng, names, eth, by);
      p.patronymic = patronymicFor(rng, names, eth, by);
      newPlace(p, r);
    }

    // --- second region: lived or worked elsewhere, born elsewhere, or a penal colony
    if (cat === 'convict' && rng.chance(0.55)) {
      p.altRegion = colonyRegions.sample(rng);
      p.altKind = 2;
    } else if (rng.chance(0.11)) {
      // lived and worked elsewhere (the big cities and the oil north), or born in a neighbouring region
      if (rng.chance(0.6)) p.altRegion = movers.sample(rng);
      else {
        const same = sameFd.get(r.fd) ?? [ri];
        p.altRegion = same[rng.int(same.length)];
      }
      p.altKind = 1;
    }
    if (p.altRegion === ri) {
      p.altRegion = -1;
      p.altKind = 0;
    }

    // --- units
    if (cat === 'pmc' || (cat === 'convict' && eventYear <= 2023 && rng.chance(eventYear === 2022 ? 0.95 : 0.35))) {
      p.unit = cat === 'pmc' ? units.pmcTable.sample(rng) : units.wagner;
      if (cat === 'convict' && rng.chance(0.1)) p.unit2 = units.stormZ; // ex-Wagner men later signed with the MoD
    } else if (cat === 'convict') {
      p.unit = eventYear >= 2024 && rng.chance(0.6) ? units.stormV : units.stormZ;
      p.attached = stormHosts.sample(rng);
      if (rng.chance(0.35)) p.attached = tableFor(ri, 'contract').sample(rng);
      if (units.units[p.attached].kind === 'named') p.attached = stormHosts.sample(rng);
    } else {
      p.unit = tableFor(ri, cat).sample(rng);
      if (anchor && anchor.unit >= 0 && (kin === 'brother' || kin === 'twin') && rng.chance(0.3)) p.unit = anchor.unit;
      const transfer = cat === 'mobilised' ? 0.28 : cat === 'volunteer' ? 0.2 : 0.12;
      if (rng.chance(transfer)) {
        const u2 = tableFor(ri, 'contract').sample(rng);
        if (u2 !== p.unit) p.unit2 = u2;
      }
    }
    if (rng.chance(0.3)) p.subunit = pickSubunit(rng);

    // --- variants that several sources repeat (so the errors are correlated, as in real lists)
    const gv = GIVEN_VARIANTS[p.given];
    if (gv && rng.chance(eth === 'ru' || eth === 'ua' ? 0.05 : 0.18)) p.altGiven = rng.pick(gv);
    const sv = surnameVariants(p.surname);
    if (sv.length && rng.chance(eth === 'ru' || eth === 'ua' ? 0.04 : 0.16)) p.altSurname = rng.pick(sv);
    const pv = p.patronymic ? patronymicVariants(p.patronymic) : [];
    if (pv.length && rng.chance(0.12)) p.altPatronymic = rng.pick(pv);
    if (rng.chance(0.05)) p.errBirth = wrongDate(rng, by, bm, bd);

    p.nRec = Math.min(recordsFor(rng, p.fate), Math.max(1, n - total));
    total += p.nRec;
    persons.push(p);
  }
  return { regions, names, units, villages, persons, totalRecords: total };
}

/** Father's given name from a patronymic, where the rule can be inverted unambiguously. */
function fatherNameFromPatronymic(p: string): string {
  const special: Record<string, string> = {
    Ильич: 'Илья',
    Никитич: 'Никита',
    Петрович: 'Пётр',
    Павлович: 'Павел',
    Львович: 'Лев',
    Дмитриевич: 'Дмитрий',
    Георгиевич: 'Георгий',
    Васильевич: 'Василий',
    Яковлевич: 'Яков',
    Семёнович: 'Семён',
    Сергеевич: 'Сергей',
    Андреевич: 'Андрей',
    Алексеевич: 'Алексей',
    Николаевич: 'Николай',
    Игоревич: 'Игорь',
    Тимофеевич: 'Тимофей',
    Матвеевич: 'Матвей',
    Евгеньевич: 'Евгений',
  };
  if (special[p]) return special[p];
  if (p.endsWith('ьевич')) return `${p.slice(0, -5)}ий`;
  if (p.endsWith('ович')) return p.slice(0, -4);
  return '';
}

/** A wrong birth date of the kind that gets copied: swapped digits, a wrong year digit, day/month swap. */
export function wrongDate(rng: Rng, y: number, m: number, d: number): number {
  const r = rng.next();
  let [yy, mm, dd] = [y, m, d];
  if (r < 0.3 && d <= 12 && d !== m) [mm, dd] = [d, m];
  else if (r < 0.5) yy = y + (rng.chance(0.5) ? 1 : -1);
  else if (r < 0.65) {
    const s = String(dd).padStart(2, '0');
    dd = Number(s[1] + s[0]);
  } else if (r < 0.8) {
    const s = String(yy);
    yy = Number(s.slice(0, 3) + String((Number(s[3]) + rng.range(1, 9)) % 10));
  } else if (r < 0.9) mm = ((m + (rng.chance(0.5) ? 0 : 10)) % 12) + 1;
  else dd = Math.max(1, Math.min(28, d + rng.range(-3, 3) || 1));
  if (mm < 1 || mm > 12) mm = m;
  if (dd < 1 || dd > daysIn(yy, mm)) dd = d <= daysIn(yy, mm) ? d : 28;
  return yy * 10000 + mm * 100 + dd;
}

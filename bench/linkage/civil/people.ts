// The true population: households of people with names, birth dates, addresses over time and phones.
import { feminine, Ranked, type Rng, translit } from './errors.ts';
import {
  GERMAN_SURNAMES,
  GIVEN,
  type Origin,
  STREETS,
  SURNAME_ENDINGS,
  SURNAME_ROOTS,
  SURNAMES,
  TOWNS,
} from './names.ts';

export interface Town {
  name: string;
  lo: number;
  hi: number;
  area: string;
  variants: string[];
}
export interface Address {
  street: string;
  num: string;
  postcode: string;
  town: Town;
  landline: string; // "area|number", or empty
}
export interface Person {
  pid: number;
  origin: Origin;
  sex: 'm' | 'f';
  given: string;
  middle: string;
  surname: string;
  birthSurname: string; // empty unless the surname changed (marriage)
  y: number;
  m: number;
  d: number;
  addresses: Address[]; // oldest first; the last is the current one
  mobile: string;
  email: string;
  idNumber: string;
  twin: boolean;
}

const townRows = TOWNS.trim()
  .split('\n')
  .map((line) => line.split('|'));
const towns = new Ranked<Town>(
  townRows.map(([name, lo, hi, area, , v]) => ({ name, lo: +lo, hi: +hi, area, variants: v ? v.split(';') : [] })),
  0,
  townRows.map((row) => +row[4]),
);
const streets = new Ranked(STREETS, 6);
const germanSurnames = new Ranked(GERMAN_SURNAMES, 8);
const otherSurnames = Object.fromEntries(Object.entries(SURNAMES).map(([o, l]) => [o, new Ranked(l, 3)]));
const givens = Object.fromEntries(Object.entries(GIVEN).map(([k, l]) => [k, new Ranked(l, 5)]));
const origins = new Ranked<Origin>(['de', 'tr', 'pl', 'ru', 'it'], 0, [80, 6.5, 5, 5, 3.5]);
const MOBILE = ['0151', '0152', '0157', '0160', '0162', '0170', '0171', '0172', '0173', '0175', '0176', '0177', '0179'];
const MAIL = ['web.de', 'gmx.de', 'gmx.net', 't-online.de', 'gmail.com', 'outlook.de', 'freenet.de', 'yahoo.de'];

function surnameOf(origin: Origin, rng: Rng): string {
  if (origin !== 'de') return otherSurnames[origin].pick(rng);
  if (rng.chance(0.6)) return germanSurnames.pick(rng);
  return (rng.pick(SURNAME_ROOTS) + rng.pick(SURNAME_ENDINGS)).replace(/(.)\1\1/, '$1$1');
}

function givenOf(origin: Origin, sex: 'm' | 'f', year: number, rng: Rng): string {
  const german = origin === 'de' || (year >= 1985 && rng.chance(0.4));
  if (!german) return givens[`${origin}-${sex}`].pick(rng);
  return givens[`de-${sex}-${year < 1955 ? 0 : year < 1980 ? 1 : 2}`].pick(rng);
}

function newAddress(rng: Rng, town?: Town): Address {
  const t = town ?? towns.pick(rng);
  const num = String(rng.int(1, rng.chance(0.7) ? 40 : 150)) + (rng.chance(0.07) ? rng.pick(['a', 'b', 'c']) : '');
  const len = 10 - t.area.length + rng.int(0, 1);
  return {
    street: streets.pick(rng),
    num,
    postcode: String(rng.int(t.lo, t.hi)).padStart(5, '0'),
    town: t,
    landline: rng.chance(0.6) ? `${t.area}|${rng.int(1, 9)}${rng.digits(len - 1)}` : '',
  };
}

function history(rng: Rng): Address[] {
  const moves = rng.chance(0.45) ? (rng.chance(0.33) ? 2 : 1) : 0;
  const out = [newAddress(rng)];
  for (let i = 0; i < moves; i++) out.push(newAddress(rng, rng.chance(0.55) ? out[i].town : undefined));
  return out;
}

let nextPid = 0;
export function resetPeople(): void {
  nextPid = 0;
}

function person(rng: Rng, origin: Origin, sex: 'm' | 'f', y: number, surname: string, home: Address[]): Person {
  const m = rng.int(1, 12);
  const given = givenOf(origin, sex, y, rng);
  let middle = '';
  if (rng.chance(origin === 'de' ? 0.3 : origin === 'ru' ? 0.05 : 0.18)) {
    for (let i = 0; i < 5 && (middle === '' || middle === given); i++) middle = givenOf(origin, sex, y, rng);
    if (middle === given) middle = '';
  }
  const p: Person = {
    pid: nextPid++,
    origin,
    sex,
    given,
    middle,
    surname: sex === 'f' ? feminine(surname, origin) : surname,
    birthSurname: '',
    y,
    m,
    d: rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate()),
    addresses: home,
    mobile: y <= 2008 && rng.chance(0.8) ? `${rng.pick(MOBILE)}|${rng.int(1, 9)}${rng.digits(rng.int(6, 7))}` : '',
    email: '',
    idNumber: `${rng.int(1, 9)}${rng.digits(10)}`,
    twin: false,
  };
  if (y >= 1940 && y <= 2008 && rng.chance(0.55)) {
    const f = translit(given, 'ue')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const s = translit(p.surname, 'ue')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const local = rng.pick([`${f}.${s}`, `${f}${s}`, `${f[0]}.${s}`, `${f}.${s}${y % 100}`, `${f}_${s}`, `${s}.${f}`]);
    p.email = `${local}@${rng.pick(MAIL)}`;
  }
  return p;
}

/** Marries b into a's name as German couples do: most take it, some join both with a hyphen, some keep theirs. */
function marry(wife: Person, husband: Person, rng: Rng): void {
  const r = rng.next();
  const his = feminine(husband.surname, husband.origin);
  if (r < 0.75) [wife.birthSurname, wife.surname] = [wife.surname, his];
  else if (r < 0.83)
    [wife.birthSurname, wife.surname] = [
      wife.surname,
      rng.chance(0.5) ? `${his}-${wife.surname}` : `${wife.surname}-${his}`,
    ];
  else if (r >= 0.95 && wife.origin !== 'pl' && wife.origin !== 'ru')
    [husband.birthSurname, husband.surname] = [husband.surname, wife.surname];
}

function children(rng: Rng, mother: Person, father: Person | null, surname: string, home: Address[]): Person[] {
  const out: Person[] = [];
  const n = rng.chance(0.4) ? 1 : rng.chance(0.67) ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const y = mother.y + rng.int(20, 40);
    if (y > 2023) break;
    const child = person(rng, mother.origin, rng.chance(0.5) ? 'm' : 'f', y, surname, home);
    if (father && child.sex === 'm' && i === 0 && rng.chance(0.05)) child.given = father.given;
    out.push(child);
    if (rng.chance(0.03)) {
      const twin = person(
        rng,
        mother.origin,
        rng.chance(0.5) ? child.sex : child.sex === 'm' ? 'f' : 'm',
        y,
        surname,
        home,
      );
      for (let k = 0; k < 20 && (twin.given === child.given || (k < 10 && twin.given[0] !== child.given[0])); k++)
        twin.given = givenOf(mother.origin, twin.sex, y, rng);
      [twin.m, twin.d, twin.twin, child.twin] = [child.m, child.d, true, true];
      out.push(twin);
    }
  }
  return out;
}

/** One household: a single adult, a couple, a couple with children, or a single parent with children. */
export function household(rng: Rng): Person[] {
  const origin = origins.pick(rng);
  const home = history(rng);
  const r = rng.next();
  if (r < 0.3) {
    const p = person(rng, origin, rng.chance(0.5) ? 'm' : 'f', rng.int(1935, 2004), surnameOf(origin, rng), home);
    if (p.sex === 'f' && p.y < 1990 && rng.chance(0.3))
      [p.birthSurname, p.surname] = [p.surname, feminine(surnameOf(origin, rng), origin)];
    return [p];
  }
  if (r < 0.9) {
    const hy = rng.int(1935, 1998);
    const husband = person(rng, origin, 'm', hy, surnameOf(origin, rng), home);
    const wifeOrigin = rng.chance(0.9) ? origin : 'de';
    const wife = person(rng, wifeOrigin, 'f', Math.min(2002, hy + rng.int(-6, 3)), surnameOf(wifeOrigin, rng), home);
    marry(wife, husband, rng);
    const kidsName = husband.surname;
    return r < 0.55 ? [husband, wife] : [husband, wife, ...children(rng, wife, husband, kidsName, home)];
  }
  const sex = rng.chance(0.85) ? 'f' : 'm';
  let base = surnameOf(origin, rng);
  const parent = person(rng, origin, sex, rng.int(1950, 1995), base, home);
  if (sex === 'f' && rng.chance(0.6)) {
    base = surnameOf(origin, rng);
    [parent.birthSurname, parent.surname] = [parent.surname, feminine(base, origin)];
  }
  const kids = sex === 'f' ? children(rng, parent, null, base, home) : [];
  return [parent, ...kids];
}

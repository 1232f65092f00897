// The five source systems merged into the register, each with its own conventions and its own mistakes.
// Every rate here is the author's judgement of such systems, not a measured figure.
import { heard, nickname, ocr, ocrDigit, type Rng, translit, typo } from './errors.ts';
import type { Address, Person } from './people.ts';

type Mode = 'keep' | 'ue' | 'strip';
export interface Profile {
  name: string;
  include: (p: Person) => number; // probability the person has a record in this source
  dup: number; // probability of a second record of the same person in the same source
  upper: number; // probability a record is written in capitals (else proper case; PRAXIS sometimes lower)
  mode: (rng: Rng) => Mode;
  date: (rng: Rng) => 'dmy' | 'ymd' | 'dmy1' | 'iso';
  sex: [string, string] | null;
  sexMissing: number;
  typo: number; // per name field
  heard: number;
  ocr: number;
  nick: number;
  swap: number; // given name and surname in each other's fields
  dateErr: number;
  dmSwap: number;
  middle: (rng: Rng) => 'field' | 'initial' | 'joined' | 'drop';
  address: (p: Person, rng: Rng) => Address;
  street: (rng: Rng) => 'full' | 'abbr' | 'ss';
  phone: number;
  mobileFirst: number;
  phoneStyle: (rng: Rng) => string;
  email: number;
  id: number;
  idErr: number;
  maiden: number; // the birth surname written as the surname
  birth: number; // the birth surname written in its own column
  miss: number; // street, postcode or town missing
  townVariant: number;
}

const current = (p: Person) => p.addresses[p.addresses.length - 1];
const oneOf =
  <T>(...opts: [T, number][]) =>
  (rng: Rng): T => {
    let x = rng.next();
    for (const [v, w] of opts) if ((x -= w) < 0) return v;
    return opts[opts.length - 1][0];
  };
const adult = (p: Person) => p.y <= 2005;

export const PROFILES: Profile[] = [
  {
    name: 'MELDE', // municipal population register: the official record, careful, current address
    include: () => 0.72,
    dup: 0.03,
    upper: 0,
    mode: () => 'keep',
    date: () => 'dmy',
    sex: ['m', 'w'],
    sexMissing: 0.005,
    ...{ typo: 0.01, heard: 0.003, ocr: 0, nick: 0, swap: 0.002, dateErr: 0.004, dmSwap: 0.001 },
    middle: () => 'field',
    address: (p, rng) => (rng.chance(0.95) ? current(p) : rng.pick(p.addresses)),
    street: () => 'full',
    ...{ phone: 0.1, mobileFirst: 0.3, phoneStyle: oneOf(['slash', 0.6], ['space', 0.4]), email: 0 },
    ...{ id: 0.8, idErr: 0.005, maiden: 0, birth: 0.95, miss: 0.005, townVariant: 0 },
  },
  {
    name: 'KASSE', // health insurer: capitals, umlauts as AE/OE/UE, YYYYMMDD, sex 1/2, addresses updated late
    include: () => 0.6,
    dup: 0.02,
    upper: 1,
    mode: () => 'ue',
    date: () => 'ymd',
    sex: ['1', '2'],
    sexMissing: 0.002,
    ...{ typo: 0.015, heard: 0.005, ocr: 0, nick: 0, swap: 0.003, dateErr: 0.01, dmSwap: 0.003 },
    middle: oneOf(['initial', 0.7], ['drop', 0.3]),
    address: (p, rng) => (rng.chance(0.75) ? current(p) : rng.pick(p.addresses)),
    street: oneOf(['abbr', 0.8], ['full', 0.2]),
    ...{ phone: 0.55, mobileFirst: 0.6, phoneStyle: () => 'plain', email: 0.3 },
    ...{ id: 0.15, idErr: 0.01, maiden: 0.05, birth: 0.4, miss: 0.01, townVariant: 0.1 },
  },
  {
    name: 'WAHL', // voter roll: adults only, all given names in one field, no sex, no phone
    include: (p) => (adult(p) ? 0.55 : 0),
    dup: 0.005,
    upper: 0,
    mode: () => 'keep',
    date: () => 'dmy',
    sex: null,
    sexMissing: 1,
    ...{ typo: 0.008, heard: 0.002, ocr: 0, nick: 0, swap: 0.002, dateErr: 0.004, dmSwap: 0.001 },
    middle: () => 'joined',
    address: current,
    street: () => 'full',
    ...{ phone: 0, mobileFirst: 0, phoneStyle: () => 'space', email: 0 },
    ...{ id: 0, idErr: 0, maiden: 0, birth: 0, miss: 0.003, townVariant: 0 },
  },
  {
    name: 'PRAXIS', // GP practice software: typed at the desk from what the patient says
    include: () => 0.4,
    dup: 0.08,
    upper: 0.06,
    mode: oneOf(['keep', 0.7], ['strip', 0.15], ['ue', 0.15]),
    date: oneOf(['dmy', 0.65], ['dmy1', 0.15], ['iso', 0.2]),
    sex: ['M', 'W'],
    sexMissing: 0.1,
    ...{ typo: 0.05, heard: 0.05, ocr: 0, nick: 0.15, swap: 0.025, dateErr: 0.03, dmSwap: 0.03 },
    middle: oneOf(['drop', 0.55], ['field', 0.3], ['joined', 0.15]),
    address: (p, rng) => rng.pick(p.addresses),
    street: oneOf(['full', 0.5], ['abbr', 0.3], ['ss', 0.2]),
    ...{
      phone: 0.7,
      mobileFirst: 0.75,
      phoneStyle: oneOf(['space', 0.3], ['slash', 0.2], ['intl', 0.25], ['plain', 0.25]),
    },
    ...{ email: 0.45, id: 0, idErr: 0, maiden: 0.12, birth: 0.1, miss: 0.08, townVariant: 0.3 },
  },
  {
    name: 'ALT', // scanned paper forms of the 1990s: capitals, accents lost, OCR misreads, old addresses, maiden names
    include: (p) => (p.y < 1985 ? 0.3 : 0),
    dup: 0.02,
    upper: 1,
    mode: () => 'strip',
    date: () => 'dmy1',
    sex: ['M', 'W'],
    sexMissing: 0.1,
    ...{ typo: 0.02, heard: 0.01, ocr: 0.08, nick: 0, swap: 0.02, dateErr: 0.03, dmSwap: 0.02 },
    middle: oneOf(['field', 0.5], ['joined', 0.3], ['drop', 0.2]),
    address: (p, rng) => (rng.chance(0.75) ? p.addresses[0] : rng.pick(p.addresses)),
    street: oneOf(['abbr', 0.5], ['full', 0.5]),
    ...{ phone: 0.3, mobileFirst: 0, phoneStyle: () => 'slash', email: 0 },
    ...{ id: 0.1, idErr: 0.04, maiden: 0.6, birth: 0.3, miss: 0.06, townVariant: 0.2 },
  },
];

const pad = (x: number) => String(x).padStart(2, '0');
function dateText(p: Person, src: Profile, rng: Rng): string {
  let { y, m, d } = p;
  if (d <= 12 && d !== m && rng.chance(src.dmSwap)) [d, m] = [m, d];
  if (rng.chance(src.dateErr)) {
    const r = rng.next();
    if (r < 0.35) d = d >= 28 ? d - 1 : d < 10 && rng.chance(0.5) ? d + 10 : d + 1;
    else if (r < 0.6) y = y - (y % 100) + (y % 10) * 10 + Math.floor((y % 100) / 10);
    else if (r < 0.85) y += rng.chance(0.5) ? 1 : -1;
    else m = m === 12 ? 11 : m + 1;
  }
  if (src.name === 'ALT' && rng.chance(0.06)) return String(y);
  if (src.name === 'ALT' && rng.chance(0.03)) [d, m] = [1, 1];
  const style = src.date(rng);
  if (style === 'ymd') return `${y}${pad(m)}${pad(d)}`;
  if (style === 'iso') return `${y}-${pad(m)}-${pad(d)}`;
  if (style === 'dmy1') return `${d}.${m}.${y}`;
  return `${pad(d)}.${pad(m)}.${y}`;
}

function phoneText(raw: string, style: string): string {
  const [area, num] = raw.split('|');
  if (style === 'slash') return `${area}/${num}`;
  if (style === 'intl') return `+49 ${area.slice(1)} ${num}`;
  if (style === 'plain') return area + num;
  return `${area} ${num}`;
}

function nameText(s: string, src: Profile, rng: Rng): string {
  if (s === '') return s;
  if (rng.chance(src.heard)) s = heard(s, rng);
  if (rng.chance(src.typo)) s = typo(s, rng);
  return s;
}

/** One record of a person as the source system writes it: the columns after record_id. */
export function render(p: Person, src: Profile, rng: Rng): string[] {
  const mode = src.mode(rng);
  const caps = rng.chance(src.upper);
  const lower = !caps && src.name === 'PRAXIS' && rng.chance(0.05);
  const text = (s: string) => {
    const t = translit(s, mode);
    return caps ? t.toUpperCase() : lower ? t.toLowerCase() : t;
  };
  let given = p.given;
  if (rng.chance(src.nick)) given = nickname(given, rng);
  if (given.includes('-') && (caps || src.name === 'PRAXIS') && rng.chance(0.3))
    given = rng.chance(0.7) ? given.replace('-', ' ') : given.split('-')[0];
  let middle = '';
  const how = p.middle ? src.middle(rng) : 'drop';
  if (how === 'field') middle = p.middle;
  else if (how === 'initial') middle = rng.chance(0.7) ? p.middle[0] : '';
  else if (how === 'joined') given = `${given} ${p.middle}`;
  let surname = p.surname;
  let birth = '';
  if (p.birthSurname && rng.chance(src.maiden)) surname = p.birthSurname;
  else if (p.birthSurname && rng.chance(src.birth)) birth = p.birthSurname;
  if (surname.includes('-') && src.name !== 'MELDE' && rng.chance(0.2)) surname = rng.pick(surname.split('-'));
  [given, middle, surname, birth] = [given, middle, surname, birth].map((s) => text(nameText(s, src, rng)));
  if (src.ocr > 0) [given, surname] = [given, surname].map((s) => (rng.chance(src.ocr) ? ocr(s, rng) : s));
  if (rng.chance(src.swap)) [given, surname] = [surname, given];

  const sexIdx = rng.chance(0.003) ? (p.sex === 'm' ? 1 : 0) : p.sex === 'm' ? 0 : 1;
  const sex = src.sex && !rng.chance(src.sexMissing) ? src.sex[sexIdx] : '';
  const date = rng.chance(src.name === 'PRAXIS' ? 0.01 : 0.003) ? '' : dateText(p, src, rng);

  const a = src.address(p, rng);
  const style = src.street(rng);
  let street = style === 'full' ? a.street : a.street.replace(/ß/g, 'ss');
  if (style === 'abbr') street = street.replace(/(s|S)tra(ss|ß)e$/, '$1tr.');
  const num =
    src.name === 'PRAXIS' && /[a-c]$/.test(a.num) && rng.chance(0.3) ? a.num.replace(/(\d)([a-c])$/, '$1 $2') : a.num;
  street = rng.chance(src.miss) ? '' : text(nameText(`${street} ${num}`.replace(/\s+/g, ' '), src, rng));
  let postcode = rng.chance(src.miss) ? '' : a.postcode;
  if (postcode && rng.chance(src.name === 'ALT' ? 0.03 : src.name === 'PRAXIS' ? 0.01 : 0.002))
    postcode = src.name === 'ALT' ? ocrDigit(postcode, rng) : typo(postcode, rng);
  const townName = a.town.variants.length && rng.chance(src.townVariant) ? rng.pick(a.town.variants) : a.town.name;
  const town = rng.chance(src.miss) ? '' : text(townName);

  let phone = '';
  if (rng.chance(src.phone)) {
    const landline = src.name === 'ALT' ? p.addresses[0].landline : a.landline;
    const raw = p.mobile && (rng.chance(src.mobileFirst) || !landline) ? p.mobile : landline;
    if (raw) phone = phoneText(raw, src.phoneStyle(rng));
    if (phone && src.name === 'ALT' && rng.chance(0.04)) phone = ocrDigit(phone, rng);
  }
  const email = p.email && rng.chance(src.email) ? (caps ? p.email.toUpperCase() : p.email) : '';
  let id = rng.chance(src.id) ? p.idNumber : '';
  if (id && rng.chance(src.idErr)) id = src.name === 'ALT' ? ocrDigit(id, rng) : typo(id, rng);
  return [src.name, given, middle, surname, birth, sex, date, street, postcode, town, phone, email, id];
}

// How each kind of source writes a man down. A record is rendered from the person (the truth), the
// source kind, the publication (a particular news site, chat, list or court, which has house habits)
// and a per-record PRNG, so records can be rendered in any order.

import { type Case, declineGiven, declinePatronymic, declineSurname, feminineSurname } from './names.ts';
import { hashInts, pickW, Rng } from './prng.ts';
import { officialGenitive, type Region, TOWN_ALIASES } from './regions.ts';
import { romanise, type TranslitSystem, toUkrainian } from './translit.ts';
import { renderUnit, type UnitStyle } from './units.ts';
import type { Fate, Person, World } from './world.ts';

export const SOURCES = [
  'news_obituary',
  'social_obituary',
  'cemetery_osint',
  'rights_list',
  'exchange_list',
  'tracing_request',
  'family_appeal',
  'missing_chat',
  'court_record',
  'foreign_media',
] as const;
export type Src = (typeof SOURCES)[number];

/** Which kinds of source write about a man, by what happened to him. */
const SRC_BY_FATE: Record<Fate, Partial<Record<Src, number>>> = {
  dead: {
    news_obituary: 28,
    social_obituary: 22,
    rights_list: 28,
    cemetery_osint: 8,
    foreign_media: 5,
    tracing_request: 3,
    missing_chat: 2,
    family_appeal: 2,
    exchange_list: 2, // lists of bodies handed over
  },
  missing_dead: {
    missing_chat: 24,
    tracing_request: 15,
    family_appeal: 8,
    news_obituary: 15,
    social_obituary: 12,
    rights_list: 17,
    cemetery_osint: 3,
    foreign_media: 3,
    exchange_list: 3,
  },
  missing: {
    missing_chat: 40,
    tracing_request: 27,
    family_appeal: 14,
    rights_list: 8,
    foreign_media: 6,
    exchange_list: 5,
  },
  pow: {
    exchange_list: 20,
    missing_chat: 24,
    tracing_request: 18,
    family_appeal: 12,
    foreign_media: 20,
    rights_list: 6,
  },
  pow_returned: {
    exchange_list: 42,
    missing_chat: 18,
    tracing_request: 12,
    family_appeal: 8,
    foreign_media: 14,
    rights_list: 6,
  },
  refuser: {
    court_record: 50,
    rights_list: 12,
    family_appeal: 10,
    foreign_media: 9,
    missing_chat: 8,
    tracing_request: 11,
  },
  alive: { family_appeal: 45, tracing_request: 28, missing_chat: 17, foreign_media: 5, exchange_list: 5 },
};

type NameStyle =
  | 'plain'
  | 'upperSurname'
  | 'upperAll'
  | 'lower'
  | 'initials'
  | 'oneField'
  | 'oneFieldGiven'
  | 'givenFirst'
  | 'swapped'
  | 'gen'
  | 'dat'
  | 'ins'
  | 'feminine'
  | 'diminutive'
  | 'rank'
  | 'lineInSurname';
type BirthKind = 'full' | 'year' | 'age' | 'placeholder' | 'monthYear';
type DateFmt =
  | 'dot'
  | 'dotShort'
  | 'dotNoPad'
  | 'iso'
  | 'slash'
  | 'words'
  | 'wordsG'
  | 'wordsGoda'
  | 'dotGr'
  | 'dash'
  | 'space'
  | 'enMdy'
  | 'enDmy'
  | 'usSlash';
type RegionStyle =
  | 'official'
  | 'officialFull'
  | 'short'
  | 'abbr'
  | 'adjShort'
  | 'adjOnly'
  | 'gen'
  | 'genShort'
  | 'capital'
  | 'town'
  | 'townRegion'
  | 'district'
  | 'village'
  | 'villageFull'
  | 'en'
  | 'enLoc'
  | 'ua';

interface Profile {
  pGiven: number;
  pPatr: number;
  pBirth: number;
  pRegion: number;
  pUnit: number;
  names: Partial<Record<NameStyle, number>>;
  birth: Partial<Record<BirthKind, number>>;
  dates: Partial<Record<DateFmt, number>>;
  regions: Partial<Record<RegionStyle, number>>;
  units: Partial<Record<UnitStyle, number>>;
  typo: number;
  yo: number; // probability that ё survives
  house: number; // probability that a record follows its publication's house style
}

const PROFILES: Record<Src, Profile> = {
  news_obituary: {
    pGiven: 0.97,
    pPatr: 0.22,
    pBirth: 0.62,
    pRegion: 0.97,
    pUnit: 0.18,
    names: {
      plain: 68,
      givenFirst: 9,
      ins: 4,
      gen: 4,
      upperSurname: 3,
      swapped: 4,
      diminutive: 1.5,
      initials: 1,
      oneField: 3,
      rank: 1,
    },
    birth: { age: 55, year: 20, full: 25 },
    dates: { dot: 50, words: 20, wordsG: 10, dotShort: 5, dotNoPad: 5, iso: 3, wordsGoda: 7 },
    regions: {
      town: 20,
      district: 15,
      village: 15,
      gen: 10,
      official: 10,
      short: 8,
      adjShort: 8,
      townRegion: 8,
      villageFull: 4,
      capital: 2,
    },
    units: { abbr: 30, nick: 20, gen: 20, full: 10, loose: 15, vch: 5 },
    typo: 0.02,
    yo: 0.4,
    house: 0.7,
  },
  social_obituary: {
    pGiven: 0.98,
    pPatr: 0.6,
    pBirth: 0.7,
    pRegion: 0.85,
    pUnit: 0.25,
    names: {
      plain: 55,
      upperAll: 8,
      upperSurname: 8,
      gen: 7,
      dat: 4,
      givenFirst: 5,
      oneField: 6,
      swapped: 2,
      diminutive: 2,
      lower: 1,
      initials: 2,
    },
    birth: { full: 50, year: 25, age: 25 },
    dates: { dot: 55, words: 12, dotShort: 8, dotGr: 10, wordsG: 8, dotNoPad: 5, dash: 2 },
    regions: {
      village: 20,
      villageFull: 10,
      district: 20,
      town: 20,
      townRegion: 10,
      short: 5,
      adjShort: 5,
      abbr: 5,
      capital: 5,
    },
    units: { abbr: 25, nick: 15, loose: 20, gen: 15, vch: 10, full: 15 },
    typo: 0.04,
    yo: 0.3,
    house: 0.6,
  },
  cemetery_osint: {
    pGiven: 0.97,
    pPatr: 0.75,
    pBirth: 0.93,
    pRegion: 0.85,
    pUnit: 0.08,
    names: { plain: 70, upperAll: 20, initials: 3, oneField: 5, swapped: 2 },
    birth: { full: 85, year: 15 },
    dates: { dot: 80, dotNoPad: 10, dotShort: 5, iso: 5 },
    regions: { town: 30, village: 20, district: 15, townRegion: 15, official: 10, capital: 10 },
    units: { loose: 40, abbr: 30, nick: 30 },
    typo: 0.03,
    yo: 0.5,
    house: 0.8,
  },
  rights_list: {
    pGiven: 0.995,
    pPatr: 0.65,
    pBirth: 0.85,
    pRegion: 0.97,
    pUnit: 0.5,
    names: { plain: 88, upperSurname: 5, swapped: 1, initials: 1, oneField: 2, oneFieldGiven: 1 },
    birth: { full: 55, year: 35, placeholder: 5, monthYear: 2, age: 3 },
    dates: { dot: 70, iso: 25, slash: 5 },
    regions: { official: 55, officialFull: 10, short: 15, adjShort: 10, abbr: 3, capital: 2, town: 5 },
    units: { abbr: 40, full: 20, vch: 15, both: 15, nick: 5, loose: 5 },
    typo: 0.008,
    yo: 0.7,
    house: 0.9,
  },
  exchange_list: {
    pGiven: 0.995,
    pPatr: 0.92,
    pBirth: 0.95,
    pRegion: 0.3,
    pUnit: 0.55,
    names: { upperSurname: 35, upperAll: 30, plain: 30, oneField: 5 },
    birth: { full: 92, year: 8 },
    dates: { dot: 85, dotShort: 5, iso: 5, dotNoPad: 5 },
    regions: { official: 30, short: 20, adjShort: 20, town: 15, abbr: 5 },
    units: { vch: 65, abbr: 20, both: 10, loose: 5 },
    typo: 0.015,
    yo: 0.3,
    house: 0.92,
  },
  tracing_request: {
    pGiven: 0.99,
    pPatr: 0.88,
    pBirth: 0.9,
    pRegion: 0.85,
    pUnit: 0.8,
    names: {
      plain: 70,
      upperSurname: 5,
      gen: 5,
      diminutive: 4,
      lower: 4,
      oneField: 4,
      swapped: 3,
      feminine: 2,
      upperAll: 3,
    },
    birth: { full: 80, year: 15, age: 5 },
    dates: { dot: 60, words: 15, dotNoPad: 10, dotShort: 8, iso: 2, dotGr: 5 },
    regions: {
      official: 15,
      short: 15,
      adjShort: 15,
      town: 15,
      village: 10,
      villageFull: 8,
      townRegion: 10,
      abbr: 7,
      district: 5,
    },
    units: { vch: 40, both: 15, abbr: 20, nick: 10, loose: 10, full: 5 },
    typo: 0.05,
    yo: 0.5,
    house: 0.3,
  },
  family_appeal: {
    pGiven: 0.9,
    pPatr: 0.4,
    pBirth: 0.3,
    pRegion: 0.75,
    pUnit: 0.75,
    names: { plain: 55, gen: 10, dat: 5, ins: 5, diminutive: 6, givenFirst: 6, feminine: 5, oneField: 5, lower: 3 },
    birth: { year: 40, full: 35, age: 25 },
    dates: { dot: 60, words: 20, dotNoPad: 10, dotShort: 10 },
    regions: { short: 20, gen: 15, genShort: 10, town: 20, district: 10, capital: 10, abbr: 10, village: 5 },
    units: { abbr: 30, vch: 25, nick: 15, gen: 15, loose: 15 },
    typo: 0.04,
    yo: 0.5,
    house: 0.6,
  },
  missing_chat: {
    pGiven: 0.96,
    pPatr: 0.5,
    pBirth: 0.75,
    pRegion: 0.6,
    pUnit: 0.75,
    names: {
      plain: 40,
      upperSurname: 18,
      upperAll: 8,
      lower: 6,
      initials: 4,
      oneField: 6,
      gen: 5,
      swapped: 3,
      diminutive: 3,
      feminine: 2,
      lineInSurname: 3,
      givenFirst: 2,
    },
    birth: { year: 45, full: 45, age: 10 },
    dates: { dot: 55, dotShort: 15, dotNoPad: 15, space: 3, dash: 5, dotGr: 7 },
    regions: { short: 25, abbr: 15, town: 20, capital: 10, adjShort: 10, village: 5, district: 5, adjOnly: 10 },
    units: { vch: 45, abbr: 25, nick: 10, loose: 10, both: 10 },
    typo: 0.07,
    yo: 0.25,
    house: 0.5,
  },
  court_record: {
    pGiven: 0.98,
    pPatr: 0.9,
    pBirth: 0.45,
    pRegion: 0.85,
    pUnit: 0.95,
    names: { initials: 55, plain: 30, upperSurname: 5, oneField: 10 },
    birth: { full: 70, year: 30 },
    dates: { dot: 90, wordsGoda: 10 },
    regions: { capital: 30, town: 30, official: 20, adjShort: 20 },
    units: { vch: 85, both: 10, abbr: 5 },
    typo: 0.01,
    yo: 0.6,
    house: 0.9,
  },
  foreign_media: {
    pGiven: 0.97,
    pPatr: 0.18,
    pBirth: 0.55,
    pRegion: 0.7,
    pUnit: 0.4,
    names: { plain: 85, upperSurname: 5, givenFirst: 7, swapped: 3 },
    birth: { year: 45, age: 30, full: 25 },
    dates: { enMdy: 35, enDmy: 30, iso: 20, usSlash: 10, dot: 5 },
    regions: { en: 70, enLoc: 30 },
    units: { en: 80, vch: 10, abbr: 10 },
    typo: 0.02,
    yo: 0.5,
    house: 0.85,
  },
};

// ------------------------------------------------------------------ publications and plans

/** How many distinct publications (sites, chats, lists, courts) of each kind a world of n records has. */
function pubCount(src: Src, n: number): number {
  const t: Record<Src, [number, number, number]> = {
    news_obituary: [3, 400, 900],
    social_obituary: [5, 150, 5000],
    cemetery_osint: [2, 2000, 300],
    rights_list: [2, 5000, 6],
    exchange_list: [3, 1500, 400],
    tracing_request: [2, 4000, 12],
    family_appeal: [3, 400, 3000],
    missing_chat: [3, 800, 600],
    court_record: [2, 2000, 120],
    foreign_media: [2, 2500, 200],
  };
  const [lo, div, hi] = t[src];
  return Math.max(lo, Math.min(hi, Math.round(n / div)));
}

export interface PlanItem {
  src: Src;
  pub: number;
  copyOf: number; // index of an earlier record of this man that this one reposts, or -1
}

export function planFor(p: Person, seed: number, n: number): PlanItem[] {
  const rng = new Rng(seed, 0x91a7, p.idx);
  const out: PlanItem[] = [];
  let courts = 0;
  for (let k = 0; k < p.nRec; k++) {
    let src = pickW(rng, SRC_BY_FATE[p.fate] as Record<Src, number>);
    if (src === 'court_record' && courts >= 2) src = 'rights_list';
    if (src === 'court_record') courts++;
    let copyOf = -1;
    if (k > 0 && (src === 'missing_chat' || src === 'tracing_request' || src === 'family_appeal')) {
      const prev: number[] = [];
      for (let j = 0; j < k; j++) {
        const s = out[j].src;
        if (s === 'missing_chat' || s === 'tracing_request' || s === 'family_appeal')
          prev.push(out[j].copyOf >= 0 ? out[j].copyOf : j);
      }
      if (prev.length && rng.chance(0.4)) copyOf = rng.pick(prev);
    }
    const count = pubCount(src, n);
    let pub: number;
    const unitKey = p.unit >= 0 ? p.unit : 0;
    switch (src) {
      case 'news_obituary':
        pub = (p.region * 37 + rng.int(4)) % count;
        break;
      case 'social_obituary':
        pub = (p.region * 53 + (hashInts(p.place.length, p.place.charCodeAt(0) || 0) % 7)) % count;
        break;
      case 'missing_chat':
        pub = rng.chance(0.5) ? (p.region * 29 + rng.int(2)) % count : (unitKey * 17 + rng.int(2)) % count;
        break;
      case 'family_appeal':
        pub = (unitKey * 7 + rng.int(3)) % count;
        break;
      case 'court_record':
        pub = (p.region * 11) % count;
        break;
      default:
        pub = rng.int(count);
    }
    out.push({ src, pub, copyOf });
  }
  return out;
}

interface PubStyle {
  name: NameStyle;
  birth: BirthKind;
  date: DateFmt;
  region: RegionStyle;
  unit: UnitStyle;
  lang: 'ru' | 'ua' | 'lat';
  translit: TranslitSystem;
  yearFmt: number;
}

const styleCache = new Map<string, PubStyle>();

function pubStyle(seed: number, src: Src, pub: number): PubStyle {
  const si = SOURCES.indexOf(src);
  const key = `${seed}:${si}:${pub}`;
  const hit = styleCache.get(key);
  if (hit) return hit;
  const rng = new Rng(seed, 0x5717e, si, pub);
  const pr = PROFILES[src];
  let lang: PubStyle['lang'] = 'ru';
  if (src === 'exchange_list') lang = pickW(rng, { ru: 55, ua: 33, lat: 12 });
  if (src === 'foreign_media') lang = rng.chance(0.12) ? 'ua' : 'lat';
  const translit: TranslitSystem =
    lang === 'ua' ? 'ukr' : pickW(rng, { media: 40, bgn: 20, icao: 12, german: 10, scholar: 5, gost: 5, oldpass: 8 });
  const st: PubStyle = {
    name: pickW(rng, pr.names as Record<NameStyle, number>),
    birth: pickW(rng, pr.birth as Record<BirthKind, number>),
    date: pickW(rng, pr.dates as Record<DateFmt, number>),
    region: pickW(rng, pr.regions as Record<RegionStyle, number>),
    unit: pickW(rng, pr.units as Record<UnitStyle, number>),
    lang,
    translit,
    yearFmt: rng.int(8),
  };
  if (styleCache.size > 200_000) styleCache.clear();
  styleCache.set(key, st);
  return st;
}

// ------------------------------------------------------------------------- helpers

const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_NOM = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (x: number) => String(x).padStart(2, '0');

function formatDate(rng: Rng, y: number, m: number, d: number, f: DateFmt): string {
  switch (f) {
    case 'dot':
      return `${p2(d)}.${p2(m)}.${y}`;
    case 'dotShort':
      return `${p2(d)}.${p2(m)}.${p2(y % 100)}`;
    case 'dotNoPad':
      return `${d}.${rng.chance(0.5) ? m : p2(m)}.${y}`;
    case 'iso':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'slash':
      return `${p2(d)}/${p2(m)}/${y}`;
    case 'words':
      return `${d} ${MONTHS_GEN[m - 1]} ${y}`;
    case 'wordsG':
      return `${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
    case 'wordsGoda':
      return `${d} ${MONTHS_GEN[m - 1]} ${y} года`;
    case 'dotGr':
      return `${p2(d)}.${p2(m)}.${y} г.р.`;
    case 'dash':
      return `${p2(d)}-${p2(m)}-${y}`;
    case 'space':
      return `${p2(d)} ${p2(m)} ${y}`;
    case 'enMdy':
      return rng.chance(0.8) ? `${MONTHS_EN[m - 1]} ${d}, ${y}` : `${MONTHS_EN_SHORT[m - 1]} ${d}, ${y}`;
    case 'enDmy':
      return `${d} ${MONTHS_EN[m - 1]} ${y}`;
    case 'usSlash':
      return `${p2(m)}/${p2(d)}/${y}`;
  }
}

function formatYear(y: number, f: number, lat: boolean): string {
  if (lat) return f % 3 === 0 ? `b. ${y}` : `${y}`;
  switch (f) {
    case 0:
    case 1:
      return `${y}`;
    case 2:
      return `${y} г.р.`;
    case 3:
      return `${y} г.`;
    case 4:
      return `${y}г.р.`;
    case 5:
      return `${p2(y % 100)} г.р.`;
    case 6:
      return `${y} года рождения`;
    default:
      return `${y} г.р`;
  }
}

function uaYear(y: number, f: number): string {
  return f % 3 === 0 ? `${y} р.н.` : f % 3 === 1 ? `${y}` : `${y} р.`;
}

function ageWord(a: number): string {
  const t = a % 100;
  const u = a % 10;
  if (t >= 11 && t <= 14) return 'лет';
  if (u === 1) return 'год';
  if (u >= 2 && u <= 4) return 'года';
  return 'лет';
}

// ЙЦУКЕН neighbours for keyboard slips on phones
const KB_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const KB = new Map<string, string>();
for (const row of KB_ROWS) {
  for (let i = 0; i < row.length; i++) KB.set(row[i], (row[i - 1] ?? '') + (row[i + 1] ?? ''));
}
const CONFUSE: Record<string, string> = {
  о: 'а',
  а: 'о',
  е: 'и',
  и: 'еы',
  ы: 'и',
  э: 'е',
  д: 'т',
  т: 'д',
  б: 'п',
  п: 'б',
  з: 'с',
  с: 'з',
  г: 'к',
  к: 'г',
  в: 'ф',
  ж: 'ш',
  ш: 'щж',
  щ: 'ш',
  ц: 'с',
  я: 'е',
  ё: 'е',
  й: 'и',
};

function typo(rng: Rng, w: string): string {
  if (w.length < 3) return w;
  const i = 1 + rng.int(w.length - 1);
  const ch = w[i];
  const lo = ch.toLowerCase();
  const up = ch !== lo;
  const r = rng.next();
  const keep = (c: string) => (up ? c.toUpperCase() : c);
  if (r < 0.25) {
    const nb = KB.get(lo);
    if (nb) return w.slice(0, i) + keep(nb[rng.int(nb.length)]) + w.slice(i + 1);
  }
  if (r < 0.5) {
    const c = CONFUSE[lo];
    if (c) return w.slice(0, i) + keep(c[rng.int(c.length)]) + w.slice(i + 1);
  }
  if (r < 0.65) return w.slice(0, i) + w.slice(i + 1); // dropped letter
  if (r < 0.78) return w.slice(0, i) + ch + w.slice(i); // doubled letter
  if (r < 0.92 && i + 1 < w.length) return w.slice(0, i) + w[i + 1] + ch + w.slice(i + 2); // swapped letters
  if (lo === 'ь' || lo === 'ъ') return w.slice(0, i) + w.slice(i + 1);
  return w.slice(0, i) + w.slice(i + 1);
}

function digitTypo(rng: Rng, s: string): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] >= '0' && s[i] <= '9') idx.push(i);
  if (idx.length < 2) return s;
  const r = rng.next();
  if (r < 0.5) {
    const k = rng.int(idx.length - 1);
    const a = idx[k];
    const b = idx[k + 1];
    if (b !== a + 1) return s;
    return s.slice(0, a) + s[b] + s[a] + s.slice(b + 1);
  }
  const a = rng.pick(idx);
  return s.slice(0, a) + String((Number(s[a]) + rng.range(1, 9)) % 10) + s.slice(a + 1);
}

const HOMO: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};
function homoglyph(rng: Rng, w: string): string {
  const idx: number[] = [];
  for (let i = 0; i < w.length; i++) if (HOMO[w[i]]) idx.push(i);
  if (!idx.length) return w;
  const i = rng.pick(idx);
  return w.slice(0, i) + HOMO[w[i]] + w.slice(i + 1);
}

const YO_KNOWN: Record<string, string> = {
  Семенов: 'Семёнов',
  Соловьев: 'Соловьёв',
  Воробьев: 'Воробьёв',
  Королев: 'Королёв',
  Ковалев: 'Ковалёв',
  Киселев: 'Киселёв',
  Пономарев: 'Пономарёв',
  Федоров: 'Фёдоров',
  Журавлев: 'Журавлёв',
  Аксенов: 'Аксёнов',
  Селезнев: 'Селезнёв',
  Горбачев: 'Горбачёв',
  Бобылев: 'Бобылёв',
  Фомичев: 'Фомичёв',
  Кошелев: 'Кошелёв',
  Муравьев: 'Муравьёв',
  Лихачев: 'Лихачёв',
  Федорович: 'Фёдорович',
  Семенович: 'Семёнович',
  Артемович: 'Артёмович',
  Артем: 'Артём',
  Семен: 'Семён',
  Петр: 'Пётр',
  Федор: 'Фёдор',
};

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s);
const capWords = (s: string) => s.replace(/[^\s-]+/g, (w) => cap(w));
const RANKS = [
  'рядовой',
  'ефрейтор',
  'мл. сержант',
  'сержант',
  'ст. сержант',
  'старшина',
  'прапорщик',
  'лейтенант',
  'ст. лейтенант',
  'капитан',
  'майор',
];

// ------------------------------------------------------------------------- rendering

export type Fields = [
  source: string,
  surname: string,
  given: string,
  patronymic: string,
  birth: string,
  region: string,
  unit: string,
];

export function renderRecord(w: World, p: Person, k: number, plan: PlanItem[], seed: number): Fields {
  const item = plan[k];
  if (item.copyOf >= 0) {
    const base = renderBase(w, p, item.copyOf, plan[item.copyOf], seed);
    const rng = new Rng(seed, 0xc09, p.idx, k);
    return mutateCopy(rng, base, `${item.src}:${item.pub}`);
  }
  return renderBase(w, p, k, item, seed);
}

function mutateCopy(rng: Rng, f: Fields, source: string): Fields {
  const out: Fields = [...f];
  out[0] = source;
  if (rng.chance(0.25)) out[1] = rng.chance(0.5) ? out[1].toUpperCase() : capWords(out[1]);
  if (rng.chance(0.15)) out[3] = '';
  if (rng.chance(0.1)) out[5] = '';
  if (rng.chance(0.1)) out[6] = '';
  if (rng.chance(0.08)) out[4] = out[4].replace(/^(\d{2})\.(\d{2})\.(\d{4})$/, (_m, _d, _mo, y) => y);
  if (rng.chance(0.12)) {
    const i = 1 + rng.int(3);
    out[i] = typo(rng, out[i]);
  }
  return out;
}

function renderBase(w: World, p: Person, k: number, item: PlanItem, seed: number): Fields {
  const rng = new Rng(seed, 0x4ec, p.idx, k);
  const pr = PROFILES[item.src];
  const st = pubStyle(seed, item.src, item.pub);
  const house = () => rng.chance(pr.house);

  // ------------------------------------------------------------------ name
  let s = p.altSurname && rng.chance(0.5) ? p.altSurname : p.surname;
  let g = p.altGiven && rng.chance(0.45) ? p.altGiven : p.given;
  let pa = p.altPatronymic && rng.chance(0.5) ? p.altPatronymic : p.patronymic;
  if (!rng.chance(pr.pPatr)) pa = '';
  if (!rng.chance(pr.pGiven)) {
    g = '';
    if (rng.chance(0.7)) pa = '';
  }
  if (rng.chance(pr.yo)) {
    if (rng.chance(0.25)) {
      s = YO_KNOWN[s] ?? s;
      g = YO_KNOWN[g] ?? g;
      pa = YO_KNOWN[pa] ?? pa;
    }
  } else {
    s = s.replace(/ё/g, 'е');
    g = g.replace(/ё/g, 'е');
    pa = pa.replace(/ё/g, 'е');
  }
  const typoRate = pr.typo;
  if (rng.chance(typoRate)) s = typo(rng, s);
  if (g && rng.chance(typoRate)) g = typo(rng, g);
  if (pa && rng.chance(typoRate * 1.3)) pa = typo(rng, pa);

  let nameStyle: NameStyle = house() ? st.name : pickW(rng, pr.names as Record<NameStyle, number>);
  // a family's own text about its man sometimes names him the way the family calls him
  let surname = s;
  let given = g;
  let patr = pa;
  let birthInName = false;

  if (st.lang === 'lat') {
    const pick = rng.int(5);
    surname = romanise(s, st.translit, 'surname', pick);
    given = romanise(g, st.translit, 'given', pick);
    patr = romanise(pa, st.translit, 'patronymic', pick);
    if (nameStyle === 'upperSurname') surname = surname.toUpperCase();
    else if (nameStyle === 'upperAll') {
      surname = surname.toUpperCase();
      given = given.toUpperCase();
      patr = patr.toUpperCase();
    } else if (nameStyle === 'givenFirst' && given) {
      surname = `${given} ${surname}`;
      given = '';
      patr = '';
    } else if (nameStyle === 'swapped' && given) [surname, given] = [given, surname];
  } else {
    if (st.lang === 'ua') {
      surname = toUkrainian(s, 'surname');
      given = g ? toUkrainian(g, 'given') : '';
      patr = pa ? toUkrainian(pa, 'patronymic') : '';
    }
    if ((nameStyle === 'initials' || nameStyle === 'givenFirst' || nameStyle === 'swapped') && !given)
      nameStyle = 'plain';
    switch (nameStyle) {
      case 'upperSurname':
        surname = surname.toUpperCase();
        break;
      case 'upperAll':
        surname = surname.toUpperCase();
        given = given.toUpperCase();
        patr = patr.toUpperCase();
        break;
      case 'lower':
        surname = surname.toLowerCase();
        given = given.toLowerCase();
        patr = patr.toLowerCase();
        break;
      case 'initials': {
        const gi = `${given[0]}.`;
        const pi = patr ? `${patr[0]}.` : '';
        const r = rng.next();
        if (r < 0.45) {
          given = gi;
          patr = pi;
        } else if (r < 0.8) {
          given = pi ? `${gi}${pi}` : gi;
          patr = '';
        } else if (r < 0.9) {
          given = pi ? `${gi} ${pi}` : gi;
          patr = '';
        } else {
          surname = `${surname} ${gi}${pi}`;
          given = '';
          patr = '';
        }
        break;
      }
      case 'oneField': {
        const r = rng.next();
        if (r < 0.6) surname = [surname, given, patr].filter(Boolean).join(' ');
        else if (r < 0.8) surname = [given, patr, surname].filter(Boolean).join(' ');
        else surname = `${surname} ${given ? `${given[0]}.` : ''}${patr ? `${patr[0]}.` : ''}`.trim();
        given = '';
        patr = '';
        break;
      }
      case 'oneFieldGiven':
        given = [given, patr].filter(Boolean).join(' ');
        patr = '';
        break;
      case 'givenFirst':
        surname = `${given} ${surname}`;
        given = '';
        if (rng.chance(0.7)) patr = '';
        break;
      case 'swapped':
        [surname, given] = [given, surname];
        break;
      case 'gen':
      case 'dat':
      case 'ins': {
        const c = nameStyle as Case;
        if (st.lang === 'ru') {
          surname = declineSurname(surname, c);
          given = given ? declineGiven(given, c) : '';
          patr = patr ? declinePatronymic(patr, c) : '';
        }
        break;
      }
      case 'feminine':
        surname = feminineSurname(surname);
        break;
      case 'diminutive': {
        const d = w.names.diminutives.get(p.given) ?? w.names.diminutives.get(p.given.replace('ё', 'е'));
        if (d && given) {
          const dm = rng.pick(d);
          given = rng.chance(0.3) ? `${given} (${dm})` : dm;
        }
        break;
      }
      case 'rank':
        surname = `${rng.pick(RANKS)} ${surname}`;
        break;
      case 'lineInSurname':
        birthInName = true;
        break;
      default:
        break;
    }
  }
  if (rng.chance(0.003)) surname = homoglyph(rng, surname);
  if (rng.chance(0.01)) surname = `${surname} `;
  if (rng.chance(0.004) && given) given = ` ${given}`;

  // ------------------------------------------------------------------ birth date
  let birth = '';
  if (rng.chance(pr.pBirth)) {
    let [y, m, d] = [p.by, p.bm, p.bd];
    if (p.errBirth && rng.chance(0.4)) {
      y = Math.floor(p.errBirth / 10000);
      m = Math.floor(p.errBirth / 100) % 100;
      d = p.errBirth % 100;
    }
    const kind: BirthKind = house() ? st.birth : pickW(rng, pr.birth as Record<BirthKind, number>);
    const lat = st.lang === 'lat';
    const fmt: DateFmt = house() ? st.date : pickW(rng, pr.dates as Record<DateFmt, number>);
    switch (kind) {
      case 'full': {
        let [dd, mm] = [d, m];
        if (rng.chance(0.015) && d <= 12) [dd, mm] = [m, d]; // day and month swapped on entry
        birth = formatDate(rng, y, mm, dd, fmt);
        break;
      }
      case 'year':
        birth = st.lang === 'ua' ? uaYear(y, st.yearFmt) : formatYear(y, house() ? st.yearFmt : rng.int(8), lat);
        break;
      case 'age': {
        const doy = (m - 1) * 30.5 + d;
        const age = p.eventYear - y - (doy > p.eventDoy ? 1 : 0);
        if (rng.chance(0.5)) {
          // the compiler turned the age into a year; half the time one year off
          birth = formatYear(p.eventYear - age - (rng.chance(0.5) ? 1 : 0), house() ? st.yearFmt : rng.int(8), lat);
        } else if (lat) birth = rng.chance(0.5) ? `aged ${age}` : `${age} y.o.`;
        else if (st.lang === 'ua')
          birth = `${age} ${age % 10 === 1 && age % 100 !== 11 ? 'рік' : age % 10 >= 2 && age % 10 <= 4 && (age % 100 < 12 || age % 100 > 14) ? 'роки' : 'років'}`;
        else {
          const r = rng.next();
          birth = r < 0.6 ? `${age} ${ageWord(age)}` : r < 0.8 ? `${age} г.` : r < 0.9 ? `(${age})` : `${age}-летний`;
        }
        break;
      }
      case 'placeholder':
        birth = `01.01.${y}`;
        break;
      case 'monthYear':
        birth = rng.chance(0.5) ? `${p2(m)}.${y}` : `${MONTHS_NOM[m - 1]} ${y}`;
        break;
    }
    if (rng.chance(typoRate * 0.6)) birth = digitTypo(rng, birth);
  }
  if (birthInName) {
    surname = [surname.toUpperCase(), given, patr, birth ? (/^\d{4}$/.test(birth) ? `${birth} г.р.` : birth) : '']
      .filter(Boolean)
      .join(' ');
    given = '';
    patr = '';
    birth = '';
  }

  // ------------------------------------------------------------------ region
  let region = '';
  if (rng.chance(pr.pRegion)) {
    region = renderRegion(
      w,
      p,
      rng,
      item.src,
      house() ? st.region : pickW(rng, pr.regions as Record<RegionStyle, number>),
      st,
    );
    if (rng.chance(typoRate * 0.7)) region = typo(rng, region);
  }

  // ------------------------------------------------------------------ unit
  let unit = '';
  if (rng.chance(pr.pUnit)) {
    const useSecond = p.unit2 >= 0 && rng.chance(0.4);
    const u = w.units.units[useSecond ? p.unit2 : p.unit];
    const att = !useSecond && p.attached >= 0 ? w.units.units[p.attached] : undefined;
    let ustyle: UnitStyle = house() ? st.unit : pickW(rng, pr.units as Record<UnitStyle, number>);
    if (st.lang === 'lat' && rng.chance(0.8)) ustyle = 'en';
    if (item.src === 'court_record' && u.kind === 'named') ustyle = 'abbr';
    unit =
      item.src === 'court_record' && u.kind === 'named' && att
        ? renderUnit(rng, att, 'vch')
        : renderUnit(rng, u, ustyle, att);
    if (p.subunit && rng.chance(0.25) && st.lang !== 'lat')
      unit = rng.chance(0.6) ? `${unit}, ${p.subunit}` : `${p.subunit} ${unit}`;
    if (rng.chance(typoRate)) unit = /\d{4}/.test(unit) ? digitTypo(rng, unit) : typo(rng, unit);
  }

  return [`${item.src}:${item.pub}`, surname, given, patr, birth, region, unit];
}

// ---------------------------------------------------------------------- regions

function districtForm(rng: Rng, d: string, gen: boolean): string {
  if (gen) {
    const g = d.replace(/(ий|ый|ой)$/, 'ого');
    return rng.chance(0.5) ? `${g} района` : `${g} р-на`;
  }
  const r = rng.next();
  return r < 0.5 ? `${d} район` : r < 0.85 ? `${d} р-н` : `${d} р.`;
}

function adjShort(rng: Rng, r: Region): string {
  const n = r.nameRu;
  if (r.type === 'oblast') {
    const adj = n.replace(/ область.*$/, '');
    const x = rng.next();
    if (x < 0.55) return `${adj} обл.`;
    if (x < 0.75) return `${adj} обл`;
    if (x < 0.85) return `${adj} область`;
    return `${adj.slice(0, Math.min(adj.length - 3, 6 + rng.int(3)))}. обл.`;
  }
  if (r.type === 'krai') {
    const adj = n.replace(/ край$/, '');
    return rng.chance(0.6) ? `${adj} кр.` : `${adj} край`;
  }
  if (r.type === 'republic') return rng.chance(0.6) ? `Респ. ${r.short}` : `Р. ${r.short}`;
  return rng.pick(r.abbr.length ? r.abbr : [r.short]);
}

function latinPlace(s: string, sys: TranslitSystem): string {
  return romanise(s, sys === 'ukr' ? 'bgn' : sys, 'surname', 0);
}

function renderRegion(w: World, p: Person, rng: Rng, src: Src, style: RegionStyle, st: PubStyle): string {
  let ri = p.region;
  let home = true;
  if (p.altRegion >= 0) {
    // convicts: lists of colony recruits give the colony's region; movers: where they lived
    const pAlt = p.altKind === 2 ? (src === 'rights_list' || src === 'news_obituary' ? 0.35 : 0.15) : 0.3;
    if (rng.chance(pAlt)) {
      ri = p.altRegion;
      home = false;
    }
  }
  const r = w.regions[ri];
  // burial place instead of home: the PMC cemeteries in the Krasnodar region
  if (
    src === 'cemetery_osint' &&
    (p.cat === 'pmc' || (p.cat === 'convict' && p.unit === w.units.wagner)) &&
    rng.chance(0.5)
  ) {
    return rng.pick([
      'Краснодарский край, ст. Бакинская',
      'ст. Бакинская',
      'Горячий Ключ',
      'Краснодарский край',
      'Бакинская, Кубань',
    ]);
  }
  const town = home
    ? p.placeKind === 2
      ? ''
      : p.place
    : rng.chance(0.5)
      ? r.capital
      : rng.pick(r.towns.length ? r.towns : [r.capital]);
  const townName = (t: string) => {
    const al = TOWN_ALIASES[t];
    return al && rng.chance(0.3) ? rng.pick(al) : t;
  };
  const gTown = (t: string) => (rng.chance(0.6) ? `г. ${townName(t)}` : townName(t));
  const village = home && p.placeKind === 2 ? p.place : '';
  const district = home && p.district >= 0 ? r.districts[p.district] : '';
  const vill = (v: string) => {
    const x = rng.next();
    return x < 0.45
      ? `с. ${v}`
      : x < 0.6
        ? `село ${v}`
        : x < 0.72
          ? `д. ${v}`
          : x < 0.84
            ? `пос. ${v}`
            : x < 0.9
              ? `п. ${v}`
              : v;
  };
  const regionShortish = () => (rng.chance(0.5) ? r.short : r.type === 'federal city' ? r.short : adjShort(rng, r));
  const official = () => {
    if (r.oldNames.length && rng.chance(0.1)) return rng.pick(r.oldNames);
    return r.type === 'federal city' ? (rng.chance(0.5) ? `г. ${r.nameRu}` : r.nameRu) : r.nameRu;
  };

  if (st.lang === 'ua') {
    const base = rng.chance(0.5) ? r.nameRu : town && rng.chance(0.4) ? town : r.short;
    return toUkrainian(base, 'surname')
      .replace(/ская /, 'ська ')
      .replace(/ск[іи]й /, 'ський ')
      .replace(/ая /, 'а ');
  }
  if (st.lang === 'lat' || style === 'en' || style === 'enLoc') {
    const sys = st.translit === 'ukr' ? 'bgn' : st.translit;
    const enRegion = () => {
      const x = rng.next();
      if (x < 0.4) return r.enShort;
      if (x < 0.6) return r.nameEn;
      if (r.type === 'oblast' && x < 0.85) return `${r.nameEn.replace(/ Oblast$/, '')} region`;
      if (r.type === 'oblast') return `${latinPlace(r.nameRu.replace(/ область.*$/, ''), sys)} oblast`;
      return r.enShort;
    };
    if (style === 'enLoc' && (town || village)) return `${latinPlace(town || village, sys)}, ${enRegion()}`;
    return enRegion();
  }
  switch (style) {
    case 'official':
      return official();
    case 'officialFull':
      return r.nameRuFull;
    case 'short':
      return r.short;
    case 'abbr':
      return rng.pick(r.abbr.length ? r.abbr : [r.short]);
    case 'adjShort':
      return adjShort(rng, r);
    case 'adjOnly':
      return r.type === 'oblast' || r.type === 'krai' ? r.nameRu.replace(/ (область|край).*$/, '') : r.short;
    case 'gen':
      return officialGenitive(r);
    case 'genShort':
      return r.shortGen;
    case 'capital':
      return gTown(r.capital);
    case 'town':
      if (town) return gTown(town);
      if (village) return vill(village);
      return gTown(r.capital);
    case 'townRegion':
      if (town && town !== r.short) return `${gTown(town)}, ${regionShortish()}`;
      if (village) return `${vill(village)}, ${regionShortish()}`;
      return regionShortish();
    case 'district':
      if (district)
        return rng.chance(0.6)
          ? districtForm(rng, district, false)
          : `${districtForm(rng, district, false)}, ${regionShortish()}`;
      if (town) return gTown(town);
      return regionShortish();
    case 'village':
      if (village) return vill(village);
      if (town) return gTown(town);
      return regionShortish();
    case 'villageFull':
      if (village && district) {
        const x = rng.next();
        if (x < 0.4) return `${vill(village)}, ${districtForm(rng, district, false)}, ${regionShortish()}`;
        if (x < 0.7) return `${vill(village)} ${districtForm(rng, district, true)}`;
        return `${official()}, ${districtForm(rng, district, false)}, ${vill(village)}`;
      }
      if (town) return `${official()}, ${gTown(town)}`;
      return official();
    default:
      return r.short;
  }
}

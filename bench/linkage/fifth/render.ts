// Rendering one record: what the source believes about the man (with its errors), then how it writes it.
import {
  declineGiven,
  declinePatronymic,
  declineSurname,
  feminizePatronymic,
  type GramCase,
  genitivePlace,
  patronymicOf,
  yearsWord,
} from './morph.ts';
import { patronymicFor } from './names.ts';
import { homoglyph, ocr, patronymicSpelling, phonetic, spaces, typo, variant } from './noise.ts';
import { pickKey, type Rng } from './prng.ts';
import { abbreviatedOfficial, cleanOfficial, type Region } from './regions.ts';
import type { DateForm, KindKey, Layout, RegionForm, Style, UnitForm } from './sources.ts';
import {
  type LatinSystem,
  latinize,
  latinizeUkrainian,
  ukrainianGiven,
  ukrainianize,
  ukrainianPatronymicFromRu,
  wrongLayout,
} from './translit.ts';
import type { Formation } from './units.ts';
import { ageAt, dayIndex, daysIn, fromDayIndex, type Person, type World, type YMD } from './world.ts';

export type Know = 'none' | 'age' | 'year' | 'month' | 'full';

export interface Belief {
  surname: string;
  given: string;
  patronymic: string;
  know: Know;
  /** The date form the source chose when it learnt the date (a copier picks its own). */
  form: DateForm;
  birth: YMD | null;
  year: number | null;
  age: number | null;
  /** Date the source wrote (for ages). */
  pubDate: YMD;
  region: number;
  place: number;
  hasRegion: boolean;
  unit: Formation | null;
  attached: Formation | null;
  sub: string | null;
  tags: string[];
}

export interface Fixed {
  region: number;
  place: number;
}

const YEAR_FORMS: DateForm[] = ['year', 'yearGr', 'yearRn', 'yearGoda'];
const AGE_FORMS: DateForm[] = ['age', 'ageParen', 'ageBare', 'ageUa', 'ageEn'];

function levelOf(f: DateForm): Know {
  if (f === 'none') return 'none';
  if (f === 'monthYear') return 'month';
  if (YEAR_FORMS.includes(f)) return 'year';
  if (AGE_FORMS.includes(f)) return 'age';
  return 'full';
}

const RANK_LEVEL: Record<Know, number> = { none: 0, age: 1, year: 2, month: 3, full: 4 };

function validDate(y: number, m: number, d: number): YMD {
  const mm = Math.min(12, Math.max(1, m));
  return { y, m: mm, d: Math.min(daysIn(y, mm), Math.max(1, d)) };
}

function digitError(b: YMD, rng: Rng): YMD {
  const x = rng.int(5);
  if (x === 0) {
    // last two digits of the year swapped: 1987 -> 1978
    const t = Math.floor((b.y % 100) / 10);
    const u = b.y % 10;
    if (t !== u) return validDate(b.y - (b.y % 100) + u * 10 + t, b.m, b.d);
  }
  if (x <= 2) return validDate(b.y + (rng.chance(0.5) ? 1 : -1) * (rng.chance(0.8) ? 1 : 10), b.m, b.d);
  if (x === 3) {
    const d =
      b.d < 10 ? b.d + 10 * rng.range(1, 2) : b.d % 10 === 0 ? b.d - 10 : (b.d % 10) * 10 + Math.floor(b.d / 10);
    return validDate(b.y, b.m, d > 31 ? b.d + 1 : d);
  }
  return validDate(b.y, b.m === 12 ? 11 : b.m + 1, b.d);
}

const RECRUIT_ISO: [string, number][] = [
  ['RU-MOW', 30],
  ['RU-SPE', 10],
  ['RU-KDA', 10],
  ['RU-ROS', 10],
];

function chooseRole(w: World, p: Person, style: Style, rng: Rng, tags: string[]): Fixed {
  const role = pickKey(rng, style.roles);
  if (role === 'birth' && p.birthRegion !== p.region) return { region: p.birthRegion, place: -1 };
  if (role === 'recruit' && (p.category === 'contract' || p.category === 'volunteer') && rng.chance(0.6)) {
    const iso = pickKey(rng, Object.fromEntries(RECRUIT_ISO) as Record<string, number>);
    const idx = w.regions.findIndex((r) => r.iso === iso);
    if (idx >= 0) return { region: idx, place: -1 };
  }
  if (role === 'burial' && p.units.some((u) => u.kind === 'pmc') && rng.chance(0.4)) return wagnerCemetery(w);
  if (role === 'court') return courtRegion(w, p, rng);
  void tags;
  return { region: p.region, place: p.place };
}

let kdaIdx = -1;
export function wagnerCemetery(w: World): Fixed {
  if (kdaIdx < 0) kdaIdx = w.regions.findIndex((r) => r.iso === 'RU-KDA');
  const r = w.regions[kdaIdx];
  return { region: kdaIdx, place: r.towns.indexOf('Горячий Ключ') };
}

export function courtRegion(w: World, p: Person, rng: Rng): Fixed {
  const x = rng.next();
  const garrisonIso = p.units.find((u) => u.homeIso)?.homeIso;
  if (x < 0.5 && garrisonIso) {
    const i = w.regions.findIndex((r) => r.iso === garrisonIso);
    if (i >= 0) return { region: i, place: -1 };
  }
  if (x > 0.8) {
    const i = w.regions.findIndex((r) => r.iso === 'RU-ROS');
    return { region: i, place: -1 };
  }
  return { region: p.region, place: -1 };
}

const OTHER_PAT_STYLE_ETH = new Set(['uzb', 'aze', 'kyr']);

/** What this source knows about the man, with its own errors (or copied from an earlier source). */
export function makeBelief(
  w: World,
  p: Person,
  style: Style,
  rng: Rng,
  fixed: Fixed | null,
  parent: Belief | null,
): Belief {
  const pubDate = fromDayIndex(dayIndex(p.event) + rng.range(3, 150));
  if (parent) {
    const b: Belief = { ...parent, tags: [...parent.tags, 'copied'], pubDate: parent.pubDate };
    if (b.patronymic !== '' && !rng.chance(style.patP)) {
      b.patronymic = '';
      b.tags.push('name.no_patronymic');
    }
    if (b.unit && !rng.chance(Math.max(style.unitP, 0.3))) b.unit = null;
    if (b.hasRegion && !rng.chance(Math.max(style.regionP, 0.5))) b.hasRegion = false;
    if (rng.chance(style.typo * 0.5)) {
      b.surname = typo(b.surname, rng);
      b.tags.push('name.typo');
    }
    return b;
  }
  const tags: string[] = [];
  // --- names ---
  let surname = p.surname;
  if (p.eth === 'ru' && /^[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+$/.test(surname) && rng.chance(0.4)) {
    surname = surname.split('-')[rng.chance(0.7) ? 0 : 1];
    tags.push('name.double_surname_part');
  }
  let given = p.given;
  if (style.dimP > 0 && rng.chance(style.dimP)) {
    const d = w.names.diminutives(given);
    if (d.length > 0) {
      given = rng.pick(d);
      tags.push('name.diminutive');
    }
  }
  let patronymic = p.patronymic;
  if (patronymic !== '' && OTHER_PAT_STYLE_ETH.has(p.eth) && rng.chance(0.25)) {
    patronymic = patronymic.includes(' ')
      ? patronymicOf(p.fatherGiven)
      : patronymicFor(p.eth === 'aze' ? 'ogly' : 'ugli', p.fatherGiven);
    tags.push('name.variant');
  }
  if (patronymic !== '' && !rng.chance(style.patP)) {
    patronymic = '';
    tags.push('name.no_patronymic');
  }
  if (patronymic !== '') {
    if (rng.chance(style.wrongPat)) {
      const other = w.names.father(p.eth, p.birth.y, rng);
      const np = patronymicFor(p.patStyle === 'none' ? 'ru' : p.patStyle, other);
      if (np !== patronymic && np !== '') {
        patronymic = np;
        tags.push('name.wrong_patronymic');
      }
    } else if (rng.chance(style.femPat + 0.0015)) {
      const f = feminizePatronymic(patronymic);
      if (f !== patronymic) {
        patronymic = f;
        tags.push('name.fem_patronymic');
      }
    } else if (rng.chance(style.patSpell)) {
      const s = patronymicSpelling(patronymic, rng);
      if (s !== patronymic) {
        patronymic = s;
        tags.push('name.patronymic_spelling');
      }
    }
  }
  // non-Russian names are spelt differently from one document to the next far more often
  if (rng.chance(style.variant * (p.eth === 'ru' ? 1 : 4))) {
    const x = rng.next();
    if (x < 0.6) {
      const s = variant(surname, p.eth, rng);
      if (s !== surname) tags.push('name.variant');
      surname = s;
    } else if (x < 0.9) {
      const s = variant(given, p.eth, rng);
      if (s !== given) tags.push('name.variant');
      given = s;
    } else if (patronymic !== '') {
      const s = variant(patronymic, p.eth, rng);
      if (s !== patronymic) tags.push('name.variant');
      patronymic = s;
    }
  }
  if (rng.chance(style.phon)) {
    if (rng.chance(0.7)) {
      const s = phonetic(surname, rng);
      if (s !== surname) tags.push('name.phonetic');
      surname = s;
    } else {
      const s = phonetic(given, rng);
      if (s !== given) tags.push('name.phonetic');
      given = s;
    }
  }
  // --- birth date ---
  const form = pickKey(rng, style.date);
  const know = levelOf(form);
  let birth: YMD | null = null;
  let year: number | null = null;
  let age: number | null = null;
  if (know === 'full' || know === 'month') {
    birth = { ...p.birth };
    if (rng.chance(style.deathAsBirth)) {
      birth = { ...p.event };
      tags.push('date.death_as_birth');
    } else {
      if (birth.d <= 12 && birth.d !== birth.m && rng.chance(style.dmSwap)) {
        birth = { y: birth.y, m: birth.d, d: birth.m };
        tags.push('date.dm_swap');
      }
      if (rng.chance(style.dateDigit)) {
        birth = digitError(birth, rng);
        tags.push('date.digit');
      }
      if (rng.chance(style.yearOff)) {
        birth = validDate(birth.y + (rng.chance(0.5) ? 1 : -1), birth.m, birth.d);
        tags.push('date.year_off');
      }
    }
    year = birth.y;
  } else if (know === 'year') {
    year = p.birth.y;
    if (rng.chance(style.yearFromAge)) {
      year = pubDate.y - ageAt(p.birth, pubDate);
      if (year !== p.birth.y) tags.push('date.year_from_age');
    } else if (rng.chance(style.yearOff + style.dateDigit)) {
      year += rng.chance(0.5) ? 1 : -1;
      tags.push('date.year_off');
    }
  } else if (know === 'age') {
    age = ageAt(p.birth, pubDate);
    if (rng.chance(0.05)) {
      age += rng.chance(0.5) ? 1 : -1;
      tags.push('date.age_off');
    }
  }
  // --- region ---
  let hasRegion = rng.chance(style.regionP);
  let where: Fixed = fixed ?? chooseRole(w, p, style, rng, tags);
  if (fixed) hasRegion = true;
  if (where.region !== p.region) tags.push('region.other_place');
  if (!hasRegion) where = { region: p.region, place: p.place };
  // --- unit ---
  let unit: Formation | null = null;
  let attached: Formation | null = null;
  let sub: string | null = null;
  if (rng.chance(style.unitP) && p.units.length > 0) {
    unit = p.units[0];
    if (p.units.length > 1) {
      if (unit.kind === 'storm' || unit.kind === 'pmc') {
        if (rng.chance(0.3)) attached = p.units[1];
        else if (rng.chance(0.25)) {
          unit = p.units[1];
          tags.push('unit.other');
        }
      } else if (rng.chance(style.otherUnit)) {
        unit = p.units[1];
        tags.push('unit.other');
      }
    }
    if (p.subunit && rng.chance(style.subunitP)) sub = p.subunit;
  }
  return {
    surname,
    given,
    patronymic,
    know,
    form,
    birth,
    year,
    age,
    pubDate,
    region: where.region,
    place: where.place,
    hasRegion,
    unit,
    attached,
    sub,
    tags,
  };
}

// ---------------- formatting ----------------

const MON_RU = [
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
const MON_UA = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
];
const MON_EN = [
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
const p2 = (n: number): string => String(n).padStart(2, '0');

function uaYears(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 14) return 'років';
  if (m10 === 1) return 'рік';
  if (m10 >= 2 && m10 <= 4) return 'роки';
  return 'років';
}

function scriptForm(f: DateForm, script: Style['script']): DateForm {
  if (script === 'ua') {
    if (f === 'longRu' || f === 'longRuNoG') return 'longUa';
    if (f === 'yearGr' || f === 'yearGoda') return 'yearRn';
    if (f === 'age') return 'ageUa';
  }
  if (script === 'lat') {
    if (f === 'longRu' || f === 'longRuNoG' || f === 'longUa') return 'longEn';
    if (f === 'yearGr' || f === 'yearGoda' || f === 'yearRn') return 'year';
    if (f === 'age' || f === 'ageUa') return 'ageEn';
    if (f === 'dmyRn') return 'dmy';
  }
  return f;
}

export function formatDate(b: Belief, style: Style, rng: Rng, tags: Set<string>, copied: boolean): string {
  let f = copied ? pickKey(rng, style.date) : b.form;
  const need = levelOf(f);
  if (RANK_LEVEL[need] > RANK_LEVEL[b.know] || (need === 'age') !== (b.know === 'age')) {
    // the source can only write what it knows
    if (b.know === 'none') f = 'none';
    else if (b.know === 'age') f = need === 'none' ? 'none' : need === 'age' ? f : rng.chance(0.5) ? 'age' : 'year';
    else if (b.know === 'year')
      f = need === 'age' ? 'age' : need === 'none' ? 'none' : rng.chance(0.5) ? 'year' : 'yearGr';
    else if (b.know === 'month') f = need === 'full' ? 'monthYear' : f;
    else f = need === 'none' ? 'none' : f;
  }
  f = scriptForm(f, style.script);
  let year = b.year;
  const yearFromAge = year === null && b.age !== null;
  if (yearFromAge) year = b.pubDate.y - (b.age ?? 0);
  let age = b.age;
  if (age === null && b.birth !== null) age = ageAt(b.birth, b.pubDate);
  if (age === null && year !== null) age = b.pubDate.y - year;
  const kind = levelOf(f);
  if (kind === 'none') {
    tags.add('date.missing');
    return '';
  }
  if (kind === 'age') {
    tags.add('date.age');
    const a = age ?? 30;
    switch (f) {
      case 'ageParen':
        return `(${a})`;
      case 'ageBare':
        return `${a}`;
      case 'ageUa':
        return `${a} ${uaYears(a)}`;
      case 'ageEn':
        return rng.chance(0.5) ? `${a} y.o.` : `age ${a}`;
      default:
        return `${a} ${yearsWord(a)}`;
    }
  }
  if (kind === 'year') {
    tags.add('date.year_only');
    if (yearFromAge) tags.add('date.year_from_age');
    const y = year ?? 1990;
    switch (f) {
      case 'yearGr':
        return rng.pick([`${y} г.р.`, `${y} г.р.`, `${y}г.р.`, `${y} г. р.`, `${y} г.`]);
      case 'yearRn':
        return rng.chance(0.7) ? `${y} р.н.` : `${y} р. н.`;
      case 'yearGoda':
        return rng.chance(0.7) ? `${y} года рождения` : `${y} г. рождения`;
      default:
        return `${y}`;
    }
  }
  const d = b.birth ?? { y: year ?? 1990, m: 1, d: 1 };
  if (f === 'monthYear') {
    tags.add('date.partial');
    return rng.chance(0.6)
      ? `${p2(d.m)}.${d.y}`
      : `${MON_RU[d.m - 1].replace(/я$/, 'ь').replace(/та$/, 'т').replace(/ая$/, 'ай')} ${d.y}`;
  }
  tags.add(`date.form_${f}`);
  switch (f) {
    case 'dmy2':
      return `${p2(d.d)}.${p2(d.m)}.${p2(d.y % 100)}`;
    case 'dmyNoPad':
      return `${d.d}.${d.m}.${d.y}`;
    case 'iso':
      return `${d.y}-${p2(d.m)}-${p2(d.d)}`;
    case 'dmySlash':
      return `${p2(d.d)}/${p2(d.m)}/${d.y}`;
    case 'mdySlash':
      return `${p2(d.m)}/${p2(d.d)}/${d.y}`;
    case 'dmyDash':
      return `${p2(d.d)}-${p2(d.m)}-${d.y}`;
    case 'longRu':
      return `${d.d} ${MON_RU[d.m - 1]} ${d.y} г.`;
    case 'longRuNoG':
      return `${d.d} ${MON_RU[d.m - 1]} ${d.y}`;
    case 'longEn':
      return `${d.d} ${MON_EN[d.m - 1]} ${d.y}`;
    case 'longEnUS':
      return `${MON_EN[d.m - 1]} ${d.d}, ${d.y}`;
    case 'longUa':
      return `${d.d} ${MON_UA[d.m - 1]} ${d.y} р.`;
    case 'dmyRn':
      return `${p2(d.d)}.${p2(d.m)}.${d.y} р.н.`;
    default:
      return `${p2(d.d)}.${p2(d.m)}.${d.y}`;
  }
}

// ---- names ----

const UPPER_RANK: Record<string, string[]> = {
  рядовой: ['рядовой', 'гвардии рядовой', 'ряд.', 'гв. рядовой'],
  ефрейтор: ['ефрейтор', 'гв. ефрейтор'],
  'младший сержант': ['младший сержант', 'мл. сержант', 'мл.с-т'],
  сержант: ['сержант', 'с-т'],
  'старший сержант': ['старший сержант', 'ст. сержант'],
  прапорщик: ['прапорщик', 'пр-к'],
  лейтенант: ['лейтенант', 'л-т'],
  'старший лейтенант': ['старший лейтенант', 'ст. лейтенант'],
  капитан: ['капитан', 'к-н'],
  майор: ['майор'],
};

const SWAP_PRONE = new Set(['tuv', 'bur', 'uzb', 'taj', 'kyr', 'kaz', 'kalm', 'alt', 'yak', 'dag', 'vain']);

const cap = (s: string): string => (s === '' ? s : s[0].toUpperCase() + s.slice(1));
const initial = (s: string): string => (s === '' ? '' : `${s[0].toUpperCase()}.`);

function toScript(s: string, part: 'surname' | 'given' | 'patronymic', style: Style): string {
  if (s === '') return s;
  if (style.script === 'ru') return s;
  // Ukrainian surnames (Клименко, Ткачук) keep their own spelling on the Ukrainian side
  const ukrSurname = part === 'surname' && /(енко|ук|юк|ко)$/i.test(s);
  const ua =
    part === 'given'
      ? ukrainianGiven(s)
      : part === 'patronymic'
        ? ukrainianPatronymicFromRu(s)
        : ukrSurname
          ? s.replace(/ы/g, 'и').replace(/э/g, 'е')
          : ukrainianize(s);
  if (style.script === 'ua') return ua;
  if (style.lat === 'kmu') return latinizeUkrainian(ua);
  return s
    .split(/([\s-])/)
    .map((x) => (/[\s-]/.test(x) ? x : latinize(x, style.lat as LatinSystem, style.enVariant)))
    .join('');
}

export function formatName(b: Belief, p: Person, style: Style, rng: Rng, tags: Set<string>): [string, string, string] {
  let S = b.surname;
  let G = b.given;
  let P = b.patronymic;
  // ё is dropped by most writers
  if (!rng.chance(style.yoKeep)) {
    const s2 = S.replace(/ё/g, 'е');
    const g2 = G.replace(/ё/g, 'е');
    const pp = P.replace(/ё/g, 'е');
    if (s2 !== S || g2 !== G || pp !== P) tags.add('name.yo_dropped');
    S = s2;
    G = g2;
    P = pp;
  }
  if (style.script === 'ru' && style.caseP > 0 && rng.chance(style.caseP)) {
    const c: GramCase = rng.pick(style.cases);
    S = declineSurname(S, c);
    G = declineGiven(G, c);
    P = declinePatronymic(P, c);
    tags.add('name.case');
  }
  if (style.script !== 'ru') tags.add(style.script === 'ua' ? 'name.ukrainian' : 'name.latin');
  S = toScript(S, 'surname', style);
  G = toScript(G, 'given', style);
  P = toScript(P, 'patronymic', style);
  if (style.upperSurname > 0 && rng.chance(style.upperSurname)) {
    S = S.toUpperCase();
    tags.add('name.upper_surname');
  }
  let layout: Layout = pickKey(rng, style.layout);
  if (layout === 'givenOnly' && G === '') layout = 'oneFS';
  let f: [string, string, string];
  const join = (...xs: string[]): string => xs.filter((x) => x !== '').join(' ');
  switch (layout) {
    case 'oneSFP':
      f = [join(S, G, P), '', ''];
      break;
    case 'oneFS':
      f = [join(G, S), '', ''];
      tags.add('name.given_first');
      break;
    case 'oneFPS':
      f = [join(G, P, S), '', ''];
      tags.add('name.given_first');
      break;
    case 'initials':
      f = [S, initial(G), initial(P)];
      tags.add('name.initials');
      break;
    case 'initialsInline':
      f = [`${S} ${initial(G)}${initial(P)}`, '', ''];
      tags.add('name.initials');
      break;
    case 'initialsFirst':
      f = [`${initial(G)}${initial(P)} ${S}`, '', ''];
      tags.add('name.initials');
      tags.add('name.given_first');
      break;
    case 'gpInGiven':
      f = [S, join(G, P), ''];
      tags.add('name.patronymic_in_given');
      break;
    case 'givenOnly':
      f = ['', G, ''];
      tags.add('name.no_surname');
      break;
    case 'surnameOnly':
      f = [S, '', ''];
      tags.add('name.no_given');
      break;
    default:
      f = [S, G, P];
  }
  const oneField = f[1] === '' && f[2] === '' && layout !== 'surnameOnly';
  if (oneField) {
    tags.add('name.one_field');
    if (rng.chance(style.oneFieldInGiven)) f = ['', f[0], ''];
  }
  if (style.rankPrefix > 0 && oneField && style.script === 'ru' && rng.chance(style.rankPrefix)) {
    const r = rng.pick(UPPER_RANK[p.rank] ?? [p.rank]);
    const i = f[0] !== '' ? 0 : 1;
    f[i] = `${r} ${f[i]}`;
    tags.add('name.rank_prefix');
  }
  if (p.callsign && style.callsign > 0 && rng.chance(style.callsign)) {
    const cs = style.script === 'lat' ? latinize(p.callsign, 'en') : p.callsign;
    const i = f[1] !== '' ? 1 : 0;
    f[i] = `${f[i]}${rng.pick([` (позывной «${cs}»)`, ` «${cs}»`, `, позывной "${cs}"`, ` (${cs})`, `, п/з ${cs}`])}`;
    tags.add('name.callsign');
  }
  if (style.allUpper > 0 && rng.chance(style.allUpper)) {
    f = [f[0].toUpperCase(), f[1].toUpperCase(), f[2].toUpperCase()];
    tags.add('name.all_upper');
  } else if (style.allLower > 0 && rng.chance(style.allLower)) {
    f = [f[0].toLowerCase(), f[1].toLowerCase(), f[2].toLowerCase()];
    tags.add('name.lower');
  }
  // transcription noise
  if (rng.chance(style.typo)) {
    const i = f[0] !== '' && (f[1] === '' || rng.chance(0.6)) ? 0 : f[1] !== '' ? 1 : 2;
    const t = typo(f[i], rng);
    if (t !== f[i]) tags.add('name.typo');
    f[i] = t;
  }
  if (style.ocr > 0) {
    for (let i = 0; i < 3; i++) {
      const o = ocr(f[i], rng, style.ocr);
      if (o !== f[i]) tags.add('name.ocr');
      f[i] = o;
    }
  }
  if (style.script === 'ru' && rng.chance(style.homoglyph)) {
    const i = f[0] !== '' ? 0 : 1;
    const h = homoglyph(f[i], rng);
    if (h !== f[i]) tags.add('name.homoglyph');
    f[i] = h;
  }
  if (style.script === 'ru' && rng.chance(style.wrongLayout)) {
    const i = rng.chance(0.5) && f[1] !== '' ? 1 : 0;
    f[i] = wrongLayout(f[i]);
    tags.add('name.wrong_keyboard');
  }
  if (rng.chance(style.spaces)) {
    const i = f[0] !== '' ? 0 : 1;
    f[i] = spaces(f[i], rng);
    tags.add('name.spaces');
  }
  const swapP = style.swap * (SWAP_PRONE.has(p.eth) ? 4 : 1);
  if (f[0] !== '' && f[1] !== '' && rng.chance(swapP)) {
    f = [f[1], f[0], f[2]];
    tags.add('name.swap_fields');
  }
  return [f[0], f[1], f[2]];
}

// ---- regions ----

function settlement(r: Region, place: number): { name: string; district: string | null; village: boolean } {
  if (place >= 0 && place < r.towns.length) return { name: r.towns[place], district: null, village: false };
  if (place <= -2 && r.districts[-(place + 2)]) {
    const [d, v] = r.districts[-(place + 2)];
    return { name: v, district: d, village: !r.towns.includes(v) && v !== r.capital };
  }
  return { name: r.capital, district: null, village: false };
}

function shortOf(r: Region, rng: Rng): string {
  if (r.short.length > 0 && rng.chance(0.8)) return rng.pick(r.short);
  return abbreviatedOfficial(cleanOfficial(r.official));
}

const DISTRICT_ABBR: Record<string, string[]> = {
  район: ['район', 'р-н', 'р-он', 'р.'],
  кожуун: ['кожуун', 'кожуун', 'р-н', 'район'],
  улус: ['улус', 'улус', 'р-н', 'район'],
};

function regionRu(r: Region, place: number, form: RegionForm, rng: Rng): string {
  const st = settlement(r, place);
  const townText = (): string => {
    if (st.village) return `${rng.pick(['с.', 'с.', 'п.', 'пгт', 'с', 'село'])} ${st.name}`;
    return rng.chance(0.5) ? `г. ${st.name}` : st.name;
  };
  const districtText = (): string => `${st.district} ${rng.pick(DISTRICT_ABBR[r.districtWord] ?? DISTRICT_ABBR.район)}`;
  switch (form) {
    case 'official':
      return r.official;
    case 'clean':
      return cleanOfficial(r.official);
    case 'abbrOfficial':
      return abbreviatedOfficial(cleanOfficial(r.official));
    case 'short':
      return shortOf(r, rng);
    case 'abbr':
      return r.abbr.length > 0 ? rng.pick(r.abbr) : shortOf(r, rng);
    case 'old':
      return r.old.length > 0 ? rng.pick(r.old) : shortOf(r, rng);
    case 'capital':
      return r.capital;
    case 'capitalG':
      return `г. ${r.capital}`;
    case 'town':
      return townText();
    case 'district':
      return st.district ? districtText() : townText();
    case 'districtVillage':
      if (st.district)
        return rng.chance(0.6)
          ? `${districtText()}, ${townText()}`
          : `${shortOf(r, rng)}, ${districtText()}, ${townText()}`;
      return `${shortOf(r, rng)}, ${townText()}`;
    case 'regionCity':
      return rng.chance(0.5) ? `${shortOf(r, rng)}, ${townText()}` : `${townText()}, ${cleanOfficial(r.official)}`;
    case 'cityParen':
      return `${st.name} (${shortOf(r, rng)})`;
    case 'fromGen': {
      const what = rng.chance(0.5) ? shortOf(r, rng) : st.name;
      return `${rng.pick(['из', 'уроженец', 'из', 'родом из'])} ${genitivePlace(what)}`;
    }
    default:
      return r.official;
  }
}

function regionLat(r: Region, place: number, form: RegionForm, rng: Rng): string {
  const st = settlement(r, place);
  const en = r.en.length > 0 && rng.chance(0.6) ? rng.pick(r.en) : r.nameEn;
  if (form === 'enCity') {
    const town = latinize(st.name, rng.chance(0.5) ? 'bgn' : 'icao');
    return rng.chance(0.5) ? `${town}, ${en}` : town;
  }
  if (rng.chance(0.15)) return latinize(shortOf(r, rng), 'bgn');
  return en;
}

export function formatRegion(w: World, b: Belief, style: Style, rng: Rng, tags: Set<string>): string {
  if (!b.hasRegion) {
    tags.add('region.missing');
    return '';
  }
  const r = w.regions[b.region];
  let form = pickKey(rng, style.regionForms);
  let out: string;
  if (style.script === 'lat') {
    if (form !== 'en' && form !== 'enCity') form = rng.chance(0.5) ? 'en' : 'enCity';
    out = regionLat(r, b.place, form, rng);
  } else {
    if (form === 'en' || form === 'enCity') form = 'short';
    out = regionRu(r, b.place, form, rng);
    if (style.script === 'ua') out = ukrainianize(out).replace(/(^|\s)г\. /g, '$1м. ');
  }
  tags.add(`region.form_${form}`);
  if (rng.chance(style.typo * 0.6)) {
    const t = typo(out, rng);
    if (t !== out) tags.add('region.typo');
    out = t;
  }
  if (style.ocr > 0) {
    const o = ocr(out, rng, style.ocr);
    if (o !== out) tags.add('region.ocr');
    out = o;
  }
  return out;
}

// ---- units ----

const FEM = new Set(['ОБрМП', 'ОМСБр', 'ОТБр', 'ОДШБр', 'ОМСБр(г)', 'ОБрСпН', 'ТД', 'МСД', 'ДШД', 'ВДД']);

function vchText(v: string, f: Formation, rng: Rng): string {
  const x = rng.int(20);
  if (x < 7) return `в/ч ${v}`;
  if (x < 9) return `в/ч${v}`;
  if (x < 10) return `в.ч. ${v}`;
  if (x < 12) return `вч ${v}`;
  if (x < 13) return `войсковая часть ${v}`;
  if (x < 14) return `ВЧ-${v}`;
  if (x < 16) return v;
  if (x < 17) return `в/ч №${v}`;
  if (x < 19 && f.garrison) return `в/ч ${v} (${f.garrison})`;
  return `в/ч ${v} г. ${f.garrison || 'Москва'}`;
}

function shortUnit(f: Formation, rng: Rng): string {
  const suf = FEM.has(f.abbr) ? 'я' : 'й';
  const x = rng.int(10);
  if (x < 4) return `${f.num} ${f.abbr}`;
  if (x < 6) return `${f.num} ${f.abbr.toLowerCase()}`;
  if (x < 7) return `${f.num}-${suf} ${f.abbr}`;
  if (x < 8 && f.tag && f.tag === f.tag.toUpperCase()) return `${f.num} ${f.abbr} ${f.tag}`;
  if (x < 9) return `${f.num}${f.abbr.toLowerCase()}`;
  return `${f.num} ${f.abbr}`;
}

function unitRu(f: Formation, form: UnitForm, rng: Rng): string {
  if (f.vch === null || f.num === null || f.names.length > 0)
    return rng.pick(f.names.length > 0 ? f.names : [f.everyday]);
  const suf = FEM.has(f.abbr) ? 'я' : 'й';
  switch (form) {
    case 'vch':
      return vchText(f.vch, f, rng);
    case 'short':
      return shortUnit(f, rng);
    case 'everyday':
      return rng.chance(0.6) ? `${f.num}-${suf} ${f.everyday}` : `${f.num} ${f.everyday}`;
    case 'long': {
      const tag = f.tag ? (f.tag === f.tag.toUpperCase() ? ` ${f.tag}` : ` (${f.tag})`) : '';
      return `${f.num}-${suf} ${f.long}${tag}`;
    }
    default:
      return rng.chance(0.5)
        ? `${vchText(f.vch, f, rng)} (${shortUnit(f, rng)})`
        : `${shortUnit(f, rng)}, ${vchText(f.vch, f, rng)}`;
  }
}

function unitUa(f: Formation, form: UnitForm, rng: Rng): string {
  if (f.vch === null || f.num === null || f.names.length > 0)
    return rng.chance(0.5) ? f.ua : rng.pick(f.names.length > 0 ? f.names : [f.ua]);
  if (form === 'vch') return rng.chance(0.7) ? `в/ч ${f.vch}` : `військова частина ${f.vch}`;
  if (form === 'long' || form === 'everyday') return `${f.num} ${f.ua}`;
  if (form === 'both') return `${f.num} ${f.abbr}, в/ч ${f.vch}`;
  return `${f.num} ${f.abbr}`;
}

function unitLat(f: Formation, form: UnitForm, rng: Rng): string {
  if (f.vch === null || f.num === null) return f.en;
  if (form === 'vch') return rng.pick([`military unit ${f.vch}`, `unit ${f.vch}`, `v/ch ${f.vch}`, `MU ${f.vch}`]);
  return rng.chance(0.7) ? f.en : `${f.num} ${latinize(f.abbr, 'bgn')}`;
}

function swapAdjacentDigits(s: string, rng: Rng): string {
  const m = /\d{5}/.exec(s);
  if (!m) return s;
  const i = m.index + rng.int(4);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

export function formatUnit(b: Belief, style: Style, rng: Rng, tags: Set<string>): string {
  if (!b.unit) {
    tags.add('unit.missing');
    return '';
  }
  const form = pickKey(rng, style.unitForms);
  const f = b.unit;
  let out =
    style.script === 'ua'
      ? unitUa(f, form, rng)
      : style.script === 'lat'
        ? unitLat(f, form, rng)
        : unitRu(f, form, rng);
  tags.add(f.vch !== null && f.names.length === 0 ? `unit.form_${form}` : 'unit.named_irregular');
  if (b.attached && style.script === 'ru') {
    const a = b.attached;
    out = `${out} ${rng.chance(0.5) ? 'при' : '/'} ${a.vch && rng.chance(0.5) ? `в/ч ${a.vch}` : unitRu(a, 'short', rng)}`;
    tags.add('unit.attached');
  }
  if (b.sub && style.script === 'ru') {
    out = rng.chance(0.5) ? `${b.sub} ${out}` : `${out}, ${b.sub}`;
    tags.add('unit.subunit');
  }
  if (/\d{5}/.test(out) && rng.chance(style.typo * 0.6 + style.ocr * 2)) {
    const t = swapAdjacentDigits(out, rng);
    if (t !== out) tags.add('unit.vch_digit');
    out = t;
  }
  if (style.ocr > 0) {
    const o = ocr(out, rng, style.ocr);
    if (o !== out) tags.add('unit.ocr');
    out = o;
  }
  return out;
}

export function kindNeedsFixedRegion(k: KindKey): boolean {
  return k === 'cemetery' || k === 'court';
}

export { cap };

/** Sources (lists) with their own habits, and how one of them writes one man. */
import {
  autocorrect,
  bump,
  dateLetters,
  digitsSwapped,
  digitWrong,
  diminutive,
  doubleLetter,
  dropLetter,
  extraSpace,
  latinLookalike,
  lowerAll,
  missingSpace,
  ocrBreak,
  ocrConfuse,
  type Stats,
  transpose,
  upperAll,
  yoToE,
} from './noise.ts';
import { OLD_NAMES, platesOf, REGIONS, shortNamesOf } from './reference.ts';
import { type Rng, Weighted } from './rng.ts';
import type { Person, Status } from './world.ts';

export type Kind = 'form' | 'chat' | 'ocr' | 'pow' | 'exch' | 'obit' | 'court' | 'mod' | 'tip';

interface KindSpec {
  share: number; // share of all records
  size: number; // mean list size
  regional: number; // share of lists about one region
  patr: number;
  dob: number;
  region: number;
  unit: number;
  phone: number; // intensity of phone-typing noise
  ocr: number; // intensity of OCR noise
}

export const KINDS: Record<Kind, KindSpec> = {
  form: { share: 26, size: 150, regional: 0.7, patr: 0.85, dob: 0.8, region: 0.85, unit: 0.6, phone: 1, ocr: 0 },
  chat: { share: 16, size: 400, regional: 0.5, patr: 0.6, dob: 0.5, region: 0.7, unit: 0.7, phone: 0.5, ocr: 0 },
  ocr: { share: 14, size: 250, regional: 0.8, patr: 0.9, dob: 0.8, region: 0.6, unit: 0.8, phone: 0, ocr: 1 },
  pow: { share: 9, size: 300, regional: 0, patr: 0.8, dob: 0.9, region: 0.8, unit: 0.6, phone: 0.3, ocr: 0.2 },
  exch: { share: 5, size: 90, regional: 0, patr: 1, dob: 0.97, region: 0.5, unit: 0.3, phone: 0.05, ocr: 0.3 },
  obit: { share: 16, size: 600, regional: 0.6, patr: 0.5, dob: 0.6, region: 0.95, unit: 0.4, phone: 0.3, ocr: 0 },
  court: { share: 5, size: 200, regional: 0.5, patr: 0.95, dob: 0.4, region: 0.3, unit: 0.9, phone: 0.05, ocr: 0.2 },
  mod: { share: 4, size: 120, regional: 0.6, patr: 1, dob: 0.9, region: 0.6, unit: 0.9, phone: 0.05, ocr: 0.1 },
  tip: { share: 5, size: 80, regional: 0.3, patr: 0.2, dob: 0.1, region: 0.4, unit: 0.6, phone: 1.2, ocr: 0 },
};
const ALL_KINDS = Object.keys(KINDS) as Kind[];

/** Which lists can speak of a man in each situation (relative weights). */
const BY_STATUS: Record<Status, Partial<Record<Kind, number>>> = {
  missing: { form: 35, chat: 20, ocr: 12, obit: 4, mod: 5, tip: 8, pow: 3 },
  dead: { form: 20, chat: 14, ocr: 12, obit: 40, mod: 6, tip: 4 },
  captured: { form: 25, chat: 15, ocr: 6, pow: 40, mod: 3, tip: 5 },
  exchanged: { form: 15, chat: 12, pow: 30, exch: 35, mod: 4, tip: 3 },
  refuser: { form: 20, chat: 20, court: 40, ocr: 8, mod: 3, tip: 6 },
};

type CaseMode = 'title' | 'upper' | 'lower' | 'mixed';
type DateFmt = 'dmy' | 'dmy_short' | 'iso' | 'dmy2' | 'text' | 'slash' | 'year';
type RegionMode = 'official' | 'short' | 'plate' | 'old' | 'district' | 'village' | 'city' | 'vk';
type UnitMode = 'vch' | 'bare' | 'post' | 'name' | 'parent' | 'combo';

export interface List {
  id: string;
  kind: Kind;
  region: number; // -1 if national
  caseMode: CaseMode;
  dateFmt: DateFmt;
  regionW: Weighted<RegionMode>;
  unitW: Weighted<UnitMode>;
  keepYo: boolean;
  intensity: number;
  initials: boolean;
}

const MONTHS = 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' ');
const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatDate(d: readonly [number, number, number], f: DateFmt): string {
  const [y, m, day] = d;
  switch (f) {
    case 'dmy':
      return `${p2(day)}.${p2(m)}.${y}`;
    case 'dmy_short':
      return `${day}.${m}.${y}`;
    case 'iso':
      return `${y}-${p2(m)}-${p2(day)}`;
    case 'dmy2':
      return `${p2(day)}.${p2(m)}.${p2(y % 100)}`;
    case 'text':
      return `${day} ${MONTHS[m - 1]} ${y}`;
    case 'slash':
      return `${p2(day)}/${p2(m)}/${y}`;
    case 'year':
      return `${y}`;
  }
}

function makeList(rng: Rng, kind: Kind, no: number, region: number): List {
  const id = `${kind}:${String(no).padStart(4, '0')}`;
  const caseMode: CaseMode =
    kind === 'form' || kind === 'tip'
      ? 'mixed'
      : kind === 'ocr' || kind === 'court'
        ? rng.chance(0.5)
          ? 'upper'
          : 'title'
        : rng.chance(0.2)
          ? 'upper'
          : rng.chance(0.05)
            ? 'lower'
            : 'title';
  const dateFmt = new Weighted<DateFmt>(
    ['dmy', 'dmy_short', 'iso', 'dmy2', 'text', 'slash', 'year'],
    kind === 'form' || kind === 'tip'
      ? [40, 25, 2, 15, 8, 6, 4]
      : kind === 'chat'
        ? [50, 15, 10, 8, 5, 4, 8]
        : [70, 5, 8, 7, 4, 3, 3],
  ).pick(rng);
  const rw: Record<Kind, number[]> = {
    // official short plate old district village city vk
    form: [20, 30, 6, 3, 10, 12, 14, 5],
    chat: [25, 35, 8, 2, 8, 6, 12, 4],
    ocr: [30, 15, 0, 4, 14, 8, 9, 20],
    pow: [25, 30, 2, 8, 8, 10, 15, 2],
    exch: [60, 20, 0, 5, 5, 3, 7, 0],
    obit: [20, 25, 2, 2, 15, 18, 16, 2],
    court: [30, 20, 0, 2, 5, 3, 10, 30],
    mod: [40, 10, 0, 2, 10, 5, 8, 25],
    tip: [10, 35, 10, 3, 8, 10, 22, 2],
  };
  // a list leans on one habit: sharpen its own weights
  const w = rw[kind].map((x) => x * (0.3 + rng.next() * 1.7));
  const uw: Record<Kind, number[]> = {
    // vch bare post name parent combo
    form: [30, 15, 20, 25, 6, 4],
    chat: [25, 15, 10, 35, 10, 5],
    ocr: [45, 20, 5, 10, 5, 15],
    pow: [10, 5, 5, 55, 20, 5],
    exch: [40, 20, 0, 25, 10, 5],
    obit: [10, 5, 5, 45, 30, 5],
    court: [60, 10, 0, 15, 5, 10],
    mod: [70, 10, 0, 10, 0, 10],
    tip: [15, 10, 25, 40, 10, 0],
  };
  return {
    id,
    kind,
    region,
    caseMode,
    dateFmt,
    regionW: new Weighted<RegionMode>(['official', 'short', 'plate', 'old', 'district', 'village', 'city', 'vk'], w),
    unitW: new Weighted<UnitMode>(
      ['vch', 'bare', 'post', 'name', 'parent', 'combo'],
      uw[kind].map((x) => x * (0.3 + rng.next() * 1.7)),
    ),
    keepYo: kind === 'form' || kind === 'tip' ? rng.chance(0.5) : rng.chance(0.1),
    intensity: Math.exp(rng.normal(0, 0.45)),
    initials: kind === 'court' ? rng.chance(0.6) : kind === 'ocr' ? rng.chance(0.15) : false,
  };
}

export class Catalogue {
  readonly lists: List[] = [];
  private readonly regional = new Map<string, Weighted<List>>();
  private readonly national = new Map<Kind, Weighted<List>>();

  constructor(rng: Rng, n: number, regionWeight: (i: number) => number) {
    const totalShare = ALL_KINDS.reduce((a, k) => a + KINDS[k].share, 0);
    const regW = new Weighted(
      REGIONS.map((_, i) => i),
      REGIONS.map((_, i) => regionWeight(i)),
    );
    let no = 0;
    for (const kind of ALL_KINDS) {
      const spec = KINDS[kind];
      const count = Math.max(2, Math.round((n * spec.share) / totalShare / spec.size));
      const mine: List[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < count; i++) {
        const region = rng.chance(spec.regional) ? regW.pick(rng) : -1;
        const l = makeList(rng, kind, ++no, region);
        mine.push(l);
        // Pareto-like sizes: a few long lists, many short ones
        sizes.push(1 / (1 - rng.next() * 0.97) ** 0.9);
      }
      this.lists.push(...mine);
      this.national.set(kind, new Weighted(mine, sizes));
      const byReg = new Map<number, [List[], number[]]>();
      mine.forEach((l, i) => {
        if (l.region < 0) return;
        const e = byReg.get(l.region) ?? [[], []];
        e[0].push(l);
        e[1].push(sizes[i]);
        byReg.set(l.region, e);
      });
      for (const [r, [ls, ws]] of byReg) this.regional.set(`${kind}|${r}`, new Weighted(ls, ws));
    }
  }

  pick(rng: Rng, p: Person): List {
    const allowed = BY_STATUS[p.status];
    const kinds = Object.keys(allowed) as Kind[];
    const kind = new Weighted(
      kinds,
      kinds.map((k) => (allowed[k] ?? 0) * KINDS[k].share),
    ).pick(rng);
    const reg = this.regional.get(`${kind}|${p.region}`);
    if (reg && rng.chance(0.75)) return reg.pick(rng);
    return this.national.get(kind)!.pick(rng);
  }
}

export interface Row {
  surname: string;
  given: string;
  patronymic: string;
  birth: string;
  region: string;
  unit: string;
}

const cap = (s: string): string => (s ? s[0].toLocaleUpperCase('ru') + s.slice(1).toLocaleLowerCase('ru') : s);

function regionText(rng: Rng, l: List, p: Person, st: Stats): string {
  const r = REGIONS[p.region];
  if (p.birthCity && rng.chance(0.25)) {
    bump(st, 'region_birth_city_other_region');
    return rng.chance(0.5) ? `г. ${p.birthCity}` : p.birthCity;
  }
  const mode = l.regionW.pick(rng);
  const where = p.village ? `${p.district} р-н` : p.city;
  switch (mode) {
    case 'official':
      return r.name;
    case 'short':
      return rng.pick(shortNamesOf(r));
    case 'plate': {
      bump(st, 'region_plate_code');
      const c = rng.pick(platesOf(r.code));
      return rng.pick([c, `${c} регион`, `регион ${c}`, `${c} рег.`]);
    }
    case 'old': {
      const o = OLD_NAMES.get(r.code);
      if (!o) return rng.pick(shortNamesOf(r));
      bump(st, 'region_old_name');
      return rng.pick(o);
    }
    case 'district':
      bump(st, 'region_as_district_or_city');
      return p.village
        ? rng.pick([`${p.district} район`, `${p.district} р-н`, `${p.district} р-н, ${rng.pick(shortNamesOf(r))}`])
        : `г. ${p.city}`;
    case 'village':
      if (!p.village) {
        bump(st, 'region_as_district_or_city');
        return rng.pick([p.city, `г. ${p.city}`, `${p.city}, ${rng.pick(shortNamesOf(r))}`]);
      }
      bump(st, 'region_as_village');
      return rng.pick([
        `с. ${p.village}, ${p.district} р-н`,
        `${p.village} ${p.district} р-н`,
        `${p.village}`,
        `д. ${p.village} ${p.district} района`,
      ]);
    case 'city':
      bump(st, 'region_as_district_or_city');
      return p.village ? `${p.village}, ${p.district} р-н` : rng.chance(0.6) ? p.city : `г. ${p.city}`;
    case 'vk': {
      bump(st, 'region_as_commissariat');
      const short = shortNamesOf(r);
      return rng.pick([
        `ВК ${short[short.length - 1]}`,
        `${p.village ? p.district : p.city} ВК`,
        `${where.replace(/ р-н$/, '')} РВК`,
        `ОВК по ${p.village ? `${p.district.replace(/ий$/, 'ому')} району` : `г. ${p.city}`}`,
        `Военный комиссариат ${r.name.replace(/ская область$/, 'ской области').replace(/ский край$/, 'ского края')}`,
        'ВК',
      ]);
    }
  }
}

function unitText(rng: Rng, l: List, p: Person, rel: Person[], st: Stats): string {
  let u = p.unit;
  const other = rel.find((q) => q.unit !== p.unit);
  if (other && rng.chance(0.12)) {
    bump(st, 'unit_of_relative');
    u = other.unit;
  }
  if (!/^\d/.test(u.name) && !u.name.startsWith('Шторм')) {
    // PMC, БАРС, Ахмат: families mostly write the name
    if (rng.chance(0.7) || u.name.startsWith('ЧВК')) {
      return u.name.startsWith('ЧВК Вагнер')
        ? rng.pick(['ЧВК Вагнер', 'Вагнер', 'ЧВК "Вагнер"', 'ЧВК W', 'оркестр', 'ЧВК Wagner'])
        : u.name;
    }
  }
  let mode = l.unitW.pick(rng);
  if (mode === 'parent' && !u.parent) mode = 'name';
  let vch = u.vch;
  const dig = rng.next();
  if (dig < 0.04 * l.intensity) {
    vch = digitWrong(rng, vch);
    bump(st, 'unit_digit_wrong');
  } else if (dig < 0.07 * l.intensity) {
    vch = digitsSwapped(rng, vch);
    bump(st, 'unit_digits_swapped');
  }
  switch (mode) {
    case 'vch':
      return rng.pick([`в/ч ${vch}`, `в/ч ${vch}`, `в.ч. ${vch}`, `ВЧ ${vch}`, `в/ч№${vch}`, `войсковая часть ${vch}`]);
    case 'bare':
      return vch;
    case 'post':
      bump(st, 'unit_field_post');
      return rng.pick([`в/ч п/п ${u.post}`, `п/п ${u.post}`, `полевая почта ${u.post}`, `в/ч пп ${u.post}`]);
    case 'name':
      return u.name;
    case 'parent':
      bump(st, 'unit_as_parent_formation');
      return u.parent;
    case 'combo':
      return `в/ч ${vch} (${u.name})`;
  }
}

function dobText(rng: Rng, l: List, p: Person, st: Stats, phone: number): string {
  const k = l.kind;
  let d: [number, number, number] = [...p.birth];
  let fmt = l.dateFmt;
  const u = rng.next();
  const evt = k === 'obit' ? 0.06 : k === 'ocr' ? 0.05 : k === 'mod' ? 0.02 : 0.012;
  if (u < evt) {
    d = k === 'ocr' ? [...p.callup] : [...p.event];
    bump(st, k === 'ocr' ? 'dob_is_callup_date' : 'dob_is_event_date');
  } else if (u < evt + 0.015) {
    bump(st, 'dob_placeholder');
    return rng.chance(0.5) ? rng.pick(['1.1.1990', '01.01.1900', '00.00.0000', '01.01.1970']) : `01.01.${p.birth[0]}`;
  }
  if (
    d[2] <= 12 &&
    d[2] !== d[1] &&
    rng.chance((k === 'form' || k === 'chat' || k === 'tip' ? 0.06 : 0.015) * l.intensity)
  ) {
    d = [d[0], d[2], d[1]];
    bump(st, 'dob_day_month_swapped');
  }
  if (fmt !== 'dmy2' && rng.chance(0.03 * phone)) {
    fmt = 'dmy2';
    bump(st, 'dob_two_digit_year');
  } else if (fmt === 'dmy2') bump(st, 'dob_two_digit_year');
  if (fmt === 'year') bump(st, 'dob_year_only');
  let s = formatDate(d, fmt);
  if (rng.chance(0.025 * phone * l.intensity)) {
    s = dateLetters(rng, s);
    bump(st, 'dob_letters');
  }
  if (rng.chance(0.015 * l.intensity)) {
    s = rng.chance(0.5) ? digitWrong(rng, s) : digitsSwapped(rng, s);
    bump(st, 'dob_digit_typo');
  }
  return s;
}

/** Noise applied to one name field. */
function nameNoise(rng: Rng, s: string, l: List, st: Stats, field: string, phone: number, ocr: number): string {
  if (!s) return s;
  const I = l.intensity;
  if (phone > 0) {
    if (rng.chance(0.025 * phone * I) && field !== 'patronymic') {
      s = autocorrect(rng, s, field === 'surname');
      bump(st, `autocorrect_${field}`);
    }
    if (rng.chance(0.035 * phone * I)) {
      s = dropLetter(rng, s);
      bump(st, 'letter_dropped');
    }
    if (rng.chance(0.025 * phone * I)) {
      s = doubleLetter(rng, s);
      bump(st, 'letter_doubled');
    }
    if (rng.chance(0.025 * phone * I)) {
      s = transpose(rng, s);
      bump(st, 'letters_transposed');
    }
    if (rng.chance(0.02 * phone * I)) {
      s = latinLookalike(rng, s);
      bump(st, 'latin_lookalike');
    }
    if (rng.chance(0.03 * phone * I)) {
      s = extraSpace(rng, s);
      bump(st, 'extra_space');
    }
  }
  if (ocr > 0) {
    if (rng.chance(0.1 * ocr * I)) {
      s = ocrConfuse(rng, s);
      bump(st, 'ocr_confusion');
    }
    if (rng.chance(0.03 * ocr * I)) {
      s = ocrBreak(rng, s);
      bump(st, 'ocr_broken_word');
    }
  }
  return s;
}

function applyCase(rng: Rng, r: Row, l: List, st: Stats): void {
  let mode = l.caseMode;
  if (mode === 'mixed') {
    const u = rng.next();
    mode = u < 0.62 ? 'title' : u < 0.82 ? 'lower' : 'upper';
  }
  if (mode === 'title') {
    if (rng.chance(0.04) && l.kind === 'form') {
      r.surname = lowerAll(r.surname);
      bump(st, 'case_lower');
    }
    return;
  }
  const f = mode === 'lower' ? lowerAll : upperAll;
  bump(st, mode === 'lower' ? 'case_lower' : 'case_upper');
  r.surname = f(r.surname);
  r.given = f(r.given);
  r.patronymic = f(r.patronymic);
  if (mode === 'upper' && rng.chance(0.5)) r.region = f(r.region);
  if (mode === 'lower' && rng.chance(0.5)) r.region = lowerAll(r.region);
}

/** How list `l` writes man `p` (with his look-alike relatives `rel`). */
export function render(rng: Rng, l: List, p: Person, rel: Person[], st: Stats): Row {
  const spec = KINDS[l.kind];
  const phone = spec.phone;
  const ocr = spec.ocr;
  const sparse = rng.chance(l.kind === 'tip' ? 0.45 : l.kind === 'chat' ? 0.12 : 0.06);
  const r: Row = { surname: p.surname, given: p.given, patronymic: p.patronymic, birth: '', region: '', unit: '' };
  if (sparse) bump(st, 'sparse_record');
  const has = (x: number): boolean => !sparse && rng.chance(x);
  if (!has(spec.patr)) r.patronymic = '';
  if (has(spec.dob)) r.birth = dobText(rng, l, p, st, phone);
  if (has(spec.region) || (sparse && rng.chance(0.3))) r.region = regionText(rng, l, p, st);
  if (has(spec.unit) || (sparse && rng.chance(0.3))) r.unit = unitText(rng, l, p, rel, st);
  if (sparse && rng.chance(0.3)) {
    r.given = `${p.given[0]}.`;
    bump(st, 'given_initial_only');
  }
  if (!l.keepYo) {
    const before = r.surname + r.given + r.patronymic;
    r.surname = yoToE(r.surname);
    r.given = yoToE(r.given);
    r.patronymic = yoToE(r.patronymic);
    if (before !== r.surname + r.given + r.patronymic) bump(st, 'yo_written_as_e');
  }
  if ((phone >= 0.5 || l.kind === 'tip') && r.given.length > 2 && rng.chance(l.kind === 'tip' ? 0.2 : 0.03)) {
    const d = diminutive(rng, p.given);
    if (d) {
      r.given = d;
      bump(st, 'diminutive');
    }
  }
  r.surname = nameNoise(rng, r.surname, l, st, 'surname', phone, ocr);
  r.given = nameNoise(rng, r.given, l, st, 'given', phone, ocr);
  r.patronymic = nameNoise(rng, r.patronymic, l, st, 'patronymic', phone * 0.7, ocr);
  if (r.patronymic && rng.chance((phone >= 0.5 ? 0.04 : 0.01) * l.intensity)) {
    [r.given, r.patronymic] = [r.patronymic, r.given];
    bump(st, 'given_patronymic_swapped');
  }
  if (l.initials && r.patronymic && r.given.length > 2) {
    r.given = `${r.given[0]}.`;
    r.patronymic = `${r.patronymic[0]}.`;
    bump(st, 'initials_only');
  }
  if (ocr > 0) {
    if (r.birth && rng.chance(0.06 * ocr * l.intensity)) {
      r.birth = ocrConfuse(rng, r.birth);
      bump(st, 'ocr_confusion_date');
    }
    if (r.unit && rng.chance(0.06 * ocr * l.intensity)) {
      r.unit = ocrConfuse(rng, r.unit);
      bump(st, 'ocr_confusion_unit');
    }
  }
  if (phone > 0) {
    if (r.unit && rng.chance(0.05 * phone)) {
      r.unit = missingSpace(r.unit);
      bump(st, 'missing_space');
    } else if (r.region.includes(' ') && rng.chance(0.04 * phone)) {
      r.region = missingSpace(r.region);
      bump(st, 'missing_space');
    }
    if (r.region && rng.chance(0.02 * phone)) {
      r.region = extraSpace(rng, r.region);
      bump(st, 'extra_space');
    }
  }
  applyCase(rng, r, l, st);
  if (l.caseMode === 'title' && l.kind !== 'form' && rng.chance(0.01)) r.surname = cap(r.surname);
  return r;
}

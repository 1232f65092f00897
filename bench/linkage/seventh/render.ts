// One record as one list writes one man: the list's habits decide script, case, layout, date
// format, region and unit style; the record's own random stream decides the slips. Every noise
// applied is counted under a fixed name (printed by generate.ts, checked by the tests).
import { type Case, givenInCase, patronymicInCase, surnameInCase } from './grammar.ts';
import type { Habits, Kind } from './lists.ts';
import type { Man } from './men.ts';
import { spellingVariant } from './names-ethnic.ts';
import { DIMINUTIVES } from './names-ru.ts';
import { digitTypo, FORMATS, formatDate, formatYear, homoglyph, keyboardTypo, ocrError } from './noise.ts';
import { type RegionStyle, regionText } from './region-text.ts';
import { REGIONS } from './regions.ts';
import type { Rng } from './rng.ts';
import { ruToLatin, uaGiven, uaPatronymic, uaToLatin, ruLettersToUa } from './script.ts';
import { STORM, subUnit, type UnitCatalog, unitText, VOLUNTEER, WAGNER } from './units.ts';

export interface ListInfo {
  kind: Kind;
  id: string;
  habits: Habits;
}

export type Count = (noise: string) => void;

const RANKS = ['рядовой', 'ефрейтор', 'мл. сержант', 'сержант', 'ст. сержант', 'лейтенант', 'рядовой'];
const CALLSIGNS = words(
  'Бурят Якут Тувинец Казак Малой Дед Шаман Гром Сибиряк Татарин Медведь Борода Кот Лис Тихий Зверь Док Север Байкал Самурай Чита Граф',
);
const MIXED_REGION: RegionStyle[] = ['city', 'place', 'placeRegion', 'short', 'abbr', 'official'];
const MIXED_DATE = [
  'DD.MM.YYYY',
  'DD.MM.YYYY',
  'DD.MM.YYYY',
  'D.M.YYYY',
  'DD.MM.YY',
  'D месяца YYYY',
  'DD,MM,YYYY',
  'DD MM YYYY',
  'DDMMYYYY',
];

function words(s: string): string[] {
  return s.split(' ');
}

function names(m: Man, h: Habits, rng: Rng, count: Count, sparse: boolean): [string, string, string] {
  let s = m.surname;
  let g = m.given;
  let p = m.patronymic;
  const ru = h.script === 'ru';
  if (rng.chance(h.spelling)) {
    const r = () => rng.next();
    const which = rng.next();
    const v = which < 0.5 ? spellingVariant(g, r) : spellingVariant(s, r);
    if (v) {
      if (which < 0.5) g = v;
      else s = v;
      count('spelling_variant');
    }
  }
  if (m.group === 'central' && rng.chance(0.4)) {
    p = rng.chance(0.5) ? `${m.father} угли` : '';
    count('spelling_variant');
  }
  const dim = DIMINUTIVES[g];
  if (dim && rng.chance(h.dimin)) {
    g = rng.pick(dim);
    count('diminutive');
  }
  if (p && (sparse || rng.chance(h.patronymicDrop))) {
    p = '';
    count('patronymic_missing');
  }
  if (ru && h.nameCase && rng.chance(h.caseRate)) {
    const c: Case = h.nameCase;
    [s, g, p] = [surnameInCase(s, c), givenInCase(g, c), patronymicInCase(p, c)];
    count(`name_case_${c}`);
  }
  if (ru && /[ёЁ]/.test(s + g + p) && !rng.chance(h.keepYo)) {
    [s, g, p] = [s, g, p].map((x) => x.replace(/ё/g, 'е').replace(/Ё/g, 'Е')) as [string, string, string];
    count('yo_to_e');
  }
  if (h.script === 'ua' || h.script === 'uaLatin') {
    const dimin = g !== m.given && !sameIgnoringYo(g, m.given);
    [s, g, p] = [ruLettersToUa(s, h.soft), dimin ? ruLettersToUa(g) : uaGiven(g), p ? uaPatronymic(m.father, p) : ''];
    count('ukrainian_cyrillic');
    if (h.script === 'uaLatin') {
      [s, g, p] = [uaToLatin(s), uaToLatin(g), uaToLatin(p)];
      count('latin_translit');
    }
  } else if (h.script === 'latin') {
    [s, g, p] = [ruToLatin(s, h.latin), ruToLatin(g, h.latin, rng.next()), ruToLatin(p, h.latin)];
    count('latin_translit');
  }
  if (rng.chance(h.typo)) {
    const x = rng.next();
    if (x < 0.55 || (!p && x < 0.8)) s = keyboardTypo(s, rng);
    else if (x < 0.85 || !p) g = keyboardTypo(g, rng);
    else p = keyboardTypo(p, rng);
    count('typo_keyboard');
  }
  if (rng.chance(h.ocr)) {
    const x = rng.next();
    if (x < 0.5) s = ocrError(s, rng);
    else if (x < 0.75 || !p) g = ocrError(g, rng);
    else p = ocrError(p, rng);
    count('ocr');
  }
  if (ru && rng.chance(h.homoglyph)) {
    s = homoglyph(s, rng);
    count('homoglyph');
  }
  if (h.caps === 'surname') {
    s = s.toUpperCase();
    count('caps_surname');
  } else if (h.caps === 'all') {
    [s, g, p] = [s.toUpperCase(), g.toUpperCase(), p.toUpperCase()];
    count('all_caps');
  } else if (h.caps === 'lower' && rng.chance(0.7)) {
    [s, g, p] = [s.toLowerCase(), g.toLowerCase(), p.toLowerCase()];
    count('lowercase');
  }
  if (ru && rng.chance(h.rank)) {
    s = `${rng.pick(RANKS)} ${s}`;
    count('rank_prefix');
  }
  if (rng.chance(h.callsign)) {
    const cs = rng.pick(CALLSIGNS);
    g = rng.chance(0.5) ? `${g} (позывной «${cs}»)` : `${g} «${cs}»`;
    count('callsign');
  }
  if (g && rng.chance(h.initials)) {
    const gi = `${g[0]}.`;
    const pi = p ? `${p[0]}.` : '';
    if (rng.chance(0.5)) [s, g, p] = [`${s} ${gi}${pi}`, '', ''];
    else [g, p] = [gi, pi];
    count('initials');
  } else if (rng.chance(h.fioInSurname)) {
    const western = h.script === 'latin' || h.script === 'uaLatin';
    s = (western ? [g, p, s] : [s, g, p]).filter(Boolean).join(' ');
    [g, p] = ['', ''];
    count('fio_in_surname');
  } else if (rng.chance(h.swap)) {
    [s, g] = [g, s];
    count('surname_given_swap');
  }
  return [s, g, p];
}

// A diminutive or spelling variant in Ukrainian lists is transcribed letter by letter.
function sameIgnoringYo(a: string, b: string): boolean {
  return a.replace(/ё/g, 'е') === b.replace(/ё/g, 'е');
}

function birth(m: Man, kind: Kind, h: Habits, rng: Rng, count: Count): string {
  const mode = h.date.sample(rng);
  const ua = h.script === 'ua';
  const yearText = (y: number) => {
    const t = formatYear(y, rng);
    return ua ? t.replace('г.р.', 'р.н.').replace('г.', 'р.') : t;
  };
  if (mode === 'none') {
    count('birth_missing');
    return '';
  }
  if (mode === 'year') {
    count('birth_year_only');
    return yearText(m.by);
  }
  if (mode === 'age') {
    // "погиб в 32 года": the compiler subtracts the age from the event year, a year off when the
    // birthday had not come yet, sometimes wrong the other way from rounding.
    const age = m.eventY - m.by - (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.05) ? 1 : 0);
    const y = m.eventY - age;
    count('birth_from_age');
    if (y !== m.by) count('birth_age_off_by_one');
    return kind === 'obituary' && rng.chance(0.3) ? `${y} г.р.` : String(y);
  }
  let [y, mo, d] = [m.by, m.bm, m.bd];
  if (rng.chance(h.deathInBirth)) {
    [y, mo, d] = [m.eventY, rng.int(1, 12), rng.int(1, 28)];
    count('death_date_in_birth');
  } else if (d <= 12 && d !== mo && rng.chance(h.dmSwap)) {
    [mo, d] = [d, mo];
    count('day_month_swap');
  }
  const fmt = h.dateFmtMixed ? rng.pick(MIXED_DATE) : h.dateFmt;
  if (!FORMATS.includes(fmt)) throw new Error(`unknown date format ${fmt}`);
  if (fmt !== 'DD.MM.YYYY') count('date_format_other');
  if (fmt === 'M/D/YYYY' && d !== mo && d <= 12) count('day_month_swap');
  let t = formatDate(y, mo, d, fmt);
  if (rng.chance(h.dateTypo)) {
    t = digitTypo(t, rng);
    count('date_digit_typo');
  }
  return t;
}

function region(m: Man, kind: Kind, h: Habits, cat: UnitCatalog, rng: Rng, count: Count): string {
  if (rng.chance(h.regionDrop)) {
    count('region_missing');
    return '';
  }
  let ri = m.region;
  let style = rng.chance(h.regionMixed) && h.script === 'ru' ? rng.pick(MIXED_REGION) : h.region;
  if (kind === 'court' && m.unit >= 0 && rng.chance(0.6)) ri = cat.units[m.unit].region;
  if (style === 'commissariat') ri = m.regRegion;
  if (m.colony >= 0 && (kind === 'volunteer' || kind === 'family') && rng.chance(0.2)) {
    count('region_colony');
    return `ИК-${rng.int(1, 60)} ${regionText(REGIONS[m.colony], 0, 'short', rng)}`;
  }
  if (ri !== m.region) count('region_not_home');
  const pi = ri === m.region ? m.place : 0;
  if (style === 'old' && !REGIONS[ri].old.length) style = 'official';
  if (style === 'abbr' && REGIONS[ri].abbr.length) count('region_abbreviation');
  else if (style === 'city' || style === 'place' || style === 'placeRegion') count('region_as_place');
  else if (style === 'old' || style === 'commissariat' || style === 'en' || style === 'ua') count(`region_${style}`);
  return regionText(REGIONS[ri], pi, style, rng);
}

function unit(m: Man, h: Habits, cat: UnitCatalog, rng: Rng, count: Count): string {
  if (rng.chance(h.unitDrop)) {
    count('unit_missing');
    return '';
  }
  let label = '';
  if (m.formation === 'storm' && rng.chance(0.6)) label = rng.pick(STORM);
  else if (m.formation === 'wagner' && (m.unit < 0 || rng.chance(0.7))) label = rng.pick(WAGNER);
  else if (m.formation === 'volunteer' && m.unit < 0) label = rng.pick(VOLUNTEER[m.group] ?? VOLUNTEER.other);
  if (label === 'БАРС-') label = `БАРС-${rng.int(1, 30)}`;
  let ui = m.unit;
  if (m.unit2 >= 0 && rng.chance(0.35)) {
    ui = m.unit2;
    count('unit_other_of_two');
  }
  if (label) {
    count('unit_formation_label');
    if (ui >= 0 && rng.chance(0.25)) return `${label}, в/ч ${cat.units[ui].num}`;
    return label;
  }
  if (ui < 0) return '';
  const u = cat.units[ui];
  const style = h.unit;
  if (style === 'fpn') count('unit_field_post');
  else if (style === 'name' || style === 'mixed') count('unit_as_name');
  else if (style === 'num') count('unit_bare_number');
  let t =
    u.type === 'СП' && style === 'name' && rng.chance(0.3)
      ? `${rng.int(1, 2)} АК ${REGIONS[u.region].iso === 'DNR' ? 'ДНР' : 'ЛНР'}`
      : unitText(u, style, rng);
  if (/\d{5}/.test(t) && rng.chance(h.dateTypo * 0.7)) {
    t = digitTypo(t, rng);
    count('unit_number_typo');
  }
  if (rng.chance(h.subUnit)) {
    t = `${subUnit(rng)} ${t}`;
    count('unit_subunit');
  }
  return t;
}

/** The six data fields of one record. */
export function renderRecord(m: Man, list: ListInfo, cat: UnitCatalog, rng: Rng, count: Count): string[] {
  const h = list.habits;
  const sparse = rng.chance(h.sparse);
  if (sparse) count('sparse');
  const [s, g, p] = names(m, h, rng, count, sparse);
  const b = sparse ? '' : birth(m, list.kind, h, rng, count);
  const r = region(m, list.kind, h, cat, rng, count);
  const u = sparse ? '' : unit(m, h, cat, rng, count);
  return [s, g, p, b, r, u];
}

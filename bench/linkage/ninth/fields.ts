/** How lists write a birth date, a place and a unit: the forms people really type, with their slips. */
import type { ListSpec } from './lists.ts';
import { digitTypo, ocrDigits } from './noise.ts';
import type { Day, Man } from './population.ts';
import type { Region } from './reference.ts';
import type { Rng } from './rng.ts';
import { romanise, ukrainianLetters } from './spelling.ts';
import type { Unit } from './units.ts';

export type Script = 'ru' | 'ua' | 'lat';
export type Note = (what: string) => void;

const MONTHS = [
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
const pad = (n: number) => String(n).padStart(2, '0');

function yearsWord(n: number, script: Script): string {
  if (script === 'lat') return `${n}`;
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  if (script === 'ua')
    return `${n} ${!teen && last === 1 ? 'рік' : !teen && last >= 2 && last <= 4 ? 'роки' : 'років'}`;
  return `${n} ${!teen && last === 1 ? 'год' : !teen && last >= 2 && last <= 4 ? 'года' : 'лет'}`;
}

function ageAt(birth: Day, at: Day): number {
  return at.y - birth.y - (at.m < birth.m || (at.m === birth.m && at.d < birth.d) ? 1 : 0);
}

/** Days since 1899-12-30: what a spreadsheet shows when a date cell loses its format. */
function excelSerial(day: Day): number {
  return Math.round((Date.UTC(day.y, day.m - 1, day.d) - Date.UTC(1899, 11, 30)) / 86400000);
}

export function renderBirth(man: Man, spec: ListSpec, script: Script, rng: Rng, note: Note): string {
  const style = spec.style;
  let day = man.birth;
  if (rng.chance(style.eventAsBirth)) {
    day = man.event;
    note('event_date_in_birth_cell');
  }
  let format = rng.choose(style.birth);
  if (script === 'lat' && (format === 'dmy' || format === 'text')) format = 'iso';
  // Official lists fill a year-only birth date as 1 January of that year.
  if (
    format === 'year' &&
    (spec.kind === 'exchange_ru' || spec.kind === 'official_notice' || spec.kind === 'pow_list_ua') &&
    rng.chance(0.4)
  ) {
    day = { y: day.y, m: 1, d: 1 };
    format = 'dmy';
    note('birth_1_january_filler');
  }
  // Ages come from the obituary (age at death) or from when the list was made (up to a year later).
  const when =
    spec.kind === 'obituary_roundup' || spec.kind === 'memorial'
      ? man.event
      : { ...man.event, y: Math.min(2026, man.event.y + rng.int(2)) };
  let text: string;
  switch (format) {
    case 'none':
      return '';
    case 'dmy':
      text = rng.chance(0.1) ? `${day.d}.${day.m}.${day.y}` : `${pad(day.d)}.${pad(day.m)}.${day.y}`;
      break;
    case 'dmyShort':
      text = `${pad(day.d)}.${pad(day.m)}.${pad(day.y % 100)}`;
      break;
    case 'iso':
      text = `${day.y}-${pad(day.m)}-${pad(day.d)}`;
      break;
    case 'text':
      text = `${day.d} ${MONTHS[day.m - 1]} ${day.y}${rng.chance(0.3) ? ' г.' : ''}`;
      break;
    case 'year':
      text = `${day.y}`;
      break;
    case 'yearGr':
      text = `${day.y} г.р.`;
      break;
    case 'age':
      text = yearsWord(ageAt(day, when), script);
      note('age_instead_of_birth_date');
      break;
    case 'excel':
      text = String(excelSerial(day));
      note('birth_as_excel_serial');
      break;
    default:
      text = `${day.m}/${day.d}/${day.y}`;
      note('birth_us_month_first');
  }
  if (format === 'year' || format === 'yearGr') note('birth_year_only');
  if (rng.chance(style.birthErrors)) {
    if (format === 'dmy' && day.d <= 12 && day.d !== day.m && rng.chance(0.4)) {
      text = `${pad(day.m)}.${pad(day.d)}.${day.y}`;
      note('birth_day_month_swapped');
    } else {
      text = digitTypo(text, rng);
      note('birth_digit_typo');
    }
  }
  if (rng.chance(style.errors.ocr * 0.5)) {
    text = ocrDigits(text, rng);
    note('birth_ocr_digit');
  }
  return text;
}

function genitive(region: Region): string {
  if (region.code === '77' || region.code === '78' || region.code === '92') return `г. ${region.nameRu}`;
  const name = region.nameRu.replace(/\s*\(.*\)/, '');
  if (name.startsWith('Республика ')) return name.replace('Республика', 'Республики');
  const nouns: Record<string, string> = { Республика: 'Республики', область: 'области', край: 'края', округ: 'округа' };
  return name
    .split(' ')
    .map(
      (w) =>
        nouns[w] ??
        w
          .replace(/ая$/, 'ой')
          .replace(/([кнц])ий$/, '$1ого')
          .replace(/ый$/, 'ого'),
    )
    .join(' ');
}

/** What English-language media call republics whose formal names do not shorten by rule. */
const ENGLISH_SHORT: Record<string, string> = {
  '20': 'Chechnya',
  '21': 'Chuvashia',
  '18': 'Udmurtia',
  '07': 'Kabardino-Balkaria',
  '09': 'Karachay-Cherkessia',
  '14': 'Yakutia',
  '04': 'Altai Republic',
  '15': 'North Ossetia',
};

function englishRegion(region: Region, rng: Rng): string {
  if (ENGLISH_SHORT[region.code] && rng.chance(0.8)) return ENGLISH_SHORT[region.code];
  const name = region.nameEn.replace(/^Republic of /, '').replace(/ Republic$/, '');
  if (/ (Oblast|Krai)$/.test(name) && rng.chance(0.5))
    return name.replace(/ (Oblast|Krai)$/, rng.chance(0.6) ? ' region' : '');
  return name;
}

export function renderRegion(man: Man, spec: ListSpec, script: Script, rng: Rng, note: Note): string {
  const from = rng.choose(spec.style.regionFrom);
  let region = man.home;
  if (from === 'residence' && man.residence) {
    region = man.residence;
    note('region_of_residence_not_home');
  } else if (from === 'unitBase') {
    region = man.units[0].base;
    if (region !== man.home) note('region_of_unit_base_not_home');
  }
  const town = region === man.home ? man.town : region.towns[0];
  const village = /^(с|пос|пгт)\.? /.test(town);
  const townText = village || rng.chance(0.5) ? (village ? town : `г. ${town}`) : town;
  const format = rng.choose(spec.style.region);
  if (format === 'none') return '';
  if (script === 'lat') {
    const bare = town.replace(/^(с|пос|пгт|г)\.? /, '');
    return format === 'town' || format === 'townRegion' ? romanise(bare, 'english', rng) : englishRegion(region, rng);
  }
  let text: string;
  if (format === 'full') text = region.nameRu;
  else if (format === 'short') text = region.short;
  else if (format === 'town') text = townText;
  else if (format === 'townRegion') text = `${townText}, ${region.short}`;
  else if (format === 'code') text = rng.chance(0.5) ? region.code : `${region.code} регион`;
  else text = rng.chance(0.5) ? `Военный комиссариат ${genitive(region)}` : `ВК ${townText}`;
  return script === 'ua' ? ukrainianLetters(text.replace(/^г\. /, 'м. ')) : text;
}

const RANKS: Record<string, number> = {
  рядовой: 50,
  ефрейтор: 15,
  'мл. сержант': 10,
  сержант: 10,
  'ст. сержант': 5,
  прапорщик: 2,
  лейтенант: 3,
  'ст. лейтенант': 2,
  капитан: 1,
};
const PATH_WORDS: Record<Man['path'], string[]> = {
  mobilised: ['мобилизованный', 'мобилизован', 'моб.'],
  contract: ['контрактник', 'по контракту', 'участник СВО'],
  convict: ['заключённый', 'из ИК', 'Шторм Z'],
  conscript: ['срочник', 'срочная служба'],
  volunteer: ['доброволец', 'добровольцем'],
};
const PATH_EN: Record<Man['path'], string> = {
  mobilised: 'mobilized',
  contract: 'contract soldier',
  convict: 'ex-convict',
  conscript: 'conscript',
  volunteer: 'volunteer',
};
const ordinal = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

function formation(unit: Unit, long: boolean, rng: Rng): string {
  if (unit.irregular) return long ? unit.kind.long : rng.pick([unit.kind.short, unit.kind.short.replace(' ', '-')]);
  const { number: n, kind } = unit;
  if (long) return `${n}-${kind.long.includes('бригада') ? 'я' : 'й'} ${kind.long}`;
  if (kind.short === 'Шторм Z') return rng.chance(0.5) ? `Шторм Z ${n}` : 'Шторм Z';
  const noun = kind.long.includes('бригада') ? 'бригада' : 'полк';
  return rng.pick([`${n} ${kind.short}`, `${n}-й ${kind.short}`, `${kind.short} ${n}`, `${n} ${noun}`]);
}

export function renderUnit(man: Man, spec: ListSpec, script: Script, rng: Rng, note: Note): string {
  let unit = man.units[0];
  if (man.units.length > 1 && rng.chance(0.4)) {
    unit = man.units[1];
    note('unit_after_transfer');
  }
  let format = rng.choose(spec.style.unit);
  if (unit.irregular && (format === 'vch' || format === 'vchLong' || format === 'both')) format = 'formation';
  if (format === 'none') return '';
  if (script === 'lat') {
    if (format === 'vch' || format === 'vchLong' || format === 'both')
      return `${rng.pick(['military unit', 'unit'])} ${unit.vch}`;
    if (format === 'branch') return PATH_EN[man.path];
    return unit.irregular ? unit.kind.en : `${ordinal(unit.number)} ${unit.kind.en}`;
  }
  let text: string;
  if (format === 'vch')
    text = rng.pick([`в/ч ${unit.vch}`, `В/Ч ${unit.vch}`, `вч${unit.vch}`, unit.vch, `в/ч-${unit.vch}`]);
  else if (format === 'vchLong') text = `войсковая часть ${unit.vch}`;
  else if (format === 'both') text = `в/ч ${unit.vch} (${formation(unit, false, rng)})`;
  else if (format === 'branch') text = rng.chance(0.5) ? rng.pick(PATH_WORDS[man.path]) : unit.kind.branch;
  else text = formation(unit, format === 'formationLong', rng);
  if (rng.chance(spec.style.rankPrefix)) text = `${rng.choose(RANKS)}, ${text}`;
  return script === 'ua' ? ukrainianLetters(text) : text;
}

// Birth date, region and unit as one list writes them.
import type { ListDef, RegionStyle } from './lists.ts';
import type { Man } from './men.ts';
import type { Flags, Mark, NameOut } from './render-names.ts';
import { REGIONS, type Region } from './regions.ts';
import type { Rng } from './rng.ts';
import { toLatin, ukRegion } from './translit.ts';
import type { Unit } from './units.ts';

const MONTHS = 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' ');
const p2 = (x: number): string => String(x).padStart(2, '0');
const EPOCH_1900 = Date.UTC(1899, 11, 30); // Excel's day 0 (it counts the non-existent 29.02.1900)

type Ymd = [number, number, number];

function fmt([y, m, d]: Ymd, style: string, rng: Rng): string {
  switch (style) {
    case 'iso':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'dmy_nopad':
      return `${d}.${m}.${y}`;
    case 'dmy2':
      return `${p2(d)}.${p2(m)}.${String(y).slice(2)}`;
    case 'text':
      return `${d} ${MONTHS[m - 1]} ${y}${rng.chance(0.5) ? ' г.' : ''}`;
    case 'us':
      return `${m}/${d}/${y}`;
    case 'slash':
      return `${p2(d)}/${p2(m)}/${y}`;
    case 'year':
      return rng.pick([`${y}`, `${y}`, `${y} г.р.`, `${y} г.`, `${y}г.р.`]);
    default:
      return `${p2(d)}.${p2(m)}.${y}`;
  }
}

function years(n: number): string {
  const t = n % 10;
  const word = n % 100 >= 11 && n % 100 <= 14 ? 'лет' : t === 1 ? 'год' : t >= 2 && t <= 4 ? 'года' : 'лет';
  return `${n} ${word}`;
}

export function renderDate(m: Man, list: ListDef, names: NameOut, on: Flags, mark: Mark, rng: Rng): string {
  let date: Ymd = [m.by, m.bm, m.bd];
  const ev: Ymd = [m.ey, m.em, m.ed];
  let style: string = list.date;
  if (names.dateHint === 'year' && style !== 'none') style = 'year';
  if (on('date_doc_conflict')) {
    mark('date_doc_conflict', m.docBirth !== null);
    if (m.docBirth) date = m.docBirth;
  }
  if (on('date_wrong')) {
    const [y, mo, d] = date;
    const k = rng.int(0, 4);
    date =
      k === 0
        ? [y, mo, Math.max(1, Math.min(28, d + rng.pick([-2, -1, 1, 2])))]
        : k === 1
          ? [y + rng.pick([-1, 1]), mo, d]
          : k === 2
            ? [y, Math.max(1, Math.min(12, mo + rng.pick([-1, 1]))), Math.min(d, 28)]
            : k === 3
              ? [y + rng.pick([-10, 10]), mo, d] // one digit of the year mistyped: 1990 → 1980
              : [y, 1, 1]; // placeholder 01.01 for an unknown day
    mark('date_wrong', true);
  }
  if (on('date_dm_swap')) {
    mark('date_dm_swap', date[2] <= 12 && date[2] !== date[1]);
    if (date[2] <= 12) date = [date[0], date[2], date[1]];
  }
  // What the cell holds: these replace each other, the first that applies wins.
  const modes: [string, () => string][] = [
    ['date_missing', () => ''],
    ['date_death_instead', () => fmt(ev, style === 'year' ? 'year' : 'dmy', rng)],
    [
      'date_lifespan',
      () =>
        rng.chance(0.6)
          ? `${date[0]}${rng.pick(['-', '–', ' - ', '—'])}${ev[0]}${rng.chance(0.3) ? ' гг.' : ''}`
          : `${fmt(date, 'dmy', rng)} – ${fmt(ev, 'dmy', rng)}`,
    ],
    [
      'date_age',
      () => {
        const age = ev[0] - date[0] - (ev[1] * 100 + ev[2] < date[1] * 100 + date[2] ? 1 : 0);
        return rng.pick([years(age), `${age} г.`, `${age}`, `${age} лет`]);
      },
    ],
    ['date_year_only', () => fmt(date, 'year', rng)],
    [
      'date_partial',
      () =>
        rng.pick([
          `00.00.${date[0]}`,
          `__.__.${date[0]}`,
          `хх.хх.${date[0]}`,
          `${p2(date[1])}.${date[0]}`,
          `00.${p2(date[1])}.${date[0]}`,
        ]),
    ],
    [
      'date_prose',
      () => {
        const birthTown = m.birth === m.home ? m.town : REGIONS[m.birth].towns[0];
        return rng.pick([
          `род. ${fmt(date, 'dmy', rng)} в г. ${birthTown}`,
          `${fmt(date, 'dmy', rng)} г.р., уроженец г. ${birthTown}`,
          `родился ${date[2]} ${MONTHS[date[1] - 1]} ${date[0]} года`,
          `${fmt(date, 'dmy', rng)} года рождения`,
        ]);
      },
    ],
  ];
  let text: string | undefined;
  for (const [noise, f] of modes) {
    if (!on(noise)) continue;
    if (text === undefined) {
      text = f();
      mark(noise, true);
    }
  }
  if (names.dateHint === 'none' || style === 'none') text = '';
  if (text === undefined) {
    text = fmt(date, style, rng);
    if (on('date_excel_serial') && style !== 'year') {
      text = String(Math.round((Date.UTC(date[0], date[1] - 1, date[2]) - EPOCH_1900) / 86_400_000));
      mark('date_excel_serial', true);
    }
    if (on('date_two_digit_year') && style !== 'year' && !/^\d+$/.test(text)) {
      const before = text;
      text = fmt(date, 'dmy2', rng);
      mark('date_two_digit_year', before !== text);
    }
    if (on('date_time_suffix') && style !== 'year') {
      text = /^\d{4}-/.test(text) ? `${text} 00:00:00` : `${text} 0:00`;
      mark('date_time_suffix', true);
    }
  }
  return text;
}

function shortName(r: Region): string {
  const n = r.name.replace(/\s*\(.*\)/, '');
  if (n.endsWith(' область')) return n.replace(' область', ' обл.');
  if (n.endsWith(' край')) return n.replace(' край', ' кр.');
  if (n.startsWith('Республика ')) return n.replace('Республика ', 'Респ. ');
  if (n.includes(' Республика')) return n.replace(/ Республика.*/, ' Респ.');
  if (n.includes('автономный округ')) return n.replace(/ автономный округ.*/, ' АО');
  if (r.towns.length === 1 && r.towns[0] === n) return `г. ${n}`;
  return n;
}

function adjective(r: Region): string {
  return shortName(r)
    .replace(/ (обл\.|кр\.|Респ\.|АО)$/, '')
    .replace(/^(Респ\.|г\.) /, '');
}

const GEN: [RegExp, string][] = [
  [/ская$/, 'ской'],
  [/цкая$/, 'цкой'],
  [/ная$/, 'ной'],
  [/ский$/, 'ского'],
  [/цкий$/, 'цкого'],
  [/ный$/, 'ного'],
  [/^область$/, 'области'],
  [/^край$/, 'края'],
  [/^Республика$/, 'Республики'],
  [/^округ$/, 'округа'],
  [/^Москва$/, 'Москвы'],
  [/^Севастополь$/, 'Севастополя'],
  [/^Санкт-Петербург$/, 'Санкт-Петербурга'],
];
const genitive = (name: string): string =>
  name
    .split(' ')
    .map((w) => GEN.reduce((acc, [re, to]) => (re.test(acc) ? acc.replace(re, to) : acc), w))
    .join(' ');

function regionText(r: Region, style: RegionStyle, town: string, rng: Rng): string {
  switch (style) {
    case 'full':
      return rng.chance(0.2) ? r.name.replace(' — ', ' - ') : r.name;
    case 'short':
      return shortName(r);
    case 'adj':
      return adjective(r);
    case 'informal':
      return r.informal.length ? rng.pick(r.informal) : shortName(r);
    case 'code':
      return r.code || shortName(r);
    case 'town':
      return rng.chance(0.6) && !town.startsWith('г.') ? `г. ${town}` : town;
    case 'commissariat':
      if (r.foreign) return r.name;
      return rng.pick([
        `военный комиссариат ${genitive(r.name.replace(/\s*\(.*\)/, ''))}`,
        `ВК ${genitive(r.name.replace(/\s*\(.*\)/, ''))}`,
        `военкомат г. ${town}`,
      ]);
    default:
      return '';
  }
}

export function renderRegion(m: Man, list: ListDef, names: NameOut, on: Flags, mark: Mark, rng: Rng): string {
  let ri = m.home;
  if (on('region_birthplace')) {
    mark('region_birthplace', m.birth !== m.home);
    ri = m.birth;
  }
  const r = REGIONS[ri];
  const town = ri === m.home ? m.town : rng.pick(r.towns);
  let style = list.regionStyle;
  const over = (noise: string, to: RegionStyle, ok = true): void => {
    if (on(noise) && ok) {
      mark(noise, style !== to);
      style = to;
    }
  };
  over('region_city', 'town');
  over('region_informal', 'informal', r.informal.length > 0);
  over('region_code', 'code', r.code !== '');
  let text = regionText(r, style, town, rng);
  if (on('region_old_name')) {
    const old = m.by < 1992 && ri === m.birth && r.soviet !== r.name;
    mark('region_old_name', old);
    if (old) text = r.soviet;
  }
  if (on('region_lost_zero')) {
    mark('region_lost_zero', style === 'code' && text.startsWith('0'));
    if (style === 'code') text = text.replace(/^0/, '');
  }
  if (on('region_missing')) {
    mark('region_missing', text !== '');
    text = '';
  }
  if (names.script === 'uk') text = text.replace(/^г\. /, 'м. ').split(', ').map(ukRegion).join(', ');
  if (names.script === 'latin')
    text = toLatin(text.replace(/^г\. /, ''), names.latin === 'icao' ? 'popular' : names.latin);
  return text;
}

const VAGUE: Record<string, string[]> = {
  mobilized: ['мобилизованный', 'мобилизован', 'моб.', 'мобилизация'],
  contract: ['контракт', 'контрактник', 'СВО', 'по контракту'],
  convict: ['Вагнер', 'ЧВК', 'Шторм Z', 'из колонии', 'ЧВК Вагнер'],
  volunteer: ['доброволец', 'БАРС', 'добровольческий отряд'],
  conscript: ['срочник', 'срочная служба', 'срочка'],
  militia: ['НМ ДНР', 'ополчение', 'мобилизован ДНР'],
};
const EXTRA = [
  ', 2 мсб, 5 рота',
  ', 1 батальон',
  ' (штурмовая рота)',
  ', пропал под Бахмутом',
  ', пропал под Артёмовском',
  ', Авдеевка',
  ', Курская обл.',
  ', последняя связь 12.01',
  ' 3 рота',
  ', связь потеряна',
];

export function renderUnit(m: Man, list: ListDef, units: Unit[], on: Flags, mark: Mark, rng: Rng): string {
  let u = units[m.unit];
  if (on('unit_old')) {
    mark('unit_old', m.firstUnit !== m.unit);
    u = units[m.firstUnit];
  }
  const numbered = u.kind !== 'pmc' && u.kind !== 'bars' && u.kind !== 'volunteer';
  let style: string = list.unitStyle;
  if (!numbered && (style === 'vch' || style === 'number' || style === 'mixed')) style = 'short';
  let num = u.vch;
  if (on('unit_name_instead')) {
    mark('unit_name_instead', style !== 'short' && style !== 'long');
    style = rng.chance(0.7) ? 'short' : 'long';
  }
  if (on('unit_field_post') && numbered) {
    mark('unit_field_post', true);
    num = u.post;
    style = 'post';
  }
  if (on('unit_typo') && numbered) {
    const i = rng.int(0, num.length - 1);
    const k = rng.int(0, 2);
    const before = num;
    num =
      k === 0
        ? num.slice(0, i) + num.slice(i + 1)
        : k === 1 && i < 4
          ? num.slice(0, i) + num[i + 1] + num[i] + num.slice(i + 2)
          : num.slice(0, i) + String((Number(num[i]) + rng.int(1, 9)) % 10) + num.slice(i + 1);
    mark(
      'unit_typo',
      before !== num && (style === 'vch' || style === 'number' || style === 'mixed' || style === 'post'),
    );
  }
  if (on('unit_lost_zero')) {
    mark('unit_lost_zero', num.startsWith('0') && style === 'number');
    if (style === 'number') num = num.replace(/^0+/, '');
  }
  const name = (u.guards && rng.chance(0.4) ? 'гв. ' : '') + u.short;
  let text: string;
  switch (style) {
    case 'vch':
      text = rng.pick([
        `в/ч ${num}`,
        `в/ч ${num}`,
        `в/ч${num}`,
        `В/Ч ${num}`,
        `вч ${num}`,
        `войсковая часть ${num}`,
        `в.ч. ${num}`,
        `ВЧ-${num}`,
      ]);
      break;
    case 'number':
      text = num;
      break;
    case 'post':
      text = rng.pick([`п/п ${num}`, `полевая почта ${num}`, `ПП ${num}`]);
      break;
    case 'long':
      text = u.long;
      break;
    case 'mixed':
      text = `в/ч ${num} (${name})`;
      break;
    case 'none':
      text = '';
      break;
    default:
      text = name;
  }
  if (on('unit_vague')) {
    mark('unit_vague', true);
    text = rng.pick(VAGUE[m.category] ?? VAGUE.contract);
  }
  if (on('unit_free_text') && text) {
    mark('unit_free_text', true);
    text += rng.pick(EXTRA);
  }
  if (on('unit_missing')) {
    mark('unit_missing', text !== '');
    text = '';
  }
  return text;
}

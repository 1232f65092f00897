// Units. Regular formations carry a number, a type and a military-unit number (в/ч); the numbers
// are illustrative for this synthetic world (several match publicly reported ones, none is checked
// and nothing here should be read as a fact). Plus PMC "Wagner", the convict units Storm-Z/V, the
// BARS reserve detachments and a few regional volunteer battalions.

import type { Rng } from './rng.ts';
import { Weighted } from './rng.ts';

type FormationType =
  | 'омсбр'
  | 'гомсбр'
  | 'аомсбр'
  | 'отбр'
  | 'одшбр'
  | 'обрмп'
  | 'дшд'
  | 'вдд'
  | 'пдп'
  | 'дшп'
  | 'мсд'
  | 'тд'
  | 'обрспн'
  | 'мсп';

interface TypeInfo {
  fem: boolean; // бригада, дивизия — feminine ordinal (-я); полк — masculine (-й)
  words: string; // full name after the number, without "гвардейская"
  separate: boolean; // starts with "отдельная"
  abbr: string[]; // short forms, first is the usual one
  noun: string; // colloquial noun: бригада / дивизия / полк
  en: string;
  enAbbr: string;
}

// biome-ignore format: hand-aligned table
const TYPES: Record<FormationType, TypeInfo> = {
  омсбр: { fem: true, words: 'мотострелковая бригада', separate: true, abbr: ['омсбр', 'ОМСБр', 'ОМСБР', 'мсбр'], noun: 'бригада', en: 'separate motorized rifle brigade', enAbbr: 'OMSBr' },
  гомсбр: { fem: true, words: 'мотострелковая бригада (горная)', separate: true, abbr: ['омсбр', 'ОМСБр', 'гомсбр', 'омсбр (горная)'], noun: 'бригада', en: 'separate motorized rifle brigade (mountain)', enAbbr: 'OMSBr' },
  аомсбр: { fem: true, words: 'арктическая мотострелковая бригада', separate: true, abbr: ['оарктмсбр', 'омсбр', 'ОМСБр'], noun: 'бригада', en: 'separate arctic motorized rifle brigade', enAbbr: 'OMSBr' },
  отбр: { fem: true, words: 'танковая бригада', separate: true, abbr: ['отбр', 'ОТБр', 'ОТБР', 'тбр'], noun: 'бригада', en: 'separate tank brigade', enAbbr: 'OTBr' },
  одшбр: { fem: true, words: 'десантно-штурмовая бригада', separate: true, abbr: ['одшбр', 'ОДШБр', 'ОДШБР', 'дшбр'], noun: 'бригада', en: 'separate air assault brigade', enAbbr: 'ODShBr' },
  обрмп: { fem: true, words: 'бригада морской пехоты', separate: true, abbr: ['обрмп', 'ОБрМП', 'ОБРМП', 'бригада МП'], noun: 'бригада', en: 'separate naval infantry brigade', enAbbr: 'OBrMP' },
  дшд: { fem: true, words: 'десантно-штурмовая дивизия', separate: false, abbr: ['дшд', 'ДШД', 'вдд'], noun: 'дивизия', en: 'air assault division', enAbbr: 'DShD' },
  вдд: { fem: true, words: 'воздушно-десантная дивизия', separate: false, abbr: ['вдд', 'ВДД'], noun: 'дивизия', en: 'airborne division', enAbbr: 'VDD' },
  пдп: { fem: false, words: 'парашютно-десантный полк', separate: false, abbr: ['пдп', 'ПДП'], noun: 'полк', en: 'parachute regiment', enAbbr: 'PDP' },
  дшп: { fem: false, words: 'десантно-штурмовой полк', separate: false, abbr: ['дшп', 'ДШП'], noun: 'полк', en: 'air assault regiment', enAbbr: 'DShP' },
  мсд: { fem: true, words: 'мотострелковая дивизия', separate: false, abbr: ['мсд', 'МСД'], noun: 'дивизия', en: 'motorized rifle division', enAbbr: 'MSD' },
  тд: { fem: true, words: 'танковая дивизия', separate: false, abbr: ['тд', 'ТД'], noun: 'дивизия', en: 'tank division', enAbbr: 'TD' },
  обрспн: { fem: true, words: 'бригада специального назначения', separate: true, abbr: ['обрСпН', 'ОБрСпН', 'бригада СпН', 'обрспн'], noun: 'бригада', en: 'separate special forces brigade', enAbbr: 'OBrSpN' },
  мсп: { fem: false, words: 'мотострелковый полк', separate: false, abbr: ['мсп', 'МСП'], noun: 'полк', en: 'motorized rifle regiment', enAbbr: 'MSP' },
};

export type Unit =
  | { kind: 'formation'; num: string; type: FormationType; vch: string; guards: boolean; homes: string[] }
  | { kind: 'wagner' }
  | { kind: 'stormz' }
  | { kind: 'stormv' }
  | { kind: 'bars'; num: number }
  | { kind: 'battalion'; name: string; home: string }
  | { kind: 'akhmat' };

// [number, type, в/ч, guards, home regions]
const FORMATIONS: [string, FormationType, string, boolean, string[]][] = [
  ['37', 'омсбр', '69647', true, ['03']],
  ['5', 'отбр', '46108', true, ['03']],
  ['11', 'одшбр', '32364', true, ['03', '75', '38']],
  ['36', 'омсбр', '06705', true, ['75']],
  ['55', 'гомсбр', '55115', false, ['17']],
  ['136', 'омсбр', '63354', true, ['05', '06', '15']],
  ['64', 'омсбр', '51460', true, ['27', '79']],
  ['155', 'обрмп', '30926', true, ['25', '27', '65']],
  ['40', 'обрмп', '10103', false, ['41', '49', '87']],
  ['83', 'одшбр', '71289', true, ['25', '27']],
  ['200', 'омсбр', '08275', false, ['51', '10']],
  ['80', 'аомсбр', '34667', false, ['51', '10', '29']],
  ['810', 'обрмп', '13140', true, ['91', '92']],
  ['336', 'обрмп', '06017', true, ['39']],
  ['76', 'дшд', '07264', true, ['60', '53']],
  ['104', 'дшп', '32515', true, ['60']],
  ['234', 'дшп', '74268', true, ['60']],
  ['98', 'вдд', '65451', true, ['37', '44']],
  ['331', 'пдп', '71211', true, ['44']],
  ['217', 'пдп', '62295', true, ['37']],
  ['106', 'вдд', '55599', true, ['71', '62']],
  ['137', 'пдп', '41450', true, ['62']],
  ['51', 'пдп', '33842', true, ['71']],
  ['7', 'дшд', '61756', true, ['23', '26']],
  ['108', 'дшп', '42091', true, ['23']],
  ['247', 'дшп', '54801', true, ['26']],
  ['56', 'одшбр', '74507', true, ['34']],
  ['74', 'омсбр', '21005', true, ['42', '70']],
  ['35', 'омсбр', '41659', true, ['22', '04']],
  ['21', 'омсбр', '12128', true, ['56']],
  ['15', 'омсбр', '90600', true, ['63']],
  ['30', 'омсбр', '45863', false, ['63', '64']],
  ['28', 'омсбр', '34676', false, ['66']],
  ['32', 'омсбр', '22316', false, ['54']],
  ['90', 'тд', '86274', true, ['74', '66', '45']],
  ['2', 'мсд', '23626', true, ['50', '77']],
  ['4', 'тд', '19612', true, ['50', '77']],
  ['150', 'мсд', '22179', false, ['61']],
  ['20', 'мсд', '22220', true, ['34']],
  ['3', 'мсд', '54046', false, ['31', '46']],
  ['144', 'мсд', '23881', true, ['67', '32']],
  ['42', 'мсд', '27777', true, ['20', '05']],
  ['19', 'мсд', '20634', false, ['15', '07']],
  ['205', 'омсбр', '74814', false, ['26']],
  ['34', 'гомсбр', '01485', false, ['09', '07']],
  ['27', 'омсбр', '61899', true, ['50']],
  ['25', 'омсбр', '29760', false, ['60', '53']],
  ['138', 'омсбр', '02511', true, ['47', '78']],
  ['57', 'омсбр', '46102', true, ['27']],
  ['38', 'омсбр', '21720', true, ['28']],
  ['39', 'омсбр', '35390', false, ['65']],
  ['60', 'омсбр', '16871', false, ['25']],
  ['3', 'обрспн', '21208', true, ['63']],
  ['22', 'обрспн', '11659', true, ['61']],
  ['10', 'обрспн', '51532', false, ['23']],
  ['14', 'обрспн', '74854', false, ['27']],
  ['24', 'обрспн', '55433', false, ['54', '38']],
  ['45', 'обрспн', '28337', true, ['50']],
  ['1430', 'мсп', '85381', false, ['77', '50']],
  ['1453', 'мсп', '91706', false, ['66', '74']],
  ['1487', 'мсп', '38643', false, ['54', '55']],
  ['1009', 'мсп', '70027', false, ['21', '16']],
];

const BATTALIONS: [string, string][] = [
  ['Тимер', '16'],
  ['Алга', '16'],
  ['имени Шаймуратова', '02'],
  ['Байкал', '03'],
  ['Алания', '15'],
  ['Тигр', '25'],
  ['Енисей', '24'],
  ['Атаман Платов', '61'],
  ['Урал', '66'],
  ['Кубань', '23'],
];

export const ALL_FORMATIONS: Unit[] = FORMATIONS.map(([num, type, vch, guards, homes]) => ({
  kind: 'formation',
  num,
  type,
  vch,
  guards,
  homes,
}));

const byHome = new Map<string, Unit[]>();
for (const f of ALL_FORMATIONS) {
  if (f.kind !== 'formation') continue;
  for (const h of f.homes) byHome.set(h, [...(byHome.get(h) ?? []), f]);
}
const battalionsByHome = new Map<string, Unit[]>();
for (const [name, home] of BATTALIONS) {
  battalionsByHome.set(home, [...(battalionsByHome.get(home) ?? []), { kind: 'battalion', name, home }]);
}
const barsNumbers = new Weighted(
  Array.from({ length: 30 }, (_, i) => i + 1),
  Array.from({ length: 30 }, (_, i) => 1 / (1 + i * 0.15)),
);

/** Draws a unit for a man from region `region` (pool id tells Chechens, who mostly serve in "Ахмат"). */
export const drawUnit = (rng: Rng, region: string, poolId: string): Unit => {
  if (poolId === 'chechen' && rng.chance(0.55)) return { kind: 'akhmat' };
  const r = rng.next();
  if (r < 0.07) return { kind: 'wagner' };
  if (r < 0.14) return rng.chance(0.6) ? { kind: 'stormz' } : { kind: 'stormv' };
  if (r < 0.22) {
    const local = battalionsByHome.get(region);
    if (local && rng.chance(0.5)) return rng.pick(local);
    return { kind: 'bars', num: barsNumbers.sample(rng) };
  }
  const home = byHome.get(region);
  if (home && rng.chance(0.6)) return rng.pick(home);
  return rng.pick(ALL_FORMATIONS);
};

/** A second unit for a man who changed units (convicts and PMC men mostly went on to regular units). */
export const drawSecondUnit = (rng: Rng, region: string, poolId: string, first: Unit): Unit => {
  for (let i = 0; i < 6; i++) {
    const u =
      first.kind === 'wagner' || first.kind === 'stormz' || first.kind === 'stormv'
        ? rng.chance(0.8)
          ? byHome.get(region) && rng.chance(0.5)
            ? rng.pick(byHome.get(region)!)
            : rng.pick(ALL_FORMATIONS)
          : drawUnit(rng, region, poolId)
        : drawUnit(rng, region, poolId);
    if (!sameUnit(u, first)) return u;
  }
  return rng.pick(ALL_FORMATIONS);
};

export const sameUnit = (a: Unit, b: Unit): boolean => {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'formation' && b.kind === 'formation') return a.vch === b.vch;
  if (a.kind === 'bars' && b.kind === 'bars') return a.num === b.num;
  if (a.kind === 'battalion' && b.kind === 'battalion') return a.name === b.name;
  return true;
};

// ---------------------------------------------------------------------------------------------
// Rendering

export type UnitStyle = 'vch' | 'vchOfficial' | 'short' | 'full' | 'colloquial' | 'combined' | 'bare';

const ordinalRu = (num: string, fem: boolean) => `${num}-${fem ? 'я' : 'й'}`;
const ordinalEn = (num: string) => {
  const n = Number(num);
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${num}th`;
  return `${num}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

const VCH_FORMS = new Weighted(
  ['в/ч #', 'в/ч#', 'вч #', 'вч#', 'В/Ч #', 'в.ч. #', 'ВЧ-#', 'в/ч № #', 'войсковая часть #', 'в/ч-#'],
  [45, 12, 10, 8, 5, 5, 4, 5, 4, 2],
);

const fullName = (f: Extract<Unit, { kind: 'formation' }>, rng: Rng): string => {
  const t = TYPES[f.type];
  const guards = f.guards && rng.chance(0.6);
  const gw = t.fem ? 'гвардейская' : 'гвардейский';
  const parts = [rng.chance(0.75) ? ordinalRu(f.num, t.fem) : f.num];
  if (t.separate) parts.push('отдельная');
  if (guards) parts.push(gw);
  parts.push(t.words);
  return parts.join(' ');
};

const shortName = (f: Extract<Unit, { kind: 'formation' }>, rng: Rng): string => {
  const t = TYPES[f.type];
  const abbr = rng.chance(0.6) ? t.abbr[0] : rng.pick(t.abbr);
  const num = rng.chance(0.75) ? f.num : ordinalRu(f.num, t.fem);
  const gv = f.guards && rng.chance(0.08) ? 'гв. ' : '';
  return rng.chance(0.05) ? `${num}${abbr}` : `${num} ${gv}${abbr}`;
};

const vchName = (vch: string, rng: Rng): string => VCH_FORMS.sample(rng).replace('#', vch);

const SUBUNITS = [
  '1 мсб',
  '2 мсб',
  '3 мсб',
  '1 батальон',
  '2 батальон',
  '3 рота',
  '5 рота',
  'штурмовая рота',
  '2 рота',
];

export const renderUnitRu = (u: Unit, style: UnitStyle, rng: Rng): string => {
  switch (u.kind) {
    case 'wagner':
      return rng.pickW([
        ['ЧВК Вагнер', 30],
        ['ЧВК «Вагнер»', 20],
        ['Вагнер', 15],
        ['ЧВК "Вагнер"', 10],
        ['ЧВК Вагнера', 5],
        ['ЧВК Wagner', 5],
        ['ЧВК «Вагнер», штурмовой отряд', 4],
        ['ЧВК', 3],
        ['Вагнер (Бахмут)', 3],
      ]);
    case 'stormz':
      return rng.pickW([
        ['Шторм-Z', 35],
        ['Шторм Z', 25],
        ['штурмовой отряд «Шторм Z»', 10],
        ['отряд Шторм-Z', 10],
        ['Шторм-Z (осуждённые)', 5],
        ['Шторм-Зет', 3],
        ['Storm-Z', 5],
      ]);
    case 'stormv':
      return rng.pickW([
        ['Шторм-V', 40],
        ['Шторм V', 30],
        ['штурмовой отряд «Шторм V»', 10],
        ['Шторм-В', 10],
      ]);
    case 'bars':
      return rng
        .pickW([
          ['БАРС-#', 45],
          ['БАРС #', 20],
          ['Барс-#', 15],
          ['отряд БАРС-#', 8],
          ['БАРС-# (добровольцы)', 4],
          ['БАРС', 8],
        ])
        .replace('#', String(u.num));
    case 'battalion':
      return rng
        .pickW([
          ['батальон «#»', 35],
          ['батальон #', 20],
          ['#', 15],
          ['добровольческий батальон «#»', 15],
          ['БАРС, батальон «#»', 5],
        ])
        .replace('#', u.name);
    case 'akhmat':
      return rng.pickW([
        ['Ахмат', 35],
        ['спецназ «Ахмат»', 25],
        ['полк «Ахмат-Север»', 10],
        ['Ахмат-Север', 10],
        ['батальон «Ахмат»', 10],
        ['АХМАТ', 5],
      ]);
    case 'formation': {
      const t = TYPES[u.type];
      let s: string;
      switch (style) {
        case 'vch':
          s = vchName(u.vch, rng);
          break;
        case 'vchOfficial':
          s = rng.chance(0.85) ? `войсковая часть ${u.vch}` : `в/ч ${u.vch}`;
          break;
        case 'short':
          s = shortName(u, rng);
          break;
        case 'full':
          s = fullName(u, rng);
          break;
        case 'colloquial':
          s = rng.pickW([
            [`${u.num} ${t.noun}`, 35],
            [`${ordinalRu(u.num, t.fem)} ${t.noun}`, 30],
            [ordinalRu(u.num, t.fem), 15],
            [`${u.num} ${t.noun === 'бригада' ? 'бр.' : t.noun === 'дивизия' ? 'див.' : 'п.'}`, 5],
            [shortName(u, rng), 15],
          ]);
          break;
        case 'combined':
          s = rng.pickW([
            [`${vchName(u.vch, rng)} (${shortName(u, rng)})`, 45],
            [`${shortName(u, rng)} (в/ч ${u.vch})`, 30],
            [`${shortName(u, rng)}, в/ч ${u.vch}`, 25],
          ]);
          break;
        default:
          s = u.vch;
      }
      if (rng.chance(0.03) && (t.noun === 'бригада' || t.noun === 'полк')) s = `${s}, ${rng.pick(SUBUNITS)}`;
      return s;
    }
  }
};

export const renderUnitLatin = (u: Unit, rng: Rng): string => {
  switch (u.kind) {
    case 'wagner':
      return rng.pickW([
        ['PMC Wagner', 50],
        ['Wagner', 20],
        ['Wagner PMC', 15],
        ['PMC "Wagner"', 10],
        ['ChVK Vagner', 5],
      ]);
    case 'stormz':
      return rng.pickW([
        ['Storm-Z', 50],
        ['Storm Z', 30],
        ['Shtorm-Z', 20],
      ]);
    case 'stormv':
      return rng.pickW([
        ['Storm-V', 60],
        ['Shtorm-V', 40],
      ]);
    case 'bars':
      return rng.chance(0.7) ? `BARS-${u.num}` : `BARS ${u.num}`;
    case 'battalion':
      return `${rng.chance(0.5) ? 'battalion ' : ''}"${latinBattalion(u.name)}"`;
    case 'akhmat':
      return rng.pickW([
        ['Akhmat', 60],
        ['Akhmat special forces', 20],
        ['Ahmat', 20],
      ]);
    case 'formation': {
      const t = TYPES[u.type];
      return rng.pickW([
        [`military unit ${u.vch}`, 30],
        [`MU ${u.vch}`, 10],
        [`v/ch ${u.vch}`, 10],
        [`${u.vch}`, 5],
        [`${ordinalEn(u.num)} ${t.en}`, 20],
        [`${u.num} ${t.enAbbr}`, 15],
        [`${ordinalEn(u.num)} ${t.en} (military unit ${u.vch})`, 10],
      ]);
    }
  }
};

const latinBattalion = (name: string): string =>
  ({
    Тимер: 'Timer',
    Алга: 'Alga',
    'имени Шаймуратова': 'Shaimuratov',
    Байкал: 'Baikal',
    Алания: 'Alania',
    Тигр: 'Tigr',
    Енисей: 'Yenisei',
    'Атаман Платов': 'Ataman Platov',
    Урал: 'Ural',
    Кубань: 'Kuban',
  })[name] ?? name;

// How a list writes a region or a military unit. The same place has many names: official,
// colloquial ("Башкирия"), abbreviations that clash ("РБ" is both Bashkortostan and Buryatia,
// "ЧР" both Chechnya and Chuvashia), a town instead of a region, a Soviet name for a birthplace.
import type { RegionStyle, UnitStyle } from './lists.ts';
import { Rng } from './random.ts';
import type { Reference, Region } from './reference.ts';

export function regionText(region: Region, town: string, style: RegionStyle, rng: Rng): string {
  const alias = region.aliases.length ? rng.pick(region.aliases) : region.nameRu;
  switch (style) {
    case 'alias':
      return alias;
    case 'code':
      return region.code;
    case 'town':
      return rng.chance(0.5) ? `г. ${town}` : town;
    case 'town_region':
      return rng.chance(0.5) ? `${alias}, ${town}` : `г. ${town}, ${region.nameRu}`;
    case 'military_office':
      return rng.chance(0.5) || alias.includes(town) ? `военкомат г. ${town}` : `ВК ${alias}, г. ${town}`;
    case 'english':
      return region.nameEn.replace(/ \(occupied\)$/, '');
    default:
      return region.nameRu;
  }
}

export type Special = '' | 'storm_z' | 'storm_v' | 'wagner' | 'bars' | 'akhmat';

export interface Unit {
  vch: number; // "в/ч" five-digit number, 0 for formations that have none in the lists
  num: number; // formation number, e.g. 1009 in "1009 МСП"
  type: number; // index into UNIT_TYPES
  special: Special;
  parent: number; // unit a Storm company is attached to, or -1
  region: number; // where it is garrisoned (its garrison court), -1 if nowhere in particular
}

export const UNIT_TYPES = [
  ['мотострелковый полк', 'МСП', 'полк', 'motor rifle regiment'],
  ['отдельная мотострелковая бригада', 'ОМСБр', 'бригада', 'motor rifle brigade'],
  ['отдельная бригада морской пехоты', 'ОБрМП', 'бригада морпехов', 'naval infantry brigade'],
  ['десантно-штурмовой полк', 'ДШП', 'полк ВДВ', 'air assault regiment'],
  ['танковый полк', 'ТП', 'танковый полк', 'tank regiment'],
  ['артиллерийская бригада', 'АБр', 'артбригада', 'artillery brigade'],
  ['отдельная бригада специального назначения', 'ОБрСпН', 'спецназ', 'special forces brigade'],
  ['стрелковый полк', 'СП', 'полк мобилизованных', 'rifle regiment'],
] as const;

export function buildUnits(ref: Reference, seed: number): { units: Unit[]; homeUnits: number[][] } {
  const rng = new Rng(seed, 0x0417);
  const units: Unit[] = [];
  const usedVch = new Set<number>();
  const add = (type: number, special: Special = '', parent = -1, num = 0, region = -1): number => {
    let vch = 0;
    if (!special) while (vch === 0 || usedVch.has(vch)) vch = rng.int(10000, 99999);
    usedVch.add(vch);
    const formation =
      num || (type === 0 || type === 3 || type === 4 || type === 7 ? rng.int(1, 1500) : rng.int(1, 250));
    return units.push({ vch, num: formation, type, special, parent, region }) - 1;
  };
  // Every region has two garrison units and one regiment of its own mobilized men.
  const homeUnits = ref.regions.map((_r, i) => [
    add(rng.int(0, 6), '', -1, 0, i),
    add(rng.int(0, 6), '', -1, 0, i),
    add(7, '', -1, 0, i),
  ]);
  for (let i = 0; i < 40; i++) add(rng.int(0, 6), '', -1, 0, ref.regionBySoldiers.draw(rng));
  const all = units.length;
  for (let i = 0; i < 40; i++) add(0, 'storm_z', rng.int(0, all - 1));
  for (let i = 0; i < 12; i++) add(0, 'storm_v', rng.int(0, all - 1));
  for (let i = 1; i <= 30; i++) add(0, 'bars', -1, i);
  add(0, 'wagner');
  add(0, 'akhmat');
  return { units, homeUnits };
}

const VCH_FORMS = [
  'в/ч {v}',
  'в/ч {v}',
  'в/ч{v}',
  'В/Ч {v}',
  'войсковая часть {v}',
  'ВЧ-{v}',
  'в.ч. {v}',
  '{v}',
  'в/ч № {v}',
];
const SPECIAL_FORMS: Record<string, string[]> = {
  storm_z: ['Шторм Z', 'Шторм-Z', 'ШО «Шторм Z»', 'штурмовой отряд "Шторм Z"', 'шторм z'],
  storm_v: ['Шторм V', 'Шторм-V', '«Шторм V»', 'контракт Шторм V'],
  wagner: ['ЧВК Вагнер', 'Вагнер', 'ЧВК «Вагнер»', 'ЧВК "Вагнер"', 'ЧВК Вагнера', 'Проект К'],
  bars: ['БАРС-{n}', 'БАРС {n}', 'батальон БАРС-{n}', 'добровольческий отряд «БАРС-{n}»'],
  akhmat: ['Ахмат', 'спецназ «Ахмат»', 'полк Ахмат', 'АХМАТ'],
};
const SPECIAL_ENGLISH: Record<string, string> = {
  storm_z: 'Storm-Z',
  storm_v: 'Storm-V',
  wagner: 'Wagner Group',
  bars: 'BARS-{n}',
  akhmat: 'Akhmat',
};

const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')}`;

export function unitText(units: Unit[], index: number, style: UnitStyle, rng: Rng): string {
  const u = units[index];
  const fill = (form: string, unit: Unit = u) => form.replace('{v}', String(unit.vch)).replace('{n}', String(unit.num));
  if (u.special) {
    if (style === 'english') return fill(SPECIAL_ENGLISH[u.special]);
    const text = fill(rng.pick(SPECIAL_FORMS[u.special]));
    // A Storm company is often written together with the unit it was attached to.
    return u.parent >= 0 && rng.chance(0.3) ? `${text}, ${fill(rng.pick(VCH_FORMS), units[u.parent])}` : text;
  }
  const [full, abbr, short, english] = UNIT_TYPES[u.type];
  const feminine = full.includes('бригада');
  switch (style) {
    case 'vch':
      return fill(rng.pick(VCH_FORMS));
    case 'vch_genitive':
      return rng.chance(0.7) ? `войсковой части ${u.vch}` : `в/ч ${u.vch}`;
    case 'both':
      return `в/ч ${u.vch} (${u.num} ${abbr})`;
    case 'english':
      return rng.chance(0.5) ? `military unit ${u.vch}` : `${ordinal(u.num)} ${english}`;
    case 'informal':
      if (u.type === 2 && rng.chance(0.3)) return 'морпехи';
      return rng.chance(0.6) ? `${u.num} ${short}` : `${short} ${u.num}`;
    default:
      return rng.pick([`${u.num} ${abbr}`, `${u.num}-${feminine ? 'я' : 'й'} ${full}`, `${u.num} ${short}`]);
  }
}

// Military units. Numbers are synthetic (5-digit "в/ч" numbers and separate field-post numbers);
// the formation types and the ways of writing them are real. Units are garrisoned in regions and
// recruit mostly locally, so brothers and neighbours often share a unit.
import { NEIGHBOURS, REGIONS } from './regions.ts';
import { Rng, Weighted } from './rng.ts';
import { ruLettersToUa } from './script.ts';

export interface Unit {
  num: string;
  /** Field post number ("полевая почта"): a different number for the same unit. */
  fpn: string;
  type: string;
  n: number;
  region: number;
}

// abbreviation, full name (feminine for brigades, masculine for regiments), share
const TYPES: Array<[string, string, number]> = [
  ['ОМСБр', 'отдельная мотострелковая бригада', 30],
  ['МСП', 'мотострелковый полк', 20],
  ['ОБрМП', 'отдельная бригада морской пехоты', 8],
  ['ОДШБр', 'отдельная десантно-штурмовая бригада', 8],
  ['ПДП', 'парашютно-десантный полк', 6],
  ['ТП', 'танковый полк', 6],
  ['АБр', 'артиллерийская бригада', 6],
  ['ОБрСпН', 'отдельная бригада специального назначения', 3],
  ['ОТБр', 'отдельная танковая бригада', 4],
];
const typePick = new Weighted(TYPES.map((t) => [t, t[2]] as const));
const FULL = new Map(TYPES.map((t) => [t[0], t[1]]));
FULL.set('СП', 'стрелковый полк');

export interface UnitCatalog {
  units: Unit[];
  /** Regular units garrisoned in each region. */
  byRegion: number[][];
  /** Regiments of men mobilised in each region. */
  mobilised: number[][];
  national: Weighted<number>;
}

export function buildUnits(seed: number): UnitCatalog {
  const rng = new Rng(seed, 0x0417);
  const units: Unit[] = [];
  const used = new Set<string>();
  const fiveDigits = (): string => {
    for (;;) {
      const s = String(rng.int(10000, 99999));
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const add = (type: string, n: number, region: number): number => {
    units.push({ num: fiveDigits(), fpn: fiveDigits(), type, n, region });
    return units.length - 1;
  };
  const byRegion: number[][] = [];
  const mobilised: number[][] = [];
  const natPairs: Array<[number, number]> = [];
  const maxW = Math.max(...REGIONS.map((r) => r.weight));
  REGIONS.forEach((r, ri) => {
    const occupied = r.iso === 'DNR' || r.iso === 'LNR';
    const count = 1 + Math.round(5 * Math.sqrt(r.weight / maxW));
    const regs: number[] = [];
    for (let i = 0; i < count; i++) {
      if (occupied) regs.push(add('СП', rng.int(1, 200), ri));
      else {
        const t = typePick.sample(rng);
        regs.push(add(t[0], t[1].includes('полк') ? rng.int(1, 1500) : rng.int(1, 250), ri));
      }
    }
    byRegion.push(regs);
    const mobs: number[] = [];
    const m = occupied ? 2 : 1 + (rng.chance(r.weight / maxW) ? 1 : 0);
    for (let i = 0; i < m; i++) mobs.push(add(occupied ? 'СП' : 'МСП', rng.int(1000, 1600), ri));
    mobilised.push(mobs);
    for (const u of regs) natPairs.push([u, r.weight / regs.length]);
  });
  return { units, byRegion, mobilised, national: new Weighted(natPairs) };
}

/** A regular unit for a man from region `ri`: mostly local, sometimes a neighbour's, sometimes anywhere. */
export function pickRegularUnit(cat: UnitCatalog, ri: number, rng: Rng): number {
  const x = rng.next();
  if (x < 0.55) return rng.pick(cat.byRegion[ri]);
  if (x < 0.7) {
    const nb = NEIGHBOURS[REGIONS[ri].iso];
    if (nb) {
      const j = REGIONS.findIndex((r) => r.iso === rng.pick(nb));
      if (j >= 0) return rng.pick(cat.byRegion[j]);
    }
  }
  return cat.national.sample(rng);
}

export type UnitStyle = 'vch' | 'full' | 'num' | 'name' | 'fpn' | 'mixed' | 'latin' | 'ua';

const VCH = ['в/ч ', 'в/ч', 'В/Ч ', 'в/ч-', 'вч ', 'в.ч. ', 'в.ч.', 'ВЧ-', 'в/ч № '];

function unitName(u: Unit, rng: Rng): string {
  const full = FULL.get(u.type) ?? u.type;
  const fem = full.includes('бригада');
  const ord = `${u.n}-${fem ? 'я' : 'й'}`;
  const x = rng.next();
  if (x < 0.35) return `${u.n} ${u.type}`;
  if (x < 0.5) return `${ord} ${u.type}`;
  if (x < 0.6) return `${u.n} ${u.type.toLowerCase()}`;
  if (x < 0.8) return `${ord} ${full}`;
  if (x < 0.9) return `${u.n} ${full.replace(/^отдельная /, '')}`;
  return `${u.n} ${fem ? 'бригада' : 'полк'}`;
}

/** The unit field as a list of this style writes a numbered unit. */
export function unitText(u: Unit, style: UnitStyle, rng: Rng): string {
  switch (style) {
    case 'vch':
      return rng.pick(VCH) + u.num;
    case 'full':
      return `войсковая часть ${u.num}`;
    case 'num':
      return u.num;
    case 'name':
      return unitName(u, rng);
    case 'fpn':
      return `${rng.pick(['п/п ', 'полевая почта ', 'ПП ', 'п/п № '])}${u.fpn}`;
    case 'mixed':
      return rng.chance(0.5) ? `в/ч ${u.num} (${u.n} ${u.type})` : `${u.n} ${u.type}, в/ч ${u.num}`;
    case 'latin':
      if (rng.chance(0.6)) return `military unit ${u.num}`;
      return `${u.n} ${u.type === 'ОМСБр' ? 'OMSBr' : (FULL.get(u.type) ?? '').includes('полк') ? 'regiment' : 'brigade'}`;
    case 'ua':
      return rng.chance(0.7) ? `в/ч ${u.num}` : ruLettersToUa(`${u.n} ${FULL.get(u.type) ?? u.type}`);
  }
}

/** Sub-unit prefixes volunteers and families add ("2 мсб", "3 рота"). */
export function subUnit(rng: Rng): string {
  return rng.pick([
    `${rng.int(1, 4)} мсб`,
    `${rng.int(1, 9)} рота`,
    `${rng.int(1, 3)} батальон`,
    `${rng.int(1, 4)} дшб`,
  ]);
}

export const STORM = ['Шторм Z', 'Шторм-Z', 'штурмовая рота Z', 'Шторм Z', 'шторм z', 'роты Шторм-Z'];
export const WAGNER = ['ЧВК Вагнер', 'ЧВК «Вагнер»', 'Вагнер', 'ЧВК "Вагнер"', 'ЧВК Wagner', 'ЧВК', 'вагнер'];
// Regional volunteer battalions: my own short list of the well-known kind of names.
export const VOLUNTEER: Record<string, string[]> = {
  bashkir: ['батальон им. Шаймуратова', 'Шаймуратов'],
  tatar: ['батальон Алга', 'Алга'],
  buryat: ['батальон Байкал', 'Байкал'],
  vainakh: ['Ахмат', 'спецназ Ахмат', 'полк Ахмат'],
  other: ['БАРС', 'добровольческий отряд', 'добровольческий батальон', 'БАРС-'],
};

import { Rng } from './prng.ts';
import { regions } from './regions.ts';
import { Weighted } from './weighted.ts';

// A pool of military units, built from the seed: every unit has a five-digit number (войсковая
// часть) and most a formation (55-я отдельная мотострелковая бригада). Numbers and ordinals are
// drawn at random, so units are plausible but not the real ones. Mobilised men mostly went to
// regiments formed in their own region; volunteers to named regional battalions; convicts to
// "Шторм Z" assault companies attached to regular units, or to a PMC.

export interface FormationType {
  abbr: string;
  full: string;
  en: string;
  enAbbr: string;
  noun: 'бригада' | 'полк' | 'батальон';
  nounEn: 'Brigade' | 'Regiment' | 'Battalion';
  weight: number;
  size: number;
  ordinals: readonly [number, number];
}

// biome-ignore format: data table
export const FORMATION_TYPES: readonly FormationType[] = [
  { abbr: 'омсбр', full: 'отдельная мотострелковая бригада', en: 'Separate Motor Rifle Brigade', enAbbr: 'OMSBr', noun: 'бригада', nounEn: 'Brigade', weight: 20, size: 3, ordinals: [1, 210] },
  { abbr: 'мсп', full: 'мотострелковый полк', en: 'Motor Rifle Regiment', enAbbr: 'MSP', noun: 'полк', nounEn: 'Regiment', weight: 25, size: 2, ordinals: [1, 600] },
  { abbr: 'тп', full: 'танковый полк', en: 'Tank Regiment', enAbbr: 'TP', noun: 'полк', nounEn: 'Regiment', weight: 6, size: 1.5, ordinals: [1, 300] },
  { abbr: 'отбр', full: 'отдельная танковая бригада', en: 'Separate Tank Brigade', enAbbr: 'OTBr', noun: 'бригада', nounEn: 'Brigade', weight: 2, size: 2, ordinals: [1, 200] },
  { abbr: 'обрмп', full: 'отдельная бригада морской пехоты', en: 'Separate Naval Infantry Brigade', enAbbr: 'OBrMP', noun: 'бригада', nounEn: 'Brigade', weight: 5, size: 3, ordinals: [1, 200] },
  { abbr: 'пдп', full: 'парашютно-десантный полк', en: 'Parachute Regiment', enAbbr: 'PDP', noun: 'полк', nounEn: 'Regiment', weight: 6, size: 2, ordinals: [1, 400] },
  { abbr: 'дшп', full: 'десантно-штурмовой полк', en: 'Air Assault Regiment', enAbbr: 'DShP', noun: 'полк', nounEn: 'Regiment', weight: 4, size: 2, ordinals: [1, 300] },
  { abbr: 'одшбр', full: 'отдельная десантно-штурмовая бригада', en: 'Separate Air Assault Brigade', enAbbr: 'ODShBr', noun: 'бригада', nounEn: 'Brigade', weight: 4, size: 3, ordinals: [1, 200] },
  { abbr: 'обрспн', full: 'отдельная бригада специального назначения', en: 'Separate Special Purpose Brigade', enAbbr: 'OBrSpN', noun: 'бригада', nounEn: 'Brigade', weight: 3, size: 1.5, ordinals: [1, 30] },
  { abbr: 'абр', full: 'артиллерийская бригада', en: 'Artillery Brigade', enAbbr: 'ABr', noun: 'бригада', nounEn: 'Brigade', weight: 4, size: 1, ordinals: [1, 400] },
  { abbr: 'сап', full: 'самоходный артиллерийский полк', en: 'Self-Propelled Artillery Regiment', enAbbr: 'SAP', noun: 'полк', nounEn: 'Regiment', weight: 3, size: 1, ordinals: [1, 400] },
  { abbr: 'ошб', full: 'отдельный штурмовой батальон', en: 'Separate Assault Battalion', enAbbr: 'OShB', noun: 'батальон', nounEn: 'Battalion', weight: 4, size: 1, ordinals: [1, 300] },
  { abbr: 'омсб', full: 'отдельный мотострелковый батальон', en: 'Separate Motor Rifle Battalion', enAbbr: 'OMSB', noun: 'батальон', nounEn: 'Battalion', weight: 4, size: 1, ordinals: [1, 300] },
];
const MOBILISED_REGIMENT = FORMATION_TYPES[1];

// biome-ignore format: word lists
const VOLUNTEER_NAMES = ['Кедр', 'Сибиряк', 'Ангара', 'Саяны', 'Терек', 'Тайга', 'Заря', 'Енисей', 'Кама', 'Тобол',
  'Ока', 'Исеть', 'Шилка', 'Аргунь', 'Селенга', 'Сура', 'Хопёр', 'Миасс', 'Ишим', 'Вага'];
const PMC_NAMES = ['Гранит', 'Рубеж', 'Сокол-М'];

export type UnitKind = 'regular' | 'mobilised' | 'volunteer' | 'pmc';

export interface Unit {
  index: number;
  kind: UnitKind;
  /** Five digits, or null (a PMC detachment has none). */
  number: string | null;
  /** Null for units known only by number (support, repair, signals units). */
  type: FormationType | null;
  ordinal: number;
  guards: boolean;
  /** A volunteer battalion's or a PMC's name. */
  name: string | null;
  region: number;
}

export interface UnitPool {
  units: readonly Unit[];
  regular: Weighted<number>;
  regularByRegion: ReadonlyMap<number, Weighted<number>>;
  mobilisedByRegion: ReadonlyMap<number, readonly number[]>;
  volunteer: Weighted<number>;
  volunteerByRegion: ReadonlyMap<number, readonly number[]>;
  pmc: Weighted<number>;
}

const UNIT_STREAM = 0x756e6974;

export function buildUnitPool(seed: number): UnitPool {
  const rng = new Rng(seed, UNIT_STREAM);
  const regionList = regions();
  const regionPick = new Weighted(regionList.map((r) => [r.index, r.weight] as const));
  const types = new Weighted(FORMATION_TYPES.map((t) => [t, t.weight] as const));
  const usedNumbers = new Set<string>();
  const usedOrdinals = new Set<string>();
  const units: Unit[] = [];
  const newNumber = (): string => {
    for (;;) {
      const n = String(rng.range(10000, 99999));
      if (!usedNumbers.has(n)) {
        usedNumbers.add(n);
        return n;
      }
    }
  };
  const newOrdinal = (type: FormationType, lo = type.ordinals[0], hi = type.ordinals[1]): number => {
    for (;;) {
      const n = rng.range(lo, hi);
      if (!usedOrdinals.has(`${type.abbr}${n}`)) {
        usedOrdinals.add(`${type.abbr}${n}`);
        return n;
      }
    }
  };
  const add = (u: Omit<Unit, 'index'>): number => units.push({ ...u, index: units.length }) - 1;

  const regularWeights: [number, number][] = [];
  for (let i = 0; i < 170; i++) {
    const type = types.pick(rng);
    const id = add({
      kind: 'regular',
      number: newNumber(),
      type,
      ordinal: newOrdinal(type),
      guards: rng.chance(0.4),
      name: null,
      region: regionPick.pick(rng),
    });
    regularWeights.push([id, type.size]);
  }
  for (let i = 0; i < 60; i++) {
    const id = add({
      kind: 'regular',
      number: newNumber(),
      type: null,
      ordinal: 0,
      guards: false,
      name: null,
      region: regionPick.pick(rng),
    });
    regularWeights.push([id, 0.8]);
  }
  const mobilisedByRegion = new Map<number, number[]>();
  for (const region of regionList) {
    // Large regions formed two or three regiments of mobilised men.
    const count = region.weight > 5e6 ? 3 : region.weight > 2e6 ? 2 : 1;
    const ids: number[] = [];
    for (let k = 0; k < count; k++) {
      ids.push(
        add({
          kind: 'mobilised',
          number: newNumber(),
          type: MOBILISED_REGIMENT,
          ordinal: newOrdinal(MOBILISED_REGIMENT, 1000, 1499),
          guards: false,
          name: null,
          region: region.index,
        }),
      );
    }
    mobilisedByRegion.set(region.index, ids);
  }
  const volunteerByRegion = new Map<number, number[]>();
  const volunteerWeights: [number, number][] = [];
  for (const name of VOLUNTEER_NAMES) {
    const region = regionPick.pick(rng);
    const id = add({
      kind: 'volunteer',
      number: rng.chance(0.5) ? newNumber() : null,
      type: null,
      ordinal: 0,
      guards: false,
      name,
      region,
    });
    volunteerByRegion.set(region, [...(volunteerByRegion.get(region) ?? []), id]);
    volunteerWeights.push([id, 1]);
  }
  const pmcWeights: [number, number][] = [];
  PMC_NAMES.forEach((name, k) => {
    for (let detachment = 1; detachment <= 10; detachment++) {
      const id = add({ kind: 'pmc', number: null, type: null, ordinal: detachment, guards: false, name, region: -1 });
      pmcWeights.push([id, 3 - k]);
    }
  });

  const regularByRegion = new Map<number, Weighted<number>>();
  for (const region of regionList) {
    const local = regularWeights.filter(([id]) => units[id].region === region.index);
    if (local.length > 0) regularByRegion.set(region.index, new Weighted(local));
  }
  return {
    units,
    regular: new Weighted(regularWeights),
    regularByRegion,
    mobilisedByRegion,
    volunteer: new Weighted(volunteerWeights),
    volunteerByRegion,
    pmc: new Weighted(pmcWeights),
  };
}

export type Category = 'contract' | 'mobilised' | 'convict' | 'pmc' | 'volunteer' | 'conscript';

export interface Assignment {
  unit: number;
  /** A convict in a "Шторм Z" company attached to the unit. */
  storm: boolean;
}

function regularUnit(rng: Rng, pool: UnitPool, region: number, localShare: number): number {
  const local = pool.regularByRegion.get(region);
  return local && rng.chance(localShare) ? local.pick(rng) : pool.regular.pick(rng);
}

export function assignUnit(rng: Rng, pool: UnitPool, category: Category, region: number): Assignment {
  switch (category) {
    case 'mobilised': {
      const own = pool.mobilisedByRegion.get(region) ?? [];
      return {
        unit: own.length && rng.chance(0.65) ? rng.pick(own) : regularUnit(rng, pool, region, 0.3),
        storm: false,
      };
    }
    case 'volunteer': {
      const own = pool.volunteerByRegion.get(region) ?? [];
      if (own.length && rng.chance(0.6)) return { unit: rng.pick(own), storm: false };
      return { unit: rng.chance(0.75) ? pool.volunteer.pick(rng) : regularUnit(rng, pool, region, 0.3), storm: false };
    }
    case 'pmc':
      return { unit: pool.pmc.pick(rng), storm: false };
    case 'convict':
      return rng.chance(0.7)
        ? { unit: regularUnit(rng, pool, region, 0.2), storm: true }
        : { unit: pool.pmc.pick(rng), storm: false };
    case 'conscript':
      return { unit: regularUnit(rng, pool, region, 0.3), storm: false };
    case 'contract':
      return { unit: regularUnit(rng, pool, region, 0.45), storm: false };
  }
}

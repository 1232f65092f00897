// Military units: an open number (в/ч 12345) bound to a formation (55 омсбр). Each region has a
// few units that take most of its people, plus nationally recruited units (airborne, marines,
// spetsnaz), so a unit is shared by hundreds or thousands of records, as in real lists.
import { Rng, Weighted, zipf } from './rng.ts';
import type { Region } from './pools.ts';

interface FormationType {
  abbr: string;
  latin: string;
  ru: string;
  en: string;
  weight: number;
  national: boolean;
}

const TYPES: FormationType[] = [
  {
    abbr: 'омсбр',
    latin: 'OMSBr',
    ru: 'отдельная мотострелковая бригада',
    en: 'Separate Motor Rifle Brigade',
    weight: 40,
    national: false,
  },
  { abbr: 'мсп', latin: 'MSP', ru: 'мотострелковый полк', en: 'Motor Rifle Regiment', weight: 20, national: false },
  { abbr: 'мсд', latin: 'MSD', ru: 'мотострелковая дивизия', en: 'Motor Rifle Division', weight: 5, national: false },
  { abbr: 'отбр', latin: 'OTBr', ru: 'отдельная танковая бригада', en: 'Tank Brigade', weight: 4, national: false },
  { abbr: 'тп', latin: 'TP', ru: 'танковый полк', en: 'Tank Regiment', weight: 4, national: false },
  { abbr: 'абр', latin: 'ABr', ru: 'артиллерийская бригада', en: 'Artillery Brigade', weight: 3, national: false },
  {
    abbr: 'одшбр',
    latin: 'ODShBr',
    ru: 'отдельная десантно-штурмовая бригада',
    en: 'Air Assault Brigade',
    weight: 8,
    national: true,
  },
  { abbr: 'пдп', latin: 'PDP', ru: 'парашютно-десантный полк', en: 'Parachute Regiment', weight: 6, national: true },
  {
    abbr: 'обрмп',
    latin: 'OBrMP',
    ru: 'отдельная бригада морской пехоты',
    en: 'Naval Infantry Brigade',
    weight: 6,
    national: true,
  },
  {
    abbr: 'обрспн',
    latin: 'OBrSpN',
    ru: 'отдельная бригада специального назначения',
    en: 'Spetsnaz Brigade',
    weight: 4,
    national: true,
  },
];

export interface Unit {
  number: string;
  formationNumber: number;
  type: FormationType;
}

export class UnitPool {
  private readonly byRegion = new Map<string, Weighted<Unit>>();
  private readonly national: Weighted<Unit>;

  constructor(regions: readonly Region[], seed: number) {
    const rng = new Rng(seed ^ 0x5eed);
    const usedNumbers = new Set<string>();
    const usedFormations = new Set<string>();
    const typeSampler = (national: boolean) => {
      const types = TYPES.filter((t) => t.national === national);
      return new Weighted(
        types,
        types.map((t) => t.weight),
      );
    };
    const samplers = { army: typeSampler(false), national: typeSampler(true) };
    const make = (national: boolean): Unit => {
      const type = (national ? samplers.national : samplers.army).draw(rng);
      let number: string;
      do number = String(rng.int(10000, 99999));
      while (usedNumbers.has(number));
      usedNumbers.add(number);
      // Formation numbers are unique per type; most are below 300 (as in reality), and when a
      // common type has used those up the range widens, so the loop always ends.
      let formationNumber: number;
      let tries = 0;
      do formationNumber = rng.int(1, tries++ < 50 ? 300 : 999);
      while (usedFormations.has(`${formationNumber}${type.abbr}`));
      usedFormations.add(`${formationNumber}${type.abbr}`);
      return { number, formationNumber, type };
    };
    for (const r of regions) {
      const units = Array.from({ length: rng.int(3, 7) }, () => make(false));
      this.byRegion.set(r.code, new Weighted(units, zipf(units.length, 1.2)));
    }
    const nationals = Array.from({ length: 40 }, () => make(true));
    this.national = new Weighted(nationals, zipf(nationals.length, 0.8));
  }

  draw(rng: Rng, region: Region): Unit {
    return rng.chance(0.8) ? this.byRegion.get(region.code)!.draw(rng) : this.national.draw(rng);
  }
}

const ordinalEn = (n: number) => {
  const s =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
};
/** Russian ordinal ending agreeing with the type's gender (бригада -я, полк -й). */
const ordinalRu = (n: number, t: FormationType) => `${n}-${/полк/.test(t.ru) ? 'й' : 'я'}`;

export type UnitForm = 'unit_number' | 'unit_formation' | 'unit_both' | 'unit_vague' | 'empty_unit';

const RU_NUMBER = [
  (n: string) => `в/ч ${n}`,
  (n: string) => `вч${n}`,
  (n: string) => `В/Ч ${n}`,
  (n: string) => `войсковая часть ${n}`,
  (n: string) => n,
  (n: string) => `в/ч №${n}`,
];
const EN_NUMBER = [
  (n: string) => `military unit ${n}`,
  (n: string) => `unit ${n}`,
  (n: string) => n,
  (n: string) => `v/ch ${n}`,
];
const guards = (t: FormationType) => (/полк/.test(t.ru) ? 'гвардейский' : 'гвардейская');
const RU_FORMATION = [
  (n: number, t: FormationType) => `${n} ${t.abbr}`,
  (n: number, t: FormationType) => `${ordinalRu(n, t)} ${t.abbr}`,
  (n: number, t: FormationType) => `${ordinalRu(n, t)} ${t.ru}`,
  (n: number, t: FormationType) => `${n} ${t.abbr.toUpperCase()}`,
  (n: number, t: FormationType) => `${ordinalRu(n, t)} ${guards(t)} ${t.ru}`,
];
const EN_FORMATION = [
  (n: number, t: FormationType) => `${ordinalEn(n)} ${t.en}`,
  (n: number, t: FormationType) => `${n} ${t.latin}`,
  (n: number, t: FormationType) => `${ordinalEn(n)} Guards ${t.en}`,
];

function numberText(rng: Rng, u: Unit, latin: boolean): string {
  return rng.pick(latin ? EN_NUMBER : RU_NUMBER)(u.number);
}

function formationText(rng: Rng, u: Unit, latin: boolean): string {
  return rng.pick(latin ? EN_FORMATION : RU_FORMATION)(u.formationNumber, u.type);
}

/** Writes a unit the way a given kind of source would. (No closures here: this runs per record.) */
export function renderUnit(rng: Rng, u: Unit, form: UnitForm, latin: boolean): string {
  switch (form) {
    case 'unit_number':
      return numberText(rng, u, latin);
    case 'unit_formation':
      return formationText(rng, u, latin);
    case 'unit_both':
      return rng.chance(0.5)
        ? `${numberText(rng, u, latin)} (${formationText(rng, u, latin)})`
        : `${formationText(rng, u, latin)}, ${numberText(rng, u, latin)}`;
    // What comrades often write: the number without the formation type.
    case 'unit_vague':
      return latin ? `${ordinalEn(u.formationNumber)} brigade` : `${u.formationNumber}${rng.pick(VAGUE_RU)}`;
    default:
      return '';
  }
}

const VAGUE_RU = [' бригада', '-я бригада', ' полк'];

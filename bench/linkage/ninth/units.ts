/**
 * Military units. A unit has a 5-digit "в/ч" number (what documents and families quote) and a
 * formation name ("1009-й мотострелковый полк", what obituaries and chats quote). The two are not
 * derivable from each other, so the unit cell links records only when two lists chose the same form.
 */
import type { Region } from './reference.ts';
import { type Rng, Weighted } from './rng.ts';

export type Path = 'mobilised' | 'contract' | 'convict' | 'conscript' | 'volunteer';

export interface UnitKind {
  long: string;
  short: string;
  en: string;
  /** Word an obituary uses instead of the unit ("десантник"). */
  branch: string;
  numbers: [number, number];
}

export interface Unit {
  vch: string;
  number: number;
  kind: UnitKind;
  base: Region;
  /** Irregular formations (PMC, volunteer detachments) have no в/ч and a fixed name. */
  irregular?: string;
}

const REGULAR: Array<[UnitKind, number]> = [
  [
    {
      long: 'мотострелковый полк',
      short: 'мсп',
      en: 'Motor Rifle Regiment',
      branch: 'мотострелок',
      numbers: [1000, 1600],
    },
    5,
  ],
  [
    {
      long: 'мотострелковая бригада',
      short: 'омсбр',
      en: 'Motor Rifle Brigade',
      branch: 'мотострелок',
      numbers: [2, 200],
    },
    3,
  ],
  [
    {
      long: 'десантно-штурмовой полк',
      short: 'дшп',
      en: 'Air Assault Regiment',
      branch: 'десантник',
      numbers: [51, 350],
    },
    2,
  ],
  [
    {
      long: 'бригада морской пехоты',
      short: 'обрмп',
      en: 'Naval Infantry Brigade',
      branch: 'морпех',
      numbers: [40, 810],
    },
    1,
  ],
  [{ long: 'танковый полк', short: 'тп', en: 'Tank Regiment', branch: 'танкист', numbers: [1, 300] }, 1],
  [
    { long: 'артиллерийская бригада', short: 'абр', en: 'Artillery Brigade', branch: 'артиллерист', numbers: [1, 300] },
    1,
  ],
  [{ long: 'отряд «Шторм Z»', short: 'Шторм Z', en: 'Storm-Z detachment', branch: 'штурмовик', numbers: [1, 99] }, 1],
];

const IRREGULAR: Array<[string, string, string]> = [
  ['ЧВК «Вагнер»', 'Вагнер', 'Wagner PMC'],
  ['полк «Ахмат»', 'Ахмат', 'Akhmat regiment'],
  ['добровольческий отряд «Барс-13»', 'Барс-13', 'BARS-13 volunteers'],
  ['добровольческий отряд «Барс-21»', 'Барс-21', 'BARS-21 volunteers'],
];

export class UnitCatalogue {
  private readonly byDistrict = new Map<string, Weighted<Unit>>();
  private readonly all: Weighted<Unit>;
  private readonly irregular: Unit[];

  constructor(regions: Region[], rng: Rng) {
    const kinds = new Weighted(REGULAR);
    const units: Unit[] = [];
    for (const base of regions) {
      for (let i = 0; i < base.garrison * 6; i++) {
        const kind = kinds.pick(rng);
        units.push({ vch: String(rng.range(10000, 99999)), number: rng.range(...kind.numbers), kind, base });
      }
    }
    for (const district of new Set(regions.map((r) => r.district))) {
      const local = units.filter((u) => u.base.district === district);
      if (local.length > 0) this.byDistrict.set(district, new Weighted(local.map((u) => [u, 1] as const)));
    }
    this.all = new Weighted(units.map((u) => [u, 1] as const));
    const south = regions.find((r) => r.code === '61') ?? regions[0];
    const chechnya = regions.find((r) => r.code === '20') ?? south;
    this.irregular = IRREGULAR.map(([long, short, en], i) => ({
      vch: '',
      number: 0,
      kind: { long, short, en, branch: short, numbers: [0, 0] },
      base: i === 1 ? chechnya : south,
      irregular: short,
    }));
  }

  /** Mobilised men and volunteers mostly go to units of their own federal district. */
  assign(path: Path, people: string, home: Region, rng: Rng): Unit {
    if (people === 'chechen' && rng.chance(0.7)) return this.irregular[1];
    if (path === 'convict' && rng.chance(0.55)) return this.irregular[0];
    if (path === 'volunteer' && rng.chance(0.4)) return this.irregular[rng.chance(0.5) ? 2 : 3];
    const localShare = path === 'mobilised' ? 0.75 : path === 'conscript' ? 0.5 : 0.4;
    const local = this.byDistrict.get(home.district);
    if (local && rng.chance(localShare)) return local.pick(rng);
    return this.all.pick(rng);
  }

  any(rng: Rng): Unit {
    return this.all.pick(rng);
  }
}

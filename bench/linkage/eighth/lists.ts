// The lists (sources). Each kind of list was produced differently, covers men in different
// situations, and has its own column conventions; within a kind, list sizes are heavy-tailed and
// most lists are about one region (or, for petitions, one unit).
import type { Man } from './men.ts';
import { REGIONS } from './regions.ts';
import { type Rng, Weighted } from './rng.ts';

export const KINDS = [
  'vk',
  'media',
  'graves',
  'official',
  'form',
  'wanted',
  'sheet',
  'ocr',
  'petition',
  'ua_pow',
  'exchange',
  'court',
] as const;
export type Kind = (typeof KINDS)[number];

export type Layout = 'split' | 'one' | 'one_rev' | 'initials';
export type DateStyle = 'dmy' | 'dmy_nopad' | 'iso' | 'dmy2' | 'text' | 'us' | 'slash' | 'year' | 'none';
export type RegionStyle = 'full' | 'short' | 'adj' | 'informal' | 'code' | 'town' | 'commissariat' | 'none';
export type UnitStyle = 'vch' | 'number' | 'short' | 'long' | 'mixed' | 'none';
export type NameCase = 'title' | 'upper_surname' | 'upper';

interface KindDef {
  what: string;
  /** Lists per 1000 records, at least `min`; share of lists / of records that are national. */
  per1k: number;
  min: number;
  natLists: number;
  natRecords: number;
  /** Spread of list sizes (log-normal sigma of a list's pull). */
  sigma: number;
  layout: Partial<Record<Layout, number>>;
  date: Partial<Record<DateStyle, number>>;
  region: Partial<Record<RegionStyle, number>>;
  unit: Partial<Record<UnitStyle, number>>;
  nameCase: Partial<Record<NameCase, number>>;
}

// biome-ignore format: one entry per kind keeps the table readable
export const KIND_DEFS: Record<Kind, KindDef> = {
  vk: { what: 'memorial posts copied from VK/Telegram groups of towns and regions', per1k: 6, min: 5, natLists: 0.03, natRecords: 0.15, sigma: 1.2,
    layout: { one: 45, split: 45, one_rev: 10 }, date: { dmy: 60, text: 25, dmy2: 10, year: 5 },
    region: { town: 40, short: 20, informal: 20, full: 10, none: 10 }, unit: { short: 40, long: 15, vch: 15, none: 30 }, nameCase: { title: 90, upper_surname: 10 } },
  media: { what: 'lists compiled from news articles and obituaries', per1k: 0.25, min: 3, natLists: 0.7, natRecords: 0.8, sigma: 1,
    layout: { one: 40, split: 50, one_rev: 10 }, date: { dmy: 40, year: 30, text: 20, iso: 10 },
    region: { full: 30, short: 30, town: 25, informal: 15 }, unit: { short: 40, long: 20, vch: 10, none: 30 }, nameCase: { title: 85, upper_surname: 15 } },
  graves: { what: 'photographs of graves and memorial plaques, transcribed', per1k: 3, min: 3, natLists: 0, natRecords: 0, sigma: 1,
    layout: { split: 60, one: 40 }, date: { dmy: 70, year: 30 }, region: { town: 60, short: 20, full: 10, none: 10 },
    unit: { none: 70, short: 30 }, nameCase: { title: 70, upper: 30 } },
  official: { what: 'official replies (MoD, military commissariats) collected by families', per1k: 1, min: 3, natLists: 0.3, natRecords: 0.4, sigma: 1,
    layout: { split: 80, one: 20 }, date: { dmy: 85, text: 15 }, region: { commissariat: 45, full: 35, short: 20 },
    unit: { vch: 80, mixed: 20 }, nameCase: { upper_surname: 50, title: 30, upper: 20 } },
  form: { what: 'search requests filled in by relatives (mother, wife, sister, friend)', per1k: 0.25, min: 3, natLists: 0.3, natRecords: 0.7, sigma: 0.8,
    layout: { split: 100 }, date: { iso: 50, dmy: 45, us: 5 }, region: { full: 30, short: 20, informal: 15, town: 20, adj: 15 },
    unit: { vch: 40, number: 20, short: 20, mixed: 20 }, nameCase: { title: 100 } },
  wanted: { what: '"ищем" posts in Telegram search chats', per1k: 2, min: 3, natLists: 0.05, natRecords: 0.2, sigma: 1.2,
    layout: { one: 60, split: 40 }, date: { dmy: 70, text: 15, dmy2: 10, year: 5 }, region: { town: 40, informal: 30, short: 30 },
    unit: { vch: 40, short: 40, mixed: 20 }, nameCase: { title: 95, upper_surname: 5 } },
  sheet: { what: 'spreadsheets kept by rights groups and volunteers', per1k: 0.8, min: 3, natLists: 0.3, natRecords: 0.6, sigma: 1.3,
    layout: { split: 75, one: 25 }, date: { dmy: 45, iso: 20, us: 10, dmy_nopad: 10, year: 10, slash: 5 },
    region: { short: 30, full: 25, code: 10, informal: 15, adj: 10, town: 10 }, unit: { vch: 30, number: 35, short: 20, none: 15 },
    nameCase: { title: 70, upper_surname: 20, upper: 10 } },
  ocr: { what: 'scanned paper lists (typed or handwritten) run through OCR', per1k: 2, min: 3, natLists: 0.1, natRecords: 0.2, sigma: 1,
    layout: { split: 60, one: 40 }, date: { dmy: 70, dmy2: 20, year: 10 }, region: { short: 40, full: 30, none: 30 },
    unit: { vch: 50, number: 20, none: 30 }, nameCase: { upper_surname: 40, title: 40, upper: 20 } },
  petition: { what: 'appeals signed by wives and mothers of the men of one unit', per1k: 3, min: 3, natLists: 0, natRecords: 0, sigma: 0.8,
    layout: { one: 70, split: 30 }, date: { dmy: 60, dmy2: 25, year: 15 }, region: { none: 60, town: 20, short: 20 },
    unit: { vch: 60, number: 20, short: 20 }, nameCase: { title: 80, upper_surname: 20 } },
  ua_pow: { what: 'Ukrainian-side lists and videos of prisoners of war', per1k: 0.3, min: 3, natLists: 1, natRecords: 1, sigma: 1,
    layout: { one: 50, split: 50 }, date: { year: 55, dmy: 40, iso: 5 }, region: { full: 40, short: 30, town: 20, none: 10 },
    unit: { short: 40, vch: 30, none: 30 }, nameCase: { title: 90, upper: 10 } },
  exchange: { what: 'lists of men returned in prisoner exchanges', per1k: 1.2, min: 3, natLists: 1, natRecords: 1, sigma: 0.6,
    layout: { one: 60, split: 40 }, date: { year: 60, dmy: 40 }, region: { short: 50, full: 30, none: 20 },
    unit: { none: 60, short: 40 }, nameCase: { title: 60, upper_surname: 40 } },
  court: { what: 'garrison court cards (refusal, AWOL): surname and initials only', per1k: 12, min: 5, natLists: 0, natRecords: 0, sigma: 0.5,
    layout: { initials: 100 }, date: { year: 50, dmy: 30, none: 20 }, region: { town: 100 }, unit: { vch: 100 }, nameCase: { title: 100 } },
};

/** Which kinds of list a man appears in, by what happened to him. */
const BY_STATUS: Record<string, Weighted<Kind>> = {
  D: Weighted.of<Kind>({ vk: 30, media: 14, graves: 16, official: 8, sheet: 14, ocr: 4, form: 4 }),
  M: Weighted.of<Kind>({ form: 30, wanted: 24, sheet: 16, official: 10, ocr: 8, petition: 8, media: 2 }),
  P: Weighted.of<Kind>({ ua_pow: 34, form: 18, wanted: 10, sheet: 14, media: 6, official: 6, petition: 6, ocr: 6 }),
  X: Weighted.of<Kind>({ exchange: 55, media: 15, sheet: 15, form: 5, ua_pow: 10 }),
  R: Weighted.of<Kind>({ sheet: 25, court: 25, media: 15, form: 15, petition: 15, ocr: 5 }),
};

// Chance that a repeat of a man in a list he is already in is kept rather than re-drawn.
const DUPLICATE_KEPT: Partial<Record<Kind, number>> = { form: 0.08, sheet: 0.08, wanted: 0.05, petition: 0.03 };

export interface ListDef {
  id: string;
  kind: Kind;
  scope: 'national' | 'region' | 'unit';
  region: number;
  unit: number;
  weight: number;
  layout: Layout;
  date: DateStyle;
  regionStyle: RegionStyle;
  unitStyle: UnitStyle;
  nameCase: NameCase;
  /** Ukrainian outlets differ on writing Russian е as є (Медведєв). */
  softE: boolean;
}

export function createLists(n: number, men: Man[], rng: Rng): ListDef[] {
  const regionW = new Float64Array(REGIONS.length);
  const unitW = new Map<number, number>();
  for (const m of men) {
    regionW[m.home] += m.records;
    if (/[MPR]/.test(m.history)) {
      const u = m.unit;
      unitW.set(u, (unitW.get(u) ?? 0) + m.records);
    }
  }
  const regionPick = new Weighted([...regionW.keys()], [...regionW]);
  const unitPick = new Weighted([...unitW.keys()], [...unitW.values()]);
  const lists: ListDef[] = [];
  for (const kind of KINDS) {
    const d = KIND_DEFS[kind];
    const count = Math.max(d.min, Math.round((n * d.per1k) / 1000));
    const conv = {
      layout: Weighted.of(d.layout),
      date: Weighted.of(d.date),
      region: Weighted.of(d.region),
      unit: Weighted.of(d.unit),
      nameCase: Weighted.of(d.nameCase),
    };
    for (let i = 0; i < count; i++) {
      const national = d.natRecords > 0 && (i === 0 || rng.chance(d.natLists));
      const byUnit = !national && kind === 'petition';
      lists.push({
        id: `${kind}:${String(i + 1).padStart(4, '0')}`,
        kind,
        scope: national ? 'national' : byUnit ? 'unit' : 'region',
        region: national || byUnit ? -1 : regionPick.pick(rng),
        unit: byUnit ? unitPick.pick(rng) : -1,
        weight: rng.lognormal(d.sigma),
        layout: conv.layout.pick(rng),
        date: conv.date.pick(rng),
        regionStyle: conv.region.pick(rng),
        unitStyle: conv.unit.pick(rng),
        nameCase: conv.nameCase.pick(rng),
        softE: rng.chance(0.5),
      });
    }
  }
  return lists;
}

/** Chooses the list for each of a man's records. */
export class ListIndex {
  private readonly national = new Map<Kind, Weighted<number>>();
  private readonly local = new Map<string, Weighted<number>>();
  private readonly anywhere = new Map<Kind, Weighted<number>>();
  duplicates = 0;

  constructor(lists: ListDef[]) {
    const groups = new Map<string, number[]>();
    lists.forEach((l, i) => {
      const key =
        l.scope === 'national' ? l.kind : l.scope === 'unit' ? `${l.kind}#u${l.unit}` : `${l.kind}#r${l.region}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const [key, ids] of groups) {
      const w = new Weighted(
        ids,
        ids.map((i) => lists[i].weight),
      );
      if (key.includes('#')) this.local.set(key, w);
      else this.national.set(key as Kind, w);
    }
    for (const kind of KINDS) {
      const ids = lists.map((l, i) => (l.kind === kind ? i : -1)).filter((i) => i >= 0);
      this.anywhere.set(
        kind,
        new Weighted(
          ids,
          ids.map((i) => lists[i].weight),
        ),
      );
    }
  }

  private pickOne(rng: Rng, kind: Kind, m: Man): number {
    const d = KIND_DEFS[kind];
    const nat = this.national.get(kind);
    if (nat && rng.chance(d.natRecords)) return nat.pick(rng);
    const unitList = this.local.get(`${kind}#u${m.unit}`);
    if (unitList && rng.chance(0.8)) return unitList.pick(rng);
    const local =
      this.local.get(`${kind}#r${m.home}`) ?? (kind === 'petition' ? this.local.get(`ocr#r${m.home}`) : undefined);
    return (local ?? nat ?? this.national.get('sheet')!).pick(rng);
  }

  /** All the lists one man appears in. Re-draws a list he is already in, except that a few
   * lists do hold the same man twice (two relatives filed him; rows merged from two sheets). */
  assign(rng: Rng, m: Man): number[] {
    const out: number[] = [];
    for (let j = 0; j < m.records; j++) {
      const status = m.history[rng.int(0, m.history.length - 1)];
      const kind = BY_STATUS[status].pick(rng);
      let li = this.pickOne(rng, kind, m);
      const keep = rng.chance(DUPLICATE_KEPT[kind] ?? 0);
      for (let t = 0; t < 25 && !keep && out.includes(li); t++) {
        const k = BY_STATUS[status].pick(rng);
        // A much-reported case also reaches lists of other regions (news and rights groups elsewhere).
        li = t < 5 || k === 'petition' || k === 'court' ? this.pickOne(rng, k, m) : this.anywhere.get(k)!.pick(rng);
      }
      if (out.includes(li)) this.duplicates++;
      out.push(li);
    }
    return out;
  }
}

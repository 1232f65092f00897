// The lists. Each kind of list (families' requests, volunteer spreadsheets, obituary roundups,
// Ukrainian lists of captives, exchange lists, court records, MoD replies, anonymous tips,
// memorial lists) holds only some kinds of men, is usually about one region, has a heavy-tailed
// size, and has its own writing habits, drawn once per list so that noise is correlated within it.
import type { Case } from './grammar.ts';
import type { Status } from './men.ts';
import type { RegionStyle } from './region-text.ts';
import { type Rng, Weighted } from './rng.ts';
import type { Latin } from './script.ts';
import type { UnitStyle } from './units.ts';

export const KINDS = [
  'family',
  'volunteer',
  'obituary',
  'memorial',
  'mod',
  'tip',
  'captive',
  'exchange',
  'court',
] as const;
export type Kind = (typeof KINDS)[number];

// Which lists a man can be on, by what happened to him (weights are my judgement).
const BY_STATUS: Record<Status, Array<[Kind, number]>> = {
  dead: [
    ['family', 10],
    ['volunteer', 22],
    ['obituary', 38],
    ['memorial', 12],
    ['mod', 8],
    ['tip', 6],
    ['exchange', 2],
  ],
  missing: [
    ['family', 40],
    ['volunteer', 30],
    ['mod', 15],
    ['tip', 10],
    ['captive', 5],
  ],
  captured: [
    ['family', 20],
    ['volunteer', 20],
    ['captive', 35],
    ['mod', 10],
    ['tip', 10],
    ['exchange', 5],
  ],
  exchanged: [
    ['family', 12],
    ['volunteer', 18],
    ['captive', 25],
    ['exchange', 35],
    ['mod', 5],
    ['tip', 5],
  ],
  refuser: [
    ['court', 45],
    ['family', 15],
    ['volunteer', 30],
    ['tip', 5],
    ['mod', 5],
  ],
};
export const KIND_BY_STATUS = Object.fromEntries(
  Object.entries(BY_STATUS).map(([s, w]) => [s, new Weighted(w)]),
) as Record<Status, Weighted<Kind>>;

interface KindProfile {
  /** Share of this kind's lists that are about one region. */
  regional: number;
  /** Lognormal list size: median and sigma (heavy tail), capped. */
  median: number;
  sigma: number;
  max: number;
}
export const PROFILE: Record<Kind, KindProfile> = {
  family: { regional: 0.6, median: 40, sigma: 1.0, max: 3000 },
  volunteer: { regional: 0.7, median: 50, sigma: 1.5, max: 20000 },
  obituary: { regional: 0.92, median: 30, sigma: 1.2, max: 5000 },
  memorial: { regional: 0.5, median: 80, sigma: 1.2, max: 8000 },
  mod: { regional: 0.5, median: 15, sigma: 1.0, max: 1000 },
  tip: { regional: 0.3, median: 4, sigma: 1.0, max: 300 },
  captive: { regional: 0.03, median: 150, sigma: 1.3, max: 20000 },
  exchange: { regional: 0.05, median: 100, sigma: 0.7, max: 1200 },
  court: { regional: 0.85, median: 8, sigma: 1.2, max: 600 },
};

export type DateMode = 'full' | 'year' | 'age' | 'none';
export type Script = 'ru' | 'ua' | 'uaLatin' | 'latin';

/** One list's habits. Rates are per record; the list draws them around its kind's typical values. */
export interface Habits {
  script: Script;
  latin: Latin;
  /** Ukrainian transcription writes є after consonants (Кузнєцов). */
  soft: boolean;
  caps: 'none' | 'surname' | 'all' | 'lower';
  keepYo: number;
  fioInSurname: number;
  swap: number;
  initials: number;
  nameCase: Case | null;
  caseRate: number;
  dimin: number;
  typo: number;
  ocr: number;
  homoglyph: number;
  spelling: number;
  patronymicDrop: number;
  rank: number;
  callsign: number;
  sparse: number;
  date: Weighted<DateMode>;
  dateFmt: string;
  dateFmtMixed: boolean;
  dmSwap: number;
  dateTypo: number;
  deathInBirth: number;
  region: RegionStyle;
  regionMixed: number;
  regionDrop: number;
  unit: UnitStyle;
  unitDrop: number;
  subUnit: number;
}

const DATE_FORMATS = new Weighted([
  ['DD.MM.YYYY', 55],
  ['YYYY-MM-DD', 12],
  ['D/M/YY', 6],
  ['M/D/YYYY', 4],
  ['D.M.YYYY', 6],
  ['DD.MM.YY', 6],
  ['D месяца YYYY', 7],
  ['D месяца YYYY г.', 2],
  ['DDMMYYYY', 2],
]);
const REGION_STYLES: Record<Kind, Array<[RegionStyle, number]>> = {
  family: [
    ['city', 25],
    ['place', 20],
    ['placeRegion', 20],
    ['short', 20],
    ['abbr', 8],
    ['official', 5],
    ['old', 2],
  ],
  volunteer: [
    ['official', 25],
    ['short', 35],
    ['abbr', 12],
    ['placeRegion', 15],
    ['place', 8],
    ['old', 5],
  ],
  obituary: [
    ['place', 35],
    ['placeRegion', 30],
    ['city', 15],
    ['short', 15],
    ['official', 5],
  ],
  memorial: [
    ['short', 40],
    ['placeRegion', 30],
    ['official', 20],
    ['old', 10],
  ],
  mod: [
    ['commissariat', 55],
    ['official', 35],
    ['short', 10],
  ],
  tip: [
    ['city', 40],
    ['short', 30],
    ['abbr', 15],
    ['place', 15],
  ],
  captive: [
    ['ua', 60],
    ['official', 20],
    ['en', 10],
    ['short', 10],
  ],
  exchange: [
    ['official', 50],
    ['short', 30],
    ['ua', 10],
    ['en', 10],
  ],
  court: [
    ['official', 60],
    ['short', 40],
  ],
};
const UNIT_STYLES: Record<Kind, Array<[UnitStyle, number]>> = {
  family: [
    ['vch', 45],
    ['name', 25],
    ['fpn', 15],
    ['num', 10],
    ['mixed', 5],
  ],
  volunteer: [
    ['vch', 50],
    ['name', 20],
    ['num', 15],
    ['mixed', 10],
    ['fpn', 5],
  ],
  obituary: [
    ['name', 80],
    ['vch', 20],
  ],
  memorial: [
    ['name', 60],
    ['vch', 40],
  ],
  mod: [
    ['full', 80],
    ['vch', 20],
  ],
  tip: [
    ['name', 50],
    ['fpn', 30],
    ['vch', 20],
  ],
  captive: [
    ['ua', 50],
    ['vch', 40],
    ['latin', 10],
  ],
  exchange: [
    ['vch', 70],
    ['name', 30],
  ],
  court: [
    ['full', 50],
    ['vch', 50],
  ],
};
const REGION_W = Object.fromEntries(Object.entries(REGION_STYLES).map(([k, v]) => [k, new Weighted(v)])) as Record<
  Kind,
  Weighted<RegionStyle>
>;
const UNIT_W = Object.fromEntries(Object.entries(UNIT_STYLES).map(([k, v]) => [k, new Weighted(v)])) as Record<
  Kind,
  Weighted<UnitStyle>
>;
const LATIN = new Weighted<Latin>([
  ['icao', 40],
  ['bgn', 25],
  ['informal', 30],
  ['de', 5],
]);

/** Rate around a typical value: lists differ a lot in care (lognormal, sigma 0.7). */
function around(rng: Rng, typical: number): number {
  return typical <= 0 ? 0 : Math.min(0.95, typical * rng.lognormal(-0.25, 0.7));
}

// full, year, age, none birth-date modes by kind
const DATE_W: Record<Kind, number[]> = {
  family: [85, 8, 0, 7],
  volunteer: [70, 15, 5, 10],
  obituary: [25, 5, 40, 30],
  memorial: [92, 5, 0, 3],
  mod: [95, 0, 0, 5],
  tip: [5, 5, 10, 80],
  captive: [88, 7, 0, 5],
  exchange: [90, 5, 0, 5],
  court: [45, 40, 0, 15],
};
const DATE_MODES: DateMode[] = ['full', 'year', 'age', 'none'];

export function drawHabits(kind: Kind, rng: Rng): Habits {
  const pick = (p: number) => rng.chance(p);
  let script: Script = 'ru';
  if (kind === 'captive') script = rng.pick<Script>(['ua', 'ua', 'ua', 'uaLatin', 'latin', 'ru', 'ru']);
  else if (kind === 'exchange' && pick(0.2)) script = rng.pick<Script>(['ua', 'latin']);
  else if (kind === 'volunteer' && pick(0.04)) script = 'latin';
  const caps = (() => {
    if (kind === 'exchange' || kind === 'court') return pick(0.6) ? 'surname' : 'none';
    if (kind === 'volunteer') return rng.pick(['none', 'none', 'surname', 'all'] as const);
    if (kind === 'family') return pick(0.1) ? 'lower' : 'none';
    return pick(0.15) ? 'surname' : 'none';
  })();
  const caseKind: Case | null =
    kind === 'obituary' && pick(0.25)
      ? 'gen'
      : kind === 'mod' && pick(0.3)
        ? 'dat'
        : kind === 'tip' && pick(0.2)
          ? 'ins'
          : null;
  const fmtWeights = DATE_W[kind];
  return {
    script,
    latin: LATIN.sample(rng),
    soft: pick(0.3),
    caps,
    keepYo: kind === 'family' ? 0.15 : kind === 'memorial' ? 0.5 : script === 'ru' ? rng.pick([0, 0.1, 0.3, 0.8]) : 0,
    fioInSurname: around(rng, kind === 'family' ? 0.08 : kind === 'tip' ? 0.15 : kind === 'volunteer' ? 0.03 : 0.01),
    swap: around(rng, kind === 'family' ? 0.03 : script === 'latin' ? 0.15 : 0.01),
    initials: kind === 'court' ? (pick(0.5) ? around(rng, 0.7) : 0.02) : around(rng, kind === 'mod' ? 0.02 : 0.005),
    nameCase: caseKind,
    caseRate: caseKind ? around(rng, 0.6) : 0,
    dimin: around(rng, kind === 'tip' ? 0.3 : kind === 'family' ? 0.04 : kind === 'obituary' ? 0.01 : 0.002),
    typo: around(rng, kind === 'family' ? 0.06 : kind === 'tip' ? 0.06 : kind === 'volunteer' ? 0.015 : 0.008),
    ocr:
      kind === 'mod' || kind === 'court' || (kind === 'captive' && pick(0.2)) ? (pick(0.3) ? around(rng, 0.08) : 0) : 0,
    homoglyph: pick(0.08) ? around(rng, 0.05) : 0,
    spelling: around(rng, kind === 'captive' || kind === 'tip' ? 0.25 : 0.1),
    patronymicDrop: around(rng, kind === 'obituary' ? 0.55 : kind === 'tip' ? 0.8 : kind === 'family' ? 0.1 : 0.05),
    rank: kind === 'obituary' || kind === 'memorial' ? around(rng, 0.03) : 0,
    callsign: kind === 'tip' ? around(rng, 0.15) : kind === 'family' ? around(rng, 0.01) : 0,
    sparse: around(rng, kind === 'obituary' ? 0.2 : kind === 'tip' ? 0.4 : kind === 'family' ? 0.05 : 0.02),
    date: new Weighted(DATE_MODES.map((m, i) => [m, fmtWeights[i] * rng.lognormal(0, 0.5)] as [DateMode, number])),
    dateFmt: kind === 'captive' || kind === 'exchange' ? 'DD.MM.YYYY' : DATE_FORMATS.sample(rng),
    dateFmtMixed: kind === 'family' || kind === 'tip' || pick(0.1),
    dmSwap: around(rng, kind === 'family' ? 0.02 : 0.005),
    dateTypo: around(rng, kind === 'family' ? 0.03 : 0.01),
    deathInBirth: around(rng, 0.003),
    region:
      script === 'latin'
        ? 'en'
        : script === 'ua' || script === 'uaLatin'
          ? 'ua'
          : kind === 'captive'
            ? rng.pick<RegionStyle>(['official', 'short', 'ua'])
            : REGION_W[kind].sample(rng),
    regionMixed: around(rng, kind === 'family' ? 0.5 : 0.1),
    regionDrop: around(rng, kind === 'memorial' ? 0.6 : kind === 'tip' ? 0.45 : kind === 'captive' ? 0.2 : 0.06),
    unit: script === 'latin' ? 'latin' : UNIT_W[kind].sample(rng),
    unitDrop: around(rng, kind === 'exchange' ? 0.8 : kind === 'obituary' ? 0.5 : kind === 'family' ? 0.3 : 0.25),
    subUnit: around(rng, kind === 'family' || kind === 'volunteer' ? 0.05 : 0.01),
  };
}

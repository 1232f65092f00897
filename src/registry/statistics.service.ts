import type { Db } from '../db/database.ts';
import { REGIONS } from '../people/regions.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { listCounts, listRequestStats } from './registry.repository.ts';
import { currentVersion } from './registry-version.ts';
import type { MonthsQuery, StatisticsQuery } from './registry.schema.ts';

// The registry's figures. Published records are tallied per (region, category, month, status) in
// registry_counts, in the same transaction as each publication, correction and withdrawal, so no
// request ever aggregates the records themselves. Each process keeps the tallies of the current
// version in memory (a few tens of thousands of cells at most) and the figures per filter it was
// asked for; a change anywhere bumps the version and the next request reloads. One small query
// (the version) per request keeps several processes on one PostgreSQL consistent.

/** The census every rate is computed from (data/SOURCES.md). */
export const POPULATION_YEAR = 2021;
export const NATIONAL_POPULATION = REGIONS.reduce((a, r) => a + (r.population2021 ?? 0), 0);

export interface RegionFigures {
  region: string;
  name_ru: string;
  name_en: string;
  deaths: number;
  missing: number;
  population: number | null;
  population_year: number;
  deaths_per_100k: number | null;
}

export interface Pair {
  deaths: number;
  missing: number;
}

export interface Figures {
  version: number;
  /** when the registry last changed: every figure is as of this time */
  asOf: string | null;
  filters: StatisticsQuery;
  regions: RegionFigures[];
  /** published records whose region is not known: counted in the totals, in no region */
  unknownRegion: Pair;
  totals: Pair & { population: number; population_year: number; deaths_per_100k: number };
  categories: Array<Pair & { category: string }>;
  /** records dated to the month, month by month from the first to the last with any */
  months: Array<Pair & { month: string }>;
  /** records dated only to the year */
  yearsOnly: Array<Pair & { year: string }>;
  /** records with no date (counted in the totals; outside any period filter) */
  undated: Pair;
}

export interface MonthFigures {
  version: number;
  asOf: string | null;
  filters: MonthsQuery;
  months: Array<Pair & { month: string }>;
  yearsOnly: Array<Pair & { year: string }>;
  undated: Pair;
}

export interface RequestFigures {
  asOf: string | null;
  threshold: number | null;
  /** null when the total itself is below the threshold (then every cell is hidden) */
  total: number | null;
  regions: Array<{ region: string; name_ru: string; name_en: string; open_requests: number | null }>;
}

interface Cell {
  region: string;
  category: string;
  period: string;
  dead: boolean;
  n: number;
}

interface Loaded {
  version: number;
  asOf: string | null;
  cells: Cell[];
  requests: RequestFigures;
  figures: Map<string, Figures>;
  months: Map<string, MonthFigures>;
}

/** Per database (tests run several side by side), the tallies of the version last seen. */
const loaded = new WeakMap<Db, Loaded>();
const MAX_MEMO = 500;

/** The registry's version and last change, read at every request of a cached view. */
export const registryVersion = async (db: Db): Promise<{ version: number; asOf: string | null }> => {
  const s = await currentVersion(db);
  return { version: s.version, asOf: s.asOf };
};

const load = async (db: Db): Promise<Loaded> => {
  const state = await currentVersion(db);
  const version = state.version;
  const have = loaded.get(db);
  if (have && have.version === version) return have;
  const cells = (await listCounts(db)).map((c) => ({
    region: c.region_code,
    category: c.category,
    period: c.period,
    dead: c.status === 'dead',
    n: Number(c.n),
  }));
  const stats = new Map((await listRequestStats(db)).map((r) => [r.region_code, r.open_cases]));
  const fresh: Loaded = {
    version,
    asOf: state.asOf,
    cells,
    requests: {
      asOf: state.requestsAsOf,
      threshold: state.requestsThreshold,
      total: state.requestsTotal,
      regions: REGIONS.map((r) => ({
        region: r.code,
        name_ru: r.nameRu,
        name_en: r.nameEn,
        // A region the stored table lacks is hidden like any count under the threshold (zero too).
        open_requests: stats.get(r.code) ?? null,
      })),
    },
    figures: new Map(),
    months: new Map(),
  };
  loaded.set(db, fresh);
  return fresh;
};

/** Whether a tally's period lies wholly inside [from, to] (months "YYYY-MM"; a year is its 12 months). */
const inPeriod = (period: string, from?: string, to?: string): boolean => {
  if (!from && !to) return true;
  if (period === '') return false;
  const start = period.length === 4 ? `${period}-01` : period;
  const end = period.length === 4 ? `${period}-12` : period;
  return (!from || start >= from) && (!to || end <= to);
};

const add = (p: Pair, c: Cell) => {
  if (c.dead) p.deaths += c.n;
  else p.missing += c.n;
};
const zero = (): Pair => ({ deaths: 0, missing: 0 });

/** Rates to two decimals: enough to rank regions, and the downloads carry the inputs to recompute. */
export const per100k = (deaths: number, population: number | null): number | null =>
  population ? Math.round((deaths / population) * 100_000 * 100) / 100 : null;

const monthRange = (first: string, last: string): string[] => {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m === 13) {
      y++;
      m = 1;
    }
  }
  return out;
};

/** The series by month, with the year-only and undated records beside it. */
const series = (cells: Cell[]) => {
  const byMonth = new Map<string, Pair>();
  const byYear = new Map<string, Pair>();
  const undated = zero();
  for (const c of cells) {
    const target = c.period === '' ? undated : c.period.length === 4 ? byYear : byMonth;
    if (target instanceof Map) {
      const p = target.get(c.period) ?? zero();
      add(p, c);
      target.set(c.period, p);
    } else add(target, c);
  }
  const known = [...byMonth.keys()].sort();
  const months = known.length ? monthRange(known[0], known[known.length - 1]) : [];
  return {
    months: months.map((month) => ({ month, ...(byMonth.get(month) ?? zero()) })),
    yearsOnly: [...byYear.keys()].sort().map((year) => ({ year, ...byYear.get(year)! })),
    undated,
  };
};

const figuresOf = (l: Loaded, f: StatisticsQuery): Figures => {
  const cells = l.cells.filter((c) => (!f.category || c.category === f.category) && inPeriod(c.period, f.from, f.to));
  const byRegion = new Map<string, Pair>();
  const byCategory = new Map<string, Pair>();
  const unknownRegion = zero();
  const totals = zero();
  for (const c of cells) {
    add(totals, c);
    if (c.region === '') add(unknownRegion, c);
    else {
      const p = byRegion.get(c.region) ?? zero();
      add(p, c);
      byRegion.set(c.region, p);
    }
    const q = byCategory.get(c.category) ?? zero();
    add(q, c);
    byCategory.set(c.category, q);
  }
  return {
    version: l.version,
    asOf: l.asOf,
    filters: f,
    regions: REGIONS.map((r) => {
      const p = byRegion.get(r.code) ?? zero();
      return {
        region: r.code,
        name_ru: r.nameRu,
        name_en: r.nameEn,
        deaths: p.deaths,
        missing: p.missing,
        population: r.population2021,
        population_year: POPULATION_YEAR,
        deaths_per_100k: per100k(p.deaths, r.population2021),
      };
    }),
    unknownRegion,
    totals: {
      ...totals,
      population: NATIONAL_POPULATION,
      population_year: POPULATION_YEAR,
      deaths_per_100k: per100k(totals.deaths, NATIONAL_POPULATION) ?? 0,
    },
    categories: SERVICE_CATEGORIES.filter((c) => !f.category || c === f.category).map((category) => ({
      category,
      ...(byCategory.get(category) ?? zero()),
    })),
    ...series(cells),
  };
};

const keyOf = (o: Record<string, unknown>): string =>
  Object.keys(o)
    .filter((k) => k !== 'lang' && o[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(o[k])}`)
    .join('&');

const memo = <V>(map: Map<string, V>, key: string, make: () => V): V => {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= MAX_MEMO) map.clear();
    v = make();
    map.set(key, v);
  }
  return v;
};

/** Deaths and missing per region, category and month for a filter (category, period). */
export const statistics = async (db: Db, f: StatisticsQuery): Promise<Figures> => {
  const l = await load(db);
  return memo(l.figures, keyOf(f), () => figuresOf(l, f));
};

/**
 * The monthly series for a category, a region and a period: a period counts what the statistics
 * page counts in it (inPeriod), so its "by month" download holds the page's own series.
 */
export const monthlyStatistics = async (db: Db, f: MonthsQuery): Promise<MonthFigures> => {
  const l = await load(db);
  return memo(l.months, keyOf(f), () => ({
    version: l.version,
    asOf: l.asOf,
    filters: f,
    ...series(
      l.cells.filter(
        (c) =>
          (!f.category || c.category === f.category) &&
          (!f.region || c.region === f.region) &&
          inPeriod(c.period, f.from, f.to),
      ),
    ),
  }));
};

/** The published, already suppressed table of open tracing requests per region. */
export const requestStatistics = async (db: Db): Promise<RequestFigures> => (await load(db)).requests;

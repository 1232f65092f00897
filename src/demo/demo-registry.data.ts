import { REGIONS } from '../people/regions.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import type { PartialDate } from '../people/partial-date.ts';
import type { SyntheticRecord } from '../registry/synthetic-records.service.ts';
import { DEMO_MARK, demoNames } from './demo.data.ts';

// Synthetic published records for `kintrace demo --persons N` and the registry benchmarks: spread
// over every region (by population, with a higher synthetic loss rate in some regions so the map
// has something to show), service categories, months from February 2022 and every date
// precision. Names carry «-ДЕМО», units «ДЕМО», sources «ДЕМО»: nobody can take them for real.
// Seeded: the same N always gives the same records.

const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A synthetic weighting, not data: some regions get several times the average rate. */
const SYNTHETIC_BOOST: Record<string, number> = {
  'RU-TY': 6,
  'RU-BU': 5,
  'RU-ZAB': 4,
  'RU-AL': 4,
  'RU-SA': 3,
  'RU-DA': 2,
};
const CATEGORY_WEIGHTS: Record<string, number> = {
  mobilised: 30,
  contract: 30,
  convict_recruit: 15,
  volunteer: 10,
  pmc: 5,
  conscript: 3,
  unknown: 7,
};
const RANKS = ['рядовой', 'ефрейтор', 'младший сержант', 'сержант', 'старший сержант', 'лейтенант', null];

const weighted = <T>(rnd: () => number, items: Array<[T, number]>): (() => T) => {
  const total = items.reduce((a, [, w]) => a + w, 0);
  return () => {
    let x = rnd() * total;
    for (const [v, w] of items) if ((x -= w) < 0) return v;
    return items[items.length - 1][0];
  };
};

/** Months from 2022-02 to 2025-12, weighted towards 2023–2024 as losses rose. */
const MONTHS: Array<[string, number]> = [];
for (let y = 2022; y <= 2025; y++)
  for (let m = y === 2022 ? 2 : 1; m <= 12; m++)
    MONTHS.push([`${y}-${String(m).padStart(2, '0')}`, y === 2022 ? 1 : y === 2025 ? 2 : 3]);

export const syntheticRecords = (count: number, seed = 13): SyntheticRecord[] => {
  const rnd = seeded(seed);
  const region = weighted(
    rnd,
    REGIONS.map((r) => [r.code, (r.population2021 ?? 0) * (SYNTHETIC_BOOST[r.code] ?? 1)] as [string, number]),
  );
  const category = weighted(
    rnd,
    SERVICE_CATEGORIES.map((c) => [c, CATEGORY_WEIGHTS[c] ?? 1] as [string, number]),
  );
  const month = weighted(rnd, MONTHS);
  const names = demoNames(Math.min(count, 5000));
  return Array.from({ length: count }, (_, i) => {
    const name = names[i % names.length];
    const m = month();
    const p = rnd();
    const date: PartialDate | null =
      p < 0.6
        ? { value: `${m}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`, precision: 'day' }
        : p < 0.85
          ? { value: m, precision: 'month' }
          : p < 0.97
            ? { value: m.slice(0, 4), precision: 'year' }
            : null;
    const dead = rnd() < 0.85;
    return {
      surname: name.surname,
      given_name: name.given,
      patronymic: name.patronymic,
      birth_year: 1965 + Math.floor(rnd() * 40),
      region_code: rnd() < 0.02 ? null : region(),
      unit_number: null,
      unit_name: `${DEMO_MARK}-соединение ${1 + Math.floor(rnd() * 60)}`,
      rank: RANKS[Math.floor(rnd() * RANKS.length)],
      category: category(),
      status: dead ? 'dead' : 'missing',
      date,
      place: null,
      basis: dead && rnd() < 0.5 ? 'accepted_alone' : 'official',
      sources: [
        {
          title: `${DEMO_MARK}: синтетический источник`,
          date: date && { value: date.value.slice(0, 4), precision: 'year' },
          url: null,
        },
      ],
    };
  });
};

import type { Pool } from './names/pools.ts';
import type { Rng } from './prng.ts';
import { loadRegions } from './reference-data.ts';
import {
  COLLOQUIAL_RU,
  DEFAULT_OVER_REPRESENTATION,
  ETHNIC_MIX,
  EXTRA_EN,
  OVER_REPRESENTATION,
  SHORT_RU,
  TOWNS,
} from './region-tables.ts';
import { Weighted } from './weighted.ts';

export interface Town {
  kind: string;
  name: string;
}

export interface Region {
  index: number;
  iso: string;
  code: string;
  nameRu: string;
  nameEn: string;
  /** 2021 census. */
  population: number;
  /** Population × over-representation: the region's share of men in the lists. */
  weight: number;
  towns: readonly Town[];
  shortRu: readonly string[];
  colloquialRu: readonly string[];
  en: readonly string[];
  pools: Weighted<Pool>;
}

export type RegionStyle = 'full' | 'short' | 'colloquial' | 'town' | 'town_region' | 'en' | 'iso' | 'code';

/** "Краснодарский" → "Краснод.", "Новосибирская" → "Новосиб.": at most eight letters of the stem, cut after a consonant. */
function abbreviate(adjective: string): string {
  let cut = adjective.replace(/(ск|цк)(ая|ий)$/, '').slice(0, 8);
  while (cut.length > 3 && 'аеёиоуыэюяьй'.includes(cut.at(-1)!)) cut = cut.slice(0, -1);
  return `${cut}.`;
}

function shortForms(nameRu: string, type: string, iso: string): string[] {
  if (SHORT_RU[iso]) return [...SHORT_RU[iso]];
  const adjective = nameRu.split(' ')[0];
  // "Ом. обл." is not how anyone writes Omsk: short adjectives are not abbreviated.
  const abbreviated = abbreviate(adjective).length >= 6 ? [abbreviate(adjective)] : [];
  if (type === 'oblast') return [`${adjective} обл.`, ...abbreviated.map((a) => `${a} обл.`), adjective];
  if (type === 'krai') return [`${adjective} кр.`, ...abbreviated.map((a) => `${a} край`)];
  return [nameRu];
}

function englishForms(nameEn: string, type: string, iso: string): string[] {
  const forms = [nameEn, ...(EXTRA_EN[iso] ?? [])];
  if (type === 'oblast') {
    const base = nameEn.split(' Oblast')[0];
    forms.push(`${base} region`, `${base} oblast`);
  }
  if (type === 'krai') {
    const base = nameEn.split(' Krai')[0];
    forms.push(`${base} region`, `${base} Territory`);
  }
  return forms;
}

let cache: { regions: Region[]; table: Weighted<number> } | undefined;

export function regions(): readonly Region[] {
  return build().regions;
}

/** Region indices weighted by how often men from there appear in the lists. */
export function regionTable(): Weighted<number> {
  return build().table;
}

function build(): { regions: Region[]; table: Weighted<number> } {
  if (cache) return cache;
  const list = loadRegions().map((row, index): Region => {
    const mix = ETHNIC_MIX[row.iso] ?? [];
    const minorityShare = mix.reduce((sum, [, share]) => sum + share, 0);
    const towns = (TOWNS[row.iso] ?? '').split('|').map((entry) => {
      const [kind, name] = entry.split(':');
      return { kind, name };
    });
    if (!TOWNS[row.iso]) throw new Error(`no towns for ${row.iso}`);
    return {
      index,
      iso: row.iso,
      code: row.code,
      nameRu: row.nameRu,
      nameEn: row.nameEn,
      population: row.population,
      weight: row.population * (OVER_REPRESENTATION[row.iso] ?? DEFAULT_OVER_REPRESENTATION),
      towns,
      shortRu: shortForms(row.nameRu, row.type, row.iso),
      colloquialRu: COLLOQUIAL_RU[row.iso] ?? shortForms(row.nameRu, row.type, row.iso),
      en: englishForms(row.nameEn, row.type, row.iso),
      pools: new Weighted<Pool>([['russian', 1 - minorityShare], ...mix]),
    };
  });
  cache = { regions: list, table: new Weighted(list.map((r) => [r.index, r.weight] as const)) };
  return cache;
}

/** A man's home town: the regional capital for four in ten, otherwise another town or village. */
export function pickTown(rng: Rng, region: Region): number {
  if (region.towns.length === 1 || rng.chance(0.4)) return 0;
  return 1 + rng.int(region.towns.length - 1);
}

const TOWN_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  г: ['г. ', 'г. ', '', '', 'город '],
  с: ['с. ', 'с. ', 'село ', ''],
  пгт: ['пгт ', 'п. ', ''],
  пос: ['пос. ', 'п. ', ''],
  'ст-ца': ['ст-ца ', 'станица ', 'ст. ', ''],
};

export function renderTown(rng: Rng, town: Town): string {
  return rng.pick(TOWN_PREFIXES[town.kind] ?? ['']) + town.name;
}

/** The region as one record writes it; latin transliterates what has no English form. */
export function renderRegion(
  rng: Rng,
  region: Region,
  townIndex: number,
  style: RegionStyle,
  latin?: (cyrillic: string) => string,
): string {
  const town = region.towns[townIndex] ?? region.towns[0];
  switch (style) {
    case 'full':
      return latin ? region.nameEn : region.nameRu;
    case 'short':
      return latin ? rng.pick(region.en) : rng.pick(region.shortRu);
    case 'colloquial':
      return latin ? rng.pick(region.en) : rng.pick(region.colloquialRu);
    case 'town':
      return latin ? latin(town.name) : renderTown(rng, town);
    case 'town_region': {
      if (latin) return `${latin(town.name)}, ${rng.pick(region.en)}`;
      const where = rng.chance(0.5) ? rng.pick(region.shortRu) : region.nameRu;
      return rng.chance(0.7) ? `${renderTown(rng, town)}, ${where}` : `${renderTown(rng, town)} (${where})`;
    }
    case 'en':
      return rng.pick(region.en);
    case 'iso':
      return region.iso;
    case 'code':
      return region.code;
  }
}

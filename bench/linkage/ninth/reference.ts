/** Loads the reference tables in ./data (see data/SOURCES.md for where each came from). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Weighted } from './rng.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

export interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
  district: string;
  population: number;
  short: string;
  /** Main town first; entries with a prefix ("с. Кижинга") are villages. */
  towns: string[];
  /** How much more (or less) than its population share the region loses men: judgement. */
  lossFactor: number;
  peoples: Weighted<string>;
  /** Rough count of unit slots based there (where courts and unit bases sit). */
  garrison: number;
}

export interface NameEntry {
  name: string;
  /** Other spellings of the same name seen in lists; may be empty. */
  variants: string[];
}

export interface PeoplePools {
  surname: Weighted<NameEntry>;
  given: Weighted<NameEntry>;
  father: Weighted<NameEntry>;
}

export interface Reference {
  regions: Region[];
  pools: Map<string, PeoplePools>;
  /** Full Russian given name -> everyday short forms (Александр -> Саша, Саня, Шура, Шурик). */
  diminutives: Map<string, string[]>;
}

function readRows(file: string): string[][] {
  const lines = readFileSync(join(DATA_DIR, file), 'utf8').split('\n');
  return lines
    .slice(1)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split(','));
}

function parseEntry(token: string): [NameEntry, number] {
  const [names, weight] = token.split('*');
  const [name, ...variants] = names.split('|');
  return [{ name, variants }, weight ? Number(weight) : 1];
}

function loadNamePools(): Map<string, PeoplePools> {
  const raw = new Map<string, Map<string, Array<[NameEntry, number]>>>();
  for (const line of readFileSync(join(DATA_DIR, 'names.txt'), 'utf8').split('\n')) {
    const m = /^(\w+) (\w+): (.+)$/.exec(line.trim());
    if (!m) continue;
    const [, people, field, entries] = m;
    if (!raw.has(people)) raw.set(people, new Map());
    const fields = raw.get(people)!;
    if (!fields.has(field)) fields.set(field, []);
    fields.get(field)!.push(...entries.trim().split(/\s+/).map(parseEntry));
  }
  const russianSurnames = readRows('surnames_ru.csv').map(
    ([s, w]) => [{ name: s, variants: [] }, Number(w)] as [NameEntry, number],
  );
  raw.get('russian')!.set('surname', russianSurnames);
  const pools = new Map<string, PeoplePools>();
  for (const [people, fields] of raw) {
    // Peoples without their own given names (Ukrainian-origin families in Russia) use Russian ones.
    const field = (f: string) => fields.get(f) ?? raw.get('russian')!.get(f)!;
    pools.set(people, {
      surname: new Weighted(field('surname')),
      given: new Weighted(field('given')),
      father: new Weighted(field('father')),
    });
  }
  return pools;
}

function parsePeoples(mix: string): Weighted<string> {
  const pairs = mix.split(' ').map((t) => t.split(':'));
  return new Weighted(pairs.map(([p, w]) => [p, Number(w)] as const).filter(([, w]) => w > 0));
}

export function loadReference(): Reference {
  const traits = new Map(readRows('region_traits.csv').map((r) => [r[0], r]));
  const regions = readRows('regions.csv').map(([code, nameRu, nameEn, district, population]): Region => {
    const t = traits.get(code);
    if (!t) throw new Error(`region_traits.csv lacks region ${code}`);
    return {
      code,
      nameRu,
      nameEn,
      district,
      population: Number(population),
      short: t[1],
      towns: t[2].split(';'),
      lossFactor: Number(t[3]),
      peoples: parsePeoples(t[4]),
      garrison: Number(t[5]),
    };
  });
  const diminutives = new Map<string, string[]>();
  for (const [short, full, gender] of readRows('diminutives.csv')) {
    if (gender !== 'm') continue;
    diminutives.set(full, [...(diminutives.get(full) ?? []), short]);
  }
  return { regions, pools: loadNamePools(), diminutives };
}

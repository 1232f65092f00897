// Loads the reference tables in ./data (sources in data/SOURCES.md) into samplers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Rng, Weighted } from './random.ts';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');

export interface Region {
  iso: string;
  code: string;
  nameRu: string;
  nameEn: string;
  /** Relative number of soldiers in the lists: population × my per-capita loss factor. */
  soldierWeight: number;
  cultures: Weighted<string>;
  towns: string[];
  aliases: string[];
  oldNames: string[];
}

export interface CulturePools {
  surname?: Weighted<string>;
  given?: Weighted<string>;
  father?: Weighted<string>;
}

export interface SpellingVariant {
  from: string;
  to: string;
}

export interface Reference {
  regions: Region[];
  regionBySoldiers: Weighted<number>;
  pools: Map<string, CulturePools>;
  /** Russian given names: index 0 = fathers, 1..3 = sons born 1962–79, 1980–94, 1995–2006. */
  russianGiven: Weighted<string>[];
  russianHeadSurnames: Weighted<string>;
  stems: string[];
  compoundPrefixes: string[];
  compoundRoots: string[];
  variants: Map<string, SpellingVariant[]>;
  diminutives: Map<string, string[]>;
  ukrainianGiven: Map<string, string>;
  englishGiven: Map<string, string>;
}

function rows(file: string): string[][] {
  const lines = readFileSync(join(DATA, file), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => line.split(','));
}

/** "name:weight name:weight" → sampler. */
function parseWeighted(spec: string): Weighted<string> {
  const w = new Weighted<string>();
  for (const part of spec.trim().split(/\s+/)) {
    const at = part.lastIndexOf(':');
    w.add(part.slice(0, at), Number(part.slice(at + 1)));
  }
  return w;
}

let cached: Reference | undefined;

export function loadReference(): Reference {
  if (cached) return cached;
  const regions: Region[] = rows('regions.csv').map((r) => ({
    iso: r[0],
    code: r[1],
    nameRu: r[2],
    nameEn: r[3],
    soldierWeight: Number(r[4]) * Number(r[5]),
    cultures: parseWeighted(r[6]),
    towns: r[7].split(';'),
    aliases: r[8].split(';').filter(Boolean),
    oldNames: r[9] ? r[9].split(';') : [],
  }));
  const regionBySoldiers = new Weighted(regions.map((r, i): [number, number] => [i, r.soldierWeight]));

  const pools = new Map<string, CulturePools>();
  for (const [culture, part, names] of rows('culture-names.csv')) {
    const pool = pools.get(culture) ?? {};
    pool[part as keyof CulturePools] = parseWeighted(names);
    pools.set(culture, pool);
  }

  const given = rows('russian-given-names.csv');
  const russianGiven = [1, 2, 3, 4].map(
    (col) => new Weighted(given.map((r): [string, number] => [r[0], Number(r[col])])),
  );

  // Head of the Russian distribution: my ranked top names plus faker's 250 common surnames at a flat weight.
  const russianHeadSurnames = new Weighted<string>();
  const ranked = pools.get('russian')?.surname;
  ranked?.items.forEach((name, i) => russianHeadSurnames.add(name, Math.max(10 - i * 0.2, 2)));
  for (const name of readFileSync(join(DATA, 'russian-surnames-faker.txt'), 'utf8').trim().split('\n')) {
    russianHeadSurnames.add(name, 1);
  }

  const stemRows = new Map(rows('surname-stems.csv').map((r) => [r[0], r[1].split(' ')]));

  const variants = new Map<string, SpellingVariant[]>();
  for (const [cultures, from, to] of rows('spelling-variants.csv')) {
    for (const c of cultures.split(' ')) {
      const list = variants.get(c) ?? [];
      list.push({ from, to });
      variants.set(c, list);
    }
  }

  const diminutives = new Map<string, string[]>();
  for (const [short, full] of rows('diminutives.csv')) {
    diminutives.set(full, [...(diminutives.get(full) ?? []), short]);
  }

  const forms = rows('given-name-forms.csv');
  cached = {
    regions,
    regionBySoldiers,
    pools,
    russianGiven,
    russianHeadSurnames,
    stems: stemRows.get('stem') ?? [],
    compoundPrefixes: stemRows.get('prefix') ?? [],
    compoundRoots: stemRows.get('root') ?? [],
    variants,
    diminutives,
    ukrainianGiven: new Map(forms.map((r) => [r[0], r[1]])),
    englishGiven: new Map(forms.map((r) => [r[0], r[2]])),
  };
  return cached;
}

/** Adds the male surname suffix a stem takes in Russian spelling. */
function suffixed(stem: string, suffix: string): string {
  const base = stem.replace(/[йь]$/, '');
  if (suffix === 'ов' && (base !== stem || /[жшчщ]$/.test(stem))) return `${base}ев`;
  if (suffix === 'ин' && stem.endsWith('ц')) return `${stem}ын`;
  return base + suffix;
}

const STEM_SUFFIXES = new Weighted<string>([
  ['ов', 52],
  ['ин', 22],
  ['ский', 8],
  ['енко', 8],
  ['ук', 4],
  ['ых', 3],
  ['ник', 3],
]);
const ONSETS =
  'Б В Г Д Ж З К Л М Н П Р С Т Ф Х Ч Ш Бр Гр Кр Пр Тр Др Ст Ск Сл См Шк Шп Кл Пл Гл Бл Зв Св Чуп Мор'.split(' ');
const VOWELS = 'а а о о у е и'.split(' ');
const CODAS = 'б д г к л м н р с т х ш ч рд рт рк лк нк ст шк п з в ж ц мк рб'.split(' ');
const SIMPLE_CODAS = 'б в г д з к л м н р с т х ш'.split(' ');
const RARE_SUFFIXES = new Weighted<string>([
  ['ов', 40],
  ['ин', 20],
  ['кин', 15],
  ['ников', 6],
  ['енко', 8],
  ['ук', 5],
  ['ских', 3],
  ['ец', 3],
]);

/**
 * A Russian-culture surname. Three layers (my judgement, to get a realistic namesake density):
 * 25 % common head (~300 names), 30 % mid tail from word stems (~1,600), 45 % rare syllable-built
 * names (millions possible), so that even at a million records many men have a surname of their own.
 */
export function russianSurname(ref: Reference, rng: Rng): string {
  const layer = rng.next();
  if (layer < 0.25) return ref.russianHeadSurnames.draw(rng);
  if (layer < 0.55) {
    if (rng.chance(0.12)) {
      return suffixed(rng.pick(ref.compoundPrefixes) + rng.pick(ref.compoundRoots), rng.chance(0.7) ? 'ов' : 'ин');
    }
    // Zipf-like over stems: low indices are drawn more often.
    const stem = ref.stems[Math.floor(ref.stems.length * rng.next() ** 1.2)];
    return suffixed(stem, STEM_SUFFIXES.draw(rng));
  }
  let stem = rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
  if (rng.chance(0.4)) stem += rng.pick(VOWELS) + rng.pick(SIMPLE_CODAS);
  return suffixed(stem, RARE_SUFFIXES.draw(rng));
}

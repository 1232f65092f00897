import { readFileSync } from 'node:fs';
import { nameKey } from './names.ts';
import { GIVEN_NAME_VARIANTS } from './given-name-variants.ts';
import { memo } from './memo.ts';

// diminutives.csv has a few ambiguous forms (Слава = Вячеслав, Владислав, Станислав …; its
// note column says "also …"). canonicalGivenName takes the first full name (soldiers' records are
// overwhelmingly male, so female readings are dropped); givenNameReadings lists them all, for a
// comparison that should not call Слава and Владислав different.
interface Diminutive {
  dim: string;
  full: string;
  also: string[];
}

function loadDiminutives(): Diminutive[] {
  const url = new URL('../../../../data/names/diminutives.csv', import.meta.url);
  const out: Diminutive[] = [];
  for (const line of readFileSync(url, 'utf8').split(/\r?\n/).slice(1)) {
    const [dim, full, , note = ''] = line.split(',');
    if (!dim || !full) continue;
    const also =
      /^also /.test(note) && !/\((f|m)\)/.test(note)
        ? note
            .replace(/^also /, '')
            .split('/')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    out.push({ dim: dim.trim(), full: full.trim(), also });
  }
  return out;
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (variant: string, full: string) => {
    const v = nameKey(variant, 'given');
    const f = nameKey(full, 'given');
    if (v && f && v !== f && !table.has(v)) table.set(v, f);
  };
  for (const [v, f] of GIVEN_NAME_VARIANTS) add(v, f);
  for (const d of loadDiminutives()) add(d.dim, d.full);
  // Resolve chains (Женька → Евгении → Евгении) so one lookup always lands on a full name.
  for (const [v, f] of table) {
    let target = f;
    for (let hops = 0; table.has(target) && hops < 5; hops++) target = table.get(target)!;
    table.set(v, target);
  }
  return table;
}

let table: Map<string, string> | null = null;

/** Every given name as the lists and the tables write it (full names and forms), lower case. */
export function knownGivenNameSpellings(): string[] {
  const raw = [
    ...maleFullNameSpellings(),
    ...GIVEN_NAME_VARIANTS.flat(),
    ...loadDiminutives().flatMap((d) => [d.dim, d.full]),
  ];
  return [...new Set(raw.map((name) => name.trim().toLowerCase()).filter(Boolean))];
}

let fullNames: Set<string> | null = null;

/**
 * The keys (as written, not canonicalised) of the male given names the normaliser knows: the
 * Russian list and the names of the republics, the Caucasus and Central Asia
 * (male_first_names_regional.txt: Баир, Айдыс, Магомед, Сослан …). Without the second, the men
 * of Tyva, Buryatia and Dagestan — the densest name pools — had names nobody recognised: a swap
 * of their surname and given name went unseen. Read once.
 */
function maleFullNames(): Set<string> {
  fullNames ??= new Set(
    maleFullNameSpellings()
      .map((name) => nameKey(name, 'given'))
      .filter(Boolean),
  );
  return fullNames;
}

/** The two lists' names as written. */
const maleFullNameSpellings = (): string[] =>
  ['male_first_names.txt', 'male_first_names_regional.txt']
    .flatMap((file) => readFileSync(new URL(`../../../../data/names/${file}`, import.meta.url), 'utf8').split(/\r?\n/))
    .map((line) => line.trim())
    .filter((name) => name && !name.startsWith('#'));

/**
 * Colloquial suffixes, as keys (ё is е): Вовчик, Ромка, Максимка, Юрик, Женёк, Сашок, Толян,
 * Никитос. Longest first, so "чик" is tried before "ик".
 */
const SUFFIXES = ['чик', 'ка', 'ик', 'ек', 'ок', 'ан', 'ос'];
/** What the stem may have ended in before the suffix: nothing (Максим-ка), а (Ром-а), я (Кост-я). */
const STEM_ENDINGS = ['', 'а', 'иа'];
const MIN_STEM = 3;

/**
 * A diminutive no list has, read as a suffix on a name that is known: "Ромка" is Рома with -ка,
 * "Вовчик" Вова with -чик, "Максимка" Максим with -ка. Never for a full name of the list (Руслан,
 * Роман and Степан end in "ан" too), and only when the stem is at least three letters.
 */
function bySuffix(key: string, known: Map<string, string>): string | null {
  if (maleFullNames().has(key)) return null;
  for (const suffix of SUFFIXES) {
    if (!key.endsWith(suffix) || key.length - suffix.length < MIN_STEM) continue;
    const stem = key.slice(0, -suffix.length);
    for (const ending of STEM_ENDINGS) {
      const candidate = stem + ending;
      const full = known.get(candidate) ?? (maleFullNames().has(candidate) ? candidate : undefined);
      if (full) return full;
    }
  }
  return null;
}

/** Every distinct surname passes through here too (the name-any blocking key): bounded. */
const cachedBySuffix = memo((key: string): string => {
  table ??= buildTable();
  return bySuffix(key, table) ?? key;
}, 200_000);

/** Given-name key → full-name key via diminutives and Ukrainian/regional equivalents. */
export function canonicalGivenName(key: string): string {
  if (!key) return '';
  table ??= buildTable();
  return table.get(key) ?? cachedBySuffix(key);
}

/** All variant keys that canonicalise to the given full-name key (for the generator and tests). */
export function givenNameVariants(fullKey: string): string[] {
  table ??= buildTable();
  const out: string[] = [];
  for (const [v, f] of table) if (f === fullKey) out.push(v);
  return out;
}

let readings: Map<string, string[]> | null = null;

/** Every full-name key a given-name key can stand for, the canonical one first
 * (слава → вачеслав, владислав, станислав, ярослав, свиатослав; иван → иван). */
export function givenNameReadings(key: string): string[] {
  if (!readings) {
    readings = new Map();
    for (const d of loadDiminutives()) {
      if (!d.also.length) continue;
      const k = nameKey(d.dim, 'given');
      const all = [canonicalGivenName(k), ...d.also.map((a) => canonicalGivenName(nameKey(a, 'given')))];
      readings.set(k, [...new Set(all)]);
    }
  }
  return readings.get(key) ?? [canonicalGivenName(key)];
}

let known: Set<string> | null = null;

/**
 * Whether a given-name key is a recognised name: a full name of the male given-name lists
 * or a form (diminutive, Ukrainian, Western) that resolves to one.
 */
export function isKnownGivenName(key: string): boolean {
  if (!known) {
    known = new Set();
    for (const k of maleFullNames()) known.add(canonicalGivenName(k));
    table ??= buildTable();
    for (const full of table.values()) known.add(full);
  }
  return known.has(canonicalGivenName(key));
}

/** Every spelling the table or the lists know as a given name (full names and their forms). */
export function knownGivenNameKeys(): string[] {
  table ??= buildTable();
  return [...new Set([...maleFullNames(), ...table.keys()])];
}

import { readFileSync } from 'node:fs';
import { nameKey } from './names.ts';
import { GIVEN_NAME_VARIANTS } from './given-name-variants.ts';

// diminutives.csv has a few ambiguous forms (Саша = Александр or Александра, Слава = Вячеслав
// or Владислав …); we take its first full name. Soldiers' records are overwhelmingly male, so
// the male reading is the useful one, and the engine still compares raw keys too.
function loadPairs(): Array<[string, string]> {
  const url = new URL('../../../../data/names/diminutives.csv', import.meta.url);
  const lines = readFileSync(url, 'utf8').split(/\r?\n/).slice(1);
  const pairs: Array<[string, string]> = [];
  for (const line of lines) {
    const [dim, full] = line.split(',');
    if (dim && full) pairs.push([dim.trim(), full.trim()]);
  }
  return pairs;
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (variant: string, full: string) => {
    const v = nameKey(variant, 'given');
    const f = nameKey(full, 'given');
    if (v && f && v !== f && !table.has(v)) table.set(v, f);
  };
  for (const [v, f] of GIVEN_NAME_VARIANTS) add(v, f);
  for (const [v, f] of loadPairs()) add(v, f);
  // Resolve chains (Женька → Евгении → Евгении) so one lookup always lands on a full name.
  for (const [v, f] of table) {
    let target = f;
    for (let hops = 0; table.has(target) && hops < 5; hops++) target = table.get(target)!;
    table.set(v, target);
  }
  return table;
}

let table: Map<string, string> | null = null;

/** Given-name key → full-name key via diminutives and Ukrainian/regional equivalents. */
export function canonicalGivenName(key: string): string {
  table ??= buildTable();
  return table.get(key) ?? key;
}

/** All variant keys that canonicalise to the given full-name key (for the generator and tests). */
export function givenNameVariants(fullKey: string): string[] {
  table ??= buildTable();
  const out: string[] = [];
  for (const [v, f] of table) if (f === fullKey) out.push(v);
  return out;
}

import type { Db } from '../db/database.ts';
import type { SearchToken } from '../people/name-match-sql.ts';
import { editsAllowed, nearNames } from '../people/name-neighbours.ts';
import { tokenKeys } from '../people/search-keys.ts';
import type { RecordState } from './registry.table.ts';
import { distinctNameKeys } from './registry.repository.ts';
import { currentVersion } from './registry-version.ts';

// The registry's search finds what holds every typed word (a whole word or a part of one); a
// mother who typed «Кузнецв», «Алексеи» or «Kuznecov» found nothing and read it as "he is not
// here". Below the exact results the page now offers similar spellings, clearly apart: the names
// whose matching keys (people/search-keys.ts) meet the words by the staff search's own rules
// (people/name-match-sql.ts): the same surname in another script, transliteration or gender form,
// by its sound, a given name in another form, the words in any order, or a surname or given name
// one edit off (two from eight letters, people/name-neighbours.ts editsAllowed).
//
// The staff search finds an organisation's near names through a one-edit dictionary per
// organisation. The registry is one list of published names: at its scale (a hundred thousand
// records, a few tens of thousands of distinct surnames) a band-limited edit distance over the
// distinct keys costs a few milliseconds (bench/registry/search.ts), allows two edits where a
// dictionary of two-letters-short forms would hold some fifty rows a name, and needs no table
// to keep in step with publications and withdrawals. The keys are read once per registry version
// (each change bumps it) and kept here; whatever they suggest, the records are then read by the
// same filter as the exact search, published only, so a stale list can cost a suggestion but
// never show a withdrawn record.

interface Names {
  version: number;
  surnames: string[];
  givens: string[];
}

const kept = new WeakMap<Db, Names>();

const namesOf = async (db: Db, states: readonly RecordState[]): Promise<Names> => {
  const { version } = await currentVersion(db);
  const have = kept.get(db);
  if (have && have.version === version) return have;
  const fresh = { version, ...(await distinctNameKeys(db, states)) };
  kept.set(db, fresh);
  return fresh;
};

/** At most this many words of a search are read (as the staff search). */
const MAX_WORDS = 4;

/**
 * The words of a search with the published names near each (its surname keys for surnames, its
 * given name's readings for given names); none when no word is a name (initials, digits).
 */
export const similarTokens = async (db: Db, states: readonly RecordState[], text: string): Promise<SearchToken[]> => {
  const keyed = text
    .split(/[\s,;]+/u)
    .map((w) => tokenKeys(w))
    .filter((t): t is NonNullable<typeof t> => t !== null)
    .slice(0, MAX_WORDS);
  if (keyed.length === 0) return [];
  const names = await namesOf(db, states);
  return keyed.map((t) => ({
    ...t,
    nearSurnames: nearNames([...new Set([t.gl, t.nk])], names.surnames, editsAllowed),
    nearGivens: nearNames(t.given, names.givens, editsAllowed),
  }));
};

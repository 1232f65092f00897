import { damerau } from '../linkage/engine/strings.ts';

// One letter wrong in a name typed on a phone («Кузнецв», «Петрво», «Смрнов») that does not sound
// like the name: the sound key cannot forgive it, so the search looks the name up among its
// one-edit neighbours. Chosen: the symmetric-deletion dictionary (SymSpell). Each distinct name
// key an organisation holds is stored with every form of it missing one letter; a typed word and
// its own one-letter-short forms then meet the name in one indexed equality whatever the edit —
// a substitution (both lose the wrong letter), an insertion or a deletion (one side loses it), a
// transposition (each loses one of the swapped pair). Why not the alternatives:
// - trigram keys need many postings per name and a count over them per query, and a one-letter
//   error in a six-letter name breaks half its trigrams, so a threshold lets noise in or keeps
//   typos out; PostgreSQL's pg_trgm would do it well but is an extension SQLite does not have;
// - deletion keys per record (not per distinct name) would make every Иванов share the
//   neighbourhood of «иванов»: a query would read tens of thousands of index entries to learn
//   one name. Per distinct name the dictionary is small (a name's length plus one rows), and the
//   records are then found by the name through the covering indexes the search already has.
// The dictionary may meet names two edits apart (a letter inserted and another dropped); each
// name found is checked here with the restricted Damerau–Levenshtein distance, so only one edit
// passes. Keys of three letters or fewer stay exact: «Ким» has dozens of one-edit neighbours.

export const NEIGHBOUR_MIN_LENGTH = 4;

/** At most this many neighbour names per word (a short, common key has many). */
export const NEIGHBOUR_MAX = 40;

/** The key itself and every form of it missing one letter; none for a key too short. */
export const deletionForms = (key: string): string[] => {
  if ([...key].length < NEIGHBOUR_MIN_LENGTH) return [];
  const letters = [...key];
  const out = new Set([key]);
  for (let i = 0; i < letters.length; i++) out.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(''));
  return [...out];
};

/** Exactly one substitution, insertion, deletion or swap of neighbours apart (and long enough). */
export const oneEditApart = (a: string, b: string): boolean =>
  [...a].length >= NEIGHBOUR_MIN_LENGTH && [...b].length >= NEIGHBOUR_MIN_LENGTH && damerau(a, b, 1) === 1;

/** Keys of this many letters or more may be two edits off a name (where a search reads a whole list). */
export const TWO_EDITS_MIN_LENGTH = 8;

/**
 * How many edits a typed key may be from a name: none for three letters or fewer (as above), one
 * up to seven, two from eight («Кузнецова» typed «Кузнцва»). The staff search's dictionary holds
 * one-letter-short forms only, so it asks for one; the public registry reads its names whole
 * (src/registry/similar-names.ts) and allows two where the key is long enough.
 */
export const editsAllowed = (key: string): number => {
  const n = [...key].length;
  return n < NEIGHBOUR_MIN_LENGTH ? 0 : n < TWO_EDITS_MIN_LENGTH ? 1 : 2;
};

/** The staff search's rule: one edit whatever the length (its dictionary meets no more). */
export const oneEdit = (key: string): number => Math.min(1, editsAllowed(key));

/**
 * Of `names`, those within `allowed(form)` edits of one of a word's forms and not a form
 * themselves, fewest edits first (then in the order given), at most NEIGHBOUR_MAX: the staff
 * search's neighbours and the public registry's similar spellings are picked by this one rule.
 */
export const nearNames = (
  forms: string[],
  names: Iterable<string>,
  allowed: (typed: string) => number = oneEdit,
): string[] => {
  const limits = forms.map((f) => [f, allowed(f)] as const).filter(([, max]) => max > 0);
  if (limits.length === 0) return [];
  const found: Array<[number, string]> = [];
  for (const n of names) {
    if (forms.includes(n) || [...n].length < NEIGHBOUR_MIN_LENGTH) continue;
    let best = Number.POSITIVE_INFINITY;
    for (const [f, max] of limits) {
      const d = damerau(f, n, max);
      if (d <= max && d < best) best = d;
    }
    if (best !== Number.POSITIVE_INFINITY) found.push([best, n]);
  }
  // A stable sort: names as close as each other keep the caller's order.
  return found
    .sort((a, b) => a[0] - b[0])
    .slice(0, NEIGHBOUR_MAX)
    .map(([, n]) => n);
};

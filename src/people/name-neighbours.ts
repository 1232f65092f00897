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

import { createHmac, hkdfSync } from 'node:crypto';
import { foldedName } from '../accounts/accounts.service.ts';

// How a family shows on a cohort board. Never under its login pseudonym: anyone on the board, an
// informer included, would learn what to type to guess the account's passphrase or to lock it.
// By default a family is "Семья 4821": a number an HMAC derives from the family's account id and
// the board, keyed by the board's first key (which is never in the database in clear, like every
// key here: cohort-keys.ts; kept under the current key once that is replaced, board-key-rotation.ts). So the number is the same each time the family posts on that board,
// another on every other board (another board, another key), says nothing of the login, and
// cannot be computed from a seized database. Which of its candidates a family holds (almost
// always the first) is kept once given, so its label never moves (newLabelAttempts). A family
// may choose a name for one board instead (board-names.service.ts); these are the rules for it.

export const NAME_MIN = 2;
export const NAME_MAX = 30;
/**
 * Cyrillic and Latin letters, ASCII digits, spaces and a few marks people put in a name; nothing
 * that could be markup. Not other scripts or forms of letters and digits: a Greek Ο, a Latin ɑ, a
 * full-width Ｍ or a superscript ² looks like the letter a name of another family holds, and the
 * comparison of names (sameName) folds only Latin and Cyrillic look-alikes.
 */
const LETTER = 'A-Za-z0-9\u0400-\u0481\u048A-\u04FF';
export const NAME_CHARS = new RegExp(`^[${LETTER}][${LETTER} .,'’()-]*$`, 'u');

const LABEL_MIN = 1000;
const LABEL_SPAN = 9000;
/** Past this many candidates (a board of thousands of families) the number gets longer. */
const SHORT_ATTEMPTS = 64;

const labelKey = (boardKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', boardKey, Buffer.alloc(0), 'kintrace-cohort-family-label-v1', 32));

const candidate = (key: Buffer, boardId: string, userId: string, attempt: number): string => {
  const mac = createHmac('sha256', key).update(`${boardId}:${userId}:${attempt}`).digest();
  return attempt < SHORT_ATTEMPTS
    ? String(LABEL_MIN + (mac.readUInt32BE(0) % LABEL_SPAN))
    : String(mac.readUInt32BE(0) % 100_000_000).padStart(8, '1');
};

/** The label a family's slot on a board reads as: its `attempt`-th candidate. */
export const familyLabel = (boardKey: Buffer, boardId: string, userId: string, attempt: number): string =>
  candidate(labelKey(boardKey), boardId, userId, attempt);

/**
 * Labels for families the board has not labelled yet. Each newcomer, in the order given, takes
 * the first of its own candidates that no family holds (those in `held`, then the newcomers
 * before it); what is returned is each newcomer's attempt, which is kept (cohort_labels). So no
 * two families of a board share a label, and a label once given never moves: not when others
 * join, nor when a family whose label it collided with leaves or is purged.
 */
export const newLabelAttempts = (
  boardKey: Buffer,
  boardId: string,
  held: ReadonlyMap<string, number>,
  newcomers: Iterable<string>,
): Map<string, number> => {
  const key = labelKey(boardKey);
  const taken = new Set([...held].map(([id, attempt]) => candidate(key, boardId, id, attempt)));
  const out = new Map<string, number>();
  for (const id of newcomers) {
    if (held.has(id) || out.has(id)) continue;
    let attempt = 0;
    let label = candidate(key, boardId, id, attempt);
    while (taken.has(label)) label = candidate(key, boardId, id, ++attempt);
    taken.add(label);
    out.set(id, attempt);
  }
  return out;
};

/**
 * Folded for comparison as logins are (case, ё, Latin look-alikes), separators dropped; and the
 * look-alikes that folding leaves apart, which a board name may hold (NAME_CHARS). A capital I
 * reads as l and, case folded, as i: so i, I, l, 1, the Cyrillic і and the palochka are one
 * letter here; the ј and ѕ of other Cyrillic alphabets are the Latin j and s.
 */
const fold = (text: string): string =>
  foldedName(text.replace(/[iIl1ІіӀӏ]/g, 'l'))
    .replace(/ /g, '')
    .replace(/ј/g, 'j')
    .replace(/ѕ/g, 's');

/** The name shows the login pseudonym: is it, or holds it. */
export const showsLogin = (name: string, pseudonym: string): boolean => {
  const login = fold(pseudonym);
  return login.length > 0 && fold(name).includes(login);
};

/** Two names a reader could take for one another. */
export const sameName = (a: string, b: string): boolean => fold(a) === fold(b);

const FAMILY_WORDS = ['семья', 'family'].map(fold);
/**
 * What passes for the organisation: families read its posts as «Организация», and an informer
 * who wants their soldiers' details asks for them as its moderator, its lawyer or its support.
 * Stems, so that every ending is caught (модератор, модерация; юрист, юристы).
 */
const STAFF_WORDS = [
  'организа',
  'organisa',
  'organiza',
  'модер',
  'moderat',
  'администр',
  'админ',
  'admin',
  'сотрудни',
  'staff',
  'поддержк',
  'support',
  'юрист',
  'lawyer',
  'адвокат',
  'attorney',
  'куратор',
  'curator',
  'координатор',
  'coordinator',
  'правозащит',
  'kintrace',
].map(fold);

/** A name of an organisation short enough to be a common word («Мир») is not looked for in others. */
const ORG_NAME_MIN = 4;

/**
 * A name a reader could take for the site's own label of another family («Семья 4821», also
 * spelt with Latin look-alikes or "Family 4821") or for the organisation's staff: their words, or
 * the name of the organisation (`organisations`: the board's) itself.
 */
export const impersonates = (name: string, organisations: readonly string[] = []): boolean => {
  const folded = fold(name);
  if (STAFF_WORDS.some((w) => folded.includes(w))) return true;
  if (organisations.map(fold).some((o) => o.length >= ORG_NAME_MIN && folded.includes(o))) return true;
  const rest = FAMILY_WORDS.reduce((text, w) => text.replaceAll(w, ''), folded);
  if (rest === folded) return false;
  // Any digit after «Семья» reads as a label; so do the letters О and З alone, which folding
  // makes of the digits 0 and 3 («Семья ЗООО» for «Семья 3000»).
  return /\p{N}/u.test(name) || /^[№#.,'’()оз-]*$/u.test(rest);
};

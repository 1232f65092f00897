import {
  canonicalGivenName,
  givenNameReadings,
  metaphoneRu,
  nameKey,
  parseUnit,
  patronymicGenderless,
  surnameGenderless,
} from '../linkage/engine/normalize/index.ts';
import { parsePartialDate } from './partial-date.ts';

// Search keys stored on every person record, computed with the linkage engine's normalisers so a
// name typed in any script or transliteration meets its record through one indexed equality:
//
//   surname_nk    the name key: Доржиев, Dorzhiev, Dorjiev → доржев (one skeleton for every
//                 spelling, see src/linkage/engine/normalize/names.ts)
//   surname_gl    without a feminine ending: Кузнецова, Kuznetsova → кузнетсов
//   surname_phon  its sound (Russian metaphone): a vowel or voicing typo still meets it
//   given_canon   the full given name: Андрюша, Andrei, Андрей → андреи
//   patronymic_gl the father's name without gender: Иванович, Ивановна → иван
//   surname_head_gl, surname_tail_gl  a surname of several words (Петров-Водкин, Римская-
//                 Корсакова): the first and the last word's genderless key (петров, корсаков), so
//                 one part finds it; null for a surname of one word
//
// Bump KEYS_VERSION when a normaliser changes what it returns: the matching job recomputes the
// keys of every record stored with an older version (they are found by the other keys meanwhile).
// Version 3: the one-edit name dictionary (person_name_variants, name-neighbours.ts), which the
// same pass fills for the records stored before it. Version 4: the entered forms' plain keys
// (surname_key and the others, people/names.ts searchKey) read a Latin look-alike typed into a
// Cyrillic word as its Cyrillic letter, so the pass recomputes them as well. Version 5: the unit
// number and the unit's name are read as two parts ("22222, танковый полк"), not one phrase, which
// took the number's last digit for a regiment's ("2 тп") and lost the unit number. Version 6: the
// parts of a double surname (surname_head_gl, surname_tail_gl): «Тарасов» did not find
// «Тарасов-ДЕМО» (QA walk 6), nor would «Водкин» find «Петров-Водкин».

export const KEYS_VERSION = 6;

export interface KeyedFields {
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string | null;
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  colony: string | null;
}

export interface PersonSearchKeys {
  surname_nk: string | null;
  surname_gl: string | null;
  surname_phon: string | null;
  given_canon: string | null;
  patronymic_gl: string | null;
  surname_head_gl: string | null;
  surname_tail_gl: string | null;
  birth_year: number | null;
  unit_number_key: string | null;
  unit_formation_key: string | null;
  colony_key: string | null;
  keys_version: number;
}

const orNull = (s: string | null | undefined): string | null => (s ? s : null);

/** The surname's keys: name key, genderless key, sound. */
export const surnameKeys = (raw: string) => {
  const nk = nameKey(raw, 'surname');
  const gl = surnameGenderless(nk);
  return { nk, gl, phon: metaphoneRu(gl) };
};

/**
 * The first and last word of a surname of several (hyphen or space between them), by their
 * genderless keys; both null for a surname of one word. A middle word of three is not kept: such
 * surnames are rare, and the whole name's key still finds them.
 */
export const surnamePartKeys = (raw: string): { head: string | null; tail: string | null } => {
  const parts = raw
    .split(/[\s\-‐–—]+/u)
    .map((w) => surnameKeys(w).gl)
    .filter(Boolean);
  if (parts.length < 2) return { head: null, tail: null };
  return { head: parts[0], tail: parts[parts.length - 1] };
};

/** A unit as typed (number, name or both) → open unit number and canonical formation. */
export const unitKeys = (text: string | null | undefined): { number: string | null; formation: string | null } => {
  if (!text?.trim()) return { number: null, formation: null };
  const u = parseUnit(text);
  return { number: u.number, formation: u.formation };
};

/**
 * A penal colony within its region: "ИК-6", "исправительная колония № 6", "IK 6" in Пермский
 * край all give "RU-PER:6". Without a number, the name's key stands in.
 */
export const colonyKey = (colony: string | null | undefined, region: string | null): string | null => {
  const text = colony?.trim();
  if (!text) return null;
  const digits = /\d+/.exec(text)?.[0];
  const id = digits ? String(Number(digits)) : nameKey(text, 'surname');
  return id ? `${region ?? '?'}:${id}` : null;
};

/**
 * The keys a name is matched by whatever its spelling: the surname without gender and by sound,
 * the full given name, the father's name without gender (empty where there is none). The staff
 * search's records and the public registry's both store these.
 */
export const nameMatchKeys = (n: Pick<KeyedFields, 'surname' | 'given_name' | 'patronymic'>) => {
  const s = surnameKeys(n.surname);
  return {
    surname_nk: s.nk,
    surname_gl: s.gl,
    surname_phon: s.phon,
    given_canon: canonicalGivenName(nameKey(n.given_name, 'given')),
    patronymic_gl: n.patronymic ? patronymicGenderless(nameKey(n.patronymic, 'patronymic')) : '',
  };
};

export const personSearchKeys = (p: KeyedFields): PersonSearchKeys => {
  const n = nameMatchKeys(p);
  const parts = surnamePartKeys(p.surname);
  // Two fields, two parts: "22222 танковый полк" would read as the 2nd tank regiment.
  const unit = unitKeys([p.unit_number, p.unit_name].filter(Boolean).join(', '));
  return {
    surname_nk: orNull(n.surname_nk),
    surname_gl: orNull(n.surname_gl),
    surname_phon: orNull(n.surname_phon),
    given_canon: orNull(n.given_canon),
    patronymic_gl: orNull(n.patronymic_gl),
    surname_head_gl: parts.head,
    surname_tail_gl: parts.tail,
    birth_year: p.birth_date ? Number(p.birth_date.slice(0, 4)) || null : null,
    unit_number_key: unit.number,
    unit_formation_key: unit.formation,
    colony_key: colonyKey(p.colony, p.region_code),
    keys_version: KEYS_VERSION,
  };
};

/** What one word of a search may be: a surname, a given name (every reading), a patronymic. */
export interface TokenKeys {
  nk: string;
  gl: string;
  phon: string;
  given: string[];
  patronymic: string;
}

export const tokenKeys = (token: string): TokenKeys | null => {
  const s = surnameKeys(token);
  if (!s.nk) return null;
  return {
    nk: s.nk,
    gl: s.gl,
    phon: s.phon,
    given: givenNameReadings(nameKey(token, 'given')),
    patronymic: patronymicGenderless(s.nk),
  };
};

/**
 * A word that is initials, as letters and lists write them («П.С.», «П.», «Yu.A.», a lone «П»):
 * the first letter of each name's key, in order; null for a word that is a name. A name of two
 * letters («Ли») is a name unless it ends in a dot.
 */
export const initialKeys = (word: string): string[] | null => {
  if (!/^(?:\p{L}{1,2}\.)+\p{L}{0,2}$|^\p{L}$/u.test(word)) return null;
  return word
    .split('.')
    .filter(Boolean)
    .map((x) => nameKey(x, 'given').slice(0, 1))
    .filter(Boolean);
};

/** A mobilisation wave as typed ("09.2022", "2022-09", "2022") → "2022-09" or "2022"; null if not a date. */
export const waveKey = (text: string | null | undefined): string | null => {
  const d = text?.trim() ? parsePartialDate(text) : null;
  return d ? d.value.slice(0, 7) : null;
};

import { isKnownGivenName } from './given-names.ts';
import { isObliqueGivenName, type NameParts } from './name-cases.ts';
import { isInitial, nameKey } from './names.ts';
import { withoutRankOrCallSign } from './name-extras.ts';

// Russian lists most often give a man's name in one column, «ФИО»: "Иванов Иван Иванович",
// "Иван Иванович Иванов", "Иванов И.И.", or the given name with the patronymic ("Иван
// Иванович"). Written into the surname (or given-name) field, such a record agrees with nobody:
// its surname is three words. Lists also write it surname first or last, the surname in
// capitals, with a rank before it (name-extras.ts) or in an oblique case (name-cases.ts reads it
// back). Split when the words say unambiguously which is which (a known given name, a word with a
// patronymic's ending, initials, capitals); otherwise leave the record as it is.

// Also declined ("Иванова Сергея Петровича"): name-cases.ts reads it back once it is split.
const PATRONYMIC =
  /(?:ович|евич|ич|ичь|ича|ичу|ичем|иче|ыч|ыча|овна|евна|ична|инична|ovich|evich|ovitch|evitch|ich|ovna|evna|ichna|ovych|evych|ivna)$/iu;
const SURNAME =
  /(?:ов|ев|ёв|ин|ын|ский|цкий|ской|цкой|ко|енко|ук|юк|ян|янц|дзе|швили|ова|ева|ёва|ина|ына|ская|цкая|ых|их|ін|їн|ov|ev|in|yn|sky|skiy|skii|tsky|ko|uk|yuk|yan|dze|shvili|ova|eva|ina|skaya|ykh|ikh)$/iu;
/** Endings only surnames have, never a given name of any people the lists name (not -ин: Зайнутдин). */
const SURNAME_ONLY = /(?:[оеё]в|[оеё]ва|[сц]кий|[сц]кая|енко|швили|дзе|ян|ov|ev|sky|skiy|enko|shvili|dze|yan)$/iu;
/** Turkic patronymics are two words: "Мамед оглы", "Айгуль кызы", Kyrgyz "Рустам уулу", Kazakh "Асан улы". */
const TURKIC = /^(?:оглы|оглу|огли|угли|ўғли|кызы|кизи|уулу|улы|ogly|oglu|ogli|ugli|kyzy|qizi|uulu|uly)$/iu;

const isPatronymic = (w: string): boolean => PATRONYMIC.test(w) && !isKnownGivenName(nameKey(w, 'given'));
/** A given name as written or in an oblique case ("Бойко Алексея"): name-cases.ts reads it back. */
const isGiven = (w: string): boolean =>
  !isInitial(w) && (isKnownGivenName(nameKey(w, 'given')) || isObliqueGivenName(w));

/** "И.И." or "И. И." → ["И.", "И."]; null when the text is not one or two initials. */
const initials = (text: string): string[] | null => {
  // Two initials are at most "Shch. Yu." long: a longer text is names (the cheap test first).
  if (text.length > 11) return null;
  const letters = text.match(/\p{L}\.?/gu);
  if (!letters || letters.length > 2 || !isInitial(text)) return null;
  return letters.map((l) => (l.endsWith('.') ? l : `${l}.`));
};

export type { NameParts } from './name-cases.ts';

/**
 * The three name fields with a full name spread over them, or null when there is nothing to split
 * (the fields are already apart) or the split would be a guess.
 */
export function splitFullName(surname: string, given: string, patronymic: string): NameParts | null {
  // A rank before the name or a call sign after it is no part of the name (name-extras.ts).
  const [bareSurname, bareGiven] = [withoutRankOrCallSign(surname.trim()), withoutRankOrCallSign(given.trim())];
  const split = splitBare(bareSurname, bareGiven, patronymic);
  if (split) return split;
  const cleaned = bareSurname !== surname.trim() || bareGiven !== given.trim();
  return cleaned ? { surname: bareSurname, given: bareGiven, patronymic } : null;
}

function splitBare(surname: string, g: string, patronymic: string): NameParts | null {
  // "И.И.Иванов": initials typed without a space before the surname.
  // "Иванов, Иван Иванович" and "Иванов,Иван,Иванович": commas between the words are spaces.
  const s = surname.replace(/\.(?=\p{L}{2})/gu, '. ').replace(/\s*,\s*(?=\p{L})/gu, ' ');
  if (patronymic.trim()) return null;
  if (!g && /\s/.test(s)) return splitWords(s);
  // The whole name in the given-name field, the surname's left empty ("Кирилл Солодев").
  const whole = !s && /\s/.test(g) ? splitWords(g.replace(/\s*,\s*(?=\p{L})/gu, ' ')) : null;
  if (whole) return whole;
  if (g && /\s/.test(g) && !/\s/.test(s)) {
    // "Иван Иванович" in the given-name field.
    const w = g.split(/\s+/);
    if (w.length === 2 && isGiven(w[0]) && isPatronymic(w[1])) return { surname: s, given: w[0], patronymic: w[1] };
    if (w.length === 3 && TURKIC.test(w[2])) return { surname: s, given: w[0], patronymic: `${w[1]} ${w[2]}` };
  }
  return null;
}

function splitWords(text: string): NameParts | null {
  const w = text.split(/\s+/);
  // "Иванов И.И.", "Иванов И. И.", "И.И. Иванов"
  const tail = initials(w.slice(1).join(' '));
  if (tail && !isInitial(w[0])) return { surname: w[0], given: tail[0], patronymic: tail[1] ?? '' };
  const head = initials(w.slice(0, -1).join(' '));
  if (head && !isInitial(w[w.length - 1]))
    return { surname: w[w.length - 1], given: head[0], patronymic: head[1] ?? '' };
  if (w.length === 4 && TURKIC.test(w[3])) return { surname: w[0], given: w[1], patronymic: `${w[2]} ${w[3]}` };
  if (w.length === 3) {
    if (isGiven(w[1]) && isPatronymic(w[2]) && !isGiven(w[0])) return { surname: w[0], given: w[1], patronymic: w[2] };
    if (isGiven(w[0]) && isPatronymic(w[1]) && !isGiven(w[2])) return { surname: w[2], given: w[0], patronymic: w[1] };
    // A given name no list knows (Баир, Айдыс, Чингис): where the one patronymic stands says
    // the order, "Доржиев Баир Цыренович" or "Баир Цыренович Доржиев".
    const p = w.map(isPatronymic);
    if (p[2] && !p[1] && !p[0]) return { surname: w[0], given: w[1], patronymic: w[2] };
    if (p[1] && !p[0] && !p[2]) return { surname: w[2], given: w[0], patronymic: w[1] };
    return byCapitals(w);
  }
  if (w.length === 2) {
    // Without a patronymic the only evidence is the names themselves: one a known given name and
    // the other not ("Магомед Расул" may be two given names: no split).
    const [a, b] = [isGiven(w[0]), isGiven(w[1])];
    // A word that is no given name and no patronymic is the surname, in either order ("Олейник
    // Тимур", "Женя Шмелен"); measured with a surname's ending required, 0.004 less F1 on the
    // fifth generator.
    const surnameLike = (x: string): boolean => !isPatronymic(x) && (x.length > 2 || SURNAME.test(x));
    if (b && !a && surnameLike(w[0])) return { surname: w[0], given: w[1], patronymic: '' };
    if (a && !b && surnameLike(w[1])) return { surname: w[1], given: w[0], patronymic: '' };
    // A given name no list knows (Магомедшапи, Исик) beside a word only a surname ends so.
    if (!a && !b && !w.some(isPatronymic)) {
      const [sa, sb] = [SURNAME_ONLY.test(w[0]), SURNAME_ONLY.test(w[1])];
      if (sa && !SURNAME.test(w[1])) return { surname: w[0], given: w[1], patronymic: '' };
      if (sb && !SURNAME.test(w[0])) return { surname: w[1], given: w[0], patronymic: '' };
    }
  }
  return byCapitals(w);
}

/**
 * A form's given name and patronymic entered in each other's fields ("Петрович" as the given
 * name, "Сергей" as the patronymic), put back; null when they are where they belong or it is not
 * sure (both fields must read as what the other field is for, and neither as its own). A
 * patronymic alone in the given-name field goes to its own field.
 */
export function givenAndPatronymicInPlace(given: string, patronymic: string): [string, string] | null {
  const [g, p] = [given.trim(), patronymic.trim()];
  if (!g || /\s/.test(g) || /\s/.test(p)) return null;
  // A patronymic alone, in the given name's field ("ЛЫСОГОРЛОВ | Владимирович |"): the given name
  // is missing, and a patronymic against the other records' given names was "two men".
  // Only a patronymic's whole ending: "Денич" is Денис mistyped, not a father's name.
  if (!p) return WHOLE_PATRONYMIC.test(g) && isPatronymic(g) && !isGiven(g) ? ['', g] : null;
  return isPatronymic(g) && !isGiven(g) && readsAsGiven(p) ? [p, g] : null;
}

/** A patronymic's ending that no given name or typo of one has: -ович, -евич, -овна, -ична … */
const WHOLE_PATRONYMIC = /(?:ович|евич|овна|евна|ична|ovich|evich|ovna|evna|ichna)$/iu;

/** Letters a patronymic keeps even mistyped at its end ("Владимирови", "Петровн"). */
const PATRONYMIC_INSIDE = /(?:ови|еви|овн|евн|ичн|ovi|evi|ovn|evn)/iu;

/**
 * The patronymic field's word read as the given name it holds: a known given name or an
 * initial, or a word with nothing of a patronymic in it — the given name mistyped ("Пазел") or
 * one no list knows. A field that holds a patronymic, whole or mistyped, is left in its place.
 */
const readsAsGiven = (p: string): boolean =>
  isGiven(p) || isInitial(p) || (!PATRONYMIC.test(p) && !PATRONYMIC_INSIDE.test(p) && /^\p{L}+$/u.test(p));

/** A word of two or more letters, all capitals: "ИВАНОВ", "SANHINOV". */
const isCapitals = (w: string): boolean => /^\p{Lu}[\p{Lu}'-]+$/u.test(w);

/**
 * "SANHINOV Abdullo", "Денис ГОНЧАРЕНКО", "КУЗНЕЦОВ Бахтияр Рашидович": official lists write the
 * surname in capitals and the rest not. One word in capitals among words that are not is the
 * surname; the others are the given name and the patronymic, in their order.
 */
function byCapitals(w: readonly string[]): NameParts | null {
  if (w.length < 2 || w.length > 3 || w.some(isInitial)) return null;
  const caps = w.filter(isCapitals);
  if (caps.length !== 1) return null;
  const rest = w.filter((x) => x !== caps[0]);
  return { surname: caps[0], given: rest[0], patronymic: rest[1] ?? '' };
}

import { isKnownGivenName } from './given-names.ts';
import { isInitial, nameKey } from './names.ts';

// Russian lists most often give a man's name in one column, «ФИО»: "Иванов Иван Иванович",
// "Иван Иванович Иванов", "Иванов И.И.", or the given name with the patronymic ("Иван
// Иванович"). Written into the surname (or given-name) field, such a record agrees with nobody:
// its surname is three words. Split when the words say unambiguously which is which (a known
// given name, a word with a patronymic's ending, initials); otherwise leave the record as it is.

// Also declined ("Иванова Сергея Петровича"): name-cases.ts reads it back once it is split.
const PATRONYMIC = /(?:ович|евич|ич|ича|ичу|овна|евна|ична|инична|ovich|evich|ovitch|evitch|ich|ovna|evna|ichna)$/iu;
const SURNAME =
  /(?:ов|ев|ёв|ин|ын|ский|цкий|ской|цкой|ко|енко|ук|юк|ян|янц|дзе|швили|ова|ева|ёва|ина|ына|ская|цкая|ov|ev|in|yn|sky|skiy|skii|tsky|ko|uk|yuk|yan|dze|shvili|ova|eva|ina|skaya)$/iu;
/** Turkic patronymics are two words: "Мамед оглы", "Айгуль кызы", Kyrgyz "Рустам уулу", Kazakh "Асан улы". */
const TURKIC = /^(?:оглы|оглу|кызы|уулу|улы|ogly|oglu|kyzy|uulu|uly)$/iu;

const isPatronymic = (w: string): boolean => PATRONYMIC.test(w) && !isKnownGivenName(nameKey(w, 'given'));
const isGiven = (w: string): boolean => !isInitial(w) && isKnownGivenName(nameKey(w, 'given'));

/** "И.И." or "И. И." → ["И.", "И."]; null when the text is not one or two initials. */
const initials = (text: string): string[] | null => {
  const letters = text.match(/\p{L}\.?/gu);
  if (!letters || letters.length > 2 || !isInitial(text)) return null;
  return letters.map((l) => (l.endsWith('.') ? l : `${l}.`));
};

export interface NameParts {
  surname: string;
  given: string;
  patronymic: string;
}

/**
 * The three name fields with a full name spread over them, or null when there is nothing to split
 * (the fields are already apart) or the split would be a guess.
 */
export function splitFullName(surname: string, given: string, patronymic: string): NameParts | null {
  // "И.И.Иванов": initials typed without a space before the surname.
  // "Иванов, Иван Иванович" and "Иванов,Иван,Иванович": commas between the words are spaces.
  const s = surname
    .trim()
    .replace(/\.(?=\p{L}{2})/gu, '. ')
    .replace(/\s*,\s*(?=\p{L})/gu, ' ');
  const g = given.trim();
  if (patronymic.trim()) return null;
  if (!g && /\s/.test(s)) return splitWords(s);
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
    return null;
  }
  if (w.length === 2) {
    // Without a patronymic the only evidence is the names themselves: one a known given name,
    // the other with a surname's ending ("Магомед Расул" may be two given names: no split).
    const [a, b] = [isGiven(w[0]), isGiven(w[1])];
    if (b && !a && SURNAME.test(w[0])) return { surname: w[0], given: w[1], patronymic: '' };
    if (a && !b && SURNAME.test(w[1])) return { surname: w[1], given: w[0], patronymic: '' };
  }
  return null;
}

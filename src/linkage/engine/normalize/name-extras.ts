// What lists write beside a name that is no part of it. The ministry's and units' lists put the
// rank first ("ряд. Иванов Иван Иванович", "мл. сержант Петров", "гв. рядовой …", "ст. л-т …",
// "к-н …", "рядового Иванова" copied out of a sentence); news and chats add a call sign after
// the given name ("Даниил, позывной «Зверь»", "Егор (Призрак)"). Left in, the rank is read as the
// surname and the call sign as a second given name, and the record agrees with nobody.

const RANK_WORDS = [
  'рядов(?:ой|ого|ому)',
  'ряд',
  'ефрейтор(?:а|у)?',
  'ефр',
  'сержант(?:а|у)?',
  // Only with its dot: "Серж" is a given name (Armenian).
  'серж(?=\\.)',
  'с-т',
  'старшин(?:а|ы|е)',
  'ст-на',
  'прапорщик(?:а|у)?',
  'прап',
  'пр-к',
  'лейтенант(?:а|у)?',
  'лейт',
  'л-т',
  'капитан(?:а|у)?',
  'кап',
  'к-н',
  'майор(?:а|у)?',
  'м-р',
  'подполковник(?:а|у)?',
  'п/п-к',
  'п-п-к',
  'полковник(?:а|у)?',
  'п-к',
  'матрос(?:а|у)?',
  'мичман(?:а|у)?',
  'private',
  'pvt',
  'pte',
  'sergeant',
  'sgt',
  'corporal',
  'cpl',
  'lieutenant',
  'lt',
  'captain',
  'capt',
  'major',
  'maj',
].join('|');

/** A rank at the start, with "гвардии", "младший", "старший" before it, abbreviated or not. */
const RANK = new RegExp(
  `^(?:(?:гв|гвардии)\\.?\\s*)?(?:(?:мл|ст|младш(?:ий|его)|старш(?:ий|его)|jr|sr|senior|junior)\\.?\\s*)?(?:${RANK_WORDS})(?![\\p{L}-])\\.?\\s*`,
  'iu',
);
/** A call sign: "позывной «Зверь»", "п/з Гром", or a word in brackets or quotes after the name. */
const CALL_SIGN =
  /\s*(?:,\s*)?(?:(?:позывной|позыв\.|п\/з|call\s?sign)\s*[«"“„']?[^»"”',)]*[»"”']?|\([^)]*\)|[«"“„][^»"”]*[»"”])/giu;

/**
 * A rank inside or after a whole name, as posts copy it ("Иванов Иван Иванович, старший сержант",
 * "Олег Эдуардович прапорщик Золехов"): whole words only. A memorial formula is MEMORIAL's.
 */
const RANK_INSIDE = new RegExp(
  `(?<![\\p{L}-])(?:(?:гв|гвардии)\\.?\\s*)?(?:(?:мл|ст|младш(?:ий|его)|старш(?:ий|его))\\.?\\s*)?(?:${RANK_WORDS})(?![\\p{L}-])\\.?`,
  'giu',
);

/** A memorial formula, anywhere in a name field: never a name, so it goes wherever it stands. */
const MEMORIAL = /(?<![\p{L}-])(?:вечная|светлая)\s+память(?![\p{L}-])[.!,]*/giu;

/** The name without a rank before it or a call sign after it; the text itself when it has neither. */
export function withoutRankOrCallSign(text: string): string {
  if (!text) return text;
  // "ВЕЧНАЯ ПАМЯТЬ Иванов Иван": before the name, where only a rank was looked for, it stayed in.
  const unmourned = text.replace(MEMORIAL, ' ').replace(/\s+/gu, ' ').trim();
  let out = /\p{L}/u.test(unmourned) ? unmourned : text;
  // A name that is all in quotes or brackets («Иванов») is the name, not a call sign.
  if (/[«"“„(]|позыв|п\/з|call\s?sign/iu.test(out)) out = out.replace(CALL_SIGN, '').trim() || text;
  const bare = out.replace(RANK, '');
  // A rank alone ("Майор") is left as written: it may be the surname.
  const named = bare && bare !== out ? bare.trim() : out;
  return withoutRankInside(named);
}

/**
 * A whole name (three words and more) without the ranks and memorial words among them, when at
 * least two words are left. A single rank word last is a surname ("Иван Петрович Майор") unless a
 * comma sets it off ("…, сержант"); a rank phrase ("старший сержант") or an abbreviation ("мл.
 * с-т.") last is left out. The first word is the rank-before-the-name rule's.
 */
function withoutRankInside(text: string): string {
  if (text.split(/\s+/).length < 3) return text;
  const left = text
    .replace(RANK_INSIDE, (match: string, at: number) => {
      const before = text.slice(0, at);
      if (!/\p{L}/u.test(before)) return match;
      const last = !/\p{L}/u.test(text.slice(at + match.length));
      const setOff = /,\s*$/u.test(before) || /\s|\.$/u.test(match.trim());
      return last && !setOff ? match : ' ';
    })
    .replace(/\s*,\s*(?=,|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/,$/u, '');
  return left.split(' ').length >= 2 ? left : text;
}

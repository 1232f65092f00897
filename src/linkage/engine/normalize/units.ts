import { FORMATION_TYPES, ORDINAL_TYPES, VAGUE_TYPES } from './unit-formations.ts';
import { memo } from './memo.ts';
import { hasLatin, latinToCyrillic } from './latin.ts';
import { surnameFromGenitive } from './name-cases.ts';
import { nameKey } from './names.ts';

export interface UnitKey {
  number: string | null;
  formation: string | null;
}

// A military unit appears either as its open number ("в/ч 12345", the 4–6 digit "войсковая
// часть" code, sometimes with a letter suffix for a detached sub-unit: 12345-А) or as a
// formation name ("55 омсбр", "55-я отдельная мотострелковая бригада", "55th Motor Rifle
// Brigade"), or both. The number drops the sub-unit letter: a mother writes "в/ч 12345" where the
// letter says "в/ч 12345-А", and an exact comparison must not call them different. A number with only
// a generic word ("193 бригада", "91 полк") gives a vague key "193 бригада"; formationsCompatible
// tells whether it can be the same as "193 омсбр". A field post number gives "пп 12345".

const UNIT_MARKER =
  /(?:в\s*[/\\.]?\s*ч\.?|войсков\p{L}*\s+част\p{L}*|military\s+unit|mil\.?\s*unit|unit|v\s*[/\\.]?\s*ch\.?|вч|vch)\s*(?:№|n[or]?\.?|#)?\s*/iu;

const MARKED_NUMBER = new RegExp(UNIT_MARKER.source + String.raw`(\d{4,6})(?:\s*-\s*|\s*)?([\p{L}](?![\p{L}]))?`, 'iu');
/** A field post number (полевая почта, п/п) is another numbering: kept apart as "пп 12345" so it
 * never equals the open unit number 12345. */
const FIELD_POST =
  /(?:п\s*[/\\.]\s*п\.?|p\s*[/\\.]\s*p\.?|полев\p{L}*\s+почт\p{L}*|field\s+post(?:\s+office)?)\s*(?:№|n[or]?\.?|#)?\s*(\d{4,6})/iu;

/** A field post number's key: "пп 12345", never equal to the open unit number 12345. */
const FIELD_POST_KEY = 'пп ';
export const isFieldPostNumber = (number: string): boolean => number.startsWith(FIELD_POST_KEY);

/** The number before its marker: "12345 в/ч". */
const NUMBER_THEN_MARKER = /(?:^|[^\d\p{L}])(\d{4,6})\s*(?:в\s*[/\\.]?\s*ч\.?|вч|v\s*[/\\.]?\s*ch\.?)(?![\p{L}])/iu;
/** A number right after a formation's type word is that formation's ("мотострелковый полк 1009"). */
const AFTER_TYPE_WORD =
  /(?:полк\p{L}*|бригад\p{L}*|дивизи\p{L}*|арми\p{L}*|regiment|brigade|division)\s*(?:№|n[or]?\.?|#)?\s*$/iu;

function findNumber(s: string): { number: string | null; rest: string } {
  // The open unit number first: "в/ч 12345 п/п 67890" is unit 12345 (its field post is another
  // numbering of the same unit).
  let m = s.match(MARKED_NUMBER);
  if (m && !FIELD_POST.test(m[0])) return { number: m[1], rest: s.replace(FIELD_POST, ' ').replace(m[0], ' ') };
  m = s.match(FIELD_POST);
  if (m) return { number: `${FIELD_POST_KEY}${m[1]}`, rest: s.replace(m[0], ' ') };
  m = s.match(NUMBER_THEN_MARKER);
  if (m) return { number: m[1], rest: s.replace(m[0], ' ') };
  // A bare 4–6 digit number not followed by a formation word is a unit number.
  m = s.match(/(?:^|[^\d\p{L}])(\d{4,6})(?:\s*-\s*([\p{L}])(?![\p{L}]))?(?![\d])/u);
  if (
    m &&
    !AFTER_TYPE_WORD.test(s.slice(0, m.index ?? 0)) &&
    !/^\s*[-‐]?\s*(?:[яйгое]|ая|ый|ой|ий|го|ого|th|st|nd|rd)?\s+\p{L}/u.test(s.slice((m.index ?? 0) + m[0].length))
  ) {
    return { number: m[1], rest: s.replace(m[0], ' ') };
  }
  return { number: null, rest: s };
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

// Where a unit is written with its sub-units ("1 батальон 55 омсбр", "2 мсб 1 мсп", "71 мсп
// 42 мсд"), the key is the formation a family would name: a brigade or a regiment before a
// division, a division before an army or a corps, and a battalion only when nothing else is
// named. Otherwise "55 омсбр" and "3 мсб 55 омсбр" would compare as two different units.
const RANK: Record<string, number> = {
  // A plain motor rifle battalion is the likeliest sub-unit ("4 мсб 99 ошб"): last of all.
  мсб: 5,
  ошб: 4,
  орб: 4,
  отб: 4,
  оа: 3,
  та: 3,
  ак: 3,
  армия: 3,
  мсд: 2,
  тд: 2,
  дшд: 2,
  вдд: 2,
  дивизия: 2,
};
const rankOf = (canonical: string): number => RANK[canonical] ?? 1;
const isBattalion = (canonical: string): boolean => rankOf(canonical) >= 4;

/** Honorifics and branch names that may stand between a number and its type word ("12-я
 * отдельная бригада", "76th VDV Division"): skipped when looking for a vague type word. */
const BETWEEN = new Set([
  'отдельная',
  'отдельный',
  'отдельного',
  'гв',
  'гвардейская',
  'гвардейский',
  'вдв',
  'separate',
  'guards',
  'vdv',
]);

/** The word that can give a vague type: the first after the number (honorifics skipped), or,
 * for a number written after its type ("Brigade 55"), the last before it. */
function typeWordNear(after: readonly string[], before: readonly string[]): string | undefined {
  const next = after.find((w) => !BETWEEN.has(w));
  return next ?? (after.length === 0 ? before[before.length - 1] : undefined);
}

/** The type word(s) naming the formation of the number they follow (or, for the last number,
 * precede: "мотострелковая бригада 55"). */
function typeOfWords(ws: readonly string[], firstAfter: string | undefined): string | null {
  const text = ` ${ws.join(' ')} `;
  for (const t of FORMATION_TYPES) {
    for (const a of t.abbrs) if (text.includes(` ${a} `) || ws[0] === a.replace(/\s/g, '')) return t.canonical;
  }
  for (const t of FORMATION_TYPES) {
    for (const stems of t.stems) {
      if (stems.every((st) => ws.some((w) => w.startsWith(st) || w.includes(st)))) return t.canonical;
    }
  }
  // Only the word right after the number counts for a vague type ("193 бригада"), so that a
  // stray "полк" elsewhere in a note does not invent a formation.
  if (firstAfter) for (const t of VAGUE_TYPES) if (t.stems.some((st) => firstAfter.startsWith(st))) return t.canonical;
  return null;
}

// Ordinal endings in Russian, English and Russian in Latin letters ("55-ya", "1009-y", "20-oy").
const FORMATION_NUMBER =
  /(\d{1,4})\s*(?:-?\s*(?:[яйгое]|ая|ой|ый|ий|го|ого|th|st|nd|rd|ya|aya|iy|yy|yj|oy|ogo|go|y)(?!\p{L}))?/giu;
/** The same endings as whole Latin words, kept as they are when a unit is read in Cyrillic. */
const LATIN_ORDINAL = /^(?:th|st|nd|rd|ya|aya|iy|yy|yj|oy|ogo|go|y)$/i;

function findFormation(s: string): string | null {
  const named = namedFormation(s);
  if (named) return named;
  const numbers = [...s.matchAll(FORMATION_NUMBER)];
  let best: { key: string; rank: number } | null = null;
  numbers.forEach((m, i) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = words(s.slice(end, numbers[i + 1]?.index ?? s.length));
    const before = numbers.length === 1 ? words(s.slice(0, start)) : [];
    const type = typeOfWords([...after, ...before], typeWordNear(after, before));
    if (!type) return;
    const rank = rankOf(type);
    if (!best || rank < best.rank) best = { key: `${m[1]} ${type}`, rank };
  });
  return (best as { key: string } | null)?.key ?? honorificFormation(s);
}

// Formations families name by their honorific or their garrison instead of the number: "служит в
// Кантемировской", "Таманская дивизия", "Псковская дивизия ВДВ". Only the names that belong to
// one formation; a garrison's name counts only beside the word for a division.
const HONORIFIC: ReadonlyArray<[string, RegExp]> = [
  ['2 мсд', /таманск/iu],
  ['4 тд', /кантемировск/iu],
  ['200 омсбр', /печенгск/iu],
  ['76 дшд', /псковск\p{L}*\s+(?:\p{L}+\s+)?дивизи/iu],
  ['98 вдд', /ивановск\p{L}*\s+(?:\p{L}+\s+)?дивизи/iu],
  ['106 вдд', /тульск\p{L}*\s+(?:\p{L}+\s+)?дивизи/iu],
  ['7 дшд', /новороссийск\p{L}*\s+(?:\p{L}+\s+)?дивизи/iu],
];

function honorificFormation(s: string): string | null {
  for (const [key, pattern] of HONORIFIC) if (pattern.test(s)) return key;
  return null;
}

// Formations known by a name rather than a number. Storm units ("Шторм Z") are left out: they
// serve inside numbered regiments, so a record naming one and a record naming the regiment may
// well be the same man.
const NAMED: ReadonlyArray<{ key: string; pattern: RegExp }> = [
  // "ЧВК W", "ЧВК В.", "ЧВКW": the letter its men and their families write for it. Its nicknames
  // ("оркестр", "музыканты") were measured and left unread: agreeing on a company of tens of
  // thousands weighs as any formation does, and more such agreements linked namesakes (sixth-20k
  // F1 −0.002).
  {
    key: 'чвк вагнер',
    pattern:
      /(?:^|[^\p{L}])(?:вагнер\p{L}*|wagner|vagner|(?:[чпг]вк|pmc)\s*[«"„“]?\s*[wв]\.?\s*[»"“”]?(?![\p{L}]))(?![\p{L}])/iu,
  },
  { key: 'ахмат', pattern: /(?:^|[^\p{L}])(?:ахмат|akhmat|ahmat)(?![\p{L}])/iu },
  // Volunteer battalions and private companies of the DPR and LPR, known by their names.
  { key: 'восток', pattern: /(?:^|[^\p{L}])(?<!дальний\s)(?:восток|vostok)(?![\p{L}])/iu },
  { key: 'спарта', pattern: /(?:^|[^\p{L}])(?:спарта|sparta)(?![\p{L}])/iu },
  { key: 'сомали', pattern: /(?:^|[^\p{L}])(?:сомали|somali)(?![\p{L}])/iu },
  { key: 'пятнашка', pattern: /(?:^|[^\p{L}])(?:пятнашка|pyatnashka)(?![\p{L}])/iu },
  { key: 'чвк редут', pattern: /(?:^|[^\p{L}])(?:редут|redut)(?![\p{L}])/iu },
  { key: 'конвой', pattern: /(?:^|[^\p{L}])(?:конвой|konvoi|konvoy)(?![\p{L}])/iu },
  { key: 'русич', pattern: /(?:^|[^\p{L}])(?:русич|rusich)(?![\p{L}])/iu },
  { key: 'эспаньола', pattern: /(?:^|[^\p{L}])(?:эспаньола|espa[nñ]ola)(?![\p{L}])/iu },
  { key: 'призрак', pattern: /(?:^|[^\p{L}])(?:призрак|prizrak)(?![\p{L}])/iu },
  { key: 'оплот', pattern: /(?:^|[^\p{L}])(?:оплот|oplot)(?![\p{L}])/iu },
];
const BARS =
  /(?:^|[^\p{L}])(?:барс|bars)\s*[-‐–]?\s*(\d{1,3})(?!\d)|(\d{1,3})\s*(?:-?\s*(?:[йяго]|ий|ый|ой|го))?\s+(?:барс|bars)(?![\p{L}])/iu;

function namedFormation(s: string): string | null {
  for (const n of NAMED) if (n.pattern.test(s)) return n.key;
  const bars = s.match(BARS);
  return bars ? `барс ${bars[1] ?? bars[2]}` : null;
}

// A unit known by a name of its own that NAMED does not list: a volunteer battalion, a detachment
// or a private company ("ЧВК «Гранит»", "батальон «Сокол»", "3 шо, отряд Кедр"). The name in
// quotes, or the capitalised word right after the unit's kind, is its key, read as a name is (any
// script: "PMC Granit" is "ЧВК Гранит"). Storm units are not (see NAMED); a name beside an open
// unit number is left to the number.
const QUOTED_NAME = /[«"„“]\s*(\p{L}[\p{L}\s-]*?)\s*[»"“”]/u;
const NAME_AFTER_KIND =
  /(?:^|[^\p{L}])(?:чвк|пвк|pmc|chvk|батальон\p{L}*|б-н|дб|добробат|отряд\p{L}*|шо|battalion|detachment|otryad)\s+(?:имени\s+|им\.\s*)?(\p{L}[\p{L}-]*)/iu;
const STORM = /(?:^|[^\p{L}])(?:шторм|storm|shtorm)(?![\p{L}])/iu;

/**
 * A storm unit as lists spell it ("Шторм-Z", "Storm Z", "Шторм-Зет", "штурмовая рота Z", "отряд
 * «Шторм-V»"): one wording per kind, for the unit comparison's "same wording" level. Not a
 * formation (see NAMED): two records naming Storm-V agree on something, and against a numbered
 * regiment they say nothing.
 */
const STORM_KIND =
  /(?:шторм|storm|shtorm|штурмов\p{L}*\s+(?:рот\p{L}*|отряд\p{L}*))\s*[-‐–«"„“]*\s*(z|з|зет|zet|v|в)(?![\p{L}])/iu;
export function stormWording(raw: string): string | null {
  const m = raw.match(STORM_KIND);
  if (!m) return null;
  return /^[vв]$/iu.test(m[1]) ? 'шторм v' : 'шторм z';
}

/** BARS without its number: the whole combat reserve, any of its detachments. */
const BARS_ALONE = /(?:^|[^\p{L}])(?:барс|bars)(?![\p{L}])/iu;

function ownNameFormation(s: string): string | null {
  if (STORM.test(s) || BARS_ALONE.test(s)) return null;
  const after = s.match(NAME_AFTER_KIND);
  // Unquoted, only a capitalised word is a name ("батальон Сокол", not "батальон связи").
  const m = s.match(QUOTED_NAME) ?? (after && /^\p{Lu}/u.test(after[1]) ? after : null);
  if (!m) return null;
  // A unit named after a man names him in the genitive ("батальон имени Шаймуратова", "«имени
  // Шаймуратова»"); alone, his name is in the nominative ("Шаймуратов").
  const afterMan = m === after ? NAMED_AFTER_KIND.test(after[0]) : NAMED_AFTER.test(m[1]);
  const key = m[1]
    .replace(NAMED_AFTER, '')
    .split(/[\s-]+/)
    .map((w) => nameKey(afterMan ? surnameFromGenitive(w) : w, 'surname'))
    .filter(Boolean)
    .join('-');
  return key ? `«${key}»` : null;
}

/** "имени" before a unit's own name (inside its quotes), or ending the words before the name. */
const NAMED_AFTER = /^(?:имени|им\.)\s*/iu;
const NAMED_AFTER_KIND = /(?:имени|им\.)\s*\S+$/iu;

/** A formation key's number and type ("55 омсбр" → 55, омсбр); a named one has no number. */
const numberAndType = (formation: string): [string, string] => {
  const space = formation.indexOf(' ');
  return [formation.slice(0, Math.max(space, 0)), formation.slice(space + 1)];
};

/** The kind a formation type belongs to (омсбр, обрмп and бригада: бригада), if any. */
const familyOf = (type: string) => VAGUE_TYPES.find((v) => v.canonical === type || v.family.includes(type));

/**
 * A formation's number with its kind ("55 омсбр", "55 обрмп" and "55 бригада" are all "55
 * бригада"; "20 оа" is "20 армия"), for blocking: a formation written without its type meets
 * the typed one. Named formations and kinds outside the families stay as they are.
 */
export function formationFamilyKey(formation: string | null): string | null {
  if (!formation) return null;
  const [number, type] = numberAndType(formation);
  const family = familyOf(type);
  return family ? `${number} ${family.canonical}` : formation;
}

/**
 * Whether two formation keys, one or both without their type ("55 бригада", "20 армия"), name
 * one formation (same number, types of one family), two of one kind ("55 бригада" and "64
 * омсбр", "1009 полк" and "1010 полк"), or cannot be compared (an army against a brigade: a
 * brigade serves in an army). Used where one side is vague; two typed formations that differ are
 * two formations (measured: reading a typed army against a typed brigade as incomparable lost
 * F1 on both generators).
 */
export function formationAgreement(a: string, b: string): 'same' | 'different' | 'incomparable' {
  if (formationsCompatible(a, b)) return 'same';
  const fa = familyOf(numberAndType(a)[1]);
  return fa && fa === familyOf(numberAndType(b)[1]) ? 'different' : 'incomparable';
}

/** True when two formation keys can be the same formation: equal, or the same number with one
 * side vague ("193 бригада") and the other a type of that family ("193 омсбр"). */
export function formationsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const [na, ta] = numberAndType(a);
  const [nb, tb] = numberAndType(b);
  if (na !== nb) return false;
  const ordinal = (t: string) => ORDINAL_TYPES.find((o) => o.canonical === t);
  const oa = ordinal(ta);
  const ob = ordinal(tb);
  if (oa || ob) return (!!oa && oa.family.includes(tb)) || (!!ob && ob.family.includes(ta));
  const vague = (t: string) => VAGUE_TYPES.find((v) => v.canonical === t);
  const va = vague(ta);
  const vb = vague(tb);
  if (va && vb) return false;
  if (va) return va.family.includes(tb);
  if (vb) return vb.family.includes(ta);
  return false;
}

// Short forms people write for the words of a formation's name, spelled out before parsing:
// "м/с полк" (мотострелковый), "55 мотострелковая бр.", "отд." (dropped, as "отдельная" is).
const SHORT_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/(^|[^\p{L}])м\s*\/\s*с(?!\p{L})/giu, '$1мотострелковый '],
  [/(^|[^\p{L}])мотостр\.?(?!\p{L})/giu, '$1мотострелковый '],
  [/(^|[^\p{L}])бр\.?(?!\p{L})/giu, '$1бригада '],
  [/(^|[^\p{L}])див\.?(?!\p{L})/giu, '$1дивизия '],
  [/(^|[^\p{L}])отд\.?(?!\p{L})/giu, '$1 '],
  // Ukrainian sources name Russian units in Ukrainian: "37 окрема мотострілецька бригада", "98
  // повітряно-десантна дивізія", "14 окрема бригада спецпризначення".
  // Its feminine ordinals ("155-та", "7-ма", "3-тя", "2-га", the genitive "155-ї") are the Russian "-я".
  [/(\d)\s*-\s*(?:та|ма|тя|га|ї)(?!\p{L})/giu, '$1-я'],
  [/окрем\p{L}*/giu, 'отдельная'],
  [/мотострілець\p{L}*/giu, 'мотострелковая'],
  [/повітряно-десантн\p{L}*/giu, 'воздушно-десантная'],
  [/десантно-штурмов\p{L}*/giu, 'десантно-штурмовая'],
  [/механізован\p{L}*/giu, 'механизированная'],
  [/артилерійськ\p{L}*/giu, 'артиллерийская'],
  [/морської\s+піхоти/giu, 'морской пехоты'],
  [/спецпризначення|спеціального\s+призначення/giu, 'специального назначения'],
  [/дивізі\p{L}*/giu, 'дивизия'],
  [/армі[яї]/giu, 'армия'],
];
const spelledOut = (s: string): string => SHORT_FORMS.reduce((t, [re, by]) => t.replace(re, by), s);

/** A unit written in Latin letters word by word from Russian ("55-ya otdelnaya motostrelkovaya
 * brigada"): its Cyrillic reading, for the Russian stems. English names are read as they are. */
const cyrillicReading = (s: string): string =>
  s.replace(/[A-Za-z]+/g, (w) => (LATIN_ORDINAL.test(w) ? w : latinToCyrillic(w.toLowerCase())));

/** "в/ч 12 345": an open unit number written with a thousands space is one number. */
const THOUSANDS = /((?:в\s*[/\\.]?\s*ч\.?|часть|unit)\s*(?:№|#)?\s*)(\d{2,3})\s(\d{3})(?!\d)/giu;

/**
 * The airborne troops' divisions and regiments are called air-assault or parachute
 * interchangeably ("76 ВДД" for the 76th Air Assault Division); their numbers never collide, so
 * one key per number: вдд is дшд, пдп is дшп.
 */
const AIRBORNE: Readonly<Record<string, string>> = { вдд: 'дшд', пдп: 'дшп' };
const oneAirborneKey = (formation: string | null): string | null => {
  if (!formation) return formation;
  const [number, type] = numberAndType(formation);
  return AIRBORNE[type] ? `${number} ${AIRBORNE[type]}` : formation;
};

// A formation's ordinal alone, perhaps in quotes: "132-я", "«27-й»", "1357-ый", "1009-го".
const BARE_ORDINAL = /^[«"„“]?\s*(\d{1,4})\s*-?\s*(?:(ая|я|ья)|(ый|ий|ой|й|ого|го))\s*[»"“”]?$/iu;
function ordinalFormation(s: string): string | null {
  const m = s.match(BARE_ORDINAL);
  return m ? `${m[1]} ${m[2] ? '-я' : '-й'}` : null;
}

// A unit field holding a name alone ("Рубеж", "Сокол-М") or a name before its kind in English
// order ("Granit PMC"): the unit's own name, as "ЧВК «Рубеж»" is. One capitalised word (a
// hyphen allowed: "Сокол-М"); two words are more often a place ("Дальний Восток"), and a unit's
// kind ("Полк") or a storm unit is no name.
const NAME_ALONE = /^[«"„“]?\s*(\p{Lu}\p{L}*(?:-\p{L}+)?)\s*[»"“”]?$/u;
const KIND_AFTER_NAME = /\s+(?:pmc|чвк)$/iu;
const KIND_WORD = /^(?:чвк|пвк|pmc|chvk|батальон\p{L}*|б-н|дб|добробат|отряд\p{L}*|шо|battalion|detachment|otryad)$/iu;
function nameAloneFormation(s: string): string | null {
  const m = s.replace(KIND_AFTER_NAME, '').match(NAME_ALONE);
  if (!m || STORM.test(s) || KIND_WORD.test(m[1]) || typeOfWords(words(m[1]), words(m[1])[0])) return null;
  return ownNameFormation(`«${m[1]}»`);
}

const cachedUnit = memo((raw: string): UnitKey => {
  const s = spelledOut(raw.normalize('NFC').trim().replace(THOUSANDS, '$1$2$3')).trim();
  if (!s) return { number: null, formation: null };
  // An ordinal alone is a formation's, however many digits: "1357-ый" is no open unit number.
  const ordinal = ordinalFormation(s);
  if (ordinal) return { number: null, formation: ordinal };
  const { number, rest } = findNumber(s);
  let formation = findFormation(rest);
  if (!formation && hasLatin(rest)) formation = findFormation(cyrillicReading(rest));
  // A battalion of a unit known by its name ("1 мсб ЧВК «Сокол-М»") is a sub-unit of it.
  if (formation && !number && isBattalion(numberAndType(formation)[1])) formation = ownNameFormation(rest) ?? formation;
  if (!formation && !number) formation = ownNameFormation(rest) ?? nameAloneFormation(rest);
  // A battalion beside an open unit number is a sub-unit of that unit, not another formation.
  return {
    number,
    formation: number && formation && isBattalion(numberAndType(formation)[1]) ? null : oneAirborneKey(formation),
  };
});

const isVague = (formation: string | null): boolean =>
  !!formation &&
  (VAGUE_TYPES.some((v) => formation.endsWith(` ${v.canonical}`)) ||
    ORDINAL_TYPES.some((o) => formation.endsWith(` ${o.canonical}`)));

/** Unit text → open unit number and/or canonical formation key ("55 омсбр"). A formation whose
 * type is not stated ("193 бригада") is null here, because an exact comparison would count it
 * as different from "193 омсбр"; parseUnitLoose returns it. */
export function parseUnit(raw: string): UnitKey {
  const u = cachedUnit(raw ?? '');
  return { number: u.number, formation: isVague(u.formation) ? null : u.formation }; // a copy
}

/** As parseUnit, but keeps vague formations ("193 бригада"); compare them with
 * formationsCompatible, not with ===. */
export function parseUnitLoose(raw: string): UnitKey {
  const u = cachedUnit(raw ?? '');
  return { number: u.number, formation: u.formation };
}

// Legitimate ways of writing the same name: patronymic rules, grammatical case, Ukrainian and
// Latin script, case styles. These are not errors; they are how different lists write.

const IRREGULAR_PATRONYMIC: Record<string, string> = {
  Илья: 'Ильич',
  Данила: 'Данилович',
  Савва: 'Саввич',
  Никита: 'Никитич',
  Фома: 'Фомич',
  Лука: 'Лукич',
  Кузьма: 'Кузьмич',
  Яков: 'Яковлевич',
  Пётр: 'Петрович',
  Павел: 'Павлович',
  Лев: 'Львович',
  Михаил: 'Михайлович',
  Дмитрий: 'Дмитриевич',
  Георгий: 'Георгиевич',
};

/** Russian patronymic from a father's given name (also applied to non-Russian names, as clerks do). */
export function patronymicOf(father: string): string {
  const irregular = IRREGULAR_PATRONYMIC[father];
  if (irregular) return irregular;
  if (father.endsWith('ий')) return `${father.slice(0, -2)}ьевич`;
  if (/[еа]й$/.test(father)) return `${father.slice(0, -1)}евич`;
  if (/[йь]$/.test(father)) return `${father.slice(0, -1)}евич`;
  if (/[аяиоуеэ]$/.test(father)) return `${father}евич`; // Муса → Мусаевич, Гаджи → Гаджиевич
  if (/[жшчщ]$/.test(father)) return `${father}евич`;
  return `${father}ович`;
}

/** Genitive case of a male name part: "прошу найти сына Иванова Ивана Ивановича". */
export function genitive(word: string, part: 'surname' | 'given' | 'patronymic'): string {
  if (!word || / /.test(word)) return word;
  if (part === 'patronymic') return /ич$/.test(word) ? `${word}а` : word;
  if (part === 'surname') {
    if (/(ский|цкий)$/.test(word)) return `${word.slice(0, -2)}ого`;
    if (/[ыо]й$/.test(word)) return `${word.slice(0, -2)}ого`;
    if (/(ко|ых|их|зода|ян|[аеиоуэюя])$/.test(word)) return word; // these do not decline in practice
  }
  if (/[йь]$/.test(word)) return `${word.slice(0, -1)}я`;
  if (/[гкхжшчщ]а$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/а$/.test(word)) return `${word.slice(0, -1)}ы`;
  if (/я$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/[аеиоуыэю]$/.test(word)) return word;
  return `${word}а`;
}

const RU_TO_UA: Record<string, string> = { и: 'і', ы: 'и', э: 'е', ъ: "'", ё: 'ьо' };
const VOWELS = 'аеёиоуыэюяіє';

/** Letter-by-letter Ukrainian rendering of a Russian-spelled word (Никитин → Нікітін, Кузнецов → Кузнєцов). */
export function toUkrainianLetters(word: string, softenE = false): string {
  // Adjectival surnames end as in Ukrainian (Жуковский → Жуковський); the stem is converted letter by letter.
  const ending = /[сц]кий$/.test(word) ? `${word.at(-4)}ький` : '';
  const w = (ending ? word.slice(0, -4) : word).replace(/ьё/g, 'йо'); // Соловьёв → Соловйов
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lower = ch.toLowerCase();
    const prev = i > 0 ? w[i - 1].toLowerCase() : ' ';
    let rep = RU_TO_UA[lower] ?? lower;
    const softened = softenE && prev !== 'ь' && !w.startsWith('нко', i + 1); // Марченко stays Ukrainian
    if (lower === 'е' && (i === 0 || VOWELS.includes(prev) || softened)) rep = 'є';
    if (lower === 'ё' && (i === 0 || VOWELS.includes(prev))) rep = 'йо';
    out += ch === lower ? rep : rep[0].toUpperCase() + rep.slice(1);
  }
  return out + ending;
}

/** Ukrainian patronymic from the Ukrainian form of the father's name (Сергій → Сергійович). */
export function ukrainianPatronymic(fatherUa: string): string {
  if (fatherUa === 'Микола') return 'Миколайович';
  if (fatherUa === 'Ілля') return 'Ілліч';
  if (fatherUa === 'Федір') return 'Федорович';
  if (/[оа]$/.test(fatherUa)) return `${fatherUa.slice(0, -1)}ович`;
  return `${fatherUa}ович`;
}

/** Back to Russian letters as a Russian clerk would retype a Ukrainian list: ы is lost for good. */
export function fromUkrainianLetters(word: string): string {
  return word
    .replace(/([сц])ький$/, '$1кий')
    .replace(/ьо/g, 'ё')
    .replace(/'/g, '')
    .replace(/ї/g, 'йи')
    .replace(/[іІєЄ]/g, (c) => ({ і: 'и', І: 'И', є: 'е', Є: 'Е' })[c] ?? c);
}

type LatinSystem = 'passport' | 'press';
const table = (spec: string): Record<string, string> =>
  Object.fromEntries(spec.split(' ').map((pair) => [pair[0], pair.slice(2)]));
// "letter:latin" pairs; ь and ' map to nothing.
const LATIN_BASE = table(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ' +
    "ч:ch ш:sh щ:shch ъ:ie ы:y ь: э:e ю:iu я:ia і:i є:ie ї:i ':",
);
const LATIN_PRESS = table('ё:yo й:y ю:yu я:ya ъ: є:ye ї:yi');

/** Latin transliteration: the 2013 Russian passport system, or the looser style of the English press. */
export function toLatin(word: string, system: LatinSystem): string {
  let w = word;
  if (system === 'press') w = w.replace(/ий$/, 'y').replace(/ый$/, 'y');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lower = ch.toLowerCase();
    let rep = (system === 'press' ? LATIN_PRESS[lower] : undefined) ?? LATIN_BASE[lower] ?? lower;
    if (system === 'press' && lower === 'е' && (i === 0 || VOWELS.includes(w[i - 1].toLowerCase()))) rep = 'ye';
    out += ch === lower ? rep : rep.charAt(0).toUpperCase() + rep.slice(1);
  }
  return out;
}

export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\S)/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function stripYo(s: string): string {
  return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

export function initial(s: string): string {
  return s ? `${s[0].toUpperCase()}.` : '';
}

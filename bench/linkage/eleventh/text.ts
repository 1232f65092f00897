// Word-level helpers for the eleventh generator: patronymics, female forms, case forms,
// Ukrainian spelling, Latin transliterations and the character-level noise operations.
import type { Rng } from './rng.ts';

const VOWELS = 'аеёиоуыэюяАЕЁИОУЫЭЮЯ';
const isVowel = (ch: string): boolean => VOWELS.includes(ch);
const HUSHING = 'жшчщц';

// ---------------------------------------------------------------- patronymics

const PATRONYMIC_EXCEPTIONS: Record<string, string> = {
  Павел: 'Павлович',
  Лев: 'Львович',
  Пётр: 'Петрович',
  Петр: 'Петрович',
  Илья: 'Ильич',
  Никита: 'Никитич',
  Фома: 'Фомич',
  Лука: 'Лукич',
  Кузьма: 'Кузьмич',
  Савва: 'Саввич',
  Яков: 'Яковлевич',
  Дмитрий: 'Дмитриевич',
  Георгий: 'Георгиевич',
  Габдулла: 'Габдуллович',
};

/** Russian patronymic from a father's given name (also used, as Russian documents do, for non-Russian names). */
export const patronymicOf = (father: string): string => {
  const exc = PATRONYMIC_EXCEPTIONS[father];
  if (exc) return exc;
  const last = father.slice(-1);
  if (father.endsWith('ий')) return `${father.slice(0, -2)}ьевич`;
  if (last === 'й') return `${father.slice(0, -1)}евич`;
  if (last === 'ь') return `${father.slice(0, -1)}евич`;
  if (isVowel(last)) return `${father}евич`;
  if (HUSHING.includes(last)) return `${father}евич`;
  return `${father}ович`;
};

// ---------------------------------------------------------------- female forms and case forms

/** The female form of a male surname, as a relative or a careless clerk may write it. */
export const femaleSurname = (s: string, invariant: boolean): string => {
  if (invariant) return s;
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return `${s}а`;
  if (/ский$/.test(s)) return `${s.slice(0, -2)}ая`;
  if (/цкий$/.test(s)) return `${s.slice(0, -2)}ая`;
  if (/[ыо]й$/.test(s)) return `${s.slice(0, -2)}ая`;
  if (/ий$/.test(s)) return `${s.slice(0, -2)}яя`;
  return s;
};

export type GrammarCase = 'gen' | 'dat' | 'ins';

const declineNoun = (w: string, c: GrammarCase): string => {
  const last = w.slice(-1);
  const stem = w.slice(0, -1);
  if (last === 'й') {
    if (w.endsWith('ий')) return stem + { gen: 'я', dat: 'ю', ins: 'ем' }[c];
    return stem + { gen: 'я', dat: 'ю', ins: 'ем' }[c];
  }
  if (last === 'ь') return stem + { gen: 'я', dat: 'ю', ins: 'ем' }[c];
  if (last === 'а') {
    const prev = stem.slice(-1);
    const soft = 'гкхжшчщ'.includes(prev);
    return stem + { gen: soft ? 'и' : 'ы', dat: 'е', ins: HUSHING.includes(prev) ? 'ей' : 'ой' }[c];
  }
  if (last === 'я') return stem + { gen: 'и', dat: 'е', ins: 'ёй' }[c];
  if (isVowel(last)) return w; // Бато, Доржи, Гаджи: not declined
  const hushing = HUSHING.includes(last);
  return w + { gen: 'а', dat: 'у', ins: hushing ? 'ем' : 'ом' }[c];
};

const GIVEN_CASE_EXC: Record<string, [string, string, string]> = {
  Павел: ['Павла', 'Павлу', 'Павлом'],
  Лев: ['Льва', 'Льву', 'Львом'],
  Пётр: ['Петра', 'Петру', 'Петром'],
  Петр: ['Петра', 'Петру', 'Петром'],
  Илья: ['Ильи', 'Илье', 'Ильёй'],
};
const CASE_INDEX: Record<GrammarCase, number> = { gen: 0, dat: 1, ins: 2 };

/** A given name in genitive, dative or instrumental, as it appears when copied from an obituary text. */
export const declineGiven = (w: string, c: GrammarCase): string => {
  const exc = GIVEN_CASE_EXC[w];
  if (exc) return exc[CASE_INDEX[c]];
  const dash = w.lastIndexOf('-');
  if (dash > 0) return w.slice(0, dash + 1) + declineNoun(w.slice(dash + 1), c);
  return declineNoun(w, c);
};

export const declineSurname = (s: string, c: GrammarCase): string => {
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return s + { gen: 'а', dat: 'у', ins: 'ым' }[c];
  if (/(ский|цкий)$/.test(s)) return s.slice(0, -2) + { gen: 'ого', dat: 'ому', ins: 'им' }[c];
  if (/[ыо]й$/.test(s)) return s.slice(0, -2) + { gen: 'ого', dat: 'ому', ins: 'ым' }[c];
  if (/(ых|их|ко|аго|яго)$/.test(s) || isVowel(s.slice(-1))) return s;
  return declineNoun(s, c);
};

export const declinePatronymic = (p: string, c: GrammarCase): string => {
  if (p.endsWith('ич')) return p + { gen: 'а', dat: 'у', ins: 'ем' }[c];
  return p;
};

/** Russian number agreement for an age: 21 год, 23 года, 25 лет. */
export const ageWord = (a: number): string => {
  const d = a % 10;
  const h = a % 100;
  if (d === 1 && h !== 11) return 'год';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'года';
  return 'лет';
};

// ---------------------------------------------------------------- Ukrainian spelling

/** Ukrainian equivalents of Russian given names, as Ukrainian-side lists often write them. */
export const UK_GIVEN: Record<string, string> = {
  Александр: 'Олександр',
  Алексей: 'Олексій',
  Сергей: 'Сергій',
  Андрей: 'Андрій',
  Дмитрий: 'Дмитро',
  Владимир: 'Володимир',
  Николай: 'Микола',
  Михаил: 'Михайло',
  Евгений: 'Євген',
  Иван: 'Іван',
  Павел: 'Павло',
  Пётр: 'Петро',
  Юрий: 'Юрій',
  Виктор: 'Віктор',
  Василий: 'Василь',
  Григорий: 'Григорій',
  Игорь: 'Ігор',
  Олег: 'Олег',
  Денис: 'Денис',
  Максим: 'Максим',
  Роман: 'Роман',
  Артём: 'Артем',
  Илья: 'Ілля',
  Константин: 'Костянтин',
  Вячеслав: "В'ячеслав",
  Анатолий: 'Анатолій',
  Виталий: 'Віталій',
  Валерий: 'Валерій',
  Геннадий: 'Геннадій',
  Фёдор: 'Федір',
  Степан: 'Степан',
  Тимофей: 'Тимофій',
  Кирилл: 'Кирило',
  Даниил: 'Данило',
  Данил: 'Данило',
  Данила: 'Данило',
  Егор: 'Єгор',
  Никита: 'Микита',
  Станислав: 'Станіслав',
  Владислав: 'Владислав',
  Леонид: 'Леонід',
  Борис: 'Борис',
  Антон: 'Антон',
  Руслан: 'Руслан',
  Вадим: 'Вадим',
  Семён: 'Семен',
  Ярослав: 'Ярослав',
  Георгий: 'Георгій',
  Матвей: 'Матвій',
  Аркадий: 'Аркадій',
  Валентин: 'Валентин',
  Эдуард: 'Едуард',
  Яков: 'Яків',
  Арсений: 'Арсеній',
  Иннокентий: 'Інокентій',
};

const UK_PATRONYMIC_EXC: Record<string, string> = {
  Микола: 'Миколайович',
  Ілля: 'Ілліч',
  Яків: 'Якович',
  Федір: 'Федорович',
};

const ukPatronymicFromUkGiven = (f: string): string => {
  const exc = UK_PATRONYMIC_EXC[f];
  if (exc) return exc;
  if (f.endsWith('о')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('а')) return `${f.slice(0, -1)}ович`;
  return `${f}ович`;
};

/** Letter-level respelling of a Russian word in Ukrainian orthography (Иванов → Іванов, Алексеев → Алексєєв). */
export const ukSpell = (w: string): string => {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lower = ch.toLowerCase();
    const up = ch !== lower;
    const prev = i > 0 ? w[i - 1].toLowerCase() : '';
    const atStart = i === 0 || prev === ' ' || prev === '-';
    let r: string;
    switch (lower) {
      case 'и':
        r = 'і';
        break;
      case 'ы':
        r = 'и';
        break;
      case 'э':
        r = 'е';
        break;
      case 'ъ':
        r = "'";
        break;
      case 'е':
        r = atStart || isVowel(prev) || prev === 'ь' || prev === 'ъ' ? 'є' : 'е';
        break;
      case 'ё':
        r = atStart || isVowel(prev) ? 'йо' : 'ьо';
        break;
      default:
        r = lower;
    }
    out += up ? r[0].toUpperCase() + r.slice(1) : r;
  }
  // adjective endings: -ский/-цкий → -ський/-цький; other final -ій after a consonant stays
  const end = "(?![А-Яа-яІЇЄҐіїєґ'])";
  return out
    .replace(new RegExp(`скій${end}`, 'g'), 'ський')
    .replace(new RegExp(`цкій${end}`, 'g'), 'цький')
    .replace(new RegExp(`СКІЙ${end}`, 'g'), 'СЬКИЙ')
    .replace(new RegExp(`ЦКІЙ${end}`, 'g'), 'ЦЬКИЙ');
};

export const ukGiven = (g: string): string => UK_GIVEN[g] ?? ukSpell(g);

/** Ukrainian patronymic: from the Ukrainian form of the father's name if known, else respelled. */
export const ukPatronymic = (father: string, ruPatronymic: string): string => {
  const ukf = UK_GIVEN[father];
  return ukf ? ukPatronymicFromUkGiven(ukf) : ukSpell(ruPatronymic);
};

// ---------------------------------------------------------------- Latin transliterations

export type LatinSystem = 'icao' | 'bgn' | 'popular' | 'ua';

const ICAO: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

const BGN: Record<string, string> = { ...ICAO, ё: 'yo', й: 'y', ъ: '', ю: 'yu', я: 'ya' };

const UA: Record<string, string> = {
  ...ICAO,
  г: 'h',
  ґ: 'g',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  є: 'ie',
  ю: 'iu',
  я: 'ia',
  ь: '',
  "'": '',
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
};
const UA_START: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** English-press spellings of common Russian given names. */
export const POPULAR_EN: Record<string, string> = {
  Александр: 'Alexander',
  Алексей: 'Alexei',
  Дмитрий: 'Dmitry',
  Сергей: 'Sergei',
  Евгений: 'Yevgeny',
  Юрий: 'Yuri',
  Андрей: 'Andrei',
  Михаил: 'Mikhail',
  Николай: 'Nikolai',
  Пётр: 'Pyotr',
  Илья: 'Ilya',
  Артём: 'Artyom',
  Фёдор: 'Fyodor',
  Максим: 'Maxim',
  Виталий: 'Vitaly',
  Анатолий: 'Anatoly',
  Валерий: 'Valery',
  Григорий: 'Grigory',
  Геннадий: 'Gennady',
  Василий: 'Vasily',
  Георгий: 'Georgy',
  Вячеслав: 'Vyacheslav',
  Семён: 'Semyon',
  Матвей: 'Matvei',
  Тимофей: 'Timofei',
};

const applyCase = (src: string, out: string): string => {
  if (out.length === 0) return out;
  const letters = src.replace(/[^А-ЯЁа-яёІЇЄҐіїєґ]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return out.toUpperCase();
  if (src[0] !== src[0].toLowerCase()) return out[0].toUpperCase() + out.slice(1);
  return out;
};

const latinWord = (w: string, sys: LatinSystem): string => {
  const table = sys === 'ua' ? UA : sys === 'icao' ? ICAO : BGN;
  let out = '';
  const lw = w.toLowerCase();
  for (let i = 0; i < lw.length; i++) {
    const ch = lw[i];
    const prev = i > 0 ? lw[i - 1] : '';
    const atStart = i === 0;
    if (sys === 'ua' && atStart && UA_START[ch]) {
      out += UA_START[ch];
      continue;
    }
    if (
      (sys === 'bgn' || sys === 'popular') &&
      ch === 'е' &&
      (atStart || isVowel(prev) || prev === 'ь' || prev === 'ъ')
    ) {
      out += 'ye';
      continue;
    }
    if (sys === 'popular' && ch === 'и' && lw[i + 1] === 'й' && i + 2 === lw.length) {
      out += 'y';
      i++;
      continue;
    }
    if (sys === 'popular' && ch === 'ы' && lw[i + 1] === 'й' && i + 2 === lw.length) {
      out += 'y';
      i++;
      continue;
    }
    const m = table[ch];
    out += m === undefined ? ch : m;
  }
  return applyCase(w, out);
};

/** Transliterate a whole string word by word, keeping spaces, hyphens and dots. */
export const latin = (s: string, sys: LatinSystem): string =>
  s.replace(/[А-ЯЁа-яёІЇЄҐіїєґ']+/g, (w) => latinWord(w, sys));

// ---------------------------------------------------------------- character noise

const RU_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const LAT_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const neighbourMap = (rows: string[]): Map<string, string> => {
  const m = new Map<string, string>();
  for (let r = 0; r < rows.length; r++) {
    for (let i = 0; i < rows[r].length; i++) {
      let n = '';
      if (i > 0) n += rows[r][i - 1];
      if (i + 1 < rows[r].length) n += rows[r][i + 1];
      if (r > 0 && rows[r - 1][i]) n += rows[r - 1][i];
      if (r + 1 < rows.length && rows[r + 1][i]) n += rows[r + 1][i];
      m.set(rows[r][i], n);
    }
  }
  return m;
};
const RU_NEIGHBOURS = neighbourMap(RU_ROWS);
const LAT_NEIGHBOURS = neighbourMap(LAT_ROWS);

const isLetter = (ch: string): boolean => /[A-Za-zА-ЯЁа-яёІЇЄҐіїєґ]/.test(ch);

const matchCase = (orig: string, ch: string): string => (orig !== orig.toLowerCase() ? ch.toUpperCase() : ch);

/** One keyboard slip: a neighbouring key, a dropped letter, a doubled letter or two letters swapped. */
export const typo = (s: string, rng: Rng): string => {
  if (s.length < 3) return s;
  // positions of letters; the first letter is hit less often (people check it)
  const start = rng.chance(0.1) ? 0 : 1;
  const positions: number[] = [];
  for (let i = start; i < s.length; i++) if (isLetter(s[i])) positions.push(i);
  if (positions.length === 0) return s;
  const i = rng.pick(positions);
  const op = rng.int(4);
  const ch = s[i];
  if (op === 0) {
    const lower = ch.toLowerCase();
    const n = RU_NEIGHBOURS.get(lower) ?? LAT_NEIGHBOURS.get(lower);
    if (!n) return s;
    return s.slice(0, i) + matchCase(ch, rng.pick([...n])) + s.slice(i + 1);
  }
  if (op === 1) return s.slice(0, i) + s.slice(i + 1);
  if (op === 2) return s.slice(0, i) + ch.toLowerCase() + s.slice(i);
  if (i + 1 < s.length && isLetter(s[i + 1])) {
    const a = s[i + 1];
    return s.slice(0, i) + matchCase(ch, a.toLowerCase()) + matchCase(a, ch.toLowerCase()) + s.slice(i + 2);
  }
  return s.slice(0, i) + s.slice(i + 1);
};

// Spelling-by-ear rules: [pattern, replacement]. Only rules that match are candidates.
const PHONETIC_RULES: [RegExp, string][] = [
  [/(?<=[А-ЯЁа-яё])о(?=[^о]*[а-яё])/, 'а'],
  [/(?<=[А-ЯЁа-яё])а(?=[а-яё])/, 'о'],
  [/(?<=[А-ЯЁа-яё])е(?=[а-яё])/, 'и'],
  [/(?<=[А-ЯЁа-яё])и(?=[а-яё])/, 'е'],
  [/ьев/, 'ев'],
  [/ьев/, 'иев'],
  [/([бвгджзклмнпрстф])\1/, '$1'],
  [/(?<=[аеиоуы])л(?=[аеиоуы])/, 'лл'],
  [/(?<=[аеиоуы])н(?=[аеиоуы])/, 'нн'],
  [/(?<=[аеиоуы])с(?=[аеиоуы])/, 'сс'],
  [/ци/, 'цы'],
  [/цы/, 'ци'],
  [/д$/, 'т'],
  [/(?<=[а-яё])т$/, 'д'],
  [/з(?=[кпстфхцчшщ])/, 'с'],
  [/щ/, 'ш'],
  [/э/, 'е'],
  [/^Е/, 'Э'],
  [/й(?=[а-яё])/, 'и'],
  [/ъ/, 'ь'],
  [/тс/, 'ц'],
  [/жи/, 'жы'],
  [/ши/, 'шы'],
];

/** One spelling-by-ear change (unstressed vowels, doubled consonants, ь, devoicing); null if none applies. */
export const phonetic = (s: string, rng: Rng): string | null => {
  const candidates: [RegExp, string][] = [];
  for (const r of PHONETIC_RULES) if (r[0].test(s)) candidates.push(r);
  if (candidates.length === 0) return null;
  const [re, rep] = rng.pick(candidates);
  const out = s.replace(re, rep);
  return out === s ? null : out;
};

const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};

/** One Cyrillic letter replaced by its Latin look-alike (copy-paste from PDFs and OCR); null if none. */
export const homoglyph = (s: string, rng: Rng): string | null => {
  const pos: number[] = [];
  for (let i = 0; i < s.length; i++) if (HOMOGLYPHS[s[i]]) pos.push(i);
  if (pos.length === 0) return null;
  const i = rng.pick(pos);
  return s.slice(0, i) + HOMOGLYPHS[s[i]] + s.slice(i + 1);
};

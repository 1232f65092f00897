// Latin spellings of Cyrillic names as they occur in prisoner and exchange lists: the passport
// standard (ICAO Doc 9303, Russian passports since 2013), the older MVD passport table
// (1997–2010), BGN/PCGN (press, maps), GOST 7.79 system B (libraries, with its backticks),
// informal English (conventional forms like Alexander, Yevgeny, -sky), French (Kouznetsov,
// Tchernov) and lists made in Ukraine, which spell Russian names through Ukrainian (г → h,
// Serhii, Oleksandr, Dmytro).

export type TranslitSystem = 'icao' | 'mvd_old' | 'bgn' | 'gost_b' | 'english' | 'french' | 'ukrainian';

export interface TranslitOptions {
  /** Informal spellings of Buryat and Caucasian names: ж, дж → j (Dorjiev, Gadjiev). */
  jStyle?: boolean;
  /** Informal х → h (Hasanov, Habib). */
  hStyle?: boolean;
  /** The word is a given name: English and Ukrainian lists use conventional forms. */
  givenName?: boolean;
}

type Table = Readonly<Record<string, string>>;

const BASE: Table = {
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
const TABLES: Readonly<Record<TranslitSystem, Table>> = {
  icao: BASE,
  mvd_old: { ...BASE, й: 'y', ц: 'tc', ъ: '', ю: 'yu', я: 'ya' },
  bgn: { ...BASE, ё: 'ë', й: 'y', ъ: '"', ь: "'", ю: 'yu', я: 'ya' },
  gost_b: { ...BASE, ё: 'yo', й: 'j', х: 'x', ц: 'cz', щ: 'shh', ъ: '``', ы: "y'", ь: '`', э: "e'", ю: 'yu', я: 'ya' },
  english: { ...BASE, ё: 'yo', й: 'y', ъ: '', ю: 'yu', я: 'ya' },
  french: {
    ...BASE,
    ё: 'io',
    ж: 'j',
    й: 'ï',
    у: 'ou',
    х: 'kh',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ъ: '',
    ю: 'iou',
    я: 'ia',
  },
  ukrainian: { ...BASE, г: 'h', ё: 'io', ъ: '' },
};

const VOWELS = 'аеёиоуыэюя';

// biome-ignore format: data table
const ENGLISH_GIVEN: Readonly<Record<string, readonly string[]>> = {
  Александр: ['Alexander', 'Aleksandr', 'Alexandr'], Алексей: ['Alexei', 'Alexey', 'Aleksei'],
  Андрей: ['Andrei', 'Andrey'], Дмитрий: ['Dmitry', 'Dmitri', 'Dmitriy'], Сергей: ['Sergei', 'Sergey'],
  Евгений: ['Yevgeny', 'Evgeny', 'Evgeniy', 'Eugene'], Юрий: ['Yuri', 'Yury'], Николай: ['Nikolai', 'Nikolay'],
  Максим: ['Maxim', 'Maksim'], Артём: ['Artyom', 'Artem'], Пётр: ['Pyotr', 'Petr'], Фёдор: ['Fyodor', 'Fedor'],
  Виталий: ['Vitaly', 'Vitaliy'], Василий: ['Vasily', 'Vasiliy'], Анатолий: ['Anatoly', 'Anatoliy'],
  Валерий: ['Valery', 'Valeriy'], Геннадий: ['Gennady', 'Gennadiy'], Григорий: ['Grigory'], Георгий: ['Georgy', 'George'],
  Вячеслав: ['Vyacheslav', 'Viacheslav'], Матвей: ['Matvei', 'Matvey'], Тимофей: ['Timofei', 'Timofey'],
  Егор: ['Yegor', 'Egor'], Артур: ['Arthur', 'Artur'], Эдуард: ['Eduard', 'Edward'], Илья: ['Ilya', 'Ilia'],
  Магомед: ['Magomed', 'Mahomed'], Мухаммад: ['Muhammad', 'Mukhammad', 'Mohammed'], Гаджи: ['Gadzhi', 'Hadji'],
};
// biome-ignore format: data table
const UKRAINIAN_GIVEN: Readonly<Record<string, string>> = {
  Александр: 'Oleksandr', Алексей: 'Oleksii', Сергей: 'Serhii', Андрей: 'Andrii', Дмитрий: 'Dmytro', Евгений: 'Yevhen',
  Николай: 'Mykola', Михаил: 'Mykhailo', Владимир: 'Volodymyr', Юрий: 'Yurii', Виталий: 'Vitalii', Василий: 'Vasyl',
  Игорь: 'Ihor', Олег: 'Oleh', Павел: 'Pavlo', Пётр: 'Petro', Максим: 'Maksym', Денис: 'Denys', Кирилл: 'Kyrylo',
  Илья: 'Illia', Анатолий: 'Anatolii', Вадим: 'Vadym', Богдан: 'Bohdan', Вячеслав: 'Viacheslav', Владислав: 'Vladyslav',
  Георгий: 'Heorhii', Геннадий: 'Hennadii', Григорий: 'Hryhorii', Валерий: 'Valerii', Константин: 'Kostiantyn',
  Никита: 'Mykyta', Егор: 'Yehor', Даниил: 'Danylo', Фёдор: 'Fedir', Семён: 'Semen', Борис: 'Borys', Матвей: 'Matvii',
  Глеб: 'Hlib', Тимофей: 'Tymofii', Артём: 'Artem', Степан: 'Stepan', Ярослав: 'Yaroslav',
};

function transliterateWord(word: string, system: TranslitSystem, options: TranslitOptions): string {
  const lower = word.toLowerCase();
  const table = TABLES[system];
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    const prev = i > 0 ? lower[i - 1] : '';
    const next = lower[i + 1] ?? '';
    const wordStart = i === 0;
    const afterVowelOrSign = wordStart || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ' || prev === 'й';
    let t = table[c];
    if (t === undefined) {
      out += c;
      continue;
    }
    if (system === 'bgn' && afterVowelOrSign) {
      if (c === 'е') t = 'ye';
      if (c === 'ё') t = 'yë';
    }
    if (system === 'english') {
      if (c === 'е' && afterVowelOrSign) t = 'ye';
      // Ильин → Ilyin; before е/ё/ю/я the vowel already carries the y (Vasilyev, Solovyov).
      if (c === 'ь' && VOWELS.includes(next) && !'еёюя'.includes(next)) t = 'y';
      if (c === 'й' && i === lower.length - 1 && prev === 'и') t = 'y';
      if (c === 'ы' && next === 'й') t = 'y';
      if (c === 'й' && prev === 'ы') t = '';
      if (options.jStyle && c === 'ж') t = 'j';
      if (options.jStyle && c === 'д' && next === 'ж') t = '';
      if (options.hStyle && c === 'х') t = 'h';
    }
    if (system === 'ukrainian' && wordStart) {
      if (c === 'е') t = 'ye';
      if (c === 'ю') t = 'yu';
      if (c === 'я') t = 'ya';
      if (c === 'й') t = 'y';
    }
    if (system === 'gost_b' && c === 'ц' && 'иеыйiey'.includes(next)) t = 'c';
    out += t;
  }
  if (system === 'english') {
    out = out.replace(/iy$/, options.givenName ? 'iy' : 'y').replace(/skii$/, 'sky');
  }
  if (system === 'ukrainian') out = out.replace(/vich$/, 'vych');
  return out;
}

/** Puts the original's case pattern on a transliterated word (ИВАНОВ → IVANOV, Щукин → Shchukin). */
function withCaseOf(original: string, latin: string): string {
  if (latin === '') return latin;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return latin.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase()) {
    return latin[0].toUpperCase() + latin.slice(1);
  }
  return latin;
}

/** Transliterates a name or phrase, word by word (hyphens and spaces kept). */
export function transliterate(text: string, system: TranslitSystem, options: TranslitOptions = {}, pick = 0): string {
  if (options.givenName) {
    const key = text[0] + text.slice(1).toLowerCase();
    if (system === 'english' && ENGLISH_GIVEN[key]) {
      const forms = ENGLISH_GIVEN[key];
      return withCaseOf(text, forms[pick % forms.length]);
    }
    if (system === 'ukrainian' && UKRAINIAN_GIVEN[key]) return withCaseOf(text, UKRAINIAN_GIVEN[key]);
  }
  return text.replace(/[\p{L}]+/gu, (word) =>
    /[а-яё]/i.test(word) ? withCaseOf(word, transliterateWord(word, system, options)) : word,
  );
}

export const isLatin = (s: string): boolean => /[a-z]/i.test(s) && !/[а-яё]/i.test(s);

// Romanisation of Russian names by the systems that actually appear in lists: BGN/PCGN (press,
// Wikipedia), ICAO Doc 9303 (Russian passports since 2014), the older passport scheme, GOST 7.79 B
// without its apostrophes, the scholarly system with diacritics, German Duden spelling, the loose
// English-press habit, and the Ukrainian path (Russian name → Ukrainian Cyrillic → KMU 2010).

export type TranslitSystem = 'bgn' | 'icao' | 'oldpass' | 'gost' | 'scholar' | 'german' | 'media' | 'ukr';

const VOWELS = 'аеёиоуыэюяАЕЁИОУЫЭЮЯ';

type Map1 = Record<string, string>;

const BASE: Map1 = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  з: 'z',
  и: 'i',
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
  ы: 'y',
  э: 'e',
};

const SYS: Record<Exclude<TranslitSystem, 'ukr'>, Map1> = {
  bgn: {
    ...BASE,
    е: 'e',
    ё: 'ë',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ь: '',
    ю: 'yu',
    я: 'ya',
  },
  icao: {
    ...BASE,
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ь: '',
    ю: 'iu',
    я: 'ia',
  },
  oldpass: {
    ...BASE,
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ь: '',
    ю: 'yu',
    я: 'ya',
  },
  gost: {
    ...BASE,
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'j',
    х: 'x',
    ц: 'cz',
    ч: 'ch',
    ш: 'sh',
    щ: 'shh',
    ъ: '',
    ь: '',
    ю: 'yu',
    я: 'ya',
    ы: 'y',
  },
  scholar: {
    ...BASE,
    е: 'e',
    ё: 'ë',
    ж: 'ž',
    й: 'j',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ъ: '',
    ь: 'ʹ',
    ю: 'ju',
    я: 'ja',
  },
  german: {
    ...BASE,
    в: 'w',
    з: 's',
    е: 'e',
    ё: 'jo',
    ж: 'sch',
    й: 'i',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ъ: '',
    ь: '',
    ю: 'ju',
    я: 'ja',
    с: 's',
    ы: 'y',
  },
  media: {
    ...BASE,
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ь: '',
    ю: 'yu',
    я: 'ya',
  },
};

/** Common English spellings used by the press instead of strict transliteration. */
const MEDIA_GIVEN: Record<string, string[]> = {
  Александр: ['Alexander', 'Aleksandr', 'Alexandr'],
  Алексей: ['Alexei', 'Alexey', 'Aleksei', 'Aleksey'],
  Евгений: ['Yevgeny', 'Evgeny', 'Yevgeniy', 'Evgeniy', 'Eugene'],
  Юрий: ['Yury', 'Yuri', 'Yuriy'],
  Дмитрий: ['Dmitry', 'Dmitri', 'Dmitriy'],
  Сергей: ['Sergei', 'Sergey'],
  Андрей: ['Andrei', 'Andrey'],
  Николай: ['Nikolai', 'Nikolay'],
  Пётр: ['Pyotr', 'Petr', 'Peter'],
  Фёдор: ['Fyodor', 'Fedor'],
  Артём: ['Artyom', 'Artem', 'Artiom'],
  Михаил: ['Mikhail', 'Michael'],
  Максим: ['Maxim', 'Maksim'],
  Валерий: ['Valery', 'Valeriy', 'Valeri'],
  Виталий: ['Vitaly', 'Vitaliy', 'Vitali'],
  Анатолий: ['Anatoly', 'Anatoliy'],
  Григорий: ['Grigory', 'Grigoriy'],
  Георгий: ['Georgy', 'Georgiy', 'George'],
  Илья: ['Ilya', 'Ilia'],
  Даниил: ['Daniil', 'Daniel'],
  Семён: ['Semyon', 'Semen'],
  Магомед: ['Magomed', 'Mohammed'],
  Иван: ['Ivan'],
};

const GERMAN_GIVEN: Record<string, string> = {
  Александр: 'Alexander',
  Алексей: 'Alexej',
  Евгений: 'Jewgeni',
  Юрий: 'Juri',
  Дмитрий: 'Dmitri',
  Сергей: 'Sergej',
  Андрей: 'Andrej',
  Николай: 'Nikolai',
  Пётр: 'Pjotr',
  Максим: 'Maxim',
};

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function translitWord(w: string, sys: Exclude<TranslitSystem, 'ukr'>): string {
  const m = SYS[sys];
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lo = ch.toLowerCase();
    const prev = i > 0 ? w[i - 1].toLowerCase() : '';
    const atStart = i === 0 || !/[а-яё]/i.test(prev);
    let t: string;
    if (
      lo === 'е' &&
      (sys === 'bgn' || sys === 'media' || sys === 'german') &&
      (atStart || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ')
    ) {
      t = sys === 'german' ? 'je' : 'ye';
    } else if (lo === 'ё' && sys === 'bgn') {
      // BGN writes ë; press copies nearly always drop the diaeresis
      t = atStart || VOWELS.includes(prev) || prev === 'ь' ? 'ye' : 'e';
    } else if (lo === 'и' && sys === 'german' && prev === 'ь') {
      t = 'ji';
    } else if (
      lo === 'с' &&
      sys === 'german' &&
      VOWELS.includes(prev) &&
      i + 1 < w.length &&
      VOWELS.includes(w[i + 1])
    ) {
      t = 'ss';
    } else if (lo === 'ц' && sys === 'gost' && i + 1 < w.length && 'иеыйИЕЫЙ'.includes(w[i + 1])) {
      t = 'c';
    } else if (lo === 'й' && (sys === 'bgn' || sys === 'media' || sys === 'oldpass') && prev === 'и') {
      t = 'y';
    } else if (lo === 'ы' && sys === 'media' && i + 1 < w.length && w[i + 1].toLowerCase() === 'й') {
      t = 'y';
      i++; // -ый → -y
    } else if (lo === 'и' && sys === 'media' && i + 1 === w.length - 1 && w[i + 1].toLowerCase() === 'й') {
      t = 'y';
      i++; // -ий → -y (Dmitry)
    } else {
      t = m[lo] ?? lo;
    }
    if (
      lo === 'к' &&
      sys === 'media' &&
      i + 1 < w.length &&
      w[i + 1].toLowerCase() === 'с' &&
      w.slice(i).startsWith('кс')
    ) {
      t = 'x';
      i++;
    }
    if (isUpper(ch) && t.length) t = t[0].toUpperCase() + t.slice(1);
    out += t;
  }
  return out;
}

// ------------------------------------------------------------- Ukrainian path
const UKR_GIVEN: Record<string, string> = {
  Сергей: 'Сергій',
  Алексей: 'Олексій',
  Дмитрий: 'Дмитро',
  Михаил: 'Михайло',
  Николай: 'Микола',
  Пётр: 'Петро',
  Петр: 'Петро',
  Иван: 'Іван',
  Евгений: 'Євген',
  Андрей: 'Андрій',
  Александр: 'Олександр',
  Владимир: 'Володимир',
  Юрий: 'Юрій',
  Виктор: 'Віктор',
  Игорь: 'Ігор',
  Павел: 'Павло',
  Василий: 'Василь',
  Григорий: 'Григорій',
  Анатолий: 'Анатолій',
  Виталий: 'Віталій',
  Валерий: 'Валерій',
  Вячеслав: "В'ячеслав",
  Илья: 'Ілля',
  Кирилл: 'Кирило',
  Артём: 'Артем',
  Никита: 'Микита',
  Егор: 'Єгор',
  Константин: 'Костянтин',
  Геннадий: 'Геннадій',
  Фёдор: 'Федір',
  Семён: 'Семен',
  Даниил: 'Данило',
  Данил: 'Данило',
  Тимофей: 'Тимофій',
  Матвей: 'Матвій',
  Аркадий: 'Аркадій',
  Леонид: 'Леонід',
  Эдуард: 'Едуард',
  Георгий: 'Георгій',
  Максим: 'Максим',
  Денис: 'Денис',
  Роман: 'Роман',
  Олег: 'Олег',
  Антон: 'Антон',
  Вадим: 'Вадим',
  Тимур: 'Тимур',
  Руслан: 'Руслан',
  Владислав: 'Владислав',
  Станислав: 'Станіслав',
  Ростислав: 'Ростислав',
  Ярослав: 'Ярослав',
  Богдан: 'Богдан',
  Артур: 'Артур',
  Степан: 'Степан',
  Глеб: 'Гліб',
};

const UKR_PATR: Array<[RegExp, string]> = [
  [/^Алексеевич$/, 'Олексійович'],
  [/^Сергеевич$/, 'Сергійович'],
  [/^Андреевич$/, 'Андрійович'],
  [/^Николаевич$/, 'Миколайович'],
  [/^Михайлович$/, 'Михайлович'],
  [/^Александрович$/, 'Олександрович'],
  [/^Владимирович$/, 'Володимирович'],
  [/^Дмитриевич$/, 'Дмитрович'],
  [/^Петрович$/, 'Петрович'],
  [/^Иванович$/, 'Іванович'],
  [/^Васильевич$/, 'Васильович'],
  [/^Юрьевич$/, 'Юрійович'],
  [/^Викторович$/, 'Вікторович'],
  [/^Игоревич$/, 'Ігорович'],
  [/^Евгеньевич$/, 'Євгенович'],
  [/^Анатольевич$/, 'Анатолійович'],
  [/^Валерьевич$/, 'Валерійович'],
  [/^Геннадьевич$/, 'Геннадійович'],
  [/^Витальевич$/, 'Віталійович'],
  [/^Григорьевич$/, 'Григорович'],
  [/^Павлович$/, 'Павлович'],
];

/** Russian Cyrillic name → how a Ukrainian-language list writes it. */
export function toUkrainian(word: string, role: 'surname' | 'given' | 'patronymic'): string {
  if (role === 'given' && UKR_GIVEN[word]) return UKR_GIVEN[word];
  if (role === 'patronymic') {
    for (const [re, v] of UKR_PATR) if (re.test(word)) return v;
    return generic(word)
      .replace(/ьєвіч$|ьевич$/, 'ійович')
      .replace(/[єе]віч$/, 'ович')
      .replace(/іч$/, 'ич');
  }
  // surnames of Ukrainian origin are written in their own (Ukrainian) spelling already
  if (role === 'surname' && /(енко|ЕНКО|ук|УК|юк|ЮК|ко|КО)$/.test(word)) return word;
  return generic(word)
    .replace(/([сц])кій$/, '$1ький')
    .replace(/([СЦ])КІЙ$/, '$1ЬКИЙ');
}

function generic(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lo = ch.toLowerCase();
    const up = isUpper(ch);
    const prev = i > 0 ? w[i - 1].toLowerCase() : '';
    let t: string;
    if (lo === 'и') t = 'і';
    else if (lo === 'ы') t = 'и';
    else if (lo === 'э') t = 'е';
    else if (lo === 'е' && (i === 0 || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ')) t = 'є';
    else if (lo === 'ё') t = i === 0 || VOWELS.includes(prev) ? 'йо' : 'ьо';
    else if (lo === 'ъ') t = "'";
    else t = lo;
    if (prev === 'ь' && t === 'є') out = `${out.slice(0, -1)}'`;
    if (prev === 'ь' && (t === 'ьо' || t === 'йо')) {
      out = out.slice(0, -1);
      t = 'йо';
    }
    if (up) t = t[0].toUpperCase() + t.slice(1);
    out += t;
  }
  return out;
}

const KMU: Map1 = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
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
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
};
const KMU_INITIAL: Map1 = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

export function kmu(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const lo = ch.toLowerCase();
    const atStart = i === 0 || !/[а-яіїєґ']/i.test(w[i - 1]);
    let t = (atStart ? KMU_INITIAL[lo] : undefined) ?? KMU[lo] ?? lo;
    if (lo === 'г' && i > 0 && w[i - 1].toLowerCase() === 'з') t = 'gh';
    if (isUpper(ch) && t.length) t = t[0].toUpperCase() + t.slice(1);
    out += t;
  }
  return out;
}

/** Romanise one name part (may contain spaces or hyphens). */
export function romanise(
  word: string,
  sys: TranslitSystem,
  role: 'surname' | 'given' | 'patronymic',
  pick: number,
): string {
  if (!word) return word;
  if (sys === 'ukr')
    return word
      .split(/([\s-])/)
      .map((p) => (/[\s-]/.test(p) ? p : kmu(toUkrainian(p, role))))
      .join('');
  if (role === 'given') {
    const plain = word.replace('ё', 'е');
    if (sys === 'media') {
      const opts = MEDIA_GIVEN[word] ?? MEDIA_GIVEN[plain];
      if (opts) return opts[pick % opts.length];
    }
    if (sys === 'german' && GERMAN_GIVEN[word]) return GERMAN_GIVEN[word];
  }
  return word
    .split(/([\s-])/)
    .map((p) => (/[\s-]/.test(p) ? p : translitWord(p, sys)))
    .join('');
}

// Transliteration systems as real lists use them, and the Ukrainian spelling used by Ukrainian-side sources.

export type LatinSystem = 'icao' | 'bgn' | 'en' | 'pass2006' | 'de' | 'scholarly';

type Table = Record<string, string>;

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
  й: 'y',
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
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // letters of Buryat, Tuvan, Yakut spelling that sometimes survive into lists
  ө: 'o',
  ү: 'u',
  һ: 'h',
  ҥ: 'ng',
  ҕ: 'gh',
};

const TABLES: Record<LatinSystem, Table> = {
  // ICAO Doc 9303, used in Russian passports since 2013
  icao: { ...BASE, й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' },
  // BGN/PCGN without apostrophes
  bgn: { ...BASE, ё: 'yo' },
  // English-language media habits
  en: { ...BASE, ё: 'yo' },
  // Russian passports 2006–2010 (the "tc" for ц)
  pass2006: { ...BASE, ц: 'tc' },
  de: {
    ...BASE,
    в: 'w',
    е: 'e',
    ё: 'jo',
    ж: 'sch',
    з: 's',
    й: 'j',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
    э: 'e',
  },
  scholarly: {
    ...BASE,
    ж: 'ž',
    х: 'x',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ь: 'ʹ',
    ъ: 'ʺ',
    ю: 'ju',
    я: 'ja',
    ё: 'ë',
    й: 'j',
    э: 'è',
  },
};

const LOWER_VOWELS = 'аеёиоуыэюяьъ';

function matchCase(src: string, out: string, nextIsUpper: boolean): string {
  if (out === '') return out;
  if (src === src.toLowerCase()) return out;
  if (out.length > 1 && nextIsUpper) return out.toUpperCase();
  return out[0].toUpperCase() + out.slice(1);
}

const EN_GIVEN: Record<string, string[]> = {
  Александр: ['Alexander', 'Aleksandr', 'Alexandr'],
  Алексей: ['Alexei', 'Alexey', 'Aleksei', 'Aleksey'],
  Дмитрий: ['Dmitry', 'Dmitri', 'Dmitriy'],
  Сергей: ['Sergei', 'Sergey'],
  Юрий: ['Yuri', 'Yury', 'Yuriy'],
  Евгений: ['Yevgeny', 'Evgeny', 'Evgeniy', 'Yevgeniy'],
  Андрей: ['Andrei', 'Andrey'],
  Николай: ['Nikolai', 'Nikolay'],
  Пётр: ['Pyotr', 'Petr', 'Peter'],
  Фёдор: ['Fyodor', 'Fedor'],
  Артём: ['Artyom', 'Artem', 'Artiom'],
  Матвей: ['Matvei', 'Matvey'],
  Василий: ['Vasily', 'Vasiliy', 'Vasili'],
  Георгий: ['Georgy', 'Georgiy', 'Georgi'],
  Максим: ['Maxim', 'Maksim'],
  Михаил: ['Mikhail', 'Michael'],
  Илья: ['Ilya', 'Ilia'],
  Иван: ['Ivan'],
};

/** Russian Cyrillic -> Latin by one system. `en` also uses the customary English forms of common given names. */
export function latinize(s: string, sys: LatinSystem, variant = 0): string {
  if (sys === 'en') {
    const known = EN_GIVEN[s] ?? EN_GIVEN[s.replace('е', 'ё')];
    if (known) return known[variant % known.length];
  }
  const t = TABLES[sys];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    const prev = i > 0 ? s[i - 1].toLowerCase() : '';
    const next = i + 1 < s.length ? s[i + 1] : '';
    const atStart = i === 0 || !/[а-яёА-ЯЁ]/.test(prev);
    let r = t[lo];
    if (r === undefined) {
      out += ch;
      continue;
    }
    if (sys === 'bgn' || sys === 'en') {
      // е, ё after a vowel, ь, ъ or at the start of a word are iotated: Yevgeny, Solovyov, Afanasyev
      if (lo === 'е' && (atStart || LOWER_VOWELS.includes(prev))) r = 'ye';
      if (lo === 'ё') r = atStart || LOWER_VOWELS.includes(prev) || prev === 'ь' ? 'yo' : 'yo';
      if (sys === 'en') {
        if (lo === 'й' && prev === 'е') r = 'i'; // Sergei, Andrei
        if (lo === 'и' && next.toLowerCase() === 'й' && i + 2 >= s.length) {
          out += matchCase(ch, 'y', false); // Dmitry, Yury
          i++;
          continue;
        }
        if (lo === 'ы' && next.toLowerCase() === 'й') {
          out += 'y';
          i++;
          continue;
        }
      }
    }
    if (sys === 'icao' && lo === 'й' && next === '') r = 'i';
    if (
      sys === 'de' &&
      lo === 'с' &&
      LOWER_VOWELS.includes(prev) &&
      prev !== '' &&
      'аеёиоуыэюя'.includes(next.toLowerCase()) &&
      next !== ''
    )
      r = 'ss';
    if (sys === 'de' && lo === 'е' && (atStart || LOWER_VOWELS.includes(prev))) r = 'je';
    if (sys === 'de' && /(ов|ев|ёв)$/.test(s.toLowerCase()) && i === s.length - 1 && lo === 'в') r = 'w';
    const nextIsUpper = next !== '' && next === next.toUpperCase() && next !== next.toLowerCase();
    out += matchCase(ch, r, nextIsUpper);
  }
  return out;
}

// ---- Ukrainian ----

const UA_GIVEN: Record<string, string> = {
  Александр: 'Олександр',
  Алексей: 'Олексій',
  Андрей: 'Андрій',
  Анатолий: 'Анатолій',
  Василий: 'Василь',
  Виктор: 'Віктор',
  Владимир: 'Володимир',
  Вячеслав: "В'ячеслав",
  Геннадий: 'Геннадій',
  Георгий: 'Георгій',
  Григорий: 'Григорій',
  Дмитрий: 'Дмитро',
  Евгений: 'Євген',
  Егор: 'Єгор',
  Иван: 'Іван',
  Игорь: 'Ігор',
  Илья: 'Ілля',
  Кирилл: 'Кирило',
  Константин: 'Костянтин',
  Михаил: 'Михайло',
  Никита: 'Микита',
  Николай: 'Микола',
  Олег: 'Олег',
  Павел: 'Павло',
  Пётр: 'Петро',
  Роман: 'Роман',
  Сергей: 'Сергій',
  Степан: 'Степан',
  Юрий: 'Юрій',
  Яков: 'Яків',
  Денис: 'Денис',
  Максим: 'Максим',
  Артём: 'Артем',
  Даниил: 'Данило',
  Данила: 'Данило',
  Владислав: 'Владислав',
  Вадим: 'Вадим',
  Виталий: 'Віталій',
  Валерий: 'Валерій',
  Семён: 'Семен',
  Фёдор: 'Федір',
  Тимофей: 'Тимофій',
  Матвей: 'Матвій',
  Леонид: 'Леонід',
  Антон: 'Антон',
  Руслан: 'Руслан',
  Станислав: 'Станіслав',
  Эдуард: 'Едуард',
  Эльдар: 'Ельдар',
  Аркадий: 'Аркадій',
  Борис: 'Борис',
  Валентин: 'Валентин',
  Глеб: 'Гліб',
  Ярослав: 'Ярослав',
  Богдан: 'Богдан',
  Арсений: 'Арсеній',
  Тимур: 'Тимур',
  Артур: 'Артур',
  Иннокентий: 'Інокентій',
  Афанасий: 'Опанас',
  Кузьма: 'Кузьма',
  Прокопий: 'Прокіп',
  Лев: 'Лев',
  Марк: 'Марк',
  Савелий: 'Савелій',
  Захар: 'Захар',
  Тихон: 'Тихін',
  Всеволод: 'Всеволод',
  Святослав: 'Святослав',
  Эмиль: 'Еміль',
  Ислам: 'Іслам',
};

const UA_PAT_SPECIAL: Record<string, string> = {
  Ілля: 'Ілліч',
  Микола: 'Миколайович',
  Кузьма: 'Кузьмич',
  Лев: 'Львович',
  Яків: 'Якович',
  Микита: 'Микитович',
};

const UA_LETTER: Record<string, string> = { и: 'і', ы: 'и', э: 'е', ъ: "'", ё: 'ьо' };

/** Russian Cyrillic word -> the way a Ukrainian writer spells it (approximate, as real lists do). */
export function ukrainianize(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    const prev = i > 0 ? s[i - 1].toLowerCase() : '';
    const next = i + 1 < s.length ? s[i + 1].toLowerCase() : '';
    const atStart = i === 0 || !/[а-яё]/i.test(prev);
    const upper = ch !== lo;
    let r: string;
    if (lo === 'ь' && next === 'и') {
      r = 'ьї';
      i++;
    } else if (lo === 'ь' && next === 'е') {
      r = prev === 'л' ? 'ьє' : "'є";
      i++;
    } else if (lo === 'ь' && next === 'ё') {
      r = 'йо';
      i++;
    } else if (lo === 'и' && prev !== '' && 'аеоуэюя'.includes(prev)) r = 'ї';
    else if (lo === 'е' && atStart) r = 'є';
    else if (lo === 'ё') r = atStart || 'аеоуиюя'.includes(prev) ? 'йо' : 'ьо';
    else r = UA_LETTER[lo] ?? lo;
    out += upper ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return out
    .replace(/([сц])кій(?=$|[\s,)-])/g, '$1ький')
    .replace(/([сц])кая(?=$|[\s,)])/g, '$1ька')
    .replace(/ная(?=$|[\s,)])/g, 'на')
    .replace(/ій(?=$|[\s,)])/g, (m, off: number, str: string) => (/[нвр]/.test(str[off - 1] ?? '') ? 'ий' : m));
}

export function ukrainianGiven(s: string): string {
  return UA_GIVEN[s] ?? UA_GIVEN[s.replace('е', 'ё')] ?? ukrainianize(s);
}

/** Ukrainian patronymic from the Russian name of the father. */
export function ukrainianPatronymic(fatherRu: string): string {
  const f = ukrainianGiven(fatherRu);
  if (UA_PAT_SPECIAL[f]) return UA_PAT_SPECIAL[f];
  if (f.endsWith('ій')) return `${f}ович`;
  if (f.endsWith('о')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('а')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('я')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('ь')) return `${f}ович`;
  if (f.endsWith('й')) return `${f}ович`;
  if (/[іиуеє]$/.test(f)) return `${f}йович`;
  return `${f}ович`;
}

const KMU: Record<string, string> = {
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
  ё: 'io',
  ы: 'y',
  э: 'e',
  ъ: '',
};
const KMU_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** Ukrainian Cyrillic -> Latin by the Ukrainian national system (KMU 2010): Serhii, Oleksandr, Hryhoriev. */
export function latinizeUkrainian(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    const prev = i > 0 ? s[i - 1] : '';
    const atStart = i === 0 || !/[а-яёіїєґ']/i.test(prev);
    let r = atStart ? (KMU_INITIAL[lo] ?? KMU[lo]) : KMU[lo];
    if (lo === 'г' && prev.toLowerCase() === 'з') r = 'gh';
    if (r === undefined) {
      out += ch;
      continue;
    }
    if (r === '') continue;
    out += ch !== lo ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return out;
}

/** Latin text typed with a Russian keyboard layout left on (or the reverse): "Bdfyjd" for "Иванов". */
const RU_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбю';
const EN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
export function wrongLayout(s: string): string {
  let out = '';
  for (const ch of s) {
    const lo = ch.toLowerCase();
    const i = RU_KEYS.indexOf(lo === 'ё' ? 'е' : lo);
    if (i < 0) {
      out += ch;
      continue;
    }
    const r = EN_KEYS[i];
    out += ch !== lo ? r.toUpperCase() : r;
  }
  return out;
}

const UA_PAT_FROM_RU: Record<string, string> = {
  Александрович: 'Олександрович',
  Алексеевич: 'Олексійович',
  Николаевич: 'Миколайович',
  Дмитриевич: 'Дмитрович',
  Владимирович: 'Володимирович',
  Васильевич: 'Васильович',
  Евгеньевич: 'Євгенович',
  Ильич: 'Ілліч',
  Никитич: 'Микитович',
  Фёдорович: 'Федорович',
  Федорович: 'Федорович',
  Григорьевич: 'Григорович',
  Яковлевич: 'Якович',
  Павлович: 'Павлович',
  Петрович: 'Петрович',
  Михайлович: 'Михайлович',
  Игоревич: 'Ігорович',
  Иванович: 'Іванович',
  Викторович: 'Вікторович',
  Константинович: 'Костянтинович',
  Кириллович: 'Кирилович',
  Данилович: 'Данилович',
  Даниилович: 'Данилович',
};

/** A Russian patronymic (possibly misspelt) as a Ukrainian writer renders it: Сергеевич -> Сергійович. */
export function ukrainianPatronymicFromRu(p: string): string {
  if (p === '') return p;
  const sp = UA_PAT_FROM_RU[p];
  if (sp) return sp;
  if (/ (угли|оглы|уулу|кызы|кизи)$/.test(p)) return ukrainianize(p);
  const m = /^(.*?)(ьевич|иевич|еевич|аевич|евич|ович|вна|ич)$/.exec(p);
  if (!m) return ukrainianize(p);
  const stem = ukrainianize(m[1]);
  switch (m[2]) {
    case 'ьевич':
    case 'иевич':
    case 'еевич':
      return `${stem}ійович`;
    case 'аевич':
      return `${stem}айович`;
    case 'евич':
      return /[жшчщц]$/.test(stem) ? `${stem}евич` : `${stem}ович`;
    case 'вна':
      return `${stem}вна`;
    case 'ич':
      return `${stem}ич`;
    default:
      return `${stem}ович`;
  }
}

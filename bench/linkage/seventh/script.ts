// Other scripts and spellings of Russian names: Ukrainian Cyrillic (how Ukrainian-side lists of
// captives write them), its official Latin (KMU 2010: "Serhii", "Oleksandr"), and Russian-to-Latin
// by several systems (BGN/PCGN, ICAO passports, English-press habits, German press).

export type Latin = 'bgn' | 'icao' | 'informal' | 'de';

// Russian given names → Ukrainian form (the name itself changes, not only the letters).
const UA_GIVEN: Record<string, string> = {
  Александр: 'Олександр',
  Алексей: 'Олексій',
  Сергей: 'Сергій',
  Андрей: 'Андрій',
  Дмитрий: 'Дмитро',
  Николай: 'Микола',
  Владимир: 'Володимир',
  Евгений: 'Євген',
  Иван: 'Іван',
  Михаил: 'Михайло',
  Юрий: 'Юрій',
  Виктор: 'Віктор',
  Павел: 'Павло',
  Пётр: 'Петро',
  Григорий: 'Григорій',
  Василий: 'Василь',
  Игорь: 'Ігор',
  Артём: 'Артем',
  Илья: 'Ілля',
  Фёдор: 'Федір',
  Константин: 'Костянтин',
  Анатолий: 'Анатолій',
  Виталий: 'Віталій',
  Валерий: 'Валерій',
  Геннадий: 'Геннадій',
  Тимофей: 'Тимофій',
  Кирилл: 'Кирило',
  Даниил: 'Данило',
  Данил: 'Данило',
  Никита: 'Микита',
  Вячеслав: "В'ячеслав",
  Семён: 'Семен',
  Матвей: 'Матвій',
  Леонид: 'Леонід',
  Аркадий: 'Аркадій',
  Георгий: 'Георгій',
  Вадим: 'Вадим',
  Денис: 'Денис',
  Роман: 'Роман',
  Максим: 'Максим',
  Олег: 'Олег',
  Егор: 'Єгор',
  Эдуард: 'Едуард',
  Руслан: 'Руслан',
  Степан: 'Степан',
  Яков: 'Яків',
  Лев: 'Лев',
  Борис: 'Борис',
  Арсений: 'Арсеній',
  Иннокентий: 'Інокентій',
  Афанасий: 'Опанас',
  Владислав: 'Владислав',
  Станислав: 'Станіслав',
  Глеб: 'Гліб',
  Ростислав: 'Ростислав',
  Тимур: 'Тимур',
  Захар: 'Захар',
  Богдан: 'Богдан',
  Ярослав: 'Ярослав',
  Валентин: 'Валентин',
};

const V = 'аеёиоуыэюяАЕЁИОУЫЭЮЯ';
const HUSH = 'жшчщцЖШЧЩЦ';
const hush = (c: string): boolean => c !== '' && HUSH.includes(c);

function keepCase(src: string, out: string): string {
  return src === src.toUpperCase() && src !== src.toLowerCase() ? out.toUpperCase() : out;
}

/** Russian → Ukrainian letters: и→і, ы→и, э→е, е→є after vowels; `soft` also writes є after consonants. */
export function ruLettersToUa(word: string, soft = false): string {
  // \u0001 marks an "и" that must stay "и" (Ukrainian adjective endings -ський, -ний).
  let w = word
    .replace(/([сц])кий(?![а-яёіїєґ])/gi, '$1ьк\u0001й')
    .replace(/([сц])кая(?![а-яёіїєґ])/gi, '$1ька')
    .replace(/ая(?![а-яёіїєґ])/gi, 'а');
  w = w
    .replace(/ий(?![а-яёіїєґ])/gi, 'ій')
    .replace(/ый(?![а-яёіїєґ])/gi, '\u0001й')
    .replace(/ич$/, '\u0001ч');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const lc = c.toLowerCase();
    const prev = i > 0 ? w[i - 1] : '';
    const afterVowel = i === 0 || V.includes(prev) || prev === 'ь' || prev === 'ъ' || prev === '-' || prev === ' ';
    let r: string;
    if (c === '\u0001') r = 'и';
    else if (lc === 'и') r = hush(prev) ? 'и' : 'і';
    else if (lc === 'ы') r = 'и';
    else if (lc === 'э') r = 'е';
    else if (lc === 'е') r = afterVowel || (soft && !hush(prev)) ? 'є' : 'е';
    else if (lc === 'ё') {
      if (prev === 'ь') out = out.slice(0, -1);
      r = afterVowel || prev === 'ь' ? 'йо' : hush(prev) ? 'о' : 'ьо';
    } else if (lc === 'ъ') r = "'";
    else r = lc;
    out += c !== lc ? r.charAt(0).toUpperCase() + r.slice(1) : r;
  }
  return out;
}

export function uaGiven(name: string, soft = false): string {
  return UA_GIVEN[name] ?? ruLettersToUa(name, soft);
}

/** Ukrainian patronymic from the father's (Russian) name: Сергій → Сергійович, Микола → Миколайович. */
export function uaPatronymic(father: string, ruPatronymic: string): string {
  if (!father) return ruLettersToUa(ruPatronymic);
  const f = uaGiven(father);
  if (f === 'Микола') return 'Миколайович';
  if (f === 'Ілля') return 'Ілліч';
  if (f === 'Яків') return 'Якович';
  if (f === 'Микита') return 'Микитович';
  if (f.endsWith('о')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('ь')) return `${f.slice(0, -1)}ьович`;
  if (UA_GIVEN[father]) return `${f}ович`;
  return ruLettersToUa(ruPatronymic);
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
};
const KMU_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** Ukrainian Cyrillic → Latin by the 2010 Cabinet of Ministers table (as in Ukrainian passports). */
export function uaToLatin(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const lc = c.toLowerCase();
    const initial = i === 0 || /[\s-]/.test(s[i - 1]);
    const r = (initial ? KMU_INITIAL[lc] : undefined) ?? KMU[lc] ?? c;
    out += c !== lc && r ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return out.replace(/zh(?=h)/g, 'zgh');
}

const BASE: Record<string, string> = {
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
};
const SYSTEM: Record<Latin, Record<string, string>> = {
  bgn: { ё: 'ë', ь: "'", ъ: '"' },
  icao: { й: 'i', ю: 'iu', я: 'ia', ъ: 'ie' },
  informal: { ё: 'yo' },
  de: {
    в: 'w',
    ж: 'sch',
    з: 's',
    й: 'j',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ю: 'ju',
    я: 'ja',
    ё: 'jo',
  },
};

// What English-language media and NGOs actually write for the commonest names.
const EN_GIVEN: Record<string, string[]> = {
  Александр: ['Alexander', 'Aleksandr', 'Alexandr'],
  Алексей: ['Alexei', 'Alexey', 'Aleksei'],
  Сергей: ['Sergei', 'Sergey'],
  Дмитрий: ['Dmitry', 'Dmitri', 'Dmitrii'],
  Андрей: ['Andrei', 'Andrey'],
  Евгений: ['Yevgeny', 'Evgeny', 'Evgenii'],
  Юрий: ['Yuri', 'Yury'],
  Николай: ['Nikolai', 'Nikolay'],
  Максим: ['Maxim', 'Maksim'],
  Пётр: ['Pyotr', 'Petr'],
  Фёдор: ['Fyodor', 'Fedor'],
  Артём: ['Artyom', 'Artem'],
  Виталий: ['Vitaly', 'Vitalii'],
  Валерий: ['Valery', 'Valerii'],
  Анатолий: ['Anatoly', 'Anatolii'],
  Василий: ['Vasily', 'Vasilii'],
  Григорий: ['Grigory'],
  Георгий: ['Georgy', 'Georgii'],
  Михаил: ['Mikhail'],
};

/** Russian Cyrillic → Latin. `pick` in [0,1) chooses among the press spellings of common names. */
export function ruToLatin(s: string, sys: Latin, pick = 0): string {
  if (sys === 'informal') {
    const en = EN_GIVEN[s];
    if (en) return en[Math.floor(pick * en.length)];
  }
  const table = SYSTEM[sys];
  let w = s;
  if (sys === 'informal') w = w.replace(/ий(?![а-яёіїєґ])/gi, 'y').replace(/кс/g, 'x');
  if (sys === 'bgn') w = w.replace(/ий(?![а-яёіїєґ])/gi, 'iy');
  if (sys === 'icao') w = w.replace(/ий(?![а-яёіїєґ])/gi, 'ii');
  if (sys === 'de')
    w = w
      .replace(/([аеёиоуыэюя])ев(?![а-яё])/gi, '$1jew')
      .replace(/ий(?![а-яёіїєґ])/gi, 'i')
      .replace(/ов(?![а-яёіїєґ])/gi, 'ow')
      .replace(/ев(?![а-яёіїєґ])/gi, 'ew')
      .replace(/кс/g, 'x');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const lc = c.toLowerCase();
    const prev = i > 0 ? w[i - 1].toLowerCase() : ' ';
    let r = table[lc] ?? BASE[lc] ?? c;
    const ye = i === 0 || 'аеёиоуыэюяьъ -'.includes(prev);
    if (lc === 'е' && ye && (sys === 'bgn' || sys === 'de')) r = sys === 'de' ? 'je' : 'ye';
    if (lc === 'ё' && ye && sys !== 'icao') r = sys === 'de' ? 'jo' : 'yo';
    out += c !== lc && r ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return keepCase(s, out);
}

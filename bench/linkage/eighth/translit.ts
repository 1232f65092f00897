// How names of Russian soldiers look on the Ukrainian side and in Latin script.
// Ukrainian POW lists and videos translate given names (Александр → Олександр) and respell
// surnames in Ukrainian orthography (и → і, ы → и, е → є); English-language lists transliterate,
// and the Ukrainian national system gives Serhii/Oleksandr where a Russian passport gives SERGEI.
import { patronymicOf } from './names.ts';

const UK_GIVEN: Record<string, string> = {
  Александр: 'Олександр',
  Алексей: 'Олексій',
  Сергей: 'Сергій',
  Андрей: 'Андрій',
  Дмитрий: 'Дмитро',
  Евгений: 'Євген',
  Юрий: 'Юрій',
  Михаил: 'Михайло',
  Николай: 'Микола',
  Владимир: 'Володимир',
  Виктор: 'Віктор',
  Игорь: 'Ігор',
  Павел: 'Павло',
  Пётр: 'Петро',
  Василий: 'Василь',
  Иван: 'Іван',
  Артём: 'Артем',
  Виталий: 'Віталій',
  Константин: 'Костянтин',
  Станислав: 'Станіслав',
  Илья: 'Ілля',
  Кирилл: 'Кирило',
  Даниил: 'Данило',
  Данил: 'Данило',
  Данила: 'Данило',
  Никита: 'Микита',
  Егор: 'Єгор',
  Григорий: 'Григорій',
  Анатолий: 'Анатолій',
  Валерий: 'Валерій',
  Геннадий: 'Геннадій',
  Вячеслав: 'Вʼячеслав',
  Фёдор: 'Федір',
  Семён: 'Семен',
  Тимофей: 'Тимофій',
  Матвей: 'Матвій',
  Георгий: 'Георгій',
  Леонид: 'Леонід',
  Глеб: 'Гліб',
  Арсений: 'Арсеній',
  Эдуард: 'Едуард',
  Яков: 'Яків',
  Аркадий: 'Аркадій',
  Филипп: 'Пилип',
  Савелий: 'Савелій',
  Елисей: 'Єлисей',
};

const UK_PATRO_SPECIAL: Record<string, string> = {
  Микола: 'Миколайович',
  Ілля: 'Ілліч',
  Лев: 'Львович',
  Яків: 'Якович',
  Кузьма: 'Кузьмич',
  Лука: 'Лукич',
};

const VOWELS = 'аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ';

/** Respell a Russian word in Ukrainian orthography. `softE`: write є for е after most consonants
 * (Медведев → Медведєв), a convention many Ukrainian outlets follow for Russian surnames. */
export function ukSpell(word: string, softE: boolean, surname = true): string {
  const keepEnding = /[иы]й$/.test(word) ? 'ий' : '';
  // -ский/-цкий become -ський/-цький; the adjective ending keeps its и.
  const body = (keepEnding ? word.slice(0, -2) : word).replace(/([сц])к$/, '$1ьк');
  let out = '';
  let vowelsSeen = 0;
  const lastVowel = Math.max(...[...VOWELS].map((v) => body.lastIndexOf(v)));
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const prev = i > 0 ? body[i - 1].toLowerCase() : '';
    const afterVowel = i === 0 || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ' || prev === '-';
    if (VOWELS.includes(lower)) vowelsSeen++;
    let r: string;
    switch (lower) {
      case 'и':
        // Ukrainian writes Russian и as і at the start, after vowels (ї) and in the last syllable
        // (Путін, Ільїн), but often keeps и inside the word (Герасимов): no single rule exists.
        // Given names keep и (Денис, Максим), as Ukrainian spells them.
        r =
          i > 0 && (VOWELS.includes(prev) || prev === 'ь') ? 'ї' : i === 0 || (surname && i === lastVowel) ? 'і' : 'и';
        break;
      case 'ы':
        r = 'и';
        break;
      case 'э':
        r = 'е';
        break;
      case 'е':
        r = afterVowel || (softE && vowelsSeen > 1 && !'жшчщцр'.includes(prev)) ? 'є' : 'е';
        break;
      case 'ё':
        r = afterVowel ? 'йо' : 'жшчщ'.includes(prev) ? 'о' : 'ьо';
        break;
      case 'ъ':
        r = 'ʼ';
        break;
      default:
        r = lower;
    }
    out += upper ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return out + keepEnding;
}

export function ukGiven(given: string): string {
  return UK_GIVEN[given] ?? ukSpell(given, false, false);
}

/** Ukrainian patronymic, built from the Ukrainian form of the father's name. */
export function ukPatronymic(father: string): string {
  const known = UK_GIVEN[father];
  if (!known) {
    // Keep the Ukrainian suffix -ович; only the father's name is respelled (Цыренович → Циренович).
    const ru = patronymicOf(father);
    const m = /^(.*?)(ович|евич|ич)$/.exec(ru);
    if (!m) return ukSpell(ru, false, false);
    const stem = ukSpell(m[1], false, false);
    return stem + (m[2] === 'евич' ? (/[аеоуиі]$/.test(stem) ? 'йович' : 'ович') : m[2]);
  }
  const special = UK_PATRO_SPECIAL[known];
  if (special) return special;
  if (known.endsWith('о')) return `${known.slice(0, -1)}ович`; // Петро → Петрович
  if (known.endsWith('ь')) return `${known}ович`; // Василь → Васильович
  return `${known}ович`; // Сергій → Сергійович, Іван → Іванович
}

/** Region and town names in Ukrainian: adjective endings first, then the letters. */
export function ukRegion(name: string): string {
  return name
    .split(' ')
    .map((w) =>
      w === 'Республика'
        ? 'Республіка'
        : ukSpell(
            w
              .replace(/ская$/, 'ська')
              .replace(/цкая$/, 'цька')
              .replace(/ский$/, 'ський')
              .replace(/ная$/, 'на')
              .replace(/ный$/, 'ний'),
            false,
          ),
    )
    .join(' ');
}

const UK_LAT: Record<string, [string, string]> = {
  // [initial, elsewhere] — Ukrainian national transliteration (2010).
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['h', 'h'],
  ґ: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  є: ['ye', 'ie'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['y', 'y'],
  і: ['i', 'i'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  ц: ['ts', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ь: ['', ''],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  ʼ: ['', ''],
};

const RU_ICAO: Record<string, string> = {
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

// The "popular" English-media system: Sergey, Dmitriy, Yuriy, Aleksandr.
const RU_POPULAR: Record<string, string> = { ...RU_ICAO, й: 'y', ё: 'yo', ъ: '', ю: 'yu', я: 'ya' };

function capitalise(s: string): string {
  return s.replace(/(^|[\s-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

export type LatinSystem = 'uk' | 'icao' | 'popular';

export function toLatin(text: string, system: LatinSystem): string {
  let out = '';
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const initial = i === 0 || /[\s-]/.test(lower[i - 1]);
    if (system === 'uk') {
      const m = UK_LAT[ch] ?? (RU_ICAO[ch] !== undefined ? [RU_ICAO[ch], RU_ICAO[ch]] : undefined);
      out += m ? m[initial ? 0 : 1] : ch;
    } else {
      const table = system === 'icao' ? RU_ICAO : RU_POPULAR;
      if (system === 'popular' && ch === 'е' && (initial || VOWELS.includes(lower[i - 1]))) out += 'ye';
      else out += table[ch] ?? (ch === 'і' ? 'i' : ch === 'ї' ? 'yi' : ch === 'є' ? 'ye' : ch);
    }
  }
  // Passport-style lists are upper case; media lists are title case.
  return system === 'icao' ? out.toUpperCase() : capitalise(out);
}

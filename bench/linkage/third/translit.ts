// Latin renderings of Cyrillic names as the other side's lists and foreign documents write them:
// several Russian systems (BGN/PCGN, the 2013 passport/ICAO table, the older passport table, German,
// "popular" English spellings) and the Ukrainian route (the Russian name is first read as its
// Ukrainian counterpart — Александр → Олександр, Сергеевич → Сергійович — then romanised by the
// Ukrainian national table: Oleksandr Serhiiovych).

import type { Rng } from './rng.ts';

export type TranslitSystem = 'bgn' | 'icao' | 'passport_old' | 'german' | 'popular' | 'ua';

const VOWELS = 'аеёиоуыэюяАЕЁИОУЫЭЮЯ';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
const isLetter = (c: string | undefined) => c !== undefined && /[а-яёіїєґa-z]/i.test(c);

type Table = Record<string, string>;

// biome-ignore format: hand-aligned table
const BASE: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// biome-ignore format: hand-aligned table
const TABLES: Record<Exclude<TranslitSystem, 'ua'>, Table> = {
  bgn: { ...BASE, ё: 'yo' },
  icao: { ...BASE, й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' },
  passport_old: { ...BASE },
  german: {
    ...BASE, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo',
  },
  popular: { ...BASE, ё: 'yo' },
};

const matchCase = (src: string, out: string, nextIsUpper: boolean): string => {
  if (out === '') return out;
  if (src === src.toLowerCase()) return out;
  // An upper-case letter: whole word upper-case → all caps, else capitalise.
  return nextIsUpper ? out.toUpperCase() : out[0].toUpperCase() + out.slice(1);
};

/** Romanises one Russian word (or a phrase) with a given Russian system. */
const russianToLatin = (text: string, sys: Exclude<TranslitSystem, 'ua'>): string => {
  const t = TABLES[sys];
  let s = text;
  // Word-final adjectival/name endings.
  const end = { bgn: 'iy', passport_old: 'iy', german: 'ij', popular: 'y', icao: 'ii' }[sys];
  s = s.replace(/ий(?![а-яё])/g, end).replace(/ИЙ(?![А-ЯЁа-яё])/g, end.toUpperCase());
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lo = ch.toLowerCase();
    if (!(lo in t)) {
      out += ch;
      continue;
    }
    const prev = s[i - 1];
    const next = s[i + 1];
    let r = t[lo];
    const wordStart = !isLetter(prev);
    const afterVowel = isVowel(prev) || prev === 'ь' || prev === 'ъ';
    if (lo === 'е' && (wordStart || afterVowel)) {
      if (sys === 'bgn' || sys === 'popular') r = 'ye';
      if (sys === 'german') r = 'je';
    }
    if (lo === 'ё' && !(wordStart || afterVowel) && (sys === 'bgn' || sys === 'popular')) r = 'yo';
    if (sys === 'german' && lo === 'с' && isVowel(prev) && isVowel(next)) r = 'ss';
    if (sys === 'popular' && lo === 'к' && next?.toLowerCase() === 'с') {
      r = 'x';
      i++;
    }
    const nextUpper = next !== undefined && isLetter(next) && next === next.toUpperCase();
    const prevUpper = prev !== undefined && isLetter(prev) && prev === prev.toUpperCase();
    out += matchCase(ch, r, nextUpper || (prevUpper && !isLetter(next)));
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// The Ukrainian route.

// biome-ignore format: hand-aligned table
const UA_NAMES: Record<string, string> = {
  Александр: 'Олександр', Алексей: 'Олексій', Андрей: 'Андрій', Сергей: 'Сергій', Дмитрий: 'Дмитро',
  Николай: 'Микола', Владимир: 'Володимир', Михаил: 'Михайло', Евгений: 'Євген', Павел: 'Павло', Пётр: 'Петро',
  Петр: 'Петро', Юрий: 'Юрій', Василий: 'Василь', Виктор: 'Віктор', Игорь: 'Ігор', Олег: 'Олег', Иван: 'Іван',
  Григорий: 'Григорій', Анатолий: 'Анатолій', Артём: 'Артем', Кирилл: 'Кирило', Илья: 'Ілля', Матвей: 'Матвій',
  Фёдор: 'Федір', Федор: 'Федір', Тимофей: 'Тимофій', Никита: 'Микита', Станислав: 'Станіслав',
  Константин: 'Костянтин', Валерий: 'Валерій', Данил: 'Данило', Даниил: 'Данило', Данила: 'Данило', Егор: 'Єгор',
  Леонид: 'Леонід', Семён: 'Семен', Семен: 'Семен', Глеб: 'Гліб', Виталий: 'Віталій', Геннадий: 'Геннадій',
  Георгий: 'Георгій', Эдуард: 'Едуард', Арсений: 'Арсеній', Борис: 'Борис', Вячеслав: "В'ячеслав",
  Аркадий: 'Аркадій', Яков: 'Яків', Лев: 'Лев', Тарас: 'Тарас', Степан: 'Степан', Максим: 'Максим',
  Денис: 'Денис', Роман: 'Роман', Вадим: 'Вадим', Руслан: 'Руслан', Тимур: 'Тимур', Артур: 'Артур',
  Владислав: 'Владислав', Ярослав: 'Ярослав', Антон: 'Антон', Богдан: 'Богдан', Захар: 'Захар', Марк: 'Марк',
  Назар: 'Назар', Олександр: 'Олександр', Валентин: 'Валентин', Эльдар: 'Ельдар', Эмиль: 'Еміль',
};

const UA_PATRONYMIC_EXCEPTIONS: Record<string, string> = {
  Микола: 'Миколайович',
  Ілля: 'Ілліч',
  Яків: 'Якович',
  Лев: 'Львович',
  Федір: 'Федорович',
  Гліб: 'Глібович',
};

const letterToUa = (word: string): string => {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const lo = ch.toLowerCase();
    const up = ch !== lo;
    const prev = word[i - 1];
    let r: string;
    switch (lo) {
      case 'и':
        r = 'і';
        break;
      case 'ы':
        r = 'и';
        break;
      case 'э':
        r = 'е';
        break;
      case 'е':
        r = !isLetter(prev) || isVowel(prev) ? 'є' : 'е';
        break;
      case 'ё':
        r = !isLetter(prev) || isVowel(prev) ? 'йо' : 'ьо';
        break;
      case 'ъ':
        r = "'";
        break;
      default:
        r = lo;
    }
    out += up ? r[0].toUpperCase() + r.slice(1) : r;
  }
  return out;
};

/** The Ukrainian reading of a Russian given name. */
export const givenToUa = (name: string): string => UA_NAMES[name] ?? letterToUa(name);

/** A Ukrainian-style patronymic from the father's (Russian) given name. */
export const patronymicToUa = (father: string): string => {
  const f = givenToUa(father);
  if (UA_PATRONYMIC_EXCEPTIONS[f]) return UA_PATRONYMIC_EXCEPTIONS[f];
  if (f.endsWith('ій')) return `${f}ович`;
  if (f.endsWith('о') || f.endsWith('а')) return `${f.slice(0, -1)}ович`;
  if (f.endsWith('ь')) return `${f}ович`;
  if (f.endsWith('й')) return `${f}ович`;
  if (/[еєіиуюя]$/.test(f)) return `${f}йович`;
  return `${f}ович`;
};

/** Russian surname as a Ukrainian list would spell it (Григорьев → Григор'єв, Сидоров → Сідоров). */
export const surnameToUa = (s: string): string => letterToUa(s).replace(/ь(є)/g, "'$1").replace(/іі/g, 'ії');

// biome-ignore format: hand-aligned table
const UA_LAT: Table = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', ы: 'y', э: 'e', ё: 'io', ъ: '',
};
const UA_LAT_INITIAL: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** Ukrainian Cyrillic → Latin (the 2010 national table). */
export const uaToLatin = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lo = ch.toLowerCase();
    if (!(lo in UA_LAT)) {
      out += ch;
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    let r = !isLetter(prev) && prev !== "'" && UA_LAT_INITIAL[lo] ? UA_LAT_INITIAL[lo] : UA_LAT[lo];
    if (lo === 'г' && prev?.toLowerCase() === 'з') r = 'gh';
    const nextUpper = next !== undefined && isLetter(next) && next === next.toUpperCase();
    const prevUpper = prev !== undefined && isLetter(prev) && prev === prev.toUpperCase();
    out += matchCase(ch, r, nextUpper || (prevUpper && !isLetter(next)));
  }
  return out;
};

// ---------------------------------------------------------------------------------------------

const POPULAR_GIVEN: Record<string, string[]> = {
  Александр: ['Alexander', 'Alexandr', 'Aleksandr'],
  Алексей: ['Alexey', 'Alexei', 'Aleksei', 'Aleksey'],
  Максим: ['Maxim', 'Maksim'],
  Юрий: ['Yuri', 'Yury', 'Yuriy'],
  Дмитрий: ['Dmitry', 'Dmitri', 'Dmitriy'],
  Евгений: ['Evgeny', 'Yevgeny', 'Evgeniy', 'Eugene'],
  Михаил: ['Mikhail', 'Mihail', 'Michael'],
  Пётр: ['Pyotr', 'Petr', 'Peter'],
  Фёдор: ['Fedor', 'Fyodor'],
  Артём: ['Artem', 'Artyom'],
  Семён: ['Semyon', 'Semen'],
  Георгий: ['Georgy', 'Georgiy', 'George'],
  Ксения: ['Ksenia'],
};

export const SYSTEM_WEIGHTS: [TranslitSystem, number][] = [
  ['ua', 40],
  ['bgn', 15],
  ['icao', 15],
  ['passport_old', 12],
  ['popular', 13],
  ['german', 5],
];

/** Romanises a name part. `role` lets the Ukrainian route translate given names and patronymics. */
export const romanise = (
  text: string,
  sys: TranslitSystem,
  role: 'surname' | 'given' | 'patronymic' | 'other',
  rng: Rng,
  father?: string,
): string => {
  if (text === '') return '';
  if (sys === 'ua') {
    let ua: string;
    if (role === 'given') ua = givenToUa(text);
    else if (role === 'patronymic' && father && /(вич|вна|ич)$/.test(text)) ua = patronymicToUa(father);
    else
      ua = text
        .split(/(\s+|-)/)
        .map(surnameToUa)
        .join('');
    const upper = text === text.toUpperCase() && /[А-ЯЁ]{2}/.test(text);
    const lat = uaToLatin(ua);
    return upper ? lat.toUpperCase() : lat;
  }
  if (sys === 'popular' && role === 'given') {
    const opts = POPULAR_GIVEN[text];
    if (opts) return rng.pick(opts);
  }
  return russianToLatin(text, sys);
};

/** Per-record inconsistencies layered on a system (Kh/H, Zh/J, -iy/-y/-ij, w/v …). */
export const latinDrift = (s: string, rng: Rng): string => {
  let out = s;
  if (rng.chance(0.12)) out = out.replace(/kh/g, 'h').replace(/Kh/g, 'H').replace(/KH/g, 'H');
  if (rng.chance(0.08)) out = out.replace(/zh/g, 'j').replace(/Zh/g, 'J').replace(/ZH/g, 'J');
  if (rng.chance(0.08))
    out = out.replace(/iy\b/g, rng.pick(['y', 'ij', 'ii', 'i'])).replace(/ii\b/g, rng.pick(['iy', 'y', 'i']));
  if (rng.chance(0.05)) out = out.replace(/ts/g, 'c').replace(/Ts/g, 'C');
  if (rng.chance(0.04)) out = out.replace(/ya/g, 'ja').replace(/yu/g, 'ju');
  if (rng.chance(0.03)) out = out.replace(/ov\b/g, 'ow').replace(/ev\b/g, 'ew');
  return out;
};

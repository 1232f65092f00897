/**
 * How one name is legitimately written in different grammar and scripts: patronymics, Russian case
 * endings (lists cut names out of sentences: "розыск Иванова Сергея"), Ukrainian spelling of Russian
 * names (Ukrainian POW lists), and Latin transliteration (English-language roundups).
 */
import type { Rng } from './rng.ts';

const PATRONYMIC_EXCEPTIONS: Record<string, string> = {
  Илья: 'Ильич',
  Никита: 'Никитич',
  Кузьма: 'Кузьмич',
  Фома: 'Фомич',
  Лука: 'Лукич',
  Лев: 'Львович',
  Павел: 'Павлович',
  Пётр: 'Петрович',
  Михаил: 'Михайлович',
  Яков: 'Яковлевич',
  Габдулла: 'Габдуллович',
  Гавриил: 'Гавриилович',
  Аюша: 'Аюшеевич',
  Дмитрий: 'Дмитриевич',
  Георгий: 'Георгиевич',
};

export function patronymicOf(father: string): string {
  if (PATRONYMIC_EXCEPTIONS[father]) return PATRONYMIC_EXCEPTIONS[father];
  if (father.endsWith('ий')) return `${father.slice(0, -2)}ьевич`;
  if (/[аеёиоуыэюя]й$/.test(father)) return `${father.slice(0, -1)}евич`;
  if (father.endsWith('ь')) return `${father.slice(0, -1)}евич`;
  if (/[аеиоуыэюя]$/.test(father) || /[жшчщц]$/.test(father)) return `${father}евич`;
  return `${father}ович`;
}

export type GrammarCase = 'nom' | 'gen' | 'dat' | 'ins';
type NamePart = 'surname' | 'given' | 'patronymic';
const HUSHING = /[гкхжшчщц]$/;

/** Names whose vowel drops when declined: Павел -> Павла, Лев -> Льва. */
const FLEETING_VOWEL: Record<string, string> = {
  Павел: 'Павл',
  ПАВЕЛ: 'ПАВЛ',
  павел: 'павл',
  Лев: 'Льв',
  ЛЕВ: 'ЛЬВ',
  лев: 'льв',
};

function declineOne(word: string, part: NamePart, c: GrammarCase): string {
  const lower = word.toLowerCase();
  if (part === 'given' && FLEETING_VOWEL[word])
    return FLEETING_VOWEL[word] + (c === 'gen' ? 'а' : c === 'dat' ? 'у' : 'ом');
  const ending = (gen: string, dat: string, ins: string) => (c === 'gen' ? gen : c === 'dat' ? dat : ins);
  if (part === 'patronymic') {
    if (!lower.endsWith('ич')) return word;
    return word + ending('а', 'у', 'ем');
  }
  if (part === 'surname' && /(ский|цкий|ской|цкой|ой|ый)$/.test(lower)) {
    const stem = word.slice(0, -2);
    return stem + ending('ого', 'ому', HUSHING.test(stem) ? 'им' : 'ым');
  }
  if (part === 'surname' && /(ов|ев|ёв|ин|ын)$/.test(lower)) return word + ending('а', 'у', 'ым');
  if (part === 'surname' && /(ых|их|ко)$/.test(lower)) return word;
  if (/[йь]$/.test(lower)) return word.slice(0, -1) + ending('я', 'ю', 'ем');
  if (lower.endsWith('а')) return word.slice(0, -1) + ending(HUSHING.test(lower.slice(0, -1)) ? 'и' : 'ы', 'е', 'ой');
  if (lower.endsWith('я')) return word.slice(0, -1) + ending('и', 'е', 'ей');
  if (/[еёиоуыэю]$/.test(lower)) return word;
  return word + ending('а', 'у', /[жшчщц]$/.test(lower) ? 'ем' : 'ом');
}

/** Declines a (possibly hyphenated or two-word) name part; only the last element takes the ending. */
export function decline(word: string, part: NamePart, c: GrammarCase): string {
  if (c === 'nom' || word === '') return word;
  const m = /^(.*[- ])([^- ]+)$/.exec(word);
  if (m) return m[1] + declineOne(m[2], part, c);
  return declineOne(word, part, c);
}

const UA_GIVEN: Record<string, string> = {
  Александр: 'Олександр',
  Алексей: 'Олексій',
  Дмитрий: 'Дмитро',
  Сергей: 'Сергій',
  Андрей: 'Андрій',
  Евгений: 'Євген',
  Иван: 'Іван',
  Михаил: 'Михайло',
  Владимир: 'Володимир',
  Павел: 'Павло',
  Николай: 'Микола',
  Игорь: 'Ігор',
  Никита: 'Микита',
  Илья: 'Ілля',
  Кирилл: 'Кирило',
  Егор: 'Єгор',
  Даниил: 'Данило',
  Данил: 'Данило',
  Василий: 'Василь',
  Пётр: 'Петро',
  Фёдор: 'Федір',
  Глеб: 'Гліб',
  Тимофей: 'Тимофій',
  Матвей: 'Матвій',
  Константин: 'Костянтин',
  Вячеслав: "В'ячеслав",
  Леонид: 'Леонід',
  Яков: 'Яків',
  Афанасий: 'Опанас',
  Гавриил: 'Гаврило',
  Эдуард: 'Едуард',
  Артём: 'Артем',
  Семён: 'Семен',
  Вадим: 'Вадим',
  Григорий: 'Григорій',
  Денис: 'Денис',
  Максим: 'Максим',
  Тимур: 'Тимур',
  Валентин: 'Валентин',
  Иннокентий: 'Інокентій',
};

/** Letter-level rendering of a Russian word in Ukrainian orthography (Никитин -> Нікітін). */
export function ukrainianLetters(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const prev = i === 0 ? ' ' : word[i - 1].toLowerCase();
    const afterVowel = /[ аеёиоуыэюяіїє'-]/.test(prev);
    let rep: string;
    if (lower === 'и') rep = 'і';
    else if (lower === 'ы') rep = 'и';
    else if (lower === 'э') rep = 'е';
    else if (lower === 'е') rep = afterVowel ? 'є' : 'е';
    else if (lower === 'ё') rep = afterVowel ? 'йо' : 'ьо';
    else if (lower === 'ъ') rep = "'";
    else rep = lower;
    out += upper ? rep[0].toUpperCase() + rep.slice(1) : rep;
  }
  // Russian adjectival endings take the Ukrainian soft sign: Высоцкий -> Висоцький, Курская -> Курська.
  return out.replace(/([сц])кій$/, '$1ький').replace(/([сц])кая(?=\s|$)/g, '$1ька');
}

export function ukrainianGiven(name: string): string {
  return UA_GIVEN[name] ?? ukrainianLetters(name);
}

/** Ukrainian patronymic built from the father's Ukrainian name (Дмитро -> Дмитрович, Микола -> Миколайович). */
export function ukrainianPatronymic(father: string, russianPatronymic: string): string {
  if (!russianPatronymic.endsWith('ич')) return ukrainianLetters(russianPatronymic);
  const lettersOnly = () => ukrainianLetters(russianPatronymic).replace(/іч$/, 'ич');
  const ua = ukrainianGiven(father);
  if (ua === 'Микола') return 'Миколайович';
  if (ua === 'Ілля') return 'Ілліч';
  if (ua.endsWith('ій')) return `${ua.slice(0, -1)}йович`;
  if (/[оа]$/.test(ua) && UA_GIVEN[father]) return `${ua.slice(0, -1)}ович`;
  if (/[аеєиіїоуюя]$/.test(ua)) return lettersOnly();
  return `${ua}ович`;
}

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
const ENGLISH: Record<string, string> = { ...ICAO, й: 'y', ъ: '', ю: 'yu', я: 'ya', ё: 'yo' };

/**
 * Romanises a Russian word. 'icao' is the Russian passport standard since 2014 (Sergei, Iurii);
 * 'english' is newsroom practice (Sergey, Yury, Alexei), itself inconsistent from row to row.
 */
export function romanise(word: string, system: 'icao' | 'english', rng: Rng): string {
  const table = system === 'icao' ? ICAO : ENGLISH;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const lower = ch.toLowerCase();
    const prev = i === 0 ? ' ' : word[i - 1].toLowerCase();
    let rep = table[lower] ?? lower;
    if (system === 'english' && lower === 'е' && /[ аеёиоуыэюяьъ-]/.test(prev)) rep = 'ye';
    if (system === 'english' && lower === 'ь' && rng.chance(0.15)) rep = "'";
    out += ch !== lower && rep ? rep[0].toUpperCase() + rep.slice(1) : rep;
  }
  if (system === 'english') {
    if (out.endsWith('iy') && rng.chance(0.6)) out = out.slice(0, -2) + (rng.chance(0.7) ? 'y' : 'i');
    else if (out.endsWith('yy')) out = `${out.slice(0, -2)}y`;
    if (out.endsWith('ey') && rng.chance(0.5)) out = `${out.slice(0, -2)}ei`;
    if (out.includes('ks') && rng.chance(0.5)) out = out.replace('ks', 'x');
  }
  return out;
}

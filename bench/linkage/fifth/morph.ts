// Russian morphology needed by the sources: patronymics from a father's name, and the oblique cases that a
// sentence puts a name into ("ищем Иванова Петра", "приговор Иванову", "простились с Ивановым").

export type GramCase = 'nom' | 'gen' | 'dat' | 'ins' | 'pre';

const VOWELS = 'аеёиоуыэюяАЕЁИОУЫЭЮЯ';
const isVowel = (ch: string): boolean => VOWELS.includes(ch);
const SIBILANT = 'жшчщц';

const PAT_SPECIAL: Record<string, string> = {
  Илья: 'Ильич',
  Никита: 'Никитич',
  Лука: 'Лукич',
  Фома: 'Фомич',
  Кузьма: 'Кузьмич',
  Савва: 'Саввич',
  Павел: 'Павлович',
  Пётр: 'Петрович',
  Петр: 'Петрович',
  Лев: 'Львович',
  Михаил: 'Михайлович',
  Яков: 'Яковлевич',
  Данила: 'Данилович',
  Гаврила: 'Гаврилович',
  Гавриил: 'Гавриилович',
  Иннокентий: 'Иннокентьевич',
};

/** Russian-style patronymic from a father's given name. */
export function patronymicOf(father: string): string {
  const sp = PAT_SPECIAL[father];
  if (sp) return sp;
  const last = father[father.length - 1];
  if (father.endsWith('ий')) {
    const stem = father.slice(0, -2);
    const a = stem[stem.length - 1];
    const b = stem[stem.length - 2];
    return !isVowel(a) && !isVowel(b) ? `${stem}иевич` : `${stem}ьевич`;
  }
  if (father.endsWith('ей')) return `${father.slice(0, -2)}еевич`;
  if (father.endsWith('ай')) return `${father.slice(0, -2)}аевич`;
  if (last === 'ь') return `${father.slice(0, -1)}евич`;
  if (last === 'й') return `${father.slice(0, -1)}евич`;
  if (isVowel(last)) return `${father}евич`;
  if (SIBILANT.includes(last)) return `${father}евич`;
  return `${father}ович`;
}

/** The (erroneous) feminine form of a male patronymic. */
export function feminizePatronymic(p: string): string {
  if (p.endsWith('ич') && !p.endsWith('вич')) return `${p.slice(0, -2)}инична`;
  if (p.endsWith('вич')) return `${p.slice(0, -3)}вна`;
  if (p.endsWith(' угли')) return `${p.slice(0, -5)} кизи`;
  if (p.endsWith(' оглы')) return `${p.slice(0, -5)} кызы`;
  return p;
}

const GEN_HARD = 'гкхжшчщ';

function declineNounLike(s: string, c: GramCase, surname: boolean): string {
  if (c === 'nom' || s.length < 2) return s;
  const low = s.toLowerCase();
  const last = low[low.length - 1];
  const pick = (g: string, d: string, i: string, p: string): string =>
    c === 'gen' ? g : c === 'dat' ? d : c === 'ins' ? i : p;
  if (surname) {
    if (/(ых|их|ко|аго|яго|зода)$/.test(low)) return s;
    if (/(ов|ев|ёв|ин|ын)$/.test(low)) return s + pick('а', 'у', 'ым', 'е');
    if (/(ский|цкий|ской|цкой)$/.test(low)) {
      const stem = s.slice(0, -2);
      return stem + pick('ого', 'ому', 'им', 'ом');
    }
    if (/(ый|ой)$/.test(low)) return s.slice(0, -2) + pick('ого', 'ому', 'ым', 'ом');
    if (/ий$/.test(low)) return s.slice(0, -2) + pick('его', 'ему', 'им', 'ем');
  } else {
    if (low === 'павел') return `Павл${pick('а', 'у', 'ом', 'е')}`;
    if (low === 'пётр' || low === 'петр') return `Петр${pick('а', 'у', 'ом', 'е')}`;
    if (low === 'лев') return `Льв${pick('а', 'у', 'ом', 'е')}`;
    if (low.endsWith('ий')) return s.slice(0, -1) + pick('я', 'ю', 'ем', 'и');
    if (low.endsWith('ья')) return s.slice(0, -1) + pick('и', 'е', 'ёй', 'е');
  }
  if (last === 'а') {
    const prev = low[low.length - 2];
    const stem = s.slice(0, -1);
    const g = GEN_HARD.includes(prev) ? 'и' : 'ы';
    const ins = SIBILANT.includes(prev) ? 'ей' : 'ой';
    return stem + pick(g, 'е', ins, 'е');
  }
  if (last === 'я') return s.slice(0, -1) + pick('и', 'е', 'ей', 'е');
  if (last === 'ь' || last === 'й') return s.slice(0, -1) + pick('я', 'ю', 'ем', 'е');
  if (isVowel(last)) return s; // Доржи, Бато, Хомушку, Дажы: not declined
  const ins = last === 'ц' ? 'ем' : 'ом';
  return s + pick('а', 'у', ins, 'е');
}

function declineHyphenated(s: string, c: GramCase, surname: boolean): string {
  const i = s.lastIndexOf('-');
  if (i < 0) return declineNounLike(s, c, surname);
  return s.slice(0, i + 1) + declineNounLike(s.slice(i + 1), c, surname);
}

export function declineSurname(s: string, c: GramCase): string {
  if (c === 'nom') return s;
  if (s.endsWith(' уулу')) return s;
  return declineHyphenated(s, c, true);
}

export function declineGiven(s: string, c: GramCase): string {
  if (c === 'nom') return s;
  return declineHyphenated(s, c, false);
}

export function declinePatronymic(p: string, c: GramCase): string {
  if (c === 'nom' || p === '') return p;
  if (/ (угли|оглы|уулу|кызы|кизи)$/.test(p)) return p;
  if (p.endsWith('ич')) {
    const ins = 'ем';
    return p + (c === 'gen' ? 'а' : c === 'dat' ? 'у' : c === 'ins' ? ins : 'е');
  }
  return p;
}

/** Agreement of a number with "год/года/лет". */
export function yearsWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 14) return 'лет';
  if (m10 === 1) return 'год';
  if (m10 >= 2 && m10 <= 4) return 'года';
  return 'лет';
}

/** Genitive of a place or region phrase ("Республика Бурятия" -> "Республики Бурятия", "Ростовская область" -> "Ростовской области"). */
export function genitivePlace(s: string): string {
  const words = s.split(' ');
  // In "Республика X" only the head noun changes.
  if (words[0] === 'Республика' || words[0] === 'республика')
    return `${words[0].slice(0, -1)}и ${words.slice(1).join(' ')}`;
  return words.map((wd) => genitiveWord(wd)).join(' ');
}

const GEN_WORD: Record<string, string> = {
  область: 'области',
  обл: 'обл',
  'обл.': 'обл.',
  край: 'края',
  округ: 'округа',
  Пермь: 'Перми',
  Тверь: 'Твери',
  Рязань: 'Рязани',
  Тюмень: 'Тюмени',
  Кострома: 'Костромы',
  Чечня: 'Чечни',
  Югра: 'Югры',
  Кузбасс: 'Кузбасса',
  Приморье: 'Приморья',
  Забайкалье: 'Забайкалья',
  Ставрополье: 'Ставрополья',
  Подмосковье: 'Подмосковья',
  Марий: 'Марий',
  Эл: 'Эл',
  Саха: 'Саха',
  '(Якутия)': '(Якутия)',
  'Улан-Удэ': 'Улан-Удэ',
  Агинское: 'Агинского',
};

function genitiveWord(wd: string): string {
  if (GEN_WORD[wd] !== undefined) return GEN_WORD[wd];
  if (wd.length < 3 || /[.()—–]/.test(wd) || /^[А-ЯЁ]{2,}/.test(wd)) return wd;
  if (wd.includes('-') && !/(ая|ий|ый|ой)$/.test(wd)) {
    // Ростов-на-Дону, Йошкар-Ола, Горно-Алтайск: the first part declines for "-на-" names, the last otherwise
    if (wd.includes('-на-')) {
      const [head, ...rest] = wd.split('-');
      return [genitiveWord(head), ...rest].join('-');
    }
    const i = wd.lastIndexOf('-');
    return wd.slice(0, i + 1) + genitiveWord(wd.slice(i + 1));
  }
  if (/ая$/.test(wd)) return `${wd.slice(0, -2)}ой`;
  if (/(ий|ый|ой)$/.test(wd)) return `${wd.slice(0, -2)}ого`;
  if (/ия$/.test(wd)) return `${wd.slice(0, -2)}ии`;
  if (/ое$/.test(wd)) return `${wd.slice(0, -2)}ого`;
  const last = wd[wd.length - 1];
  if (last === 'а') return wd.slice(0, -1) + (GEN_HARD.includes(wd[wd.length - 2]) ? 'и' : 'ы');
  if (last === 'я') return `${wd.slice(0, -1)}и`;
  if (last === 'ь') return /([чшжщ]|ан|ен|ер)ь$/.test(wd) ? `${wd.slice(0, -1)}и` : `${wd.slice(0, -1)}я`;
  if (last === 'й') return `${wd.slice(0, -1)}я`;
  if (isVowel(last)) return wd;
  return `${wd}а`;
}

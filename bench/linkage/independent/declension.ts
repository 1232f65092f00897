// Names copied out of running text keep the case they had there: "прошу найти Иванова Сергея
// Петровича" (genitive), "направлено Иванову Сергею Петровичу" (dative), "о признании
// Ондара Айдыса Кара-ооловича безвестно отсутствующим". And a man's surname is sometimes
// written in its feminine form (the mother's, or a slip).

export type GrammaticalCase = 'genitive' | 'dative';

const VOWELS = 'аеёиоуыэюя';
const VELAR_OR_HUSHING = 'гкхжчшщ';

// Павел → Павла, Пётр → Петра, Лев → Льва.
const FLEETING_VOWEL: Readonly<Record<string, string>> = { Павел: 'Павл', Пётр: 'Петр', Петр: 'Петр', Лев: 'Льв' };

function ending(word: string, gcase: GrammaticalCase, kind: 'surname' | 'given' | 'patronymic'): string {
  const w = word;
  const lower = w.toLowerCase();
  const gen = gcase === 'genitive';
  // Undeclined: Siberian -ых/-их, Ukrainian -ко, surnames on other vowels (Маады, Чооду).
  if (kind === 'surname' && (/(ых|их|ко|о|е|у|ю|и|ы|э)$/.test(lower) || /енко$/.test(lower))) return w;
  if (kind === 'patronymic') return / оглы$/.test(w) ? w : w + (gen ? 'а' : 'у'); // "Али оглы" stays
  if (kind === 'surname') {
    if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return w + (gen ? 'а' : 'у');
    if (/(ский|цкий)$/.test(lower)) return w.slice(0, -2) + (gen ? 'ого' : 'ому');
    if (/(ой|ый)$/.test(lower)) return w.slice(0, -2) + (gen ? 'ого' : 'ому');
    if (/ий$/.test(lower)) return w.slice(0, -2) + (gen ? 'его' : 'ему');
  }
  if (kind === 'given' && FLEETING_VOWEL[w]) return FLEETING_VOWEL[w] + (gen ? 'а' : 'у');
  const last = lower.at(-1)!;
  if (last === 'й' || last === 'ь') return w.slice(0, -1) + (gen ? 'я' : 'ю');
  if (last === 'а') {
    const before = lower.at(-2) ?? '';
    return w.slice(0, -1) + (gen ? (VELAR_OR_HUSHING.includes(before) ? 'и' : 'ы') : 'е');
  }
  if (last === 'я') return w.slice(0, -1) + (gen ? 'и' : 'е');
  if (VOWELS.includes(last)) return w; // Гаджи, Бато, Мунко stay as they are
  return w + (gen ? 'а' : 'у');
}

export function declineName(
  parts: { surname: string; given: string; patronymic: string },
  gcase: GrammaticalCase,
): { surname: string; given: string; patronymic: string } {
  return {
    surname: parts.surname && ending(parts.surname, gcase, 'surname'),
    given: parts.given && ending(parts.given, gcase, 'given'),
    patronymic: parts.patronymic && ending(parts.patronymic, gcase, 'patronymic'),
  };
}

/** Иванов → Иванова, Покровский → Покровская; surnames without a feminine form stay. */
export function feminineSurname(surname: string): string {
  const lower = surname.toLowerCase();
  if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return `${surname}а`;
  if (/(ский|цкий)$/.test(lower)) return `${surname.slice(0, -2)}ая`;
  if (/(ой|ый)$/.test(lower)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

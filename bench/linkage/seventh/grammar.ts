// Russian morphology for names: patronymics from a father's name, and the grammatical cases in
// which names reach lists copied out of sentences ("гибель Иванова Ивана Ивановича" → genitive,
// "ответ по военнослужащему Иванову Ивану" → dative, "служил с Ивановым Сергеем" → instrumental).

export type Case = 'gen' | 'dat' | 'ins';

// Russian given names whose patronymic does not follow a plain suffix rule.
const PATRONYMIC: Record<string, string> = {
  Илья: 'Ильич',
  Никита: 'Никитич',
  Кузьма: 'Кузьмич',
  Фома: 'Фомич',
  Лука: 'Лукич',
  Яков: 'Яковлевич',
  Лев: 'Львович',
  Павел: 'Павлович',
  Пётр: 'Петрович',
  Михаил: 'Михайлович',
  Даниил: 'Даниилович',
  Юрий: 'Юрьевич',
  Анатолий: 'Анатольевич',
  Валерий: 'Валерьевич',
  Виталий: 'Витальевич',
  Геннадий: 'Геннадьевич',
  Григорий: 'Григорьевич',
  Василий: 'Васильевич',
  Аркадий: 'Аркадьевич',
  Евгений: 'Евгеньевич',
  Иннокентий: 'Иннокентьевич',
  Афанасий: 'Афанасьевич',
  Прокопий: 'Прокопьевич',
  Игорь: 'Игоревич',
  Муса: 'Мусаевич',
  Иса: 'Исаевич',
};

const VOWELS = 'аеёиоуыэюя';
const SIBILANT = 'жшчщц';

const memo = new Map<string, string>();

/** Patronymic from the father's given name (memoised: half a million men share a few hundred fathers' names). */
export function patronymicOf(father: string): string {
  let p = memo.get(father);
  if (p === undefined) memo.set(father, (p = derivePatronymic(father)));
  return p;
}

function derivePatronymic(father: string): string {
  const p = PATRONYMIC[father];
  if (p) return p;
  if (father.endsWith('ий')) return `${father.slice(0, -2)}иевич`; // Дмитрий → Дмитриевич
  if (father.endsWith('ей') || father.endsWith('ай')) return `${father.slice(0, -1)}евич`; // Сергей → Сергеевич
  if (father.endsWith('й')) return `${father.slice(0, -1)}евич`;
  if (father.endsWith('ь')) return `${father.slice(0, -1)}евич`; // Шамиль → Шамилевич
  const last = father.at(-1) ?? '';
  if (last === 'а' || last === 'я') return `${father.slice(0, -1)}${last === 'я' ? 'евич' : 'аевич'}`; // Дамба → Дамбаевич
  if (VOWELS.includes(last)) return `${father}евич`; // Бато → Батоевич, Доржи → Доржиевич
  if (SIBILANT.includes(last)) return `${father}евич`;
  return `${father}ович`;
}

const FLEETING: Record<string, string> = { Павел: 'Павл', Пётр: 'Петр', Лев: 'Льв' };

/** Endings after a hard stem; `velar` (к г х ж ш ч щ) takes -и in the genitive, `hush` (ж ш ч щ ц) -ей/-ем. */
function endings(c: Case, velar: boolean, hush: boolean): { cons: string; a: string; ya: string; soft: string } {
  if (c === 'gen') return { cons: 'а', a: velar ? 'и' : 'ы', ya: 'и', soft: 'я' };
  if (c === 'dat') return { cons: 'у', a: 'е', ya: 'е', soft: 'ю' };
  return { cons: hush ? 'ем' : 'ом', a: hush ? 'ей' : 'ой', ya: 'ей', soft: 'ем' };
}

/** A given name in a case. Indeclinable endings (-о, -и, -у, -э) are left alone, as in real texts. */
export function givenInCase(name: string, c: Case): string {
  if (!name) return name;
  const stem = FLEETING[name];
  if (stem) return stem + endings(c, false, false).cons;
  if (name === 'Илья') return c === 'gen' ? 'Ильи' : c === 'dat' ? 'Илье' : 'Ильёй';
  const last = name.at(-1) ?? '';
  const prev = name.at(-2) ?? '';
  if (name.endsWith('ий')) return name.slice(0, -1) + (c === 'gen' ? 'я' : c === 'dat' ? 'ю' : 'ем');
  if (last === 'й' || last === 'ь') return name.slice(0, -1) + endings(c, false, false).soft;
  if (last === 'а') return name.slice(0, -1) + endings(c, 'кгхжшчщ'.includes(prev), SIBILANT.includes(prev)).a;
  if (last === 'я') return name.slice(0, -1) + endings(c, false, false).ya;
  if (VOWELS.includes(last)) return name;
  return name + endings(c, false, SIBILANT.includes(last)).cons;
}

export function patronymicInCase(p: string, c: Case): string {
  if (!p.endsWith('ич')) return p; // "Рустам угли", "Алиевна" (never) — leave as is
  return p + (c === 'gen' ? 'а' : c === 'dat' ? 'у' : 'ем');
}

/** A man's surname in a case: -ов/-ин take noun endings, -ский/-ой adjective ones, -ых/-ко never change. */
export function surnameInCase(s: string, c: Case): string {
  if (!s) return s;
  const lower = s.toLowerCase();
  if (/(ых|их|ая|ия)$/.test(lower)) return s; // Черных, Седых: indeclinable Siberian surnames; Tuvan Саая
  if (/(ский|цкий|ской|цкой|ый|ой)$/.test(lower)) {
    const stem = s.slice(0, -2);
    return stem + (c === 'gen' ? 'ого' : c === 'dat' ? 'ому' : lower.endsWith('ий') ? 'им' : 'ым');
  }
  if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return s + (c === 'gen' ? 'а' : c === 'dat' ? 'у' : 'ым');
  const last = lower.at(-1) ?? '';
  if (last === 'а' || last === 'я' || last === 'й' || last === 'ь') return givenInCase(s, c);
  if (VOWELS.includes(last)) return s; // Бойко, Шевченко, Хомушку
  return s + endings(c, false, SIBILANT.includes(last)).cons; // Монгуш → Монгуша, Ковальчук → Ковальчука
}

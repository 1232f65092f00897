// A man's patronymic from his father's given name, by the rules of Russian (which Dagestani,
// Ossetian, Buryat, Tatar and most Tuvan patronymics also follow: Магомедович, Таймуразович,
// Цыренович, Ринатович, Кара-оолович).

const IRREGULAR: Readonly<Record<string, string>> = {
  Илья: 'Ильич',
  Никита: 'Никитич',
  Лука: 'Лукич',
  Фома: 'Фомич',
  Кузьма: 'Кузьмич',
  Фока: 'Фокич',
  Савва: 'Саввич',
  Мина: 'Минич',
  Сила: 'Силич',
  Данила: 'Данилович',
  Гаврила: 'Гаврилович',
  Лев: 'Львович',
  Павел: 'Павлович',
  Пётр: 'Петрович',
  Петр: 'Петрович',
  Михаил: 'Михайлович',
  Яков: 'Яковлевич',
};

const VOWELS = 'аеёиоуыэюя';

export function patronymicOf(father: string): string {
  const irregular = IRREGULAR[father];
  if (irregular) return irregular;
  const last = father.at(-1)!;
  const stem = father.slice(0, -1);
  if (father.endsWith('ий')) {
    // Дмитриевич, Георгиевич after two consonants; Юрьевич, Васильевич, Евгеньевич otherwise.
    const beforeIy = father.slice(-4, -2).toLowerCase();
    const twoConsonants = [...beforeIy].every((c) => !VOWELS.includes(c) && c !== 'й') && beforeIy !== 'нт'; // but Иннокентьевич
    return `${father.slice(0, -2)}${twoConsonants ? 'иевич' : 'ьевич'}`;
  }
  if (last === 'й') return `${stem}евич`; // Сергей → Сергеевич, Николай → Николаевич
  if (last === 'ь') return `${stem}евич`; // Игорь → Игоревич, Шамиль → Шамилевич
  if (last === 'а' || last === 'я') return `${father}евич`; // Муса → Мусаевич, Бадма → Бадмаевич
  if (last === 'о' || last === 'и' || last === 'у' || last === 'е' || last === 'э') return `${father}евич`; // Гаджи → Гаджиевич
  if ('жшчщц'.includes(last)) return `${father}евич`;
  return `${father}ович`;
}

/** Surname formed from a father's name, as many Dagestani surnames are: Магомед → Магомедов. */
export function surnameOfFather(father: string): string {
  const last = father.at(-1)!;
  if (father.endsWith('ий')) return `${father.slice(0, -2)}иев`;
  if (last === 'й' || last === 'ь') return `${father.slice(0, -1)}ев`;
  if (VOWELS.includes(last)) return `${father}ев`; // Гаджи → Гаджиев, Муса → Мусаев
  return `${father}ов`;
}

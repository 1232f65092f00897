// Patronymics formed from a father's given name, in Russian and in Ukrainian. Used to map
// Ukrainian patronymics (Олександрович, Сергійович) to Russian ones, and by the record generator.

export interface PatronymicForms {
  male: string;
  female: string;
}

const RU_EXCEPTIONS: Record<string, PatronymicForms> = {
  Илья: { male: 'Ильич', female: 'Ильинична' },
  Никита: { male: 'Никитич', female: 'Никитична' },
  Лука: { male: 'Лукич', female: 'Лукинична' },
  Фома: { male: 'Фомич', female: 'Фоминична' },
  Кузьма: { male: 'Кузьмич', female: 'Кузьминична' },
  Павел: { male: 'Павлович', female: 'Павловна' },
  Лев: { male: 'Львович', female: 'Львовна' },
  Пётр: { male: 'Петрович', female: 'Петровна' },
  Петр: { male: 'Петрович', female: 'Петровна' },
  Михаил: { male: 'Михайлович', female: 'Михайловна' },
  Дмитрий: { male: 'Дмитриевич', female: 'Дмитриевна' },
  Георгий: { male: 'Георгиевич', female: 'Георгиевна' },
  Данила: { male: 'Данилович', female: 'Даниловна' },
  Яков: { male: 'Яковлевич', female: 'Яковлевна' },
  Савва: { male: 'Саввич', female: 'Саввична' },
  Гаврила: { male: 'Гаврилович', female: 'Гавриловна' },
  Сила: { male: 'Силич', female: 'Силична' },
  Мина: { male: 'Минич', female: 'Минична' },
  Фока: { male: 'Фокич', female: 'Фокична' },
  Зосима: { male: 'Зосимович', female: 'Зосимовна' },
  Аникита: { male: 'Аникитич', female: 'Аникитична' },
};

/** Russian patronymic of a father's (Russian or other) given name. */
export function russianPatronymic(father: string): PatronymicForms {
  const ex = RU_EXCEPTIONS[father];
  if (ex) return ex;
  const base = father;
  let m: RegExpMatchArray | null;
  if ((m = base.match(/^(.*[^и])ий$/))) return { male: `${m[1]}ьевич`, female: `${m[1]}ьевна` }; // Юрий, Василий
  if ((m = base.match(/^(.*)ий$/))) return { male: `${m[1]}иевич`, female: `${m[1]}иевна` };
  if ((m = base.match(/^(.*)([еаоуэ])й$/))) return { male: `${m[1]}${m[2]}евич`, female: `${m[1]}${m[2]}евна` }; // Сергей, Николай
  if ((m = base.match(/^(.*)ь$/))) return { male: `${m[1]}евич`, female: `${m[1]}евна` }; // Игорь, Шамиль
  // Names ending in a vowel that are not Russian (Russian ones are exceptions above) keep it:
  // Бато → Батоевич, Муса → Мусаевич, Доржи → Доржиевич.
  if (/[аеиоуэ]$/.test(base)) return { male: `${base}евич`, female: `${base}евна` };
  if (/[жшчщц]$/.test(base)) return { male: `${base}евич`, female: `${base}евна` };
  return { male: `${base}ович`, female: `${base}овна` };
}

const UA_EXCEPTIONS: Record<string, PatronymicForms> = {
  Микола: { male: 'Миколайович', female: 'Миколаївна' },
  Ілля: { male: 'Ілліч', female: 'Іллівна' },
  Федір: { male: 'Федорович', female: 'Федорівна' },
  Яків: { male: 'Якович', female: 'Яківна' },
  Хома: { male: 'Хомич', female: 'Хомівна' },
  Лука: { male: 'Лукич', female: 'Луківна' },
};

/** Ukrainian patronymic of a father's given name in its Ukrainian form (Сергій → Сергійович). */
export function ukrainianPatronymic(father: string): PatronymicForms {
  const ex = UA_EXCEPTIONS[father];
  if (ex) return ex;
  let m: RegExpMatchArray | null;
  if ((m = father.match(/^(.*)й$/))) return { male: `${m[1]}йович`, female: `${m[1]}ївна` };
  if ((m = father.match(/^(.*)[оа]$/))) return { male: `${m[1]}ович`, female: `${m[1]}івна` };
  if ((m = father.match(/^(.*)ь$/))) return { male: `${m[1]}ьович`, female: `${m[1]}івна` };
  return { male: `${father}ович`, female: `${father}івна` };
}

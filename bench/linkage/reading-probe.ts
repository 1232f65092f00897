// How many of the forms people write the normalisers read: units, given-name diminutives, birth
// dates, regions. Written from knowledge of how Russian families, lists and officials write them,
// not from either generator, so the shares are a check that needs no truth and tunes on nothing.
// Prints each share and the forms left unread. Run: npx tsx bench/linkage/reading-probe.ts
import {
  canonicalGivenName,
  nameKey,
  parseDate,
  parseUnitLoose,
  regionCode,
  surnameGenderless,
} from '../../src/linkage/engine/normalize/index.ts';
import { nominativeName } from '../../src/linkage/engine/normalize/name-cases.ts';

const UNITS = [
  'в/ч 12345',
  'в.ч. 12345',
  'вч 12345',
  'ВЧ-12345',
  'в/ч№12345',
  'войсковая часть 12345',
  'Войсковая часть № 12345',
  'военная часть 12345',
  'military unit 12345',
  'unit 12345',
  'v/ch 12345',
  'vch 12345',
  'в/ч 12345-А',
  'в/ч 12 345',
  'п/п 12345',
  'полевая почта 12345',
  '12345 в/ч',
  'в/ч 12345 (Мулино)',
  'часть № 12345',
  'в/ч: 12345',
  '55 омсбр',
  '55-я омсбр',
  '55-я отдельная мотострелковая бригада',
  '55 ОМСБр',
  '55th motor rifle brigade',
  '55th Separate Motorised Rifle Brigade',
  'MRB 55',
  '55 бригада',
  '55-я бригада',
  'бр. 55',
  'ОМСБр-55',
  'мотострелковая бригада 55',
  '155 обрмп',
  '155-я бригада морской пехоты',
  '155th naval infantry brigade',
  '76 дшд',
  '76 ВДД',
  '76-я гвардейская десантно-штурмовая дивизия',
  '104 дшп',
  '331 пдп',
  '1009 мсп',
  '1009-й мотострелковый полк',
  '1009 полк',
  '2 мсд',
  '150-я мотострелковая дивизия',
  '4 тд',
  'Таманская дивизия',
  'Кантемировская дивизия',
  '20 армия',
  '20-я общевойсковая армия',
  '58 ОА',
  '1 гв. ТА',
  '3 АК',
  '2-й армейский корпус ЛНР',
  '45 обрСпН',
  '22 бригада спецназа ГРУ',
  '3 мсб 55 омсбр',
  '1-й батальон 1009-го мсп',
  'в/ч 74507 (331 пдп)',
  '55-я омсбр (в/ч 12345)',
  'ЧВК Вагнер',
  'Wagner',
  'Ахмат',
  'БАРС-13',
  'батальон «Восток»',
  'Спарта',
  'Сомали',
  'Пятнашка',
  'ЧВК Редут',
  'Конвой',
  '105 омсп',
  '1 ОШБ',
  '2-й отдельный штурмовой батальон',
  'разведбат 55 омсбр',
  '34-я горная бригада',
  '34th mountain brigade',
  '34-ya brigada',
  '448 реабр',
  'ДШРГ Русич',
  'Эспаньола',
  'бригада «Призрак»',
  // A formation by its ordinal alone, as comrades say it ("служил в 200-й", "из 1009-го").
  '200-я',
  '«155-я»',
  '1009-й',
  '3-я',
  // A unit's name alone, or before its kind in English order.
  'Патриот',
  'Tigr PMC',
  // Units known by a name no list here holds: the name in quotes, or after the unit's kind.
  'ЧВК «Патриот»',
  'добровольческий батальон «Тигр»',
  'отряд Енот',
];
const DIMINUTIVES: [string, string][] = [
  ['Саша', 'Александр'],
  ['Сашка', 'Александр'],
  ['Саня', 'Александр'],
  ['Шурик', 'Александр'],
  ['Лёша', 'Алексей'],
  ['Лёха', 'Алексей'],
  ['Дима', 'Дмитрий'],
  ['Димон', 'Дмитрий'],
  ['Митя', 'Дмитрий'],
  ['Женя', 'Евгений'],
  ['Женёк', 'Евгений'],
  ['Коля', 'Николай'],
  ['Колян', 'Николай'],
  ['Миша', 'Михаил'],
  ['Серёжа', 'Сергей'],
  ['Серёга', 'Сергей'],
  ['Ваня', 'Иван'],
  ['Ванька', 'Иван'],
  ['Петя', 'Пётр'],
  ['Витя', 'Виктор'],
  ['Толя', 'Анатолий'],
  ['Толян', 'Анатолий'],
  ['Слава', 'Вячеслав'],
  ['Вова', 'Владимир'],
  ['Вовчик', 'Владимир'],
  ['Юра', 'Юрий'],
  ['Юрик', 'Юрий'],
  ['Костя', 'Константин'],
  ['Костик', 'Константин'],
  ['Рома', 'Роман'],
  ['Ромка', 'Роман'],
  ['Паша', 'Павел'],
  ['Павлик', 'Павел'],
  ['Макс', 'Максим'],
  ['Максимка', 'Максим'],
  ['Тёма', 'Артём'],
  ['Стас', 'Станислав'],
  ['Гоша', 'Георгий'],
  ['Жора', 'Георгий'],
  ['Никитос', 'Никита'],
  ['Денис', 'Денис'],
  ['Дениска', 'Денис'],
  ['Кирюха', 'Кирилл'],
  ['Тоха', 'Антон'],
  ['Сева', 'Всеволод'],
  ['Лёва', 'Лев'],
  ['Руся', 'Руслан'],
  ['Мага', 'Магомед'],
  ['Sasha', 'Aleksandr'],
  ['Vanya', 'Ivan'],
  ['Zhenya', 'Yevgeniy'],
  ['Oleksandr', 'Александр'],
  ['Dmytro', 'Дмитрий'],
];
const DATES = [
  '12.03.1990',
  '12/03/1990',
  '1990-03-12',
  '12 марта 1990',
  '12 марта 1990 г.',
  '12.03.90',
  '1990',
  '1990 г.р.',
  '~1990',
  'около 1990',
  '1990?',
  '03.1990',
  'март 1990',
  '12 March 1990',
  '12.03.1990г.',
  'г.р. 12.03.1990',
  'р. 1990',
  '12.03.1990 (35 лет)',
  '1990 года рождения',
  '12 марта 1990 года',
  ' 12 . 03 . 1990',
  '12,03,1990',
  '12 III 1990',
];
const REGIONS = [
  'Республика Дагестан',
  'Дагестан',
  'РД',
  'Dagestan',
  'Махачкала',
  'Хасавюрт',
  'Дагестанская АССР',
  'Тыва',
  'Тува',
  'Кызыл',
  'Бурятия',
  'Улан-Удэ',
  'РСО-Алания',
  'Владикавказ',
  'Москва',
  'МО',
  'Подмосковье',
  'Свердловская обл.',
  'Екатеринбург',
  'СПб',
  'Питер',
  'Кубань',
  'ХМАО-Югра',
  'Якутия',
  'Чечня',
  'Грозный',
  'Башкирия',
  'Уфа',
  'г. Стерлитамак',
  'ЛНР',
  'ДНР',
  'Крым',
  'Забайкальский край',
  'Чита',
  'Приморье',
  'Кузбасс',
  'Sverdlovsk Oblast',
  'Krasnodar Krai',
];

// Names as requests, answers and court papers decline them ("прошу найти …", "направлено …", "о
// признании … безвестно отсутствующим"), each with the nominative it must be read back to; then
// names in the nominative that must be left as written (women, names on -а/-я, undeclined surnames).
const DECLINED: [string, string][] = [
  ['Иванова Сергея Петровича', 'Иванов Сергей Петрович'],
  ['Кузнецова Дмитрия Александровича', 'Кузнецов Дмитрий Александрович'],
  ['Соколовского Игоря Олеговича', 'Соколовский Игорь Олегович'],
  ['Белого Артёма Сергеевича', 'Белый Артём Сергеевич'],
  ['Никитина Ильи Андреевича', 'Никитин Илья Андреевич'],
  ['Морозова Никиты Ивановича', 'Морозов Никита Иванович'],
  ['Волкова Павла Евгеньевича', 'Волков Павел Евгеньевич'],
  ['Лебедева Алексея', 'Лебедев Алексей'],
  ['Бондаренко Максима Витальевича', 'Бондаренко Максим Витальевич'],
  ['Абдуллаева Руслана Магомедовича', 'Абдуллаев Руслан Магомедович'],
  ['Доржиева Баира Цыреновича', 'Доржиев Баир Цыренович'],
  ['Шевчука Василия Петровича', 'Шевчук Василий Петрович'],
  ['Фёдорова Владимира Владимировича', 'Фёдоров Владимир Владимирович'],
  ['Иванова Сани', 'Иванов Саня'],
  ['Сидорову Николаю Ивановичу', 'Сидоров Николай Иванович'],
  ['Петрову Константину Олеговичу', 'Петров Константин Олегович'],
  ['Кравченко Евгению Сергеевичу', 'Кравченко Евгений Сергеевич'],
  ['Смирнову Антону', 'Смирнов Антон'],
  ['Горбунову Льву Андреевичу', 'Горбунов Лев Андреевич'],
  ['Зайцеву Вадиму Игоревичу', 'Зайцев Вадим Игоревич'],
  ['Морозову Мише', 'Морозов Миша'],
  ['Черных Игоря Юрьевича', 'Черных Игорь Юрьевич'],
];
const NOMINATIVE = [
  'Иванова Анна Петровна',
  'Иванова Александра',
  'Петрова Евгения',
  'Лебедев Никита',
  'Седых Илья Петрович',
  'Бойко Кузьма',
  'Мамедов Али',
  'Кузнецова Мария Ивановна',
  'Иванова Юлия',
  'Бойко Яна',
  'Седых Валерия',
  'Петрова Кира',
];
const threeFields = (text: string) => {
  const [surname, given, patronymic = ''] = text.split(' ');
  return { surname, given, patronymic };
};

const report = (title: string, forms: string[], read: (s: string) => boolean): void => {
  const unread = forms.filter((f) => !read(f));
  console.log(`${title}: ${forms.length - unread.length} of ${forms.length} read`);
  if (unread.length) console.log(`  unread: ${unread.join(' | ')}`);
};

report('units', UNITS, (u) => {
  const k = parseUnitLoose(u);
  return !!(k.number || k.formation);
});
const given = (s: string): string => canonicalGivenName(nameKey(s, 'given'));
report(
  'diminutives and variants',
  DIMINUTIVES.map(([a, b]) => `${a}=${b}`),
  (pair) => {
    const [a, b] = pair.split('=');
    return given(a) === given(b);
  },
);
report('birth dates', DATES, (d) => {
  const p = parseDate(d);
  return !!p && p.precision !== 'none';
});
report('regions', REGIONS, (r) => !!regionCode(r));
report(
  'names in the genitive or dative',
  DECLINED.map(([a, b]) => `${a}=${b}`),
  (pair) => {
    const [a, b] = pair.split('=');
    const r = nominativeName(threeFields(a));
    // Read as the comparisons read it: Белой and Белый are one surname to them.
    const keys = (n: { surname: string; given: string; patronymic: string }) =>
      [
        surnameGenderless(nameKey(n.surname, 'surname')),
        nameKey(n.given, 'given'),
        nameKey(n.patronymic, 'patronymic'),
      ].join(' ');
    return !!r && keys(r) === keys(threeFields(b));
  },
);
report('names in the nominative left as written', NOMINATIVE, (n) => nominativeName(threeFields(n)) === null);

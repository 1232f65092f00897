// Regions: the 85 subjects with 2021 census population (data/regions.csv), plus the author's model of
// where losses concentrate, who lives there, and the many ways a region is written.
import { readFileSync } from 'node:fs';
import type { Eth } from './pools.ts';

export interface Region {
  iso: string;
  code: string;
  official: string;
  nameEn: string;
  type: string;
  population: number;
  /** Relative loss rate per capita (1 = average oblast). Author's model, see README. */
  loss: number;
  capital: string;
  towns: string[];
  /** Short and colloquial forms ("Бурятия", "Кубань"), abbreviations ("РБ", "ХМАО"), old names ("Читинская обл."). */
  short: string[];
  abbr: string[];
  old: string[];
  en: string[];
  eth: readonly (readonly [Eth, number])[];
  districts: readonly (readonly [string, string])[];
  districtWord: string;
}

interface Extra {
  loss: number;
  capital: string;
  towns?: string;
  short?: string;
  abbr?: string;
  old?: string;
  en?: string;
  eth?: readonly (readonly [Eth, number])[];
  districts?: string;
  districtWord?: string;
}

const sp = (s: string | undefined): string[] =>
  s
    ? s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

const RU_DEFAULT: readonly (readonly [Eth, number])[] = [
  ['ru', 90],
  ['ukr', 5],
  ['tat', 2],
  ['arm', 0.8],
  ['aze', 0.6],
  ['uzb', 0.6],
  ['taj', 0.5],
  ['kaz', 0.3],
  ['kyr', 0.2],
];

const EXTRA: Record<string, Extra> = {
  'RU-AD': {
    loss: 1.2,
    capital: 'Майкоп',
    towns: 'Адыгейск;Яблоновский',
    short: 'Адыгея',
    abbr: 'РА',
    en: 'Adygea',
    eth: [
      ['ru', 68],
      ['circ', 26],
      ['arm', 3],
      ['ukr', 3],
    ],
  },
  'RU-BA': {
    loss: 1.6,
    capital: 'Уфа',
    towns: 'Стерлитамак;Салават;Нефтекамск;Октябрьский;Белорецк;Сибай;Кумертау;Ишимбай;Туймазы',
    short: 'Башкортостан;Башкирия;Респ. Башкортостан;Башкортостан Респ.',
    abbr: 'РБ',
    en: 'Bashkortostan;Bashkiria',
    eth: [
      ['ru', 38],
      ['bash', 30],
      ['tat', 26],
      ['ukr', 2],
      ['uzb', 1],
    ],
    districts:
      'Баймакский,Баймак;Учалинский,Учалы;Абзелиловский,Аскарово;Бурзянский,Старосубхангулово;Зилаирский,Зилаир;Хайбуллинский,Акъяр;Белорецкий,Белорецк;Мелеузовский,Мелеуз;Дюртюлинский,Дюртюли;Бирский,Бирск',
  },
  'RU-BU': {
    loss: 4.5,
    capital: 'Улан-Удэ',
    towns: 'Гусиноозёрск;Северобайкальск;Кяхта;Закаменск',
    short: 'Бурятия;Респ. Бурятия;Бурятия Респ.',
    abbr: 'РБ',
    en: 'Buryatia',
    eth: [
      ['ru', 52],
      ['bur', 44],
      ['ukr', 2],
      ['tat', 1],
      ['arm', 1],
    ],
    districts:
      'Кяхтинский,Кяхта;Закаменский,Закаменск;Селенгинский,Гусиноозёрск;Мухоршибирский,Мухоршибирь;Тарбагатайский,Тарбагатай;Иволгинский,Иволгинск;Кабанский,Кабанск;Бичурский,Бичура;Джидинский,Петропавловка;Хоринский,Хоринск;Еравнинский,Сосново-Озёрское;Баргузинский,Баргузин;Курумканский,Курумкан;Окинский,Орлик;Тункинский,Кырен;Заиграевский,Заиграево',
  },
  'RU-AL': {
    loss: 4,
    capital: 'Горно-Алтайск',
    towns: 'Майма;Онгудай;Кош-Агач;Усть-Кан',
    short: 'Республика Алтай;Горный Алтай;Респ. Алтай;Алтай',
    abbr: 'РА',
    en: 'Altai Republic;Gorny Altai',
    eth: [
      ['ru', 55],
      ['alt', 38],
      ['kaz', 6],
      ['ukr', 1],
    ],
    districts:
      'Онгудайский,Онгудай;Кош-Агачский,Кош-Агач;Усть-Канский,Усть-Кан;Улаганский,Улаган;Шебалинский,Шебалино;Майминский,Майма',
  },
  'RU-DA': {
    loss: 1.5,
    capital: 'Махачкала',
    towns: 'Дербент;Хасавюрт;Каспийск;Буйнакск;Кизляр;Избербаш;Кизилюрт',
    short: 'Дагестан;Респ. Дагестан',
    abbr: 'РД',
    en: 'Dagestan;Daghestan',
    eth: [
      ['dag', 95],
      ['ru', 3],
      ['aze', 1],
      ['vain', 1],
    ],
    districts:
      'Ахтынский,Ахты;Гунибский,Гуниб;Хунзахский,Хунзах;Табасаранский,Хучни;Левашинский,Леваши;Сергокалинский,Сергокала;Карабудахкентский,Карабудахкент;Унцукульский,Унцукуль;Гергебильский,Гергебиль;Ботлихский,Ботлих;Казбековский,Дылым;Кизлярский,Кизляр',
  },
  'RU-IN': {
    loss: 0.6,
    capital: 'Магас',
    towns: 'Назрань;Малгобек;Карабулак;Сунжа',
    short: 'Ингушетия',
    abbr: 'РИ',
    en: 'Ingushetia',
    eth: [
      ['vain', 97],
      ['ru', 3],
    ],
  },
  'RU-KB': {
    loss: 0.9,
    capital: 'Нальчик',
    towns: 'Прохладный;Баксан;Нарткала',
    short: 'Кабардино-Балкария',
    abbr: 'КБР',
    en: 'Kabardino-Balkaria',
    eth: [
      ['circ', 70],
      ['ru', 27],
      ['oss', 2],
      ['ukr', 1],
    ],
  },
  'RU-KL': {
    loss: 1.6,
    capital: 'Элиста',
    towns: 'Лагань;Городовиковск',
    short: 'Калмыкия',
    abbr: 'РК',
    en: 'Kalmykia',
    eth: [
      ['kalm', 58],
      ['ru', 35],
      ['kaz', 4],
      ['dag', 3],
    ],
  },
  'RU-KC': {
    loss: 0.9,
    capital: 'Черкесск',
    towns: 'Карачаевск;Усть-Джегута;Теберда',
    short: 'Карачаево-Черкесия',
    abbr: 'КЧР',
    en: 'Karachay-Cherkessia',
    eth: [
      ['circ', 58],
      ['ru', 40],
      ['oss', 2],
    ],
  },
  'RU-KR': {
    loss: 1.5,
    capital: 'Петрозаводск',
    towns: 'Кондопога;Сегежа;Костомукша;Сортавала',
    short: 'Карелия',
    abbr: 'РК',
    en: 'Karelia',
  },
  'RU-KO': {
    loss: 1.4,
    capital: 'Сыктывкар',
    towns: 'Ухта;Воркута;Печора;Инта',
    short: 'Коми;Респ. Коми',
    abbr: 'РК',
    en: 'Komi',
  },
  'RU-ME': {
    loss: 1.8,
    capital: 'Йошкар-Ола',
    towns: 'Волжск;Козьмодемьянск;Медведево',
    short: 'Марий Эл',
    abbr: 'РМЭ',
    old: 'Марийская республика',
    en: 'Mari El',
    eth: [
      ['ru', 88],
      ['tat', 7],
      ['ukr', 3],
      ['uzb', 2],
    ],
  },
  'RU-MO': {
    loss: 1.3,
    capital: 'Саранск',
    towns: 'Рузаевка;Ковылкино;Краснослободск',
    short: 'Мордовия',
    abbr: 'РМ',
    en: 'Mordovia',
    eth: [
      ['ru', 90],
      ['tat', 7],
      ['ukr', 3],
    ],
  },
  'RU-SA': {
    loss: 1.4,
    capital: 'Якутск',
    towns: 'Нерюнгри;Мирный;Ленск;Алдан;Вилюйск;Покровск',
    short: 'Якутия;Саха (Якутия);Респ. Саха (Якутия);Саха',
    abbr: 'РС(Я);РС (Я)',
    en: 'Yakutia;Sakha',
    eth: [
      ['yak', 55],
      ['ru', 40],
      ['ukr', 3],
      ['tat', 2],
    ],
    districts:
      'Мегино-Кангаласский,Нижний Бестях;Чурапчинский,Чурапча;Намский,Намцы;Амгинский,Амга;Хангаласский,Покровск;Вилюйский,Вилюйск;Усть-Алданский,Борогонцы;Таттинский,Ытык-Кюёль;Верхневилюйский,Верхневилюйск;Горный,Бердигестях',
    districtWord: 'улус',
  },
  'RU-SE': {
    loss: 1.8,
    capital: 'Владикавказ',
    towns: 'Моздок;Беслан;Алагир;Ардон',
    short: 'Северная Осетия;Северная Осетия — Алания;Сев. Осетия;Осетия',
    abbr: 'РСО-Алания;РСО',
    en: 'North Ossetia',
    eth: [
      ['oss', 66],
      ['ru', 26],
      ['arm', 3],
      ['vain', 3],
      ['circ', 2],
    ],
  },
  'RU-TA': {
    loss: 1.0,
    capital: 'Казань',
    towns: 'Набережные Челны;Нижнекамск;Альметьевск;Зеленодольск;Бугульма;Елабуга;Лениногорск;Чистополь',
    short: 'Татарстан;Респ. Татарстан',
    abbr: 'РТ',
    old: 'Татария',
    en: 'Tatarstan',
    eth: [
      ['tat', 52],
      ['ru', 43],
      ['ukr', 1],
      ['uzb', 1.5],
      ['taj', 1.5],
      ['bash', 1],
    ],
    districts:
      'Альметьевский,Альметьевск;Заинский,Заинск;Сармановский,Сарманово;Арский,Арск;Буинский,Буинск;Азнакаевский,Азнакаево;Кукморский,Кукмор;Балтасинский,Балтаси',
  },
  'RU-TY': {
    loss: 5.5,
    capital: 'Кызыл',
    towns: 'Ак-Довурак;Шагонар;Чадан;Туран',
    short: 'Тыва;Тува;Респ. Тыва;Тыва Респ.',
    abbr: 'РТ',
    en: 'Tuva;Tyva',
    eth: [
      ['tuv', 88],
      ['ru', 11],
      ['kyr', 1],
    ],
    districts:
      'Дзун-Хемчикский,Чадан;Улуг-Хемский,Шагонар;Барун-Хемчикский,Кызыл-Мажалык;Тес-Хемский,Самагалтай;Пий-Хемский,Туран;Каа-Хемский,Сарыг-Сеп;Тандинский,Бай-Хаак;Монгун-Тайгинский,Мугур-Аксы;Бай-Тайгинский,Тээли;Овюрский,Хандагайты;Сут-Хольский,Суг-Аксы;Чаа-Хольский,Чаа-Холь;Эрзинский,Эрзин;Тоджинский,Тоора-Хем;Чеди-Хольский,Хову-Аксы;Кызылский,Каа-Хем',
    districtWord: 'кожуун',
  },
  'RU-UD': {
    loss: 1.5,
    capital: 'Ижевск',
    towns: 'Сарапул;Воткинск;Глазов;Можга',
    short: 'Удмуртия',
    abbr: 'УР',
    en: 'Udmurtia',
    eth: [
      ['ru', 88],
      ['tat', 8],
      ['ukr', 2],
      ['uzb', 2],
    ],
  },
  'RU-KK': {
    loss: 1.6,
    capital: 'Абакан',
    towns: 'Черногорск;Саяногорск;Абаза',
    short: 'Хакасия',
    abbr: 'РХ',
    en: 'Khakassia',
    eth: [
      ['ru', 86],
      ['alt', 6],
      ['ukr', 4],
      ['tuv', 2],
      ['tat', 2],
    ],
  },
  'RU-CE': {
    loss: 0.8,
    capital: 'Грозный',
    towns: 'Аргун;Гудермес;Шали;Урус-Мартан',
    short: 'Чечня;Чеченская Респ.',
    abbr: 'ЧР',
    en: 'Chechnya',
    eth: [
      ['vain', 98],
      ['ru', 2],
    ],
  },
  'RU-CU': {
    loss: 1.6,
    capital: 'Чебоксары',
    towns: 'Новочебоксарск;Канаш;Алатырь;Шумерля',
    short: 'Чувашия;Чувашская Республика',
    abbr: 'ЧР',
    en: 'Chuvashia',
    eth: [
      ['ru', 93],
      ['tat', 4],
      ['ukr', 2],
      ['uzb', 1],
    ],
  },
  'RU-ALT': {
    loss: 1.6,
    capital: 'Барнаул',
    towns: 'Бийск;Рубцовск;Новоалтайск;Камень-на-Оби;Алейск;Заринск',
    short: 'Алтайский кр.;Алтай',
    abbr: 'АК',
    en: 'Altai Krai',
    eth: [
      ['ru', 88],
      ['ukr', 5],
      ['kaz', 4],
      ['tat', 2],
      ['arm', 1],
    ],
  },
  'RU-KDA': {
    loss: 1.2,
    capital: 'Краснодар',
    towns: 'Сочи;Новороссийск;Армавир;Ейск;Анапа;Тихорецк;Кропоткин;Славянск-на-Кубани;Белореченск;Горячий Ключ',
    short: 'Кубань;Краснодарский кр.',
    abbr: 'КК',
    en: 'Kuban',
    eth: [
      ['ru', 72],
      ['ukr', 16],
      ['arm', 6],
      ['circ', 2],
      ['tat', 1],
      ['aze', 1],
      ['uzb', 1],
      ['kaz', 1],
    ],
  },
  'RU-KYA': {
    loss: 1.3,
    capital: 'Красноярск',
    towns: 'Норильск;Ачинск;Канск;Минусинск;Железногорск;Лесосибирск',
    short: 'Красноярский кр.',
    en: 'Krasnoyarsk',
    eth: [
      ['ru', 87],
      ['ukr', 4],
      ['tat', 2],
      ['tuv', 1.5],
      ['kyr', 1.5],
      ['uzb', 1.5],
      ['aze', 1],
      ['arm', 1],
    ],
  },
  'RU-PRI': {
    loss: 1.6,
    capital: 'Владивосток',
    towns: 'Уссурийск;Находка;Артём;Арсеньев;Спасск-Дальний;Дальнегорск',
    short: 'Приморье;Приморский кр.',
    abbr: 'ПК',
    en: 'Primorye',
    eth: [
      ['ru', 82],
      ['ukr', 12],
      ['tat', 2],
      ['uzb', 2],
      ['arm', 1],
      ['kaz', 1],
    ],
  },
  'RU-STA': {
    loss: 1.1,
    capital: 'Ставрополь',
    towns: 'Пятигорск;Кисловодск;Невинномысск;Ессентуки;Будённовск;Георгиевск;Михайловск',
    short: 'Ставрополье;Ставропольский кр.',
    abbr: 'СК',
    en: 'Stavropol',
    eth: [
      ['ru', 76],
      ['arm', 7],
      ['ukr', 6],
      ['dag', 4],
      ['circ', 3],
      ['vain', 2],
      ['aze', 2],
    ],
  },
  'RU-KHA': {
    loss: 1.4,
    capital: 'Хабаровск',
    towns: 'Комсомольск-на-Амуре;Амурск;Бикин;Советская Гавань',
    short: 'Хабаровский кр.',
    en: 'Khabarovsk',
    eth: [
      ['ru', 84],
      ['ukr', 10],
      ['tat', 2],
      ['uzb', 2],
      ['kaz', 1],
      ['arm', 1],
    ],
  },
  'RU-AMU': {
    loss: 1.5,
    capital: 'Благовещенск',
    towns: 'Белогорск;Свободный;Тында;Зея',
    short: 'Амурская обл.;Приамурье',
    en: 'Amur',
    eth: [
      ['ru', 86],
      ['ukr', 10],
      ['tat', 2],
      ['uzb', 2],
    ],
  },
  'RU-ARK': {
    loss: 1.4,
    capital: 'Архангельск',
    towns: 'Северодвинск;Котлас;Коряжма;Новодвинск',
    short: 'Поморье',
    en: 'Arkhangelsk',
  },
  'RU-AST': {
    loss: 1.3,
    capital: 'Астрахань',
    towns: 'Ахтубинск;Знаменск;Камызяк',
    en: 'Astrakhan',
    eth: [
      ['ru', 62],
      ['kaz', 18],
      ['tat', 8],
      ['ukr', 3],
      ['dag', 4],
      ['aze', 3],
      ['kalm', 2],
    ],
  },
  'RU-BEL': {
    loss: 1.1,
    capital: 'Белгород',
    towns: 'Старый Оскол;Губкин;Шебекино;Валуйки;Алексеевка',
    short: 'Белгородчина',
    en: 'Belgorod',
    eth: [
      ['ru', 82],
      ['ukr', 14],
      ['arm', 2],
      ['tat', 1],
      ['aze', 1],
    ],
  },
  'RU-BRY': {
    loss: 1.1,
    capital: 'Брянск',
    towns: 'Клинцы;Новозыбков;Дятьково',
    short: 'Брянщина',
    en: 'Bryansk',
    eth: [
      ['ru', 90],
      ['ukr', 8],
      ['arm', 1],
      ['aze', 1],
    ],
  },
  'RU-VLA': { loss: 1.0, capital: 'Владимир', towns: 'Ковров;Муром;Александров;Гусь-Хрустальный', en: 'Vladimir' },
  'RU-VGG': {
    loss: 1.2,
    capital: 'Волгоград',
    towns: 'Волжский;Камышин;Михайловка;Урюпинск',
    en: 'Volgograd',
    eth: [
      ['ru', 84],
      ['ukr', 6],
      ['kaz', 3],
      ['tat', 2],
      ['arm', 2],
      ['aze', 2],
      ['dag', 1],
    ],
  },
  'RU-VLG': {
    loss: 1.4,
    capital: 'Вологда',
    towns: 'Череповец;Сокол;Великий Устюг',
    short: 'Вологодчина',
    en: 'Vologda',
  },
  'RU-VOR': {
    loss: 1.0,
    capital: 'Воронеж',
    towns: 'Борисоглебск;Россошь;Лиски;Острогожск',
    en: 'Voronezh',
    eth: [
      ['ru', 84],
      ['ukr', 12],
      ['arm', 2],
      ['tat', 1],
      ['aze', 1],
    ],
  },
  'RU-IVA': { loss: 1.5, capital: 'Иваново', towns: 'Кинешма;Шуя;Вичуга', en: 'Ivanovo' },
  'RU-IRK': {
    loss: 1.4,
    capital: 'Иркутск',
    towns: 'Братск;Ангарск;Усть-Илимск;Усолье-Сибирское;Черемхово;Тулун;Саянск;Усть-Орда',
    short: 'Приангарье',
    en: 'Irkutsk',
    eth: [
      ['ru', 84],
      ['bur', 5],
      ['ukr', 4],
      ['tat', 2],
      ['uzb', 2],
      ['kyr', 1],
      ['tuv', 1],
      ['arm', 1],
    ],
  },
  'RU-KGD': {
    loss: 1.0,
    capital: 'Калининград',
    towns: 'Советск;Черняховск;Балтийск;Гусев',
    en: 'Kaliningrad',
    eth: [
      ['ru', 86],
      ['ukr', 9],
      ['arm', 2],
      ['tat', 2],
      ['aze', 1],
    ],
  },
  'RU-KLU': { loss: 0.9, capital: 'Калуга', towns: 'Обнинск;Людиново;Малоярославец', en: 'Kaluga' },
  'RU-KAM': {
    loss: 2.0,
    capital: 'Петропавловск-Камчатский',
    towns: 'Елизово;Вилючинск',
    short: 'Камчатка;Камчатский кр.',
    old: 'Камчатская обл.',
    en: 'Kamchatka',
    eth: [
      ['ru', 85],
      ['ukr', 10],
      ['tat', 3],
      ['kaz', 2],
    ],
  },
  'RU-KEM': {
    loss: 1.3,
    capital: 'Кемерово',
    towns: 'Новокузнецк;Прокопьевск;Междуреченск;Ленинск-Кузнецкий;Юрга;Белово;Киселёвск',
    short: 'Кузбасс;Кемеровская обл.',
    en: 'Kuzbass;Kemerovo',
  },
  'RU-KIR': {
    loss: 1.5,
    capital: 'Киров',
    towns: 'Кирово-Чепецк;Вятские Поляны;Слободской;Котельнич',
    short: 'Вятка;Кировская обл.',
    en: 'Kirov',
  },
  'RU-KOS': { loss: 2.0, capital: 'Кострома', towns: 'Буй;Нерехта;Шарья;Галич', en: 'Kostroma' },
  'RU-KGN': {
    loss: 2.0,
    capital: 'Курган',
    towns: 'Шадринск;Шумиха;Далматово',
    short: 'Зауралье',
    en: 'Kurgan',
    eth: [
      ['ru', 88],
      ['kaz', 4],
      ['tat', 4],
      ['bash', 2],
      ['ukr', 2],
    ],
  },
  'RU-KRS': {
    loss: 1.1,
    capital: 'Курск',
    towns: 'Железногорск;Курчатов;Льгов;Суджа;Рыльск',
    en: 'Kursk',
    eth: [
      ['ru', 90],
      ['ukr', 8],
      ['arm', 1],
      ['aze', 1],
    ],
  },
  'RU-LEN': {
    loss: 0.9,
    capital: 'Гатчина',
    towns: 'Выборг;Всеволожск;Тихвин;Кириши;Сосновый Бор;Кингисепп;Луга',
    short: 'Ленобласть;Ленинградская обл.',
    abbr: 'ЛО',
    en: 'Leningrad Oblast',
  },
  'RU-LIP': { loss: 1.0, capital: 'Липецк', towns: 'Елец;Грязи;Данков', en: 'Lipetsk' },
  'RU-MAG': {
    loss: 2.0,
    capital: 'Магадан',
    towns: 'Сусуман;Ола',
    short: 'Колыма',
    en: 'Magadan',
    eth: [
      ['ru', 85],
      ['ukr', 10],
      ['tat', 3],
      ['yak', 2],
    ],
  },
  'RU-MOS': {
    loss: 0.5,
    capital: 'Красногорск',
    towns:
      'Подольск;Балашиха;Химки;Мытищи;Королёв;Люберцы;Коломна;Серпухов;Электросталь;Одинцово;Сергиев Посад;Ногинск;Наро-Фоминск',
    short: 'Подмосковье;Московская обл.;Моск. обл.',
    abbr: 'МО',
    en: 'Moscow Oblast;Moscow Region',
    eth: [
      ['ru', 84],
      ['ukr', 5],
      ['tat', 2],
      ['arm', 2],
      ['uzb', 2],
      ['taj', 2],
      ['aze', 1.5],
      ['kyr', 1],
      ['vain', 0.5],
    ],
  },
  'RU-MUR': {
    loss: 1.3,
    capital: 'Мурманск',
    towns: 'Апатиты;Североморск;Мончегорск;Кандалакша;Печенга',
    short: 'Заполярье',
    en: 'Murmansk',
    eth: [
      ['ru', 86],
      ['ukr', 9],
      ['tat', 2],
      ['aze', 2],
      ['kaz', 1],
    ],
  },
  'RU-NIZ': {
    loss: 0.9,
    capital: 'Нижний Новгород',
    towns: 'Дзержинск;Арзамас;Саров;Выкса;Кстово;Бор',
    short: 'Нижегородская обл.;Н. Новгород',
    abbr: 'НО',
    old: 'Горьковская обл.',
    en: 'Nizhny Novgorod',
  },
  'RU-NGR': {
    loss: 1.2,
    capital: 'Великий Новгород',
    towns: 'Боровичи;Старая Русса;Валдай',
    short: 'Новгородская обл.',
    en: 'Novgorod',
  },
  'RU-NVS': {
    loss: 1.0,
    capital: 'Новосибирск',
    towns: 'Бердск;Искитим;Куйбышев;Обь',
    abbr: 'НСО',
    en: 'Novosibirsk',
    eth: [
      ['ru', 88],
      ['ukr', 3],
      ['tat', 2],
      ['kaz', 1],
      ['uzb', 2],
      ['kyr', 1.5],
      ['taj', 1.5],
      ['arm', 1],
    ],
  },
  'RU-OMS': {
    loss: 1.2,
    capital: 'Омск',
    towns: 'Тара;Исилькуль;Калачинск',
    en: 'Omsk',
    eth: [
      ['ru', 83],
      ['kaz', 7],
      ['ukr', 4],
      ['tat', 4],
      ['arm', 1],
      ['uzb', 1],
    ],
  },
  'RU-ORE': {
    loss: 1.7,
    capital: 'Оренбург',
    towns: 'Орск;Новотроицк;Бузулук;Бугуруслан;Гай',
    short: 'Оренбуржье',
    old: 'Чкаловская обл.',
    en: 'Orenburg',
    eth: [
      ['ru', 72],
      ['tat', 8],
      ['kaz', 8],
      ['bash', 3],
      ['ukr', 5],
      ['arm', 1],
      ['uzb', 1],
      ['aze', 1],
      ['taj', 1],
    ],
  },
  'RU-ORL': { loss: 1.0, capital: 'Орёл', towns: 'Ливны;Мценск', short: 'Орловщина', en: 'Oryol;Orel' },
  'RU-PNZ': {
    loss: 1.0,
    capital: 'Пенза',
    towns: 'Кузнецк;Заречный;Каменка',
    en: 'Penza',
    eth: [
      ['ru', 87],
      ['tat', 7],
      ['ukr', 3],
      ['arm', 1],
      ['uzb', 1],
      ['aze', 1],
    ],
  },
  'RU-PER': {
    loss: 1.4,
    capital: 'Пермь',
    towns: 'Березники;Соликамск;Чайковский;Кунгур;Лысьва;Краснокамск',
    short: 'Прикамье;Пермский кр.',
    old: 'Пермская обл.',
    en: 'Perm',
    eth: [
      ['ru', 86],
      ['tat', 6],
      ['bash', 2],
      ['ukr', 2],
      ['uzb', 2],
      ['taj', 1],
      ['aze', 1],
    ],
  },
  'RU-PSK': {
    loss: 2.5,
    capital: 'Псков',
    towns: 'Великие Луки;Остров;Опочка;Печоры',
    short: 'Псковщина',
    en: 'Pskov',
  },
  'RU-ROS': {
    loss: 1.0,
    capital: 'Ростов-на-Дону',
    towns: 'Таганрог;Шахты;Новочеркасск;Волгодонск;Батайск;Новошахтинск;Каменск-Шахтинский;Азов;Сальск',
    short: 'Ростовская обл.;Дон',
    abbr: 'РО',
    en: 'Rostov',
    eth: [
      ['ru', 78],
      ['ukr', 12],
      ['arm', 5],
      ['tat', 1],
      ['aze', 2],
      ['kaz', 1],
      ['dag', 1],
    ],
  },
  'RU-RYA': { loss: 1.0, capital: 'Рязань', towns: 'Касимов;Скопин;Сасово', short: 'Рязанщина', en: 'Ryazan' },
  'RU-SAM': {
    loss: 1.0,
    capital: 'Самара',
    towns: 'Тольятти;Сызрань;Новокуйбышевск;Чапаевск;Жигулёвск;Отрадный',
    old: 'Куйбышевская обл.',
    en: 'Samara',
    eth: [
      ['ru', 82],
      ['tat', 6],
      ['ukr', 3],
      ['kaz', 2],
      ['arm', 2],
      ['uzb', 2],
      ['aze', 1],
      ['taj', 1],
      ['bash', 1],
    ],
  },
  'RU-SAR': {
    loss: 1.1,
    capital: 'Саратов',
    towns: 'Энгельс;Балаково;Балашов;Вольск;Пугачёв',
    en: 'Saratov',
    eth: [
      ['ru', 82],
      ['kaz', 5],
      ['tat', 4],
      ['ukr', 4],
      ['arm', 2],
      ['aze', 2],
      ['uzb', 1],
    ],
  },
  'RU-SAK': {
    loss: 1.8,
    capital: 'Южно-Сахалинск',
    towns: 'Корсаков;Холмск;Оха;Поронайск',
    short: 'Сахалин',
    en: 'Sakhalin',
    eth: [
      ['ru', 85],
      ['ukr', 10],
      ['tat', 3],
      ['uzb', 2],
    ],
  },
  'RU-SVE': {
    loss: 1.2,
    capital: 'Екатеринбург',
    towns: 'Нижний Тагил;Каменск-Уральский;Первоуральск;Серов;Асбест;Ревда;Берёзовский;Верхняя Пышма',
    short: 'Свердловская обл.;Средний Урал',
    abbr: 'СО',
    old: 'Свердловск',
    en: 'Sverdlovsk;Yekaterinburg',
    eth: [
      ['ru', 84],
      ['tat', 5],
      ['bash', 1],
      ['ukr', 3],
      ['uzb', 2],
      ['taj', 2],
      ['kyr', 1],
      ['aze', 1],
      ['arm', 1],
    ],
  },
  'RU-SMO': {
    loss: 1.0,
    capital: 'Смоленск',
    towns: 'Вязьма;Рославль;Сафоново;Ярцево',
    short: 'Смоленщина',
    en: 'Smolensk',
  },
  'RU-TAM': { loss: 1.0, capital: 'Тамбов', towns: 'Мичуринск;Рассказово;Моршанск', short: 'Тамбовщина', en: 'Tambov' },
  'RU-TVE': {
    loss: 1.1,
    capital: 'Тверь',
    towns: 'Ржев;Вышний Волочёк;Кимры;Торжок;Конаково',
    short: 'Тверская обл.',
    old: 'Калининская обл.',
    en: 'Tver',
  },
  'RU-TOM': {
    loss: 1.2,
    capital: 'Томск',
    towns: 'Северск;Стрежевой;Асино;Колпашево',
    en: 'Tomsk',
    eth: [
      ['ru', 88],
      ['tat', 4],
      ['ukr', 3],
      ['uzb', 2],
      ['kyr', 2],
      ['kaz', 1],
    ],
  },
  'RU-TUL': { loss: 1.0, capital: 'Тула', towns: 'Новомосковск;Донской;Алексин;Щёкино;Узловая;Ефремов', en: 'Tula' },
  'RU-TYU': {
    loss: 1.0,
    capital: 'Тюмень',
    towns: 'Тобольск;Ишим;Ялуторовск;Заводоуковск',
    en: 'Tyumen',
    eth: [
      ['ru', 78],
      ['tat', 9],
      ['ukr', 4],
      ['kaz', 3],
      ['uzb', 2],
      ['taj', 1],
      ['aze', 1],
      ['arm', 1],
      ['kyr', 1],
    ],
  },
  'RU-ULY': {
    loss: 1.6,
    capital: 'Ульяновск',
    towns: 'Димитровград;Инза;Барыш;Новоульяновск',
    en: 'Ulyanovsk',
    eth: [
      ['ru', 80],
      ['tat', 13],
      ['ukr', 3],
      ['uzb', 2],
      ['arm', 1],
      ['aze', 1],
    ],
  },
  'RU-CHE': {
    loss: 1.4,
    capital: 'Челябинск',
    towns: 'Магнитогорск;Златоуст;Миасс;Копейск;Троицк;Озёрск;Чебаркуль;Сатка',
    short: 'Южный Урал;Челябинская обл.',
    en: 'Chelyabinsk',
    eth: [
      ['ru', 80],
      ['tat', 6],
      ['bash', 5],
      ['kaz', 3],
      ['ukr', 3],
      ['uzb', 1],
      ['taj', 1],
      ['arm', 1],
    ],
  },
  'RU-ZAB': {
    loss: 3.2,
    capital: 'Чита',
    towns: 'Краснокаменск;Борзя;Петровск-Забайкальский;Нерчинск;Шилка;Балей;Могоча',
    short: 'Забайкалье;Забайкальский кр.',
    old: 'Читинская обл.;Агинский Бурятский АО',
    en: 'Zabaykalsky Krai;Zabaikalye;Transbaikalia',
    eth: [
      ['ru', 86],
      ['bur', 9],
      ['ukr', 2],
      ['tat', 1],
      ['uzb', 1],
      ['arm', 1],
    ],
    districts:
      'Агинский,Агинское;Могойтуйский,Могойтуй;Дульдургинский,Дульдурга;Борзинский,Борзя;Оловяннинский,Ясногорск;Нерчинский,Нерчинск;Шилкинский,Шилка;Карымский,Карымское;Петровск-Забайкальский,Петровск-Забайкальский;Красночикойский,Красный Чикой;Улётовский,Улёты;Хилокский,Хилок;Краснокаменский,Краснокаменск',
  },
  'RU-YAR': { loss: 1.0, capital: 'Ярославль', towns: 'Рыбинск;Переславль-Залесский;Тутаев;Углич', en: 'Yaroslavl' },
  'RU-MOW': {
    loss: 0.15,
    capital: 'Москва',
    towns: 'Зеленоград;Троицк;Щербинка',
    short: 'г. Москва;Мск;МСК',
    en: 'Moscow',
    eth: [
      ['ru', 82],
      ['ukr', 5],
      ['tat', 3],
      ['arm', 2.5],
      ['aze', 2],
      ['uzb', 1.5],
      ['taj', 1],
      ['vain', 1],
      ['dag', 1],
      ['oss', 0.5],
      ['kyr', 0.5],
    ],
  },
  'RU-SPE': {
    loss: 0.3,
    capital: 'Санкт-Петербург',
    towns: 'Колпино;Кронштадт;Пушкин;Петергоф',
    short: 'Петербург;СПб;С.-Петербург;Питер',
    old: 'Ленинград',
    en: 'St. Petersburg;Saint Petersburg',
    eth: [
      ['ru', 84],
      ['ukr', 5],
      ['tat', 2],
      ['arm', 2],
      ['aze', 2],
      ['uzb', 2],
      ['taj', 1.5],
      ['kyr', 1],
      ['kaz', 0.5],
    ],
  },
  'RU-YEV': {
    loss: 2.0,
    capital: 'Биробиджан',
    towns: 'Облучье;Николаевка',
    abbr: 'ЕАО',
    en: 'Jewish Autonomous Oblast',
    eth: [
      ['ru', 88],
      ['ukr', 10],
      ['tat', 2],
    ],
  },
  'RU-NEN': { loss: 2.5, capital: 'Нарьян-Мар', short: 'Ненецкий АО', abbr: 'НАО', en: 'Nenets' },
  'RU-KHM': {
    loss: 0.8,
    capital: 'Ханты-Мансийск',
    towns: 'Сургут;Нижневартовск;Нефтеюганск;Когалым;Нягань;Мегион;Лангепас;Радужный',
    short: 'Югра;ХМАО — Югра;ХМАО-Югра',
    abbr: 'ХМАО',
    en: 'Khanty-Mansi;Yugra',
    eth: [
      ['ru', 68],
      ['tat', 8],
      ['ukr', 6],
      ['bash', 3],
      ['dag', 3],
      ['aze', 3],
      ['kyr', 2],
      ['uzb', 2],
      ['taj', 2],
      ['vain', 1],
      ['kaz', 1],
      ['arm', 1],
    ],
  },
  'RU-CHU': {
    loss: 3.0,
    capital: 'Анадырь',
    towns: 'Билибино;Певек',
    short: 'Чукотка',
    abbr: 'ЧАО',
    en: 'Chukotka',
    eth: [
      ['ru', 85],
      ['ukr', 12],
      ['tat', 3],
    ],
  },
  'RU-YAN': {
    loss: 0.8,
    capital: 'Салехард',
    towns: 'Новый Уренгой;Ноябрьск;Надым;Муравленко;Губкинский',
    short: 'Ямал',
    abbr: 'ЯНАО',
    en: 'Yamalo-Nenets;Yamal',
    eth: [
      ['ru', 68],
      ['ukr', 8],
      ['tat', 6],
      ['bash', 3],
      ['dag', 4],
      ['aze', 3],
      ['kyr', 3],
      ['uzb', 2],
      ['vain', 1],
      ['arm', 1],
      ['kaz', 1],
    ],
  },
  'UA-43': {
    loss: 1.2,
    capital: 'Симферополь',
    towns: 'Керчь;Евпатория;Феодосия;Ялта;Джанкой;Бахчисарай',
    short: 'Крым;Респ. Крым',
    abbr: 'РК',
    old: 'АР Крым',
    en: 'Crimea',
    eth: [
      ['ru', 70],
      ['ukr', 22],
      ['tat', 6],
      ['arm', 1],
      ['aze', 1],
    ],
  },
  'UA-40': {
    loss: 1.8,
    capital: 'Севастополь',
    towns: 'Инкерман;Балаклава',
    short: 'г. Севастополь',
    en: 'Sevastopol',
    eth: [
      ['ru', 74],
      ['ukr', 22],
      ['tat', 2],
      ['arm', 2],
    ],
  },
};

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const head = parseCsvLine(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = parseCsvLine(l);
    const rec: Record<string, string> = {};
    head.forEach((h, i) => {
      rec[h] = cells[i] ?? '';
    });
    return rec;
  });
}

let cache: Region[] | undefined;

export function loadRegions(): Region[] {
  if (cache) return cache;
  const rows = readCsv(new URL('./data/regions.csv', import.meta.url).pathname);
  cache = rows.map((r) => {
    const ex = EXTRA[r.iso_3166_2];
    if (!ex) throw new Error(`no extra data for ${r.iso_3166_2}`);
    const districts = sp(ex.districts).map((d) => {
      const [a, b] = d.split(',');
      return [a, b] as const;
    });
    return {
      iso: r.iso_3166_2,
      code: r.region_code,
      official: r.name_ru,
      nameEn: r.name_en,
      type: r.type_en,
      population: Number(r.population_census_2021),
      loss: ex.loss,
      capital: ex.capital,
      towns: sp(ex.towns),
      short: sp(ex.short),
      abbr: sp(ex.abbr),
      old: sp(ex.old),
      en: sp(ex.en),
      eth: ex.eth ?? RU_DEFAULT,
      districts,
      districtWord: ex.districtWord ?? 'район',
    };
  });
  return cache;
}

/** Short official-style form: "Ростовская обл.", "Краснодарский кр.", "Респ. Бурятия", "ХМАО". */
export function abbreviatedOfficial(official: string): string {
  return official
    .replace(/ область$/, ' обл.')
    .replace(/ край$/, ' кр.')
    .replace(/^Республика /, 'Респ. ')
    .replace(/ Республика/, ' Респ.')
    .replace(/ автономный округ/, ' АО')
    .replace(/ автономная область/, ' АО');
}

/** Official name without the parenthesised and dashed doublets ("Республика Татарстан (Татарстан)" -> "Республика Татарстан"). */
export function cleanOfficial(official: string): string {
  return official.replace(/ \(.*\)$/, '').replace(/ — .*$/, '');
}

// Regions: who lives there (peoples, hence name pools), how many of their men end up in the lists,
// and every way a list writes the region (official, short, informal, code, town, Soviet name,
// military commissariat, Ukrainian). Populations: 2021 census (data/regions.csv).
import { readFileSync } from 'node:fs';
import type { Group } from './names.ts';
import { Weighted } from './rng.ts';

/** Parses "KEY=value" entries separated by `sep` (whitespace by default). */
function table<T>(text: string, conv: (v: string) => T, sep: string | RegExp = /\s+/): Record<string, T> {
  const out: Record<string, T> = {};
  for (const entry of text.split(sep)) {
    const e = entry.trim();
    if (!e) continue;
    const k = e.indexOf('=');
    out[e.slice(0, k)] = conv(e.slice(k + 1).trim());
  }
  return out;
}

export interface Region {
  iso: string;
  code: string;
  name: string;
  weight: number;
  mix: Weighted<Group>;
  /** Share of each people among the region's men (normalised MIX row). */
  shares: Partial<Record<Group, number>>;
  /** Share of Ukrainian-origin surnames among ethnic Russians there. */
  ukr: number;
  towns: string[];
  informal: string[];
  /** Name a birth certificate of a man born before 1991 gives (Бурятская АССР, Читинская область). */
  soviet: string;
  foreign: boolean;
}

// Men in the lists per head of population, relative to the national average. Author's judgement
// from the public picture of losses: poor, remote and ethnic-minority regions far above Moscow and
// St Petersburg; the DPR/LPR militia mobilised almost every man early in the war.
const PER_CAPITA = table(
  `
RU-TY=4 RU-BU=3.5 RU-AL=3 RU-ZAB=2.5 RU-CHU=2.5 RU-NEN=2 RU-SA=1.6 RU-KO=1.5 RU-MAG=1.5 RU-YEV=1.6 RU-AMU=1.5
RU-KK=1.6 RU-IRK=1.5 RU-KYA=1.3 RU-ORE=1.5 RU-CHE=1.4 RU-KGN=1.6 RU-BA=1.5 RU-UD=1.4 RU-PER=1.4 RU-SVE=1.3
RU-VGG=1.3 RU-ROS=1.3 RU-KDA=1.2 RU-ALT=1.5 RU-KEM=1.4 RU-NVS=1.2 RU-OMS=1.4 UA-40=1.2 UA-43=1.2 RU-PSK=1.6
RU-KL=1.5 RU-DA=1.1 RU-SE=1.3 RU-CE=0.7 RU-IN=0.6 RU-MOW=0.2 RU-SPE=0.35 RU-MOS=0.6 RU-LEN=0.8 RU-TA=0.9
RU-CU=1.2 RU-ME=1.3 DNR=2.2 LNR=2.2
`,
  Number,
);

const DEFAULT_MIX =
  'ru:95 tatar:1.6 armenian:0.6 azeri:0.5 ca:0.6 kazakh:0.2 german:0.5 korean:0.2 dagestan:0.4 volga:0.4';
const CAPITALS_MIX =
  'ru:87 tatar:2.5 armenian:2 azeri:1.5 ca:3 dagestan:1 chechen:0.5 korean:0.3 german:0.3 ossetian:0.3';
const NORTH_MIX = 'ru:74 tatar:8 dagestan:3 azeri:2 chechen:1 ca:2 volga:2 armenian:1 kbr:0.5 ossetian:0.3 kazakh:1';

// Peoples by region (author's approximation of the census picture among men of service age).
const MIX = table(
  `
RU-AD=ru:63 kbr:28 armenian:5 tatar:1
RU-BA=tatar:55 ru:36 volga:9
RU-BU=buryat:36 ru:63 tatar:1
RU-AL=altai:45 ru:50 kazakh:5
RU-DA=dagestan:92 ru:3 azeri:2 chechen:2 armenian:0.5
RU-IN=ingush:95 chechen:3 ru:2
RU-KB=kbr:76 ru:22 ossetian:1
RU-KL=kalmyk:62 ru:30 dagestan:4 kazakh:2
RU-KC=kbr:62 ru:32 ossetian:2 armenian:2
RU-KO=ru:70 volga:28 tatar:1
RU-ME=volga:45 ru:48 tatar:7
RU-MO=volga:40 ru:55 tatar:5
RU-SA=yakut:55 ru:42 buryat:1 tatar:1
RU-SE=ossetian:68 ru:22 ingush:3 armenian:3 kbr:2
RU-TA=tatar:56 ru:38 volga:6
RU-TY=tuvan:92 ru:8
RU-UD=volga:30 ru:62 tatar:8
RU-KK=ru:92 tatar:2 german:2 tuvan:1
RU-CE=chechen:96 ru:2 ingush:1 dagestan:1
RU-CU=volga:65 ru:30 tatar:5
RU-ALT=ru:93 german:3 kazakh:1.5 altai:0.5 armenian:0.5
RU-KDA=ru:92 armenian:6 kbr:1
RU-KYA=ru:94 tatar:2 tuvan:1 german:1 azeri:0.5
RU-PRI=ru:95 korean:3 tatar:1
RU-STA=ru:85 armenian:6 dagestan:3 chechen:1 kbr:1.5 azeri:1
RU-KHA=ru:96 korean:1.5 tatar:1
RU-AST=ru:68 kazakh:17 tatar:7 dagestan:3 chechen:1 azeri:1 armenian:1
RU-ROS=ru:92 armenian:4 tatar:1 azeri:1
RU-VGG=ru:90 kazakh:2 tatar:2 dagestan:1.5 armenian:2 chechen:1
RU-IRK=ru:95 buryat:3 tatar:1.5
RU-KEM=ru:96 tatar:1.5 german:1.5
RU-KGN=ru:92 tatar:3 kazakh:2 volga:1
RU-NVS=ru:95 german:1.5 tatar:1.5 kazakh:0.5
RU-OMS=ru:87 kazakh:4 german:3.5 tatar:4
RU-ORE=ru:75 tatar:9 kazakh:6 volga:5 german:1.5 armenian:1
RU-PNZ=ru:85 volga:6 tatar:7
RU-PER=ru:86 tatar:5 volga:8
RU-SAM=ru:85 tatar:5 volga:6 armenian:1
RU-SAR=ru:87 kazakh:3 tatar:2.5 volga:1.5 armenian:1.5 azeri:1 german:0.5
RU-SAK=ru:92 korean:5 tatar:1
RU-SVE=ru:90 tatar:5 volga:2
RU-TYU=ru:88 tatar:7 kazakh:1
RU-ULY=ru:73 tatar:13 volga:10
RU-CHE=ru:83 tatar:9 kazakh:2 volga:3
RU-ZAB=ru:90 buryat:8 tatar:1
RU-NEN=ru:85 volga:12
RU-CHU=ru:90 tatar:3 yakut:2
UA-43=ru:84 tatar:10 armenian:1
UA-40=ru:97 tatar:1
RU-MOW=${CAPITALS_MIX}
RU-SPE=${CAPITALS_MIX}
RU-MOS=${CAPITALS_MIX}
RU-LEN=${CAPITALS_MIX}
RU-KHM=${NORTH_MIX}
RU-YAN=${NORTH_MIX}
DNR=ru:98 armenian:1 azeri:0.5
LNR=ru:99 armenian:0.5
`,
  String,
  '\n',
);

const UKR = table(
  `
RU-BEL=0.18 RU-BRY=0.1 RU-VOR=0.14 RU-KRS=0.12 RU-ROS=0.18 RU-KDA=0.16 RU-STA=0.12 RU-KGD=0.12 UA-43=0.35
UA-40=0.3 DNR=0.45 LNR=0.4 RU-MUR=0.1 RU-KHM=0.1 RU-YAN=0.12
`,
  Number,
);

// Administrative centre first, then other large towns (used where a list gives a town).
const TOWNS = `RU-AD:Майкоп,Адыгейск;RU-BA:Уфа,Стерлитамак,Салават,Нефтекамск,Октябрьский;RU-BU:Улан-Удэ,Гусиноозёрск,Кяхта,Северобайкальск
RU-AL:Горно-Алтайск,Онгудай;RU-DA:Махачкала,Хасавюрт,Дербент,Буйнакск,Каспийск,Кизляр;RU-IN:Магас,Назрань,Малгобек,Карабулак,Сунжа
RU-KB:Нальчик,Прохладный,Баксан;RU-KL:Элиста,Лагань;RU-KC:Черкесск,Карачаевск,Усть-Джегута;RU-KR:Петрозаводск,Кондопога,Сегежа
RU-KO:Сыктывкар,Ухта,Воркута,Печора;RU-ME:Йошкар-Ола,Волжск;RU-MO:Саранск,Рузаевка;RU-SA:Якутск,Нерюнгри,Мирный
RU-SE:Владикавказ,Моздок,Беслан;RU-TA:Казань,Набережные Челны,Нижнекамск,Альметьевск,Зеленодольск;RU-TY:Кызыл,Ак-Довурак,Шагонар,Чадан
RU-UD:Ижевск,Сарапул,Воткинск,Глазов;RU-KK:Абакан,Черногорск,Саяногорск;RU-CE:Грозный,Урус-Мартан,Шали,Гудермес,Аргун
RU-CU:Чебоксары,Новочебоксарск,Канаш;RU-ALT:Барнаул,Бийск,Рубцовск;RU-KDA:Краснодар,Сочи,Новороссийск,Армавир,Ейск
RU-KYA:Красноярск,Норильск,Ачинск,Канск;RU-PRI:Владивосток,Уссурийск,Находка,Артём;RU-STA:Ставрополь,Пятигорск,Кисловодск,Невинномысск,Будённовск
RU-KHA:Хабаровск,Комсомольск-на-Амуре;RU-AMU:Благовещенск,Белогорск,Свободный;RU-ARK:Архангельск,Северодвинск,Котлас
RU-AST:Астрахань,Ахтубинск;RU-BEL:Белгород,Старый Оскол,Шебекино,Валуйки;RU-BRY:Брянск,Клинцы;RU-VLA:Владимир,Ковров,Муром
RU-VGG:Волгоград,Волжский,Камышин;RU-VLG:Вологда,Череповец;RU-VOR:Воронеж,Россошь,Борисоглебск;RU-IVA:Иваново,Кинешма
RU-IRK:Иркутск,Братск,Ангарск,Усолье-Сибирское;RU-KGD:Калининград,Советск,Черняховск;RU-KLU:Калуга,Обнинск
RU-KAM:Петропавловск-Камчатский,Елизово;RU-KEM:Кемерово,Новокузнецк,Прокопьевск,Ленинск-Кузнецкий;RU-KIR:Киров,Кирово-Чепецк
RU-KOS:Кострома,Буй;RU-KGN:Курган,Шадринск;RU-KRS:Курск,Железногорск,Рыльск;RU-LEN:Гатчина,Выборг,Всеволожск,Кингисепп
RU-LIP:Липецк,Елец;RU-MAG:Магадан;RU-MOS:Подольск,Балашиха,Химки,Мытищи,Коломна,Серпухов;RU-MUR:Мурманск,Апатиты,Североморск
RU-NIZ:Нижний Новгород,Дзержинск,Арзамас;RU-NGR:Великий Новгород,Боровичи;RU-NVS:Новосибирск,Бердск,Искитим;RU-OMS:Омск,Тара
RU-ORE:Оренбург,Орск,Бузулук,Новотроицк;RU-ORL:Орёл,Ливны;RU-PNZ:Пенза,Кузнецк;RU-PER:Пермь,Березники,Соликамск
RU-PSK:Псков,Великие Луки;RU-ROS:Ростов-на-Дону,Таганрог,Шахты,Новочеркасск,Волгодонск;RU-RYA:Рязань,Касимов
RU-SAM:Самара,Тольятти,Сызрань,Новокуйбышевск;RU-SAR:Саратов,Энгельс,Балаково,Вольск;RU-SAK:Южно-Сахалинск,Корсаков,Холмск
RU-SVE:Екатеринбург,Нижний Тагил,Каменск-Уральский,Первоуральск;RU-SMO:Смоленск,Вязьма,Рославль;RU-TAM:Тамбов,Мичуринск
RU-TVE:Тверь,Ржев,Вышний Волочёк;RU-TOM:Томск,Северск;RU-TUL:Тула,Новомосковск,Алексин;RU-TYU:Тюмень,Тобольск,Ишим
RU-ULY:Ульяновск,Димитровград;RU-CHE:Челябинск,Магнитогорск,Златоуст,Миасс,Копейск;RU-ZAB:Чита,Краснокаменск,Борзя
RU-YAR:Ярославль,Рыбинск;RU-MOW:Москва;RU-SPE:Санкт-Петербург;RU-YEV:Биробиджан;RU-NEN:Нарьян-Мар
RU-KHM:Ханты-Мансийск,Сургут,Нижневартовск,Нефтеюганск;RU-CHU:Анадырь,Билибино;RU-YAN:Салехард,Новый Уренгой,Ноябрьск
UA-43:Симферополь,Керчь,Евпатория,Феодосия,Джанкой;UA-40:Севастополь;DNR:Донецк,Макеевка,Горловка,Енакиево,Мариуполь
LNR:Луганск,Алчевск,Красный Луч,Ровеньки,Антрацит;KZ:Караганда,Усть-Каменогорск,Павлодар,Петропавловск,Актюбинск,Шымкент
UZ:Ташкент,Самарканд,Андижан,Фергана,Наманган;UA:Днепропетровск,Харьков,Запорожье,Кривой Рог,Николаев,Одесса
KG:Фрунзе,Ош,Джалал-Абад;TJ:Душанбе,Худжанд,Курган-Тюбе;AZ:Баку,Гянджа,Сумгаит;AM:Ереван,Гюмри,Ванадзор`;

const INFORMAL = table(
  `
RU-BA=Башкирия|Башкортостан|РБ; RU-TA=Татарстан|Татария|РТ; RU-SA=Якутия; RU-CU=Чувашия; RU-UD=Удмуртия;
RU-KO=Коми; RU-BU=Бурятия|РБ; RU-TY=Тыва|Тува; RU-SE=Осетия|РСО-Алания|Сев. Осетия; RU-KB=КБР|Кабардино-Балкария;
RU-KC=КЧР; RU-KHM=ХМАО|Югра|ХМАО-Югра; RU-YAN=ЯНАО|Ямал; RU-NEN=НАО; RU-CHU=Чукотка; RU-YEV=ЕАО; RU-MOW=г.
Москва|Москва|Мск; RU-SPE=СПб|Питер|г. Санкт-Петербург; RU-MOS=МО|Подмосковье|Моск. обл.;
RU-LEN=ЛО|Ленобласть; RU-KDA=Кубань|Краснодарский кр.; RU-KEM=Кузбасс; RU-CE=Чечня|ЧР; RU-IN=Ингушетия|РИ;
RU-DA=Дагестан|РД; RU-ALT=Алтайский кр.|Алтай; RU-AL=Горный Алтай|Алтай; RU-ME=Марий Эл|Марийка; RU-MO=Мордовия;
RU-KL=Калмыкия; RU-AD=Адыгея; RU-KK=Хакасия; RU-KR=Карелия; RU-ZAB=Забайкалье|Забайкальский кр.;
UA-43=Крым|РК; UA-40=г. Севастополь; DNR=ДНР|Донецкая обл.; LNR=ЛНР|Луганская обл.
`,
  String,
  ';',
);

const SOVIET = table(
  `
RU-BU=Бурятская АССР; RU-TY=Тувинская АССР; RU-CE=Чечено-Ингушская АССР; RU-IN=Чечено-Ингушская АССР;
RU-DA=Дагестанская АССР; RU-TA=Татарская АССР; RU-BA=Башкирская АССР; RU-SA=Якутская АССР; RU-KL=Калмыцкая АССР;
RU-SE=Северо-Осетинская АССР; RU-KB=Кабардино-Балкарская АССР; RU-CU=Чувашская АССР; RU-ME=Марийская АССР;
RU-UD=Удмуртская АССР; RU-MO=Мордовская АССР; RU-KO=Коми АССР; RU-KR=Карельская АССР; RU-AL=Горно-Алтайская АО;
RU-KK=Хакасская АО; RU-AD=Адыгейская АО; RU-KC=Карачаево-Черкесская АО; RU-ZAB=Читинская область;
RU-PER=Пермская область; RU-KAM=Камчатская область; RU-KEM=Кемеровская область; RU-NIZ=Горьковская область;
RU-SAM=Куйбышевская область; RU-TVE=Калининская область; RU-SPE=г. Ленинград; RU-SVE=Свердловская область;
RU-KHM=Тюменская область; RU-YAN=Тюменская область; UA-43=Крымская область УССР; UA-40=г. Севастополь УССР;
DNR=Донецкая область УССР; LNR=Ворошиловградская область УССР; KZ=Казахская ССР; UZ=Узбекская ССР;
UA=Украинская ССР; KG=Киргизская ССР; TJ=Таджикская ССР; AZ=Азербайджанская ССР; AM=Армянская ССР
`,
  String,
  ';',
);

const EXTRA: [string, string, string, number][] = [
  // iso, code, name, rough population (author's estimate; not in the census file)
  ['DNR', '', 'Донецкая Народная Республика', 2_000_000],
  ['LNR', '', 'Луганская Народная Республика', 1_400_000],
  ['KZ', '', 'Республика Казахстан', 0],
  ['UZ', '', 'Республика Узбекистан', 0],
  ['UA', '', 'Украина', 0],
  ['KG', '', 'Киргизия', 0],
  ['TJ', '', 'Таджикистан', 0],
  ['AZ', '', 'Азербайджан', 0],
  ['AM', '', 'Армения', 0],
];

function parseMix(spec: string): [Group, number][] {
  const pairs = spec.split(' ').map((p) => p.split(':'));
  const total = pairs.reduce((a, p) => a + Number(p[1]), 0);
  return pairs.map((p) => [p[0] as Group, Number(p[1]) / total]);
}

function load(): Region[] {
  const towns = new Map(TOWNS.split(/[;\n]/).map((e) => e.split(':') as [string, string]));
  const rows = readFileSync(new URL('./data/regions.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const base: [string, string, string, number][] = rows.map((r) => {
    const [iso, code, name, pop] = r.split(',');
    return [iso, code, name, Number(pop)];
  });
  return [...base, ...EXTRA].map(([iso, code, name, pop]) => {
    const foreign = pop === 0;
    const mix = parseMix(MIX[iso] ?? DEFAULT_MIX);
    return {
      iso,
      code,
      name,
      weight: pop * (PER_CAPITA[iso] ?? 1),
      mix: new Weighted(
        mix.map((m) => m[0]),
        mix.map((m) => m[1]),
      ),
      shares: Object.fromEntries(mix),
      ukr: UKR[iso] ?? 0.06,
      towns: (towns.get(iso) ?? name).split(','),
      informal: INFORMAL[iso]?.split('|') ?? [],
      soviet: SOVIET[iso] ?? name,
      foreign,
    };
  });
}

export const REGIONS: Region[] = load();
export const HOME_REGIONS = new Weighted(
  REGIONS.map((_, i) => i),
  REGIONS.map((r) => (r.foreign ? 0 : r.weight)),
);
export const regionIndex = (iso: string): number => REGIONS.findIndex((r) => r.iso === iso);

/** Where men of a people come from, for men who moved (born in Dagestan, living in Yugra). */
export function homelands(group: Group): Weighted<number> {
  return new Weighted(
    REGIONS.map((_, i) => i),
    REGIONS.map((r) => (r.foreign ? 0 : r.weight * (r.shares[group] ?? 0))),
  );
}

// Military formations as lists name them. Formation names, garrisons and nicknames are from public reporting;
// the в/ч numbers are illustrative (some as reported in open sources, not verified) — the generator needs
// only that one formation has one number, written in many ways.
import { hash32 } from './prng.ts';
import type { Region } from './regions.ts';

export type FormationKind = 'brigade' | 'division' | 'regiment' | 'pmc' | 'storm' | 'volunteer' | 'spec';

export interface Formation {
  id: number;
  kind: FormationKind;
  num: number | null;
  /** Abbreviation as Russian lists write it, e.g. "ОМСБр". */
  abbr: string;
  /** Long Russian name without the number, e.g. "отдельная мотострелковая бригада". */
  long: string;
  /** Everyday name, e.g. "бригада морской пехоты". */
  everyday: string;
  /** Suffix such as fleet or honorific: "ТОФ", "Кантемировская". */
  tag: string;
  vch: string | null;
  garrison: string;
  homeIso: string | null;
  en: string;
  ua: string;
  /** Alternative names for irregular formations: "ЧВК «Вагнер»", "Вагнер", "Оркестр"… */
  names: string[];
}

type Def = Omit<Formation, 'id'>;

const B = (
  num: number,
  abbr: string,
  long: string,
  everyday: string,
  tag: string,
  vch: string,
  garrison: string,
  homeIso: string,
  en: string,
  ua: string,
  kind: FormationKind = 'brigade',
): Def => ({ kind, num, abbr, long, everyday, tag, vch, garrison, homeIso, en, ua, names: [] });

const MSBR = 'отдельная мотострелковая бригада';
const MSBR_UA = 'окрема мотострілецька бригада';
const MP = 'отдельная гвардейская бригада морской пехоты';
const MP_UA = 'окрема бригада морської піхоти';

const REGULAR: Def[] = [
  B(
    155,
    'ОБрМП',
    MP,
    'бригада морской пехоты',
    'ТОФ',
    '30926',
    'Владивосток',
    'RU-PRI',
    '155th Naval Infantry Brigade',
    MP_UA,
  ),
  B(
    40,
    'ОБрМП',
    MP,
    'бригада морской пехоты',
    'ТОФ',
    '10103',
    'Петропавловск-Камчатский',
    'RU-KAM',
    '40th Naval Infantry Brigade',
    MP_UA,
  ),
  B(
    810,
    'ОБрМП',
    MP,
    'бригада морской пехоты',
    'ЧФ',
    '13140',
    'Севастополь',
    'UA-40',
    '810th Naval Infantry Brigade',
    MP_UA,
  ),
  B(
    336,
    'ОБрМП',
    MP,
    'бригада морской пехоты',
    'БФ',
    '06017',
    'Балтийск',
    'RU-KGD',
    '336th Naval Infantry Brigade',
    MP_UA,
  ),
  B(
    61,
    'ОБрМП',
    MP,
    'бригада морской пехоты',
    'СФ',
    '38643',
    'Спутник',
    'RU-MUR',
    '61st Naval Infantry Brigade',
    MP_UA,
  ),
  B(
    200,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '08275',
    'Печенга',
    'RU-MUR',
    '200th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(37, 'ОМСБр', MSBR, 'мотострелковая бригада', '', '69647', 'Кяхта', 'RU-BU', '37th Motor Rifle Brigade', MSBR_UA),
  B(
    5,
    'ОТБр',
    'отдельная гвардейская танковая бригада',
    'танковая бригада',
    '',
    '46108',
    'Улан-Удэ',
    'RU-BU',
    '5th Tank Brigade',
    'окрема танкова бригада',
  ),
  B(
    11,
    'ОДШБр',
    'отдельная гвардейская десантно-штурмовая бригада',
    'десантно-штурмовая бригада',
    '',
    '32364',
    'Сосновый Бор',
    'RU-BU',
    '11th Air Assault Brigade',
    'окрема десантно-штурмова бригада',
  ),
  B(36, 'ОМСБр', MSBR, 'мотострелковая бригада', '', '06705', 'Борзя', 'RU-ZAB', '36th Motor Rifle Brigade', MSBR_UA),
  B(
    55,
    'ОМСБр(г)',
    'отдельная мотострелковая бригада (горная)',
    'горная бригада',
    '',
    '55115',
    'Кызыл',
    'RU-TY',
    '55th Mountain Motor Rifle Brigade',
    'окрема гірська мотострілецька бригада',
  ),
  B(
    64,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '51460',
    'Князе-Волконское',
    'RU-KHA',
    '64th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(57, 'ОМСБр', MSBR, 'мотострелковая бригада', '', '46102', 'Бикин', 'RU-KHA', '57th Motor Rifle Brigade', MSBR_UA),
  B(
    60,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '16871',
    'Монастырище',
    'RU-PRI',
    '60th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    38,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '21720',
    'Белогорск',
    'RU-AMU',
    '38th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    39,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '35390',
    'Хомутово',
    'RU-SAK',
    '39th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    83,
    'ОДШБр',
    'отдельная гвардейская десантно-штурмовая бригада',
    'десантно-штурмовая бригада',
    '',
    '71289',
    'Уссурийск',
    'RU-PRI',
    '83rd Air Assault Brigade',
    'окрема десантно-штурмова бригада',
  ),
  B(
    14,
    'ОБрСпН',
    'отдельная бригада специального назначения',
    'бригада спецназа',
    '',
    '74854',
    'Хабаровск',
    'RU-KHA',
    '14th Spetsnaz Brigade',
    'окрема бригада спецпризначення',
  ),
  B(35, 'ОМСБр', MSBR, 'мотострелковая бригада', '', '41659', 'Алейск', 'RU-ALT', '35th Motor Rifle Brigade', MSBR_UA),
  B(74, 'ОМСБр', MSBR, 'мотострелковая бригада', '', '21005', 'Юрга', 'RU-KEM', '74th Motor Rifle Brigade', MSBR_UA),
  B(
    15,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '90600',
    'Рощинский',
    'RU-SAM',
    '15th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    30,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '45863',
    'Рощинский',
    'RU-SAM',
    '30th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    90,
    'ТД',
    'гвардейская танковая дивизия',
    'танковая дивизия',
    'Витебско-Новгородская',
    '86274',
    'Чебаркуль',
    'RU-CHE',
    '90th Tank Division',
    'танкова дивізія',
    'division',
  ),
  B(
    4,
    'ТД',
    'гвардейская танковая дивизия',
    'танковая дивизия',
    'Кантемировская',
    '19612',
    'Наро-Фоминск',
    'RU-MOS',
    '4th Tank Division',
    'танкова дивізія',
    'division',
  ),
  B(
    2,
    'МСД',
    'гвардейская мотострелковая дивизия',
    'мотострелковая дивизия',
    'Таманская',
    '23626',
    'Калининец',
    'RU-MOS',
    '2nd Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    76,
    'ДШД',
    'гвардейская десантно-штурмовая дивизия',
    'десантно-штурмовая дивизия',
    'Черниговская',
    '07264',
    'Псков',
    'RU-PSK',
    '76th Air Assault Division',
    'десантно-штурмова дивізія',
    'division',
  ),
  B(
    98,
    'ВДД',
    'гвардейская воздушно-десантная дивизия',
    'воздушно-десантная дивизия',
    'Свирская',
    '65451',
    'Иваново',
    'RU-IVA',
    '98th Airborne Division',
    'повітряно-десантна дивізія',
    'division',
  ),
  B(
    106,
    'ВДД',
    'гвардейская воздушно-десантная дивизия',
    'воздушно-десантная дивизия',
    'Тульская',
    '55599',
    'Тула',
    'RU-TUL',
    '106th Airborne Division',
    'повітряно-десантна дивізія',
    'division',
  ),
  B(
    7,
    'ДШД',
    'гвардейская десантно-штурмовая дивизия',
    'десантно-штурмовая дивизия',
    'горная',
    '61756',
    'Новороссийск',
    'RU-KDA',
    '7th Air Assault Division',
    'десантно-штурмова дивізія',
    'division',
  ),
  B(
    31,
    'ОДШБр',
    'отдельная гвардейская десантно-штурмовая бригада',
    'десантно-штурмовая бригада',
    '',
    '73612',
    'Ульяновск',
    'RU-ULY',
    '31st Air Assault Brigade',
    'окрема десантно-штурмова бригада',
  ),
  B(
    331,
    'ПДП',
    'гвардейский парашютно-десантный полк',
    'парашютно-десантный полк',
    '',
    '71211',
    'Кострома',
    'RU-KOS',
    '331st Airborne Regiment',
    'парашутно-десантний полк',
    'regiment',
  ),
  B(
    45,
    'ОБрСпН',
    'отдельная гвардейская бригада специального назначения',
    'бригада спецназа ВДВ',
    '',
    '28337',
    'Кубинка',
    'RU-MOS',
    '45th Spetsnaz Brigade',
    'окрема бригада спецпризначення',
  ),
  B(
    3,
    'ОБрСпН',
    'отдельная гвардейская бригада специального назначения',
    'бригада спецназа',
    '',
    '21208',
    'Тольятти',
    'RU-SAM',
    '3rd Spetsnaz Brigade',
    'окрема бригада спецпризначення',
  ),
  B(
    136,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '63354',
    'Буйнакск',
    'RU-DA',
    '136th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    42,
    'МСД',
    'гвардейская мотострелковая дивизия',
    'мотострелковая дивизия',
    '',
    '27777',
    'Ханкала',
    'RU-CE',
    '42nd Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    19,
    'МСД',
    'мотострелковая дивизия',
    'мотострелковая дивизия',
    '',
    '20634',
    'Владикавказ',
    'RU-SE',
    '19th Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    150,
    'МСД',
    'мотострелковая дивизия',
    'мотострелковая дивизия',
    'Идрицкая',
    '22179',
    'Новочеркасск',
    'RU-ROS',
    '150th Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    20,
    'МСД',
    'гвардейская мотострелковая дивизия',
    'мотострелковая дивизия',
    '',
    '22265',
    'Волгоград',
    'RU-VGG',
    '20th Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    205,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    'казачья',
    '74814',
    'Будённовск',
    'RU-STA',
    '205th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    34,
    'ОМСБр(г)',
    'отдельная мотострелковая бригада (горная)',
    'горная бригада',
    '',
    '01485',
    'Сторожевая',
    'RU-KC',
    '34th Mountain Brigade',
    'окрема гірська мотострілецька бригада',
  ),
  B(
    138,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '02511',
    'Каменка',
    'RU-LEN',
    '138th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    27,
    'ОМСБр',
    MSBR,
    'мотострелковая бригада',
    '',
    '61899',
    'Мосрентген',
    'RU-MOW',
    '27th Motor Rifle Brigade',
    MSBR_UA,
  ),
  B(
    3,
    'МСД',
    'мотострелковая дивизия',
    'мотострелковая дивизия',
    '',
    '54046',
    'Валуйки',
    'RU-BEL',
    '3rd Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
  B(
    144,
    'МСД',
    'гвардейская мотострелковая дивизия',
    'мотострелковая дивизия',
    '',
    '41612',
    'Ельня',
    'RU-SMO',
    '144th Motor Rifle Division',
    'мотострілецька дивізія',
    'division',
  ),
];

const IRREGULAR: Def[] = [
  {
    kind: 'pmc',
    num: null,
    abbr: 'ЧВК',
    long: 'частная военная компания «Вагнер»',
    everyday: 'ЧВК «Вагнер»',
    tag: '',
    vch: null,
    garrison: 'Молькино',
    homeIso: null,
    en: 'Wagner Group',
    ua: 'ПВК «Вагнер»',
    names: [
      'ЧВК «Вагнер»',
      'ЧВК Вагнер',
      'ЧВК "Вагнер"',
      'Вагнер',
      'ЧВК Вагнера',
      'вагнер',
      'Оркестр',
      'ЧВК «Wagner»',
      'Wagner PMC',
      'ПВК «Вагнер»',
      'ПВК Вагнера',
    ],
  },
  {
    kind: 'storm',
    num: null,
    abbr: 'Шторм-Z',
    long: 'штурмовая рота «Шторм-Z»',
    everyday: 'Шторм Z',
    tag: '',
    vch: null,
    garrison: '',
    homeIso: null,
    en: 'Storm-Z',
    ua: 'Шторм-Z',
    names: ['Шторм-Z', 'Шторм Z', 'шторм-z', 'Storm-Z', 'Шторм-Зет', 'роты «Шторм-Z»', 'штурмовая рота Z', 'Шторм-З'],
  },
  {
    kind: 'storm',
    num: null,
    abbr: 'Шторм-V',
    long: 'штурмовой отряд «Шторм-V»',
    everyday: 'Шторм V',
    tag: '',
    vch: null,
    garrison: '',
    homeIso: null,
    en: 'Storm-V',
    ua: 'Шторм-V',
    names: ['Шторм-V', 'Шторм V', 'Storm-V', 'шторм-в', 'Шторм-В', 'отряд «Шторм-V»'],
  },
  {
    kind: 'spec',
    num: null,
    abbr: 'Ахмат',
    long: 'отряд специального назначения «Ахмат»',
    everyday: 'спецназ «Ахмат»',
    tag: '',
    vch: null,
    garrison: 'Гудермес',
    homeIso: 'RU-CE',
    en: 'Akhmat',
    ua: 'Ахмат',
    names: [
      'Ахмат',
      'спецназ «Ахмат»',
      'СпН «Ахмат»',
      'АХМАТ',
      'Ахмат-Север',
      'полк Ахмат-Север',
      'батальон «Ахмат»',
      'Akhmat',
      'Ахмат-Чечня',
    ],
  },
];

/** BARS battalions (combat army reserve), a few regional volunteer battalions (names as reported, not verified). */
const VOLUNTEER: Def[] = [
  ...[1, 2, 3, 4, 7, 8, 11, 12, 13, 16, 17, 19, 21, 23, 26].map(
    (n): Def => ({
      kind: 'volunteer',
      num: n,
      abbr: 'БАРС',
      long: 'батальон боевого армейского резерва страны',
      everyday: 'БАРС',
      tag: '',
      vch: null,
      garrison: '',
      homeIso: null,
      en: `BARS-${n}`,
      ua: `БАРС-${n}`,
      names: [`БАРС-${n}`, `БАРС ${n}`, `Барс-${n}`, `барс${n}`, `BARS-${n}`],
    }),
  ),
  {
    kind: 'volunteer',
    num: null,
    abbr: 'Алга',
    long: 'добровольческий батальон «Алга»',
    everyday: 'батальон «Алга»',
    tag: '',
    vch: null,
    garrison: 'Казань',
    homeIso: 'RU-TA',
    en: 'Alga battalion',
    ua: 'батальйон «Алга»',
    names: ['батальон «Алга»', 'Алга', 'бат. Алга', 'батальон Алга'],
  },
  {
    kind: 'volunteer',
    num: null,
    abbr: 'Тимер',
    long: 'добровольческий батальон «Тимер»',
    everyday: 'батальон «Тимер»',
    tag: '',
    vch: null,
    garrison: 'Казань',
    homeIso: 'RU-TA',
    en: 'Timer battalion',
    ua: 'батальйон «Тимер»',
    names: ['батальон «Тимер»', 'Тимер', 'батальон Тимер'],
  },
  {
    kind: 'volunteer',
    num: null,
    abbr: 'Шаймуратов',
    long: 'добровольческий батальон имени Шаймуратова',
    everyday: 'батальон им. Шаймуратова',
    tag: '',
    vch: null,
    garrison: 'Уфа',
    homeIso: 'RU-BA',
    en: 'Shaimuratov battalion',
    ua: 'батальйон імені Шаймуратова',
    names: ['батальон им. Шаймуратова', 'батальон имени Шаймуратова', 'Шаймуратов', 'им.Шаймуратова'],
  },
  {
    kind: 'volunteer',
    num: null,
    abbr: 'Атал',
    long: 'добровольческий батальон «Атал»',
    everyday: 'батальон «Атал»',
    tag: '',
    vch: null,
    garrison: 'Чебоксары',
    homeIso: 'RU-CU',
    en: 'Atal battalion',
    ua: 'батальйон «Атал»',
    names: ['батальон «Атал»', 'Атал', 'батальон Атал'],
  },
];

export interface UnitCatalogue {
  all: Formation[];
  regular: Formation[];
  byHome: Map<string, Formation[]>;
  /** Regiments formed from the mobilised of each region (numbers synthetic). */
  mobRegiments: Map<string, Formation[]>;
  wagner: Formation;
  stormZ: Formation;
  stormV: Formation;
  akhmat: Formation;
  bars: Formation[];
  regionalVolunteer: Map<string, Formation[]>;
}

/** Synthetic 5-digit в/ч number, stable for a label (independent of the run seed). */
function syntheticVch(label: string): string {
  return String(10000 + (hash32(label) % 89999)).padStart(5, '0');
}

export function buildUnits(regions: Region[]): UnitCatalogue {
  const defs: Def[] = [...REGULAR, ...IRREGULAR, ...VOLUNTEER];
  const all: Formation[] = defs.map((d, i) => ({ ...d, id: i }));
  const mobRegiments = new Map<string, Formation[]>();
  const used = new Set<number>();
  for (const r of regions) {
    const n = r.population > 2_500_000 ? 3 : r.population > 900_000 ? 2 : 1;
    const list: Formation[] = [];
    for (let k = 0; k < n; k++) {
      let num = 1000 + (hash32(`mob:${r.iso}:${k}`) % 600);
      while (used.has(num)) num++;
      used.add(num);
      const f: Formation = {
        id: all.length,
        kind: 'regiment',
        num,
        abbr: 'МСП',
        long: 'мотострелковый полк',
        everyday: 'мотострелковый полк',
        tag: '',
        vch: syntheticVch(`vch:${r.iso}:${k}`),
        garrison: r.capital,
        homeIso: r.iso,
        en: `${num}th Motor Rifle Regiment`,
        ua: 'мотострілецький полк',
        names: [],
      };
      all.push(f);
      list.push(f);
    }
    mobRegiments.set(r.iso, list);
  }
  const regular = all.filter(
    (f) => f.kind === 'brigade' || f.kind === 'division' || (f.kind === 'regiment' && f.num === 331),
  );
  const byHome = new Map<string, Formation[]>();
  for (const f of regular) {
    if (!f.homeIso) continue;
    const l = byHome.get(f.homeIso) ?? [];
    l.push(f);
    byHome.set(f.homeIso, l);
  }
  const regionalVolunteer = new Map<string, Formation[]>();
  for (const f of all) {
    if (f.kind === 'volunteer' && f.homeIso) {
      const l = regionalVolunteer.get(f.homeIso) ?? [];
      l.push(f);
      regionalVolunteer.set(f.homeIso, l);
    }
  }
  const find = (abbr: string): Formation => {
    const f = all.find((x) => x.abbr === abbr && x.kind !== 'brigade');
    if (!f) throw new Error(abbr);
    return f;
  };
  return {
    all,
    regular,
    byHome,
    mobRegiments,
    wagner: find('ЧВК'),
    stormZ: find('Шторм-Z'),
    stormV: find('Шторм-V'),
    akhmat: find('Ахмат'),
    bars: all.filter((f) => f.abbr === 'БАРС'),
    regionalVolunteer,
  };
}

// Units of the synthetic world and the many ways sources write them. Unit numbers, garrisons and
// military-unit (в/ч) numbers are written from general knowledge of open reporting; they are meant to
// be plausible, not verified, and the generator does not depend on their being exact. Mobilised
// regiments get in-world numbers (1100-1599) and in-world в/ч numbers per region.

import { hashInts, type Rng, Weighted } from './prng.ts';
import type { Region } from './regions.ts';

export type UnitKind =
  | 'omsbr'
  | 'otbr'
  | 'obrmp'
  | 'odshbr'
  | 'obrspn'
  | 'msd'
  | 'td'
  | 'dshd'
  | 'vdd'
  | 'dshp'
  | 'pdp'
  | 'msp'
  | 'tp'
  | 'abr'
  | 'obo'
  | 'mob'
  | 'named';

export type Branch = 'ground' | 'vdv' | 'mp' | 'spn' | 'mob' | 'pmc' | 'vol' | 'dnr' | 'lnr' | 'storm';

export interface Unit {
  id: number;
  kind: UnitKind;
  branch: Branch;
  num: number;
  vch: string; // '' when none
  md: 'W' | 'S' | 'C' | 'E' | '*';
  home: string[];
  guards: boolean;
  honor: string; // "Таманская" etc.
  nick: string[];
  forms: string[]; // for named units: Russian spellings
  en: string[]; // for named units: English
}

// num|kind|vch|md|home;..|g|honor|nick;..
const CATALOGUE = `
2|msd|23626|W|RU-MOS|g|Таманская|Таманская дивизия;таманцы;Таманская
4|td|19612|W|RU-MOS|g|Кантемировская|Кантемировская дивизия;кантемировцы;Кантемировка
1|msp|31135|W|RU-MOS|g||1 полк Таманской дивизии
423|msp|91701|W|RU-MOS|g||423 полк Кантемировской
3|msd|54046|W|RU-BEL;RU-VOR|||Валуйки;3 дивизия (Валуйки)
144|msd|41012|W|RU-SMO|g||Ельнинская дивизия
47|td|22316|W|RU-NIZ|g||
138|omsbr|02511|W|RU-LEN|g||Каменка;бригада из Каменки
200|omsbr|08275|W|RU-MUR|||Печенгская бригада;Печенга
80|omsbr|34667|W|RU-MUR|||арктическая бригада;Алакуртти
61|obrmp|38643|W|RU-MUR||Киркенесская|северные морпехи;Спутник
336|obrmp|30866|W|RU-KGD|g|Белостокская|балтийские морпехи;Балтийск
76|dshd|07264|W|RU-PSK|g|Черниговская|псковская дивизия;псковские десантники;Псковская ДШД
104|dshp|32515|W|RU-PSK|g||104 полк (Черёха)
234|dshp|74268|W|RU-PSK|g||234 полк Псков
98|vdd|65451|W|RU-IVA;RU-KOS|g|Свирская|ивановская дивизия;Ивановские десантники
331|pdp|71211|W|RU-KOS|g||Костромской полк;331 ПДП Кострома
217|pdp|62295|W|RU-IVA|g||217 полк Иваново
106|vdd|55599|W|RU-TUL;RU-RYA|g|Тульская|тульская дивизия;Тульские десантники
51|pdp|33842|W|RU-TUL|g||51 полк Тула
137|pdp|41450|W|RU-RYA|g||Рязанский полк
45|obrspn|28337|W|RU-MOS|g||45 бригада ВДВ;Кубинка
2|obrspn|64044|W|RU-PSK|||Промежица
16|obrspn|54607|W|RU-TAM|||тамбовский спецназ
27|omsbr|61899|W|RU-MOS|g||Мосрентген
6|tp|54096|W|RU-NIZ|||Мулино
288|abr|30683|W|RU-NIZ|||Мулино
136|omsbr|63354|S|RU-DA|g||Буйнакская бригада;Буйнакск
205|omsbr|74814|S|RU-STA|||Будённовская бригада;Будённовск
34|omsbr|01485|S|RU-KC|||горная бригада;Сторожевая
19|msd|20634|S|RU-SE|||Владикавказская дивизия
42|msd|27777|S|RU-CE|g||Ханкала;42 дивизия Ханкала
150|msd|22179|S|RU-ROS|||Новочеркасская дивизия
20|msd|22220|S|RU-VGG|g||Волгоградская дивизия
7|dshd|61756|S|RU-KDA|g||новороссийская дивизия;Новороссийский десант
108|dshp|42091|S|RU-KDA|g||108 полк Новороссийск
247|dshp|54801|S|RU-STA|g||247 полк Ставрополь
56|dshp|74507|S|UA-43;RU-VGG|g||Феодосия;Камышин
810|obrmp|13140|S|UA-40|g||черноморские морпехи;Казачья бухта
126|obo|12676|S|UA-43|||Перевальное
10|obrspn|51532|S|RU-KDA|||Молькино
22|obrspn|11659|S|RU-ROS|g||Степной
74|omsbr|21005|C|RU-KEM|g||Юргинская бригада;Юрга
35|omsbr|41659|C|RU-ALT|g||Алейская бригада;Алейск
55|omsbr|55115|C|RU-TY|||тувинская бригада;Кызыл;горная бригада
15|omsbr|90600|C|RU-SAM|g||миротворческая бригада;Рощинский
30|omsbr|45863|C|RU-SAM|||Самарская бригада
21|omsbr|12128|C|RU-ORE|g||Тоцкое;Тоцкая бригада
28|omsbr|61423|C|RU-SVE|||Екатеринбургская бригада
90|td|86274|C|RU-CHE;RU-SVE|g||Чебаркуль;90 танковая
31|odshbr|73612|C|RU-ULY|g||ульяновская бригада;Ульяновский десант
3|obrspn|21208|C|RU-SAM|g||Тольятти
24|obrspn|55433|C|RU-NVS|||Новосибирский спецназ
385|abr|31643|C|RU-ORE|||Тоцкое
37|omsbr|69647|E|RU-BU|g||Кяхтинская бригада;Кяхта
36|omsbr|06705|E|RU-ZAB|g||Борзинская бригада;Борзя
5|otbr|46108|E|RU-BU|g||Дивизионная;танкисты Улан-Удэ
11|odshbr|32364|E|RU-BU|g||Сосновый Бор;Улан-Удэнская ДШБ
64|omsbr|51460|E|RU-KHA|||Князе-Волконское
38|omsbr|21720|E|RU-AMU|g||Екатеринославка
57|omsbr|46102|E|RU-KHA|g||Бикин
60|omsbr|16871|E|RU-PRI|||Камень-Рыболов
155|obrmp|30926|E|RU-PRI|g||тихоокеанские морпехи;морпехи ТОФ
40|obrmp|10103|E|RU-KAM|g||камчатские морпехи
83|odshbr|71289|E|RU-PRI|g||Уссурийская ДШБ;Уссурийск
14|obrspn|74854|E|RU-KHA|||хабаровский спецназ
127|msd|44980|E|RU-PRI|||Сергеевка
39|omsbr|35390|E|RU-SAK|g||Хомутово;сахалинская бригада
`;

// key;forms;...|en;...|branch|home
const NAMED = `
Вагнер|ЧВК Вагнер;ЧВК «Вагнер»;ЧВК "Вагнер";Вагнер;ГВК Вагнер;ЧВК Wagner;оркестр;«музыканты»;Вагнер (ЧВК);ЧВК В.|Wagner Group;Wagner PMC;Wagner;PMC Wagner|pmc|
Редут|ЧВК Редут;Редут;ЧВК «Редут»;добровольческий отряд «Редут»|Redut PMC;Redut|pmc|
Конвой|ЧВК Конвой;Конвой;БАРС «Конвой»|Convoy PMC;Konvoy|pmc|
Патриот|ЧВК Патриот;Патриот;ЧВК «Патриот»|Patriot PMC|pmc|
Эспаньола|Эспаньола;бригада «Эспаньола»;добробат Эспаньола|Española|vol|
Ахмат|Ахмат;спецназ «Ахмат»;СпН Ахмат;Ахмат-Север;полк «Ахмат»;батальон Ахмат;СпН «Ахмат»|Akhmat;Akhmat special forces|vol|RU-CE
Алга|батальон «Алга»;Алга;добробат Алга;батальон Алга (Татарстан)|Alga battalion|vol|RU-TA
Тимер|батальон «Тимер»;Тимер;батальон Тимер|Timer battalion|vol|RU-TA
Шаймуратов|батальон им. Шаймуратова;Шаймуратов;батальон «Шаймуратов»;шаймуратовцы|Shaimuratov battalion|vol|RU-BA
Енисей|батальон «Енисей»;Енисей;добробат Енисей|Yenisei battalion|vol|RU-KYA
Амур|батальон «Амур»;Амур;отряд Амур|Amur battalion|vol|RU-AMU
Тигр|батальон «Тигр»;Тигр;отряд «Тигр»|Tigr battalion|vol|RU-PRI
Кубань|батальон «Кубань»;Кубань;казачий батальон Кубань|Kuban battalion|vol|RU-KDA
Пятнашка|Пятнашка;интербригада «Пятнашка»;бригада Пятнашка;«Пятнашка»|Pyatnashka brigade|dnr|DNR
Спарта|батальон «Спарта»;Спарта;ОРБ Спарта|Sparta battalion|dnr|DNR
Сомали|батальон «Сомали»;Сомали;ОШБ «Сомали»|Somalia battalion|dnr|DNR
Восток|батальон «Восток»;Восток;бригада Восток|Vostok battalion|dnr|DNR
Кальмиус|Кальмиус;бригада «Кальмиус»;артбригада Кальмиус|Kalmius brigade|dnr|DNR
НМ ДНР|НМ ДНР;народная милиция ДНР;1 АК ДНР;1 АК;1-й армейский корпус|DPR People's Militia;1st Army Corps|dnr|DNR
100 бригада|100 ОМСБр;100-я бригада ДНР;100 бригада|100th Brigade (DPR)|dnr|DNR
Призрак|бригада «Призрак»;Призрак;батальон Призрак|Prizrak brigade|lnr|LNR
НМ ЛНР|НМ ЛНР;народная милиция ЛНР;2 АК;2-й армейский корпус ЛНР|LPR People's Militia;2nd Army Corps|lnr|LNR
4 бригада ЛНР|4-я бригада ЛНР;4 ОМСБр ЛНР;4 бригада|4th Brigade (LPR)|lnr|LNR
6 казачий полк|6-й казачий полк;6 казачий;казаки ЛНР|6th Cossack Regiment|lnr|LNR
`;

const ORD_EN = (n: number): string => {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
};

interface KindText {
  g: 'f' | 'm'; // grammatical gender of the head noun
  fullAdj: string; // "мотострелковая бригада"
  fullGen: string; // "мотострелковой бригады"
  sep: boolean; // "отдельная"
  abbr: string[];
  short: string; // "бригада"
  shortGen: string;
  en: string[];
}

const K: Record<Exclude<UnitKind, 'named' | 'mob'>, KindText> = {
  omsbr: {
    g: 'f',
    fullAdj: 'мотострелковая бригада',
    fullGen: 'мотострелковой бригады',
    sep: true,
    abbr: ['ОМСБр', 'омсбр', 'МСБр', 'мсбр', 'ОМСБР', 'омсб'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Separate Motor Rifle Brigade', 'Motor Rifle Brigade', 'Motorized Rifle Brigade', 'brigade'],
  },
  otbr: {
    g: 'f',
    fullAdj: 'танковая бригада',
    fullGen: 'танковой бригады',
    sep: true,
    abbr: ['ОТБр', 'отбр', 'ТБр', 'танковая бригада'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Separate Tank Brigade', 'Tank Brigade'],
  },
  obrmp: {
    g: 'f',
    fullAdj: 'бригада морской пехоты',
    fullGen: 'бригады морской пехоты',
    sep: true,
    abbr: ['ОБрМП', 'обрмп', 'ОГБрМП', 'бригада МП', 'БрМП', 'ОБМП', 'бригада морпехов'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Naval Infantry Brigade', 'Marine Brigade', 'Guards Naval Infantry Brigade', 'Marines Brigade'],
  },
  odshbr: {
    g: 'f',
    fullAdj: 'десантно-штурмовая бригада',
    fullGen: 'десантно-штурмовой бригады',
    sep: true,
    abbr: ['ОДШБр', 'одшбр', 'ДШБр', 'ДШБ', 'дшб', 'ОДШБ'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Air Assault Brigade', 'Separate Air Assault Brigade', 'Guards Air Assault Brigade'],
  },
  obrspn: {
    g: 'f',
    fullAdj: 'бригада специального назначения',
    fullGen: 'бригады специального назначения',
    sep: true,
    abbr: ['ОБрСпН', 'обрспн', 'бригада спецназа', 'бригада СпН', 'бр. СпН ГРУ'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Special Forces Brigade', 'Spetsnaz Brigade', 'GRU Spetsnaz Brigade'],
  },
  msd: {
    g: 'f',
    fullAdj: 'мотострелковая дивизия',
    fullGen: 'мотострелковой дивизии',
    sep: false,
    abbr: ['МСД', 'мсд', 'дивизия', 'мотострелковая дивизия'],
    short: 'дивизия',
    shortGen: 'дивизии',
    en: ['Motor Rifle Division', 'Motorized Rifle Division', 'division'],
  },
  td: {
    g: 'f',
    fullAdj: 'танковая дивизия',
    fullGen: 'танковой дивизии',
    sep: false,
    abbr: ['ТД', 'тд', 'танковая дивизия', 'танк. дивизия'],
    short: 'дивизия',
    shortGen: 'дивизии',
    en: ['Tank Division', 'Armoured Division'],
  },
  dshd: {
    g: 'f',
    fullAdj: 'десантно-штурмовая дивизия',
    fullGen: 'десантно-штурмовой дивизии',
    sep: false,
    abbr: ['ДШД', 'дшд', 'дивизия ВДВ', 'гв. ДШД', 'ВДВ'],
    short: 'дивизия',
    shortGen: 'дивизии',
    en: ['Air Assault Division', 'Guards Air Assault Division', 'Airborne Division'],
  },
  vdd: {
    g: 'f',
    fullAdj: 'воздушно-десантная дивизия',
    fullGen: 'воздушно-десантной дивизии',
    sep: false,
    abbr: ['ВДД', 'вдд', 'дивизия ВДВ', 'гв. ВДД', 'ВДВ'],
    short: 'дивизия',
    shortGen: 'дивизии',
    en: ['Airborne Division', 'Guards Airborne Division'],
  },
  dshp: {
    g: 'm',
    fullAdj: 'десантно-штурмовой полк',
    fullGen: 'десантно-штурмового полка',
    sep: false,
    abbr: ['ДШП', 'дшп', 'полк ВДВ', 'гв. ДШП'],
    short: 'полк',
    shortGen: 'полка',
    en: ['Air Assault Regiment', 'Guards Air Assault Regiment'],
  },
  pdp: {
    g: 'm',
    fullAdj: 'парашютно-десантный полк',
    fullGen: 'парашютно-десантного полка',
    sep: false,
    abbr: ['ПДП', 'пдп', 'полк ВДВ', 'гв. ПДП'],
    short: 'полк',
    shortGen: 'полка',
    en: ['Parachute Regiment', 'Guards Airborne Regiment'],
  },
  msp: {
    g: 'm',
    fullAdj: 'мотострелковый полк',
    fullGen: 'мотострелкового полка',
    sep: false,
    abbr: ['МСП', 'мсп', 'полк', 'мотострелковый полк'],
    short: 'полк',
    shortGen: 'полка',
    en: ['Motor Rifle Regiment', 'Motorized Rifle Regiment', 'regiment'],
  },
  tp: {
    g: 'm',
    fullAdj: 'танковый полк',
    fullGen: 'танкового полка',
    sep: false,
    abbr: ['ТП', 'тп', 'танковый полк'],
    short: 'полк',
    shortGen: 'полка',
    en: ['Tank Regiment'],
  },
  abr: {
    g: 'f',
    fullAdj: 'артиллерийская бригада',
    fullGen: 'артиллерийской бригады',
    sep: false,
    abbr: ['АБр', 'абр', 'артбригада', 'арт. бригада'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Artillery Brigade'],
  },
  obo: {
    g: 'f',
    fullAdj: 'бригада береговой обороны',
    fullGen: 'бригады береговой обороны',
    sep: true,
    abbr: ['ОБрБО', 'обр БО', 'бригада БО', 'береговая оборона'],
    short: 'бригада',
    shortGen: 'бригады',
    en: ['Coastal Defence Brigade'],
  },
};

const KIND_BRANCH: Record<string, Branch> = {
  omsbr: 'ground',
  otbr: 'ground',
  msd: 'ground',
  td: 'ground',
  msp: 'ground',
  tp: 'ground',
  abr: 'ground',
  obo: 'mp',
  obrmp: 'mp',
  odshbr: 'vdv',
  dshd: 'vdv',
  vdd: 'vdv',
  dshp: 'vdv',
  pdp: 'vdv',
  obrspn: 'spn',
};

export interface UnitWorld {
  units: Unit[];
  byRegionMob: Map<string, number[]>;
  wagner: number;
  pmcTable: Weighted<number>;
  bars: number[]; // ids of BARS detachments
  stormZ: number;
  stormV: number;
}

export function buildUnits(regions: Region[]): UnitWorld {
  const units: Unit[] = [];
  for (const line of CATALOGUE.trim().split('\n')) {
    const [num, kind, vch, md, home, g, honor, nick] = line.split('|');
    units.push({
      id: units.length,
      kind: kind as UnitKind,
      branch: KIND_BRANCH[kind] ?? 'ground',
      num: Number(num),
      vch,
      md: md as Unit['md'],
      home: home.split(';').filter(Boolean),
      guards: g === 'g',
      honor,
      nick: (nick ?? '').split(';').filter(Boolean),
      forms: [],
      en: [],
    });
  }
  const byName = new Map<string, number>();
  for (const line of NAMED.trim().split('\n')) {
    const [key, forms, en, branch, home] = line.split('|');
    byName.set(key, units.length);
    units.push({
      id: units.length,
      kind: 'named',
      branch: branch as Branch,
      num: 0,
      vch: '',
      md: branch === 'dnr' || branch === 'lnr' ? 'S' : '*',
      home: (home ?? '').split(';').filter(Boolean),
      guards: false,
      honor: key,
      nick: [],
      forms: forms.split(';'),
      en: en.split(';'),
    });
  }
  const bars: number[] = [];
  for (let i = 1; i <= 30; i++) {
    bars.push(units.length);
    units.push({
      id: units.length,
      kind: 'named',
      branch: 'vol',
      num: i,
      vch: '',
      md: '*',
      home: [],
      guards: false,
      honor: `БАРС-${i}`,
      nick: [],
      forms: [`БАРС-${i}`, `БАРС ${i}`, `отряд БАРС-${i}`, `Барс-${i}`, `БАРС-${i} (добровольцы)`, `${i} отряд БАРС`],
      en: [`BARS-${i}`, `BARS-${i} volunteer detachment`],
    });
  }
  const stormZ = units.length;
  units.push({
    id: stormZ,
    kind: 'named',
    branch: 'storm',
    num: 0,
    vch: '',
    md: '*',
    home: [],
    guards: false,
    honor: 'Шторм Z',
    nick: [],
    forms: [
      'Шторм Z',
      'Шторм-Z',
      'Шторм-Зет',
      'отряд «Шторм Z»',
      'штурмовая рота «Шторм Z»',
      'Storm Z',
      'Шторм Z (осужденные)',
      'шторм z',
      'ШТОРМ-Z',
    ],
    en: ['Storm-Z', 'Storm Z', 'Storm-Z penal unit'],
  });
  const stormV = units.length;
  units.push({
    id: stormV,
    kind: 'named',
    branch: 'storm',
    num: 0,
    vch: '',
    md: '*',
    home: [],
    guards: false,
    honor: 'Шторм V',
    nick: [],
    forms: [
      'Шторм V',
      'Шторм-V',
      'Шторм-Вэ',
      'отряд «Шторм V»',
      'штурмовая рота «Шторм-V»',
      'Storm V',
      'шторм v',
      'ШТОРМ-V',
      'Шторм В',
    ],
    en: ['Storm-V', 'Storm V'],
  });

  // In-world mobilised regiments: 1-2 per region (big regions 2), numbers 1100-1599.
  const byRegionMob = new Map<string, number[]>();
  const usedNums = new Set<number>();
  regions.forEach((r, ri) => {
    const count = r.pop > 2_500_000 ? 2 : 1;
    const ids: number[] = [];
    for (let k = 0; k < count; k++) {
      let n = 1100 + (hashInts(ri, k, 17) % 500);
      while (usedNums.has(n)) n = n + 1 > 1599 ? 1100 : n + 1;
      usedNums.add(n);
      const vch = String(10000 + (hashInts(ri, k, 91) % 89999)).padStart(5, '0');
      ids.push(units.length);
      units.push({
        id: units.length,
        kind: 'mob',
        branch: 'mob',
        num: n,
        vch,
        md: r.md,
        home: [r.key],
        guards: false,
        honor: '',
        nick: [`мобики ${r.shortGen}`, `${n} полк мобилизованных`],
        forms: [],
        en: [],
      });
    }
    byRegionMob.set(r.key, ids);
  });
  const pmcTable = new Weighted<number>([
    [byName.get('Вагнер')!, 70],
    [byName.get('Редут')!, 10],
    [byName.get('Конвой')!, 6],
    [byName.get('Патриот')!, 5],
    [byName.get('Эспаньола')!, 4],
    [byName.get('Ахмат')!, 5],
  ]);
  return { units, byRegionMob, wagner: byName.get('Вагнер')!, pmcTable, bars, stormZ, stormV };
}

/** Weighted list of units for a serviceman of a given category from a given region. */
export function unitTable(w: UnitWorld, r: Region, cat: string): Weighted<number> {
  const pairs: Array<[number, number]> = [];
  const mob = w.byRegionMob.get(r.key) ?? [];
  const donbas = r.key === 'DNR' || r.key === 'LNR';
  for (const u of w.units) {
    let wt = 0;
    const home = u.home.includes(r.key);
    if (u.kind === 'named') {
      if (u.branch === 'pmc' || u.branch === 'storm') continue; // chosen elsewhere
      if (u.branch === 'dnr' || u.branch === 'lnr') {
        if (donbas && ((u.branch === 'dnr' && r.key === 'DNR') || (u.branch === 'lnr' && r.key === 'LNR'))) wt = 12;
        else continue;
      } else if (u.branch === 'vol') {
        if (cat !== 'volunteer' && cat !== 'contract') continue;
        if (u.honor === 'Ахмат') wt = r.key === 'RU-CE' ? 400 : r.key === 'RU-IN' || r.key === 'RU-DA' ? 8 : 1.5;
        else if (u.honor.startsWith('БАРС')) wt = 0.6;
        else if (home) wt = 25;
        else wt = 0.15;
        if (cat === 'contract') wt *= 0.15;
      }
    } else if (u.kind === 'mob') {
      continue;
    } else {
      const sameMd = u.md === r.md;
      if (u.branch === 'ground') wt = sameMd ? 1 : 0.12;
      else if (u.branch === 'vdv') wt = sameMd ? 0.6 : 0.25;
      else if (u.branch === 'mp') wt = sameMd ? 0.6 : 0.15;
      else if (u.branch === 'spn') wt = sameMd ? 0.25 : 0.08;
      // bigger formations appear more often than their regiments and support brigades
      const size: Partial<Record<UnitKind, number>> = {
        msd: 1.6,
        td: 1.4,
        otbr: 0.6,
        msp: 0.5,
        tp: 0.4,
        abr: 0.3,
        obo: 0.4,
        dshd: 1.2,
        dshp: 0.5,
        pdp: 0.5,
      };
      wt *= size[u.kind] ?? 1;
      if (home) wt *= 10;
      if (donbas) wt *= 0.15;
      if (cat === 'conscript' && u.branch !== 'ground') wt *= 0.2;
    }
    if (wt > 0) pairs.push([u.id, wt]);
  }
  if (cat === 'mobilised' && mob.length) {
    let total = 0;
    for (const p of pairs) total += p[1];
    // mobilised men: ~55 % in their region's mobilised regiment(s)
    for (const id of mob) pairs.push([id, (total * 1.2) / mob.length]);
  }
  return new Weighted(pairs);
}

// ---------------------------------------------------------------------- rendering

const SUBUNITS = [
  '1 МСБ',
  '2 МСБ',
  '3 мсб',
  '1-й батальон',
  '2-й батальон',
  '3 батальон',
  '1 рота',
  '2-я рота',
  '3 рота',
  '4 рота',
  'разведрота',
  'штурмовая рота',
  'миномётная батарея',
  'рота связи',
  '1 ДШБ',
  '2 дшб',
  'взвод огневой поддержки',
  '5 рота',
  'рота БПЛА',
  'ремрота',
  'танковый батальон',
  'гаубичный дивизион',
];

export function pickSubunit(rng: Rng): string {
  return rng.pick(SUBUNITS);
}

function vchForm(rng: Rng, vch: string): string {
  const r = rng.next();
  if (r < 0.42) return `в/ч ${vch}`;
  if (r < 0.52) return `в/ч${vch}`;
  if (r < 0.6) return `В/Ч ${vch}`;
  if (r < 0.66) return `вч ${vch}`;
  if (r < 0.71) return `в.ч. ${vch}`;
  if (r < 0.76) return `войсковая часть ${vch}`;
  if (r < 0.8) return `ВЧ-${vch}`;
  if (r < 0.85) return `в/ч №${vch}`;
  if (r < 0.88) return `в/ч № ${vch}`;
  if (r < 0.92) return `ВЧ ${vch}`;
  if (r < 0.96) return `в/ч-${vch}`;
  return vch;
}

function numForm(rng: Rng, n: number, g: 'f' | 'm'): string {
  const r = rng.next();
  if (r < 0.45) return `${n}`;
  if (r < 0.8) return g === 'f' ? `${n}-я` : `${n}-й`;
  if (r < 0.88) return g === 'f' ? `${n}-ая` : `${n}-ый`;
  if (r < 0.94) return g === 'f' ? `${n}я` : `${n}й`;
  return `${n}-ой`;
}

export type UnitStyle = 'vch' | 'abbr' | 'full' | 'both' | 'nick' | 'gen' | 'en' | 'loose';

/** Render a unit as one source would write it. */
export function renderUnit(rng: Rng, u: Unit, style: UnitStyle, attached?: Unit): string {
  if (u.kind === 'named') {
    if (style === 'en') return rng.pick(u.en);
    let s = rng.pick(u.forms);
    if (attached && rng.chance(0.45)) {
      const inner = renderUnit(rng, attached, rng.chance(0.5) ? 'abbr' : 'vch');
      s = rng.chance(0.5) ? `${s} (${inner})` : `${s}, ${inner}`;
    }
    if (u.branch === 'storm' && !attached && rng.chance(0.05)) s = `${s} при МО`;
    return s;
  }
  if (u.kind === 'mob') {
    const r = rng.next();
    if (style === 'vch' || (style === 'both' && r < 0.5)) return vchForm(rng, u.vch);
    if (style === 'both') return `${vchForm(rng, u.vch)} (${u.num} мсп)`;
    if (style === 'en') return rng.chance(0.5) ? `${ORD_EN(u.num)} Motor Rifle Regiment` : `${ORD_EN(u.num)} regiment`;
    if (style === 'nick' || style === 'loose') return rng.pick([...u.nick, 'мобилизованные', 'мобилизован']);
    if (style === 'gen') return rng.pick([`${u.num}-го полка`, `${u.num} мотострелкового полка`, `${u.num}-го мсп`]);
    if (style === 'full') return `${u.num}-й отдельный мотострелковый полк`;
    return rng.pick([
      `${u.num} МСП`,
      `${u.num} мсп`,
      `${u.num} полк`,
      `${u.num}-й полк`,
      `${u.num}-й мсп`,
      `полк ${u.num}`,
    ]);
  }
  const k = K[u.kind];
  switch (style) {
    case 'vch':
      return u.vch ? vchForm(rng, u.vch) : renderUnit(rng, u, 'abbr');
    case 'both': {
      const a = renderUnit(rng, u, 'abbr');
      if (!u.vch) return a;
      const v = vchForm(rng, u.vch);
      return rng.chance(0.5) ? `${v} (${a})` : `${a}, ${v}`;
    }
    case 'full': {
      const parts = [`${u.num}-${k.g === 'f' ? 'я' : 'й'}`];
      if (k.sep && rng.chance(0.8)) parts.push(k.g === 'f' ? 'отдельная' : 'отдельный');
      if (u.guards && rng.chance(0.7)) parts.push(k.g === 'f' ? 'гвардейская' : 'гвардейский');
      let s = `${parts.join(' ')} ${k.fullAdj}`;
      if (u.honor && rng.chance(0.5)) s += ` (${u.honor})`;
      return s;
    }
    case 'nick':
      if (u.nick.length && rng.chance(0.8)) return rng.pick(u.nick);
      return renderUnit(rng, u, 'abbr');
    case 'gen': {
      const n = `${u.num}-${k.g === 'f' ? 'й' : 'го'}`;
      return rng.chance(0.5) ? `${n} ${k.fullGen}` : `${n} ${k.shortGen}`;
    }
    case 'en': {
      const pre = rng.chance(0.25) && u.guards ? 'Guards ' : '';
      const en = rng.pick(k.en);
      return en === 'brigade' || en === 'division' || en === 'regiment'
        ? `${ORD_EN(u.num)} ${en}`
        : `${ORD_EN(u.num)} ${pre}${en}`;
    }
    case 'loose': {
      if (u.branch === 'vdv') return rng.pick(['ВДВ', 'десант', 'десантник', 'ВДВ, десант']);
      if (u.branch === 'mp') return rng.pick(['морская пехота', 'морпех', 'морпехи']);
      if (u.branch === 'spn') return rng.pick(['спецназ', 'спецназ ГРУ', 'СпН']);
      return rng.pick(['мотострелки', 'пехота', `${u.num}`, 'мотострелковые войска', k.short]);
    }
    default: {
      const r = rng.next();
      if (r < 0.55) {
        const a = rng.pick(k.abbr);
        const num = /^[а-яё]/.test(a) && a.includes(' ') ? numForm(rng, u.num, k.g) : `${u.num}`;
        return `${num} ${a}`;
      }
      if (r < 0.75) return `${numForm(rng, u.num, k.g)} ${k.short}`;
      if (r < 0.9) return `${numForm(rng, u.num, k.g)} ${k.fullAdj}`;
      return `${k.abbr[0]} ${u.num}`;
    }
  }
}

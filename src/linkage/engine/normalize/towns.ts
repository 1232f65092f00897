import { readFileSync } from 'node:fs';
import { wordSkeleton } from './names.ts';

// Lists and families write a town where a region is asked for ("г. Стерлитамак", "Sterlitamak",
// "Локтевский р-н"). data/towns.csv (DaData/HFLabs, CC BY-SA 4.0) names the 1,117 towns of Russia
// with their region and, for towns inside one, their municipal district. A name stands for its
// region only when every town (or district) of that name lies in one region: "Киров" is a town in
// two regions and says nothing here (regions.ts reads it as the capital of Kirov Oblast first).

/** Words that call a place a town (towns.csv lists towns: these may be read through it). */
const TOWN_WORDS = new Set(['г', 'гор', 'город', 'городе', 'city', 'town', 'gorod', 'g']);
/** Settlement and district words, dropped before the name is keyed. */
const SETTLEMENT_WORDS = new Set([
  ...TOWN_WORDS,
  'в',
  'из',
  'пгт',
  'рп',
  'пос',
  'поселок',
  'посёлок',
  'п',
  'с',
  'село',
  'д',
  'дер',
  'деревня',
  'ст',
  'станица',
  'ст-ца',
  'аул',
  'х',
  'хутор',
  'мкр',
  'village',
  'selo',
  'pos',
  'posyolok',
]);
const DISTRICT_WORDS = new Set([
  'район',
  'района',
  'районе',
  'р-н',
  'р-на',
  'рн',
  'муниципальный',
  'district',
  'rayon',
  'raion',
]);

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s,;()«»"]+/u)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}-]+$/gu, ''))
    .filter(Boolean);

/** The words of a text without an abbreviation's dot ("г.", "р-н."). */
const bareWords = (text: string): string[] => wordsOf(text).map((w) => w.replace(/\.$/, ''));

/** A town name's key: its words' skeletons (transliteration-proof). */
const keyOfWords = (words: readonly string[]): string =>
  words
    .flatMap((w) => w.split(/-+/))
    .filter(Boolean)
    .map((w) => wordSkeleton(w))
    .join('');
/** The key with trailing vowels cut, tried when the exact key is unknown, so that a case ending
 * ("в Стерлитамаке") still meets its town; not first, because it also makes Дзержинский of
 * Moscow Oblast meet Дзержинск of Nizhny Novgorod Oblast. */
const looseKey = (key: string): string => key.replace(/[аеиоуы]+$/u, '');

/** A district adjective's stem: "Локтевский", "Локтевского", "Lokteevsky" → "локтевск". */
const districtStem = (word: string): string | null => {
  const m = word.match(/^(.{3,}?)(?:ский|ского|ском|скому|ская|ской|ское|skiy|skii|sky|ski)$/u);
  return m ? wordSkeleton(`${m[1]}ск`) : null;
};

/** Words that call a place a village, not a town: towns.csv does not list it, whatever its name. */
const VILLAGE_WORDS = new Set(
  [...SETTLEMENT_WORDS].filter((w) => !TOWN_WORDS.has(w) && !['в', 'из', 'мкр'].includes(w)),
);
/**
 * Towns named as hundreds of villages are ("Михайловка", "Сосновка", "Октябрьский"): written
 * bare, without "г.", they are as likely a village anywhere in Russia as the town (a family
 * writes "Михайловка" for its village in the Amur region). Read only when called a town.
 */
const VILLAGE_NAMES = new Set(
  [
    'Михайловка',
    'Сосновка',
    'Каменка',
    'Алексеевка',
    'Никольское',
    'Октябрьский',
    'Советский',
    'Лесной',
    'Заречный',
    'Первомайский',
    'Кировский',
    'Комсомольский',
  ].map((name) => keyOfWords(wordsOf(name))),
);
/**
 * District names that districts of many regions bear (Soviet leaders and words, saints and
 * feasts, common first names: Красногвардейский of Belgorod, Crimea, Adygea, Orenburg and
 * Stavropol). towns.csv names a district only where a town lies in it, so one town's district
 * of such a name would stand for one region; it stands for none.
 */
const COMMON_DISTRICTS = new Set(
  [
    'Александровский',
    'Алексеевский',
    'Березовский',
    'Володарский',
    'Ворошиловский',
    'Воскресенский',
    'Дзержинский',
    'Железнодорожный',
    'Заводской',
    'Знаменский',
    'Ивановский',
    'Калининский',
    'Каменский',
    'Кировский',
    'Комсомольский',
    'Красноармейский',
    'Красногвардейский',
    'Краснознаменский',
    'Куйбышевский',
    'Ленинский',
    'Майский',
    'Михайловский',
    'Никольский',
    'Октябрьский',
    'Орджоникидзевский',
    'Орловский',
    'Павловский',
    'Первомайский',
    'Петровский',
    'Покровский',
    'Пролетарский',
    'Свердловский',
    'Советский',
    'Троицкий',
    'Успенский',
    'Фрунзенский',
    'Центральный',
    'Чкаловский',
  ].map((name) => districtStem(name.toLowerCase())),
);
interface TownIndex {
  towns: Map<string, Set<string>>;
  loose: Map<string, Set<string>>;
  districts: Map<string, Set<string>>;
  /** Town key → the stems of the districts its towns lie in. */
  townDistricts: Map<string, Set<string>>;
}
let index: TownIndex | null = null;

const addTo = (map: Map<string, Set<string>>, key: string, code: string): void => {
  if (!key) return;
  const set = map.get(key) ?? new Set<string>();
  set.add(code);
  map.set(key, set);
};

function build(codeOfNumber: ReadonlyMap<string, string>): TownIndex {
  const towns = new Map<string, Set<string>>();
  const loose = new Map<string, Set<string>>();
  const districts = new Map<string, Set<string>>();
  const townDistricts = new Map<string, Set<string>>();
  const csv = readFileSync(new URL('../../../../data/towns.csv', import.meta.url), 'utf8');
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [number, city, area] = line.split(',');
    const code = codeOfNumber.get(number);
    if (!code) continue;
    const key = keyOfWords(wordsOf(city));
    addTo(towns, key, code);
    addTo(loose, looseKey(key), code);
    const stem = area ? districtStem(wordsOf(area)[0] ?? '') : null;
    if (stem) {
      addTo(districts, stem, code);
      addTo(townDistricts, key, stem);
    }
  }
  return { towns, loose, districts, townDistricts };
}

const only = (codes: Set<string> | undefined): string | null => (codes?.size === 1 ? [...codes][0] : null);

/** Whether a text calls a place a village ("с. Матвеев Курган", "д. Ивановка"). */
export const namesVillage = (text: string): boolean => bareWords(text).some((w) => VILLAGE_WORDS.has(w));

/** The stem of the district a text names ("Чусовской р-н" → чусовск), or null when it names none. */
export const districtNamed = (text: string): string | null => {
  const words = bareWords(text);
  if (!words.some((w) => DISTRICT_WORDS.has(w))) return null;
  const named = words.find((w) => !SETTLEMENT_WORDS.has(w) && !DISTRICT_WORDS.has(w));
  return named ? districtStem(named) : null;
};

/**
 * The region of a town or district named in `text` ("г. Стерлитамак", "Локтевский район"), or
 * null when the name is unknown or belongs to several regions. `codeOfNumber` maps the
 * two-digit region numbers of towns.csv to ISO codes (from regions.csv).
 * `besideDistrict`: the stem of a district the text names in another part (districtNamed).
 */
export function townRegion(
  text: string,
  codeOfNumber: ReadonlyMap<string, string>,
  besideDistrict: string | null = null,
): string | null {
  index ??= build(codeOfNumber);
  const words = bareWords(text);
  const isDistrict = words.some((w) => DISTRICT_WORDS.has(w));
  const named = words.filter((w) => !SETTLEMENT_WORDS.has(w) && !DISTRICT_WORDS.has(w));
  if (!named.length) return null;
  const stem = isDistrict || named.length === 1 ? districtStem(named[0]) : null;
  const common = stem !== null && COMMON_DISTRICTS.has(stem);
  const districts = stem && !common ? index.districts.get(stem) : undefined;
  if (isDistrict) return only(districts);
  const calledTown = words.some((w) => TOWN_WORDS.has(w));
  const key = keyOfWords(named);
  if (!calledTown) {
    // A lone adjective many districts bear, a town named as villages are, or a place called a
    // village, is no town of towns.csv.
    if (common || VILLAGE_NAMES.has(key) || words.some((w) => VILLAGE_WORDS.has(w))) return null;
    // A place named beside its district ("Сосновка, Чусовской р-н") is a village of it, unless
    // a town of that name lies in that district ("Бирюч, Красногвардейский р-н").
    if (besideDistrict && !index.townDistricts.get(key)?.has(besideDistrict)) return null;
  }
  const towns =
    index.towns.get(key) ?? index.loose.get(looseKey(key)) ?? (calledTown ? genitiveTown(named) : undefined);
  // A lone adjective may be a district or a town ("Дзержинский"): it must point to one region.
  return only(new Set([...(districts ?? []), ...(towns ?? [])]));
}

/** Genitive endings of towns' names and their nominatives: Уфы → Уфа, Подольска → Подольск, Перми → Пермь. */
const GENITIVE_ENDINGS: ReadonlyArray<[string, readonly string[]]> = [
  ['ы', ['а']],
  ['и', ['ь', 'а', 'я']],
  ['а', ['', 'о', 'е']],
  ['я', ['ь', 'е']],
];

/**
 * A town called a town in the genitive ("ВК г. Уфы", "г. Подольска"): the towns whose nominative
 * the last word's ending gives; the caller keeps them only if they lie in one region.
 */
function genitiveTown(named: readonly string[]): Set<string> | undefined {
  const last = named[named.length - 1];
  const found = new Set<string>();
  for (const [ending, nominatives] of GENITIVE_ENDINGS) {
    if (!last.endsWith(ending) || last.length < ending.length + 3) continue;
    for (const n of nominatives) {
      const key = keyOfWords([...named.slice(0, -1), last.slice(0, -ending.length) + n]);
      for (const code of index!.towns.get(key) ?? []) found.add(code);
    }
  }
  return found.size ? found : undefined;
}

import { readFileSync } from 'node:fs';
import { wordSkeleton } from './names.ts';

// Lists and families write a town where a region is asked for ("г. Стерлитамак", "Sterlitamak",
// "Локтевский р-н"). data/towns.csv (DaData/HFLabs, CC BY-SA 4.0) names the 1,117 towns of Russia
// with their region and, for towns inside one, their municipal district. A name stands for its
// region only when every town (or district) of that name lies in one region: "Киров" is a town in
// two regions and says nothing here (regions.ts reads it as the capital of Kirov Oblast first).

/** Settlement and district words, dropped before the name is keyed. */
const SETTLEMENT_WORDS = new Set([
  'г',
  'гор',
  'город',
  'городе',
  'в',
  'из',
  'city',
  'town',
  'gorod',
  'g',
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

interface TownIndex {
  towns: Map<string, Set<string>>;
  loose: Map<string, Set<string>>;
  districts: Map<string, Set<string>>;
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
    if (stem) addTo(districts, stem, code);
  }
  return { towns, loose, districts };
}

const only = (codes: Set<string> | undefined): string | null => (codes?.size === 1 ? [...codes][0] : null);

/**
 * The region of a town or district named in `text` ("г. Стерлитамак", "Локтевский район"), or
 * null when the name is unknown or belongs to several regions. `codeOfNumber` maps the
 * two-digit region numbers of towns.csv to ISO codes (from regions.csv).
 */
export function townRegion(text: string, codeOfNumber: ReadonlyMap<string, string>): string | null {
  index ??= build(codeOfNumber);
  const words = wordsOf(text);
  const isDistrict = words.some((w) => DISTRICT_WORDS.has(w.replace(/\.$/, '')));
  const named = words.filter(
    (w) => !SETTLEMENT_WORDS.has(w.replace(/\.$/, '')) && !DISTRICT_WORDS.has(w.replace(/\.$/, '')),
  );
  if (!named.length) return null;
  const stem = isDistrict || named.length === 1 ? districtStem(named[0]) : null;
  const districts = stem ? index.districts.get(stem) : undefined;
  if (isDistrict) return only(districts);
  const key = keyOfWords(named);
  const towns = index.towns.get(key) ?? index.loose.get(looseKey(key));
  // A lone adjective may be a district or a town ("Дзержинский"): it must point to one region.
  return only(new Set([...(districts ?? []), ...(towns ?? [])]));
}

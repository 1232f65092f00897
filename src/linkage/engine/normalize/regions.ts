import { readFileSync } from 'node:fs';
import { oneEditApart } from './edits.ts';
import { wordSkeleton } from './names.ts';
import { REGION_ALIASES } from './region-aliases.ts';
import { REGION_CAPITALS } from './region-capitals.ts';
import { memo } from './memo.ts';
import { districtNamed, namesVillage, townRegion } from './towns.ts';

// A region is matched on the skeleton of its distinctive words (the same transliteration-proof
// skeleton as names), with the type words ("область", "Krai", "респ.") removed and kept only as
// a hint, and with trailing vowels cut so that case endings do not matter (Башкирия, Башкирии,
// "Ленинградской области"). A word ending in a dot is an abbreviation and matches by prefix
// ("Mosk. obl."). When a core matches several subjects (Moscow city / Moscow Oblast, Altai
// Republic / Altai Krai) the type hint decides; without a hint, a name given bare wins.
// A regional capital in the region column ("г. Улан-Удэ") stands for its region; so does any
// other town or district that lies in one region only (towns.ts).

type RegionType = 'republic' | 'krai' | 'oblast' | 'city' | 'okrug';
interface Entry {
  code: string;
  type: RegionType;
  bare: boolean;
  /** From REGION_CAPITALS: a city standing for its region. */
  capital: boolean;
}

const TYPE_WORDS: Record<string, RegionType> = {
  республика: 'republic',
  респ: 'republic',
  республики: 'republic',
  республике: 'republic',
  republic: 'republic',
  rep: 'republic',
  resp: 'republic',
  respublika: 'republic',
  край: 'krai',
  края: 'krai',
  крае: 'krai',
  кр: 'krai',
  kr: 'krai',
  krai: 'krai',
  kray: 'krai',
  territory: 'krai',
  область: 'oblast',
  области: 'oblast',
  обл: 'oblast',
  oblast: 'oblast',
  obl: 'oblast',
  region: 'oblast',
  province: 'oblast',
  oblasti: 'oblast',
  г: 'city',
  город: 'city',
  города: 'city',
  city: 'city',
  gorod: 'city',
  g: 'city',
  федерального: 'city',
  ао: 'okrug',
  округ: 'okrug',
  округа: 'okrug',
  автономный: 'okrug',
  автономного: 'okrug',
  ao: 'okrug',
  okrug: 'okrug',
  autonomous: 'okrug',
  district: 'okrug',
};
const FILLERS = new Set([
  'of',
  'the',
  'и',
  'из',
  'родом',
  'уроженец',
  'уроженка',
  // A commissariat written where the region goes: "ОВК по г. Уфа", "Военный комиссариат
  // Краснодарского края" name the region they serve.
  'вк',
  'овк',
  'военкомат',
  'военный',
  'комиссариат',
  'по',
  'федеральный',
  'federal',
  'значения',
  'рф',
  'россия',
  'russia',
  'субъект',
]);

/** Car-plate codes a region was given after its first (ГИБДД), by the region's own number. */
const LATER_PLATE_CODES: Readonly<Record<string, readonly string[]>> = {
  '02': ['102', '702'],
  '16': ['116', '716'],
  '21': ['121'],
  '23': ['93', '123', '193'],
  '24': ['124'],
  '25': ['125'],
  '26': ['126'],
  '34': ['134'],
  '36': ['136'],
  '38': ['138'],
  '42': ['142'],
  '47': ['147'],
  '50': ['90', '150', '190', '750', '790'],
  '52': ['152'],
  '54': ['154'],
  '56': ['156'],
  '59': ['159'],
  '61': ['161', '761'],
  '63': ['163', '763'],
  '64': ['164'],
  '66': ['96', '196'],
  '73': ['173'],
  '74': ['174', '774'],
  '77': ['97', '99', '177', '197', '199', '777', '797', '799', '977'],
  '78': ['98', '178', '198'],
  '86': ['186'],
};
/** A later plate code → the region's own number. */
const MORE_PLATE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATER_PLATE_CODES).flatMap(([number, codes]) => codes.map((c) => [c, number])),
);

/**
 * Codes and abbreviations read as they are: Crimea's and Sevastopol's Russian codes, and the
 * republics' abbreviations their own papers use (РС(Я), УР, РМЭ), which the fuzzy lookup would
 * misread ("УР" as Югра). An abbreviation two republics share (РБ: Башкортостан or Бурятия;
 * РТ: Татарстан or Тыва; ЧР: Чечня or Чувашия) reads as no region (''), not as a guess.
 */
const CODE_ALIASES: Record<string, string> = {
  'RU-CR': 'UA-43',
  'RU-KRY': 'UA-43',
  'RU-SEV': 'UA-40',
  'РС(Я)': 'RU-SA',
  'РС (Я)': 'RU-SA',
  РСЯ: 'RU-SA',
  // The Soviet republics' abbreviations, on the birthplaces of men born before 1991.
  БАССР: 'RU-BA',
  ТАССР: 'RU-TA',
  ДАССР: 'RU-DA',
  БУРАССР: 'RU-BU',
  ЯАССР: 'RU-SA',
  КБАССР: 'RU-KB',
  СОАССР: 'RU-SE',
  УАССР: 'RU-UD',
  ЧАССР: 'RU-CU',
  РИ: 'RU-IN',
  РХ: 'RU-KK',
  УР: 'RU-UD',
  РМЭ: 'RU-ME',
  РМ: 'RU-MO',
  // Oblasts and krais by the abbreviation their own residents write (ЛО, НСО, КК); "ЧО" and "НО"
  // are Chelyabinsk and Nizhny Novgorod oblasts (Chukotka and the Nenets okrug are ЧАО and НАО).
  ЛО: 'RU-LEN',
  НСО: 'RU-NVS',
  КК: 'RU-KDA',
  РО: 'RU-ROS',
  ЧО: 'RU-CHE',
  НО: 'RU-NIZ',
  СК: 'RU-STA',
  ХК: 'RU-KHA',
  ЗК: 'RU-ZAB',
  ЧАО: 'RU-CHU',
  НАО: 'RU-NEN',
  // Shared by several oblasts or krais: Тульская, Томская, Тюменская; Пермский, Приморский …
  ТО: '',
  БО: '',
  СО: '',
  ВО: '',
  КО: '',
  ОО: '',
  ПК: '',
  АО: '',
  РБ: '',
  РТ: '',
  ЧР: '',
  РК: '',
  РА: '',
  РС: '',
};

function typeOf(typeEn: string): RegionType {
  if (typeEn.includes('okrug')) return 'okrug';
  if (typeEn.includes('oblast')) return 'oblast';
  if (typeEn.includes('city')) return 'city';
  if (typeEn.includes('krai')) return 'krai';
  return 'republic';
}

interface Core {
  key: string;
  prefix: boolean;
  hint: RegionType | null;
  typed: boolean;
}

function core(text: string): Core | null {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s\-‐]+/u)
    .filter(Boolean);
  let key = '';
  let prefix = false;
  let hint: RegionType | null = null;
  let typed = false;
  for (const raw of words) {
    const w = raw.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
    const bareWord = w.replace(/\.+$/, '');
    if (!bareWord) continue;
    const t = TYPE_WORDS[bareWord];
    if (t) {
      typed = true;
      if (t !== 'okrug' || !hint) hint = t;
      continue;
    }
    if (FILLERS.has(bareWord)) continue;
    if (w.endsWith('.')) prefix = true;
    key += wordSkeleton(bareWord);
  }
  if (!key) return null;
  return { key: prefix ? key : key.replace(/[аеиоу]+$/u, ''), prefix, hint, typed };
}

function parts(text: string): string[] {
  return text
    .split(/\s[—–-]\s|[(),;/]|\s—|—\s/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

interface Index {
  byStem: Map<string, Entry[]>;
  codes: Set<string>;
  byNumber: Map<string, string>;
}
let index: Index | null = null;

function build(): Index {
  const byStem = new Map<string, Entry[]>();
  const codes = new Set<string>();
  const byNumber = new Map<string, string>();
  const add = (text: string, code: string, type: RegionType, capital = false) => {
    for (const p of [text, ...parts(text)]) {
      const c = core(p);
      if (!c) continue;
      const list = byStem.get(c.key) ?? [];
      if (!list.some((e) => e.code === code && e.bare === !c.typed && e.capital === capital))
        list.push({ code, type, bare: !c.typed, capital });
      byStem.set(c.key, list);
    }
  };
  const csv = readFileSync(new URL('../../../../data/regions.csv', import.meta.url), 'utf8');
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const f = line.split(',');
    const [code, number, , , nameRu, nameEn, typeEn] = f;
    const type = typeOf(typeEn);
    codes.add(code);
    byNumber.set(number, code);
    add(nameRu, code, type);
    add(nameEn, code, type);
  }
  const typeOfCode = new Map([...byStem.values()].flat().map((e) => [e.code, e.type] as const));
  for (const table of [REGION_ALIASES, REGION_CAPITALS]) {
    for (const [code, aliases] of Object.entries(table)) {
      for (const a of aliases) add(a, code, typeOfCode.get(code) ?? 'oblast', table === REGION_CAPITALS);
    }
  }
  return { byStem, codes, byNumber };
}

function resolve(candidates: Entry[], hint: RegionType | null): string | null {
  const codesOf = (es: Entry[]) => [...new Set(es.map((e) => e.code))];
  if (codesOf(candidates).length === 1) return candidates[0].code;
  if (hint) {
    const typed = codesOf(candidates.filter((e) => e.type === hint));
    if (typed.length === 1) return typed[0];
  }
  const bare = codesOf(candidates.filter((e) => e.bare));
  return bare.length === 1 && !hint ? bare[0] : null;
}

const cachedRegion = memo(uncachedRegionCode);

/** Region in any common written form → ISO 3166-2 code (UA-43/UA-40 for Crimea/Sevastopol). */
export function regionCode(raw: string): string | null {
  return cachedRegion(raw ?? '');
}

/**
 * A military commissariat where the region goes ("военкомат г. Подольск", "ОВК по г. Уфа",
 * "объединённый ВК г. Ейск"): a man is called up where he lives, so its place is his region.
 */
const COMMISSARIAT =
  /^(?:объедин[её]нн\p{L}*\s+)?(?:военн\p{L}*\s+комиссариат\p{L}*|военкомат\p{L}*|о?вк)\s+(?:по\s+)?(?=\S)/iu;

/** A district's, town's or joint commissariat after the place ("Подольск РВК", "Уфимский ГВК"). */
const COMMISSARIAT_AFTER = /\s+[рго]?вк$/iu;

/**
 * Soviet names of oblasts still written for men born before 1991, with the word "область"
 * (without it the stems read district names of other regions: "Калининский район").
 */
const SOVIET_OBLASTS: Readonly<Record<string, string>> = {
  горьковск: 'RU-NIZ',
  калининск: 'RU-TVE',
  куйбышевск: 'RU-SAM',
  молотовск: 'RU-PER',
  чкаловск: 'RU-ORE',
};
const SOVIET_OBLAST = /^(горьковск|калининск|куйбышевск|молотовск|чкаловск)(?:ая|ой)\s+обл(?:\.|асть|асти)?$/iu;

function uncachedRegionCode(raw: string): string | null {
  // "г.Улан-Удэ", "Респ.Бурятия": an abbreviation's dot is often typed without the space after it.
  const s = raw
    .normalize('NFC')
    .trim()
    .replace(COMMISSARIAT, '')
    .replace(COMMISSARIAT_AFTER, '')
    .replace(/\.(?=\p{L})/gu, '. ')
    // "Ростовскаяобласть": the kind typed without a space.
    .replace(/(?<=[а-яё]{4}(?:ая|ий|ой))(область|край|республика)$/iu, ' $1');
  if (!s) return null;
  const soviet = s.match(SOVIET_OBLAST);
  if (soviet) return SOVIET_OBLASTS[soviet[1].toLowerCase()];
  index ??= build();
  const upper = s.toUpperCase();
  if (Object.hasOwn(CODE_ALIASES, upper)) return CODE_ALIASES[upper] || null;
  if (/^[A-Z]{2}-[A-Z0-9]{2,3}$/.test(upper) && index.codes.has(upper)) return upper;
  if (/^[A-Z]{2,3}$/.test(s) && index.codes.has(`RU-${s}`)) return `RU-${s}`;
  // A region's number, as on car plates and in forms: "05", "05 регион", "регион 77", "77 рег.",
  // and the plates' later codes of the larger regions ("96 регион", "регион 154").
  const numbered = s.match(/^(?:регион\s*)?(\d{1,3})(?:\s*(?:регион|рег\.?|rus))?$/iu);
  if (numbered) {
    const n = numbered[1];
    return index.byNumber.get(MORE_PLATE_CODES[n] ?? n.padStart(2, '0')) ?? null;
  }
  // A region named in one part wins over a capital in another ("г. Донецк, Ростовская обл." is
  // the town of Rostov Oblast, not the DPR's capital).
  let capital: string | null = null;
  for (const p of [s, ...parts(s)]) {
    const found = lookupEntry(index, p);
    if (found && !found.capital) return found.code;
    capital ??= found?.code ?? null;
  }
  if (capital) return capital;
  const inText = inWords(index, s);
  if (inText) return inText;
  // A town or district instead of a region ("г. Стерлитамак", "Локтевский р-н").
  const pieces = parts(s);
  const besideDistrict = pieces.length > 1 ? (pieces.map(districtNamed).find(Boolean) ?? null) : null;
  for (const p of [s, ...pieces]) {
    const code = townRegion(p, index.byNumber, besideDistrict);
    if (code) return code;
  }
  for (const p of [s, ...parts(s)]) {
    const code = misspelt(index, p);
    if (code) return code;
  }
  return null;
}

/** Names shorter than this (as keys) are not read through a typo: too many are one edit apart. */
const MIN_MISSPELT = 6;

/**
 * Last of all, a region or a regional capital typed with one letter wrong, missing, added or two
 * swapped ("Свертловская обл.", "Нижегоодская", "г. Барноул"): the one region one edit away, if
 * only one is. Hand-typed lists misspell; the skeleton keys absorb vowel slips, not these.
 */
function misspelt(ix: Index, text: string): string | null {
  const c = core(text);
  if (!c || c.prefix || c.key.length < MIN_MISSPELT) return null;
  const found: Entry[] = [];
  for (const [stem, es] of ix.byStem) if (oneEditApart(stem, c.key)) found.push(...es);
  // The ending's last letter mistyped ("Челябинскаф"): the key kept it, where "-ая" would go.
  if (!found.length) found.push(...(ix.byStem.get(c.key.slice(0, -1).replace(/[аеиоу]+$/u, '')) ?? []));
  return found.length ? resolve(found, c.hint) : null;
}

function lookup(ix: Index, text: string): string | null {
  return lookupEntry(ix, text)?.code ?? null;
}

/** `capital`: the text names the region only as its capital does; `namesCapital`: a capital's name is among its readings. */
function lookupEntry(ix: Index, text: string): { code: string; capital: boolean; namesCapital: boolean } | null {
  const c = core(text);
  if (!c) return null;
  let found: Entry[] = [];
  if (c.prefix) {
    if (c.key.length < 3) return null;
    for (const [stem, es] of ix.byStem) if (stem.startsWith(c.key)) found.push(...es);
  } else {
    found = ix.byStem.get(c.key) ?? [];
  }
  const code = found.length ? resolve(found, c.hint) : null;
  if (!code) return null;
  const entries = found.filter((e) => e.code === code);
  // "г. Киров" names a town: it stands for Kirov Oblast as its capital does, weakly.
  const asTown = c.hint === 'city' && entries.every((e) => e.type !== 'city');
  return { code, capital: asTown || entries.every((e) => e.capital), namesCapital: entries.some((e) => e.capital) };
}

/** The ending of a region's adjective as written ("Курская", "Курской"). */
const ADJECTIVE = /(?:ая|ой|ий|ый|ого|ому|ом|ую)\.?$/iu;

/** Last resort for a region inside a longer address ("с. Ивановка Курской области"): look at each
 * word, with the type word after it if any. Typed matches ("Курской области") win over bare
 * ones (a village may share a city's name); one region must remain, or none is returned. */
function inWords(ix: Index, s: string): string | null {
  const words = s.split(/[\s,;()]+/u).filter(Boolean);
  if (words.length < 2) return null;
  const typed = new Set<string>();
  const bare = new Set<string>();
  // A village's name may hold a capital's ("с. Матвеев Курган" is in the Rostov region): beside
  // a village, a bare word that names a capital counts only as the region's adjective ("с.
  // Ивановка, Курская").
  const village = namesVillage(s);
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1]?.toLowerCase().replace(/\.+$/, '');
    const isType = (w: string | undefined) => !!w && TYPE_WORDS[w] !== undefined;
    if (isType(words[i].toLowerCase().replace(/\.+$/, ''))) continue;
    // A district named as a region is ("Тамбовский р-н" lies in the Amur region as well as in
    // Tambov's): towns.ts reads districts.
    if (next && districtNamed(`${words[i]} ${next}`)) continue;
    if (isType(next)) {
      const code = lookup(ix, `${words[i]} ${words[i + 1]}`);
      if (code) typed.add(code);
    } else if (words[i].replace(/\.+$/, '').length >= 4) {
      const found = lookupEntry(ix, words[i]);
      if (found && !(village && found.namesCapital && !ADJECTIVE.test(words[i]))) bare.add(found.code);
    }
  }
  const pick = typed.size ? typed : bare;
  return pick.size === 1 ? [...pick][0] : null;
}

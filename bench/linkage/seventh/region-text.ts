// How a list writes a man's region. Every list has a habit (official name, "Респ. Бурятия",
// "РБ", the town, the district, the commissariat that sent him, English or Ukrainian), and the
// engine has to see through all of them. Abbreviations are ambiguous on purpose.
import type { Region } from './regions.ts';
import type { Rng } from './rng.ts';
import { ruLettersToUa, ruToLatin } from './script.ts';

export type RegionStyle =
  | 'official'
  | 'short'
  | 'abbr'
  | 'city'
  | 'place'
  | 'placeRegion'
  | 'commissariat'
  | 'old'
  | 'en'
  | 'ua';

const DISTRICT = /(р-н|кожуун|улус)$/;

function shortOf(r: Region, rng: Rng): string {
  if (r.short.length) return rng.pick(r.short);
  return r.official;
}

/** "Республика Бурятия" → "Респ. Бурятия"; "Свердловская область" → "Свердловская обл."; "... край" → "... кр.". */
function abbreviateOfficial(r: Region, rng: Rng): string {
  const o = r.official;
  if (o.startsWith('Республика ')) return rng.chance(0.5) ? `Респ. ${o.slice(11)}` : `${o.slice(11)} респ.`;
  if (o.endsWith(' область')) return `${o.slice(0, -8)} ${rng.pick(['обл.', 'обл', 'обл.', 'область'])}`;
  if (o.endsWith(' край')) return `${o.slice(0, -5)} ${rng.pick(['кр.', 'край'])}`;
  return o;
}

function town(p: string, rng: Rng): string {
  return rng.chance(0.45) ? `г. ${p}` : p;
}

function district(p: string, rng: Rng): string {
  return rng.chance(0.5) ? p.replace('р-н', 'район') : p;
}

/** Genitive of a district adjective: "Кяхтинский р-н" → "Кяхтинского района". */
function districtGen(p: string, rng: Rng): string {
  const [adj, ...rest] = p.split(' ');
  const noun = rest.join(' ');
  const gen = adj.replace(/ский$/, 'ского').replace(/цкий$/, 'цкого');
  const nounGen = noun === 'р-н' ? rng.pick(['р-на', 'района']) : noun === 'кожуун' ? 'кожууна' : 'улуса';
  return `${gen} ${nounGen}`;
}

function commissariat(r: Region, p: string, rng: Rng): string {
  if (DISTRICT.test(p)) {
    const d = districtGen(p, rng);
    return rng.pick([`ВК ${d}`, `военкомат ${d}`, `военный комиссариат ${d}`, `ОВК ${d}`]);
  }
  const where = `г. ${p}`;
  const s = rng.pick([`ВК ${where}`, `военкомат ${where}`, `военный комиссариат ${where}`, `объединённый ВК ${where}`]);
  return rng.chance(0.3) ? `${s}, ${shortOf(r, rng)}` : s;
}

function english(r: Region, p: string, rng: Rng): string {
  if (r.iso === 'DNR' || r.iso === 'LNR')
    return rng.pick([r.en, r.iso === 'DNR' ? 'DPR' : 'LPR', `${r.en.split(' ')[0]} region`]);
  const x = rng.next();
  if (x < 0.45) return r.en;
  if (x < 0.75) {
    return r.en
      .replace(/^Republic of /, '')
      .replace(/ Republic$/, '')
      .replace(/ Oblast$/, rng.chance(0.5) ? ' region' : ' Obl.')
      .replace(/ Krai$/, ' krai');
  }
  const city = ruToLatin(DISTRICT.test(p) ? r.places[0] : p, 'informal');
  return rng.chance(0.5) ? city : `${city}, ${r.en}`;
}

// Where letter-by-letter transcription gives a form Ukrainian writers do not use.
const UA_FIX: Array<[RegExp, string]> = [
  [/Прі/g, 'При'],
  [/Ніж/g, 'Ниж'],
  [/сібір/g, 'сибір'],
  [/Чувашськ/g, 'Чуваськ'],
];

function toUa(s: string): string {
  let out = ruLettersToUa(s.replace(/ — .*$/, ''));
  for (const [re, to] of UA_FIX) out = out.replace(re, to);
  return out;
}

function ukrainian(r: Region, p: string, rng: Rng): string {
  // Ukrainian-side lists never write ДНР/ЛНР: they write the Ukrainian oblast.
  if (r.iso === 'DNR' || r.iso === 'LNR') return `${r.iso === 'DNR' ? 'Донецька' : 'Луганська'} обл.`;
  const x = rng.next();
  if (x < 0.5) return toUa(r.official);
  if (x < 0.8) return toUa(abbreviateOfficial(r, rng));
  const place = DISTRICT.test(p) ? toUa(p) : `м. ${toUa(p)}`;
  return `${place}, ${toUa(shortOf(r, rng))}`;
}

/** The region field as a list of this style writes it, for a man from `r` living at place index `pi`. */
export function regionText(r: Region, pi: number, style: RegionStyle, rng: Rng): string {
  const p = r.places[pi] ?? r.places[0];
  switch (style) {
    case 'official':
      return rng.chance(0.3) ? abbreviateOfficial(r, rng) : r.official;
    case 'short':
      return rng.chance(0.4) ? abbreviateOfficial(r, rng) : shortOf(r, rng);
    case 'abbr':
      return r.abbr.length ? rng.pick(r.abbr) : abbreviateOfficial(r, rng);
    case 'city':
      return town(DISTRICT.test(p) ? r.places[0] : p, rng);
    case 'place':
      return DISTRICT.test(p) ? district(p, rng) : town(p, rng);
    case 'placeRegion': {
      const a = DISTRICT.test(p) ? district(p, rng) : town(p, rng);
      const b = rng.chance(0.6) ? shortOf(r, rng) : abbreviateOfficial(r, rng);
      return a === b || r.places.length === 1 ? a : rng.chance(0.8) ? `${b}, ${a}` : `${a}, ${b}`;
    }
    case 'commissariat':
      return commissariat(r, p, rng);
    case 'old':
      return r.old.length ? rng.pick(r.old) : r.official;
    case 'en':
      return english(r, p, rng);
    case 'ua':
      return ukrainian(r, p, rng);
  }
}

// The five (and more) ways a region is written: official Russian name, short or informal Russian,
// abbreviation, English, ISO code, two-digit code.
import { transliterate } from '../../../src/linkage/engine/normalize/index.ts';
import { REGION_CAPITALS } from '../../../src/linkage/engine/normalize/region-capitals.ts';
import type { Rng } from './rng.ts';
import type { Region } from './pools.ts';

const INFORMAL: Record<string, string[]> = {
  'RU-BA': ['Башкирия', 'Башкортостан', 'РБ'],
  'RU-SA': ['Якутия'],
  'RU-CU': ['Чувашия'],
  'RU-CE': ['Чечня'],
  'RU-SE': ['Северная Осетия', 'РСО-Алания'],
  'RU-TY': ['Тыва', 'Тува'],
  'RU-KHM': ['ХМАО', 'Югра'],
  'RU-YAN': ['ЯНАО'],
  'RU-MOS': ['Подмосковье', 'МО'],
  'RU-SPE': ['СПб', 'Питер', 'Санкт-Петербург'],
  'RU-KEM': ['Кузбасс'],
  'UA-43': ['Крым'],
  'RU-TA': ['Татарстан', 'Татария'],
  'RU-BU': ['Бурятия'],
  'RU-DA': ['Дагестан'],
  'RU-UD': ['Удмуртия'],
  'RU-KB': ['КБР', 'Кабардино-Балкария'],
  'RU-KC': ['КЧР'],
  'RU-ZAB': ['Забайкалье'],
  'RU-PRI': ['Приморье'],
  'RU-KDA': ['Кубань'],
};

const SHORT_SUFFIX: Record<string, string[]> = {
  oblast: [' обл.', ' обл', '', ' область'],
  krai: [' кр.', '', ' край'],
};

export type RegionForm =
  | 'region_ru_full'
  | 'region_ru_short'
  | 'region_abbrev'
  | 'region_en'
  | 'region_iso'
  | 'region_number'
  | 'region_capital'
  | 'empty_region';

const shortCache = new Map<string, string>();
/** Official name without the type word: "Республика Бурятия" → "Бурятия", "Курская область" → "Курская". */
function shortRu(r: Region): string {
  let s = shortCache.get(r.code);
  if (s === undefined) shortCache.set(r.code, (s = shortRuUncached(r)));
  return s;
}

function shortRuUncached(r: Region): string {
  return r.nameRu
    .replace(/\s+—.*$/, '')
    .replace(/\s*\(.*\)$/, '')
    .replace(/^Республика\s+/, '')
    .replace(/\s+(область|край|автономный округ|автономная область)$/, '')
    .replace(/\s+—.*$/, '')
    .replace(/\s+Республика$/, '');
}

/** "Московская область" → "Моск. обл."; "Краснодарский край" → "Краснод. кр.". */
function abbrevRu(r: Region, rng: Rng): string | null {
  const m = r.nameRu.match(/^(\S+?)(ская|ский|цкая|цкий|ная|ный|ая|ий)\s+(область|край)/);
  if (!m) return null;
  const stem = m[1];
  // People cut after a consonant and keep at least three letters (Моск., Свердл., not Ом.).
  const end = stem.slice(0, Math.min(stem.length, rng.int(4, 7))).replace(/[аеёиоуыэюяь]+$/, '');
  const type = m[3] === 'область' ? 'обл.' : 'кр.';
  return end.length < 3 ? `${m[1]}${m[2]} ${type}` : `${end}. ${type}`;
}

export function renderRegion(rng: Rng, r: Region, form: RegionForm): { text: string; form: RegionForm } {
  switch (form) {
    case 'region_ru_full':
      return { text: r.nameRu, form };
    case 'region_ru_short': {
      const informal = INFORMAL[r.code];
      if (informal && rng.chance(0.6)) return { text: rng.pick(informal), form };
      const s = shortRu(r);
      const type = r.type;
      const text = s + rng.pick(SHORT_SUFFIX[type] ?? ['']);
      if (type === 'republic' && rng.chance(0.4)) return { text: `${rng.pick(['респ. ', 'Респ. '])}${s}`, form };
      if (type === 'federal city' && rng.chance(0.4)) return { text: `г. ${s}`, form };
      return { text, form };
    }
    case 'region_abbrev': {
      const a = abbrevRu(r, rng);
      if (!a) return renderRegion(rng, r, 'region_ru_short');
      return { text: rng.chance(0.3) ? transliterate(a, 'informal') : a, form };
    }
    case 'region_en': {
      const text = rng.chance(0.7)
        ? r.nameEn
        : r.nameEn.replace(/ (Oblast|Krai)$/, ' region').replace(/^Republic of /, '');
      return { text, form };
    }
    case 'region_iso':
      return { text: rng.chance(0.85) ? r.code : r.code.toLowerCase(), form };
    case 'region_number':
      return { text: r.number, form };
    // The home town written where the region was asked for; only regional capitals, which stand
    // for their region (Moscow and Leningrad oblasts have none: their short form is used).
    case 'region_capital': {
      const city = REGION_CAPITALS[r.code]?.[0];
      if (!city) return renderRegion(rng, r, 'region_ru_short');
      return { text: rng.chance(0.5) ? `г. ${city}` : city, form };
    }
    default:
      return { text: '', form: 'empty_region' };
  }
}

import type { Rng } from './prng.ts';
import { transliterate } from './transliterate.ts';
import type { Unit } from './unit-pool.ts';

// How one record names a unit: by its number in one of the ways people write it, by its
// formation (in full, abbreviated, shortened, in English), both, with a battalion or company,
// or by what comrades call it.

export type UnitStyle =
  | 'number'
  | 'formation_full'
  | 'formation_abbr'
  | 'formation_short'
  | 'formation_en'
  | 'both'
  | 'subunit'
  | 'nickname';

export type NumberFormat =
  | 'vch' // в/ч 12345
  | 'vch_compact' // в/ч12345
  | 'vch_upper' // В/Ч 12345
  | 'vch_dash' // ВЧ-12345
  | 'vch_plain' // вч 12345
  | 'vch_dots' // в.ч. 12345
  | 'full' // войсковая часть 12345
  | 'bare' // 12345
  | 'en' // military unit 12345
  | 'en_short'; // MU 12345

export function renderNumber(n: string, format: NumberFormat): string {
  switch (format) {
    case 'vch':
      return `в/ч ${n}`;
    case 'vch_compact':
      return `в/ч${n}`;
    case 'vch_upper':
      return `В/Ч ${n}`;
    case 'vch_dash':
      return `ВЧ-${n}`;
    case 'vch_plain':
      return `вч ${n}`;
    case 'vch_dots':
      return `в.ч. ${n}`;
    case 'full':
      return `войсковая часть ${n}`;
    case 'bare':
      return n;
    case 'en':
      return `military unit ${n}`;
    case 'en_short':
      return `MU ${n}`;
  }
}

const englishOrdinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

const russianOrdinal = (n: number, noun: string): string => `${n}-${noun === 'бригада' ? 'я' : 'й'}`;

export interface UnitDetail {
  storm: boolean;
  battalion: number;
  company: number;
}

function formation(rng: Rng, unit: Unit, style: UnitStyle): string | null {
  const t = unit.type;
  if (unit.kind === 'pmc') {
    const name = unit.name!;
    switch (style) {
      case 'formation_full':
        return `${unit.ordinal}-й штурмовой отряд ЧВК «${name}»`;
      case 'formation_abbr':
        return rng.pick([`${unit.ordinal} ШО ЧВК «${name}»`, `ЧВК «${name}»`, `ЧВК «${name}», ${unit.ordinal} отряд`]);
      case 'formation_en':
        return rng.pick([`PMC ${transliterate(name, 'english')}`, `${transliterate(name, 'english')} PMC`]);
      default:
        return rng.pick([`ЧВК ${name}`, `ЧВК «${name}»`, name, `"${name}"`]);
    }
  }
  if (unit.kind === 'volunteer') {
    const name = unit.name!;
    switch (style) {
      case 'formation_full':
        return `добровольческий батальон «${name}»`;
      case 'formation_abbr':
        return rng.pick([`ДБ «${name}»`, `батальон «${name}»`, `б-н "${name}"`]);
      case 'formation_en':
        return rng.pick([
          `${transliterate(name, 'english')} volunteer battalion`,
          `${transliterate(name, 'english')} Battalion`,
        ]);
      default:
        return rng.pick([`«${name}»`, name, `батальон ${name}`]);
    }
  }
  if (!t) return null;
  const n = unit.ordinal;
  const ord = russianOrdinal(n, t.noun);
  switch (style) {
    case 'formation_full': {
      const guards = unit.guards ? (t.noun === 'бригада' ? 'гвардейская ' : 'гвардейский ') : '';
      return `${ord} ${guards}${t.full}`;
    }
    case 'formation_abbr': {
      const abbr = rng.chance(0.15) ? t.abbr.toUpperCase() : t.abbr;
      const guards = unit.guards && rng.chance(0.5) ? 'гв. ' : '';
      return rng.chance(0.6) ? `${n} ${guards}${abbr}` : `${ord} ${guards}${abbr}`;
    }
    case 'formation_en': {
      const guards = unit.guards && rng.chance(0.6) ? 'Guards ' : '';
      return rng.pick([
        `${englishOrdinal(n)} ${guards}${t.en}`,
        `${englishOrdinal(n)} ${guards}${t.en.replace('Separate ', '')}`,
        `${englishOrdinal(n)} ${t.enAbbr}`,
      ]);
    }
    case 'nickname':
      // "55-ая" and "1-ый" are how many people write the ordinal in a hurry.
      return rng.pick([ord, `${ord} ${t.noun}`, `«${ord}»`, `${n}-${t.noun === 'бригада' ? 'ая' : 'ый'}`]);
    default:
      return rng.pick([`${ord} ${t.noun}`, `${n} ${t.noun}`]);
  }
}

const STORM_FORMS = ['Шторм Z', 'Шторм Z', 'Шторм-Z', '«Шторм Z»', 'штурмовая рота «Шторм Z»', 'Шторм Зет', 'шторм z'];

/** The unit as one record writes it; latin for English-language lists. */
export function renderUnit(
  rng: Rng,
  unit: Unit,
  detail: UnitDetail,
  style: UnitStyle,
  numberFormat: NumberFormat,
  latin: boolean,
): string {
  const number = unit.number
    ? renderNumber(unit.number, latin && !numberFormat.startsWith('en') ? 'en' : numberFormat)
    : null;
  // A convict's records name his "Шторм Z" company more often than the unit it belongs to.
  if (detail.storm && rng.chance(0.55)) {
    const storm = latin ? rng.pick(['Storm-Z', 'Storm Z']) : rng.pick(STORM_FORMS);
    if (style === 'number' && number && rng.chance(0.5)) return `${storm}, ${number}`;
    if (style === 'both' && number) return `${storm} (${number})`;
    return storm;
  }
  const styleHere = latin && style !== 'number' ? 'formation_en' : style;
  if (styleHere === 'number') return number ?? formation(rng, unit, latin ? 'formation_en' : 'formation_abbr')!;
  const named = formation(rng, unit, styleHere === 'both' || styleHere === 'subunit' ? 'formation_abbr' : styleHere);
  if (styleHere === 'both') {
    if (!named || !number) return named ?? number!;
    return rng.chance(0.5) ? `${number} (${named})` : `${named}, ${number}`;
  }
  if (styleHere === 'subunit') {
    const base = named ?? number!;
    return rng.pick([
      `${detail.battalion} бат. ${base}`,
      `${detail.company} рота, ${base}`,
      `${base}, ${detail.battalion} батальон`,
      `${detail.battalion} мсб ${base}`,
    ]);
  }
  return named ?? number!;
}

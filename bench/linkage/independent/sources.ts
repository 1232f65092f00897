import type { DateFormat } from './dates.ts';
import type { RegionStyle } from './regions.ts';
import type { TranslitSystem } from './transliterate.ts';
import type { NumberFormat, UnitStyle } from './unit-render.ts';
import { type Weighted, weightedOf } from './weighted.ts';

// The source types and their noise: the heart of this generator. Every rate is per record and
// was chosen from how each kind of document is made (who writes it, from what, with what
// tools); the reasons are in README.md. Rates of conditional noise (a diminutive, a variant
// spelling, a day/month swap) apply only where that noise is possible.

export type SourceId =
  | 'family_request'
  | 'obituary'
  | 'exchange_list'
  | 'rights_spreadsheet'
  | 'court_claim'
  | 'comrade_tip'
  | 'official_letter'
  | 'partner_export';

export type Status = 'dead' | 'missing' | 'captured';

export type BirthMode =
  | 'full'
  | 'age_year' // birth year computed from an age at death: often one too high
  | 'age_guess' // "лет 30": a comrade's guess
  | 'year'
  | 'month_year'
  | 'missing';

export interface NameNoise {
  patronymicMissing: number;
  initials: number;
  diminutive: number;
  colloquial: number;
  variant: number;
  declined: number;
  feminine: number;
  typo: number;
  secondTypo: number;
  keepYo: number;
  shortIAsI: number;
  latin: number;
  systems: Weighted<TranslitSystem>;
  upper: number;
  surnameUpper: number;
  lower: number;
  swap: number;
  oneField: number;
}

export interface SourceProfile {
  id: SourceId;
  prefix: string;
  /** How many records of this type there are, before the man's status is considered. */
  base: number;
  /** Which men this source speaks of: obituaries only of the dead, exchange lists of prisoners. */
  status: Readonly<Record<Status, number>>;
  names: NameNoise;
  birth: {
    modes: Weighted<BirthMode>;
    formats: Weighted<DateFormat>;
    yearWithSuffix: number;
    dayMonthSwap: number;
    digitSlip: number;
    wrong: number;
  };
  region: Weighted<RegionStyle | 'missing'>;
  unit: { styles: Weighted<UnitStyle | 'missing'>; numberFormats: Weighted<NumberFormat> };
}

const noLatin = weightedOf<TranslitSystem>({ icao: 1 });
const cyrillicNames = (n: Partial<NameNoise>): NameNoise => ({
  patronymicMissing: 0,
  initials: 0,
  diminutive: 0,
  colloquial: 0,
  variant: 0,
  declined: 0,
  feminine: 0,
  typo: 0,
  secondTypo: 0,
  keepYo: 0.3,
  shortIAsI: 0,
  latin: 0,
  systems: noLatin,
  upper: 0,
  surnameUpper: 0,
  lower: 0,
  swap: 0,
  oneField: 0,
  ...n,
});

export const SOURCES: readonly SourceProfile[] = [
  {
    id: 'family_request',
    prefix: 'FAM',
    base: 20,
    status: { missing: 1, captured: 0.9, dead: 0.3 },
    names: cyrillicNames({
      patronymicMissing: 0.06,
      diminutive: 0.07,
      variant: 0.05,
      declined: 0.03,
      feminine: 0.01,
      typo: 0.04,
      secondTypo: 0.1,
      keepYo: 0.5,
      shortIAsI: 0.01,
      upper: 0.02,
      surnameUpper: 0.03,
      lower: 0.02,
      swap: 0.015,
      oneField: 0.01,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.9, year: 0.04, month_year: 0.01, missing: 0.05 }),
      formats: weightedOf<DateFormat>({
        dmy_dots: 0.85,
        dmy_dots_unpadded: 0.08,
        dmy_dots_short_year: 0.04,
        iso: 0.03,
      }),
      yearWithSuffix: 0,
      dayMonthSwap: 0.01,
      digitSlip: 0.01,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({
      full: 0.28,
      short: 0.25,
      town: 0.2,
      town_region: 0.1,
      colloquial: 0.05,
      missing: 0.12,
    }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({
        number: 0.35,
        formation_full: 0.08,
        formation_abbr: 0.12,
        both: 0.08,
        subunit: 0.05,
        missing: 0.32,
      }),
      numberFormats: weightedOf<NumberFormat>({ vch: 0.6, full: 0.1, vch_compact: 0.1, vch_upper: 0.1, bare: 0.1 }),
    },
  },
  {
    id: 'obituary',
    prefix: 'OBIT',
    base: 40,
    status: { dead: 1, missing: 0.03, captured: 0 },
    names: cyrillicNames({
      patronymicMissing: 0.75,
      diminutive: 0.03,
      variant: 0.06,
      declined: 0.02,
      feminine: 0.005,
      typo: 0.03,
      secondTypo: 0.05,
      keepYo: 0.35,
      lower: 0.005,
      swap: 0.01,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.15, age_year: 0.55, year: 0.05, missing: 0.25 }),
      formats: weightedOf<DateFormat>({ dmy_dots: 0.9, dmy_dots_unpadded: 0.1 }),
      yearWithSuffix: 0.1,
      dayMonthSwap: 0,
      digitSlip: 0.005,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({
      town: 0.35,
      town_region: 0.12,
      short: 0.25,
      full: 0.08,
      colloquial: 0.08,
      missing: 0.12,
    }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({
        formation_full: 0.1,
        formation_abbr: 0.15,
        formation_short: 0.12,
        number: 0.04,
        missing: 0.59,
      }),
      numberFormats: weightedOf<NumberFormat>({ vch: 0.8, bare: 0.2 }),
    },
  },
  {
    id: 'exchange_list',
    prefix: 'EXCH',
    base: 45,
    status: { captured: 1, missing: 0.06, dead: 0 },
    names: cyrillicNames({
      patronymicMissing: 0.45,
      variant: 0.04,
      typo: 0.05,
      secondTypo: 0.1,
      keepYo: 0.2,
      latin: 0.8,
      systems: weightedOf<TranslitSystem>({
        icao: 0.3,
        mvd_old: 0.08,
        bgn: 0.12,
        gost_b: 0.04,
        english: 0.26,
        french: 0.02,
        ukrainian: 0.18,
      }),
      upper: 0.45,
      surnameUpper: 0.15,
      swap: 0.1,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.75, year: 0.1, missing: 0.15 }),
      formats: weightedOf<DateFormat>({
        dmy_dots: 0.55,
        iso: 0.15,
        dmy_slashes: 0.2,
        mdy_slashes: 0.05,
        dmy_dots_unpadded: 0.05,
      }),
      yearWithSuffix: 0,
      dayMonthSwap: 0.02,
      digitSlip: 0.02,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({ en: 0.3, full: 0.05, town: 0.15, missing: 0.5 }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({ number: 0.3, formation_en: 0.15, missing: 0.55 }),
      numberFormats: weightedOf<NumberFormat>({ en: 0.5, bare: 0.3, vch: 0.2 }),
    },
  },
  {
    id: 'rights_spreadsheet',
    prefix: 'TBL',
    base: 20,
    status: { missing: 1, captured: 1, dead: 0.5 },
    names: cyrillicNames({
      patronymicMissing: 0.25,
      initials: 0.04,
      diminutive: 0.02,
      variant: 0.06,
      declined: 0.02,
      feminine: 0.015,
      typo: 0.09,
      secondTypo: 0.15,
      keepYo: 0.25,
      shortIAsI: 0.02,
      upper: 0.04,
      surnameUpper: 0.06,
      lower: 0.03,
      swap: 0.03,
      oneField: 0.03,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.6, year: 0.15, month_year: 0.05, age_year: 0.05, missing: 0.15 }),
      formats: weightedOf<DateFormat>({
        dmy_dots: 0.5,
        iso: 0.2,
        dmy_dots_unpadded: 0.1,
        dmy_dots_short_year: 0.1,
        dmy_slashes: 0.07,
        excel_serial: 0.03,
      }),
      yearWithSuffix: 0.1,
      dayMonthSwap: 0.05,
      digitSlip: 0.03,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({
      short: 0.35,
      full: 0.12,
      town: 0.13,
      colloquial: 0.05,
      iso: 0.05,
      code: 0.05,
      missing: 0.25,
    }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({
        number: 0.33,
        formation_abbr: 0.18,
        formation_short: 0.05,
        both: 0.05,
        subunit: 0.04,
        missing: 0.35,
      }),
      numberFormats: weightedOf<NumberFormat>({ vch_dash: 0.25, bare: 0.3, vch: 0.3, vch_plain: 0.1, vch_dots: 0.05 }),
    },
  },
  {
    id: 'court_claim',
    prefix: 'COURT',
    base: 6,
    status: { missing: 1, dead: 0.4, captured: 0.05 },
    names: cyrillicNames({
      patronymicMissing: 0.01,
      variant: 0.01,
      declined: 0.1,
      typo: 0.01,
      keepYo: 0.4,
      surnameUpper: 0.05,
      swap: 0.005,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.97, missing: 0.03 }),
      formats: weightedOf<DateFormat>({ dmy_dots: 0.95, iso: 0.05 }),
      yearWithSuffix: 0,
      dayMonthSwap: 0.005,
      digitSlip: 0.005,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({ full: 0.55, town_region: 0.25, town: 0.15, missing: 0.05 }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({ number: 0.8, both: 0.05, missing: 0.15 }),
      numberFormats: weightedOf<NumberFormat>({ full: 0.7, vch: 0.3 }),
    },
  },
  {
    id: 'comrade_tip',
    prefix: 'TIP',
    base: 10,
    status: { missing: 1, dead: 0.7, captured: 0.6 },
    names: cyrillicNames({
      patronymicMissing: 0.93,
      diminutive: 0.18,
      colloquial: 0.12,
      variant: 0.08,
      declined: 0.05,
      typo: 0.1,
      secondTypo: 0.15,
      keepYo: 0.6,
      shortIAsI: 0.02,
      latin: 0.03,
      systems: weightedOf<TranslitSystem>({ english: 1 }),
      lower: 0.08,
      swap: 0.15,
      oneField: 0.04,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ missing: 0.85, age_guess: 0.12, full: 0.03 }),
      formats: weightedOf<DateFormat>({ dmy_dots: 0.7, dmy_dots_unpadded: 0.3 }),
      yearWithSuffix: 0,
      dayMonthSwap: 0.02,
      digitSlip: 0.03,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({ town: 0.2, short: 0.12, colloquial: 0.08, missing: 0.6 }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({
        nickname: 0.3,
        formation_short: 0.12,
        formation_abbr: 0.08,
        number: 0.1,
        subunit: 0.05,
        missing: 0.35,
      }),
      numberFormats: weightedOf<NumberFormat>({ bare: 0.6, vch: 0.3, vch_plain: 0.1 }),
    },
  },
  {
    id: 'official_letter',
    prefix: 'LTR',
    base: 10,
    status: { dead: 1, missing: 1, captured: 0.5 },
    names: cyrillicNames({
      patronymicMissing: 0.01,
      initials: 0.03,
      variant: 0.02,
      declined: 0.08,
      typo: 0.02,
      secondTypo: 0.05,
      keepYo: 0.1,
      upper: 0.05,
      surnameUpper: 0.35,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.92, year: 0.05, missing: 0.03 }),
      formats: weightedOf<DateFormat>({ dmy_dots: 1 }),
      yearWithSuffix: 0.5,
      dayMonthSwap: 0.005,
      digitSlip: 0.01,
      wrong: 0.06,
    },
    region: weightedOf<RegionStyle | 'missing'>({ full: 0.5, town: 0.3, short: 0.1, missing: 0.1 }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({ number: 0.8, formation_full: 0.05, missing: 0.15 }),
      numberFormats: weightedOf<NumberFormat>({ vch: 0.6, full: 0.4 }),
    },
  },
  {
    id: 'partner_export',
    prefix: 'ORG',
    base: 8,
    status: { dead: 1, missing: 1, captured: 1 },
    names: cyrillicNames({
      patronymicMissing: 0.2,
      variant: 0.03,
      feminine: 0.005,
      typo: 0.03,
      secondTypo: 0.05,
      keepYo: 0,
      shortIAsI: 0.01,
      latin: 0.05,
      systems: weightedOf<TranslitSystem>({ icao: 1 }),
      upper: 0.3,
      swap: 0.01,
    }),
    birth: {
      modes: weightedOf<BirthMode>({ full: 0.7, year: 0.15, missing: 0.15 }),
      formats: weightedOf<DateFormat>({ iso: 0.9, dmy_dots: 0.1 }),
      yearWithSuffix: 0,
      dayMonthSwap: 0.01,
      digitSlip: 0.01,
      wrong: 0,
    },
    region: weightedOf<RegionStyle | 'missing'>({ iso: 0.35, code: 0.15, en: 0.1, full: 0.3, missing: 0.1 }),
    unit: {
      styles: weightedOf<UnitStyle | 'missing'>({ number: 0.5, formation_abbr: 0.1, missing: 0.4 }),
      numberFormats: weightedOf<NumberFormat>({ bare: 1 }),
    },
  },
];

export const SOURCE_BY_ID: ReadonlyMap<SourceId, SourceProfile> = new Map(SOURCES.map((s) => [s.id, s]));

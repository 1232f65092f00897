// Who writes the records, and how: each source has its own habits (a mother writes a
// diminutive and "Башкирия", an official letter writes "ИВАНОВ" and "в/ч 12345", a rights
// group's spreadsheet writes passport Latin, ISO dates and English region names, a comrade's tip
// leaves out the patronymic and the birth date).
import type { TranslitSystem } from '../../../src/linkage/engine/normalize/index.ts';
import type { DateForm } from './dates-gen.ts';
import type { RegionForm } from './region-forms.ts';
import { Weighted } from './rng.ts';
import type { UnitForm } from './units-pool.ts';

export const SOURCES = ['family', 'tip', 'obituary_list', 'rights_group', 'official_letter'] as const;
export type Source = (typeof SOURCES)[number];

/** How often each source holds a record of a person (our estimate): obituary lists and rights
 * groups' spreadsheets are long, official letters few. Used to draw a person's distinct sources. */
export const SOURCE_WEIGHTS: Record<Source, number> = {
  obituary_list: 30,
  rights_group: 25,
  family: 20,
  tip: 15,
  official_letter: 10,
};

export interface Profile {
  latin: number;
  ukrainian: number;
  systems: Weighted<TranslitSystem>;
  informal: number;
  diminutive: number;
  missingPatronymic: number;
  initialPatronymic: number;
  initialGiven: number;
  yo: number;
  typo: number;
  upperSurname: number;
  upperAll: number;
  swapped: number;
  feminine: number;
  emptyGiven: number;
  dates: Weighted<DateForm>;
  dateError: number;
  regions: Weighted<RegionForm>;
  units: Weighted<UnitForm>;
}

const w = <T extends string>(o: Record<T, number>) => new Weighted(Object.keys(o) as T[], Object.values(o) as number[]);

const SYSTEMS = w<TranslitSystem>({
  icao9303: 30,
  informal: 25,
  bgnpcgn: 12,
  mvd1997: 12,
  gostr52535: 6,
  gost779b: 6,
  iso9: 4,
  ukraine2010: 5,
});

const base: Omit<Profile, 'dates' | 'regions' | 'units'> = {
  latin: 0,
  ukrainian: 0,
  systems: SYSTEMS,
  informal: 0.3,
  diminutive: 0,
  missingPatronymic: 0.03,
  initialPatronymic: 0,
  initialGiven: 0,
  yo: 0.15,
  typo: 0.04,
  upperSurname: 0,
  upperAll: 0,
  swapped: 0.01,
  feminine: 0.01,
  emptyGiven: 0,
  dateError: 0.03,
};

export const PROFILES: Record<Source, Profile> = {
  family: {
    ...base,
    diminutive: 0.1,
    yo: 0.25,
    typo: 0.05,
    upperAll: 0.02,
    swapped: 0.02,
    feminine: 0.03,
    dateError: 0.04,
    dates: w<DateForm>({
      date_dmy: 70,
      date_ru_words: 12,
      date_iso: 5,
      date_dmy_short_year: 3,
      date_month_only: 2,
      date_year_only: 3,
      date_year_gr: 0,
      empty_birth_date: 5,
    }),
    regions: w<RegionForm>({
      region_ru_full: 20,
      region_ru_short: 45,
      region_abbrev: 15,
      region_en: 0,
      region_iso: 0,
      region_number: 2,
      region_capital: 5,
      empty_region: 13,
    }),
    units: w<UnitForm>({ unit_number: 35, unit_formation: 25, unit_both: 10, unit_vague: 10, empty_unit: 20 }),
  },
  tip: {
    ...base,
    latin: 0.08,
    ukrainian: 0.08,
    diminutive: 0.25,
    missingPatronymic: 0.5,
    initialPatronymic: 0.1,
    typo: 0.1,
    swapped: 0.04,
    emptyGiven: 0.02,
    dateError: 0.06,
    dates: w<DateForm>({
      date_dmy: 15,
      date_ru_words: 3,
      date_iso: 2,
      date_dmy_short_year: 3,
      date_month_only: 5,
      date_year_only: 20,
      date_year_gr: 5,
      empty_birth_date: 47,
    }),
    regions: w<RegionForm>({
      region_ru_full: 5,
      region_ru_short: 35,
      region_abbrev: 10,
      region_en: 3,
      region_iso: 0,
      region_number: 2,
      region_capital: 5,
      empty_region: 40,
    }),
    units: w<UnitForm>({ unit_number: 10, unit_formation: 35, unit_both: 3, unit_vague: 20, empty_unit: 32 }),
  },
  obituary_list: {
    ...base,
    missingPatronymic: 0.2,
    upperSurname: 0.2,
    typo: 0.04,
    dateError: 0.03,
    dates: w<DateForm>({
      date_dmy: 45,
      date_ru_words: 5,
      date_iso: 3,
      date_dmy_short_year: 2,
      date_month_only: 5,
      date_year_only: 15,
      date_year_gr: 10,
      empty_birth_date: 15,
    }),
    regions: w<RegionForm>({
      region_ru_full: 40,
      region_ru_short: 37,
      region_abbrev: 5,
      region_en: 0,
      region_iso: 0,
      region_number: 0,
      region_capital: 3,
      empty_region: 15,
    }),
    units: w<UnitForm>({ unit_number: 5, unit_formation: 55, unit_both: 5, unit_vague: 5, empty_unit: 30 }),
  },
  rights_group: {
    ...base,
    latin: 0.6,
    ukrainian: 0.18,
    informal: 0.25,
    missingPatronymic: 0.15,
    initialPatronymic: 0.05,
    typo: 0.04,
    upperAll: 0.1,
    swapped: 0.08,
    yo: 0.1,
    dateError: 0.04,
    dates: w<DateForm>({
      date_dmy: 20,
      date_ru_words: 0,
      date_iso: 55,
      date_dmy_short_year: 0,
      date_month_only: 8,
      date_year_only: 7,
      date_year_gr: 0,
      empty_birth_date: 10,
    }),
    regions: w<RegionForm>({
      region_ru_full: 10,
      region_ru_short: 10,
      region_abbrev: 5,
      region_en: 45,
      region_iso: 18,
      region_number: 2,
      region_capital: 0,
      empty_region: 10,
    }),
    units: w<UnitForm>({ unit_number: 30, unit_formation: 35, unit_both: 10, unit_vague: 5, empty_unit: 20 }),
  },
  official_letter: {
    ...base,
    missingPatronymic: 0.01,
    initialPatronymic: 0.12,
    initialGiven: 0.1,
    upperSurname: 0.5,
    upperAll: 0.15,
    yo: 0.05,
    typo: 0.01,
    swapped: 0,
    feminine: 0,
    dateError: 0.01,
    dates: w<DateForm>({
      date_dmy: 90,
      date_ru_words: 3,
      date_iso: 2,
      date_dmy_short_year: 0,
      date_month_only: 0,
      date_year_only: 2,
      date_year_gr: 0,
      empty_birth_date: 3,
    }),
    regions: w<RegionForm>({
      region_ru_full: 75,
      region_ru_short: 10,
      region_abbrev: 5,
      region_en: 0,
      region_iso: 0,
      region_number: 5,
      region_capital: 0,
      empty_region: 5,
    }),
    units: w<UnitForm>({ unit_number: 80, unit_formation: 5, unit_both: 10, unit_vague: 0, empty_unit: 5 }),
  },
};

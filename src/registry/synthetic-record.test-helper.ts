import { parsePartialDate } from '../people/partial-date.ts';
import type { SyntheticRecord } from './synthetic-records.service.ts';

/** A published death in Tyva, 03.2024, with only what a test names changed. */
export const syntheticRecord = (
  fields: Partial<SyntheticRecord> & Pick<SyntheticRecord, 'surname'>,
): SyntheticRecord => ({
  given_name: 'Тест',
  patronymic: null,
  birth_year: 1990,
  region_code: 'RU-TY',
  unit_number: null,
  unit_name: null,
  rank: null,
  category: 'mobilised',
  status: 'dead',
  date: parsePartialDate('03.2024'),
  place: null,
  basis: 'official',
  sources: [],
  ...fields,
});

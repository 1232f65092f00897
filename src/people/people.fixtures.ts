import type { IncomingPerson } from './person-records.service.ts';

/** A man as a list gives him: the fields named, all else unknown (the blank fields the tests wrote out each time). */
export const listedPerson = (
  known: Pick<IncomingPerson, 'surname' | 'given_name'> & Partial<IncomingPerson>,
): IncomingPerson => ({
  patronymic: null,
  birth_date: null,
  birth_precision: null,
  region_code: null,
  unit_number: null,
  unit_name: null,
  rank: null,
  service_category: 'unknown',
  colony: null,
  mobilisation_wave: null,
  status: null,
  ...known,
});

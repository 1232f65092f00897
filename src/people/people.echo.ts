import type { EchoForm } from '../web/form-echo.ts';
import { isRegionCode, regionName } from './regions.ts';

/** The person part of a case form, as the session-ended page names it (web/form-echo.ts). */
export const PERSON_ECHO: EchoForm = {
  surname: { label: 'people.surname' },
  given_name: { label: 'people.givenName' },
  patronymic: { label: 'people.patronymic' },
  birth_date: { label: 'people.birthDate' },
  region: {
    label: 'people.region',
    choice: (code, req) => (isRegionCode(code) ? regionName(code, req.lang) : undefined),
  },
  unit_number: { label: 'people.unitNumber' },
  unit_name: { label: 'people.unitName' },
  rank: { label: 'people.rank' },
  service_category: { label: 'people.serviceCategory', choice: 'people.categories' },
};

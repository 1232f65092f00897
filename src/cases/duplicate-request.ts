import type { Db } from '../db/database.ts';
import { optionalKey, searchKey } from '../people/names.ts';
import { fullName, getPersons } from '../people/people.service.ts';
import type { PersonInput } from '../people/people.schema.ts';
import type { AuthContext } from '../policy/principal.ts';
import { isActive } from './case-lifecycle.ts';
import { listCasesOfRequester } from './cases.repository.ts';

// A family filing a second request about the person of one of its open requests (issue 9) is
// told so, with a link to the first: what is new belongs there, where the caseworker already
// reads. It is a warning, not a refusal: two brothers can share a name and a birth year, a
// partial date fits several people, and a family may want a second organisation to help. The
// form then asks once more, and goes through on the second sending (cases.routes.tsx).

export interface EarlierRequest {
  caseId: string;
  name: string;
  openedOn: string;
}

/** Same day, month or year as far as both are known ("1990" fits "1990-05-12"); unknown fits anything. */
const datesFit = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a.startsWith(b) || b.startsWith(a);

/** Same name once spelling noise is gone (case, ё/е, spaces); a missing patronymic fits any. */
const namesFit = (a: { surname: string; given_name: string; patronymic?: string | null }, b: typeof a): boolean =>
  searchKey(a.surname) === searchKey(b.surname) &&
  searchKey(a.given_name) === searchKey(b.given_name) &&
  (!a.patronymic || !b.patronymic || optionalKey(a.patronymic) === optionalKey(b.patronymic));

/** The family's active request about this same person (open, or waiting on her reply), if there is one. */
export const earlierRequestAbout = async (
  db: Db,
  auth: AuthContext,
  person: PersonInput,
): Promise<EarlierRequest | null> => {
  const open = (await listCasesOfRequester(db, auth.userId)).filter((c) => isActive(c.state));
  const persons = await getPersons(
    db,
    open.map((c) => c.person_id),
  );
  for (const c of open) {
    const p = persons.get(c.person_id);
    if (p && namesFit(p, person) && datesFit(p.birth_date, person.birth_date?.value ?? null))
      return { caseId: c.id, name: fullName(p), openedOn: c.opened_on };
  }
  return null;
};

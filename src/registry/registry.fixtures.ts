import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { principalOf, type AuthContext } from '../policy/principal.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { caseInput } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import type { OpenCaseInput } from '../cases/cases.schema.ts';
import { addEvent } from '../cases/events.service.ts';
import { announce, authoriseCasePublication, publish } from './publication.service.ts';

// Test-only: a record published from a real case through the real services — a family opens the
// case, a verifier confirms a death from an official notice, records that the family asked for
// publication, and publishes.

export const PUBLISHED_SURNAME = 'Опубликованный';

/** A verifier confirms the person's death in the case, from an official notice: what publication needs. */
export const confirmDeath = async (deps: { db: Db; clock: Clock }, verifier: AuthContext, caseId: string) =>
  addEvent(
    deps,
    await authoriseCase(deps.db, principalOf(verifier), caseId, 'add_event'),
    {
      kind: 'death_confirmed',
      date: parsePartialDate('2026-01-20') ?? undefined,
      source: 'official',
      place: 'Бахмут',
      description: undefined,
      verification: 'confirmed',
    },
    { reason: 'Извещение военкомата' },
  );

export const publishedFromCase = async (
  deps: { db: Db; clock: Clock },
  people: { organisationId: string; family: AuthContext; verifier: AuthContext },
  surname = PUBLISHED_SURNAME,
  /** what else the family typed in its request (the unit, the rank…) */
  over: Partial<OpenCaseInput> = {},
): Promise<{ caseId: string; recordId: string }> => {
  const { caseId } = await openCase(deps, people.family, caseInput(people.organisationId, { surname, ...over }));
  const verifier = principalOf(people.verifier);
  await confirmDeath(deps, people.verifier, caseId);
  const rdeps = { ...deps, config: { registryNoticeDays: 7, timeZone: 'Europe/Moscow' } };
  const waive = await authoriseCasePublication(deps.db, verifier, caseId, 'waive_notice');
  const recordId = await announce(rdeps, waive.grant, waive.ref, 'family_asked');
  const pub = await authoriseCasePublication(deps.db, verifier, caseId, 'publish');
  await publish(rdeps, pub.grant, pub.ref, {
    sources: [{ title: 'Извещение военного комиссариата', date: parsePartialDate('02.2026'), url: null }],
  });
  return { caseId, recordId };
};

/** publishedFromCase for a test world's family and verifier: the record every registry route test starts from. */
export const publishedForWorld = async (
  deps: { db: Db; clock: Clock },
  w: { orgA: { id: string }; family: { auth: AuthContext }; verifier: { auth: AuthContext } },
): Promise<string> =>
  (await publishedFromCase(deps, { organisationId: w.orgA.id, family: w.family.auth, verifier: w.verifier.auth }))
    .recordId;

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { caseInput, grantFor, officialDeathOn, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { judgedStatusesOf, readTimeline } from './case-timeline.service.ts';
import { discrepancyKey, judgeDiscrepancies } from './discrepancies.ts';
import { resolveDiscrepancy } from './verification.service.ts';
import { editCase } from './case-edit.service.ts';
import { writeMark } from '../matching/matching.repository.ts';
import { runMatching } from '../matching/scoring.service.ts';
import { systemPrincipal } from '../policy/principal.ts';

// The status stored on a case's person record is what staff search filters on («Статус»). It was
// derived from the events alone, without the person's date of birth or the verifiers' verdicts on
// discrepancies, so it could say «погиб» while the case page said the death reports contradict
// each other, and still say so after a verifier had settled it.

describe.each(DIALECTS)('the status staff search filters on (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const stored = async (caseId: string) =>
    (
      await s.t.opened.db
        .selectFrom('cases')
        .innerJoin('persons', 'persons.id', 'cases.person_id')
        .select('persons.status')
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).status;
  /** A case whose official letter dates the death (03.1997) before the birth (12.05.1998). */
  const deathBeforeBirth = async (surname: string): Promise<string> => {
    const { caseId } = await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname, last_contact_date: undefined }),
    );
    await officialDeathOn(s.t, s.w.verifier, caseId, '03.1997');
    return caseId;
  };
  const judged = async (caseId: string) => (await judgedStatusesOf(s.t.opened.db, [caseId])).get(caseId)?.status;

  it('is the case page’s status: a death dated before the birth is disputed, then as settled', async () => {
    // An official letter dates the death before he was born (12.05.1998).
    const caseId = await deathBeforeBirth('Статусов');
    expect(await judged(caseId)).toBe('disputed_death');
    expect(await stored(caseId)).toBe(await judged(caseId));

    const { events, context } = await readTimeline(s.t.opened.db, caseId);
    const {
      open: [open, ...more],
    } = judgeDiscrepancies(events, context, context.resolutions);
    expect(more).toEqual([]);
    await resolveDiscrepancy(deps(), await grantFor(s.t, s.w.verifier, caseId, 'resolve'), {
      key: discrepancyKey(open),
      setAsideEventId: null,
      reason: 'Год в извещении — опечатка, гибель подтверждена другим документом',
    });
    expect(await judged(caseId)).not.toBe('disputed_death');
    expect(await stored(caseId)).toBe(await judged(caseId));

    const search = await s.t.app.inject({
      method: 'GET',
      url: `/staff/people?q=${encodeURIComponent('Статусов')}&status=${await judged(caseId)}`,
      cookies: s.w.caseworker.cookies,
    });
    expect(search.body).toContain('Статусов');
  });

  it('follows a corrected date of birth', async () => {
    const caseId = await deathBeforeBirth('Исправленный');
    expect(await stored(caseId)).toBe('disputed_death');
    // The family typed the wrong year of birth: corrected, the death no longer comes before it.
    const input = {
      ...caseInput(s.w.orgA.id),
      surname: 'Исправленный',
      birth_date: parsePartialDate('12.05.1968') ?? undefined,
    };
    await editCase(deps(), await grantFor(s.t, s.w.family, caseId, 'edit'), input, ['*'], undefined);
    expect(await judged(caseId)).toBe('dead');
    expect(await stored(caseId)).toBe('dead');
  });

  it('is judged again by the matching job for a record stored under the old rules', async () => {
    const caseId = await deathBeforeBirth('Старозаписанный');
    // As an upgraded server holds it: the status of the events alone, keys of the version before.
    const { person_id } = await s.t.opened.db
      .selectFrom('cases')
      .select('person_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await s.t.opened.db
      .updateTable('persons')
      .set({ status: 'dead', keys_version: 1 })
      .where('id', '=', person_id)
      .execute();
    await writeMark(s.t.opened.db, 'keys_version', 1);
    await runMatching(deps(), systemPrincipal('scheduler'));
    expect(await stored(caseId)).toBe('disputed_death');
  });
});

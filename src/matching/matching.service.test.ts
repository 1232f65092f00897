import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { addEvent, verifyEvent } from '../cases/events.service.ts';
import { takeNews } from '../cases/case-news.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { listedPerson } from '../people/people.fixtures.ts';
import { getRecord } from '../people/person-records.service.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { NotFound } from '../shared/errors.ts';
import { forgetIndexes } from './index-registry.ts';
import { matchingJob } from './matching.job.ts';
import { linksOfCase } from './records.service.ts';
import { authoriseDecision, candidateView, decide, reviewQueue, undoMerge } from './review.service.ts';
import { runMatching, scoreIncomingRecord } from './scoring.service.ts';

// Matching end to end below the web: cases are scored against their organisation's records by
// the job, candidates are decided, merges tell families and can be undone, nothing crosses
// organisations, and a tip's record is scored at once.

describe.each(DIALECTS)('matching (%s)', (dialect) => {
  const s = useWorld(dialect);
  beforeEach(() => forgetIndexes());
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const run = () => runMatching(deps(), systemPrincipal('scheduler'));
  const staff = () => principalOf(s.w.caseworker.auth);
  const personOf = async (caseId: string) =>
    (await s.t.opened.db.selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow())
      .person_id;

  it('finds the same soldier spelled in Latin in another request of the organisation, never in another organisation', async () => {
    await run();
    const latin = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, {
        surname: 'Ivanov',
        given_name: 'Petya',
        patronymic: 'Sergeevich',
        unit_number: '12345',
        narrative: 'брат',
      }),
    );
    const elsewhere = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgB.id, { narrative: 'в другой организации' }),
    );
    const report = await run();
    expect(report.scored).toBeGreaterThanOrEqual(2);
    const page = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    const pair = page.rows.find((r) => [r.left.caseId, r.right.caseId].includes(latin.caseId));
    expect(pair).toBeDefined();
    expect([pair!.left.caseId, pair!.right.caseId]).toContain(s.w.caseId);
    expect(pair!.probability).toBeGreaterThan(0.5);
    // Organisation B's case is in nobody's queue of organisation A, and B sees no pair of A's.
    expect(page.rows.some((r) => [r.left.caseId, r.right.caseId].includes(elsewhere.caseId))).toBe(false);
    const pageB = await reviewQueue(
      deps(),
      grantMatching(principalOf(s.w.otherOrgCaseworker.auth), 'review'),
      'pending',
    );
    expect(pageB.rows).toEqual([]);
    await expect(
      authoriseDecision(s.t.opened.db, principalOf(s.w.otherOrgCaseworker.auth), pair!.id, 'same'),
    ).rejects.toBeInstanceOf(NotFound);
    const view = await candidateView(deps(), grantMatching(staff(), 'review'), pair!.id);
    expect(view.explain.map((e) => e.field)).toEqual(expect.arrayContaining(['surname', 'given_name', 'birth_date']));
    // The platform's records name no source list: that comparison is not shown.
    expect(view.explain.map((e) => e.field)).not.toContain('source');
  });

  it('merges on "same", tells the family of verified facts from the other record, and undoes', async () => {
    const page = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    const pair = page.rows[0];
    const otherCase = pair.left.caseId === s.w.caseId ? pair.right.caseId! : pair.left.caseId!;
    // The other request has a confirmed fact the first family does not know yet.
    const { eventId } = await addEvent(
      deps(),
      await grantFor(s.t, s.w.verifier, otherCase, 'add_event'),
      {
        kind: 'captured',
        date: parsePartialDate('02.2026') ?? undefined,
        source: 'official',
        place: undefined,
        description: 'в плену',
        verification: 'confirmed',
      },
      // A capture at "confirmed" sets the status: family phase B asks why (the confirmation page).
      { reason: 'Список обмена пленными' },
    );
    await takeNews(s.t.opened.db, s.w.caseId, 'family');
    const grant = await authoriseDecision(s.t.opened.db, staff(), pair.id, 'same');
    const { mergeId, told } = await decide(deps(), grant, pair.id, 'same');
    expect(mergeId).not.toBeNull();
    expect(told).toBe(1);
    const news = await takeNews(s.t.opened.db, s.w.caseId, 'family');
    expect(news.items).toEqual([expect.objectContaining({ kind: 'match', refId: eventId })]);
    const mine = await getRecord(s.t.opened.db, await personOf(s.w.caseId));
    const theirs = await getRecord(s.t.opened.db, await personOf(otherCase));
    expect(mine!.cluster_id ?? mine!.id).toBe(theirs!.cluster_id ?? theirs!.id);
    // The family's page shows the fact (no description, no other family); staff see the record.
    const familyLinks = await linksOfCase(s.t.opened.db, await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(familyLinks?.records).toEqual([]);
    expect(familyLinks?.facts.map((f) => f.kind)).toEqual(['captured']);
    const staffLinks = await linksOfCase(s.t.opened.db, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'));
    expect(staffLinks?.records.map((r) => r.caseId)).toEqual([otherCase]);

    await undoMerge(deps(), grantMatching(staff(), 'undo'), mergeId!);
    const after = await getRecord(s.t.opened.db, await personOf(otherCase));
    const mineAfter = await getRecord(s.t.opened.db, await personOf(s.w.caseId));
    expect(after!.cluster_id ?? after!.id).not.toBe(mineAfter!.cluster_id ?? mineAfter!.id);
    const again = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    expect(again.rows.map((r) => r.id)).toContain(pair.id);
    // A fact verified later in a merged cluster reaches the family through the job's sweep.
    await decide(deps(), await authoriseDecision(s.t.opened.db, staff(), pair.id, 'same'), pair.id, 'same');
    const reported = await addEvent(deps(), await grantFor(s.t, s.w.caseworker, otherCase, 'add_event'), {
      kind: 'wounded',
      date: parsePartialDate('01.2026') ?? undefined,
      source: 'witness',
      place: undefined,
      description: undefined,
      verification: undefined,
    });
    await takeNews(s.t.opened.db, s.w.caseId, 'family');
    await verifyEvent(deps(), await grantFor(s.t, s.w.verifier, otherCase, 'verify'), reported.eventId, 'confirmed');
    s.t.clock.advance(60_000);
    await matchingJob(deps()).run({ now: s.t.clock.now(), principal: systemPrincipal('scheduler') });
    const later = await takeNews(s.t.opened.db, s.w.caseId, 'family');
    expect(later.items).toEqual([expect.objectContaining({ kind: 'match', refId: reported.eventId })]);
  });

  it('remembers "different": the pair is never suggested again, and a verifier decides the unsure', async () => {
    const a = await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, {
        surname: 'Сидоренко',
        given_name: 'Олег',
        unit_number: '',
        birth_date: parsePartialDate('1990') ?? undefined,
        patronymic: undefined,
      }),
    );
    const b = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, {
        surname: 'Sidorenko',
        given_name: 'Oleg',
        unit_number: '',
        birth_date: parsePartialDate('1990') ?? undefined,
        patronymic: undefined,
      }),
    );
    await run();
    const page = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    const pair = page.rows.find(
      (r) => [r.left.caseId, r.right.caseId].includes(a.caseId) && [r.left.caseId, r.right.caseId].includes(b.caseId),
    );
    expect(pair).toBeDefined();
    await decide(deps(), await authoriseDecision(s.t.opened.db, staff(), pair!.id, 'unsure'), pair!.id, 'unsure');
    // A caseworker may not decide an unsure pair; a verifier may.
    await expect(authoriseDecision(s.t.opened.db, staff(), pair!.id, 'different')).rejects.toBeInstanceOf(NotFound);
    const verifier = principalOf(s.w.verifier.auth);
    await decide(
      deps(),
      await authoriseDecision(s.t.opened.db, verifier, pair!.id, 'different'),
      pair!.id,
      'different',
    );
    // Correct one record: it is scored again, and the decided pair is not suggested again.
    await s.t.opened.db
      .updateTable('persons')
      .set({ linkage_seq: null })
      .where('id', '=', await personOf(a.caseId))
      .execute();
    await run();
    const after = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    expect(after.rows.some((r) => r.id === pair!.id)).toBe(false);
    const decided = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'decided');
    expect(decided.rows.find((r) => r.id === pair!.id)?.state).toBe('different');
  });

  it('scores a tip at once and queues its candidates (scoreIncomingRecord)', async () => {
    const result = await s.t.opened.db.transaction().execute((tx) =>
      scoreIncomingRecord(
        tx,
        s.w.orgA.id,
        listedPerson({
          surname: 'Иванова',
          given_name: 'Петр',
          patronymic: 'Сергеевич',
          birth_date: '1998-05-12',
          birth_precision: 'day',
          region_code: 'RU-ROS',
        }),
        { kind: 'tip', at: s.t.clock.now().toISOString() },
      ),
    );
    expect(result.candidates.length).toBeGreaterThan(0);
    // The best record of each cluster: the family's request or the one merged with it.
    expect(result.candidates.some((c) => c.caseId !== null)).toBe(true);
    const record = await getRecord(s.t.opened.db, result.personId);
    expect(record?.origin).toBe('tip');
    expect(record?.organisation_id).toBe(s.w.orgA.id);
  });
});

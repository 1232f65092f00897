import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';
import {
  authoriseTipMatch,
  decideTipMatch,
  forgetTipMatches,
  openTipMatchCount,
  scoreTipPrivately,
  tipMatchQueue,
  tipMatchView,
} from './tip-matches.service.ts';

// A tip is scored against its organisation's known records without its person ever stored in
// clear: no person record, no search key; the queue's row is sealed to the organisation and only
// its staff open it. Decisions are per known record, audited; purging the tip deletes the row.

describe.each(DIALECTS)('tips scored against known records (%s)', (dialect) => {
  const s = useWorld(dialect);
  beforeEach(() => forgetIndexes());
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const staff = () => principalOf(s.w.caseworker.auth);
  const persons = async () =>
    Number(
      (
        await s.t.opened.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const TIP = '00000000-0000-4000-8000-00000000a11c';
  const person = {
    surname: 'Ivanov',
    given_name: 'Petya',
    patronymic: 'Sergeevich',
    birth_date: parsePartialDate('12.05.1998')!,
    region: 'Ростовская область',
    unit_number: '12345',
  };

  it('puts a tip about a known soldier in the queue, sealed, for its organisation only', async () => {
    await runMatching(deps(), systemPrincipal('scheduler'));
    const before = await persons();
    const out = await scoreTipPrivately(deps(), { tipId: TIP, organisationId: s.w.orgA.id, person });
    // The case of Иванов Пётр, and the one of Петров Пётр with the same birth date and unit.
    expect(out.candidates).toBe(2);
    // Nothing about the tip's person in clear: no record, and the row names no one.
    expect(await persons()).toBe(before);
    const row = await s.t.opened.db
      .selectFrom('tip_matches')
      .selectAll()
      .where('tip_id', '=', TIP)
      .executeTakeFirstOrThrow();
    const clear = JSON.stringify(row);
    for (const word of ['Ivanov', 'Petya', 'Иванов', '1998', 'RU-ROS', '12345', s.w.caseId])
      expect(clear).not.toContain(word);
    const personId = (
      await s.t.opened.db.selectFrom('cases').select('person_id').where('id', '=', s.w.caseId).executeTakeFirstOrThrow()
    ).person_id;
    expect(clear).not.toContain(personId);

    // The organisation's staff open it: the tip beside the known record, each field's part.
    const review = grantMatching(staff(), 'review');
    expect(await openTipMatchCount(deps(), review)).toBe(1);
    const [summary] = await tipMatchQueue(deps(), review);
    expect(summary).toMatchObject({ tipId: TIP, name: 'Ivanov Petya Sergeevich', open: 2 });
    expect(summary.best).toBeGreaterThan(0.5);
    const view = await tipMatchView(deps(), await authoriseTipMatch(s.t.opened.db, staff(), row.id, 'review'), row.id);
    expect(view.candidates.map((c) => c.card.caseId).sort()).toEqual([s.w.caseId, s.w.otherCaseId].sort());
    // Best first: the same surname in another script outweighs a different one.
    const [ivanov, petrov] = view.candidates;
    expect(ivanov.card.caseId).toBe(s.w.caseId);
    expect(ivanov.probability).toBeGreaterThanOrEqual(petrov.probability);
    expect(ivanov.explain.map((c) => c.field)).toEqual(expect.arrayContaining(['surname', 'birth_date']));

    // Another organisation's staff learn nothing: not in their queue, and NotFound on the row.
    const other = principalOf(s.w.otherOrgCaseworker.auth);
    expect(await tipMatchQueue(deps(), grantMatching(other, 'review'))).toEqual([]);
    await expect(authoriseTipMatch(s.t.opened.db, other, row.id, 'review')).rejects.toBeInstanceOf(NotFound);
    // Nor does organisation B's index hold anything for it: a tip to B resembles nobody of A.
    const toB = await scoreTipPrivately(deps(), { tipId: `${TIP.slice(0, -1)}b`, organisationId: s.w.orgB.id, person });
    expect(toB.candidates).toBe(0);

    // "Unsure" by a caseworker leaves it to a verifier; a caseworker cannot decide it then.
    await decideTipMatch(
      deps(),
      await authoriseTipMatch(s.t.opened.db, staff(), row.id, 'decide'),
      row.id,
      ivanov.personId,
      'unsure',
    );
    await expect(
      decideTipMatch(
        deps(),
        await authoriseTipMatch(s.t.opened.db, staff(), row.id, 'decide'),
        row.id,
        ivanov.personId,
        'same',
      ),
    ).rejects.toBeInstanceOf(NotFound);
    const verifier = principalOf(s.w.verifier.auth);
    await decideTipMatch(
      deps(),
      await authoriseTipMatch(s.t.opened.db, verifier, row.id, 'decide_unsure'),
      row.id,
      ivanov.personId,
      'same',
    );
    await expect(
      decideTipMatch(
        deps(),
        await authoriseTipMatch(s.t.opened.db, verifier, row.id, 'decide_unsure'),
        row.id,
        ivanov.personId,
        'different',
      ),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await openTipMatchCount(deps(), review)).toBe(1);
    await decideTipMatch(
      deps(),
      await authoriseTipMatch(s.t.opened.db, staff(), row.id, 'decide'),
      row.id,
      petrov.personId,
      'different',
    );
    expect(await openTipMatchCount(deps(), review)).toBe(0);
    const after = await tipMatchView(deps(), review, row.id);
    expect(after).toMatchObject({ state: 'closed' });
    expect(after.candidates.map((c) => c.decision)).toEqual(['same', 'different']);
    const audit = await s.t.opened.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'match.tip_decided')
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('Ivanov');

    // Purging the tip deletes what matching kept about it.
    await s.t.opened.db.transaction().execute((tx) => forgetTipMatches(tx, TIP));
    expect(await s.t.opened.db.selectFrom('tip_matches').select('id').where('tip_id', '=', TIP).execute()).toEqual([]);
  });

  it('keeps nothing for a tip that names nobody or resembles no one', async () => {
    await runMatching(deps(), systemPrincipal('scheduler'));
    const TIP = '00000000-0000-4000-8000-00000000b22d';
    expect(
      (await scoreTipPrivately(deps(), { tipId: TIP, organisationId: s.w.orgA.id, person: { region: 'RU-ROS' } }))
        .candidates,
    ).toBe(0);
    expect(
      (
        await scoreTipPrivately(deps(), {
          tipId: TIP,
          organisationId: s.w.orgA.id,
          person: { surname: 'Сидоренко', given_name: 'Аркадий', birth_date: parsePartialDate('1970')! },
        })
      ).candidates,
    ).toBe(0);
    expect(await s.t.opened.db.selectFrom('tip_matches').select('id').where('tip_id', '=', TIP).execute()).toEqual([]);
  });
});

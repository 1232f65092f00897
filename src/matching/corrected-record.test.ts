// A family corrects her request after it was matched: the record goes back to pending
// (linkage_seq null) and is scored again. What was decided or queued about it must follow:
// - a "same" decision made before the correction is learned once the record is indexed again
//   (it was once marked learned unused: an index built after a restart lacks the pending record);
// - a pending pair the corrected record no longer finds takes the score and explanation the
//   records now have (it once kept the old score above 0.9, on fields they no longer share), and
//   below the review threshold leaves the queue (withdrawn) until a correction makes them alike.
import { describe, expect, it } from 'vitest';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { editCase } from '../cases/case-edit.service.ts';
import { openCase } from '../cases/cases.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { findModel } from './matching.repository.ts';
import { authoriseDecision, candidateView, decide, reviewQueue } from './review.service.ts';
import { runMatching } from './scoring.service.ts';

describe('a record corrected after it was matched (sqlite)', () => {
  const s = useWorld('sqlite');
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const staff = () => principalOf(s.w.caseworker.auth);

  /** A family's request that the job pairs with the world's Ivanov Pyotr, and that pair. */
  const pendingPair = async () => {
    forgetIndexes();
    await runMatching(deps(), systemPrincipal('scheduler'));
    const other = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
    );
    await runMatching(deps(), systemPrincipal('scheduler'));
    const queue = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    const pair = queue.rows.find((r) => [r.left.caseId, r.right.caseId].includes(other.caseId));
    expect(pair).toBeDefined();
    return { other, pair: pair! };
  };

  const correct = async (caseId: string, fields: Parameters<typeof caseInput>[1]) =>
    editCase(deps(), await grantFor(s.t, s.w.otherFamily, caseId, 'edit'), caseInput(s.w.orgA.id, fields));

  it('learns a decision made before the correction once the record is indexed again', async () => {
    const { other, pair } = await pendingPair();
    await decide(deps(), await authoriseDecision(s.t.opened.db, staff(), pair.id, 'same'), pair.id, 'same');
    await correct(other.caseId, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат', unit_name: '155 омбр' });
    // The job process restarts, then runs.
    forgetIndexes();
    const report = await runMatching(deps(), systemPrincipal('scheduler'));
    const after = await runMatching(deps(), systemPrincipal('scheduler'));
    expect(report.labels + after.labels).toBe(1);
    expect((await findModel(s.t.opened.db, s.w.orgA.id))!.labels).toBe(1);
  });

  it('rescores a pending pair the corrected record no longer resembles', async () => {
    const { other, pair } = await pendingPair();
    expect(pair.probability).toBeGreaterThan(0.9);
    // Another man altogether: name, patronymic, birth date, region, unit.
    await correct(other.caseId, {
      surname: 'Сидоров',
      given_name: 'Аркадий',
      patronymic: 'Львович',
      birth_date: parsePartialDate('03.11.1971') ?? undefined,
      region: 'RU-DA',
      unit_number: 'в/ч 99999',
      unit_name: '',
      narrative: 'брат',
    });
    expect((await runMatching(deps(), systemPrincipal('scheduler'))).scored).toBe(1);
    const view = await candidateView(deps(), grantMatching(staff(), 'review'), pair.id);
    expect(view.probability).toBeLessThan(0.5);
    // Withdrawn from the queue: nobody is asked about two men who no longer look alike.
    expect(view.state).toBe('withdrawn');
    const queue = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    expect(queue.rows.map((r) => r.id)).not.toContain(pair.id);
    await expect(
      decide(deps(), await authoriseDecision(s.t.opened.db, staff(), pair.id, 'same'), pair.id, 'same'),
    ).rejects.toMatchObject({ key: 'matching.errors.withdrawn' });
    // Corrected back: the pair is found again and returns to the queue with its score.
    await correct(other.caseId, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' });
    await runMatching(deps(), systemPrincipal('scheduler'));
    const back = await candidateView(deps(), grantMatching(staff(), 'review'), pair.id);
    expect(back.state).toBe('pending');
    expect(back.probability).toBeGreaterThan(0.9);
  });
});

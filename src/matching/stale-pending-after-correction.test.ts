import { describe, expect, it } from 'vitest';
import { caseInput, grantFor, useWorld } from '../../src/cases/cases.fixtures.ts';
import { editCase } from '../../src/cases/case-edit.service.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';
import { forgetIndexes } from '../../src/matching/index-registry.ts';
import { candidateView, reviewQueue } from '../../src/matching/review.service.ts';
import { runMatching } from '../../src/matching/scoring.service.ts';
import { grantMatching } from '../../src/policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../../src/policy/principal.ts';

// docs/matching.md: "A corrected record goes back to pending and is added again; only its latest
// entry counts", and scoreBatch: "a pending one takes the newer score (a record was corrected)".
// But a pending pair is rescored only when the corrected record still resembles the other at or
// above the review threshold (and not cannot-link): a correction that makes the two records
// plainly different leaves the pair in the queue with the probability and the per-field
// explanation of the record as it was before the correction.

describe('a pending pair whose record is corrected so that it no longer resembles the other (sqlite)', () => {
  const s = useWorld('sqlite');
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const staff = () => principalOf(s.w.caseworker.auth);

  it('does not keep its old score and explanation in the queue', async () => {
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
    expect(pair!.probability).toBeGreaterThan(0.9);
    // The family corrects her request: another man altogether (name, patronymic, birth date).
    const grant = await grantFor(s.t, s.w.otherFamily, other.caseId, 'edit');
    await editCase(
      deps(),
      grant,
      caseInput(s.w.orgA.id, {
        surname: 'Сидоров',
        given_name: 'Аркадий',
        patronymic: 'Львович',
        birth_date: parsePartialDate('03.11.1971') ?? undefined,
        region: 'RU-DA',
        unit_number: 'в/ч 99999',
        unit_name: '',
        narrative: 'брат',
      }),
    );
    expect((await runMatching(deps(), systemPrincipal('scheduler'))).scored).toBe(1);
    const view = await candidateView(deps(), grantMatching(staff(), 'review'), pair!.id);
    // Before the fix: still pending at the pre-correction probability (> 0.9), explained by an exact
    // surname and birth date the records no longer share.
    expect(view.state === 'pending' && view.probability >= 0.5).toBe(false);
  });
});

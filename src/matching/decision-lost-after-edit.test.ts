import { describe, expect, it } from 'vitest';
import { caseInput, grantFor, useWorld } from '../../src/cases/cases.fixtures.ts';
import { editCase } from '../../src/cases/case-edit.service.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { findModel } from '../../src/matching/matching.repository.ts';
import { forgetIndexes } from '../../src/matching/index-registry.ts';
import { authoriseDecision, decide, reviewQueue } from '../../src/matching/review.service.ts';
import { runMatching } from '../../src/matching/scoring.service.ts';
import { grantMatching } from '../../src/policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../../src/policy/principal.ts';

// A caseworker decides "same"; before the job hands that decision to the engine, the family
// corrects a typo in her request (the record goes back to pending: linkage_seq null). The job
// process restarts (a deploy) or another process runs it: its index is built from the records
// already scored, so the corrected record is not in it. learnDecisions() learns only the
// decisions whose two records are indexed, but marks *every* row it read as learned
// (scoring.service.ts markLearned(rows…)), so the decision is never learned, by anyone.

describe('a decision whose record was corrected before the job learned it (sqlite)', () => {
  const s = useWorld('sqlite');
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const staff = () => principalOf(s.w.caseworker.auth);

  it('is learned once the record is indexed again, not marked learned and dropped', async () => {
    forgetIndexes();
    await runMatching(deps(), systemPrincipal('scheduler'));
    const other = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
    );
    await runMatching(deps(), systemPrincipal('scheduler'));
    const page = await reviewQueue(deps(), grantMatching(staff(), 'review'), 'pending');
    const pair = page.rows.find((r) => [r.left.caseId, r.right.caseId].includes(other.caseId));
    expect(pair).toBeDefined();
    await decide(deps(), await authoriseDecision(s.t.opened.db, staff(), pair!.id, 'same'), pair!.id, 'same');
    // The family corrects the unit's name: the record is pending again.
    const grant = await grantFor(s.t, s.w.otherFamily, other.caseId, 'edit');
    await editCase(
      deps(),
      grant,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат', unit_name: '155 омбр' }),
    );
    // The job process restarts, then runs.
    forgetIndexes();
    const report = await runMatching(deps(), systemPrincipal('scheduler'));
    const after = await runMatching(deps(), systemPrincipal('scheduler'));
    const model = await findModel(s.t.opened.db, s.w.orgA.id);
    // Before the fix: 0 labels — the decision was marked learned without being learned.
    expect(report.labels + after.labels).toBe(1);
    expect(model!.labels).toBe(1);
  });
});

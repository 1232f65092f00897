import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, caseInput, type World } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { reviewQueue } from './review.service.ts';
import { runMatching } from './scoring.service.ts';

// A running app and a Chromium for the pair-review browser tests: the world's «Иванов Пётр»
// request, and the other family's «Ivanov Pyotr» about her brother, which the engine pairs with
// it for review. `t` lets the case services run against the app's own database.

export interface PairWorld {
  run: RunningApp;
  browser: Browser;
  w: World;
  t: TestApp;
  /** the pair in the caseworker's review queue */
  pairId: string;
  /** the other family's «Ivanov Pyotr» request */
  otherCaseId: string;
}

export const usePairWorld = (): PairWorld => {
  const s = {} as PairWorld;
  beforeAll(async () => {
    forgetIndexes();
    s.run = await startApp();
    s.browser = await launchBrowser();
    s.t = { opened: { db: s.run.db }, clock: s.run.clock as ManualClock } as unknown as TestApp;
    s.w = await buildWorld(s.t);
    const deps = { db: s.run.db, clock: s.run.clock };
    await runMatching(deps, systemPrincipal('scheduler'));
    const other = await openCase(
      deps,
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
    );
    s.otherCaseId = other.caseId;
    await runMatching(deps, systemPrincipal('scheduler'));
    const queue = await reviewQueue(deps, grantMatching(principalOf(s.w.caseworker.auth), 'review'), 'pending');
    s.pairId = queue.rows.find((r) => [r.left.caseId, r.right.caseId].includes(other.caseId))!.id;
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.run?.close();
  });
  return s;
};

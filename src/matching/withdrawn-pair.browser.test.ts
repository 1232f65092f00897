import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, caseInput, grantFor, type World } from '../cases/cases.fixtures.ts';
import { editCase } from '../cases/case-edit.service.ts';
import { openCase } from '../cases/cases.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { reviewQueue } from './review.service.ts';
import { runMatching } from './scoring.service.ts';

// A family corrects her request after the engine paired it with another record; the two no
// longer look alike, so the pair leaves the review queue. The caseworker who kept its link sees
// why, in a real Chromium with JavaScript off on a 360 px phone, and is offered no decision.

const shot = shotsOf('withdrawn');

describe('a pair withdrawn after a correction, in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  let pairId = '';

  beforeAll(async () => {
    forgetIndexes();
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
    const deps = { db: run.db, clock: run.clock };
    await runMatching(deps, systemPrincipal('scheduler'));
    const other = await openCase(
      deps,
      w.otherFamily.auth,
      caseInput(w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
    );
    await runMatching(deps, systemPrincipal('scheduler'));
    const staff = principalOf(w.caseworker.auth);
    const queue = await reviewQueue(deps, grantMatching(staff, 'review'), 'pending');
    pairId = queue.rows.find((r) => [r.left.caseId, r.right.caseId].includes(other.caseId))!.id;
    await editCase(
      deps,
      await grantFor(t, w.otherFamily, other.caseId, 'edit'),
      caseInput(w.orgA.id, {
        surname: 'Сидоров',
        given_name: 'Аркадий',
        patronymic: 'Львович',
        birth_date: parsePartialDate('03.11.1971') ?? undefined,
        region: 'RU-DA',
        narrative: 'брат',
      }),
    );
    await runMatching(deps, systemPrincipal('scheduler'));
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('says the pair was withdrawn, in Russian and in English, offers no decision, and the queue no longer lists it', async () => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(
      Object.entries(w.caseworker.cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })),
    );
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/staff/matches/${pairId}`);
    await page.getByText('снята с очереди').first().waitFor();
    await page.getByText('Одну из записей исправили').waitFor();
    expect(await page.getByRole('button', { name: 'Один и тот же человек' }).count()).toBe(0);
    await shot(page, 'pair');
    await expectAxeClean(page, 'withdrawn pair');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto(`${run.baseUrl}/staff/matches/${pairId}?lang=en`);
    await page.getByText('withdrawn from the queue').first().waitFor();
    await page.getByText('One of the records was corrected').waitFor();
    expect(await page.getByRole('button', { name: 'The same person' }).count()).toBe(0);
    await shot(page, 'pair-en');
    await page.goto(`${run.baseUrl}/staff/matches`);
    expect(await page.locator(`a[href="/staff/matches/${pairId}"]`).count()).toBe(0);
    await ctx.close();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, hasHorizontalScroll, noJsContext, shotsOf } from '../../test/helpers/browser.ts';
import { caseInput, grantFor } from '../cases/cases.fixtures.ts';
import { editCase } from '../cases/case-edit.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { runMatching } from './scoring.service.ts';
import { usePairWorld } from './pair-world.test-helper.ts';

// A family corrects her request after the engine paired it with another record; the two no
// longer look alike, so the pair leaves the review queue. The caseworker who kept its link sees
// why, in a real Chromium with JavaScript off on a 360 px phone, and is offered no decision.

const shot = shotsOf('withdrawn');

describe('a pair withdrawn after a correction, in a browser', () => {
  const s = usePairWorld();
  // The other family corrects her request: the two records no longer look alike.
  beforeAll(async () => {
    const deps = { db: s.run.db, clock: s.run.clock };
    await editCase(
      deps,
      await grantFor(s.t, s.w.otherFamily, s.otherCaseId, 'edit'),
      caseInput(s.w.orgA.id, {
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

  it('says the pair was withdrawn, in Russian and in English, offers no decision, and the queue no longer lists it', async () => {
    const ctx = await noJsContext(s.browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(
      Object.entries(s.w.caseworker.cookies).map(([name, value]) => ({ name, value, url: s.run.baseUrl })),
    );
    const page = await ctx.newPage();
    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}`);
    await page.getByText('снята с очереди').first().waitFor();
    await page.getByText('Одну из записей исправили').waitFor();
    expect(await page.getByRole('button', { name: 'Один и тот же человек' }).count()).toBe(0);
    await shot(page, 'pair');
    await expectAxeClean(page, 'withdrawn pair');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=en`);
    await page.getByText('withdrawn from the queue').first().waitFor();
    await page.getByText('One of the records was corrected').waitFor();
    expect(await page.getByRole('button', { name: 'The same person' }).count()).toBe(0);
    await shot(page, 'pair-en');
    await page.goto(`${s.run.baseUrl}/staff/matches`);
    expect(await page.locator(`a[href="/staff/matches/${s.pairId}"]`).count()).toBe(0);
    await ctx.close();
  });
});

import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './browser-world.test-helper.ts';
import { phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { caseInput } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// A QA walk of a mother's new request on a phone, JavaScript off: the yellow «Что будет дальше»
// box ended flush on «ФИО» below it, the person's details read as part of the box. A boxed
// notice keeps the page's gap under it, as a paragraph does.

const shot = shotsOf('next-notice');

describe('the boxed notice on a new request', () => {
  const world = useBrowserWorld();

  it('stands apart from the details under it, in Russian and English', async () => {
    const { caseId } = await openCase(
      { db: world.run.db, clock: world.run.clock },
      world.w.family.auth,
      caseInput(world.w.orgA.id, { surname: 'Новиков' }),
    );
    const ctx = await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies);
    const page = await ctx.newPage();
    for (const lang of ['ru', 'en']) {
      await page.goto(`${world.run.baseUrl}/cases/${caseId}?lang=${lang}`);
      const box = page.locator('section[aria-labelledby="next-h"]');
      const gap = await box.evaluate((el) => {
        const next = el.nextElementSibling as HTMLElement;
        return next.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
      });
      expect(gap, lang).toBeGreaterThanOrEqual(8);
      await shot(page, lang);
    }
    await ctx.close();
  });
});

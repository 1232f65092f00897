import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  expectPhoneReady,
  launchBrowser,
  phoneContext,
  startApp,
  type RunningApp,
  shotsOf,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { Cookies } from '../../test/helpers/factories.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, caseInput, type World } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';

// The forms and lists a QA walk found wanting, in a real Chromium with JavaScript off on a 360 px
// phone, in Russian and English: a long pasted story is not cut by the browser and comes back
// whole with the server's message; the staff queue and the person search stay 360 px wide with a
// unit name that has no spaces, and draw no bare label for an empty value; tick boxes are 24 px;
// a signed-in family's home page leads to her requests. KT_SHOTS=1 keeps the screenshots.

const LONG_UNIT = 'Войсковаячасть12345отдельногомотострелковогобатальонаособогоназначения';
const shot = shotsOf('phone-forms');

describe('forms and lists on a phone, JavaScript off', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  /** two families' requests about marines of one brigade */
  const marines: string[] = [];

  const pageFor = async (cookies: Cookies): Promise<Page> =>
    (await phoneContext(browser, run.baseUrl, cookies)).newPage();
  const go = (page: Page, url: string, lang: 'ru' | 'en') =>
    page.goto(`${run.baseUrl}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
  /** Cells of a card with a label but nothing in them, and empty cells still drawn. */
  const bareLabels = (page: Page) =>
    page
      .locator('table.cards td')
      .evaluateAll((cells) =>
        cells.filter(
          (c) =>
            c.textContent?.trim() === '' && (c.hasAttribute('data-label') || getComputedStyle(c).display !== 'none'),
        ),
      )
      .then((cells) => cells.length);

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
    const deps = { db: run.db, clock: run.clock };
    // a unit typed without spaces, no region; and a person known by name only
    await openCase(
      deps,
      w.family.auth,
      caseInput(w.orgA.id, { surname: 'Длиннов', unit_number: undefined, unit_name: LONG_UNIT, region: undefined }),
    );
    for (const [who, surname] of [
      [w.otherFamily, 'Морпехов'],
      [w.family, 'Матросов'],
    ] as const)
      marines.push(
        (
          await openCase(
            deps,
            who.auth,
            caseInput(w.orgA.id, { surname, unit_number: undefined, unit_name: '155 обрмп' }),
          )
        ).caseId,
      );
    await openCase(
      deps,
      w.otherFamily.auth,
      caseInput(w.orgA.id, {
        surname: 'Безданных',
        birth_date: undefined,
        unit_number: undefined,
        unit_name: undefined,
        region: undefined,
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('a 30 000-character story pasted into «Что вы знаете» is not cut, and comes back whole with the limit', async () => {
    const page = await pageFor(w.family.cookies);
    for (const lang of ['ru', 'en'] as const) {
      await go(page, '/cases/new', lang);
      await shot(page, `new-case-${lang}`);
      const story = `${'Последний раз писал из-под Курска. '.repeat(870)}КОНЕЦ-${lang}`;
      const box = page.locator('textarea[name="narrative"]');
      expect(await box.getAttribute('maxlength')).toBeNull();
      await box.fill(story);
      expect((await box.inputValue()).length).toBe(story.length);
      await page.locator('button[type="submit"]').last().click();
      await page.locator('#narrative-error').waitFor();
      expect(await page.locator('textarea[name="narrative"]').inputValue()).toBe(story);
      // the last-contact date has its own examples
      expect(await page.locator('#last_contact_date-hint').textContent()).toContain('14.03.2025');
      await expectPhoneReady(page, `phone-forms-new-case-refused-${lang}`);
    }
  });

  it('the tip form keeps a 30 000-character story too (a form with a file)', async () => {
    const page = await pageFor({});
    for (const lang of ['ru', 'en'] as const) {
      await go(page, '/tips/new', lang);
      const story = `${'Видел его в подвале в Рыльске. '.repeat(1000)}КОНЕЦ-${lang}`;
      await page.locator('select[name="organisation"]').selectOption({ index: 1 });
      await page.locator('input[name="surname"]').fill('Иванов');
      await page.locator('input[name="given_name"]').fill('Пётр');
      await page.locator('textarea[name="what_happened"]').fill(story);
      await page.locator('button[type="submit"]').last().click();
      await page.locator('#what_happened-error').waitFor();
      expect(await page.locator('textarea[name="what_happened"]').inputValue()).toBe(story);
      await expectPhoneReady(page, `phone-forms-tip-refused-${lang}`);
    }
  });

  it('the staff queue and the person search stay on the phone, with no bare labels', async () => {
    const page = await pageFor(w.caseworker.cookies);
    for (const lang of ['ru', 'en'] as const) {
      await go(page, '/staff', lang);
      await page.getByText(LONG_UNIT).waitFor();
      await expectPhoneReady(page, `phone-forms-queue-${lang}`);
      expect(await bareLabels(page)).toBe(0);
      await go(page, '/staff/search', lang);
      await page.locator('input[name="q"]').fill('Безданных');
      await page.locator('main button[type="submit"]').first().click();
      await page.getByRole('link', { name: /Безданных/ }).waitFor();
      await expectPhoneReady(page, `phone-forms-search-${lang}`);
      expect(await bareLabels(page)).toBe(0);
      // the person search: a record known by name only
      await go(page, '/staff/people?q=Безданных', lang);
      await page
        .getByRole('link', { name: /Безданных/ })
        .first()
        .waitFor();
      await expectPhoneReady(page, `phone-forms-people-${lang}`);
      expect(await bareLabels(page)).toBe(0);
    }
  });

  it("a family's home page leads to her requests; her case page's tick boxes are 24 px", async () => {
    const page = await pageFor(w.family.cookies);
    for (const lang of ['ru', 'en'] as const) {
      await go(page, '/', lang);
      await page.locator('main a[href="/my/cases"]').waitFor();
      expect(await page.locator('main a[href="/login"]').count()).toBe(0);
      await expectPhoneReady(page, `phone-forms-home-family-${lang}`);
      await go(page, `/cases/${w.caseId}`, lang);
      const boxes = page.locator('main input[type="checkbox"], main input[type="radio"]');
      expect(await boxes.count()).toBeGreaterThan(0);
      for (const box of await boxes.all()) {
        const size = await box.boundingBox();
        if (!size) continue; // folded away in a closed <details>
        expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24);
      }
      await shot(page, `case-family-${lang}`);
    }
  });

  it("registering with the hint's example passphrase is refused, with the reason beside the field", async () => {
    const page = await pageFor({});
    for (const [lang, example, reason] of [
      ['ru', 'Синий чайник стоит на окне', 'это пример из подсказки'],
      ['en', 'blue kettle on the window', 'it is the example from the hint'],
    ] as const) {
      await go(page, '/register', lang);
      await page.locator('input[name="pseudonym"]').fill(`Мама ${lang}`);
      await page.locator('input[name="passphrase"]').fill(example);
      await page.locator('input[name="confirm"]').fill(example);
      await page.locator('main button[type="submit"]').first().click();
      await page.locator('#passphrase-error').waitFor();
      expect(await page.locator('#passphrase-error').textContent()).toContain(reason);
      await expectPhoneReady(page, `phone-forms-register-example-${lang}`);
    }
  });

  it('the English case page and forms name Russian units in English first, and each date has its own examples', async () => {
    const page = await pageFor(w.family.cookies);
    // Both families join the families of the brigade: the second waits for the board, and is told
    // what she waits for; the group is named in English.
    const optIn = async (who: Page, caseId: string) => {
      await go(who, `/cases/${caseId}`, 'en');
      const form = who.locator('main form:has(input[type="checkbox"])').first();
      await form.locator('input[type="checkbox"]').check();
      await form.locator('button[type="submit"]').click();
      await who.getByText('You take part in the families').waitFor();
    };
    await optIn(await pageFor(w.otherFamily.cookies), marines[0]);
    await optIn(page, marines[1]);
    await page.getByText('the board is not open to you yet').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Marine Brigade 155 (155 обрмп)');
    expect(text).not.toMatch(/Formation 155/);
    await expectPhoneReady(page, 'phone-forms-board-pending-en');
    await go(page, `/cases/${w.caseId}`, 'en');
    expect(await page.locator('#date-hint').textContent()).toContain('07.08.2024');
    await expectPhoneReady(page, 'phone-forms-case-family-en');
    await go(page, '/cases/new', 'en');
    expect(await page.locator('#unit_number-hint').textContent()).toContain('military unit 12345 (в/ч 12345)');
    await go(page, '/tips/new', 'en');
    expect(await page.locator('#event_date-hint').textContent()).toContain('20.02.2025');
    await expectPhoneReady(page, 'phone-forms-tip-en');
  });

  it('the registry pages a journalist reads, in both languages', async () => {
    const page = await pageFor({});
    for (const lang of ['ru', 'en'] as const)
      for (const url of ['/registry/methodology', '/registry/data']) {
        await go(page, url, lang);
        const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
        expect(text).not.toMatch(/\.md\b|README|ETag|Cache-Control|CORS/);
        await expectPhoneReady(page, `phone-forms-${url.replace(/\W/g, '-')}-${lang}`);
      }
  });
});

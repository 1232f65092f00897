import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
} from '../helpers/browser.ts';
import { createSiteAdmin } from '../../src/accounts/staff.service.ts';
import { RECOVERY_CODE_COUNT } from '../../src/accounts/auth.service.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import { translator } from '../../src/web/i18n/i18n.ts';

// The whole story of issue 3 in a real browser with JavaScript off for everybody (the family's
// path must work in Tor Browser's safest mode; staff get no script either): a family registers
// and keeps its recovery codes, opens a case and adds an event; an administrator invites a
// caseworker, who accepts, sets up 2FA (the code computed here from the secret on the page),
// takes the case, corroborates the event and writes a message; the family sees both. Every page
// visited passes axe (no serious or critical violation) in Russian, key pages in English too;
// the family uses a 360 px phone, never scrolls sideways, and after logging out the Back button
// shows nothing of the case.

const ru = translator('ru');
const en = translator('en');

const NARRATIVE = 'В марте 2025 сын перестал отвечать. В части говорят, что всё хорошо.';
const EVENT_TEXT = 'Сослуживец написал, что его взяли в плен под Работино.';
const MESSAGE = 'Мы нашли второго свидетеля и подкрепили ваше сообщение.';

describe('the whole story in a browser, JavaScript off', () => {
  let browser: Browser;
  let server: RunningApp;
  const visited: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const newPage = async (phone: boolean): Promise<Page> => {
    const ctx = await noJsContext(
      browser,
      phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {},
    );
    ctx.on('request', (r) => requests.push(r.url()));
    return ctx.newPage();
  };

  /** Every page we land on: Russian (or the given language), neutral title, axe clean, and for phones no sideways scroll. */
  const check = async (page: Page, label: string, lang = 'ru') => {
    await page.locator(`html[lang="${lang}"] main`).waitFor();
    expect(await page.title(), label).toBe('Kintrace');
    await expectAxeClean(page, label);
    if ((page.viewportSize()?.width ?? 0) <= 360) expect(await hasHorizontalScroll(page), label).toBe(false);
    visited.push(`${lang} ${label}`);
  };

  const submit = (page: Page, action: string | RegExp) =>
    page
      .locator(
        // In main: the quick exit's button, first on every page, is a submit button too.
        typeof action === 'string'
          ? `form[action="${action}"] button[type="submit"]`
          : 'main form button[type="submit"]',
      )
      .filter({ visible: true })
      .first();

  const setUpTwoFactor = async (page: Page, passphrase: string, who: string, lands = '/staff') => {
    await page.waitForURL('**/account/2fa');
    await check(page, `${who}: 2FA required`);
    // Asked again only when the passphrase was not entered minutes ago (passphraseJustEntered).
    const again = page.locator('form[action="/account/2fa/passphrase"] input[name="passphrase"]');
    if ((await again.count()) > 0) {
      await again.fill(passphrase);
      await submit(page, '/account/2fa/passphrase').click();
    }
    const secret = (await page.locator('code.secret').textContent())!.replace(/\s/g, '');
    await check(page, `${who}: 2FA secret shown`);
    await page
      .locator('form[action="/account/2fa/confirm"] input[name="code"]')
      .fill(totpCode(secret, server.clock.now()));
    await submit(page, '/account/2fa/confirm').click();
    await page.waitForURL(`**${lands}`);
    await check(page, `${who}: ${lands}`);
  };

  it('family, administrator and caseworker go through the whole story', async () => {
    // ---- the family opens a case ------------------------------------------------------------
    const family = await newPage(true);
    await family.goto(`${server.baseUrl}/`);
    await check(family, 'home');
    await family.locator('main a[href="/register"]').click();
    await family.waitForURL('**/register');
    await check(family, 'register');
    await family.locator('input[name="pseudonym"]').fill('Мама Степана');
    await family.locator('input[name="passphrase"]').fill('верба снег окно тропинка');
    await family.locator('input[name="confirm"]').fill('верба снег окно тропинка');
    await submit(family, '/register').click();
    await family.locator('main ol code.secret').first().waitFor();
    await check(family, 'recovery codes');
    const codes = await family.locator('main ol code.secret').allTextContents();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    await family.locator('main a[href="/my/cases"]').click();
    await family.waitForURL('**/my/cases');
    await check(family, 'my cases (empty)');

    // An organisation must exist before a case can be opened: the administrator, as the CLI makes one.
    const admin = { pseudonym: 'admin-story', passphrase: 'admin story passphrase 42' };
    const created = await createSiteAdmin(server.app.deps, {
      ...admin,
      organisationName: 'Правозащитная группа «Север»',
    });

    await family.locator('main a[href="/cases/new"]').click();
    await family.waitForURL('**/cases/new');
    await check(family, 'new case form');
    const form = family.locator('form[action="/cases/new"]');
    await form.locator('select[name="organisation"]').selectOption(created.organisationId!);
    await form.locator('input[name="surname"]').fill('Демидов');
    await form.locator('input[name="given_name"]').fill('Степан');
    await form.locator('input[name="patronymic"]').fill('Ильич');
    await form.locator('input[name="birth_date"]').fill('31.02.1999'); // no such day: refused below
    await form.locator('select[name="region"]').selectOption('RU-ROS');
    await form.locator('input[name="unit_number"]').fill('12345');
    await form.locator('select[name="service_category"]').selectOption('mobilised');
    await form.locator('select[name="relation"]').selectOption('mother');
    await form.locator('input[name="last_contact_date"]').fill('03.2025');
    await form.locator('textarea[name="narrative"]').fill(NARRATIVE);
    await form.locator('textarea[name="wants_to_learn"]').fill('Жив ли он и где находится.');
    await submit(family, '/cases/new').click();
    // Bad input: a translated error at the field, everything typed kept, nothing created.
    const dateError = family.locator('form[action="/cases/new"] .field-error');
    await dateError.first().waitFor();
    await check(family, 'new case form with an error');
    expect(await dateError.count()).toBe(1);
    expect(await form.locator('textarea[name="narrative"]').inputValue()).toBe(NARRATIVE);
    expect(await form.locator('input[name="surname"]').inputValue()).toBe('Демидов');
    expect(await form.locator('input[name="birth_date"]').getAttribute('aria-invalid')).toBe('true');
    expect(await server.db.selectFrom('cases').select('id').execute()).toEqual([]);
    await form.locator('input[name="birth_date"]').fill('1999');
    await submit(family, '/cases/new').click();
    await family.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(family.url()).pathname;
    await check(family, 'case page (family)');
    expect(await family.locator('main').textContent()).toContain(NARRATIVE);

    await family.locator('#timeline details summary').click();
    const eventForm = family.locator(`form[action="${caseUrl}/events"]`);
    await eventForm.locator('select[name="kind"]').selectOption('captured');
    await eventForm.locator('input[name="date"]').fill('04.2025');
    await eventForm.locator('input[name="place"]').fill('Запорожская область');
    await eventForm.locator('select[name="source"]').selectOption('witness');
    await eventForm.locator('textarea[name="description"]').fill(EVENT_TEXT);
    await submit(family, `${caseUrl}/events`).click();
    await family.locator('#timeline li', { hasText: EVENT_TEXT }).waitFor();
    await check(family, 'case page with event (family)');
    expect(await family.locator('#timeline li', { hasText: EVENT_TEXT }).textContent()).toContain(
      ru('cases.levels.reported'),
    );

    // ---- the administrator sets up 2FA and invites a caseworker ------------------------------
    const adminPage = await newPage(false);
    await adminPage.goto(`${server.baseUrl}/login`);
    await check(adminPage, 'login');
    await adminPage.locator('input[name="pseudonym"]').fill(admin.pseudonym);
    await adminPage.locator('input[name="passphrase"]').fill(admin.passphrase);
    await submit(adminPage, '/login').click();
    // The first administrator lands on the next steps, not on an empty queue (issue 9).
    await setUpTwoFactor(adminPage, admin.passphrase, 'admin', '/admin/start');
    await adminPage.getByRole('link', { name: ru('accounts.firstSteps.staffAction') }).click();
    await adminPage.waitForURL('**/admin/invites');
    await check(adminPage, 'invites');
    await adminPage.locator('form[action="/admin/invites"] select[name="role"]').selectOption('caseworker');
    await submit(adminPage, '/admin/invites').click();
    const inviteUrl = (await adminPage.locator('code.secret').textContent())!;
    await check(adminPage, 'invite link created');

    // ---- the caseworker accepts, sets up 2FA, works the case --------------------------------
    const worker = await newPage(false);
    await worker.goto(`${server.baseUrl}${new URL(inviteUrl).pathname}`);
    await check(worker, 'invite acceptance');
    await worker.locator('input[name="pseudonym"]').fill('Ольга-юрист');
    await worker.locator('input[name="passphrase"]').fill('рабочая фраза для теста 9');
    await worker.locator('input[name="confirm"]').fill('рабочая фраза для теста 9');
    await submit(worker, /invite/).click();
    await setUpTwoFactor(worker, 'рабочая фраза для теста 9', 'caseworker');

    await worker.locator(`main a[href="${caseUrl}"]`).first().click();
    await worker.waitForURL(`**${caseUrl}`);
    await check(worker, 'case page (staff)');
    await worker.getByRole('button', { name: ru('cases.takeCase') }).click();
    await worker.locator('section[aria-labelledby="assign-h"] p', { hasText: 'Ольга-юрист' }).waitFor();
    await check(worker, 'case taken (staff)');
    // A capture is never one click (issue 9): its confirmation page lists the sources and the
    // open discrepancies and takes the caseworker's reason.
    await worker
      .locator('#timeline li', { hasText: EVENT_TEXT })
      .getByRole('button', { name: ru('cases.confirmAs', { level: ru('cases.levels.corroborated') }) })
      .click();
    await worker.getByRole('heading', { name: ru('cases.level.sources') }).waitFor();
    await check(worker, 'confirmation page (staff)');
    await worker.getByRole('textbox', { name: new RegExp(ru('cases.level.reason')) }).fill('Видео сверено с фото');
    await worker.getByRole('button', { name: ru('cases.level.confirmSubmit'), exact: true }).click();
    await worker
      .locator('#timeline li', { hasText: EVENT_TEXT })
      .filter({ hasText: ru('cases.levels.corroborated') })
      .waitFor();
    await check(worker, 'event corroborated (staff)');
    const messageForm = worker.locator(`form[action="${caseUrl}/messages"]`);
    await messageForm.locator('textarea[name="body"]').fill(MESSAGE);
    await messageForm.locator('button[type="submit"]').click();
    await worker.locator('main', { hasText: MESSAGE }).waitFor();
    await check(worker, 'message sent (staff)');

    // ---- the family sees both ---------------------------------------------------------------
    await family.goto(`${server.baseUrl}/my/cases`);
    await check(family, 'my cases');
    await family.locator(`main a[href="${caseUrl}"]`).click();
    await family.waitForURL(`**${caseUrl}`);
    await check(family, 'case page after the caseworker (family)');
    expect(await family.locator('main').textContent()).toContain(MESSAGE);
    expect(await family.locator('#timeline li', { hasText: EVENT_TEXT }).textContent()).toContain(
      ru('cases.levels.corroborated'),
    );

    // ---- key pages in English ---------------------------------------------------------------
    await family.getByRole('link', { name: 'English' }).click();
    await check(family, 'case page (family)', 'en');
    expect(await family.locator('#timeline li', { hasText: EVENT_TEXT }).textContent()).toContain(
      en('cases.levels.corroborated'),
    );
    await family.goto(`${server.baseUrl}/cases/new`);
    await check(family, 'new case form', 'en');
    await worker.goto(`${server.baseUrl}/staff?lang=en`);
    await check(worker, 'queue', 'en');
    await worker.goto(`${server.baseUrl}${caseUrl}`);
    await check(worker, 'case page (staff)', 'en');
    await adminPage.goto(`${server.baseUrl}/staff/audit?lang=en`);
    await check(adminPage, 'audit log', 'en');

    // ---- the family logs out on a shared phone: Back shows nothing of the case -----------------
    await family.goto(`${server.baseUrl}${caseUrl}`);
    await family.locator('header form[action="/logout"] button').click();
    await check(family, 'logged out', 'en');
    expect((await family.context().cookies()).map((c) => c.name)).not.toContain('kt_session');
    await family.goBack();
    // The log-in page, asked to return to the case once she logs in again (web/return-to.ts).
    await family.waitForURL((url) => url.pathname === '/login');
    expect(await family.locator('body').textContent()).not.toContain(NARRATIVE);
    expect(await family.locator('body').textContent()).not.toContain(MESSAGE);

    expect(visited.length).toBeGreaterThanOrEqual(25);
    // Nothing was fetched from anywhere but the site itself (the 2FA QR code is a data: image).
    expect(requests.length).toBeGreaterThan(visited.length);
    expect(requests.filter((u) => !u.startsWith(`${server.baseUrl}/`) && !u.startsWith('data:'))).toEqual([]);
  }, 240_000);
});

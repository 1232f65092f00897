import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { registerThroughPages, turnOnTwoFactor } from './accounts.fixtures.ts';
import { totpCode } from './totp.crypto.ts';

// A page asked for without a session: the log-in, and the second factor, lead back to it
// (src/web/return-to.ts). An app of its own: the log-in form's rate limit counts per app.

const PASS = 'correct horse battery staple';

describe.each(DIALECTS)('the way back after a log-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const register = (pseudonym: string) => registerThroughPages(t.app, pseudonym, PASS);
  const page = (url: string, cookies: Cookies) => t.app.inject({ method: 'GET', url, cookies });
  /** The log-in form sent with the page to return to. */
  const logInReturning = (pseudonym: string, passphrase: string, next: string) =>
    submitForm(t.app, '/login', { pseudonym, passphrase, next }, {}, '/login');

  it('takes her back to the page she was opening once she has logged in, through the second factor too', async () => {
    const { cookies } = await register('Тётя Миши');
    await submitForm(t.app, '/logout', {}, cookies, '/logout');
    // Logged out, she opens her account page: the log-in page is asked to return her there.
    const asked = await page('/account', {});
    expect(asked.headers.location).toBe('/login?next=%2Faccount');
    const form = await page('/login?next=%2Faccount', {});
    expect(form.body).toContain('<input type="hidden" name="next" value="/account"/>');
    // Sent here from a page, she is told why; opening the log-in page herself, she is not.
    expect(form.body).toContain('сеанс завершился сам');
    expect((await page('/login', {})).body).not.toContain('сеанс завершился сам');
    const back = await submitForm(
      t.app,
      '/login?next=%2Faccount',
      { pseudonym: 'Тётя Миши', passphrase: PASS, next: '/account' },
      {},
      '/login',
    );
    expect(back.res.headers.location).toBe('/account');
    // A wrong passphrase keeps the way back in the form shown again.
    const wrong = await logInReturning('Тётя Миши', 'wrong one', '/account');
    expect(wrong.res.body).toContain('<input type="hidden" name="next" value="/account"/>');
    expect(wrong.res.body).not.toContain('сеанс завершился сам');

    // With 2FA on, the second factor's page carries it on.
    const secret = await turnOnTwoFactor(t.app, t.clock, back.cookies, PASS);
    const first = await logInReturning('Тётя Миши', PASS, '/my/cases');
    expect(first.res.headers.location).toBe('/login/2fa?next=%2Fmy%2Fcases');
    const prompt = await page('/login/2fa?next=%2Fmy%2Fcases', first.cookies);
    expect(prompt.body).toContain('<input type="hidden" name="next" value="/my/cases"/>');
    t.clock.advance(30_000);
    const second = await submitForm(
      t.app,
      '/login/2fa',
      { code: totpCode(secret, t.clock.now()), next: '/my/cases' },
      first.cookies,
    );
    expect(second.res.headers.location).toBe('/my/cases');
  });

  it('returns to no address off the site or to the way in itself', async () => {
    // Each value is judged by returnPath (return-to.test.ts); here, that the pages use it. One
    // log-in only: the form's rate limit counts every log-in of this file.
    await register('Сестра Коли');
    const asked = await logInReturning('Сестра Коли', PASS, '//evil.example/x');
    expect(asked.res.headers.location).toBe('/my/cases');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/login', '/cases/x?y=1']) {
      const form = await page(`/login?next=${encodeURIComponent(next)}`, {});
      expect(form.body, next).not.toContain('name="next"');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { MINUTE, HOUR } from '../shared/clock.ts';
import { parseCookie, SESSION_COOKIE } from './sessions.service.ts';
import { registerThroughPages, turnOnTwoFactor } from './accounts.fixtures.ts';

// Families: register, log in and out, wrong passphrase, unknown account, lockout, recovery,
// session rotation and timeouts, cookie flags. Both database engines.

const PASS = 'correct horse battery staple';

describe.each(DIALECTS)('family accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  /** Registers as a browser does: the form posted, then the page it is sent on to (the codes). */
  const register = (pseudonym: string, passphrase = PASS) => registerThroughPages(t.app, pseudonym, passphrase);
  const logIn = (pseudonym: string, passphrase: string, cookies: Cookies = {}) =>
    submitForm(t.app, '/login', { pseudonym, passphrase }, cookies);
  const page = (url: string, cookies: Cookies) => t.app.inject({ method: 'GET', url, cookies });
  /** What waits sealed in the session of these cookies. */
  const waitingIn = async (cookies: Cookies) =>
    (
      await t.opened.db
        .selectFrom('sessions')
        .select('codes_sealed')
        .where('id_hash', '=', parseCookie(cookies[SESSION_COOKIE])!.idHash)
        .executeTakeFirstOrThrow()
    ).codes_sealed;
  const codesOn = (html: string) => [...html.matchAll(/<code class="secret">([0-9A-Z-]+)<\/code>/g)].map((m) => m[1]);
  /** The language link of a page, as the browser follows it. */
  const languageLink = (html: string) => /<a href="([^"]*)" hreflang="(?:en|ru)"/.exec(html)![1].replace(/&amp;/g, '&');

  it('registers with a pseudonym and passphrase, shows recovery codes once and logs in', async () => {
    const { res, cookies, posted } = await register('Мама Ивана');
    // Post/redirect/get: the codes are on a page of their own, reached once by a redirect, so
    // a reload does not post the registration again; nothing of them is in the URL.
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/register/codes');
    expect(posted.body).not.toContain('class="secret"');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const codes = [...res.body.matchAll(/<code class="secret">([0-9A-Z-]+)<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(6);
    // the codes are useless without the pseudonym: it is shown with them
    expect(res.body).toContain('Ваш псевдоним для входа: <strong class="pseudonym">Мама Ивана</strong>');
    // the menu is already the logged-in one
    expect(res.body).not.toContain('href="/login"');
    expect(res.body).toContain('action="/logout"');
    const set = posted.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(set.httpOnly).toBe(true);
    expect(String(set.sameSite).toLowerCase()).toBe('lax');
    expect(set.maxAge).toBeUndefined();
    const account = await page('/account', cookies);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Мама Ивана');
    // codes are stored only hashed
    const rows = await t.opened.db.selectFrom('recovery_codes').select('code_hash').execute();
    for (const code of codes) expect(JSON.stringify(rows)).not.toContain(code);
    // Shown once: the session no longer holds them, and a reload goes on to the family's cases.
    const sessions = await t.opened.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.every((s) => s.codes_sealed === null)).toBe(true);
    for (const code of codes) expect(JSON.stringify(sessions)).not.toContain(code);
    const reload = await page('/register/codes', cookies);
    expect(reload.statusCode).toBe(303);
    expect(reload.headers.location).toBe('/my/cases');
    expect(reload.body).not.toContain('class="secret"');
    // Without the session (another browser), nothing: the log-in page.
    expect((await page('/register/codes', {})).headers.location).toMatch(/^\/login/);
  });

  it('keeps the codes sealed in the session until their page is read', async () => {
    const posted = await submitForm(t.app, '/register', { pseudonym: 'Бабушка Коли', passphrase: PASS, confirm: PASS });
    const waiting = await t.opened.db.selectFrom('sessions').select('codes_sealed').execute();
    const sealed = waiting.map((s) => s.codes_sealed).filter((c) => c !== null);
    expect(sealed).toHaveLength(1);
    const shown = await page('/register/codes', posted.cookies);
    const codes = [...shown.body.matchAll(/<code class="secret">([0-9A-Z-]+)<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(6);
    for (const code of codes) {
      expect(sealed[0]).not.toContain(code);
      expect(sealed[0]).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('refuses a taken pseudonym (also with Latin look-alike letters) with a translated field error and keeps the input', async () => {
    await register('Olga Smirnova');
    const { res } = await register('OLGA Smirnova');
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Этот псевдоним уже занят');
    expect(res.body).toContain('value="OLGA Smirnova"');
    expect(res.body).not.toContain(PASS);
    await register('Мама Пети');
    const lookalike = await register('Mама Пети'); // Latin M
    expect(lookalike.res.statusCode).toBe(409);
  });

  it('rejects bad input with translated field errors and changes nothing', async () => {
    const before = await t.opened.db.selectFrom('users').select('id').execute();
    const { res } = await submitForm(t.app, '/register?lang=en', {
      pseudonym: 'ab',
      passphrase: 'short',
      confirm: 'other',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Pseudonym too short');
    expect(res.body).toContain('Passphrase too short');
    expect(res.body).toContain('aria-invalid="true"');
    const ru = await submitForm(t.app, '/register', { pseudonym: '', passphrase: PASS, confirm: `${PASS}x` });
    expect(ru.res.body).toContain('Заполните это поле');
    expect(ru.res.body).toContain('Парольные фразы не совпадают');
    expect(ru.res.body).toContain('Форма не отправлена: исправьте 2 поля, отмеченных ниже.');
    const after = await t.opened.db.selectFrom('users').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('logs in, rotates the session id, and logs out with Clear-Site-Data', async () => {
    const first = await register('Жена Сергея');
    const oldCookie = first.cookies[SESSION_COOKIE];
    // a browser that still holds a session posts the login form (token from any page)
    const { res, cookies } = await submitForm(
      t.app,
      '/recover',
      { pseudonym: 'жена сергея', passphrase: PASS },
      first.cookies,
      '/login',
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/my/cases');
    expect(cookies[SESSION_COOKIE]).not.toBe(oldCookie);
    // the old session is gone
    const stale = await page('/account', { ...cookies, [SESSION_COOKIE]: oldCookie });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/login?next=%2Faccount');
    expect((await page('/account', cookies)).statusCode).toBe(200);
    const out = await submitForm(t.app, '/account', {}, cookies, '/logout');
    expect(out.res.statusCode).toBe(200);
    expect(out.res.headers['clear-site-data']).toBe('"cookies", "storage"');
    expect((await page('/account', cookies)).statusCode).toBe(303);
  });

  it('gives the same answer for a wrong passphrase and an unknown account', async () => {
    await register('Брат Андрея');
    const wrong = await logIn('Брат Андрея', 'not the passphrase at all');
    const unknown = await logIn('Никого нет', 'not the passphrase at all');
    expect(wrong.res.statusCode).toBe(400);
    expect(unknown.res.statusCode).toBe(400);
    expect(wrong.res.body).toContain('Неверный псевдоним или парольная фраза');
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '');
    expect(strip(wrong.res.body)).toBe(strip(unknown.res.body));
    expect(wrong.cookies[SESSION_COOKIE]).toBeUndefined();
  });

  it('locks an account after repeated failures, the same way for unknown accounts', async () => {
    await register('Отец Димы');
    for (let i = 0; i < 5; i++) await logIn('Отец Димы', `wrong passphrase ${i}`);
    const locked = await logIn('Отец Димы', PASS);
    expect(locked.res.statusCode).toBe(429);
    expect(locked.res.body).toContain('Слишком много неудачных попыток');
    for (let i = 0; i < 5; i++) await logIn('Нет такого', `wrong passphrase ${i}`);
    expect((await logIn('Нет такого', PASS)).res.statusCode).toBe(429);
    t.clock.advance(16 * MINUTE);
    expect((await logIn('Отец Димы', PASS)).res.statusCode).toBe(303);
  });

  it('recovers with a code exactly once and sets a new passphrase', async () => {
    const { res } = await register('Сестра Коли');
    const code = /<code class="secret">([0-9A-Z-]+)<\/code>/.exec(res.body)![1];
    const NEW = 'a brand new passphrase';
    const rec = await submitForm(t.app, '/recover', {
      pseudonym: 'Сестра Коли',
      code: code.toLowerCase(),
      passphrase: NEW,
      confirm: NEW,
    });
    expect(rec.res.statusCode).toBe(303);
    const landed = await page(String(rec.res.headers.location), rec.cookies);
    expect(landed.statusCode).toBe(200);
    expect(landed.body).toContain('Доступ восстановлен');
    const again = await submitForm(t.app, '/recover', {
      pseudonym: 'Сестра Коли',
      code,
      passphrase: 'yet another passphrase',
      confirm: 'yet another passphrase',
    });
    expect(again.res.statusCode).toBe(400);
    expect(again.res.body).toContain('Неверный псевдоним или код восстановления');
    expect((await logIn('Сестра Коли', PASS)).res.statusCode).toBe(400);
    expect((await logIn('Сестра Коли', NEW)).res.statusCode).toBe(303);
  });

  it('makes new recovery codes after the passphrase, shown once on a page of their own (post/redirect/get)', async () => {
    const { res: reg, cookies } = await register('Крёстная Миши');
    const old = /<code class="secret">([0-9A-Z-]+)<\/code>/.exec(reg.body)![1];
    const make = (passphrase: string) =>
      submitForm(t.app, '/account', { passphrase }, cookies, '/account/recovery-codes');
    // A wrong passphrase: the account page with the error, the old codes untouched.
    const wrong = await make('not the passphrase at all');
    expect(wrong.res.statusCode).toBe(400);
    expect(wrong.res.body).not.toContain('class="secret"');
    const posted = (await make(PASS)).res;
    // Redirected, so a reload does not post the form again; the POST answer shows no code.
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/account/recovery-codes');
    expect(posted.body).not.toContain('class="secret"');
    const sealed = await waitingIn(cookies);
    expect(sealed).not.toBeNull();
    const shown = await page('/account/recovery-codes', cookies);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.body).toContain('<strong class="pseudonym">Крёстная Миши</strong>');
    expect(shown.body).toContain('href="/account" role="button"');
    const codes = [...shown.body.matchAll(/<code class="secret">([0-9A-Z-]+)<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(6);
    expect(codes).not.toContain(old);
    for (const code of codes) expect(sealed).not.toContain(code);
    // Once: a reload (or a later visit) goes back to the account page, and nothing waits.
    const reload = await page('/account/recovery-codes', cookies);
    expect(reload.statusCode).toBe(303);
    expect(reload.headers.location).toBe('/account');
    expect(await waitingIn(cookies)).toBeNull();
    expect((await page('/account/recovery-codes', {})).headers.location).toMatch(/^\/login/);
    // The new codes replaced the old ones.
    const recover = (code: string) =>
      submitForm(t.app, '/recover', { pseudonym: 'Крёстная Миши', code, passphrase: PASS, confirm: PASS });
    expect((await recover(old)).res.statusCode).toBe(400);
    expect((await recover(codes[0])).res.statusCode).toBe(303);
  });

  it('keeps the codes on their page when its language is switched, and on no other visit', async () => {
    for (const [url, make, next] of [
      ['/register/codes', async () => register('Свекровь Димы'), '/my/cases'],
      [
        '/account/recovery-codes',
        async () => {
          const { cookies } = await register('Тесть Димы');
          await page('/account', cookies); // leaving the first codes' page
          await submitForm(t.app, '/account', { passphrase: PASS }, cookies, '/account/recovery-codes');
          return { res: await page('/account/recovery-codes', cookies), cookies };
        },
        '/account',
      ],
    ] as const) {
      const { res, cookies } = await make();
      const codes = codesOn(res.body);
      expect(codes, url).toHaveLength(6);
      // The language link goes to the same page (not to /account, not away), with a one-time token.
      const toEnglish = languageLink(res.body);
      expect(toEnglish, url).toMatch(new RegExp(`^${url}\\?again=[A-Za-z0-9_-]{22}&lang=en$`));
      const en = await page(toEnglish, cookies);
      expect(en.statusCode, url).toBe(200);
      expect(en.body, url).toContain('<html lang="en">');
      expect(en.body, url).toContain('Recovery codes');
      expect(codesOn(en.body), url).toEqual(codes);
      // And back to Russian: the same codes again.
      const toRussian = languageLink(en.body);
      expect(toRussian, url).toMatch(/&lang=ru$/);
      expect(toRussian, url).not.toBe(toEnglish.replace('lang=en', 'lang=ru'));
      const ru = await page(toRussian, cookies);
      expect(codesOn(ru.body), url).toEqual(codes);
      expect(ru.body, url).toContain('Коды восстановления');
      // A link used already (Back, a reload of a switched page) shows nothing and ends them.
      const stale = await page(toEnglish, cookies);
      expect(stale.statusCode, url).toBe(303);
      expect(stale.headers.location, url).toBe(next);
      expect(await waitingIn(cookies), url).toBeNull();
      expect((await page(languageLink(ru.body), cookies)).statusCode, url).toBe(303);
    }
    // Leaving the page for any other: the codes go at once, and its language link shows nothing.
    const { res, cookies } = await register('Золовка Димы');
    expect(codesOn(res.body)).toHaveLength(6);
    expect(await waitingIn(cookies)).not.toBeNull();
    expect((await page('/my/cases', cookies)).statusCode).toBe(200);
    expect(await waitingIn(cookies)).toBeNull();
    const after = await page(languageLink(res.body), cookies);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/my/cases');
    // Another browser with the link but not the session: the log-in page.
    expect((await page(languageLink(res.body), {})).headers.location).toMatch(/^\/login/);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { cookies } = await register('Тётя Вани');
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE - MINUTE);
    expect((await page('/account', cookies)).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE + MINUTE);
    expect((await page('/account', cookies)).statusCode).toBe(303);

    const second = await logIn('Тётя Вани', PASS);
    const steps = Math.ceil((t.config.sessionAbsoluteHours * HOUR) / ((t.config.sessionIdleMinutes * MINUTE) / 2)) + 1;
    for (let i = 0; i < steps; i++) {
      t.clock.advance((t.config.sessionIdleMinutes * MINUTE) / 2);
      await page('/account', second.cookies);
    }
    expect((await page('/account', second.cookies)).statusCode).toBe(303);
    const user = await t.opened.db
      .selectFrom('users')
      .select('id')
      .where('pseudonym', '=', 'Тётя Вани')
      .executeTakeFirstOrThrow();
    expect(await t.opened.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
  });

  it('a family may turn on 2FA; then login asks for it, and a recovery code stands in for a lost phone', async () => {
    const { res: reg, cookies } = await register('Дочь Максима');
    const code = /<code class="secret">([0-9A-Z-]+)<\/code>/.exec(reg.body)![1];
    await turnOnTwoFactor(t.app, t.clock, cookies, PASS);
    const again = await logIn('Дочь Максима', PASS);
    expect(again.res.headers.location).toBe('/login/2fa');
    // the code prompt offers the family its way back in, and no menu links that lead back here
    const prompt = await page('/login/2fa', again.cookies);
    expect(prompt.body).toContain('<a href="/recover">Войти с кодом восстановления</a>');
    expect(prompt.body).not.toContain('href="/account"');
    expect(prompt.body).not.toContain('href="/my/cases"');
    expect((await page('/account', again.cookies)).statusCode).toBe(303);
    const NEW = 'after losing the phone';
    const rec = await submitForm(t.app, '/recover', { pseudonym: 'Дочь Максима', code, passphrase: NEW, confirm: NEW });
    expect((await page('/account', rec.cookies)).statusCode).toBe(200);
  });

  it('ends all other sessions on request, keeping this one', async () => {
    const phone = await register('Внучка Пети');
    const laptop = await logIn('Внучка Пети', PASS);
    const account = await page('/account', laptop.cookies);
    expect(account.body).toContain('открыт ещё 1 сеанс');
    const ended = await submitForm(t.app, '/account', {}, laptop.cookies, '/account/sessions');
    expect(ended.res.headers.location).toBe('/account?done=sessions');
    expect((await page('/account', phone.cookies)).statusCode).toBe(303);
    expect((await page('/account', laptop.cookies)).body).toContain('Других открытых сеансов нет');
  });

  it('requires a CSRF token on every POST', async () => {
    const { cookies } = await register('Дядя Лёши');
    for (const url of [
      '/register',
      '/login',
      '/login/2fa',
      '/logout',
      '/recover',
      '/account/passphrase',
      '/account/recovery-codes',
      '/account/sessions',
      '/account/2fa/passphrase',
      '/account/2fa/confirm',
      '/admin/organisations',
      '/admin/invites',
      '/admin/invites/reset',
      '/admin/invites/remove',
      '/admin/invites/revoke',
      '/invite/x',
      '/reset/x',
      '/setup/x',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        cookies,
        payload: 'pseudonym=x&passphrase=y',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode, url).toBe(403);
      const forged = await t.app.inject({
        method: 'POST',
        url,
        cookies,
        payload: '_csrf=forged&pseudonym=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(forged.statusCode, url).toBe(403);
    }
    expect((await page('/account', cookies)).statusCode).toBe(200);
  });
});

describe('cookies over HTTPS', () => {
  it('get the Secure flag when the site is served over HTTPS', async () => {
    const t = await testApp('sqlite', { PUBLIC_URL: 'https://kintrace.example' });
    try {
      const { res } = await submitForm(t.app, '/register', {
        pseudonym: 'Secure user',
        passphrase: PASS,
        confirm: PASS,
      });
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await t.close();
    }
  });
});

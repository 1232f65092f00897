import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import {
  createFamily,
  createOrganisation,
  createSiteAdmin,
  createStaff,
  login,
  submitForm,
  type Cookies,
} from '../../test/helpers/factories.ts';
import { buildApp } from '../app.ts';
import { HOUR } from '../shared/clock.ts';
import { publicKeyOf } from '../shared/crypto/index.ts';
import { organisationPrivateKey, organisationPublicKey, staffOfOrganisation } from './accounts.service.ts';
import { requireStaff } from '../web/guards.ts';
import { loadSession, SESSION_COOKIE } from './sessions.service.ts';
import { totpCode } from './totp.crypto.ts';

// Staff: organisations, invites, 2FA before any case, TOTP replay, reset links, restarts.

const PASS = 'staff passphrase long enough';

describe.each(DIALECTS)('staff accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    // A stand-in for any case page: exactly what the cases domain's routes call first.
    t.app.get('/test/staff-only', async (req) => {
      requireStaff(req);
      return 'case list';
    });
  });
  afterAll(() => t.close());

  const get = (url: string, cookies: Cookies) => t.app.inject({ method: 'GET', url, cookies });
  const linkFrom = (body: string) =>
    /<code class="secret">https?:\/\/[^/]+(\/(?:invite|reset)\/[A-Za-z0-9_-]{43})<\/code>/.exec(body)![1];
  const authOf = async (cookies: Cookies) =>
    (await loadSession(t.opened.db, cookies[SESSION_COOKIE], t.clock, t.config))!.auth;

  /** Sets up TOTP through the pages; returns the secret the page showed. */
  const setUpTotp = async (cookies: Cookies, passphrase: string): Promise<{ secret: string; cookies: Cookies }> => {
    const step1 = await submitForm(t.app, '/account/2fa', { passphrase }, cookies, '/account/2fa/passphrase');
    expect(step1.res.statusCode).toBe(303);
    const page = await get('/account/2fa', step1.cookies);
    expect(page.body).toContain('data:image/png;base64,');
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1].replace(/ /g, '');
    const step2 = await submitForm(
      t.app,
      '/account/2fa',
      { code: totpCode(secret, t.clock.now()) },
      step1.cookies,
      '/account/2fa/confirm',
    );
    expect(step2.res.statusCode).toBe(303);
    return { secret, cookies: step2.cookies };
  };

  it('site admin creates an organisation; the invited first admin sets up 2FA, then holds the org key', async () => {
    const admin = await createSiteAdmin(t.opened.db, { clock: t.clock });
    const cookies = await login(t.app, admin.pseudonym, admin.passphrase, admin.totpSecret);
    const created = await submitForm(t.app, '/admin/organisations', { name: 'Правозащитная группа' }, cookies);
    expect(created.res.statusCode).toBe(200);
    const path = linkFrom(created.res.body);
    const org = await t.opened.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Правозащитная группа')
      .executeTakeFirstOrThrow();
    // the token is stored only hashed
    expect(JSON.stringify(await t.opened.db.selectFrom('invites').selectAll().execute())).not.toContain(
      path.split('/')[2],
    );

    const accepted = await submitForm(t.app, path, { pseudonym: 'Координатор', passphrase: PASS, confirm: PASS });
    expect(accepted.res.statusCode).toBe(303);
    expect(accepted.res.headers.location).toBe('/account/2fa');
    // no case before 2FA
    const before = await get('/test/staff-only', accepted.cookies);
    expect(before.statusCode).toBe(303);
    expect((await get('/login', accepted.cookies)).headers.location).toBe('/account/2fa');
    // The passphrase was chosen a moment ago: the setup starts at once, not with «enter it again».
    const setup = await get('/staff/2fa/setup', accepted.cookies);
    expect(setup.body).toContain('<code class="secret">');
    expect(setup.body).not.toContain('action="/account/2fa/passphrase"');

    const { cookies: ready } = await setUpTotp(accepted.cookies, PASS);
    expect((await get('/test/staff-only', ready)).body).toBe('case list');
    const auth = await authOf(ready);
    expect(auth.role).toBe('org_admin');
    const orgKey = await organisationPrivateKey(t.opened.db, auth);
    expect(publicKeyOf(orgKey)).toBe(await organisationPublicKey(t.opened.db, org.id));
    expect((await staffOfOrganisation(t.opened.db, org.id)).map((s) => s.pseudonym)).toEqual(['Координатор']);
    const actions = (
      await t.opened.db.selectFrom('audit_log').select('action').where('organisation_id', '=', org.id).execute()
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organisation.created',
        'account.invite_created',
        'account.invite_accepted',
        'account.2fa_set',
      ]),
    );
  });

  it("invites are single-use, expire, and stay inside the admin's organisation", async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const other = await createOrganisation(t.opened.db, { clock: t.clock });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const cookies = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const made = await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'caseworker' }, cookies);
    const path = linkFrom(made.res.body);
    expect((await get(path, {})).statusCode).toBe(200);
    const users = async () => (await t.opened.db.selectFrom('users').select('id').execute()).length;
    const count = await users();
    const bad = await submitForm(
      t.app,
      `${path}?lang=en`,
      { pseudonym: 'Юрист Анна', passphrase: 'short', confirm: 'short' },
      {},
      path,
    );
    expect(bad.res.statusCode).toBe(400);
    expect(bad.res.body).toContain('value="Юрист Анна"');
    expect(bad.res.body).toContain('Passphrase too short');
    const taken = await submitForm(t.app, path, { pseudonym: orgAdmin.pseudonym, passphrase: PASS, confirm: PASS });
    expect(taken.res.statusCode).toBe(409);
    expect(taken.res.body).toContain('Этот псевдоним уже занят');
    expect(await users()).toBe(count); // nothing created, and the invite still works
    const first = await submitForm(t.app, path, { pseudonym: 'Юрист Анна', passphrase: PASS, confirm: PASS });
    expect(first.res.statusCode).toBe(303);
    const replay = await t.app.inject({ method: 'GET', url: path });
    expect(replay.statusCode).toBe(404);
    expect(replay.body).toContain('Ссылка недействительна');

    const revoked = linkFrom(
      (await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'editor' }, cookies)).res.body,
    );
    const listed = await get('/admin/invites', cookies);
    const inviteId = /name="inviteId" value="([^"]+)"/.exec(listed.body)![1];
    expect(
      (await submitForm(t.app, '/admin/invites', { inviteId }, cookies, '/admin/invites/revoke')).res.statusCode,
    ).toBe(303);
    expect((await get(revoked, {})).statusCode).toBe(404);

    const late = linkFrom(
      (await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'verifier' }, cookies)).res.body,
    );
    t.clock.advance(73 * HOUR);
    expect((await get(late, {})).statusCode).toBe(404);
    const fresh = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const foreign = await submitForm(t.app, '/admin/invites', { organisationId: other.id, role: 'caseworker' }, fresh);
    expect(foreign.res.statusCode).toBe(404);
    const badRole = await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'site_admin' }, fresh);
    expect(badRole.res.statusCode).toBe(400);
    expect(badRole.res.body).toContain('Выберите вариант из списка');
  });

  it('asks for TOTP at each login and accepts a code only once', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const cw = await createStaff(t.opened.db, org, 'caseworker', { clock: t.clock });
    const step1 = await submitForm(t.app, '/login', { pseudonym: cw.pseudonym, passphrase: cw.passphrase });
    expect(step1.res.headers.location).toBe('/login/2fa');
    expect((await get('/test/staff-only', step1.cookies)).statusCode).toBe(303);
    // 2FA cannot be changed with the passphrase alone before passing it
    expect((await get('/account/2fa', step1.cookies)).statusCode).toBe(303);
    const code = totpCode(cw.totpSecret!, t.clock.now());
    const ok = await submitForm(t.app, '/login/2fa', { code }, step1.cookies);
    expect(ok.res.statusCode).toBe(303);
    expect(ok.cookies[SESSION_COOKIE]).not.toBe(step1.cookies[SESSION_COOKIE]);
    expect((await get('/test/staff-only', ok.cookies)).statusCode).toBe(200);

    const again = await submitForm(t.app, '/login', { pseudonym: cw.pseudonym, passphrase: cw.passphrase });
    const replay = await submitForm(t.app, '/login/2fa', { code }, again.cookies);
    expect(replay.res.statusCode).toBe(400);
    expect(replay.res.body).toContain('Код не подошёл');
  });

  it('sets up a first 2FA without the passphrase again only minutes after it was chosen, and always asks to change one', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const admin = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const invite = async () =>
      linkFrom(
        (await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'caseworker' }, admin)).res.body,
      );
    const accept = async (pseudonym: string) => {
      const done = await submitForm(t.app, await invite(), { pseudonym, passphrase: PASS, confirm: PASS });
      expect(done.res.headers.location).toBe('/account/2fa');
      return done.cookies;
    };
    const asksPassphrase = (body: string) => body.includes('action="/account/2fa/passphrase"');

    // Straight from choosing the passphrase: the key and the code field, and the code alone completes it.
    const fresh = await accept('Юрист Ольга');
    const page = await get('/account/2fa', fresh);
    expect(asksPassphrase(page.body)).toBe(false);
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1].replace(/ /g, '');
    // a reload shows the same key, not a new one the app has not seen
    expect((await get('/account/2fa?lang=en', fresh)).body).toContain(`<code class="secret">`);
    expect(/<code class="secret">([A-Z2-7 ]+)<\/code>/.exec((await get('/account/2fa', fresh)).body)![1]).toBe(
      /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1],
    );
    const confirmed = await submitForm(
      t.app,
      '/account/2fa',
      { code: totpCode(secret, t.clock.now()) },
      fresh,
      '/account/2fa/confirm',
    );
    expect(confirmed.res.statusCode).toBe(303);
    expect((await get('/test/staff-only', confirmed.cookies)).body).toBe('case list');

    // The same, come to the page only after the few minutes: the passphrase again.
    const slow = await accept('Юрист Пётр');
    t.clock.advance(6 * 60_000);
    const late = await get('/account/2fa', slow);
    expect(asksPassphrase(late.body)).toBe(true);
    expect(late.body).not.toContain('<code class="secret">');
    t.clock.advance(-6 * 60_000);

    // Changing a second factor one already has: asked, however fresh the login.
    const cw = await createStaff(t.opened.db, org, 'caseworker', { clock: t.clock });
    const justIn = await login(t.app, cw.pseudonym, cw.passphrase, cw.totpSecret);
    const change = await get('/account/2fa', justIn);
    expect(asksPassphrase(change.body)).toBe(true);
    expect(change.body).not.toContain('<code class="secret">');
    // …and a code sent without the passphrase step finds nothing to confirm.
    const skipped = await submitForm(t.app, '/account/2fa', { code: '123456' }, justIn, '/account/2fa/confirm');
    expect(skipped.res.statusCode).toBe(400);
  });

  it('changes 2FA only after the passphrase is entered again', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const v = await createStaff(t.opened.db, org, 'verifier', { clock: t.clock });
    const cookies = await login(t.app, v.pseudonym, v.passphrase, v.totpSecret);
    const wrong = await submitForm(
      t.app,
      '/account/2fa',
      { passphrase: 'not my passphrase' },
      cookies,
      '/account/2fa/passphrase',
    );
    expect(wrong.res.statusCode).toBe(400);
    expect(wrong.res.body).toContain('Неверная парольная фраза');
    const noPending = await submitForm(t.app, '/account/2fa', { code: '123456' }, cookies, '/account/2fa/confirm');
    expect(noPending.res.statusCode).toBe(400);
    const before = await t.opened.db
      .selectFrom('users')
      .select('totp_secret_sealed')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    t.clock.advance(60_000);
    const { secret } = await setUpTotp(cookies, v.passphrase);
    const after = await t.opened.db
      .selectFrom('users')
      .select('totp_secret_sealed')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(after.totp_secret_sealed).not.toBe(before.totp_secret_sealed);
    expect(after.totp_secret_sealed).not.toContain(secret);
  });

  it('a reset link from an admin gives a staff member a new passphrase and keeps the org key', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const editor = await createStaff(t.opened.db, org, 'editor', { clock: t.clock });
    const cookies = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const boss = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    expect(
      (await submitForm(t.app, '/admin/invites', { userId: boss.id }, cookies, '/admin/invites/reset')).res.statusCode,
    ).toBe(404);
    const made = await submitForm(t.app, '/admin/invites', { userId: editor.id }, cookies, '/admin/invites/reset');
    const path = linkFrom(made.res.body);
    const NEW = 'editor new passphrase';
    const done = await submitForm(t.app, path, { passphrase: NEW, confirm: NEW });
    expect(done.res.headers.location).toBe('/account/2fa');
    const { cookies: ready } = await setUpTotp(done.cookies, NEW);
    const key = await organisationPrivateKey(t.opened.db, await authOf(ready));
    expect(key.equals(org.privateKey)).toBe(true);
    expect(
      (await submitForm(t.app, '/login', { pseudonym: editor.pseudonym, passphrase: editor.passphrase })).res
        .statusCode,
    ).toBe(400);
  });

  it('the staff list says, in words, who has not set up two-factor protection and cannot work yet', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const admin = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const path = linkFrom(
      (await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'caseworker' }, admin)).res.body,
    );
    const joined = await submitForm(t.app, path, { pseudonym: 'Юрист Без Кода', passphrase: PASS, confirm: PASS });
    expect(joined.res.statusCode).toBe(303);
    /** The list item of one member on the staff page. */
    const rowOf = async (pseudonym: string, cookies: Cookies, query = '') => {
      const body = (await get(`/admin/invites?org=${org.id}${query}`, cookies)).body;
      return [...body.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]).find((li) => li.includes(pseudonym)) ?? '';
    };

    const newcomer = await rowOf('Юрист Без Кода', admin);
    expect(newcomer).toContain('двухфакторная защита не настроена: пока не может работать');
    expect(await rowOf(orgAdmin.pseudonym, admin)).toContain('двухфакторная защита настроена');
    expect(await rowOf(orgAdmin.pseudonym, admin)).not.toContain('не настроена');
    expect(await rowOf('Юрист Без Кода', admin, '&lang=en')).toContain(
      'two-factor protection not set up: cannot work yet',
    );
    // A site admin holding the organisation's key sees the same.
    const boss = await createSiteAdmin(t.opened.db, { clock: t.clock, org });
    const bossCookies = await login(t.app, boss.pseudonym, boss.passphrase, boss.totpSecret);
    expect(await rowOf('Юрист Без Кода', bossCookies)).toContain('двухфакторная защита не настроена');

    await setUpTotp(joined.cookies, PASS);
    const done = await rowOf('Юрист Без Кода', admin);
    expect(done).toContain('двухфакторная защита настроена');
    expect(done).not.toContain('не настроена');
  });

  it('families and other roles get "not found" on admin pages', async () => {
    const fam = await createFamily(t.opened.db, { clock: t.clock });
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const cw = await createStaff(t.opened.db, org, 'caseworker', { clock: t.clock });
    for (const url of ['/admin/organisations', '/admin/invites', '/test/staff-only'])
      expect((await get(url, fam.cookies)).statusCode, url).toBe(404);
    for (const url of ['/admin/organisations', '/admin/invites'])
      expect((await get(url, cw.cookies)).statusCode, url).toBe(404);
  });

  it('an org admin removes a staff member: sessions end, the org key wrap is gone, login fails', async () => {
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    const other = await createOrganisation(t.opened.db, { clock: t.clock });
    const orgAdmin = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const cw = await createStaff(t.opened.db, org, 'org_admin', { clock: t.clock });
    const cwCookies = await login(t.app, cw.pseudonym, cw.passphrase, cw.totpSecret);
    const accomplice = linkFrom(
      (await submitForm(t.app, '/admin/invites', { organisationId: org.id, role: 'caseworker' }, cwCookies)).res.body,
    );
    const outsider = await createStaff(t.opened.db, other, 'caseworker', { clock: t.clock });
    const cookies = await login(t.app, orgAdmin.pseudonym, orgAdmin.passphrase, orgAdmin.totpSecret);
    const foreign = await submitForm(
      t.app,
      '/admin/invites',
      { userId: outsider.id },
      cookies,
      '/admin/invites/remove',
    );
    expect(foreign.res.statusCode).toBe(404);
    expect(foreign.res.body).not.toContain(outsider.pseudonym);
    const ask = await submitForm(t.app, '/admin/invites', { userId: cw.id }, cookies, '/admin/invites/remove');
    expect(ask.res.statusCode).toBe(200);
    expect(
      await t.opened.db.selectFrom('users').select('disabled').where('id', '=', cw.id).executeTakeFirstOrThrow(),
    ).toEqual({ disabled: 0 });
    const done = await submitForm(
      t.app,
      '/admin/invites',
      { userId: cw.id, confirm: 'yes' },
      cookies,
      '/admin/invites/remove',
    );
    expect(done.res.statusCode).toBe(303);
    const after = await get(String(done.res.headers.location), cookies);
    expect(after.body).toContain('Сотрудник удалён');
    expect(after.body).toContain('Ключ организации заменён');
    expect((await get('/test/staff-only', cw.cookies)).statusCode).toBe(303);
    expect((await get(accomplice, {})).statusCode).toBe(404);
    expect(
      await t.opened.db.selectFrom('organisation_key_wraps').select('user_id').where('user_id', '=', cw.id).execute(),
    ).toEqual([]);
    expect(
      (await submitForm(t.app, '/login', { pseudonym: cw.pseudonym, passphrase: cw.passphrase })).res.statusCode,
    ).toBe(400);
    expect((await staffOfOrganisation(t.opened.db, org.id)).map((s) => s.id)).not.toContain(cw.id);
  });

  it('rate-limits recovery attempts globally, whatever the account', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const { res } = await submitForm(t.app, '/recover', {
        pseudonym: `someone${i}`,
        code: 'AAAAA-AAAAA-AAAAA-AAAAA',
        passphrase: PASS,
        confirm: PASS,
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('keeps users logged in across a restart; a copy of the database opens no session', async () => {
    const fam = await createFamily(t.opened.db, { clock: t.clock });
    const cookies = await login(t.app, fam.pseudonym, fam.passphrase);
    const second = await buildApp({ config: t.config, db: t.opened.db, dialect: t.opened.dialect, clock: t.clock });
    try {
      expect((await second.inject({ method: 'GET', url: '/account', cookies })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
    const rows = await t.opened.db.selectFrom('sessions').selectAll().execute();
    const privateHex = fam.auth.userPrivateKey.toString('base64url');
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain(privateHex);
      // whatever an attacker builds from the row alone, it is not a working cookie
      for (const guess of [`${row.id_hash}.${row.id_hash}`, `${row.id_hash}.${'A'.repeat(43)}`]) {
        expect(await loadSession(t.opened.db, guess, t.clock, t.config)).toBeNull();
      }
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createFamily, submitForm } from '../../test/helpers/factories.ts';
import { issueSetupLink } from './first-run.service.ts';

const PASS = 'first admin passphrase';

describe.each(DIALECTS)('first administrator on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('prints a one-time setup link on an empty deployment; it works once, then 2FA setup follows', async () => {
    const deps = { db: t.opened.db, config: t.config, clock: t.clock };
    // A family registering before the admin neither blocks the link nor stops it being printed.
    await createFamily(t.opened.db, { clock: t.clock });
    const older = await issueSetupLink(deps);
    const message = await issueSetupLink(deps);
    expect(message).toMatch(/^https?:\/\/[^/]+\/setup\/[A-Za-z0-9_-]{43}$/);
    const path = /\/setup\/[A-Za-z0-9_-]{43}/.exec(message!)![0];
    // a restart prints a new link and the old one stops working
    expect((await t.app.inject({ method: 'GET', url: /\/setup\/[A-Za-z0-9_-]{43}/.exec(older!)![0] })).statusCode).toBe(
      404,
    );
    const setupPage = await t.app.inject({ method: 'GET', url: path });
    expect(setupPage.statusCode).toBe(200);
    // Nobody can issue the first administrator a reset link: the hint must not promise one.
    expect(setupPage.body).toContain('других администраторов пока нет');
    expect(setupPage.body).not.toContain('выдаст ссылку для сброса');
    // a token is never stored in clear
    expect(JSON.stringify(await t.opened.db.selectFrom('meta').selectAll().execute())).not.toContain(path.slice(7));

    const bad = await submitForm(t.app, path, { pseudonym: 'a', passphrase: PASS, confirm: PASS });
    expect(bad.res.statusCode).toBe(400);
    expect(bad.res.body).toContain('Псевдоним слишком короткий');
    const ok = await submitForm(t.app, path, {
      pseudonym: 'Администратор',
      passphrase: PASS,
      confirm: PASS,
      organisation: 'Первая организация',
    });
    expect(ok.res.statusCode).toBe(303);
    expect(ok.res.headers.location).toBe('/account/2fa');
    expect((await t.app.inject({ method: 'GET', url: '/admin/organisations', cookies: ok.cookies })).statusCode).toBe(
      303,
    );
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect(await issueSetupLink(deps)).toBeNull();
    const admin = await t.opened.db
      .selectFrom('users')
      .where('role', '=', 'site_admin')
      .select(['role', 'organisation_id'])
      .executeTakeFirstOrThrow();
    expect(admin.role).toBe('site_admin');
    expect(admin.organisation_id).not.toBeNull();
  });
});

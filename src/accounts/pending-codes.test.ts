import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { queryRecorder } from '../../test/helpers/query-recorder.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { registerFamily, regenerateRecoveryCodes } from './auth.service.ts';
import { loadSession, setPendingCodes, takePendingCodes } from './sessions.service.ts';

// Recovery codes waiting in a session for their one page: a new account's session is inserted
// with them (one write, not an insert and then an update), and the page takes what loadSession
// already read instead of reading the session row again. Both database engines.

describe.each(DIALECTS)('recovery codes waiting in a session on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const deps = () => ({ db: t.opened.db, config: t.config, clock: t.clock });
  const load = async (cookie: string) => (await loadSession(t.opened.db, cookie, t.clock, t.config))!;

  it('a registration writes its session once, with the codes sealed in it', async () => {
    const { seen, plugin } = queryRecorder('sessions');
    const { cookie } = await registerFamily(
      { ...deps(), db: t.opened.db.withPlugin(plugin) },
      { pseudonym: 'Тётя Олега', passphrase: 'a long passphrase here' },
    );
    expect(seen.map((q) => q.kind)).toEqual(['InsertQueryNode']);
    const session = await load(cookie);
    expect(session.codesSealed).not.toBeNull();
    expect(await takePendingCodes(t.opened.db, session)).toHaveLength(6);
  });

  it('the codes page takes what loadSession read, without reading the session again, once', async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Дед Саши', passphrase: 'a long passphrase here' });
    const session = await load(cookie);
    const { seen, plugin } = queryRecorder('sessions');
    const codes = await takePendingCodes(t.opened.db.withPlugin(plugin), session);
    expect(codes).toHaveLength(6);
    expect(seen.map((q) => q.kind)).toEqual(['UpdateQueryNode']);
    expect(await takePendingCodes(t.opened.db, session)).toBeNull();
    expect((await load(cookie)).codesSealed).toBeNull();
  });

  it('a page loaded before new codes were made does not take them: they wait for their own page', async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Шурин Вовы', passphrase: 'a long passphrase here' });
    const stale = await load(cookie);
    await regenerateRecoveryCodes(deps(), stale);
    expect(await takePendingCodes(t.opened.db, stale)).toBeNull();
    const fresh = await load(cookie);
    const codes = await takePendingCodes(t.opened.db, fresh);
    expect(codes).toHaveLength(6);
    await setPendingCodes(t.opened.db, fresh.handle, ['X']);
    expect(await takePendingCodes(t.opened.db, await load(cookie))).toEqual(['X']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { queryRecorder } from '../../test/helpers/query-recorder.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { seal } from '../shared/crypto/index.ts';
import { aad } from './account-keys.crypto.ts';
import { registerFamily, regenerateRecoveryCodes } from './auth.service.ts';
import { dropPendingCodes, loadSession, setPendingCodes, viewPendingCodes } from './sessions.service.ts';

// Recovery codes waiting in a session for their one page: a new account's session is inserted
// with them (one write, not an insert and then an update), and the page takes what loadSession
// already read instead of reading the session row again; the page's language link shows them
// again, once per token, and nothing else does. Both database engines.

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
    expect((await viewPendingCodes(t.opened.db, session, undefined))?.codes).toHaveLength(6);
  });

  it('the codes page takes what loadSession read, without reading the session again, once', async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Дед Саши', passphrase: 'a long passphrase here' });
    const session = await load(cookie);
    const { seen, plugin } = queryRecorder('sessions');
    const shown = await viewPendingCodes(t.opened.db.withPlugin(plugin), session, undefined);
    expect(shown?.codes).toHaveLength(6);
    expect(seen.map((q) => q.kind)).toEqual(['UpdateQueryNode']);
    // What that request read is gone: the same session value shows nothing again.
    expect(await viewPendingCodes(t.opened.db, session, shown?.again)).toBeNull();
  });

  it("the language link's token shows them again, once each; a reload or a wrong token erases them", async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Брат Лёши', passphrase: 'a long passphrase here' });
    const first = (await viewPendingCodes(t.opened.db, await load(cookie), undefined))!;
    expect(first.codes).toHaveLength(6);
    // Switched language: the same codes, and a new token for the next switch.
    const second = (await viewPendingCodes(t.opened.db, await load(cookie), first.again))!;
    expect(second.codes).toEqual(first.codes);
    expect(second.again).not.toBe(first.again);
    const third = (await viewPendingCodes(t.opened.db, await load(cookie), second.again))!;
    expect(third.codes).toEqual(first.codes);
    // The old link (Back to a page shown before): nothing, and nothing waits any more.
    expect(await viewPendingCodes(t.opened.db, await load(cookie), first.again)).toBeNull();
    expect((await load(cookie)).codesSealed).toBeNull();
    expect(await viewPendingCodes(t.opened.db, await load(cookie), third.again)).toBeNull();

    // A reload (no token) after the first view erases them too.
    await regenerateRecoveryCodes(deps(), await load(cookie));
    expect(await viewPendingCodes(t.opened.db, await load(cookie), undefined)).not.toBeNull();
    expect(await viewPendingCodes(t.opened.db, await load(cookie), undefined)).toBeNull();
    expect((await load(cookie)).codesSealed).toBeNull();

    // Leaving the page: dropped, the token no longer shows them.
    await regenerateRecoveryCodes(deps(), await load(cookie));
    const left = (await viewPendingCodes(t.opened.db, await load(cookie), undefined))!;
    await dropPendingCodes(t.opened.db, await load(cookie));
    expect(await viewPendingCodes(t.opened.db, await load(cookie), left.again)).toBeNull();
  });

  it('codes sealed before the language link kept them (the codes alone) show once, as before', async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Сват Гены', passphrase: 'a long passphrase here' });
    const session = await load(cookie);
    await t.opened.db
      .updateTable('sessions')
      .set({
        codes_sealed: seal(
          session.handle.secret,
          JSON.stringify(['A-1', 'B-2']),
          aad.pendingCodes(session.handle.idHash),
        ),
      })
      .where('id_hash', '=', session.handle.idHash)
      .execute();
    const shown = await viewPendingCodes(t.opened.db, await load(cookie), undefined);
    expect(shown?.codes).toEqual(['A-1', 'B-2']);
    expect((await viewPendingCodes(t.opened.db, await load(cookie), shown?.again))?.codes).toEqual(['A-1', 'B-2']);
  });

  it('a page loaded before new codes were made does not take them: they wait for their own page', async () => {
    const { cookie } = await registerFamily(deps(), { pseudonym: 'Шурин Вовы', passphrase: 'a long passphrase here' });
    const stale = await load(cookie);
    await regenerateRecoveryCodes(deps(), stale);
    expect(await viewPendingCodes(t.opened.db, stale, undefined)).toBeNull();
    const fresh = await load(cookie);
    const shown = await viewPendingCodes(t.opened.db, fresh, undefined);
    expect(shown?.codes).toHaveLength(6);
    await setPendingCodes(t.opened.db, fresh.handle, ['X']);
    expect((await viewPendingCodes(t.opened.db, await load(cookie), undefined))?.codes).toEqual(['X']);
  });
});

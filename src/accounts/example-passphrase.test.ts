import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { registerThroughPages } from './accounts.fixtures.ts';
import { EXAMPLE_PASSPHRASES } from './accounts.schema.ts';

// The passphrase hint shows an example; frightened people copy it and guessers try it first, so
// no form that sets a passphrase takes it. Both database engines (an app of its own: the register
// form's rate limit is shared with auth.test.ts's many registrations otherwise).

const PASS = 'correct horse battery staple';

describe.each(DIALECTS)("the hint's example passphrase on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const register = (pseudonym: string, passphrase = PASS) => registerThroughPages(t.app, pseudonym, passphrase);
  const logIn = (pseudonym: string, passphrase: string) => submitForm(t.app, '/login', { pseudonym, passphrase });

  it("refuses the hint's example passphrase, however typed, on registering, recovering and changing it", async () => {
    const before = await t.opened.db.selectFrom('users').select('id').execute();
    for (const [lang, typed, message] of [
      ['ru', 'синий чайник стоит на окне', 'это пример из подсказки'],
      ['ru', '  «Синий  чайник стоит на окне».', 'это пример из подсказки'],
      ['ru', 'СИНИЙ ЧАЙНИК СТОИТ НА ОКНЁ', 'это пример из подсказки'],
      ['en', 'Blue kettle on the window', 'it is the example from the hint'],
    ]) {
      const { res } = await submitForm(t.app, `/register?lang=${lang}`, {
        pseudonym: 'Тётя Вали',
        passphrase: typed,
        confirm: typed,
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="passphrase-error"');
      expect(res.body).toContain(message);
    }
    expect(await t.opened.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    // A phrase that only contains the example's words is hers to choose.
    expect((await register('Тётя Вали', 'синий чайник стоит на окне у бабушки')).posted.statusCode).toBe(303);
    const { res: codes } = await register('Дядя Вали');
    const code = /<code class="secret">([0-9A-Z-]+)<\/code>/.exec(codes.body)![1];
    const EXAMPLE = 'Синий чайник стоит на окне';
    const rec = await submitForm(t.app, '/recover', {
      pseudonym: 'Дядя Вали',
      code,
      passphrase: EXAMPLE,
      confirm: EXAMPLE,
    });
    expect(rec.res.statusCode).toBe(400);
    expect(rec.res.body).toContain('это пример из подсказки');
    const { cookies } = await logIn('Дядя Вали', PASS);
    const change = await submitForm(
      t.app,
      '/account/passphrase',
      { current: PASS, passphrase: EXAMPLE, confirm: EXAMPLE },
      cookies,
    );
    expect(change.res.statusCode).toBe(400);
    expect(change.res.body).toContain('это пример из подсказки');
    expect((await logIn('Дядя Вали', PASS)).res.statusCode).toBe(303);
  });

  it('keeps the refused examples the ones the hint shows, in both languages', async () => {
    const hint = (lang: string) => t.app.inject({ method: 'GET', url: `/register?lang=${lang}` });
    expect((await hint('ru')).body).toContain(`«${EXAMPLE_PASSPHRASES[0]}»`);
    expect((await hint('en')).body).toContain(`“${EXAMPLE_PASSPHRASES[1]}”`);
  });

  // QA walk 11: a mother chose «Лена из Шахт» — a town, stored in clear on a server that may be
  // seized. The hint named a real name, a phone and an e-mail only.
  it('warns, beside the pseudonym, against a town and anything that identifies, and says why', async () => {
    const ru = (await t.app.inject({ method: 'GET', url: '/register' })).body;
    expect(ru).toContain('город');
    expect(ru).toContain('псевдоним хранится незашифрованным');
    const en = (await t.app.inject({ method: 'GET', url: '/register?lang=en' })).body;
    expect(en).toContain('the pseudonym is stored unencrypted');
  });
});

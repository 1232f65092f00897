import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { browserOf as browserOfApp } from '../../test/helpers/not-sent.ts';
import { totpCode } from '../accounts/totp.crypto.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import type { ManualClock } from '../shared/clock.ts';
import { decodeResume, encodeResume, RESUME_FIELD } from './resume-typed.tsx';

// A mother's long message arrives after the browser forgot her session (Tor Browser restarted).
// The session-ended page used to hand it back in a box to copy, then send her to log in and paste
// it into the form again — on a phone, where she gives up. Now the page logs her in itself and
// the next page is her form, filled in, to send with one tap. Nothing is stored on the way.

const MARK = 'МАРКЕР-ВОЗВРАТ-7731';
const STORY = `Сын звонил 3 марта из-под Купянска.\nПотом пропал. ${MARK}`;

describe.each(DIALECTS)('what was typed, carried through logging in again (%s)', (dialect) => {
  const s = useWorld(dialect);
  const count = (table: 'case_messages' | 'case_notes') => countRows(s.t.opened.db, table);
  const browserOf = (user: TestUser) => browserOfApp(s.t.app, user);
  const caseUrl = () => `/cases/${s.w.caseId}`;
  const textarea = (name: string) => new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`);

  it('a family logs in on the session-ended page and sends her message with one tap', async () => {
    const before = await count('case_messages');
    const family = browserOf(s.w.family);
    await family.get(caseUrl());
    family.cookies.clear();
    const ended = await family.submit(null, `${caseUrl()}/messages`, { body: STORY });
    expect(ended.body).toContain('Браузер забыл вход на этот сайт');
    expect(ended.body).toContain('Войти и вернуть текст в форму');
    expect(await count('case_messages')).toBe(before);

    // A wrong passphrase first: the text stays with the log-in form.
    const wrong = await family.submit(null, '/login', { pseudonym: s.w.family.pseudonym, passphrase: 'не та фраза' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain(`name="${RESUME_FIELD}"`);
    expect(wrong.body).toContain('вернётся в форму');

    const back = await family.submit(null, '/login', {
      pseudonym: s.w.family.pseudonym,
      passphrase: s.w.family.passphrase,
    });
    expect(back.status).toBe(200);
    expect(back.body).toContain('Отправьте форму ещё раз');
    // Her words, editable, in a form that posts where hers did; still nothing saved.
    expect(textarea('body').exec(back.body)?.[1]).toBe(STORY);
    expect(back.body).toContain(`action="${caseUrl()}/messages"`);
    expect(await count('case_messages')).toBe(before);

    const sent = await family.submit(null, `${caseUrl()}/messages`);
    expect(sent.url).toMatch(new RegExp(`^${caseUrl()}`));
    expect(await count('case_messages')).toBe(before + 1);
    expect(sent.body).toContain(MARK);
  });

  it('a caseworker with a second factor gets her note back after the code', async () => {
    const before = await count('case_notes');
    const staff = browserOf(s.w.caseworker);
    await staff.get(caseUrl());
    staff.cookies.clear();
    const ended = await staff.submit(null, `/staff/cases/${s.w.caseId}/notes`, { body: STORY });
    expect(ended.body).toContain('Войти и вернуть текст в форму');
    const step1 = await staff.submit(null, '/login', {
      pseudonym: s.w.caseworker.pseudonym,
      passphrase: s.w.caseworker.passphrase,
    });
    expect(step1.status).toBe(200);
    expect(step1.body).toContain('action="/login/2fa"');
    expect(step1.body).toContain(`name="${RESUME_FIELD}"`);
    // A code not used yet (the test log-in used this step's).
    (s.t.clock as ManualClock).advance(30_000);
    const back = await staff.submit(null, '/login/2fa', {
      code: totpCode(s.w.caseworker.totpSecret!, s.t.clock.now()),
    });
    expect(back.status).toBe(200);
    expect(back.body).toContain('Отправьте форму ещё раз');
    expect(textarea('body').exec(back.body)?.[1]).toBe(STORY);
    await staff.submit(null, `/staff/cases/${s.w.caseId}/notes`);
    expect(await count('case_notes')).toBe(before + 1);
  });

  it('a multipart form is sent again as multipart, its new token its first field, none in the action', async () => {
    const resume = encodeResume({
      to: `${caseUrl()}/events`,
      multipart: true,
      fields: [{ name: 'description', value: STORY, label: 'Что случилось', shown: null, long: true }],
    });
    const visitor = new Visitor(s.t.app);
    const back = await visitor.submit('/login', '/login', {
      pseudonym: s.w.family.pseudonym,
      passphrase: s.w.family.passphrase,
      [RESUME_FIELD]: resume,
    });
    expect(back.body).toContain('enctype="multipart/form-data"');
    expect(back.body).toMatch(
      new RegExp(
        `action="${caseUrl()}/events" enctype="multipart/form-data"[^>]*>\\s*<input type="hidden" name="_csrf"`,
      ),
    );
    expect(back.body).not.toMatch(/action="[^"]*_csrf/);
  });

  it('carries nothing that is not a form of this site', () => {
    const field = { name: 'body', value: STORY, label: null, shown: null, long: true };
    const ok = decodeResume(encodeResume({ to: '/cases/1/messages', multipart: false, fields: [field] }));
    expect(ok?.fields[0].value).toBe(STORY);
    for (const to of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      '/login',
      '/login/2fa',
      '/recover',
    ])
      expect(decodeResume(encodeResume({ to, multipart: false, fields: [field] }))).toBeNull();
    for (const name of ['passphrase', '_csrf', 'token', 'recovery_code', 'a b'])
      expect(decodeResume(encodeResume({ to: '/x', multipart: false, fields: [{ ...field, name }] }))).toBeNull();
    expect(decodeResume('не base64 {')).toBeNull();
    expect(decodeResume(Buffer.from('{"to":"/x"}').toString('base64url'))).toBeNull();
  });
});

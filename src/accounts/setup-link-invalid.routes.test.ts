import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';

// QA walk 7: the first-setup link, opened again after it was used (or after a restart), said
// «Попросите новую» — there is nobody to ask before the first administrator exists. Its page says
// where a new link comes from and offers to log in; an invite's or a reset's keeps its words.

const TOKEN = 'a'.repeat(43);

describe('a first-setup link that no longer works', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(() => t?.close());

  it('says where a new one comes from and offers to log in, in Russian and English', async () => {
    for (const [lang, says, login] of [
      ['ru', 'Пока администратора нет, сервер при каждом запуске печатает новую ссылку.', '<a href="/login">Войти</a>'],
      [
        'en',
        'While there is no administrator, the server prints a new link each time it starts.',
        '<a href="/login">Log in</a>',
      ],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/setup/${TOKEN}?lang=${lang}` });
      expect(res.statusCode, lang).toBe(404);
      expect(res.body, lang).toContain(says);
      expect(res.body, lang).toContain(login);
      const invite = await t.app.inject({ method: 'GET', url: `/invite/${TOKEN}?lang=${lang}` });
      expect(invite.statusCode).toBe(404);
      expect(invite.body, lang).not.toContain(says);
    }
    expect((await t.app.inject({ method: 'GET', url: `/invite/${TOKEN}` })).body).toContain('Попросите новую.');
  });
});

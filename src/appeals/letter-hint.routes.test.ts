import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal, OWN_TEXT, sendAppeal } from './appeals.fixtures.ts';
import { OWN_WORDS, OWN_WORDS_BILINGUAL } from './template-rules.ts';

// A letter held the hint for the family's own words in Russian and English («[Впишите сюда… /
// Write here, in your own words…]»): the English half showed on a Russian page and went, with the
// rest of the hint, into a letter to the Ministry of Defence. The appeal page warned, but the
// print page and the PDF printed it without a word, and the letter could be marked sent. Now the
// hint is Russian only, and a draft that still holds it (or any half of it, from a draft saved
// before) is not printed, not made a PDF and not marked sent; the page says what to do instead.

const SENDER = { full_name: 'Сазонова Валентина Ивановна', postal_address: '346400, г. Новочеркасск, д. 9' };

describe.each(DIALECTS)('the hint left in a letter (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const stateOf = async (id: string) =>
    (await s.t.opened.db.selectFrom('appeals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const print = (id: string, format: 'html' | 'pdf', lang = 'ru') =>
    submitForm(app(), `/appeals/${id}?lang=${lang}`, { ...SENDER, format }, s.w.family.cookies, `/appeals/${id}/print`);
  const send = (id: string) => sendAppeal(app(), id, s.w.family.cookies, { channel: 'post', sent_on: '2026-03-01' });

  it('is Russian only in a new letter, on a Russian page and an English one', async () => {
    for (const lang of ['ru', 'en']) {
      const form = await app().inject({
        method: 'GET',
        url: `/cases/${s.w.caseId}/appeals/new?template=inquiry&lang=${lang}`,
        cookies: s.w.family.cookies,
      });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`Что известно семье: ${OWN_WORDS}`);
      expect(form.body).not.toContain('Write here');
      expect(form.body).not.toContain('Do not name who told you');
    }
  });

  it('keeps a draft from print, PDF and sending, and says how to fix it; once replaced, it prints', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', {}, { keepHint: true });
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.family.cookies });
    // No print or send form to fill in for nothing: the way to the text instead.
    expect(page.body).not.toContain(`action="/appeals/${id}/print"`);
    expect(page.body).not.toContain(`action="/appeals/${id}/send"`);
    expect(page.body).toContain('Сначала замените подсказку в квадратных скобках');
    expect(page.body).toContain(`href="/appeals/${id}/edit"`);

    const html = await print(id, 'html');
    expect(html.res.statusCode).toBe(400);
    expect(html.res.body).toContain('В письме осталась подсказка в квадратных скобках. Пока она там');
    expect(html.res.body).not.toContain('class="letter-title"');
    const pdf = await print(id, 'pdf', 'en');
    expect(pdf.res.statusCode).toBe(400);
    expect(pdf.res.headers['content-type']).toMatch(/^text\/html/);
    expect(pdf.res.body).toContain('The letter still holds the hint in square brackets.');
    const sent = await send(id);
    expect(sent.res.statusCode).toBe(400);
    expect(sent.res.body).toContain('В письме осталась подсказка в квадратных скобках. Пока она там');
    expect(await stateOf(id)).toBe('draft');

    const edit = await app().inject({ method: 'GET', url: `/appeals/${id}/edit`, cookies: s.w.family.cookies });
    const body = /<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.body)![1];
    const saved = await submitForm(
      app(),
      `/appeals/${id}/edit`,
      {
        template: 'inquiry',
        addressee: 'Командир войсковой части 12345',
        subject: 'Запрос',
        body: body.replace(OWN_WORDS, OWN_TEXT),
      },
      s.w.family.cookies,
    );
    expect(saved.res.statusCode).toBe(303);
    const printed = await print(id, 'html');
    expect(printed.res.statusCode).toBe(200);
    expect(printed.res.body).toContain(OWN_TEXT);
    expect((await print(id, 'pdf')).res.headers['content-type']).toBe('application/pdf');
    expect((await send(id)).res.statusCode).toBe(303);
  });

  it('finds the hint of a draft saved before, either half of it, and shows it in Russian only', async () => {
    const before = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', {
      body: `Что известно семье: ${OWN_WORDS_BILINGUAL}`,
    });
    const page = await app().inject({ method: 'GET', url: `/appeals/${before}`, cookies: s.w.family.cookies });
    expect(page.body).toContain(OWN_WORDS);
    expect(page.body).not.toContain('Write here');
    const edit = await app().inject({ method: 'GET', url: `/appeals/${before}/edit`, cookies: s.w.family.cookies });
    expect(edit.body).toContain(OWN_WORDS);
    expect(edit.body).not.toContain('Write here');
    expect((await print(before, 'html')).res.statusCode).toBe(400);

    // The Russian half deleted, the English half left: still the hint.
    const half = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', {
      body: `Что известно семье: ${OWN_WORDS_BILINGUAL.split(' / ')[1]}`,
    });
    expect((await print(half, 'pdf')).res.statusCode).toBe(400);
    expect((await send(half)).res.statusCode).toBe(400);
    expect(await stateOf(half)).toBe('draft');
  });
});

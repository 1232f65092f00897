import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal } from './appeals.fixtures.ts';

// A QA walk of a mother's letter in English, with JavaScript off on a phone:
// - the printed letter and its PDF said «To:», «From:», «Signature … Date:» around a Russian
//   letter to a military commissariat; the letter's own words are Russian whatever the page's
//   language, and only the instructions around it follow the reader;
// - a print or send form that came back (an address left out, a sending date still to come)
//   opened at the top of the page, above the whole letter, where nothing said so: the form is a
//   phone's length further down. Now the top says it and leads to the form.

const sender = { full_name: 'Смирнова Мария Ивановна', postal_address: '394000, г. Воронеж, ул. Ленина, д. 1' };
const letterOf = (page: string) => /<article class="letter"[^>]*>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';

const pdfText = async (bytes: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++)
    for (const i of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in i) parts.push(i.str);
  await doc.destroy();
  return parts.join(' ');
};

describe('a letter printed from an English page', () => {
  const s = useWorld('sqlite');
  const app = () => s.t.app;

  it('is framed in Russian on the print page and in the PDF; the instructions stay English', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies);
    const print = (format: string) =>
      submitForm(
        app(),
        `/appeals/${id}?lang=en`,
        { ...sender, format },
        s.w.family.cookies,
        `/appeals/${id}/print?lang=en`,
      );
    const html = await print('html');
    expect(html.res.statusCode).toBe(200);
    const letter = letterOf(html.res.body);
    expect(letter).toContain('Кому:');
    expect(letter).toContain('От: Смирнова Мария Ивановна');
    expect(letter).toMatch(/Подпись _+ Дата: /);
    expect(letter).not.toMatch(/\b(To|From|Signature|Date):?/);
    expect(html.res.body).toContain('<article class="letter" lang="ru">');
    expect(html.res.body).toContain('Back to the appeal');
    // Why the letter is Russian is said on the English pages around it, never on the Russian ones.
    const why = 'The letter itself is in Russian, the language the authorities work in';
    expect(html.res.body).toContain(why);
    expect(letter).not.toContain(why);
    const draft = await app().inject({ method: 'GET', url: `/appeals/${id}?lang=en`, cookies: s.w.family.cookies });
    expect(draft.body).toContain(why);
    const ru = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.family.cookies });
    expect(ru.body).not.toContain('Письмо пишется по-русски');

    const pdf = await print('pdf');
    expect(pdf.res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.res.rawPayload);
    expect(text).toContain('Кому:');
    expect(text).toContain('Подпись');
    expect(text).not.toMatch(/\b(To|From|Signature|Date):/);
  });
});

describe('a form on the appeal page that comes back with an error', () => {
  const s = useWorld('sqlite');
  const app = () => s.t.app;
  /** The notice at the top, before the letter, and where its link leads. */
  const noticeBeforeLetter = (page: string, notice: string) => {
    const at = page.indexOf(notice);
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(page.indexOf('id="letter-h"'));
    return /<a href="#([^"]+)">/.exec(page.slice(at))?.[1];
  };

  it('is said at the top of the page with a link to the form, in both languages; what was typed is kept', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies);
    for (const [lang, notice, printNotice] of [
      [
        'ru',
        'Не сохранено: исправьте ошибку в форме ниже.',
        'Письмо для печати и PDF не подготовлено: исправьте ошибку',
      ],
      [
        'en',
        'Not saved: correct the error in the form below.',
        'The letter was not made ready to print or as a PDF: correct',
      ],
    ] as const) {
      const noAddress = await submitForm(
        app(),
        `/appeals/${id}?lang=${lang}`,
        { full_name: sender.full_name, postal_address: '', format: 'html' },
        s.w.family.cookies,
        `/appeals/${id}/print?lang=${lang}`,
      );
      expect(noAddress.res.statusCode).toBe(400);
      // Printing saves nothing: not «Не сохранено» (QA walk 9).
      expect(noticeBeforeLetter(noAddress.res.body, printNotice)).toBe('print-h');
      expect(noAddress.res.body).not.toContain(notice);
      expect(noAddress.res.body).toContain('id="print-h"');
      expect(noAddress.res.body).toContain(`value="${sender.full_name}"`);

      const future = await submitForm(
        app(),
        `/appeals/${id}?lang=${lang}`,
        { channel: 'post', sent_on: '01.01.2999' },
        s.w.family.cookies,
        `/appeals/${id}/send?lang=${lang}`,
      );
      expect(future.res.statusCode).toBe(400);
      expect(noticeBeforeLetter(future.res.body, notice)).toBe('send-h');
      expect(future.res.body).toContain('value="01.01.2999"');
    }
    // A page that nothing failed on says nothing of the kind.
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.family.cookies });
    expect(page.body).not.toContain('Не сохранено');
  });
});

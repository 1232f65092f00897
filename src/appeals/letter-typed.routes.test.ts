import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { collectiveCopyOf, signCollectiveCopy, draftAppeal, postCollective } from './appeals.fixtures.ts';

// A letter is an editor's template (Markdown) filled in and then typed over by the family. What
// she typed was read as Markdown too: her «*Сын*» came out in italics, a line «# 3 января» as a
// heading, «1. …» as a list, «> …» as a quotation, a link as a link. Now her words come out as she
// typed them on the appeal page, the print page and in the PDF, and in a collective letter the
// caseworker's words do too; the template's own list still renders as a list.

const TEMPLATE_ITEMS = [
  '1. где он находится в настоящее время и в каком он положении (на службе, ранен, госпитализирован, пропал без вести, задержан, в плену, погиб);',
  '2. если он пропал без вести — когда, где и при каких обстоятельствах, и выдать справку об обстоятельствах исчезновения;',
];
const HERS = [
  'Что известно семье: *Сын* звонил',
  '1. из госпиталя',
  '# 3 января',
  '> сослуживец __сказал__',
  '[фото](https://example.org/x) <b>срочно</b> \\ `код`',
];
const BODY = `${HERS.join('\n')}\n\nПрошу в письменной форме сообщить:\n\n${TEMPLATE_ITEMS.join('\n')}`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Her lines as the page holds them: escaped HTML, one line break between each. */
const hersOnPage = new RegExp(HERS.map((l) => esc(l).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('<br\\s*/?>\\s*'));
const letterOf = (page: string) => /<article class="letter[^"]*"[^>]*>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';

const expectLiteral = (html: string) => {
  expect(html).toMatch(hersOnPage);
  expect(html).not.toMatch(/<(em|h[2-6]|blockquote|code)\b/);
  expect(html).not.toContain('href="https://example.org/x"');
  expect(html).not.toContain('\\*');
  // The template's list is still a list.
  expect(html).toMatch(/<ol>\s*<li>где он находится/);
};

/** The lines of a PDF as a reader sees them: the words on each height, top down. */
const pdfLines = async (bytes: Buffer): Promise<string[]> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const rows = new Map<number, string[]>();
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.filter(
      (i) => 'str' in i && i.str.trim(),
    ) as Array<{ str: string; transform: number[] }>;
    for (const i of items) {
      const y = n * 10000 - Math.round(i.transform[5]);
      rows.set(y, [...(rows.get(y) ?? []), i.str]);
    }
  }
  await doc.destroy();
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => words.join(' '));
};

describe.each(DIALECTS)('what the family typed in a letter (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('is shown as typed on the appeal page, the print page and in the PDF; the textarea holds no backslash', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', { body: BODY });
    for (const who of [s.w.family, s.w.caseworker]) {
      const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: who.cookies });
      expect(page.statusCode).toBe(200);
      expectLiteral(letterOf(page.body));
    }
    const edit = await app().inject({ method: 'GET', url: `/appeals/${id}/edit`, cookies: s.w.family.cookies });
    const area = /<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.body)![1];
    expect(area.replace(/&gt;/g, '>')).toContain(esc(HERS.join('\n')).replace(/&gt;/g, '>'));

    const print = (format: string) =>
      submitForm(
        app(),
        `/appeals/${id}`,
        { full_name: 'Иванова Мария Петровна', postal_address: '346000, г. Шахты', format },
        s.w.family.cookies,
        `/appeals/${id}/print`,
      );
    const html = await print('html');
    expect(html.res.statusCode).toBe(200);
    expectLiteral(letterOf(html.res.body));

    const pdf = await print('pdf');
    expect(pdf.res.headers['content-type']).toBe('application/pdf');
    const lines = await pdfLines(pdf.res.rawPayload);
    const at = lines.indexOf(HERS[0]);
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at, at + HERS.length)).toEqual(HERS);
    expect(lines.some((l) => l.startsWith('1. где он находится'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\\[*#>_`[<]/);
  });

  it('in a collective letter, what the caseworker typed is shown as typed on every page it is on', async () => {
    const body = `${HERS.join('\n')}\n\nПросим:\n\n1. сообщить каждой семье, где находится и в каком положении её родственник;`;
    const created = await postCollective(app(), s.w.caseworker.cookies, body, [s.w.caseId, s.w.otherCaseId]);
    expect(created.statusCode).toBe(303);
    const url = String(created.headers.location);
    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const collectiveList = /<ol>\s*<li>сообщить каждой семье/;

    const staffPage = await app().inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    const staffLetter = /<section aria-labelledby="letter-h">[\s\S]*?<div>([\s\S]*?)<\/div>/.exec(staffPage.body)![1];
    expect(staffLetter).toMatch(hersOnPage);
    expect(staffLetter).toMatch(collectiveList);
    expect(staffLetter).not.toMatch(/<(em|h[2-6]|blockquote|code)\b/);

    const familyPage = await app().inject({ method: 'GET', url: `/appeals/${mine}`, cookies: s.w.family.cookies });
    expect(letterOf(familyPage.body)).toMatch(hersOnPage);
    const signed = await signCollectiveCopy(app(), mine, s.w.family.cookies);
    expect(signed.res.statusCode).toBe(303);
    const staffPrint = await submitForm(app(), url, { format: 'html' }, s.w.caseworker.cookies, `${url}/print`);
    expect(staffPrint.res.statusCode).toBe(200);
    expect(letterOf(staffPrint.res.body)).toMatch(hersOnPage);
    expect(letterOf(staffPrint.res.body)).toMatch(collectiveList);
    const staffPdf = await submitForm(app(), url, { format: 'pdf' }, s.w.caseworker.cookies, `${url}/print`);
    const lines = await pdfLines(staffPdf.res.rawPayload);
    const at = lines.indexOf(HERS[0]);
    expect(lines.slice(at, at + HERS.length)).toEqual(HERS);
  });
});

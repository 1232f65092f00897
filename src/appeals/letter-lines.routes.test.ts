import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal } from './appeals.fixtures.ts';

// A letter is typed line by line (the son's name, his birth date, his unit, each on its own line):
// it was stored so, but the appeal page and the print page showed the lines run together into one
// paragraph (Markdown reads a single line break as a space). Now every line break she typed is
// one on the page, on paper and in the PDF (which kept them already).

const LINES = ['Иванов Пётр Сергеевич', 'родился 01.02.2000', 'в/ч 12345'];
const BODY = `${LINES.join('\n')}\n\nПрошу сообщить, где он.`;
const broken = new RegExp(LINES.map((l) => l.replace(/[./]/g, '\\$&')).join('<br\\s*/?>\\s*'));

/** The lines of a PDF's first page as a reader sees them: the words on each height, top down. */
const pdfLines = async (bytes: Buffer): Promise<string[]> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const items = (await (await doc.getPage(1)).getTextContent()).items.filter(
    (i) => 'str' in i && i.str.trim(),
  ) as Array<{
    str: string;
    transform: number[];
  }>;
  await doc.destroy();
  const rows = new Map<number, string[]>();
  for (const i of items) rows.set(Math.round(i.transform[5]), [...(rows.get(Math.round(i.transform[5])) ?? []), i.str]);
  return [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, words]) => words.join(' '));
};

describe.each(DIALECTS)('line breaks in a letter (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('are kept on the appeal page, for staff too, on the print page and in the PDF', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', { body: BODY });
    for (const who of [s.w.family, s.w.caseworker]) {
      const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: who.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(broken);
    }
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
    expect(html.res.body).toMatch(broken);
    const pdf = await print('pdf');
    expect(pdf.res.headers['content-type']).toBe('application/pdf');
    const lines = await pdfLines(pdf.res.rawPayload);
    const at = lines.indexOf(LINES[0]);
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at, at + 3)).toEqual(LINES);
  });
});

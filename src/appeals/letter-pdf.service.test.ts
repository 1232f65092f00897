import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { letterPdf } from './letter-pdf.service.ts';

/** The text of every page, read back by an independent PDF reader (Mozilla's PDF.js). */
const textOf = async (bytes: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
};

const LABELS = { to: 'Кому', from: 'От', signature: 'Подпись', date: 'Дата', others: 'и другие семьи' };

describe('the letter as PDF', () => {
  it('embeds Cyrillic that reads back exactly, with the addressee, sender, body and signature line', async () => {
    const bytes = await letterPdf({
      addressee: 'Военный комиссариат Ростовской области',
      address: '344000, г. Ростов-на-Дону, ул. Примерная, д. 1',
      sender: { fullName: 'Иванова Мария Петровна', postalAddress: '346000, г. Шахты, ул. Садовая, д. 5, кв. 7' },
      subject: 'Запрос о местонахождении военнослужащего',
      body: 'Прошу сообщить, где находится **Иванов Пётр Сергеевич**, в/ч 12345.\n\n1. где он сейчас;\n2. что с ним случилось.\n\nЁлка, щука, ъ — все буквы.',
      date: '02.03.2026',
      labels: LABELS,
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await textOf(bytes)).replace(/\s+/g, ' ');
    for (const expected of [
      'Военный комиссариат Ростовской области',
      'Иванова Мария Петровна',
      'Запрос о местонахождении военнослужащего',
      'Иванов Пётр Сергеевич',
      'где он сейчас',
      'Ёлка, щука, ъ — все буквы.',
      'Подпись',
      '02.03.2026',
    ])
      expect(text).toContain(expected);
    // No metadata about who made it, no markdown marks.
    expect(bytes.toString('latin1')).not.toMatch(/\/Producer|\/Author|\/Creator/);
    expect(text).not.toContain('**');
  });

  it('breaks a long letter over pages and lists every signatory of a collective appeal', async () => {
    const body = Array.from({ length: 80 }, (_, i) => `Абзац номер ${i + 1}: сведения о военнослужащем.`).join('\n\n');
    const bytes = await letterPdf({
      addressee: 'Министерство обороны',
      address: null,
      sender: null,
      subject: 'Коллективное обращение',
      body,
      date: '02.03.2026',
      signatories: [
        { fullName: 'Петрова Анна', postalAddress: 'г. Курск' },
        { fullName: 'Сидорова Ольга', postalAddress: 'г. Орёл' },
      ],
      labels: LABELS,
    });
    const text = await textOf(bytes);
    expect(text).toContain('Абзац номер 80');
    expect(text).toContain('Петрова Анна');
    expect(text).toContain('Сидорова Ольга');
  });
});

// A link to an online reception, a long number or a line of dashes has no space to wrap at: it
// was drawn as one line running off the right edge of the A4 page and cut there, so the
// authority could not read it (and the sender's address beside the addressee too).
describe('a word longer than the line', () => {
  it('is broken across lines and stays inside the page, all of it readable', async () => {
    const url = `https://letters.mil.example/reception/${'a1b2c3d4e5'.repeat(12)}`;
    const address = `346000, г. Шахты, ${'Садовая'.repeat(12)}`;
    const bytes = await letterPdf({
      addressee: 'Военный комиссариат',
      address: null,
      sender: { fullName: 'Иванова Мария Петровна', postalAddress: address },
      subject: 'Запрос',
      body: `Ответ прошу направить и продублировать на ${url}`,
      date: '02.03.2026',
      labels: LABELS,
    });
    const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
      .promise;
    const page = await doc.getPage(1);
    const [, , pageWidth] = page.view;
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim() !== '') as Array<{
      str: string;
      width: number;
      transform: number[];
    }>;
    for (const i of items) expect(i.transform[4] + i.width, i.str).toBeLessThanOrEqual(pageWidth - 56 + 0.5);
    const text = items.map((i) => i.str).join('');
    expect(text).toContain(url);
    expect(text).toContain(address.replace(/\s/g, '').slice(-40));
    await doc.destroy();
  });
});

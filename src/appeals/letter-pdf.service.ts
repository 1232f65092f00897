import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { Lexer, type Token, type Tokens } from 'marked';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

// The letter as an A4 PDF, its Cyrillic text embedded in DejaVu Sans (shipped in data/fonts with
// its licence; subset, so a letter weighs tens of kilobytes). Nothing is fetched, no system font
// is needed. The layout follows what 59-FZ art. 7 asks of a written appeal: the addressee, the
// sender's full name and postal address for the answer, the substance, the date and a line for
// the handwritten signature. The PDF carries no author, title or producer: only the letter.

const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/fonts');
const regularBytes = fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf'));
const boldBytes = fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));

export interface PrintableLetter {
  addressee: string;
  address: string | null;
  sender: { fullName: string; postalAddress: string; email?: string } | null;
  subject: string;
  /** Markdown (paragraphs, lists, headings; inline marks are printed as plain text) */
  body: string;
  /** the day printed under the letter, as it should read (e.g. 02.03.2026) */
  date: string;
  /** a collective appeal: every signatory's name and address, each with a signature line */
  signatories?: Array<{ fullName: string; postalAddress: string }>;
  /** a collective appeal printed by one family: how many others signed (their names are not shown) */
  othersCount?: number;
  labels: { to: string; from: string; signature: string; date: string; others: string };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  private ensure(h: number) {
    if (this.y - h < MARGIN) {
      this.page = this.pdf.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  /**
   * A word wider than the line (a link, a long number, a line of dashes) in pieces that fit: drawn
   * whole it ran off the right edge of the page and was cut there.
   */
  pieces(word: string, width: number, font: PDFFont, size: number): string[] {
    if (font.widthOfTextAtSize(word, size) <= width) return [word];
    const out: string[] = [];
    let piece = '';
    for (const ch of word) {
      if (piece && font.widthOfTextAtSize(piece + ch, size) > width) {
        out.push(piece);
        piece = '';
      }
      piece += ch;
    }
    if (piece) out.push(piece);
    return out;
  }
  wrap(text: string, width: number, font: PDFFont, size: number): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((w) => this.pieces(w, width, font, size))) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }
  text(
    text: string,
    opts: { x?: number; width?: number; font?: PDFFont; size?: number; align?: 'left' | 'center' } = {},
  ) {
    const font = opts.font ?? this.font;
    const size = opts.size ?? SIZE;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? A4[0] - MARGIN - x;
    for (const line of this.wrap(text, width, font, size)) {
      this.ensure(LEADING);
      const w = font.widthOfTextAtSize(line, size);
      const lx = opts.align === 'center' ? x + (width - w) / 2 : x;
      this.page.drawText(line, { x: lx, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= LEADING;
    }
  }
  gap(h = LEADING / 2) {
    this.y -= h;
  }
}

/** Inline Markdown as plain text: the words, without the marks. */
const plain = (tokens: Token[] | undefined, raw: string): string =>
  tokens
    ? tokens
        .map((t) =>
          'tokens' in t && t.tokens ? plain(t.tokens as Token[], t.raw) : 'text' in t ? String(t.text) : t.raw,
        )
        .join('')
    : raw;

const block = (w: Writer, token: Token) => {
  switch (token.type) {
    case 'heading':
      w.gap();
      w.text(plain((token as Tokens.Heading).tokens, token.raw), { font: w.bold });
      break;
    case 'paragraph':
      w.text(plain((token as Tokens.Paragraph).tokens, token.raw));
      w.gap();
      break;
    case 'list': {
      const list = token as Tokens.List;
      list.items.forEach((item, i) => {
        const mark = list.ordered ? `${Number(list.start || 1) + i}.` : '•';
        const y = w.y;
        w.text(mark, { x: MARGIN + 6, width: 20 });
        w.y = y;
        w.text(plain(item.tokens, item.text).trim(), { x: MARGIN + 26 });
      });
      w.gap();
      break;
    }
    case 'space':
      break;
    default:
      w.text(token.raw.trim());
      w.gap();
  }
};

export const letterPdf = async (letter: PrintableLetter): Promise<Buffer> => {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  const w = new Writer(pdf, font, bold);
  const right = A4[0] / 2;
  w.text(`${letter.labels.to}: ${letter.addressee}`, { x: right });
  if (letter.address) w.text(letter.address, { x: right });
  w.gap();
  if (letter.sender) {
    w.text(`${letter.labels.from}: ${letter.sender.fullName}`, { x: right });
    w.text(letter.sender.postalAddress, { x: right });
    if (letter.sender.email) w.text(letter.sender.email, { x: right });
  }
  w.gap(LEADING * 1.5);
  w.text(letter.subject, { font: bold, size: 12, align: 'center' });
  w.gap();
  for (const token of new Lexer({ gfm: true }).lex(letter.body)) block(w, token);
  w.gap(LEADING);
  const signers = letter.signatories ?? (letter.sender ? [letter.sender] : []);
  for (const s of signers) {
    w.text(`${s.fullName}, ${s.postalAddress}`);
    w.text(`${letter.labels.signature} ____________________    ${letter.labels.date}: ${letter.date}`);
    w.gap();
  }
  if (signers.length === 0)
    w.text(`${letter.labels.signature} ____________________    ${letter.labels.date}: ${letter.date}`);
  if (letter.othersCount) w.text(letter.labels.others);
  return Buffer.from(await pdf.save());
};

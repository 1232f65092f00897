import sharp from 'sharp';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { cleanFile, MAX_UPLOAD_BYTES, recogniseFile } from './file-rules.ts';
import {
  GPS_MARK,
  hasGpsIfd,
  jpegWithGps,
  pdfOfPhoto,
  pdfWithMetadata,
  pdfWithNotesAndAttachments,
  pngWithText,
} from './evidence.fixtures.ts';

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof Invalid) return err.problems[0].key;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('upload rules', () => {
  it('re-encodes a photo without its EXIF, camera or GPS', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from(GPS_MARK))).toBe(true);
    expect(hasGpsIfd(before.exif)).toBe(true);
    const out = await cleanFile(input, { name: 'IMG_0001.jpg' });
    expect(out.mime).toBe('image/jpeg');
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(out.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(out.bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(out.original.equals(input)).toBe(true);
    expect(out.originalSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-encodes a PNG without its metadata chunks', async () => {
    const out = await cleanFile(await pngWithText());
    expect(out.mime).toBe('image/png');
    expect(out.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect((await sharp(out.bytes).metadata()).exif).toBeUndefined();
  });

  it('strips a PDF of its document information, XMP and JavaScript, and keeps its pages', async () => {
    const input = await pdfWithMetadata();
    expect(input.includes(Buffer.from(GPS_MARK))).toBe(true);
    const out = await cleanFile(input, { name: 'answer.pdf' });
    expect(out.mime).toBe('application/pdf');
    const text = out.bytes.toString('latin1');
    for (const gone of [
      GPS_MARK,
      'Subject secret',
      'keyword-secret',
      'Scanner',
      '/Metadata',
      'JavaScript',
      '/OpenAction',
    ])
      expect(text).not.toContain(gone);
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(1);
    expect(reread.getTitle()).toBeUndefined();
    expect(reread.getAuthor()).toBeUndefined();
    expect(reread.getProducer()).toBeUndefined();
  });

  it('strips the EXIF of photos inside a PDF and its file identifier, and the photo still shows', async () => {
    const input = await pdfOfPhoto();
    expect(input.includes(Buffer.from('Exif'))).toBe(true);
    expect(input.toString('latin1')).toContain('/ID');
    const out = await cleanFile(input, { name: 'scan.pdf' });
    expect(out.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(out.bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(out.bytes.includes(Buffer.from('Мать солдата'))).toBe(false);
    expect(out.bytes.includes(Buffer.from(Buffer.from(GPS_MARK).toString('hex'), 'latin1'))).toBe(false);
    expect(out.bytes.toString('latin1')).not.toContain('/ID');
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const images = reread.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) =>
        o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [o] : [],
      );
    expect(images).toHaveLength(1);
    const photo = await sharp(Buffer.from(images[0].getContents())).metadata();
    expect([photo.format, photo.width, photo.height, photo.exif]).toEqual(['jpeg', 64, 48, undefined]);
  });

  it("drops a PDF's attached files and its notes' authors and times, and keeps the notes", async () => {
    const input = await pdfWithNotesAndAttachments();
    const out = await cleanFile(input, { name: 'letter.pdf' });
    const text = out.bytes.toString('latin1');
    for (const gone of [GPS_MARK, 'Ivanova', 'D:2026', '/EmbeddedFile', '/Filespec', '/AF'])
      expect(text, gone).not.toContain(gone);
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const streams = reread.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(o).decode())] : []));
    for (const s of streams) expect(s.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(reread.getPageCount()).toBe(1);
    // The note itself is the letter's content: it stays, unsigned.
    expect(text).toContain('see page 2');
  });

  it('drops what no page refers to any more: an earlier information dictionary, a replaced page', async () => {
    // An editor saving again leaves the earlier revision's objects in the file, unreferenced.
    const pdf = await PDFDocument.load(await pdfWithMetadata(), { updateMetadata: false });
    pdf.context.register(pdf.context.obj({ Author: PDFString.of(`Ivanova ${GPS_MARK}`), Producer: 'Word' }));
    pdf.context.register(pdf.context.flateStream(`BT (before redaction ${GPS_MARK}) Tj ET`));
    const out = await cleanFile(Buffer.from(await pdf.save({ useObjectStreams: false })));
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const streams = reread.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(o).decode())] : []));
    expect(out.bytes.toString('latin1')).not.toContain('Ivanova');
    for (const s of streams) expect(s.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(reread.getPageCount()).toBe(1);
    expect(streams.some((s) => s.includes(Buffer.from('Answer 123')) || s.toString('latin1').includes('Tj'))).toBe(
      true,
    );
  });

  it('knows a file by its content, not its name', async () => {
    const png = await pngWithText();
    expect(await recogniseFile(png, { name: 'letter.pdf', type: 'application/pdf' })).toBe('image/png');
    const fakePdf = Buffer.from('This is a text file pretending to be a PDF');
    expect(await refusal(cleanFile(fakePdf, { name: 'ответ.pdf', type: 'application/pdf' }))).toBe(
      'evidence.errors.notAPdf',
    );
    expect(await refusal(cleanFile(fakePdf, { name: 'photo.jpg' }))).toBe('evidence.errors.notAnImage');
    expect(await refusal(cleanFile(fakePdf, { name: 'notes.txt' }))).toBe('evidence.errors.unsupported');
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await refusal(cleanFile(gif))).toBe('evidence.errors.unsupported');
    expect(await refusal(cleanFile(Buffer.alloc(0)))).toBe('evidence.errors.empty');
  });

  it('refuses a PDF header with nothing readable behind it, and a broken JPEG', async () => {
    expect(await refusal(cleanFile(Buffer.from('%PDF-1.7\n%garbage that is no PDF\n')))).toBe(
      'evidence.errors.damaged',
    );
    const jpeg = await jpegWithGps();
    expect(await refusal(cleanFile(jpeg.subarray(0, 200)))).toBe('evidence.errors.damaged');
    // HEIC brand with no image inside: the decoder refuses it, cleanly.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(12)]);
    expect(await refusal(cleanFile(heic))).toBe('evidence.errors.damaged');
  });

  it('refuses a decompression bomb before decoding it', async () => {
    // 9000 × 9000 one-colour PNG: a few hundred kilobytes that would decode to 243 MB of pixels.
    const bomb = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await refusal(cleanFile(bomb))).toBe('evidence.errors.tooManyPixels');
  });

  it('refuses anything over the size limit without reading it', async () => {
    expect(await refusal(cleanFile(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 1)))).toBe('evidence.errors.tooLarge');
  });
});

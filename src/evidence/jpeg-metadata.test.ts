import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { GPS_MARK, jpegWithGps, pdfOfPhoto } from './evidence.fixtures.ts';
import { cleanFile } from './file-rules.ts';
import { MalformedJpeg, stripJpegMetadata } from './jpeg-metadata.ts';

// The photos inside PDFs are cleaned without being decoded (jpeg-metadata.ts): every kind of
// JPEG a scanner app writes must come out whole, and without what the camera wrote about it.

const imageOf = async (pdf: Buffer): Promise<Buffer> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const [image] = doc.context
    .enumerateIndirectObjects()
    .flatMap(([, o]) =>
      o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [o] : [],
    );
  return Buffer.from(image.getContents());
};

describe('metadata of JPEGs inside PDFs', () => {
  it('keeps the pixels of a progressive JPEG and cuts what follows its end (a motion photo)', async () => {
    const progressive = await sharp(await jpegWithGps())
      .keepExif()
      .jpeg({ progressive: true })
      .toBuffer();
    expect(progressive.includes(Buffer.from(GPS_MARK))).toBe(true);
    const withVideo = Buffer.concat([progressive, Buffer.from(`ftypmp42 ${GPS_MARK} video`)]);
    const clean = stripJpegMetadata(withVideo);
    expect(clean.includes(Buffer.from('Exif'))).toBe(false);
    expect(clean.includes(Buffer.from(GPS_MARK))).toBe(false);
    const [before, after] = await Promise.all([progressive, clean].map((b) => sharp(b).raw().toBuffer()));
    expect(after.equals(before)).toBe(true);
    expect(() => stripJpegMetadata(progressive.subarray(0, 30))).toThrow(MalformedJpeg);
  });

  it('unwraps a JPEG the PDF also compressed, and cleans it', async () => {
    const pdf = await PDFDocument.load(await pdfOfPhoto(), { updateMetadata: false });
    for (const [ref, o] of pdf.context.enumerateIndirectObjects())
      if (o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode')) {
        o.dict.set(PDFName.of('Filter'), pdf.context.obj(['FlateDecode', 'DCTDecode']));
        pdf.context.assign(ref, PDFRawStream.of(o.dict, deflateSync(o.contents)));
      }
    const out = await cleanFile(Buffer.from(await pdf.save({ useObjectStreams: false })));
    const photo = await imageOf(out.bytes);
    expect(photo.includes(Buffer.from('Exif'))).toBe(false);
    expect((await sharp(photo).metadata()).width).toBe(64);
    const reread = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const filters = reread.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFRawStream ? [o.dict.get(PDFName.of('Filter'))] : []));
    expect(filters).toContain(PDFName.of('DCTDecode'));
    expect(filters.some((f) => f instanceof PDFArray)).toBe(false);
  });

  it('drops a broken photo no page shows any more (an earlier revision) rather than refuse the file', async () => {
    const pdf = await PDFDocument.load(await pdfOfPhoto(), { updateMetadata: false });
    const broken = (await jpegWithGps()).subarray(0, 40);
    pdf.context.register(pdf.context.stream(broken, { Type: 'XObject', Subtype: 'Image', Filter: 'DCTDecode' }));
    const out = await cleanFile(Buffer.from(await pdf.save({ useObjectStreams: false })));
    expect(out.bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect((await sharp(await imageOf(out.bytes)).metadata()).width).toBe(64);
  });

  it('refuses a PDF whose photo is broken rather than keep it as it came', async () => {
    const pdf = await PDFDocument.load(await pdfOfPhoto(), { updateMetadata: false });
    for (const [ref, o] of pdf.context.enumerateIndirectObjects())
      if (o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'))
        pdf.context.assign(ref, PDFRawStream.of(o.dict, o.contents.subarray(0, 40)));
    const err = await cleanFile(Buffer.from(await pdf.save({ useObjectStreams: false }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).problems[0].key).toBe('evidence.errors.damaged');
  });
});

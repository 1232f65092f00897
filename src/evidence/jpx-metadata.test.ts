import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { GPS_MARK } from './evidence.fixtures.ts';
import { cleanFile } from './file-rules.ts';
import {
  box,
  boxesOf,
  codestreamOf,
  codestreamWithComments,
  gradientPixels,
  jp2Gradient,
  jp2WithMetadata,
  pdfOfJpx,
} from './jpx.fixtures.ts';
import { MalformedJpx, stripJpxMetadata, UnsupportedJpx } from './jpx-metadata.ts';

// JPEG 2000 images inside PDFs (JPXDecode) kept the XMP, GPS and comments their JP2 boxes carry:
// only JPEGs were cleaned. Now only the boxes a decoder needs are kept, comments go, and the
// picture still decodes to the very same pixels (by pdf.js's JPEG 2000 decoder, as a viewer would).

const decode = async (jpx: Buffer): Promise<Buffer> => {
  const { JpxImage } = await import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');
  return Buffer.from(JpxImage.decode(new Uint8Array(jpx), {}));
};

/** The image streams of a PDF, with their filters. */
const imagesOf = async (pdf: Buffer): Promise<Array<{ filter: unknown; bytes: Buffer }>> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, o]) =>
      o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
        ? [{ filter: o.dict.get(PDFName.of('Filter')), bytes: Buffer.from(o.getContents()) }]
        : [],
    );
};

const refusal = async (p: Promise<unknown>): Promise<string> => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Invalid);
  return (err as Invalid).problems[0].key;
};

describe('metadata of JPEG 2000 images inside PDFs', () => {
  it('keeps only the boxes a decoder needs, drops XMP, GPS, URLs and comments, and the same pixels decode', async () => {
    const dirty = jp2WithMetadata();
    // The fixture is what it claims: the metadata is there, and the picture decodes as it is.
    expect(dirty.toString('latin1').split(GPS_MARK).length - 1).toBeGreaterThanOrEqual(9);
    expect((await decode(dirty)).equals(gradientPixels())).toBe(true);

    const out = await cleanFile(await pdfOfJpx(dirty), { name: 'scan.pdf' });
    expect(out.mime).toBe('application/pdf');
    expect(out.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    const [image] = await imagesOf(out.bytes);
    expect(image.filter).toBe(PDFName.of('JPXDecode'));
    const clean = image.bytes;
    for (const gone of ['xmpmeta', 'GeoTIFF', 'scanner.example', 'Иванова', 'Created by OpenJPEG', 'old bytes'])
      expect(clean.includes(Buffer.from(gone)), gone).toBe(false);
    expect(boxesOf(clean).map((b) => b.type)).toEqual(['jP  ', 'ftyp', 'jp2h', 'jp2c']);
    const header = boxesOf(boxesOf(clean)[2].body);
    expect(header.map((b) => b.type)).toEqual(['ihdr', 'colr']);
    // The header no longer says an intellectual property box follows.
    expect(header[0].body[13]).toBe(0);
    expect((await decode(clean)).equals(gradientPixels())).toBe(true);
    // Cleaning again changes nothing more.
    expect(stripJpxMetadata(clean).equals(clean)).toBe(true);
  });

  it('cleans a bare codestream, also when the PDF compressed it again (Flate), and keeps its tile-parts whole', async () => {
    const codestream = codestreamWithComments(codestreamOf(jp2Gradient()));
    expect(codestream.includes(Buffer.from(GPS_MARK))).toBe(true);
    const out = await cleanFile(await pdfOfJpx(deflateSync(codestream), ['FlateDecode', 'JPXDecode']));
    const [image] = await imagesOf(out.bytes);
    expect(image.filter).toBe(PDFName.of('JPXDecode'));
    expect(image.filter).not.toBeInstanceOf(PDFArray);
    expect(image.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(image.bytes.includes(Buffer.from('OpenJPEG'))).toBe(false);
    // Cut from the main header: OpenJPEG's own comment and the scanner's. The tile-part's is
    // blanked, not cut: its length, counted by the tile-part's Psot, stays.
    const mainComments = 2 + 0x25 + (6 + Buffer.byteLength(`Scanner ${GPS_MARK}, owner Иванова`));
    expect(image.bytes.length).toBe(codestream.length - mainComments);
    expect(image.bytes.includes(Buffer.from(' '.repeat(Buffer.byteLength(`tile ${GPS_MARK}`))))).toBe(true);
    expect((await decode(image.bytes)).equals(gradientPixels())).toBe(true);
  });

  it('refuses, with its own reason, a JPX it cannot reduce to one clean picture', async () => {
    const jp2 = jp2Gradient();
    const boxes = boxesOf(jp2);
    const rebuilt = (...extra: Buffer[]) => Buffer.concat([...boxes.map((b) => box(b.type, b.body)), ...extra]);
    // A second codestream (an animation, a composited picture), and a fragment table that may
    // point at other files: neither is the one picture the kept boxes describe.
    const twoCodestreams = rebuilt(box('jp2c', codestreamOf(jp2)));
    const fragments = rebuilt(box('ftbl', box('flst', Buffer.alloc(16))));
    for (const jpx of [twoCodestreams, fragments]) {
      expect(() => stripJpxMetadata(jpx)).toThrow(UnsupportedJpx);
      expect(await refusal(cleanFile(await pdfOfJpx(jpx)))).toBe('evidence.errors.jpxUnsupported');
    }
  });

  it('refuses a JPEG 2000 image whose lengths do not add up as damaged, never keeping it as it came', async () => {
    const jp2 = jp2WithMetadata();
    const cut = jp2.subarray(0, 200);
    const badLength = Buffer.from(jp2);
    // The XML box, after the signature (12 bytes) and the file type (20), claims more than there is.
    badLength.writeUInt32BE(0xffff, 32);
    const codestream = codestreamOf(jp2Gradient());
    for (const broken of [cut, badLength, codestream.subarray(0, 60), Buffer.from('not a picture')]) {
      expect(() => stripJpxMetadata(broken)).toThrow(MalformedJpx);
      expect(await refusal(cleanFile(await pdfOfJpx(broken)))).toBe('evidence.errors.damaged');
    }
  });

  // Whatever a damaged file holds, the cleaner answers with one of its two refusals or a picture:
  // never a RangeError (a 500) and never the bytes as they came.
  it('answers any damaged JP2 or codestream with a refusal or a cleaned copy, nothing else', () => {
    const samples = [jp2WithMetadata(), codestreamWithComments(codestreamOf(jp2Gradient()))];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: samples.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat()),
        (which, changes, cutAt) => {
          const bytes = Buffer.from(samples[which]);
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          const damaged = cutAt === null ? bytes : bytes.subarray(0, cutAt % bytes.length);
          try {
            const out = stripJpxMetadata(damaged);
            expect(out.equals(damaged)).toBe(false);
          } catch (err) {
            if (!(err instanceof MalformedJpx) && !(err instanceof UnsupportedJpx)) throw err;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

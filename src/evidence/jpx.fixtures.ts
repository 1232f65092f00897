import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { GPS_MARK } from './evidence.fixtures.ts';

// Test-only: JPEG 2000 images as scanners and "save as PDF" tools put them in PDFs, with the
// metadata JP2 files carry. The picture itself is real: a 32 × 24 RGB gradient (red = 8x,
// green = 10y, blue = xy mod 256) encoded losslessly by OpenJPEG 2.5.0 (`opj_compress -n 2
// -t 16,12`: four tiles of 16 × 12, so four tile-parts), which writes its own comment ("Created
// by OpenJPEG version 2.5.0") in the main header. The metadata is added around it here.

const JP2_GRADIENT = [
  'AAAADGpQICANCocKAAAAFGZ0eXBqcDIgAAAAAGpwMiAAAAAtanAyaAAAABZpaGRyAAAAGAAAACAAAwcHAAAAAAAPY29scgEA',
  'AAAAABAAAAR1anAyY/9P/1EALwAAAAAAIAAAABgAAAAAAAAAAAAAABAAAAAMAAAAAAAAAAAAAwcBAQcBAQcBAf9SAAwAAAAB',
  'AQEEBAAB/1wAB0BASEhQ/2QAJQABQ3JlYXRlZCBieSBPcGVuSlBFRyB2ZXJzaW9uIDIuNS4w/5AACgAAAAAAvwAB/5PfgVAS',
  'KBpDSJ+Pke6VNfIQ8mN82cN7zt0Y0GFgxR72PIW3GKHvnjDjZ4fDCJ3PtGw9p+lR/zyC3kOAS9On4PL52X3rbaLkMflRY6fP',
  'tJQnfXjnV8ayaoPGn7ToCV2ckrZ3RDr1F5HLA4NQrRD7EQJ+HpNcwHwiwPkDQAjAgYnVMH9+Bd1mL7NK7V/A+QLA+QNACICB',
  'iuBk9UG17KeMQYJ/wPkCQPkDADadKH9B5gS/kH//kAAKAAEAAAD3AAH/k8+0oBDcIec45zX/OhtLAwqTWTW2rIhyf6Zsxuan',
  'nII9Y5kgHPc+POH3MV/fgTBfW+PU8C/mVdAy2qeKIjshLGO/Tdarj9kCdHJWeXO9+/8AzKE139+BOBUiBfB7mLoNt3ttS/WU',
  'zxl+8v1nP8i4VsqqmyqAAAAAoGEoCecRUMHzjIfUHwfUEmoBpZkUqHw+VDAIr2sZdosdR2gHHa3NhbRgn17CJz6v+Wzlf8fa',
  'GT8BCPwCAGoBpZk0cK7WRtnrSGsalyBYVtphxfeW6mGsHKNewic+r/mDRMD5AkD5AwA2nSh/QeYEv5B//5AACgACAAABAAAB',
  '/5PPtJwSIQuaanxtaMosjQdzb/sPv9z01FnJ5/UQZAbvtHa4ccIXhL/y6YffgVAL/o0Uwxolpd/GASZkT7eK/15wdIGb+3j+',
  'K6VOZHVaRm0q2BorwJkd4b/fgTgL/lm7kuGL02l3AxHNowitKkIJCzDFAMqwvvLERUAMwGxSujCabUDD6g6D5x0H1BY5LJwn',
  'EhfocGdI9G2Un3lvALERPS3O+wv2ll+/M7g6YihdEnqjHiPPwEI+0Oj8AkA5LJwnEhhysrqSG3ys3uEfeW8D+QL45E7wQcby',
  'LiAzuDpiKF0Sh8/A+QJA+QMANp0of0HmBL+Qf/+QAAoAAwAAAUQAAf+Tz7SsLjEuuLTiActScOdFThcyv9eP2x/z8Nvj+UKF',
  'hfNi77POuu9Q/wcZ9FRKKt+BiA7LVlDvf2PsBaI8TN7BTFGXetzBg9jRbzWHtqa1jGLzmwhIe3WrDai//of5vnTQ4t/PtJgn',
  'dWXPYYqkuMZ6i4SECBKunsNL1s0bsZ5zRvbwgAwLF8MIB4//f8HzmIfUMQ+0UBeLKWQaiQj3secT0w4UWwujdB1la9dIvw9f',
  '5ZFCReEVVE7uGiCWkvWaXOLo6CoIDzeees2h9f0j27jDp0kyNfRTnjCLx9o1PwGZ+YiAF4spZBqJCPex5xPTGAyoGua3chDa',
  '980+Y0IPX+WRQkXhFGhuDaRBoFXGUf8K4+j4tm5TN2J806b7oBKu+bCSQ+//fqPA+QJA+QMANp0of0HmBL+Qf//Z',
].join('');

export const JPX_WIDTH = 32;
export const JPX_HEIGHT = 24;

/** The gradient as the JP2 holds it. */
export const jp2Gradient = (): Buffer => Buffer.from(JP2_GRADIENT, 'base64');

/** The gradient's pixels, RGB, row by row: what every clean copy must still decode to. */
export const gradientPixels = (): Buffer => {
  const px = Buffer.alloc(JPX_WIDTH * JPX_HEIGHT * 3);
  for (let y = 0; y < JPX_HEIGHT; y++)
    for (let x = 0; x < JPX_WIDTH; x++) px.set([x * 8, y * 10, (x * y) % 256], (y * JPX_WIDTH + x) * 3);
  return px;
};

export const box = (type: string, ...parts: Buffer[]): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0));
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, ...parts]);
};

/** The top-level boxes of a JP2 (type and contents; every length here fits 32 bits). */
export const boxesOf = (jp2: Buffer): Array<{ type: string; body: Buffer }> => {
  const out: Array<{ type: string; body: Buffer }> = [];
  for (let pos = 0; pos < jp2.length; ) {
    const length = jp2.readUInt32BE(pos) || jp2.length - pos;
    out.push({ type: jp2.toString('latin1', pos + 4, pos + 8), body: jp2.subarray(pos + 8, pos + length) });
    pos += length;
  }
  return out;
};

/** The codestream of a JP2 (its jp2c box). */
export const codestreamOf = (jp2: Buffer): Buffer => boxesOf(jp2).find((b) => b.type === 'jp2c')!.body;

const comment = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(6);
  head.writeUInt16BE(0xff64);
  head.writeUInt16BE(4 + body.length, 2);
  head.writeUInt16BE(1, 4);
  return Buffer.concat([head, body]);
};

/**
 * The codestream with a comment more in its main header (a scanner's, naming its owner) and one
 * in the header of its first tile-part, whose length (Psot) grows by as much.
 */
export const codestreamWithComments = (codestream: Buffer): Buffer => {
  let pos = 2;
  while (codestream.readUInt16BE(pos) !== 0xff90) pos += 2 + codestream.readUInt16BE(pos + 2);
  const tileComment = comment(`tile ${GPS_MARK}`);
  const sot = Buffer.from(codestream.subarray(pos, pos + 12));
  sot.writeUInt32BE(sot.readUInt32BE(6) + tileComment.length, 6);
  return Buffer.concat([
    codestream.subarray(0, pos),
    comment(`Scanner ${GPS_MARK}, owner Иванова`),
    sot,
    tileComment,
    codestream.subarray(pos + 12),
  ]);
};

const XMP = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="55,45N" tiff:Model="${GPS_MARK}" dc:creator="Мать солдата"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
/** The UUID of XMP in a JP2 (Adobe's), and of GeoJP2 (a GeoTIFF with the place). */
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const GEOJP2_UUID = Buffer.from('b14bf8bd083d4b43a5ae8cd7d5a6ce03', 'hex');

/**
 * The gradient as a camera, a scanner or a map tool leaves a JP2: XMP in an XML box and in a UUID
 * box (GPS, camera model, author), a GeoJP2 UUID box, UUID info naming a URL, an intellectual
 * property box (and the header's flag for it), the capture resolution, a free box holding old
 * bytes, comments in the codestream, and XMP again after the codestream.
 */
export const jp2WithMetadata = (jp2: Buffer = jp2Gradient()): Buffer => {
  const boxes = boxesOf(jp2);
  const header = boxesOf(boxes.find((b) => b.type === 'jp2h')!.body).map((b) => {
    const body = Buffer.from(b.body);
    if (b.type === 'ihdr') body[13] = 1;
    return box(b.type, body);
  });
  const resc = Buffer.from('0bb8000a0bb8000a0202', 'hex');
  const url = Buffer.concat([Buffer.alloc(4), Buffer.from(`https://scanner.example/${GPS_MARK}\0`)]);
  return Buffer.concat([
    box('jP  ', boxes[0].body),
    box('ftyp', boxes[1].body),
    box('xml ', Buffer.from(XMP)),
    box('jp2h', ...header, box('res ', box('resc', resc))),
    box('uuid', XMP_UUID, Buffer.from(XMP)),
    box('uuid', GEOJP2_UUID, Buffer.from(`GeoTIFF 55.75 37.62 ${GPS_MARK}`)),
    box('uinf', box('ulst', Buffer.from([0, 1]), XMP_UUID), box('url ', url)),
    box('jp2i', Buffer.from(`© ${GPS_MARK}`)),
    box('free', Buffer.from(`old bytes ${GPS_MARK}`)),
    box('jp2c', codestreamWithComments(codestreamOf(jp2))),
    box('xml ', Buffer.from(XMP)),
  ]);
};

/** A one-page PDF that shows `image` (JPEG 2000, in `filters`, the image filter last) over the page. */
export const pdfOfJpx = async (image: Buffer, filters: string[] = ['JPXDecode']): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([JPX_WIDTH, JPX_HEIGHT]);
  const xobject = pdf.context.register(
    pdf.context.stream(image, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: JPX_WIDTH,
      Height: JPX_HEIGHT,
      Filter: filters.length === 1 ? filters[0] : filters,
    }),
  );
  page.node.setXObject(PDFName.of('Im1'), xobject);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(JPX_WIDTH, 0, 0, JPX_HEIGHT, 0, 0),
    drawObject('Im1'),
    popGraphicsState(),
  );
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

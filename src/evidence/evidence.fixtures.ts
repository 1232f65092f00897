import sharp from 'sharp';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

// Test-only: files as phones and scanners make them, carrying the metadata the pipeline must drop.

export const GPS_MARK = 'KintraceCam-9911';

/** A JPEG with EXIF: camera make and model, and GPS coordinates (55°45′N 37°37′E). */
export const jpegWithGps = (): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: GPS_MARK, Model: 'Phone X', Artist: 'Мать солдата' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' },
    })
    .toBuffer();

export const pngWithText = (): Promise<Buffer> =>
  sharp({ create: { width: 20, height: 20, channels: 4, background: '#3a3' } })
    .png()
    .withExif({ IFD0: { Make: GPS_MARK } })
    .toBuffer();

/** A PDF with a filled document information dictionary and an XMP stream. */
export const pdfWithMetadata = async (): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText('Answer 123', { x: 20, y: 100, size: 12 });
  pdf.setTitle(`Title ${GPS_MARK}`);
  pdf.setAuthor(`Author ${GPS_MARK}`);
  pdf.setSubject('Subject secret');
  pdf.setKeywords(['keyword-secret']);
  pdf.setCreator('Scanner creator');
  pdf.setProducer('Scanner producer');
  const xmp = pdf.context.stream(
    `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmp:CreatorTool="${GPS_MARK}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
    { Type: 'Metadata', Subtype: 'XML' },
  );
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

/**
 * A photo "scanned" to PDF as phone scanner apps and img2pdf make it: the JPEG embedded byte for
 * byte, EXIF (camera, GPS, artist) included; and a file identifier in the trailer, as Word and
 * scanners write one (derived from the time, the path and the size of the author's file).
 */
export const pdfOfPhoto = async (): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const photo = await pdf.embedJpg(await jpegWithGps());
  pdf.addPage([photo.width, photo.height]).drawImage(photo, { x: 0, y: 0 });
  const id = PDFHexString.of(Buffer.from(GPS_MARK).toString('hex'));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

/**
 * A letter as an office suite or Acrobat leaves it: a sticky note signed with the author's name
 * and the times (with the time zone) they wrote it, a file attachment annotation, and the
 * original document attached to the PDF.
 */
export const pdfWithNotesAndAttachments = async (): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  page.drawText('Answer 123', { x: 20, y: 100, size: 12 });
  const embedded = pdf.context.register(
    pdf.context.stream(`Original letter.docx ${GPS_MARK}`, { Type: 'EmbeddedFile' }),
  );
  const spec = { Type: 'Filespec', F: PDFString.of('letter-of-Ivanova.docx'), EF: { F: embedded } };
  const note = pdf.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [10, 10, 30, 30],
    Contents: PDFString.of('see page 2'),
    T: PDFString.of(`Ivanova ${GPS_MARK}`),
    M: PDFString.of("D:20260301120000+03'00'"),
    CreationDate: PDFString.of("D:20260301115900+03'00'"),
  });
  const clip = pdf.context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [40, 10, 60, 30], FS: spec });
  page.node.set(PDFName.of('Annots'), pdf.context.obj([pdf.context.register(note), pdf.context.register(clip)]));
  page.node.set(PDFName.of('AF'), pdf.context.obj([pdf.context.register(pdf.context.obj(spec))]));
  await pdf.attach(Buffer.from(`attached ${GPS_MARK}`), 'notes-of-Ivanova.txt', { mimeType: 'text/plain' });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

/** Whether an EXIF block points at a GPS directory (tag 0x8825, either byte order). */
export const hasGpsIfd = (exif: Buffer | undefined): boolean =>
  exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

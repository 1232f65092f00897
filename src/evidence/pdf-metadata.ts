import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import { MAX_PDF_PAGES } from './pdf-limits.ts';
import { Invalid } from '../shared/errors.ts';
import { stripJpegMetadata } from './jpeg-metadata.ts';
import { stripJpxMetadata, UnsupportedJpx } from './jpx-metadata.ts';

// A PDF's clean copy (file-rules.ts decides what an upload is; this is what a PDF loses). PDFs
// lose their document information dictionary, every XMP metadata stream, the EXIF of the photos
// inside them (jpeg-metadata.ts) and the XMP, GPS and comments of their JPEG 2000 images
// (jpx-metadata.ts), their file identifier, the authors and times of their notes, every attached
// file (the source document often rides along), and what could run when staff open them
// (JavaScript, open actions, launch links).

/** The most pages a PDF may have: a long scanned file, never a book. */

const refuse = (key: string, params?: Record<string, string | number>): Invalid =>
  new Invalid({ field: 'file', key, params });

const CATALOG_DROPS = ['Metadata', 'OpenAction', 'AA', 'PieceInfo', 'Perms', 'AcroForm', 'SpiderInfo'];
const NAME_TREE_DROPS = ['JavaScript', 'EmbeddedFiles'];
// AF: files associated with a page or an object (PDF 2.0, PDF/A-3), such as the source document.
const ANY_DICT_DROPS = ['Metadata', 'PieceInfo', 'AA', 'JS', 'AF', 'LastModified'];
// A note's author (T), when it was made and changed (with the author's time zone), its attached
// file (FS), and a link's action (A: it may launch programs or JavaScript). The note stays.
const ANNOT_DROPS = ['A', 'T', 'M', 'CreationDate', 'FS'];
/** What is dropped as a whole: metadata streams, attached files and their file specifications. */
const GONE_TYPES = ['Metadata', 'EmbeddedFile', 'Filespec'].map((t) => PDFName.of(t));

/** The attached files' streams (a file specification's EF), wherever one is written, direct or not. */
const attachedFiles = (context: PDFDocument['context']): Set<PDFRef> => {
  const found = new Set<PDFRef>();
  const walk = (obj: unknown, depth: number): void => {
    if (depth > 32) return;
    if (obj instanceof PDFArray) for (const item of obj.asArray()) walk(item, depth + 1);
    const dict = dictOf(obj);
    if (!dict) return;
    const ef = dict.lookup(PDFName.of('EF'));
    if (ef instanceof PDFDict) for (const v of ef.values()) if (v instanceof PDFRef) found.add(v);
    for (const v of dict.values()) if (!(v instanceof PDFRef)) walk(v, depth + 1);
  };
  for (const [, obj] of context.enumerateIndirectObjects()) walk(obj, 0);
  return found;
};

const dictOf = (obj: unknown): PDFDict | undefined =>
  obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : undefined;

const FILTER = PDFName.of('Filter');
const PARMS = PDFName.of('DecodeParms');
/** The image filters whose data carries metadata, and how each is cleaned without decoding it. */
const CLEANERS = new Map<PDFName, (image: Buffer) => Buffer>([
  [PDFName.of('DCTDecode'), stripJpegMetadata],
  [PDFName.of('JPXDecode'), stripJpxMetadata],
]);

/**
 * A JPEG or JPEG 2000 image stream (its last filter DCTDecode or JPXDecode) without the picture's
 * metadata, or undefined for any other stream. One wrapped in other filters too (Flate,
 * ASCII85…) is unwrapped and kept with its image filter alone. An image whose structure does not
 * add up is refused as damaged, a JPEG 2000 image that cannot be reduced to one clean picture
 * with its own reason: neither can be cleaned, and neither is kept as it came.
 */
const cleanImageStream = (stream: PDFRawStream): PDFRawStream | undefined => {
  const { dict } = stream;
  const filter = dict.lookup(FILTER);
  const filters = filter instanceof PDFName ? [filter] : filter instanceof PDFArray ? filter.asArray() : [];
  const last = filters[filters.length - 1];
  const clean = last instanceof PDFName ? CLEANERS.get(last) : undefined;
  if (!clean) return undefined;
  try {
    let image = Buffer.from(stream.contents);
    if (filters.length > 1) {
      const parms = dict.lookup(PARMS);
      const outer = dict.clone();
      outer.set(FILTER, stream.dict.context.obj(filters.slice(0, -1)));
      if (parms instanceof PDFArray) outer.set(PARMS, stream.dict.context.obj(parms.asArray().slice(0, -1)));
      image = Buffer.from(decodePDFRawStream(PDFRawStream.of(outer, stream.contents)).decode());
      dict.set(FILTER, last);
      if (parms instanceof PDFArray) {
        const own = parms.get(parms.size() - 1);
        if (own instanceof PDFDict || own instanceof PDFRef) dict.set(PARMS, own);
        else dict.delete(PARMS);
      }
    }
    return PDFRawStream.of(dict, clean(image));
  } catch (err) {
    if (err instanceof UnsupportedJpx) throw refuse('evidence.errors.jpxUnsupported');
    // MalformedJpeg, MalformedJpx, or an outer filter that does not decode.
    throw refuse('evidence.errors.damaged');
  }
};

/**
 * Deletes every object the document does not reach from its catalogue: pdf-lib writes every
 * object a file holds, and a file saved again by an editor keeps its earlier revisions' objects
 * (an earlier information dictionary, a page's text before it was redacted), as it keeps what the
 * steps above cut loose.
 */
const dropUnreachable = (context: PDFDocument['context']): void => {
  const reached = new Set<PDFRef>();
  const stack: unknown[] = [context.trailerInfo.Root];
  while (stack.length > 0) {
    const obj = stack.pop();
    if (obj instanceof PDFRef) {
      if (reached.has(obj)) continue;
      reached.add(obj);
      stack.push(context.lookup(obj));
    } else if (obj instanceof PDFArray) {
      for (const item of obj.asArray()) stack.push(item);
    } else {
      const dict = dictOf(obj);
      if (dict) for (const v of dict.values()) stack.push(v);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
};

/** Removes the info dictionary, every XMP stream and anything that runs code or hides files. */
export const stripPdf = async (bytes: Buffer): Promise<Buffer> => {
  let pdf: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib writes its own producer and dates into a fresh info dict.
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    if ((err as Error)?.constructor?.name === 'EncryptedPDFError') throw refuse('evidence.errors.encryptedPdf');
    throw refuse('evidence.errors.damaged');
  }
  let pages = 0;
  try {
    pages = pdf.getPageCount();
  } catch {
    // no page tree at all
  }
  if (pages === 0) throw refuse('evidence.errors.damaged');
  if (pages > MAX_PDF_PAGES) throw refuse('evidence.errors.tooManyPages', { max: MAX_PDF_PAGES });
  const { context } = pdf;
  const info = context.trailerInfo.Info;
  context.trailerInfo.Info = undefined;
  if (info instanceof PDFRef) context.delete(info);
  for (const key of CATALOG_DROPS) pdf.catalog.delete(PDFName.of(key));
  const names = dictOf(pdf.catalog.lookup(PDFName.of('Names')));
  for (const key of NAME_TREE_DROPS) names?.delete(PDFName.of(key));
  // pdf-lib writes every object of the file, referenced or not: metadata streams must go by
  // themselves, not only the keys that point at them.
  const attached = attachedFiles(context);
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    const dict = dictOf(obj);
    if (!dict) continue;
    const type = dict.get(PDFName.of('Type'));
    const subtype = dict.get(PDFName.of('Subtype'));
    if (
      attached.has(ref) ||
      GONE_TYPES.some((t) => t === type) ||
      (obj instanceof PDFRawStream && subtype === PDFName.of('XML'))
    ) {
      context.delete(ref);
      continue;
    }
    // /Type is optional on annotations: one is a dictionary with a rectangle and a kind.
    if (type === PDFName.of('Annot') || (subtype instanceof PDFName && dict.has(PDFName.of('Rect'))))
      for (const key of ANNOT_DROPS) dict.delete(PDFName.of(key));
    for (const key of ANY_DICT_DROPS) dict.delete(PDFName.of(key));
  }
  dropUnreachable(context);
  // The pictures the pages still show, embedded as they came from the camera or the scanner:
  // EXIF, XMP, GPS, the owner.
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    const image = obj instanceof PDFRawStream ? cleanImageStream(obj) : undefined;
    if (image) context.assign(ref, image);
  }
  // The file identifier: Word and scanners derive it from the time, the path and the size of the
  // author's own file, and it stays the same in every copy of that file.
  context.trailerInfo.ID = undefined;
  // No object streams: the saved dictionaries stay plain, which the tests read back.
  const out = Buffer.from(
    await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }),
  );
  return out;
};

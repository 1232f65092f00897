import { createHash } from 'node:crypto';
import { Invalid } from '../shared/errors.ts';

// What an upload may be and how it is made safe before anything is stored. A file is recognised by
// its content, never by its name or the browser's word: JPEG, PNG and PDF, and HEIC (iPhone photos,
// decoded by libheif compiled to WebAssembly, from the heic-decode package). Images are decoded and
// re-encoded, which drops EXIF (camera, time, GPS), XMP, IPTC, comments and colour profiles; a
// picture larger than MAX_PIXELS is refused before it is decoded (a decompression bomb is a small
// file that unpacks to gigabytes). PDFs are cleaned in pdf-metadata.ts, which lists what they lose
// (metadata, the EXIF of the photos inside them, attached files, anything that could run).

// sharp (a native library) and file-type load on the first upload, as pdf-lib and heic-decode do:
// every route test and every `kintrace` process imports this file, and most never take a file
// (bench/startup/import-app.ts).
const loadSharp = async () => (await import('sharp')).default;

/** The largest upload, in bytes: a phone photo or a scanned letter of a few pages fits easily. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The most pixels an image may decode to (a 40-megapixel photo; phones take 12 to 48). */
export const MAX_PIXELS = 40_000_000;
/** Clean copies of images are scaled down to this many pixels on the long side (still readable scans). */
export const MAX_SIDE = 4000;
/** The most pages a PDF may have (pdf-metadata.ts, where PDFs are cleaned). */
export { MAX_PDF_PAGES } from './pdf-limits.ts';

export type CleanMime = 'image/jpeg' | 'image/png' | 'application/pdf';
export type SourceMime = CleanMime | 'image/heic';

export interface CleanedFile {
  /** the clean copy: what anyone who may see the file downloads */
  bytes: Buffer;
  mime: CleanMime;
  /** what the upload really was, by its content */
  sourceMime: SourceMime;
  sha256: string;
  /** the upload as it came (only stored when the caller keeps originals) */
  original: Buffer;
  originalSha256: string;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const refuse = (key: string, params?: Record<string, string | number>): Invalid =>
  new Invalid({ field: 'file', key, params });

const SOURCE: Record<string, SourceMime> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'application/pdf': 'application/pdf',
  'image/heic': 'image/heic',
  'image/heif': 'image/heic',
};

/** What the file is by its first bytes; `claimed` (a file name, a browser's type) only shapes the message. */
export const recogniseFile = async (bytes: Buffer, claimed?: { name?: string; type?: string }): Promise<SourceMime> => {
  if (bytes.length === 0) throw refuse('evidence.errors.empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw refuse('evidence.errors.tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 });
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  const mime = found && SOURCE[found.mime];
  if (mime) return mime;
  const claimsPdf = /\.pdf$/i.test(claimed?.name ?? '') || claimed?.type === 'application/pdf';
  const claimsImage = /\.(jpe?g|png|heic|heif)$/i.test(claimed?.name ?? '') || /^image\//.test(claimed?.type ?? '');
  if (claimsPdf) throw refuse('evidence.errors.notAPdf');
  if (claimsImage) throw refuse('evidence.errors.notAnImage');
  throw refuse('evidence.errors.unsupported');
};

const checkPixels = (width: number | undefined, height: number | undefined): void => {
  if (!width || !height) throw refuse('evidence.errors.damaged');
  if (width * height > MAX_PIXELS) throw refuse('evidence.errors.tooManyPixels');
};

/** Decodes and re-encodes: the new file carries pixels only, upright, no metadata of any kind. */
const cleanImage = async (bytes: Buffer, mime: 'image/jpeg' | 'image/png'): Promise<Buffer> => {
  const sharp = await loadSharp();
  try {
    // The header alone gives the size: no limit here, so a bomb is named as one rather than "damaged".
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    checkPixels(meta.width, meta.height);
    // rotate() with no angle applies the EXIF orientation, so the picture stays upright once
    // the EXIF block that said how to turn it is gone. No keepMetadata/withMetadata: none is written.
    const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    return mime === 'image/png'
      ? await pipeline.png({ compressionLevel: 9 }).toBuffer()
      : await pipeline.jpeg({ quality: 85 }).toBuffer();
  } catch (err) {
    if (err instanceof Invalid) throw err;
    throw refuse('evidence.errors.damaged');
  }
};

const cleanHeic = async (bytes: Buffer): Promise<Buffer> => {
  let raw: { width: number; height: number; data: Uint8ClampedArray };
  try {
    // Loaded on the first HEIC (as pdf-lib on the first PDF): every process that serves pages
    // would otherwise load both at start, most never to use them.
    const { default: decodeHeic } = await import('heic-decode');
    const images = await decodeHeic.all({ buffer: bytes });
    try {
      const primary = images[0];
      // The size is known before any pixel is decoded: a bomb is refused here.
      checkPixels(primary?.width, primary?.height);
      raw = await primary.decode();
    } finally {
      images.dispose();
    }
  } catch (err) {
    if (err instanceof Invalid) throw err;
    throw refuse('evidence.errors.damaged');
  }
  const sharp = await loadSharp();
  return sharp(Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength), {
    raw: { width: raw.width, height: raw.height, channels: 4 },
  })
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer();
};

/**
 * Recognises an upload by its content and makes its clean copy. Throws Invalid (field "file")
 * with a translated key for anything that is not a readable JPEG, PNG, HEIC or PDF within limits.
 */
export const cleanFile = async (bytes: Buffer, claimed?: { name?: string; type?: string }): Promise<CleanedFile> => {
  const sourceMime = await recogniseFile(bytes, claimed);
  let clean: Buffer;
  let mime: CleanMime;
  if (sourceMime === 'application/pdf') {
    const { stripPdf } = await import('./pdf-metadata.ts');
    clean = await stripPdf(bytes);
    mime = 'application/pdf';
  } else if (sourceMime === 'image/heic') {
    clean = await cleanHeic(bytes);
    mime = 'image/jpeg';
  } else {
    clean = await cleanImage(bytes, sourceMime);
    mime = sourceMime;
  }
  return { bytes: clean, mime, sourceMime, sha256: sha256(clean), original: bytes, originalSha256: sha256(bytes) };
};

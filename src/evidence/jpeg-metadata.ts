// The metadata segments of a JPEG, removed without decoding it. For the photos a PDF carries
// (phone scanner apps and img2pdf put the camera's JPEG into the PDF byte for byte, EXIF, GPS and
// all): the PDF is not re-rendered, so its images are cleaned where they lie. Kept: what decoding
// needs and the colour — JFIF (APP0), the ICC profile (APP2 "ICC_PROFILE"), Adobe's colour
// transform (APP14) — and the frame, tables and scans. Dropped: EXIF and XMP (APP1), every other
// application segment (maker notes, IPTC in APP13, multi-picture indexes), comments, and whatever
// follows the end of the image (a "motion photo" appends its video there).

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const ICC = Buffer.from('ICC_PROFILE\0', 'latin1');

/** Markers without a length: TEM and the restart markers. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

const keeps = (marker: number, body: Buffer): boolean => {
  if (marker === COM) return false;
  if (marker < APP0 || marker > APP15) return true;
  if (marker === APP0 || marker === APP14) return true;
  return marker === APP2 && body.subarray(0, ICC.length).equals(ICC);
};

/** Not a JPEG as far as its segments go (cut short, a length past its end). */
export class MalformedJpeg extends Error {}

/** The JPEG without its metadata segments; MalformedJpeg when its segments do not add up. */
export const stripJpegMetadata = (jpeg: Buffer): Buffer => {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== SOI) throw new MalformedJpeg();
  const out: Buffer[] = [jpeg.subarray(0, 2)];
  let pos = 2;
  // Inside entropy-coded data (after a scan's header) until the next marker.
  let scanning = false;
  let from = pos;
  while (pos < jpeg.length) {
    if (scanning) {
      // FF00 is a stuffed byte, FFD0–FFD7 restarts, FFFF fill: all part of the scan.
      if (jpeg[pos] !== 0xff || pos + 1 >= jpeg.length) {
        pos += 1;
        continue;
      }
      const next = jpeg[pos + 1];
      if (next === 0x00 || next === 0xff || standalone(next)) {
        pos += next === 0xff ? 1 : 2;
        continue;
      }
      out.push(jpeg.subarray(from, pos));
      scanning = false;
    }
    if (jpeg[pos] !== 0xff) throw new MalformedJpeg();
    while (jpeg[pos + 1] === 0xff) pos += 1;
    const marker = jpeg[pos + 1];
    if (marker === undefined) throw new MalformedJpeg();
    if (marker === EOI) {
      out.push(Buffer.from([0xff, EOI]));
      return Buffer.concat(out);
    }
    if (standalone(marker)) {
      out.push(jpeg.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > jpeg.length) throw new MalformedJpeg();
    const end = pos + 2 + jpeg.readUInt16BE(pos + 2);
    if (end > jpeg.length || end < pos + 4) throw new MalformedJpeg();
    if (keeps(marker, jpeg.subarray(pos + 4, end))) out.push(jpeg.subarray(pos, end));
    pos = end;
    if (marker === SOS) {
      scanning = true;
      from = pos;
    }
  }
  // No end marker: what was read (a scan cut short still shows as far as it goes).
  if (scanning) out.push(jpeg.subarray(from));
  return Buffer.concat(out);
};

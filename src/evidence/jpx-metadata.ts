// The metadata of a JPEG 2000 image, removed without decoding it: for the JPX images
// (JPXDecode) a PDF carries, which scanners and "save as PDF" tools embed as they are, as
// jpeg-metadata.ts does for JPEGs. A JP2 file is a list of boxes. Kept, in this order: the
// signature, the file type (its brand, version and the JPEG 2000 brands it lists), the header —
// image header, bit depths, colour (with its ICC profile, as for JPEGs), palette, component
// mapping, channel definitions — and the codestream. Dropped: XML boxes (XMP), UUID boxes (XMP,
// EXIF, GeoJP2's GPS position), UUID info with its URLs, intellectual property rights,
// resolution (a scanner's capture DPI), free space (it may hold old bytes), reader requirements
// (JPX feature flags, which no decoder needs once compositing and fragments are refused), any
// other box, and whatever follows the codestream. In the codestream, comments (COM: the encoder,
// sometimes the scanner or its owner) are cut from the main header and blanked in tile-part
// headers, where cutting one would change lengths other markers count. A PDF may also hold a
// bare codestream: the same comments go.
//
// A JPX file that draws from several codestreams or keeps its codestream in fragments
// (compositing layers, fragment tables that may point at other files) cannot be reduced to these
// boxes: UnsupportedJpx, and the upload is refused with that reason. MalformedJpx: lengths that
// do not add up.

/** Lengths that do not add up, a missing signature, a codestream cut short. */
export class MalformedJpx extends Error {}

/** A JPX whose picture needs more than the boxes kept: refused, never kept as it came. */
export class UnsupportedJpx extends Error {}

const SIGNATURE = Buffer.from('0000000c6a5020200d0a870a', 'hex');
const SOC = 0xff4f;
const SOT = 0xff90;
const SOD = 0xff93;
const EOC = 0xffd9;
const COM = 0xff64;

/** Boxes of the header kept: what a decoder needs to turn the codestream into the right colours. */
const HEADER_KEPT = new Set(['ihdr', 'bpcc', 'colr', 'pclr', 'cmap', 'cdef']);
/** Boxes that mean the picture is not simply the one codestream: compositing, fragments. */
const NOT_ONE_PICTURE = new Set(['ftbl', 'jpch', 'jplh', 'dtbl', 'comp', 'flst']);

interface Box {
  type: string;
  /** where its contents start and end */
  from: number;
  to: number;
}

/** The boxes between `from` and `to`, whose lengths must fill it exactly. */
const boxesOf = (buf: Buffer, from: number, to: number): Box[] => {
  const out: Box[] = [];
  let pos = from;
  while (pos < to) {
    if (pos + 8 > to) throw new MalformedJpx();
    const type = buf.toString('latin1', pos + 4, pos + 8);
    let length = buf.readUInt32BE(pos);
    let header = 8;
    if (length === 1) {
      if (pos + 16 > to) throw new MalformedJpx();
      const xl = buf.readBigUInt64BE(pos + 8);
      if (xl > BigInt(to - pos)) throw new MalformedJpx();
      length = Number(xl);
      header = 16;
    } else if (length === 0) {
      // "to the end of the file"
      length = to - pos;
    }
    if (length < header || pos + length > to) throw new MalformedJpx();
    out.push({ type, from: pos + header, to: pos + length });
    pos += length;
  }
  return out;
};

const box = (type: string, ...parts: Buffer[]): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0));
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, ...parts]);
};

/** Reads one marker segment at `pos` (marker and length), bounded by `end`. */
const segmentAt = (cs: Buffer, pos: number, end: number): { marker: number; to: number } => {
  if (pos + 4 > end) throw new MalformedJpx();
  const marker = cs.readUInt16BE(pos);
  if (marker >>> 8 !== 0xff) throw new MalformedJpx();
  const to = pos + 2 + cs.readUInt16BE(pos + 2);
  if (to < pos + 4 || to > end) throw new MalformedJpx();
  return { marker, to };
};

/** A codestream without its comments: cut from the main header, blanked in tile-part headers. */
export const stripCodestreamComments = (codestream: Buffer): Buffer => {
  if (codestream.length < 4 || codestream.readUInt16BE(0) !== SOC) throw new MalformedJpx();
  const out: Buffer[] = [codestream.subarray(0, 2)];
  let pos = 2;
  while (pos + 2 <= codestream.length && codestream.readUInt16BE(pos) !== SOT) {
    const { marker, to } = segmentAt(codestream, pos, codestream.length);
    if (marker !== COM) out.push(codestream.subarray(pos, to));
    pos = to;
  }
  if (pos + 2 > codestream.length) throw new MalformedJpx();
  // The tile-parts, copied so their comments can be blanked in place: SOT's Psot counts each
  // tile-part's length, and a TLM marker may repeat it, so nothing here changes length.
  const tiles = Buffer.from(codestream.subarray(pos));
  let at = 0;
  while (at < tiles.length) {
    if (at + 2 > tiles.length) throw new MalformedJpx();
    if (tiles.readUInt16BE(at) === EOC) {
      at += 2;
      break;
    }
    const sot = segmentAt(tiles, at, tiles.length);
    if (sot.marker !== SOT || sot.to !== at + 12) throw new MalformedJpx();
    const psot = tiles.readUInt32BE(at + 6);
    // Psot 0: the last tile-part, up to the end of the codestream.
    const endsWithEoc = tiles.length >= 2 && tiles.readUInt16BE(tiles.length - 2) === EOC;
    const end = psot === 0 ? tiles.length - (endsWithEoc ? 2 : 0) : at + psot;
    if (end > tiles.length || end < sot.to + 2) throw new MalformedJpx();
    let p = sot.to;
    while (tiles.readUInt16BE(p) !== SOD) {
      const { marker, to } = segmentAt(tiles, p, end);
      if (marker === COM && to > p + 6) {
        tiles.writeUInt16BE(1, p + 4); // Rcom 1: text
        tiles.fill(0x20, p + 6, to);
      }
      p = to;
      if (p + 2 > end) throw new MalformedJpx();
    }
    at = end;
  }
  out.push(tiles.subarray(0, at));
  return Buffer.concat(out);
};

const BRANDS = new Set(['jp2 ', 'jpx ', 'jpxb']);

/**
 * The file type box rebuilt from its brand, version and the known brands it lists: a length that
 * swallowed the next box would otherwise carry that box along as "file type".
 */
const fileType = (body: Buffer): Buffer => {
  if (body.length < 8 || body.length % 4 !== 0) throw new MalformedJpx();
  const brand = body.toString('latin1', 0, 4);
  if (!BRANDS.has(brand)) throw new UnsupportedJpx();
  const compatible: Buffer[] = [];
  for (let at = 8; at < body.length; at += 4)
    if (BRANDS.has(body.toString('latin1', at, at + 4))) compatible.push(body.subarray(at, at + 4));
  return box('ftyp', body.subarray(0, 8), ...compatible);
};

/** The JPEG 2000 image (a JP2 file or a bare codestream) without its metadata. */
export const stripJpxMetadata = (jpx: Buffer): Buffer => {
  if (jpx.length >= 2 && jpx.readUInt16BE(0) === SOC) return stripCodestreamComments(jpx);
  if (jpx.length < SIGNATURE.length || !jpx.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new MalformedJpx();
  const boxes = boxesOf(jpx, 0, jpx.length);
  if (boxes[1]?.type !== 'ftyp') throw new MalformedJpx();
  if (boxes.some((b) => NOT_ONE_PICTURE.has(b.type))) throw new UnsupportedJpx();
  const headers = boxes.filter((b) => b.type === 'jp2h');
  const codestreams = boxes.filter((b) => b.type === 'jp2c');
  if (headers.length !== 1 || codestreams.length !== 1) throw new UnsupportedJpx();
  const children = boxesOf(jpx, headers[0].from, headers[0].to);
  if (children[0]?.type !== 'ihdr' || children[0].to - children[0].from !== 14) throw new MalformedJpx();
  const kept = children
    .filter((c) => HEADER_KEPT.has(c.type))
    .map((c) => {
      const body = Buffer.from(jpx.subarray(c.from, c.to));
      // The image header's IPR flag says an intellectual property box follows: none does now.
      if (c.type === 'ihdr') body[13] = 0;
      return box(c.type, body);
    });
  return Buffer.concat([
    SIGNATURE,
    fileType(jpx.subarray(boxes[1].from, boxes[1].to)),
    box('jp2h', ...kept),
    box('jp2c', stripCodestreamComments(jpx.subarray(codestreams[0].from, codestreams[0].to))),
  ]);
};

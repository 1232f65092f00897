// pdf.js ships no types for its image decoders. The tests decode JPEG 2000 with it, as a PDF
// viewer would (jpx-metadata.test.ts): a cleaned picture must decode to the same pixels.
declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export const JpxImage: {
    /** the picture's samples, interleaved, row by row */
    decode(data: Uint8Array, options?: Record<string, unknown>): Uint8ClampedArray;
  };
}

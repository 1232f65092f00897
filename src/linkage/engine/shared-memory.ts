// Typed arrays in shared memory, for the second thread (parallel.ts, train.ts's EM candidates).

/** src in shared memory: as it is when it already is (the blocking keys), else copied. */
export const shared = <T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(src: T): T => {
  if (src.buffer instanceof SharedArrayBuffer) return src;
  const out = new (src.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(src.byteLength));
  out.set(src as never);
  return out;
};

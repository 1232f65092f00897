// The clustering's merge order (key-sort.ts edgesByWeight) against the comparison sort it
// replaced, on 1.25 million synthetic edges: weights at two resolutions (many ties, few ties).
// Printed, never asserted; the two orders are checked equal.
// Run: npx tsx bench/linkage/merge-order.ts
import { edgesByWeight } from '../../src/linkage/engine/key-sort.ts';

const n = 1_250_000;
let seed = 42;
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
for (const [label, resolution] of [
  ['weights to 0.01 (many ties)', 100],
  ['weights to 1e-9 (few ties)', 1e9],
] as const) {
  const weight = Float64Array.from({ length: n }, () => Math.round(random() * 40 * resolution) / resolution);
  const a = Int32Array.from({ length: n }, () => Math.floor(random() * 1e6));
  const b = Int32Array.from({ length: n }, () => Math.floor(random() * 1e6));
  for (let run = 1; run <= 3; run++) {
    let started = performance.now();
    const compared = Array.from({ length: n }, (_, e) => e).sort(
      (x, y) => weight[y] - weight[x] || a[x] - a[y] || b[x] - b[y],
    );
    const comparison = performance.now() - started;
    started = performance.now();
    const radix = edgesByWeight(
      Int32Array.from({ length: n }, (_, e) => e),
      weight,
      a,
      b,
    );
    const radixMs = performance.now() - started;
    const same = radix.every((e, k) => e === compared[k]);
    console.log(
      `${label}, run ${run}: comparison sort ${comparison.toFixed(0)} ms, radix ${radixMs.toFixed(0)} ms, same order: ${same}`,
    );
  }
}

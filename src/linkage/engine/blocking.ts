// Candidate pairs from several blocking rules, unioned without a hash set of pairs: a pair found
// by rule r is skipped when an earlier rule also puts both records in one block, so each pair is
// scored exactly once and memory stays O(records). Oversized blocks are skipped and reported.
import { Interner, TokenFeature, type Dataset, type FieldColumn } from './dataset.ts';
import { mixHash } from './strings.ts';
import { getTransform } from './transforms.ts';

export type BlockingRule = readonly string[];

/** One key part: a transformed field, or "a+b|t": the unordered set of two fields' values
 * (so a surname written in the given-name field still meets its twin). */
interface KeyPart {
  cols: FieldColumn[];
  features: TokenFeature[];
}

export interface OversizedBlock {
  rule: string;
  size: number;
  example: string;
}

export interface BlockingStats {
  candidatePairs: number;
  pairsPerRule: number[];
  oversized: OversizedBlock[];
}

const NULL_KEY = -1;

export class Blocking {
  readonly ruleNames: string[];
  private readonly parts: KeyPart[][];
  /** Per rule, per record: a 32-bit hash of the key, or -1 when a key part is missing. */
  keys: Float64Array[] = [];
  /** When set, only records with mask[r] = 1 take part (training samples records, not pairs). */
  mask: Uint8Array | null = null;
  constructor(
    private readonly data: Dataset,
    readonly rules: readonly BlockingRule[],
    readonly maxBlockSize = 5000,
  ) {
    this.ruleNames = rules.map((r) => r.join(' & '));
    const cache = new Map<string, KeyPart>();
    this.parts = rules.map((rule) =>
      rule.map((spec) => {
        let part = cache.get(spec);
        if (!part) {
          const [fields, transformName = 'value'] = spec.split('|');
          const fn = getTransform(transformName);
          const interner = new Interner();
          const cols = fields.split('+').map((f) => data.column(f));
          part = { cols, features: cols.map(() => new TokenFeature((raw) => interner.id(fn(raw)))) };
          cache.set(spec, part);
        }
        return part;
      }),
    );
  }

  /** The key of record r under rule k (computed from scratch; used for new records too). */
  keyOf(k: number, r: number): number {
    let h = 0x12345 + k;
    for (const part of this.parts[k]) {
      if (part.cols.length === 1) {
        const t = part.cols[0].tok.data[r];
        if (t < 0) return NULL_KEY;
        const id = part.features[0].data[t];
        if (id < 0) return NULL_KEY;
        h = mixHash(h, id);
      } else {
        const t0 = part.cols[0].tok.data[r];
        const t1 = part.cols[1].tok.data[r];
        if (t0 < 0 || t1 < 0) return NULL_KEY;
        const x = part.features[0].data[t0];
        const y = part.features[1].data[t1];
        if (x < 0 || y < 0) return NULL_KEY;
        h = mixHash(mixHash(h, Math.min(x, y)), Math.max(x, y));
      }
    }
    return h;
  }

  sync(): void {
    for (const rule of this.parts) for (const p of rule) p.features.forEach((f, i) => f.sync(p.cols[i]));
  }

  computeKeys(): void {
    this.sync();
    const n = this.data.size;
    this.keys = this.parts.map((_, k) => {
      const arr = new Float64Array(n);
      for (let r = 0; r < n; r++) arr[r] = this.keyOf(k, r);
      return arr;
    });
  }

  /** Records sorted by key for rule k; runs of equal keys are the blocks. */
  sortedByKey(k: number): { order: Int32Array; sortedKeys: Float64Array } {
    const keys = this.mask ? this.keys[k].map((v, r) => (this.mask![r] ? v : NULL_KEY)) : this.keys[k];
    const n = keys.length;
    let count = 0;
    for (let r = 0; r < n; r++) if (keys[r] !== NULL_KEY) count++;
    const order = new Int32Array(count);
    const sortedKeys = new Float64Array(count);
    if (n <= 1 << 21) {
      // key (32 bits) and index (21 bits) fit one double's mantissa: one native numeric sort.
      const packed = new Float64Array(count);
      let i = 0;
      for (let r = 0; r < n; r++) if (keys[r] !== NULL_KEY) packed[i++] = keys[r] * 2097152 + r;
      packed.sort();
      for (let j = 0; j < count; j++) {
        const r = packed[j] % 2097152;
        order[j] = r;
        sortedKeys[j] = (packed[j] - r) / 2097152;
      }
    } else {
      const idx: number[] = [];
      for (let r = 0; r < n; r++) if (keys[r] !== NULL_KEY) idx.push(r);
      idx.sort((a, b) => keys[a] - keys[b] || a - b);
      idx.forEach((r, j) => {
        order[j] = r;
        sortedKeys[j] = keys[r];
      });
    }
    return { order, sortedKeys };
  }

  /** Upper bound on the pairs rule k yields (Σ C(size, 2) over blocks that are not oversized). */
  pairCount(k: number): number {
    if (this.keys.length !== this.rules.length || this.keys[0]?.length !== this.data.size) this.computeKeys();
    const { sortedKeys } = this.sortedByKey(k);
    let total = 0;
    let start = 0;
    while (start < sortedKeys.length) {
      let end = start + 1;
      while (end < sortedKeys.length && sortedKeys[end] === sortedKeys[start]) end++;
      const size = end - start;
      if (size <= this.maxBlockSize) total += (size * (size - 1)) / 2;
      start = end;
    }
    return total;
  }

  /** True when an earlier rule than k already pairs a and b. */
  seenEarlier(k: number, a: number, b: number): boolean {
    for (let e = 0; e < k; e++) {
      const ka = this.keys[e][a];
      if (ka !== NULL_KEY && ka === this.keys[e][b]) return true;
    }
    return false;
  }

  /**
   * Calls visit(a, b) once per candidate pair (a < b in record order within a block).
   * crossSourceOnly: a link between sources never pairs two records of the same source.
   */
  forEachPair(visit: (a: number, b: number) => void, crossSourceOnly = false, onBlock?: (done: number, total: number) => void): BlockingStats {
    if (this.keys.length !== this.rules.length || this.keys[0]?.length !== this.data.size) this.computeKeys();
    const source = this.data.source.data;
    const stats: BlockingStats = { candidatePairs: 0, pairsPerRule: [], oversized: [] };
    for (let k = 0; k < this.rules.length; k++) {
      const { order, sortedKeys } = this.sortedByKey(k);
      let pairs = 0;
      let start = 0;
      while (start < order.length) {
        let end = start + 1;
        while (end < order.length && sortedKeys[end] === sortedKeys[start]) end++;
        const size = end - start;
        if (size > this.maxBlockSize) {
          stats.oversized.push({ rule: this.ruleNames[k], size, example: this.describe(k, order[start]) });
          // Later rules must not treat these pairs as already seen: this rule never scored them.
          for (let i = start; i < end; i++) this.keys[k][order[i]] = NULL_KEY;
        } else if (size > 1) {
          for (let i = start; i < end; i++) {
            const a = order[i];
            for (let j = i + 1; j < end; j++) {
              const b = order[j];
              if (crossSourceOnly && source[a] === source[b]) continue;
              if (k > 0 && this.seenEarlier(k, a, b)) continue;
              pairs++;
              visit(a, b);
            }
          }
        }
        start = end;
        if (onBlock && (start & 0xffff) < size) onBlock(start, order.length);
      }
      stats.pairsPerRule.push(pairs);
      stats.candidatePairs += pairs;
    }
    return stats;
  }

  /** A readable form of a record's key (for reports about oversized blocks). */
  describe(k: number, r: number): string {
    return this.rules[k].map((spec) => `${spec}=${spec.split('|')[0].split('+').map((f) => this.data.value(f, r)).join('+')}`).join(', ');
  }
}

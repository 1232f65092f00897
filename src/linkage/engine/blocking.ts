// Candidate pairs from several blocking rules, unioned without a hash set of pairs: a pair found
// by rule r is skipped when an earlier rule also puts both records in one block, so each pair is
// scored exactly once and memory stays O(records). Oversized blocks are skipped and reported.
import { Interner, TokenFeature, type Dataset, type FeatureRegistry, type FieldColumn } from './dataset.ts';
import { NULL_KEY, sortByKey } from './key-sort.ts';
import { mixHash } from './strings.ts';
import { getTransform, givenLikeFeature, readsOtherField } from './transforms.ts';

export type BlockingRule = readonly string[];
/** A rule, or a rule with its own block-size cap (blocks above it are skipped without a report). */
export type BlockingRuleSpec = BlockingRule | { readonly rule: BlockingRule; readonly maxBlockSize: number };

/** One key part: a transformed field; "a+b|t": the unordered set of two fields' values (so a
 * surname written in the given-name field still meets its twin); or "a~b|t": a's value, or b's
 * when the two are written in each other's fields (see `nameRoles`). */
interface KeyPart {
  cols: FieldColumn[];
  features: TokenFeature[];
  /** For "a~b": per column, 1 when the value is a recognised given name. */
  givenLike?: TokenFeature[];
  /** For "a~b": whether the part wants the given-name role (a given-name transform). */
  wantsGiven?: boolean;
}

/**
 * Which column of an "a~b" part holds the part's value: a surname field that holds a known given
 * name beside a given-name field that holds none ("Александр | Липук") has the two swapped, and
 * every rule keyed on the surname (or the given name) should read the other field. Decided per
 * record from the name dictionary alone, so a new record gets the key a batch run gives it.
 */
const roleColumn = (part: KeyPart, t0: number, t1: number): number => {
  const g = part.givenLike!;
  return readsOtherField(g[0].data[t0], g[1].data[t1], part.wantsGiven === true) ? 1 : 0;
};

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

export { NULL_KEY };

/**
 * Whether a block of `size` records, `first` of which may pair (all of them, or under a fallback
 * rule those lacking its value), has more pairs than a block of `cap` records: such a block is
 * skipped. The batch run and the incremental index both ask this, so they skip the same blocks.
 */
export const overCap = (first: number, size: number, cap: number): boolean =>
  first * (2 * size - first - 1) > cap * (cap - 1);

/** The file size the rules' own caps are set for (scaledCap). */
const CAPS_SET_FOR_RECORDS = 1_000_000;
/** The most a small file multiplies a rule's own cap by. */
const MAX_CAP_SCALE = 10;

/**
 * A rule's own cap in a file of `records` (config `scaleCaps`): √(1,000,000 / records) times the
 * cap, at least the cap, at most ten times it. Pairs grow with the square of a block's size, so a
 * block √k times larger in a file k times smaller costs the same share of the file's pairs.
 */
export const scaledCap = (cap: number, records: number): number =>
  Math.round(cap * Math.min(Math.max(Math.sqrt(CAPS_SET_FOR_RECORDS / Math.max(records, 1)), 1), MAX_CAP_SCALE));

export class Blocking {
  readonly rules: readonly BlockingRule[];
  /** Per rule: the largest block it pairs, and whether that is the rule's own cap (not reported). */
  readonly caps: number[];
  private readonly ownCap: boolean[];
  readonly ruleNames: string[];

  /** The largest block rule k pairs in the file as it is now (its own cap scaled with scaleCaps). */
  capOf(k: number): number {
    return this.scaleCaps && this.ownCap[k] ? scaledCap(this.caps[k], this.data.size) : this.caps[k];
  }
  private readonly parts: KeyPart[][];
  /**
   * "?field|t" parts make a fallback rule: its blocks only pair records when at least one of the
   * two lacks that value. "Same name, and one has no birth year" costs a fraction of "same name",
   * because pairs that both have a year are already found by the rule that includes the year.
   */
  private readonly fallback: KeyPart[][];
  /** Every part's features, by the column they read (filled by the constructor). */
  private readonly featuresByColumn = new Map<FieldColumn, TokenFeature[]>();
  /** Per fallback rule, per record: 1 when the record lacks a fallback value. */
  lacking: (Uint8Array | null)[] = [];
  /**
   * Per record, one byte per rule, a record's rules side by side: 0 without a key, else 1 + the
   * key mod 255. seenEarlier() compares these first. The keys are one array per rule, so asking
   * whether any of k earlier rules paired two records read 2k cache lines scattered over 100 MB
   * at a million records; a pair's prints are two lines, and only a print that agrees sends it to
   * the keys (a print that differs means keys that differ, or one cleared since). Enumerating
   * the fourth generator's million's 24 million candidate pairs on one thread: 5.3–5.8 → 3.7 s,
   * for 26 MB.
   */
  prints: Uint8Array | null = null;
  /**
   * Per rule, per record: a 32-bit hash of the key, or NULL_KEY when a key part is missing. In
   * shared memory, so the scoring worker reads these very arrays (26 rules at a million records
   * are 104 MB; a copy for the worker, as doubles, was 208 MB more at the peak).
   */
  keys: Uint32Array[] = [];
  /** When set, only records with mask[r] = 1 take part (training samples records, not pairs). */
  mask: Uint8Array | null = null;
  /** Keys a masked pass cleared: (rule, record, key) triples, restored by `unmask`. */
  private clearedLog: number[] = [];
  /** The records a mask keeps, in record order. */
  private masked: { mask: Uint8Array; records: Int32Array } | null = null;

  /** Ends a masked pass: every record takes part again, with the keys it had. */
  unmask(): void {
    const log = this.clearedLog;
    for (let i = 0; i < log.length; i += 3) this.keys[log[i]][log[i + 1]] = log[i + 2];
    this.clearedLog = [];
    this.mask = null;
    this.masked = null;
  }
  constructor(
    private readonly data: Dataset,
    specs: readonly BlockingRuleSpec[],
    readonly maxBlockSize = 5000,
    /** The engine's registry (a worker adopts these keys); training's throwaway blockings pass none. */
    features?: FeatureRegistry,
    /** The rules' own caps scaled to the file's size (scaledCap; config `scaleCaps`). */
    private readonly scaleCaps = false,
  ) {
    const rules = specs.map((s) => ('rule' in s ? s.rule : s));
    this.rules = rules;
    this.caps = specs.map((s) => ('rule' in s ? s.maxBlockSize : maxBlockSize));
    this.ownCap = specs.map((s) => 'rule' in s);
    this.ruleNames = rules.map((r) => r.join(' & '));
    const cache = new Map<string, KeyPart>();
    const part = (spec: string): KeyPart => {
      let part = cache.get(spec);
      if (!part) {
        const [fields, transformName = 'value'] = spec.split('|');
        const fn = getTransform(transformName);
        const interner = new Interner(features);
        const role = fields.includes('~');
        const cols = fields.split(/[+~]/).map((f) => data.column(f));
        part = { cols, features: cols.map(() => new TokenFeature((raw) => interner.id(fn(raw)), features)) };
        if (role) {
          if (cols.length !== 2) throw new Error(`blocking part "${spec}": "~" joins exactly two fields`);
          part.givenLike = fields.split('~').map((f) => givenLikeFeature(features, f));
          part.wantsGiven = transformName.startsWith('given');
        }
        cache.set(spec, part);
      }
      return part;
    };
    this.parts = rules.map((rule) => rule.filter((p) => !p.startsWith('?')).map(part));
    this.fallback = rules.map((rule) => rule.filter((p) => p.startsWith('?')).map((p) => part(p.slice(1))));
    // Every part's features of one column together, so that sync() brings them up to date token
    // by token (see TokenFeature.syncTogether).
    for (const p of cache.values())
      p.cols.forEach((col, i) => {
        const list = this.featuresByColumn.get(col) ?? [];
        list.push(p.features[i]);
        if (p.givenLike) list.push(p.givenLike[i]);
        this.featuresByColumn.set(col, list);
      });
  }

  isFallback(k: number): boolean {
    return this.fallback[k].length > 0;
  }

  /** True when record r lacks a fallback value of rule k (always false for ordinary rules). */
  lacks(k: number, r: number): boolean {
    for (const p of this.fallback[k]) {
      for (let i = 0; i < p.cols.length; i++) {
        const t = p.cols[i].at(r);
        if (t < 0 || p.features[i].data[t] < 0) return true;
      }
    }
    return false;
  }

  /** The key of record r under rule k (computed from scratch; used for new records too). */
  keyOf(k: number, r: number): number {
    let h = 0x12345 + k;
    for (const part of this.parts[k]) {
      if (part.cols.length === 1) {
        const t = part.cols[0].at(r);
        if (t < 0) return NULL_KEY;
        const id = part.features[0].data[t];
        if (id < 0) return NULL_KEY;
        h = mixHash(h, id);
      } else if (part.givenLike) {
        const t0 = part.cols[0].at(r);
        if (t0 < 0) return NULL_KEY;
        const t1 = part.cols[1].at(r);
        const c = t1 < 0 ? 0 : roleColumn(part, t0, t1);
        const id = part.features[c].data[c === 0 ? t0 : t1];
        if (id < 0) return NULL_KEY;
        h = mixHash(h, id);
      } else {
        const t0 = part.cols[0].at(r);
        const t1 = part.cols[1].at(r);
        if (t0 < 0 || t1 < 0) return NULL_KEY;
        const x = part.features[0].data[t0];
        const y = part.features[1].data[t1];
        if (x < 0 || y < 0) return NULL_KEY;
        h = mixHash(mixHash(h, Math.min(x, y)), Math.max(x, y));
      }
    }
    return h === NULL_KEY ? NULL_KEY - 1 : h;
  }

  sync(): void {
    for (const [col, features] of this.featuresByColumn) TokenFeature.syncTogether(col, features);
  }

  /**
   * Brings only these columns' own key features up to date, for parallel-sync.ts: the features
   * whether a value is a given name are shared with the name comparisons, which bring them up to
   * date (else sync() does), so that two threads never fill one feature.
   */
  syncColumns(names: ReadonlySet<string>): void {
    const shared = new Set([...this.parts, ...this.fallback].flat().flatMap((p) => p.givenLike ?? []));
    for (const [col, features] of this.featuresByColumn)
      if (names.has(col.name))
        TokenFeature.syncTogether(
          col,
          features.filter((f) => !shared.has(f)),
        );
  }

  /** The columns of each key part: one part's columns share its interner, so they go together. */
  partColumns(): string[][] {
    return [...new Set([...this.parts, ...this.fallback].flat())].map((p) => p.cols.map((c) => c.name));
  }

  /** Set when a pass cleared keys of a skipped block: the next pass must compute them again. */
  private cleared = false;

  /** Computes the keys unless they are current (same records, nothing cleared since). */
  ensureKeys(): void {
    if (this.cleared || this.keys.length !== this.rules.length || this.keys[0]?.length !== this.data.size)
      this.computeKeys();
  }

  /**
   * Lets the keys go once the batch run has scored (two-threads.ts): 26 rules at a million records
   * hold 130 MB of keys and prints through the clustering, which asks none. Whatever asks for
   * pairs later (an incremental index) computes them again, as it would after a pass that cleared
   * an oversized block's keys.
   */
  releaseKeys(): void {
    this.keys = [];
    this.lacking = [];
    this.prints = null;
  }

  computeKeys(): void {
    this.cleared = false;
    this.sync();
    const n = this.data.size;
    this.keys = this.parts.map((_, k) => {
      const arr = new Uint32Array(new SharedArrayBuffer(n * 4));
      for (let r = 0; r < n; r++) arr[r] = this.keyOf(k, r);
      return arr;
    });
    this.lacking = this.parts.map((_, k) =>
      this.fallback[k].length ? Uint8Array.from({ length: n }, (_, r) => (this.lacks(k, r) ? 1 : 0)) : null,
    );
    const rules = this.keys.length;
    this.prints = new Uint8Array(new SharedArrayBuffer(n * rules));
    for (let k = 0; k < rules; k++) {
      const keys = this.keys[k];
      for (let r = 0; r < n; r++) this.prints[r * rules + k] = keys[r] === NULL_KEY ? 0 : 1 + (keys[r] % 255);
    }
  }

  /** Records sorted by key for rule k; runs of equal keys are the blocks. */
  sortedByKey(k: number): { order: Int32Array; sortedKeys: Uint32Array } {
    if (!this.mask) return sortByKey(this.keys[k]);
    // A sampled pass (training) sorts only the sampled records' keys, not a mapped copy of every
    // record's per rule (a second of EM at a million records).
    if (this.masked?.mask !== this.mask) {
      const mask = this.mask;
      const records = new Int32Array(mask.reduce((sum, x) => sum + (x ? 1 : 0), 0));
      for (let r = 0, i = 0; r < mask.length; r++) if (mask[r]) records[i++] = r;
      this.masked = { mask, records };
    }
    return sortByKey(this.keys[k], this.masked.records);
  }

  /** Upper bound on the pairs rule k yields (Σ C(size, 2) over blocks that are not oversized). */
  pairCount(k: number): number {
    this.ensureKeys();
    const { sortedKeys } = this.sortedByKey(k);
    let total = 0;
    let start = 0;
    while (start < sortedKeys.length) {
      let end = start + 1;
      while (end < sortedKeys.length && sortedKeys[end] === sortedKeys[start]) end++;
      const size = end - start;
      if (size <= this.capOf(k)) total += (size * (size - 1)) / 2;
      start = end;
    }
    return total;
  }

  /** True when an earlier rule than k already pairs a and b. */
  seenEarlier(k: number, a: number, b: number): boolean {
    const rules = this.keys.length;
    const prints = this.prints;
    if (prints !== null && prints.length === this.data.size * rules) {
      const pa = a * rules;
      const pb = b * rules;
      for (let e = 0; e < k; e++) {
        const p = prints[pa + e];
        if (p === 0 || p !== prints[pb + e]) continue;
        const ka = this.keys[e][a];
        if (ka !== NULL_KEY && ka === this.keys[e][b]) {
          const lacking = this.lacking[e];
          if (!lacking || lacking[a] === 1 || lacking[b] === 1) return true;
        }
      }
      return false;
    }
    for (let e = 0; e < k; e++) {
      const ka = this.keys[e][a];
      if (ka !== NULL_KEY && ka === this.keys[e][b]) {
        const lacking = this.lacking[e];
        if (!lacking || lacking[a] === 1 || lacking[b] === 1) return true;
      }
    }
    return false;
  }

  /**
   * Readies the block order[start, end) of rule k for pairing (here and in parallel.ts). A
   * fallback rule pairs only the block's records that lack the value with the others: those move
   * to the front, and the end of them, which bounds the outer loop, is returned. An oversized
   * block is reported in `oversized` and -1 returned; its records' keys are cleared, so later
   * rules do not treat pairs this rule never scored as already seen.
   */
  settleBlock(k: number, order: Int32Array, start: number, end: number, oversized: OversizedBlock[]): number {
    let firstEnd = end;
    const lacking = this.lacking[k];
    if (lacking) {
      let w = start;
      for (let i = start; i < end; i++) {
        if (lacking[order[i]] === 1) {
          const t = order[w];
          order[w++] = order[i];
          order[i] = t;
        }
      }
      firstEnd = w;
    }
    const size = end - start;
    const first = firstEnd - start;
    const cap = this.capOf(k);
    if (overCap(first, size, cap)) {
      if (!this.ownCap[k]) oversized.push({ rule: this.ruleNames[k], size, example: this.describe(k, order[start]) });
      for (let i = start; i < end; i++) {
        // A sampled (masked) pass puts the keys back afterwards, so the full pass can reuse them.
        if (this.mask) this.clearedLog.push(k, order[i], this.keys[k][order[i]]);
        this.keys[k][order[i]] = NULL_KEY;
      }
      if (!this.mask) this.cleared = true;
      return -1;
    }
    return firstEnd;
  }

  /**
   * Calls visit(a, b) once per candidate pair (a < b in record order within a block).
   * crossSourceOnly: a link between sources never pairs two records of the same source.
   */
  forEachPair(
    visit: (a: number, b: number) => void,
    crossSourceOnly = false,
    onBlock?: (done: number, total: number) => void,
  ): BlockingStats {
    this.ensureKeys();
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
        const firstEnd = this.settleBlock(k, order, start, end, stats.oversized);
        if (firstEnd >= 0 && size > 1) {
          for (let i = start; i < firstEnd; i++) {
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
    return this.rules[k]
      .map(
        (spec) =>
          `${spec}=${spec
            .split('|')[0]
            .split(/[+~]/)
            .map((f) => this.data.value(f, r))
            .join('+')}`,
      )
      .join(', ');
  }
}

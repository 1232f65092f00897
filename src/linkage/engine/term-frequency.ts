// Term frequencies that depend on where a person comes from. Agreeing on "Магомедов" says little
// in Dagestan, where one man in ten has that surname, and much in Pskov; a national frequency
// overstates it by a factor of fifty (issue 10). A comparison flagged tf may name context
// comparisons (`tfWithin`, coarse to fine, e.g. region then surname): when a pair agrees exactly
// on the first d of them, the shared value's frequency is taken within that context,
//     f_d = max(f_(d−1), (max(count(value, ctx_1..d) − OWN, 0) + β·f_(d−1)) / (count(ctx_1..d) + β)),
// shrunk towards the coarser frequency (β = 100 pseudo-records) and never below it: a context can
// show that a name is locally common, but a few records cannot show that it is locally rare.
// OWN discounts the scored man's own records (one man in four sources is four records of his
// surname in his region). The national frequency counts other records than the scored one (u is
// the chance that *another* person shares the value), shrunk towards the level's average u by
// 1,000 pseudo-records, so that a small file's counts do not pass for frequencies. Counts are dense integer arrays per
// (value, context) id, updated as records are added, so an incremental index sees exactly the
// batch frequencies.
import type { Comparison } from './comparison.ts';
import { GrowInt32 } from './dataset.ts';
import { OwnRecords } from './own-records.ts';
import { type Chain, combine } from './term-chain.ts';
import { PlaceFloors } from './term-places.ts';
import { IdTable, type IdTableArrays } from './id-table.ts';

/** What a worker thread needs to score with the main thread's frequencies (typed arrays only). */
export interface SharedFrequencies {
  total: number;
  /** Per comparison with a two-context chain: its floors for every (value, context) of the records. */
  floors: (Float64Array | null)[];
  counts: (Int32Array | null)[];
  chains: (ChainArrays<Int32Array> | null)[];
}

/** A chain's per-depth ids and counts (term-chain.ts Chain), in whatever form they travel. */
interface ChainArrays<T> {
  joint: T[];
  context: T[];
  jointCounts: T[];
  contextCounts: T[];
}

/** Each of a chain's arrays mapped: to share, move or adopt them. */
const mapChain = <T, U>(ch: ChainArrays<T>, f: (x: T) => U): ChainArrays<U> => ({
  joint: ch.joint.map(f),
  context: ch.context.map(f),
  jointCounts: ch.jointCounts.map(f),
  contextCounts: ch.contextCounts.map(f),
});

/**
 * The counts of every record, with the tables that intern their (value, context) keys: what a
 * thread that counted them hands over for this one to go on from (TermFrequencies.counted).
 */
export interface CountedFrequencies {
  total: number;
  counts: (Grown | null)[];
  chains: (CountedChain | null)[];
}

/** One chain's per-record ids and counts per depth, and the tables that intern its keys. */
interface CountedChain extends ChainArrays<Grown> {
  jointIds: IdTableArrays[];
  contextIds: IdTableArrays[];
}

/** The buffers of counted(), moved rather than copied to the thread that adopts them. */
export const countedBuffers = (c: CountedFrequencies): ArrayBuffer[] => [
  ...c.counts.flatMap((g) => (g ? [g.data.buffer as ArrayBuffer] : [])),
  ...c.chains.flatMap((ch) =>
    ch
      ? [
          ...[...ch.joint, ...ch.context, ...ch.jointCounts, ...ch.contextCounts].map(
            (g) => g.data.buffer as ArrayBuffer,
          ),
          ...[...ch.jointIds, ...ch.contextIds].flatMap((t) => [
            t.keys.buffer as ArrayBuffer,
            t.ids.buffer as ArrayBuffer,
          ]),
        ]
      : [],
  ),
];

/** A GrowInt32's array and length. */
interface Grown {
  data: Int32Array;
  length: number;
}

const view = (g: GrowInt32): Int32Array => g.data.subarray(0, g.length);
const grown = (g: GrowInt32): Grown => ({ data: g.data, length: g.length });
const regrown = (x: Grown): GrowInt32 => {
  const g = new GrowInt32(1);
  g.data = x.data;
  g.length = x.length;
  return g;
};
/** A shared array (SharedFrequencies) as a GrowInt32's whole data. */
const whole = (a: Int32Array): Grown => ({ data: a, length: a.length });

/** Pseudo-records of shrinkage towards the coarser frequency. */
const SHRINK = 100;
/**
 * Records of the scored person himself, discounted from a context's count until a clustering has
 * counted them (ownFromClusters): one man listed in four sources is four records of one surname in
 * his region, which says nothing about how many other men there bear it (measured: without the
 * discount, agreeing on the region lowered the weight of a rare surname by six bits).
 */
const OWN_RECORDS = 4;
/** Pseudo-records at the level's average u behind every national frequency. */
const NATIONAL_SHRINK = 1000;

const bump = (counts: GrowInt32, id: number, by: number): void => {
  while (counts.length <= id) counts.push(0);
  counts.data[id] += by;
};

export class TermFrequencies {
  /** National counts per comparison (null when it has no tf level). */
  private counts: (GrowInt32 | null)[];
  private readonly chains: (Chain | null)[];
  /** Per comparison with a two-context chain: the frequency of its value where its context's records come from. */
  private readonly placeFloors: (PlaceFloors | null)[];
  private readonly sharing: Uint8Array[];
  /** Records counted so far: records [0, total) are in the counts. */
  total = 0;
  /** maxLog2Lift() as of `liftAt` records. */
  private lift = 0;
  private liftAt = -1;
  /** Each man's own records, counted from a clustering (ownFromClusters); null before one. */
  private own: OwnRecords | null = null;

  constructor(
    private readonly comparisons: readonly Comparison[],
    within: readonly (readonly number[])[],
  ) {
    this.counts = comparisons.map((c) => (c.tfKey && c.levels.some((l) => l.tf) ? new GrowInt32() : null));
    this.chains = comparisons.map((c, i) => {
      const w = within[i] ?? [];
      if (!this.counts[i] || !w.length) return null;
      if (w.some((j) => !comparisons[j].tfKey))
        throw new Error(`tfWithin of "${c.name}" names a comparison without values to condition on`);
      const per = <T>(make: () => T): T[] => w.map(make);
      return {
        comparison: i,
        within: [...w],
        joint: per(() => new GrowInt32()),
        context: per(() => new GrowInt32()),
        jointIds: per(() => new IdTable()),
        contextIds: per(() => new IdTable()),
        jointCounts: per(() => new GrowInt32()),
        contextCounts: per(() => new GrowInt32()),
      };
    });
    // Per comparison: the levels at which a pair shares its value, as a context (exact, or the
    // same names in each other's fields).
    this.sharing = comparisons.map((c) => Uint8Array.from(c.levels, (l, j) => (j === 1 || l.sharesValue ? 1 : 0)));
    this.placeFloors = this.chains.map((ch, i) =>
      ch?.within.length === 2
        ? new PlaceFloors(
            ch,
            (r) => comparisons[i].tfKey!(r),
            (r) => comparisons[ch.within[1]].tfKey!(r),
          )
        : null,
    );
  }

  /** The counts for a worker thread (copied once; the worker never adds records). */
  share(): SharedFrequencies {
    const floors = this.placeFloors.map((places) => (places ? places.all(this.total) : null));
    return {
      total: this.total,
      floors,
      counts: this.counts.map((c) => (c ? view(c) : null)),
      chains: this.chains.map((ch) => ch && mapChain(ch, view)),
    };
  }

  /** Takes over a main thread's counts instead of counting again (a worker's scorer). */
  adopt(shared: SharedFrequencies): void {
    shared.floors.forEach((value, i) => {
      if (value) this.placeFloors[i]?.freeze(value);
    });
    this.replaceCounts({
      total: shared.total,
      counts: shared.counts.map((c) => c && whole(c)),
      chains: shared.chains.map((s) => s && mapChain(s, whole)),
    });
  }

  /** Another table's counts in place of this one's (adopt, adoptCounted). */
  private replaceCounts(counted: {
    total: number;
    counts: (Grown | null)[];
    chains: (ChainArrays<Grown> | null)[];
  }): void {
    this.total = counted.total;
    counted.counts.forEach((c, i) => {
      if (c && this.counts[i]) this.counts[i] = regrown(c);
    });
    counted.chains.forEach((s, i) => {
      const ch = this.chains[i];
      if (s && ch) Object.assign(ch, mapChain(s, regrown));
    });
  }

  /**
   * The counts as they are, to be moved to another thread (adoptCounted there) with
   * countedBuffers(): this table is not to be used after.
   */
  counted(): CountedFrequencies {
    return {
      total: this.total,
      counts: this.counts.map((c) => (c ? grown(c) : null)),
      chains: this.chains.map((ch) =>
        ch
          ? {
              ...mapChain(ch, grown),
              jointIds: ch.jointIds.map((t) => t.export()),
              contextIds: ch.contextIds.map((t) => t.export()),
            }
          : null,
      ),
    };
  }

  /**
   * Goes on from another thread's counts of the same comparisons over the same records (counted()),
   * as if it had counted them itself: records can be counted and uncounted after, unlike adopt().
   */
  adoptCounted(counted: CountedFrequencies): void {
    if (this.total !== 0) throw new Error('adoptCounted: this table has counted records already');
    this.replaceCounts(counted);
    counted.chains.forEach((s, i) => {
      const ch = this.chains[i];
      if (!s || !ch) return;
      ch.jointIds = s.jointIds.map((t) => IdTable.from(t));
      ch.contextIds = s.contextIds.map((t) => IdTable.from(t));
    });
  }

  /** Counts records [total, to). */
  countUpTo(to: number): void {
    for (let r = this.total; r < to; r++) this.change(r, 1);
    this.total = Math.max(this.total, to);
  }

  /** Removes the last counted record (a query scored but not kept). */
  uncountLast(): void {
    const r = --this.total;
    this.change(r, -1);
    for (const ch of this.chains) {
      if (!ch) continue;
      for (let d = 0; d < ch.within.length; d++) {
        ch.joint[d].length = r;
        ch.context[d].length = r;
      }
    }
  }

  private change(r: number, by: number): void {
    this.comparisons.forEach((c, i) => {
      const counts = this.counts[i];
      if (!counts) return;
      const v = c.tfKey!(r);
      if (v >= 0) bump(counts, v, by);
      const ch = this.chains[i];
      if (!ch) return;
      let cid = 0;
      let jid = v;
      let ok = v >= 0;
      for (let d = 0; d < ch.within.length; d++) {
        const x = this.comparisons[ch.within[d]].tfKey!(r);
        ok = ok && x >= 0;
        if (by > 0) {
          // Ids are interned once, when the record is first counted; an uncount reads them back.
          if (ok) {
            const ctxKey = combine(cid, x);
            const jointKey = combine(jid, x);
            cid = ch.contextIds[d].intern(ctxKey);
            jid = ch.jointIds[d].intern(jointKey);
          }
          ch.joint[d].push(ok ? jid : -1);
          ch.context[d].push(ok ? cid : -1);
        }
        const j = ch.joint[d].data[r];
        const k = ch.context[d].data[r];
        if (j >= 0) bump(ch.jointCounts[d], j, by);
        if (k >= 0) bump(ch.contextCounts[d], k, by);
      }
      this.placeFloors[i]?.counted(r, by);
    });
  }

  /** Whether any comparison's frequency is taken within contexts (and so discounts own records). */
  hasChains(): boolean {
    return this.chains.some((ch) => ch !== null);
  }

  /**
   * Counts each record's own records from a clustering — per (value, context) of every chain, and
   * per value nationally — and how often two records sharing a (value, first context) are one
   * man; null forgets them.
   */
  ownFromClusters(clusterOf: Int32Array | null): void {
    this.own = clusterOf
      ? OwnRecords.fromClusters(
          clusterOf,
          this.chains,
          this.comparisons.map((c, i) => (this.counts[i] ? (r: number) => c.tfKey!(r) : null)),
          this.total,
        )
      : null;
  }

  /**
   * log2 of the odds that two records sharing record r's value and its first d contexts (a given
   * name and surname; and region, d = 2) are one man, as the clustering found them (own-records.ts).
   * A name one man holds most of is likely his in any list (a man in forty lists is the likeliest
   * owner of the next record that names only him), which name frequencies, counting records as
   * if each were another man, cannot say. null before a clustering, or with too few records.
   */
  sameManLog2Odds(i: number, r: number, d: number): number | null {
    const ch = this.chains[i];
    return this.own && ch ? this.own.sameManLog2Odds(i, r, d, ch) : null;
  }

  /** The context comparisons of comparison i's chain, coarse to fine (a given name's surname, region). */
  contexts(i: number): readonly number[] {
    return this.chains[i]?.within ?? [];
  }

  /** The scored man's records holding r's (value, contexts to depth k + 1): counted, or assumed. */
  private ownAt(i: number, k: number, r: number, partner: number): number {
    if (!this.own) return OWN_RECORDS;
    return this.own.inContext(i, k, r, partner, this.chains[i]!.joint[k].data, OWN_RECORDS);
  }

  /** The scored man's records holding r's value `v` nationally: at least `assumed`, counted after a clustering. */
  private ownNationally(i: number, r: number, v: number, assumed: number, partner: number): number {
    if (!this.own) return assumed;
    const partnerValue = partner >= 0 ? this.comparisons[i].tfKey!(partner) : -1;
    return this.own.nationally(i, r, v, assumed, partner, partnerValue);
  }

  /** How many leading contexts of comparison i a pair agrees on exactly (levels of the pair). */
  depth(i: number, levels: Int32Array): number {
    const ch = this.chains[i];
    if (!ch) return 0;
    let d = 0;
    while (d < ch.within.length && this.sharing[ch.within[d]][levels[ch.within[d]]] === 1) d++;
    return d;
  }

  /**
   * The most a frequency can lower u: log2 of u over the smallest frequency the shrinkage allows
   * (a value seen nowhere else), for scoring to skip pairs that cannot reach a floor. Asked once
   * per scored pair, so kept until the count of records changes.
   */
  maxLog2Lift(): number {
    if (this.liftAt !== this.total) {
      this.lift = Math.log2((this.total + NATIONAL_SHRINK) / NATIONAL_SHRINK);
      this.liftAt = this.total;
    }
    return this.lift;
  }

  /**
   * log2 of the frequency of record r's value of comparison i among the other records, within
   * depth d; `prior` (the level's average u) is what a value counts as before it has been seen
   * often: eight records cannot say that a date is one in four. `own`: the records of the
   * scored man himself expected to hold the value besides this one, left out of its national count.
   * `partner`: the pair's other record, whose cluster's own records count too once a clustering
   * has counted them (ownFromClusters).
   */
  log2Frequency(i: number, r: number, d: number, prior: number, own = 0, partner = -1): number {
    const c = this.comparisons[i];
    const counts = this.counts[i]!;
    const v = c.tfKey!(r);
    const self = r < this.total ? 1 : 0;
    const n = Math.max(this.total - self, 1);
    const count =
      v >= 0 && v < counts.length ? Math.max(counts.data[v] - this.ownNationally(i, r, v, self + own, partner), 0) : 0;
    let f = (count + NATIONAL_SHRINK * prior) / (n + NATIONAL_SHRINK);
    const ch = this.chains[i];
    // Where the pair shares no place, the value's frequency where men of its context come from.
    const places = this.placeFloors[i];
    if (places && d < 2) f = Math.max(f, places.floor(r, this.total));
    for (let k = 0; k < d && ch; k++) {
      if (r >= ch.joint[k].length) break;
      const jid = ch.joint[k].data[r];
      const cid = ch.context[k].data[r];
      if (jid < 0 || cid < 0) break;
      const cj = Math.max(ch.jointCounts[k].data[jid] - this.ownAt(i, k, r, partner), 0);
      const cc = Math.max(ch.contextCounts[k].data[cid] - self, 0);
      // A context only ever makes a value commoner: a small context cannot tell a locally rare
      // name from one that is simply unseen there, and a duplicate-free count is too noisy to
      // make a name rarer than it is in the wider population.
      f = Math.max(f, (cj + SHRINK * f) / (cc + SHRINK));
    }
    return Math.log2(f);
  }
}

// What the first clustering says about each man's own records, for the clustering's second look
// (engine.ts cluster()). Before any clustering a name's frequency in a context can only assume
// how many of its records are the scored man's own (term-frequency.ts OWN_RECORDS); after one
// they are counted: a man found in eight lists is eight of the fourteen Магомедов Руслан of his
// region, not four. The clusters also say how a name's records fall into men (sameManLog2Odds).
// Built by TermFrequencies.ownFromClusters and read by its log2Frequency; the chains (the ids of
// each record's value within its contexts, and their counts) stay the term frequencies' own.
import { ClusterMembers } from './cluster-members.ts';
import type { Chain } from './term-chain.ts';

/** What counting own records reads of a chain of term frequencies. */
export type ChainIds = Pick<Chain, 'within' | 'joint' | 'jointCounts'>;

/**
 * Records of a name below which a clustering's share of one man in it is not read
 * (sameManLog2Odds). Measured: below twenty records per name the model's names-only pairs are
 * calibrated on every generator (diagnose.ts), and from ten on the share lowered precision.
 */
const NAMESAKE_RECORDS = 20;
/** Records of a name that can be told apart (toldApart) below which their share is not read. */
const TOLD_APART_RECORDS = 10;
/** The most a clustering may say that two records of one name are one man. */
const MAX_SAME_MAN = 0.99;

type SameMan = { pairs: Float64Array; records: Int32Array };

export class OwnRecords {
  private constructor(
    /**
     * Per chain comparison, per depth: per record, how many records of its cluster hold its
     * (value, context), itself included.
     */
    private readonly clusterOwn: (Uint16Array[] | null)[],
    /** Per tf comparison: per record, how many records of its cluster hold its value (itself included). */
    private readonly nationalOwn: (Uint16Array | null)[],
    /**
     * Per chain comparison, per depth, per joint id of (value, contexts to that depth): its records
     * that can be told apart (toldApart), and Σ n(n − 1) over the clusters holding n of them.
     */
    private readonly sameMan: (SameMan[] | null)[],
  ) {}

  /**
   * Counts each record's own records from a clustering — per (value, context) of every chain, and
   * per value nationally — and how often two records sharing a (value, context) are one man.
   * `keys[i]`: comparison i's value of a record, null where it has no frequencies; `total`: the
   * records counted.
   */
  static fromClusters(
    clusterOf: Int32Array,
    chains: readonly (ChainIds | null)[],
    keys: readonly (((r: number) => number) | null)[],
    total: number,
  ): OwnRecords {
    const clusters = new ClusterMembers(clusterOf);
    const clusterOwn = chains.map((ch) =>
      ch ? ch.joint.map((joint) => clusters.sameValue((r) => (r < joint.length ? joint.data[r] : -1))) : null,
    );
    const nationalOwn = keys.map((key) => (key ? clusters.sameValue(key) : null));
    // Per depth d, Σ over clusters of n(n − 1) per (value, first d contexts), n its told-apart
    // records in the cluster (toldApart): each such record adds the others of its cluster that
    // share it.
    const sameMan = chains.map((ch, i) => {
      if (!ch) return null;
      const apart = toldApart(i, ch, keys, total);
      return ch.joint.map((joint, d) => {
        const own = clusters.sameValue((r) => (r < joint.length && apart[r] === 1 ? joint.data[r] : -1));
        const size = ch.jointCounts[d].length;
        const pairs = new Float64Array(size);
        const records = new Int32Array(size);
        for (let r = 0; r < own.length; r++) {
          if (own[r] === 0) continue;
          records[joint.data[r]]++;
          pairs[joint.data[r]] += own[r] - 1;
        }
        return { pairs, records };
      });
    });
    return new OwnRecords(clusterOwn, nationalOwn, sameMan);
  }

  /**
   * The records of the scored man that hold r's (value, contexts to depth k + 1) of chain i,
   * itself included; `assumed` where the clustering did not count r. `joint`: the chain's ids at
   * that depth. The better attested of the pair's two clusters is the man the pair would be
   * (measured against the sum of both clusters' records and the smaller of the two: both lower
   * F1 on both blind generators).
   */
  inContext(i: number, k: number, r: number, partner: number, joint: Int32Array, assumed: number): number {
    const own = this.clusterOwn[i]?.[k];
    if (!own || r >= own.length) return assumed;
    const mine = own[r];
    if (partner < 0 || partner >= own.length) return mine;
    return joint[partner] === joint[r] ? Math.max(mine, own[partner]) : mine;
  }

  /**
   * The records of the scored man that hold r's value `v` of comparison i, itself included: at
   * least `assumed`, and at least the better attested of the pair's two clusters (one man in forty
   * lists is forty records of his surname, not forty men who bear it). `partnerValue`: the
   * partner's value of the comparison.
   */
  nationally(i: number, r: number, v: number, assumed: number, partner: number, partnerValue: number): number {
    const own = this.nationalOwn[i];
    if (!own || r >= own.length) return assumed;
    const partners = partner >= 0 && partner < own.length && partnerValue === v ? own[partner] : 0;
    return Math.max(assumed, own[r], partners);
  }

  /**
   * log2 of the odds that two records sharing record r's value and its first d contexts of chain
   * i are one man, as the clustering found them: Σ n_c(n_c − 1) / k(k − 1) over its clusters,
   * among the records that can be told apart. null with fewer than NAMESAKE_RECORDS records of
   * the value in those contexts, or fewer than TOLD_APART_RECORDS of them told apart.
   */
  sameManLog2Odds(i: number, r: number, d: number, ch: ChainIds): number | null {
    const same = this.sameMan[i]?.[d - 1];
    if (!same || r >= ch.joint[d - 1].length) return null;
    const j = ch.joint[d - 1].data[r];
    if (j < 0) return null;
    const k = same.records[j];
    if (ch.jointCounts[d - 1].data[j] < NAMESAKE_RECORDS || k < TOLD_APART_RECORDS || same.pairs[j] <= 0) return null;
    const p = Math.min(same.pairs[j] / (k * (k - 1)), MAX_SAME_MAN);
    return Math.log2(p / (1 - p));
  }
}

/**
 * Per record, 1 where it can be told apart from its namesakes, for comparison i's chain: it holds a
 * value of some term-frequency comparison beyond the name and its contexts (a patronymic, a
 * birth date, a unit for a given name within surname and region). Only such records say how a
 * name's records fall into men: the first clustering may have gathered a namesake's bare
 * records into a man's cluster on the name alone, and counting them there reads the man's share
 * of the name from that guess. Measured: F1 sixth-20k 0.9086 → 0.9104, the other generators
 * at 20,000 within ±0.0001 (docs/linkage.md round twenty).
 */
const toldApart = (
  i: number,
  ch: ChainIds,
  keys: readonly (((r: number) => number) | null)[],
  total: number,
): Uint8Array => {
  const others = keys.filter(
    (key, j): key is (r: number) => number => j !== i && key !== null && !ch.within.includes(j),
  );
  // Once per chain, not per depth: every depth's count reads the same records.
  return Uint8Array.from({ length: total }, (_, r) => (others.some((key) => key(r) >= 0) ? 1 : 0));
};

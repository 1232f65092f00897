// The members of each group of records, contiguous (a counting sort by group): the clusters of a
// clustering, or the records that share a value. For clusters, also every record's count of the
// members of its cluster that hold its value of some key: clusters are small, so counting one
// value among a cluster's members is a short scan. Read by the clustering's second look
// (own-records.ts OwnRecords: a man's own records, counted), the pairs file (linkage.run.ts) and
// the fields that agree together among strangers (dependence.ts: records sharing a value).

export class ClusterMembers {
  /** Members of group g are members[start[g] .. start[g + 1]), in record order. */
  readonly start: Int32Array;
  readonly members: Int32Array;
  /** Records the groups were read from (a record in no group, −1, is in none of them). */
  private readonly records: number;

  /** `groupOf[r]`: record r's group, in [0, groups), or −1 for none; groups default to one per record. */
  constructor(groupOf: Int32Array, groups = groupOf.length) {
    const n = groupOf.length;
    const start = new Int32Array(groups + 1);
    for (let r = 0; r < n; r++) if (groupOf[r] >= 0) start[groupOf[r] + 1]++;
    for (let g = 0; g < groups; g++) start[g + 1] += start[g];
    const next = start.slice(0, groups);
    const members = new Int32Array(start[groups]);
    for (let r = 0; r < n; r++) if (groupOf[r] >= 0) members[next[groupOf[r]]++] = r;
    this.start = start;
    this.members = members;
    this.records = n;
  }

  /**
   * Per record: the members of its cluster (itself included) whose key equals its own; 0 where
   * its key is absent (negative). Capped at 65,535.
   */
  sameValue(keyOf: (r: number) => number): Uint16Array {
    const { start, members, records } = this;
    const out = new Uint16Array(records);
    const keys = new Int32Array(records);
    for (let r = 0; r < records; r++) keys[r] = keyOf(r);
    for (let c = 0; c < start.length - 1; c++) {
      for (let x = start[c]; x < start[c + 1]; x++) {
        const k = keys[members[x]];
        if (k < 0) continue;
        let same = 0;
        for (let y = start[c]; y < start[c + 1]; y++) if (keys[members[y]] === k) same++;
        out[members[x]] = Math.min(same, 65_535);
      }
    }
    return out;
  }
}

// The members of each cluster of a clustering, contiguous (a counting sort by cluster), and for
// every record how many members of its cluster hold its value of some key. Clusters are small, so
// counting one value among a cluster's members is a short scan. Read by the clustering's second
// look (own-records.ts OwnRecords): a man's own records, counted.

export class ClusterMembers {
  /** Members of cluster c are members[start[c] .. start[c + 1]). */
  private readonly start: Int32Array;
  private readonly members: Int32Array;

  constructor(clusterOf: Int32Array) {
    const n = clusterOf.length;
    const start = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) start[clusterOf[r] + 1]++;
    for (let c = 0; c < n; c++) start[c + 1] += start[c];
    const next = start.slice(0, n);
    const members = new Int32Array(n);
    for (let r = 0; r < n; r++) members[next[clusterOf[r]]++] = r;
    this.start = start;
    this.members = members;
  }

  /**
   * Per record: the members of its cluster (itself included) whose key equals its own; 0 where
   * its key is absent (negative). Capped at 65,535.
   */
  sameValue(keyOf: (r: number) => number): Uint16Array {
    const { start, members } = this;
    const n = members.length;
    const out = new Uint16Array(n);
    const keys = new Int32Array(n);
    for (let r = 0; r < n; r++) keys[r] = keyOf(r);
    for (let c = 0; c < n; c++) {
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

// The scored pairs cut into two halves of whole components, for clustering on two threads
// (cluster-two-threads.ts). Clustering never reaches across a component of the kept edges and
// the human "same" decisions: a merge follows an edge, a merge's cross pairs lie inside the two
// clusters it joins, a refusal is remembered per two clusters, and clusters compared as wholes
// are joined by an edge. So each half clustered on its own, the two results put together, is the
// clustering of the whole, record for record.
import type { ClusterResult, Decisions, Edges } from './cluster.ts';

export interface ComponentSplit {
  /** Per record, the half (0 or 1) its component goes to; a record with no edge goes to 0. */
  part: Uint8Array;
  /** Per half, the indices of its edges, ascending. */
  edges: [Int32Array, Int32Array];
}

/**
 * Components by edges and "same" decisions, dealt largest first to the half with fewer edges so
 * far: the clustering's work grows with a component's edges, and the largest (a name shared by
 * hundreds of records) is the one to place first.
 */
export const splitByComponents = (n: number, edges: Edges, same: readonly [number, number][]): ComponentSplit => {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  };
  for (let e = 0; e < edges.length; e++) join(edges.a[e], edges.b[e]);
  for (const [a, b] of same) join(a, b);
  const load = new Int32Array(n);
  for (let e = 0; e < edges.length; e++) load[find(edges.a[e])]++;
  for (const [a] of same) load[find(a)]++;
  const roots: number[] = [];
  for (let r = 0; r < n; r++) if (parent[r] === r && load[r] > 0) roots.push(r);
  roots.sort((x, y) => load[y] - load[x] || x - y);
  const side = new Uint8Array(n);
  const total = [0, 0];
  for (const r of roots) {
    const half = total[0] <= total[1] ? 0 : 1;
    side[r] = half;
    total[half] += load[r];
  }
  const part = new Uint8Array(n);
  for (let r = 0; r < n; r++) part[r] = side[find(r)];
  const count = [0, 0];
  for (let e = 0; e < edges.length; e++) count[part[edges.a[e]]]++;
  const halves: [Int32Array, Int32Array] = [new Int32Array(count[0]), new Int32Array(count[1])];
  const fill = [0, 0];
  for (let e = 0; e < edges.length; e++) {
    const half = part[edges.a[e]];
    halves[half][fill[half]++] = e;
  }
  return { part, edges: halves };
};

/** The edges at these indices, as edges of their own. */
export const edgesAt = (edges: Edges, at: Int32Array): Edges => {
  const a = new Int32Array(at.length);
  const b = new Int32Array(at.length);
  const weight = new Float64Array(at.length);
  for (let k = 0; k < at.length; k++) {
    a[k] = edges.a[at[k]];
    b[k] = edges.b[at[k]];
    weight[k] = edges.weight[at[k]];
  }
  return { a, b, weight, length: at.length };
};

/** The decisions between records of one half. */
export const decisionsOf = (decisions: Decisions, part: Uint8Array, half: number): Decisions => {
  const inHalf = ([a, b]: [number, number]): boolean => part[a] === half && part[b] === half;
  return { same: decisions.same.filter(inHalf), different: decisions.different.filter(inHalf) };
};

/** The two halves' clusterings as the clustering of the whole; review indices into the whole's edges. */
export const joinHalves = (split: ComponentSplit, halves: [ClusterResult, ClusterResult]): ClusterResult => {
  const n = split.part.length;
  const clusterOf = new Int32Array(n);
  for (let r = 0; r < n; r++) clusterOf[r] = halves[split.part[r]].clusterOf[r];
  const review = halves.flatMap((h, half) => h.review.map((k) => split.edges[half][k])).sort((x, y) => x - y);
  const alarms = halves.flatMap((h) => h.alarms).sort((x, y) => x.representative - y.representative);
  const [x, y] = halves;
  return {
    clusterOf,
    review,
    alarms,
    rejected: {
      constraint: x.rejected.constraint + y.rejected.constraint,
      average: x.rejected.average + y.rejected.average,
      size: x.rejected.size + y.rejected.size,
    },
    profileMerges: x.profileMerges + y.profileMerges,
    linkThreshold: x.linkThreshold,
  };
};

// Evaluation helpers over the generator's truth: recall per variation kind, so a benchmark can
// say which kinds of noise the engine misses (and false merges per hard-non-match kind).

export interface KindRecall {
  pairs: number;
  found: number;
  recall: number;
}

interface Row {
  true_id: string;
  variations: string;
}

/**
 * For every variation kind, the true pairs with that kind on either record and how many ended
 * in the same cluster. Pairs are enumerated per true person (at most 5 records each), so this is
 * linear in the number of records.
 */
export function recallByVariation(rows: readonly Row[], clusterOf: ArrayLike<number>): Map<string, KindRecall> {
  const byPerson = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byPerson.get(r.true_id);
    if (list) list.push(i);
    else byPerson.set(r.true_id, [i]);
  });
  const out = new Map<string, KindRecall>();
  for (const idx of byPerson.values()) {
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        const i = idx[a];
        const j = idx[b];
        const found = clusterOf[i] === clusterOf[j];
        const kinds = new Set([...rows[i].variations.split('|'), ...rows[j].variations.split('|')]);
        for (const k of kinds) {
          if (!k) continue;
          const s = out.get(k) ?? { pairs: 0, found: 0, recall: 0 };
          s.pairs++;
          if (found) s.found++;
          s.recall = s.found / s.pairs;
          out.set(k, s);
        }
      }
    }
  }
  return out;
}

/** False merges (pairs of different true persons in one cluster) by the hard-non-match tag of
 * either record: 'brother', 'twin', 'namesake', or 'other'. Cost is Σ cluster size², so it is
 * meant for clusters of sane size. */
export function falseMergesByKind(rows: readonly Row[], clusterOf: ArrayLike<number>): Map<string, number> {
  const byCluster = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const list = byCluster.get(clusterOf[i]);
    if (list) list.push(i);
    else byCluster.set(clusterOf[i], [i]);
  }
  const out = new Map<string, number>();
  const tag = (v: string) =>
    /\btwin\b/.test(v) ? 'twin' : /\bbrother\b/.test(v) ? 'brother' : /\bnamesake\b/.test(v) ? 'namesake' : '';
  for (const idx of byCluster.values()) {
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        const [i, j] = [idx[a], idx[b]];
        if (rows[i].true_id === rows[j].true_id) continue;
        const k = tag(rows[i].variations) || tag(rows[j].variations) || 'other';
        out.set(k, (out.get(k) ?? 0) + 1);
      }
    }
  }
  return out;
}

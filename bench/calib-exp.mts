// Throwaway: calibration per level pattern (aggregate only): pairs, true share, mean predicted.
import { probability } from '../src/linkage/engine/model.ts';
import { loadCase } from './linkage/load-case.ts';
const { engine, truth } = await loadCase(process.argv[2] ?? 'independent-20k', 42);
const scorer = engine.scorer!;
const comps = engine.comparisons;
const pat = new Map<string, { t: number; f: number; p: number }>();
engine.blocking.forEachPair((a, b) => {
  const w = scorer.score(a, b);
  if (scorer.cannotLink) return;
  const p = probability(w);
  if (p < 0.02) return;
  const key = comps.map((c, i) => (scorer.levels[i] === 0 || c.name === 'source' ? '' : `${c.name}=${c.levels[scorer.levels[i]].label}`)).filter(Boolean).join(' | ');
  const x = pat.get(key) ?? { t: 0, f: 0, p: 0 };
  if (truth[a] === truth[b]) x.t++; else x.f++;
  x.p += p;
  pat.set(key, x);
}, false);
const lo = (q: number) => Math.log2(Math.max(q, 1e-3) / Math.max(1 - q, 1e-3));
const rows = [...pat].filter(([, x]) => x.t + x.f >= 40).map(([k, x]) => { const n = x.t + x.f; const act = x.t / n; const pred = x.p / n; return { k, n, t: x.t, act, pred, d: lo(act) - lo(pred) }; });
rows.sort((a, b) => Math.abs(b.d) * Math.sqrt(b.n) - Math.abs(a.d) * Math.sqrt(a.n));
for (const r of rows.slice(0, 25)) console.log(String(r.n).padStart(7), r.act.toFixed(3), r.pred.toFixed(3), r.d.toFixed(2).padStart(6), r.k);

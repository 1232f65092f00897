// Where recall and precision go, as aggregate figures only (no record is printed, so it may run
// on held-out data): true pairs no rule blocks; blocked true pairs by the band their score falls
// in (below review, review, capped for lack of corroboration, cannot-link, at or above link);
// linkable true pairs the clustering keeps apart; false pairs linked directly or only through a
// cluster; and per comparison, the share of blocked true pairs at each level.
// Run: npx tsx bench/linkage/diagnose.ts --case own-20k|independent-20k|fake_1000|febrl3 [--seed 42] [--patterns] [--twins]
import { probability, weightOf } from '../../src/linkage/engine/model.ts';
import { isKnownGivenName, nameKey, parseUnitLoose, regionCode } from '../../src/linkage/engine/normalize/index.ts';
import { personDate } from '../../src/linkage/engine/person.ts';
import { loadCase } from './load-case.ts';
import { arg } from './cli-args.ts';
import { namesOnlyTest } from './names-only.ts';

const name = arg('case') ?? 'own-20k';
const seed = Number(arg('seed') ?? 42);

const { engine, truth, clusterOf } = await loadCase(name, seed);
const scorer = engine.scorer!;
const { link, review } = engine.config.thresholds;
const linkW = weightOf(link);
const reviewW = weightOf(review);
const pct = (x: number, of: number): string => `${x} (${((100 * x) / Math.max(1, of)).toFixed(1)}%)`;

const byPerson = new Map<string, number[]>();
truth.forEach((t, i) => {
  const l = byPerson.get(t);
  if (l) l.push(i);
  else byPerson.set(t, [i]);
});
const blocked = new Set<number>();
const key = (a: number, b: number): number => (a < b ? a * 4_194_304 + b : b * 4_194_304 + a);
const cross = engine.crossSourceOnly;
const src = engine.data.source.data;
engine.blocking.forEachPair((a, b) => {
  if (truth[a] === truth[b]) blocked.add(key(a, b));
}, cross);
const levelCounts = engine.comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
// What the true pairs no rule blocks would score if they were scored: the recall blocking costs.
const missedWould = { link: 0, review: 0, below: 0, cannotLink: 0 };
/** Level patterns (counts only) of the unblocked true pairs that would score at or above link. */
const missedPatterns = new Map<string, number>();
const bands = { missed: 0, below: 0, review: 0, capped: 0, cannotLink: 0, linkable: 0, linkableApart: 0, found: 0 };
let truePairs = 0;
for (const list of byPerson.values()) {
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const [a, b] = [list[x], list[y]];
      if (cross && src[a] === src[b]) continue;
      truePairs++;
      const together = clusterOf[a] === clusterOf[b];
      if (together) bands.found++;
      if (!blocked.has(key(a, b))) {
        bands.missed++;
        const mw = scorer.score(a, b);
        if (scorer.cannotLink) missedWould.cannotLink++;
        else if (mw >= linkW) {
          missedWould.link++;
          const pattern = engine.comparisons.map((c, i) => `${c.name}=${c.levels[scorer.levels[i]].label}`).join(' ');
          missedPatterns.set(pattern, (missedPatterns.get(pattern) ?? 0) + 1);
        } else if (mw >= reviewW) missedWould.review++;
        else missedWould.below++;
        continue;
      }
      const w = scorer.score(a, b);
      engine.comparisons.forEach((_, i) => levelCounts[i][scorer.levels[i]]++);
      if (scorer.cannotLink) bands.cannotLink++;
      else if (scorer.uncorroborated) bands.capped++;
      else if (w >= linkW) {
        bands.linkable++;
        if (!together) bands.linkableApart++;
      } else if (w >= reviewW) bands.review++;
      else bands.below++;
    }
}
const blockedTrue = truePairs - bands.missed;
console.log(
  `# ${name}: ${engine.data.size} records, ${truePairs} true pairs, λ ${engine.params!.lambda.toExponential(2)}`,
);
console.log(`found (same cluster)         ${pct(bands.found, truePairs)}`);
console.log(`not blocked                  ${pct(bands.missed, truePairs)}`);
console.log(
  `  of which would score ≥ link ${missedWould.link}, review band ${missedWould.review}, below ${missedWould.below}, cannot-link ${missedWould.cannotLink}`,
);
if (process.argv.includes('--patterns'))
  for (const [k, n] of [...missedPatterns].sort((x, y) => y[1] - x[1]).slice(0, 15))
    console.log(`    ${String(n).padStart(6)}  ${k}`);
console.log(`blocked, below review        ${pct(bands.below, truePairs)}`);
console.log(`blocked, review band         ${pct(bands.review, truePairs)}`);
console.log(`blocked, capped (sparse)     ${pct(bands.capped, truePairs)}`);
console.log(`blocked, cannot-link         ${pct(bands.cannotLink, truePairs)}`);
console.log(
  `blocked, ≥ link              ${pct(bands.linkable, truePairs)}, of which apart after clustering ${bands.linkableApart}`,
);
console.log('\nper level: share of blocked true pairs (of those with a value) / learned m / u / weight in bits:');
const { m: mm, u: uu } = engine.params!;
engine.comparisons.forEach((c, i) => {
  const nonNull = blockedTrue - levelCounts[i][0];
  console.log(
    `  ${c.name} (null in ${((100 * levelCounts[i][0]) / Math.max(1, blockedTrue)).toFixed(1)}% of true pairs)`,
  );
  c.levels.forEach((l, k) => {
    if (k === 0) return;
    const share = levelCounts[i][k] / Math.max(1, nonNull);
    console.log(
      `    ${l.label.padEnd(38)} ${share.toFixed(4)} / ${mm[i][k].toFixed(4)} / ${uu[i][k].toExponential(2)} / ${scorer.weights[i][k].toFixed(1)}`,
    );
  });
});

// False pairs in one cluster: linked directly (their own score ≥ link) or only through others.
const byCluster = new Map<number, number[]>();
clusterOf.forEach((c, i) => {
  const l = byCluster.get(c);
  if (l) l.push(i);
  else byCluster.set(c, [i]);
});
let falsePairs = 0;
let direct = 0;
let uncorroboratedDirect = 0;
for (const list of byCluster.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const [a, b] = [list[x], list[y]];
      if (truth[a] === truth[b] || (cross && src[a] === src[b])) continue;
      falsePairs++;
      const w = scorer.score(a, b);
      if (w >= linkW) direct++;
      if (w >= linkW && !hasCorroboration(a, b)) uncorroboratedDirect++;
    }
function hasCorroboration(a: number, b: number): boolean {
  scorer.score(a, b);
  const names = engine.config.thresholds.corroborate;
  return engine.comparisons.some((c, i) => names.includes(c.name) && scorer.contributions[i] > 0);
}
console.log(
  `\nfalse pairs in one cluster ${falsePairs}: own score ≥ link ${direct} (of which no corroborating field ${uncorroboratedDirect}), only through the cluster ${falsePairs - direct}`,
);
// Calibration: predicted probability against the truth, by band, over blocked pairs.
const bandsP = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 1.01];
const cal = bandsP.map(() => ({ n: 0, t: 0, p: 0 }));
engine.blocking.forEachPair((a, b) => {
  const w = scorer.score(a, b, reviewW);
  if (w < reviewW || scorer.cannotLink) return;
  const p = probability(w);
  let k = 0;
  while (k < bandsP.length - 1 && p >= bandsP[k + 1]) k++;
  cal[k].n++;
  cal[k].p += p;
  if (truth[a] === truth[b]) cal[k].t++;
}, cross);
console.log('\ncalibration of scored pairs (band: pairs, mean predicted, share true):');
cal.forEach((c, k) => {
  if (c.n && k < bandsP.length - 1)
    console.log(
      `  [${bandsP[k]}, ${bandsP[k + 1] > 1 ? 1 : bandsP[k + 1]}): ${c.n}, ${(c.p / c.n).toFixed(3)}, ${(c.t / c.n).toFixed(3)}`,
    );
});

// Pairs where only names (and region) can speak: the corroborating comparisons are all missing
// or neutral. Calibration by the number of records in the file sharing the surname and given
// name keys (k), and by predicted probability.
{
  const namesOnly = namesOnlyTest(engine);
  if (namesOnly) {
    const sIdx = engine.comparisons.findIndex((c) => c.name === 'surname');
    const gIdx = engine.comparisons.findIndex((c) => c.name === 'given_name');
    const fullName = new Map<string, number>();
    const keyOf = (r: number): string => `${engine.comparisons[sIdx].tfKey!(r)}:${engine.comparisons[gIdx].tfKey!(r)}`;
    for (let r = 0; r < engine.data.size; r++) fullName.set(keyOf(r), (fullName.get(keyOf(r)) ?? 0) + 1);
    const kBands = [2, 3, 4, 6, 10, 20, 50, 1e9];
    const byK = kBands.map(() => ({ n: 0, t: 0, p: 0, linked: 0, tl: 0 }));
    const byP = bandsP.map(() => ({ n: 0, t: 0, p: 0 }));
    engine.blocking.forEachPair((a, b) => {
      const w = scorer.score(a, b);
      if (scorer.cannotLink) return;
      if (!namesOnly(scorer.levels)) return;
      const k = fullName.get(keyOf(a)) ?? 0;
      let j = 0;
      while (j < kBands.length - 1 && k >= kBands[j + 1]) j++;
      const p = probability(w);
      const same = truth[a] === truth[b];
      byK[j].n++;
      byK[j].p += p;
      if (same) byK[j].t++;
      if (clusterOf[a] === clusterOf[b]) {
        byK[j].linked++;
        if (same) byK[j].tl++;
      }
      let q = 0;
      while (q < bandsP.length - 1 && p >= bandsP[q + 1]) q++;
      if (p >= 0.5) {
        byP[q].n++;
        byP[q].p += p;
        if (same) byP[q].t++;
      }
    }, cross);
    console.log('\nnames-only pairs (surname and given name exact; patronymic, date, unit missing):');
    console.log('  by k (records with this full name): pairs, mean predicted, share true, linked, linked true');
    byK.forEach((c, j) => {
      if (c.n && j < kBands.length - 1)
        console.log(
          `  k in [${kBands[j]}, ${kBands[j + 1]}): ${c.n}, ${(c.p / c.n).toFixed(3)}, ${(c.t / c.n).toFixed(3)}, ${c.linked}, ${c.tl}`,
        );
    });
    console.log('  by predicted probability (uncapped): pairs, mean predicted, share true');
    byP.forEach((c, q) => {
      if (c.n && q < bandsP.length - 1)
        console.log(
          `  [${bandsP[q]}, ${bandsP[q + 1] > 1 ? 1 : bandsP[q + 1]}): ${c.n}, ${(c.p / c.n).toFixed(3)}, ${(c.t / c.n).toFixed(3)}`,
        );
    });
  }
}

// --patterns: the commonest level patterns among confident false pairs (p ≥ 0.9) and unsure true
// pairs (p < 0.9), for error analysis on the project's own generator.
if (process.argv.includes('--patterns')) {
  const fp = new Map<string, { n: number; p: number }>();
  const fn = new Map<string, { n: number; p: number }>();
  const label = (): string =>
    engine.comparisons.map((c, i) => `${c.name}=${c.levels[scorer.levels[i]].label}`).join(' ');
  engine.blocking.forEachPair((a, b) => {
    const w = scorer.score(a, b);
    if (scorer.cannotLink) return;
    const p = probability(w);
    const same = truth[a] === truth[b];
    const into = !same && p >= 0.9 ? fp : same && p < 0.9 ? fn : null;
    if (!into) return;
    const k = label();
    const e = into.get(k) ?? { n: 0, p: 0 };
    e.n++;
    e.p += p;
    into.set(k, e);
  }, cross);
  for (const [title, map] of [
    ['false pairs at p ≥ 0.9', fp],
    ['true pairs at p < 0.9', fn],
  ] as const) {
    console.log(`\n${title}: ${[...map.values()].reduce((s, e) => s + e.n, 0)}`);
    for (const [k, e] of [...map].sort((x, y) => y[1].n - x[1].n).slice(0, 25))
      console.log(`  ${String(e.n).padStart(6)} p̄ ${(e.p / e.n).toFixed(3)}  ${k}`);
  }
}

// --twins: pairs whose given names differ wholly (a cannot-link) while patronymic and full birth
// date agree exactly — twins, or a given name an autocorrect replaced — true and false, by whether
// the two given names share their initial. Counts only.
if (process.argv.includes('--twins')) {
  const g = engine.comparisons.findIndex((c) => c.name === 'given_name');
  const pi = engine.comparisons.findIndex((c) => c.name === 'patronymic');
  const bi = engine.comparisons.findIndex((c) => c.name === 'birth_date');
  const wholly = engine.comparisons[g]?.levels.findIndex((l) => l.label === 'different full names') ?? -1;
  const counts = { 'same initial': [0, 0], 'other initial': [0, 0] };
  if (g >= 0 && pi >= 0 && bi >= 0)
    engine.blocking.forEachPair((a, b) => {
      scorer.score(a, b);
      if (scorer.levels[g] !== wholly || scorer.levels[pi] !== 1 || scorer.levels[bi] !== 1) return;
      const initial = (r: number) => engine.data.value('given_name', r).trim().toLowerCase()[0];
      counts[initial(a) === initial(b) ? 'same initial' : 'other initial'][truth[a] === truth[b] ? 0 : 1]++;
    }, cross);
  console.log('\ngiven names wholly different, patronymic and birth date exact (true pairs, false pairs):');
  for (const [k, [t, f]] of Object.entries(counts)) console.log(`  ${k}: ${t}, ${f}`);
}

// Person records: how many region and unit values the normalisers read, and the true pairs whose
// units say nothing to each other (one a number, the other a formation, or unread), with how many
// of those the clustering keeps apart — where the comparisons lack evidence the records hold.
if (engine.data.fields.includes('unit') && engine.data.fields.includes('region')) {
  const ui = engine.comparisons.findIndex((c) => c.name === 'unit');
  const kind = (r: number): string => {
    const raw = engine.data.value('unit', r);
    if (!raw) return '';
    // Formations without their type ("55 бригада") count as read: the comparison uses them.
    const u = parseUnitLoose(raw);
    return u.number && u.formation ? 'both' : u.number ? 'number' : u.formation ? 'formation' : 'unread';
  };
  // Per field: values present and values the normaliser reads.
  const read = (field: string, ok: (v: string) => boolean | null) => {
    let present = 0;
    let good = 0;
    for (let r = 0; r < engine.data.size; r++) {
      const v = engine.data.value(field, r);
      const verdict = v ? ok(v) : null;
      if (verdict === null) continue;
      present++;
      if (verdict) good++;
    }
    return pct(good, present);
  };
  const regionsRead = read('region', (g) => !!regionCode(g));
  const unitsRead = read('unit', (u) => {
    const k = parseUnitLoose(u);
    return !!(k.number || k.formation);
  });
  const datesRead = read('birth_date', (d) => personDate(d) >= 0);
  // Initials are not names to know.
  const givensKnown = read('given_name', (g) =>
    g.replace(/[^\p{L}]/gu, '').length > 1 ? isKnownGivenName(nameKey(g, 'given')) : null,
  );
  console.log(
    `\nregion values read: ${regionsRead}; unit values read: ${unitsRead}; birth dates read: ${datesRead}; given names known (not initials): ${givensKnown}`,
  );
  const silent = new Map<string, { n: number; apart: number }>();
  engine.blocking.forEachPair((a, b) => {
    if (truth[a] !== truth[b] || !kind(a) || !kind(b)) return;
    scorer.score(a, b);
    if (scorer.levels[ui] !== 0) return;
    const k = [kind(a), kind(b)].sort().join(' / ');
    const e = silent.get(k) ?? { n: 0, apart: 0 };
    e.n++;
    if (clusterOf[a] !== clusterOf[b]) e.apart++;
    silent.set(k, e);
  }, cross);
  console.log('true pairs with units on both sides that say nothing (kinds: pairs, apart after clustering):');
  for (const [k, e] of [...silent].sort((x, y) => y[1].n - x[1].n)) console.log(`  ${k}: ${e.n}, ${e.apart}`);
}

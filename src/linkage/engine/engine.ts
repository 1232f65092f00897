// The pipeline: add records → train (unsupervised) → predict (blocked pairs scored once) →
// cluster with constraints. Pure library: no I/O, progress reported through callbacks. The same
// phases on two threads, for batch runs: two-threads.ts.
import type { Comparison } from './comparison.ts';
import { createComparison } from './comparison-types.ts';
import { configFields, parseLinkageConfig, type LinkageConfig, type LinkageConfigInput } from './config.ts';
import { Dataset, FeatureRegistry, type RawRecord } from './dataset.ts';
import { personNamePreparer } from './person-records.ts';
import { Blocking, type BlockingStats } from './blocking.ts';
import { Scorer, type ModelParams, probability, weightOf } from './model.ts';
import {
  type CandidatePairs,
  candidatePairs,
  finishTraining,
  startTraining,
  swapAsInPlace,
  totalPairs,
  type TrainingOptions,
  type TrainingReport,
  type TrainingStart,
} from './train.ts';
import { loadModel } from './model-io.ts';
import { EdgeBuffer } from './edges.ts';
import { cluster, type ClusterResult, type Decisions, type Edges } from './cluster.ts';
import { ClusterMembers } from './cluster-members.ts';
import { copiesNotDisputed, exactCopyPairs } from './exact-copies.ts';
import { labelReport, updateM, type LabelledPair, type LabelReport } from './labels.ts';
import { type CountedFrequencies, TermFrequencies, type SharedFrequencies } from './term-frequency.ts';
import { learnSourcePrior, MAX_SOURCE_LIFT, rescoreEdges, type SourceKeys } from './source-prior.ts';

/**
 * How far below the link threshold a pair is kept for the clustering's second look (cluster()):
 * counting a man's own records from the first clustering lifts a pair by up to a few bits.
 */
const OWN_RECORDS_LIFT = 2;

export type Progress = (phase: string, done: number, total: number) => void;

export interface PredictResult {
  edges: Edges;
  stats: BlockingStats & { scored: number; seconds: number; threads?: number; workerError?: string };
}

export class LinkageEngine {
  readonly config: LinkageConfig;
  readonly data: Dataset;
  readonly comparisons: Comparison[];
  readonly blocking: Blocking;
  params: ModelParams | null = null;
  scorer: Scorer | null = null;
  trainingReport: TrainingReport | null = null;
  /** Per-token features and interners of this engine's comparisons and blocking rules. */
  readonly features = new FeatureRegistry();

  constructor(
    config: LinkageConfigInput | LinkageConfig,
    readonly crossSourceOnly = false,
  ) {
    this.config = parseLinkageConfig(config);
    this.data = new Dataset(configFields(this.config));
    this.data.prepare = personNamePreparer(this.config.comparisons, this.data.fields);
    this.comparisons = this.config.comparisons.map((spec) => createComparison(spec, this.data, this.features));
    this.blocking = new Blocking(
      this.data,
      this.config.blocking,
      this.config.maxBlockSize,
      this.features,
      this.config.scaleCaps,
    );
  }

  add(id: string, record: RawRecord, source = 0): number {
    return this.data.add(id, record, source);
  }

  sync(): void {
    for (const c of this.comparisons) c.sync();
    this.blocking.sync();
  }

  /**
   * For a generic config (no person comparisons), the comparisons left out of the correction for
   * fields that agree together among strangers (dependence.ts): the source list, and a birth date
   * or an e-mail, which strangers share by chance alone (a household shares an address, a
   * telephone, a surname; two records that share a birth date and an e-mail are one person with
   * names mistyped, and read as strangers they made a dependence of one on the other: fake_1000
   * F1 0.9787 → 0.9566 in a first version, read from the random pairs). Null for the person config,
   * which reads a name's frequency within its region instead.
   */
  private dependenceSkip(): boolean[] | null {
    const specs = this.config.comparisons;
    if (specs.some((c) => c.type.startsWith('person-'))) return null;
    return specs.map((c) => c.type === 'source' || c.type === 'date' || c.type === 'email');
  }

  /** Learns u, m and λ from this file, on this thread. */
  train(): TrainingReport {
    const setup = this.trainingSetup();
    if (!setup) return this.trainingReport!;
    const start = startTraining(this.data, this.comparisons, this.blocking, setup.opts, setup.frequencies);
    return this.trained(setup, start, candidatePairs(this.comparisons, start.pairs, start.u, setup.frequencies));
  }

  /**
   * What training needs before it starts: every value normalised and the term frequencies counted
   * (once: EM weighs each candidate pair by its names' frequencies, and the scorer then keeps the
   * same counts). Null when the input is too small to train on: the saved model is then used.
   * train() and two-threads.ts build on it; `counted`: the counts taken on the second thread.
   */
  trainingSetup(counted?: CountedFrequencies | null): {
    opts: TrainingOptions;
    saved: ModelParams | null;
    frequencies: TermFrequencies;
  } | null {
    this.sync();
    const t = this.config.training;
    const saved = this.config.model ? loadModel(this.comparisons, this.config.model, this.data.size) : null;
    if (saved && this.data.size < t.minRecords) {
      this.useParams(saved);
      this.trainingReport = { savedModel: true };
      return null;
    }
    return {
      opts: { ...t, crossSourceOnly: this.crossSourceOnly, dependenceSkip: this.dependenceSkip() },
      saved,
      frequencies: this.countFrequencies(counted),
    };
  }

  /**
   * The term frequencies of every record added, counted here, or from `counted` (the same counts
   * taken on another thread, second-thread.ts) taken over as if counted here.
   */
  countFrequencies(counted?: CountedFrequencies | null): TermFrequencies {
    const frequencies = new TermFrequencies(this.comparisons, this.tfWithin());
    if (counted) frequencies.adoptCounted(counted);
    frequencies.countUpTo(this.data.size);
    return frequencies;
  }

  /** The model from training's candidate pairs, found here or on two threads (two-threads.ts). */
  trained(
    setup: NonNullable<ReturnType<LinkageEngine['trainingSetup']>>,
    start: TrainingStart,
    found: CandidatePairs,
  ): TrainingReport {
    const { params, report } = finishTraining(this.data, this.comparisons, setup.opts, setup.saved, start, found);
    this.useParams(params, setup.frequencies);
    this.trainingReport = report;
    return report;
  }

  /** A term-frequency table of these comparisons over another thread's counts. */
  frequenciesFrom(shared: SharedFrequencies): TermFrequencies {
    const frequencies = new TermFrequencies(this.comparisons, this.tfWithin());
    frequencies.adopt(shared);
    return frequencies;
  }

  /**
   * Human review decisions as training labels: "same" pairs update m (the current model a prior
   * worth `strength` matches, default training.priorStrength); nothing is re-run and term
   * frequencies are kept. Records by id or by index. See labels.ts.
   */
  learn(
    decisions: readonly { left: string | number; right: string | number; same: boolean }[],
    strength = this.config.training.priorStrength,
  ): LabelReport {
    const scorer = this.requireScorer();
    let byId: Map<string, number> | null = null;
    const at = (x: string | number): number => {
      if (typeof x === 'number') return x;
      if (!byId) byId = new Map(this.data.ids.map((id, i) => [id, i]));
      const i = byId.get(x);
      if (i === undefined) throw new Error(`learn: no record "${x}"`);
      return i;
    };
    const labels: LabelledPair[] = decisions.map((d) => ({ a: at(d.left), b: at(d.right), same: d.same }));
    const { params, largest } = updateM(scorer, this.params!, labels, strength);
    this.useParams(params, scorer.frequencies);
    return labelReport(this.scorer!, labels, this.config.thresholds, largest);
  }

  /** A worker thread's model: the main thread's parameters and term-frequency counts. */
  adoptParams(params: ModelParams, shared: SharedFrequencies): void {
    this.useParams(params, this.frequenciesFrom(shared));
  }

  /**
   * Whether a model has a value for every level of every comparison of this engine. A model saved
   * by a version whose comparisons had other levels (the date's distance levels, say) would be
   * read index by index and weigh one level as another: it does not fit, and is not used.
   */
  fitsParams(params: ModelParams): boolean {
    const fits = (table: number[][] | undefined): boolean =>
      Array.isArray(table) &&
      table.length === this.comparisons.length &&
      this.comparisons.every((c, i) => Array.isArray(table[i]) && table[i].length === c.levels.length);
    return fits(params.m) && fits(params.u);
  }

  useParams(params: ModelParams, frequencies?: TermFrequencies): void {
    if (!this.fitsParams(params))
      throw new Error('the model does not fit these comparisons (saved by another version?)');
    this.sync();
    // A saved model's, a worker's or a review-updated m: the swap level weighs as the names in place.
    swapAsInPlace(this.comparisons, params.m, params.u);
    this.params = params;
    for (const c of this.comparisons) c.adoptLearned?.(params.learned?.[c.name] ?? []);
    const { link, corroborate, uncorroboratedLink } = this.config.thresholds;
    // Capped just below the link threshold: such a pair can only ever be reviewed.
    this.scorer = new Scorer(
      this.comparisons,
      params,
      this.data,
      {
        comparisons: corroborate,
        maxWeight: weightOf(link) - 1e-6,
        unlessAbove: uncorroboratedLink === undefined ? undefined : weightOf(uncorroboratedLink),
      },
      this.tfWithin(),
      frequencies,
    );
  }

  /** Per comparison: the indices of the comparisons its term frequency is taken within. */
  private tfWithin(): number[][] {
    const names = this.comparisons.map((c) => c.name);
    return this.config.comparisons.map((spec) =>
      (spec.tfWithin ?? []).map((name) => {
        const j = names.indexOf(name);
        if (j < 0) throw new Error(`tfWithin names an unknown comparison "${name}" (known: ${names.join(', ')})`);
        return j;
      }),
    );
  }

  requireScorer(): Scorer {
    if (!this.scorer) throw new Error('the model is not trained: call train() or useParams() first');
    return this.scorer;
  }

  /** Scores every candidate pair once; keeps pairs at or above the review threshold. */
  predict(progress?: Progress, onCandidate?: (a: number, b: number) => void): PredictResult {
    const scorer = this.requireScorer();
    this.sync();
    // Scored as a worker scores: before any clustering has counted a man's own records.
    scorer.frequencies.ownFromClusters(null);
    const started = performance.now();
    const minWeight = this.scoringFloor();
    const edges = new EdgeBuffer();
    let scored = 0;
    this.blocking.ensureKeys();
    const stats = this.blocking.forEachPair(
      (a, b) => {
        scored++;
        if (onCandidate) onCandidate(a, b);
        const w = scorer.score(a, b, minWeight, true);
        if (w >= minWeight && !scorer.cannotLink) edges.push(a, b, w);
      },
      this.crossSourceOnly,
      progress ? (done, total) => progress('scoring', done, total) : undefined,
    );
    return this.withSourcePrior({ edges, stats: { ...stats, scored, seconds: (performance.now() - started) / 1000 } });
  }

  /** Whether the next scoring learns a prior per pair of source lists (a file's first). */
  learnsSourcePrior(): boolean {
    return this.sourcePriorToLearn() >= 0;
  }

  /** The source comparison whose prior per pair of lists the next scoring learns, or −1. */
  private sourcePriorToLearn(): number {
    const learnt = this.params?.sourcePrior !== undefined;
    if (learnt || this.config.training.sourcePriorMatches <= 0) return -1;
    if (!this.trainingReport || this.trainingReport.savedModel) return -1;
    return this.config.comparisons.findIndex((c) => c.type === 'source');
  }

  /**
   * Pairs kept after scoring: from the review threshold, or lower for the clustering's second
   * look (pairs up to OWN_RECORDS_LIFT below the link threshold) when names have frequencies
   * within contexts.
   */
  private keptFloor(): number {
    const { link, review, minLink = review } = this.config.thresholds;
    const kept = weightOf(review);
    if (!this.requireScorer().frequencies.hasChains()) return kept;
    return Math.min(kept, weightOf(Math.min(link, minLink)) - OWN_RECORDS_LIFT);
  }

  /** Pairs kept by scoring: keptFloor(), less what a prior yet to learn may lift (either thread's). */
  scoringFloor(): number {
    return this.keptFloor() - (this.sourcePriorToLearn() >= 0 ? MAX_SOURCE_LIFT : 0);
  }

  /**
   * After the file's first scoring, with a model trained on it: learn how often each pair of
   * source lists names one man (source-prior.ts) from the scored pairs, keep it with the model,
   * and rescore the edges with it. Later scoring (another predict, an index built with these
   * parameters) applies it as it scores. Also ends two-threads.ts predictOnTwoThreads.
   */
  withSourcePrior(result: PredictResult): PredictResult {
    const params = this.params!;
    const at = this.sourcePriorToLearn();
    if (at < 0) return result;
    const comparison = this.comparisons[at];
    const matches = this.config.training.sourcePriorMatches;
    const prior = learnSourcePrior(
      comparison.name,
      comparison as unknown as SourceKeys,
      this.data.size,
      result.edges,
      { same: this.scorer!.weights[at][1], different: this.scorer!.weights[at][2] },
      params.lambda,
      matches,
      // Counted from review (less the lift), as before pairs were kept lower for the clustering.
      weightOf(this.config.thresholds.review) - MAX_SOURCE_LIFT,
    );
    const kept = this.keptFloor();
    if (!prior) return { ...result, edges: rescoreEdges(result.edges, () => 0, kept) };
    this.useParams({ ...params, sourcePrior: prior }, this.scorer!.frequencies);
    const scorer = this.scorer!;
    const edges = rescoreEdges(result.edges, (a, b) => scorer.sourceDelta(a, b), kept);
    return { ...result, edges };
  }

  /**
   * The link threshold for these edges: `thresholds.link`, or with `targetPrecision` the lowest
   * probability p in [minLink, link] such that the pairs at or above p are, by the model's own
   * probabilities, right at least that often on average. The model's probabilities are
   * calibrated on both generators and the public sets (docs/linkage.md), so their mean over the
   * linked pairs is an estimate of precision that needs no labels.
   */
  linkThreshold(edges: Edges): number {
    const { link, review, targetPrecision, optimiseF1, minLink = review } = this.config.thresholds;
    if (optimiseF1) return this.f1OptimalThreshold(edges, link, minLink);
    if (targetPrecision === undefined) return link;
    const floor = Math.max(minLink, review);
    const ps: number[] = [];
    let sum = 0;
    let count = 0;
    for (let e = 0; e < edges.length; e++) {
      const p = probability(edges.weight[e]);
      if (p >= link) {
        sum += p;
        count++;
      } else if (p >= floor) ps.push(p);
    }
    ps.sort((x, y) => y - x);
    let threshold = link;
    // Pairs with the same probability (the same levels) are linked or not together: a step down
    // takes in every pair at that probability, and is taken only if the mean stays on target.
    for (let i = 0; i < ps.length; ) {
      const p = ps[i];
      let j = i;
      while (j < ps.length && ps[j] === p) j++;
      if ((sum + p * (j - i)) / (count + j - i) < targetPrecision) break;
      sum += p * (j - i);
      count += j - i;
      threshold = p;
      i = j;
    }
    return threshold;
  }

  /**
   * The link threshold that maximises the F1 the model expects: for calibrated probabilities it
   * is half the best expected F1 (Lipton, Elkan and Naryanaswamy, "Thresholding classifiers to
   * maximize F1 score", 2014), found as the fixed point t = F1(t) / 2 from `link` down, within
   * [minLink, link]. F1(t) is the model's own estimate, no labels: precision the mean
   * probability of the pairs at or above t, recall their sum over EM's expected matches
   * (λ · all pairs). A file of clear matches keeps one half; a file full of namesakes, where a
   * pair scored 0.45 is one man nearly half the time and F1 can reach only 0.85, links from
   * about 0.42 (measured on both blind generators: docs/linkage.md, round fifteen).
   */
  private f1OptimalThreshold(edges: Edges, link: number, minLink: number): number {
    const matches = this.params!.lambda * totalPairs(this.data, this.crossSourceOnly);
    const ps = Float64Array.from({ length: edges.length }, (_, e) => probability(edges.weight[e]))
      .sort()
      .reverse();
    const expectedF1 = (t: number): number => {
      let sum = 0;
      let count = 0;
      while (count < ps.length && ps[count] >= t) sum += ps[count++];
      return count && matches > 0 ? (2 * sum) / (count + matches) : 0;
    };
    let t = link;
    for (let i = 0; i < 20; i++) {
      const next = Math.min(link, Math.max(minLink, expectedF1(t) / 2));
      if (Math.abs(next - t) < 1e-4) break;
      t = next;
    }
    return t;
  }

  /**
   * Clusters the scored pairs, then takes a second look: a name's frequency within its region
   * (term-frequency.ts) leaves out the scored man's own records, which before any clustering can
   * only be assumed (OWN_RECORDS); the first clustering counts them — a man found in eight lists
   * is eight of the fourteen Магомедов Руслан of his region, not four — so every kept pair is
   * scored again with them and clustered afresh. Measured on both blind generators: F1 +0.0006
   * to +0.003 at 20,000 and a million (three seeds), own generator unchanged. The second look also
   * counts his records once in each value's national frequency and reads how a name's records fall
   * into men (model.ts sameManFloor; docs/linkage.md round nineteen). Returns the second clustering; its
   * review indices are the edges' own (rescored on a copy). The counts stay for later scoring
   * (a pairs file explains the pairs as they were clustered) until the next predict().
   */
  cluster(edges: Edges, humans?: Decisions, linkThreshold = this.linkThreshold(edges)): ClusterResult {
    const decisions = this.withExactCopies(humans);
    const first = this.firstLook(edges, decisions, linkThreshold);
    if (!this.takesSecondLook()) return first;
    return this.secondLook(edges, decisions, linkThreshold, first.clusterOf);
  }

  /**
   * Human decisions, and full records copied whole joined as "same" (exact-copies.ts), unless a
   * human said two of the copies are two men. For every clustering of the whole file.
   */
  withExactCopies(humans: Decisions = { same: [], different: [] }): Decisions {
    const names = this.config.cluster.copiesAreOne;
    if (names.length === 0) return humans;
    const specs = this.config.comparisons;
    const compared = this.comparisons.filter((_, i) => specs[i].type !== 'source');
    const required = names.map((name) => this.comparisons.find((c) => c.name === name)!);
    this.sync();
    // Linking files to each other, or files each free of duplicates: copies within one file are
    // not this run's to join.
    const src = this.data.source.data;
    const apart = this.crossSourceOnly || this.config.cluster.uniquePerSource;
    const found = exactCopyPairs(this.data, compared, required).filter(([a, b]) => !apart || src[a] !== src[b]);
    const copies = copiesNotDisputed(found, humans.different);
    return copies.length ? { same: [...humans.same, ...copies], different: humans.different } : humans;
  }

  /**
   * cluster()'s first look, scoring as the edges were scored (again, if a clustering came before).
   * The looks are apart so that two threads can each take whole components of the edges
   * (cluster-two-threads.ts): no merge, score or refusal reaches across a component.
   */
  firstLook(edges: Edges, decisions: Decisions | undefined, linkThreshold: number): ClusterResult {
    this.requireScorer().frequencies.ownFromClusters(null);
    return this.clusterOnce(edges, decisions, linkThreshold);
  }

  /** Whether cluster() takes a second look: names have frequencies within contexts. */
  takesSecondLook(): boolean {
    return this.requireScorer().frequencies.hasChains();
  }

  /**
   * cluster()'s second look: each man's own records counted from the first look's clusters of the
   * whole file (`clusterOf`), these edges rescored with them (on a copy) and clustered afresh.
   */
  secondLook(
    edges: Edges,
    decisions: Decisions | undefined,
    linkThreshold: number,
    clusterOf: Int32Array,
  ): ClusterResult {
    const scorer = this.requireScorer();
    scorer.frequencies.ownFromClusters(clusterOf);
    const weight = new Float64Array(edges.length);
    // Cluster by cluster: a man's records and his names' counts are then read from memory once
    // for all his edges, not once an edge in the order scoring found them.
    const clusterOfEdge = new Int32Array(edges.length);
    for (let e = 0; e < edges.length; e++) clusterOfEdge[e] = clusterOf[edges.a[e]];
    for (const e of new ClusterMembers(clusterOfEdge, clusterOf.length).members)
      weight[e] = scorer.score(edges.a[e], edges.b[e]);
    return this.clusterOnce({ a: edges.a, b: edges.b, weight, length: edges.length }, decisions, linkThreshold);
  }

  private clusterOnce(edges: Edges, decisions: Decisions | undefined, linkThreshold: number): ClusterResult {
    const scorer = this.requireScorer();
    const { thresholds, cluster: c } = this.config;
    const src = this.data.source.data;
    return cluster(
      this.data.size,
      edges,
      {
        // A cannot-link pair's weight is never read (it is outvoted as 0, or forbids the merge),
        // so its scoring ends at that level: a third of the pairs rescored at a million records.
        score: (a, b) => {
          const weight = scorer.score(a, b, Number.NEGATIVE_INFINITY, true);
          return { weight, cannotLink: scorer.cannotLink };
        },
        sameSourceForbidden: c.uniquePerSource ? (a, b) => src[a] === src[b] : undefined,
        edgesAreScores: true,
        fields: {
          levels: scorer.levels,
          contributions: scorer.contributions,
          compare: (a, b) => {
            scorer.score(a, b);
            return scorer.cannotLink;
          },
          total: (fieldWeights) => scorer.total(fieldWeights),
        },
      },
      {
        linkThreshold,
        // A threshold chosen for F1 is the bar for a merge's average and for review as well.
        reviewThreshold: thresholds.optimiseF1 ? Math.min(thresholds.review, linkThreshold) : thresholds.review,
        minAverage: thresholds.optimiseF1 ? Math.min(thresholds.minAverage, linkThreshold) : thresholds.minAverage,
        conflictShare: c.conflictShare,
        maxClusterSize: c.maxClusterSize,
        alarmSize: c.alarmSize,
        compareClusters: c.compareClusters,
      },
      decisions,
    );
  }

  probability(a: number, b: number): number {
    return probability(this.requireScorer().score(a, b));
  }
}

// A batch run on two cores: the engine's sync(), train() and predict() shared with a second
// thread, each giving exactly what it gives on one thread (the same features token for token, the
// same model, the same edges). Each phase hands the batch run's second thread (SecondThread) its
// next job; scoring without it starts a thread of its own (parallel.ts). Should a thread fail,
// this one does its share and the result is the same.
import type { ChangedFeatures, RegistryMark } from './dataset.ts';
import type { CandidatesJob } from './parallel-train.ts';
import type { LinkageEngine, PredictResult, Progress } from './engine.ts';
import { EdgeBuffer, joinEdges } from './edges.ts';
import { collectGarbage } from './collect-garbage.ts';
import {
  type DrawnAndCounted,
  type NormaliserInput,
  normaliserInput,
  type RandomPairsJob,
  runSyncTasks,
  syncTasks,
} from './parallel-sync.ts';
import { compareOnTwoThreads } from './parallel-train.ts';
import { planChunks, runChunks, type ScoreJob, spawnWorker, type WorkerOutput } from './parallel.ts';
import { emSample, startTraining, type TrainingReport } from './train.ts';
import { type ClusterThread, roomForClusterThread } from './cluster-two-threads.ts';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * The batch run's second thread (src/linkage/second-thread.ts): started before the file is read,
 * then handed one job after another, each on the state the earlier ones left it.
 */
export interface SecondThread {
  /** Normalises its share of the values; answers with the features and interners it filled. */
  normalise: (input: NormaliserInput) => Promise<ChangedFeatures>;
  /**
   * After normalise(): train.ts randomPairLevels, and the term frequencies counted, on the thread
   * while this one computes the blocking keys.
   */
  drawAndCount: (job: RandomPairsJob) => Promise<DrawnAndCounted>;
  /** After drawAndCount(): chunks of EM's candidate pairs compared beside this thread. */
  compareCandidates: (job: CandidatesJob) => Promise<{ chunks: number }>;
  /** After compareCandidates(): chunks of the candidate pairs scored beside this thread. */
  score: (job: ScoreJob & { changed: ChangedFeatures }) => Promise<WorkerOutput>;
  /** Ends the thread; settles once it has ended and its memory is given back. */
  stop: () => Promise<void>;
  /**
   * What this (the main) thread knows of the other's features: after normalise(), the features
   * this one filled, which the other lacks; after drawAndCount(), the main registry's mark when it
   * was handed all of them (later changes go with the next job). Null: the thread lacks this
   * engine's features (it failed to normalise), so it cannot be given a later job.
   */
  state: { lacks: ChangedFeatures } | { holdsUpTo: RegistryMark } | null;
}

/**
 * sync() on two threads (parallel-sync.ts), the batch run's second thread taking tasks beside
 * this one. Should the thread fail, this thread does its share too (threads: 1), and the thread
 * is given no later job.
 */
export const syncOnTwoThreads = async (engine: LinkageEngine, thread: SecondThread): Promise<{ threads: 1 | 2 }> => {
  const tasks = syncTasks(engine);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const mark = engine.features.mark();
  let fromThread: Promise<ChangedFeatures | null> = Promise.resolve(null);
  try {
    fromThread = thread.normalise(normaliserInput(engine, tasks, next)).catch(() => null);
  } catch {
    void thread.stop();
  }
  runSyncTasks(engine, tasks, next);
  const changed = await fromThread;
  const adopted = changed !== null && engine.features.adoptChanged(changed, mark);
  // What the other thread did not finish (or filled where this one did), and the caches' sizes.
  engine.sync();
  thread.state = adopted ? { lacks: engine.features.changedSince(mark, changed) } : null;
  return { threads: adopted ? 2 : 1 };
};

/**
 * train() with the second thread as a second core (parallel-train.ts): it draws and compares the
 * random pairs for u and counts the term frequencies while this thread computes the blocking
 * keys and finds EM's candidate pairs, then compares half of them; the same model and the same
 * counts. Should it fail, this
 * thread does its share (and the thread is not given the scoring). `mainCompares`: false leaves
 * every candidate pair to the thread (tests).
 */
export const trainOnTwoThreads = async (
  engine: LinkageEngine,
  thread: SecondThread,
  options: { mainCompares?: boolean } = {},
): Promise<TrainingReport> => {
  const t = engine.config.training;
  const state = thread.state;
  thread.state = null;
  let drawn: Promise<DrawnAndCounted | null> = Promise.resolve(null);
  if (state && 'lacks' in state) {
    const handed = engine.features.mark();
    drawn = thread
      .drawAndCount({
        changed: state.lacks,
        rows: engine.data.shareRows(),
        options: { randomPairs: t.randomPairs, seed: t.seed, crossSourceOnly: engine.crossSourceOnly },
      })
      .then((answer) => {
        thread.state = { holdsUpTo: handed };
        return answer;
      })
      .catch(() => null);
  }
  // The blocking keys, and from them EM's candidate pairs, while the thread works.
  const sampled = emSample(engine.data, engine.blocking, { ...t, crossSourceOnly: engine.crossSourceOnly });
  const fromThread = await drawn;
  const setup = engine.trainingSetup(fromThread?.counted);
  if (!setup) return engine.trainingReport!;
  const start = startTraining(
    engine.data,
    engine.comparisons,
    engine.blocking,
    setup.opts,
    setup.frequencies,
    fromThread?.levels,
    sampled,
  );
  const helper = thread.state
    ? {
        compareCandidates: (job: Parameters<SecondThread['compareCandidates']>[0]) =>
          thread.compareCandidates(job).catch((err: unknown) => {
            thread.state = null;
            throw err;
          }),
      }
    : null;
  const found = await compareOnTwoThreads(engine.comparisons, start, setup.frequencies, helper, options.mainCompares);
  // Not kept for scoring: ended before the scoring thread takes its memory.
  if (!keptForScoring(engine, thread)) await thread.stop();
  return engine.trained(setup, start, found);
};

/**
 * From how many records scoring starts a fresh thread rather than keep the batch run's: the kept
 * thread holds what normalising and training left in its heap and its allocator, at a million
 * records about 60 MB more than a fresh one (peak 1,417 → 1,472 MB, once 1,513 MB, in three paired
 * runs of fourth-1m; measured before the memos were forgotten after normalising, memo.ts), and it
 * saved no time there (1.01× wall), where a fresh thread's copy of the features is small next to
 * scoring. At 200,000 records it saved 6% of the wall time.
 */
export const FRESH_SCORING_THREAD_RECORDS = 500_000;

/** Whether the batch run's thread scores too (it holds every feature, and the file is not large). */
const keptForScoring = (engine: LinkageEngine, thread: SecondThread | undefined): boolean =>
  thread?.state != null && 'holdsUpTo' in thread.state && engine.data.size < FRESH_SCORING_THREAD_RECORDS;

/** A thread to score beside this one: the batch run's, which holds the features, or a fresh one. */
const scoringThread = (
  engine: LinkageEngine,
  thread: SecondThread | undefined,
): { run: (job: ScoreJob) => Promise<WorkerOutput>; stop: () => void; cluster?: ClusterThread } => {
  if (thread && keptForScoring(engine, thread)) {
    const { holdsUpTo } = thread.state as { holdsUpTo: RegistryMark };
    return {
      run: (job) => thread.score({ ...job, changed: engine.features.changedSince(holdsUpTo) }),
      stop: () => void thread.stop(),
    };
  }
  thread?.stop();
  const worker = spawnWorker();
  return {
    run: (job) =>
      worker.run({
        ...job,
        config: engine.config,
        crossSourceOnly: engine.crossSourceOnly,
        data: engine.data.share(),
        features: engine.features.export(),
      }),
    stop: worker.stop,
    cluster: worker.cluster,
  };
};

/**
 * predict() on two threads (parallel.ts); the same pairs and weights. `thread`: the batch run's
 * second thread, which is stopped after; without it, if it failed earlier, or from
 * FRESH_SCORING_THREAD_RECORDS, a scoring thread is started. Falls back to one thread if that
 * thread cannot start or fails. `mainScores`: false leaves every chunk to the other thread (tests).
 * `keepForClustering`: a started scoring thread that scored is not stopped but returned as
 * `clusterThread`, for cluster-two-threads.ts (which stops it), if memory allows
 * (roomForClusterThread).
 */
export const predictOnTwoThreads = async (
  engine: LinkageEngine,
  progress?: Progress,
  options: { mainScores?: boolean; thread?: SecondThread; keepForClustering?: boolean } = {},
): Promise<PredictResult & { clusterThread?: ClusterThread }> => {
  const scorer = engine.requireScorer();
  engine.sync();
  scorer.frequencies.ownFromClusters(null);
  const started = performance.now();
  const minWeight = engine.scoringFloor();
  let workerError: unknown = null;
  let worker: ReturnType<typeof scoringThread> | null = null;
  try {
    worker = scoringThread(engine, options.thread);
  } catch (err) {
    workerError = err;
  }
  let plan: ReturnType<typeof planChunks> | null;
  try {
    plan = planChunks(engine.blocking);
  } catch (err) {
    // A thread waiting for its input would keep the process alive.
    worker?.stop();
    throw err;
  }
  const { oversized, workerClaims } = plan;
  const pairsPerRule = engine.blocking.rules.map(() => 0);
  let fromWorker: Promise<WorkerOutput | null> = Promise.resolve(null);
  if (worker) {
    try {
      fromWorker = worker
        .run({ params: engine.params!, frequencies: scorer.frequencies.share(), plan, minWeight })
        .catch((err: unknown) => {
          workerError = err;
          return null;
        });
    } catch (err) {
      workerError = err;
      worker.stop();
      worker = null;
    }
  }
  // The thread waits for more work once it has answered (it may cluster): whatever fails from
  // here on, it is stopped, or the process would never exit.
  try {
    const edges = new EdgeBuffer();
    if (options.mainScores !== false) {
      runChunks(
        engine.blocking,
        plan,
        engine.data.source.data,
        engine.crossSourceOnly,
        (a, b) => {
          const w = scorer.score(a, b, minWeight, true);
          if (w >= minWeight && !scorer.cannotLink) edges.push(a, b, w);
        },
        pairsPerRule,
        progress ? (done, total) => progress('scoring', done, total) : undefined,
      );
    }
    const stats = (threads: 1 | 2) => ({
      candidatePairs: sum(pairsPerRule),
      pairsPerRule,
      oversized,
      scored: sum(pairsPerRule),
      seconds: (performance.now() - started) / 1000,
      threads,
    });
    if (options.mainScores !== false && (!worker || Atomics.load(workerClaims, 0) === 0)) {
      // No other thread, or it never started taking chunks: this thread did all of them.
      worker?.stop();
      return engine.withSourcePrior({ edges, stats: stats(1) });
    }
    const other = await fromWorker;
    if (!other) {
      // The plan consumed the chunk counter; score again on this thread from scratch.
      worker?.stop();
      const single = engine.predict(progress);
      return { ...single, stats: { ...single.stats, threads: 1, workerError: String(workerError) } };
    }
    if (options.keepForClustering) {
      // The batch run asks no more pairs: its keys and the plan's sorted orders (26 rules at a
      // million records: 130 and 104 MB) are let go before the thread's room is judged by the
      // process's memory, and are not held through the clustering.
      plan = null;
      engine.blocking.releaseKeys();
      collectGarbage();
    }
    // Decided now, before this thread takes in the other's edges, so that a thread that may not
    // stay is let go at once rather than held through the source prior's rescoring.
    const clusterThread =
      options.keepForClustering && roomForClusterThread(edges.length + other.length) ? worker?.cluster : undefined;
    if (!clusterThread) worker?.stop();
    other.pairsPerRule.forEach((p, k) => (pairsPerRule[k] += p));
    return { ...engine.withSourcePrior({ edges: joinEdges(edges, other), stats: stats(2) }), clusterThread };
  } catch (err) {
    worker?.stop();
    throw err;
  }
};

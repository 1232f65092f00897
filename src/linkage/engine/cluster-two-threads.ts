// The clustering on two cores: the scoring thread (parallel.ts), kept after scoring, clusters
// half of the components while this thread clusters the other half (cluster-split.ts), each look
// in turn. Between the looks the halves' clusters are put together, because a man's own records
// and a name's share of one man are counted over the whole file (own-records.ts). The result is
// the one-thread clustering's, record for record. Measured at a million records: the clustering
// took a third of the run (21 s of 61 at the eighth generator) on one core while the other waited.
import type { ClusterResult, Decisions, Edges } from './cluster.ts';
import { decisionsOf, edgesAt, joinHalves, splitByComponents } from './cluster-split.ts';
import type { LinkageEngine } from './engine.ts';
import type { ModelParams } from './model.ts';

/** The first look's job: the model as it is now (with its source prior) and the thread's half. */
export interface FirstLookJob {
  look: 'first';
  params: ModelParams;
  edges: Edges;
  decisions: Decisions;
  linkThreshold: number;
}

/** The second look's job: the first look's clusters of the whole file. */
export interface SecondLookJob {
  look: 'second';
  clusterOf: Int32Array;
}

export type ClusterJob = FirstLookJob | SecondLookJob;

/** A thread that holds the engine's records, features and term frequencies, and clusters a half. */
export interface ClusterThread {
  ask: (job: ClusterJob) => Promise<ClusterResult>;
  stop: () => void;
}

/**
 * The most the process may hold, by its resident memory now and what two threads' clustering adds
 * per edge, for the kept scoring thread to cluster. The second thread's copy of the engine holds
 * some 200–300 MB at a million records, and both threads' clusterings grew the process by 100–255
 * MB more (about 64 bytes an edge) over what it held after scoring, measured with
 * `bench/linkage/phases.ts` at a million records: the sixth generator 1,152 → 1,278 MB, the fourth
 * 1,468 → 1,571, the eighth 1,547 → 1,802. Above the budget the thread is stopped and this one
 * clusters alone, as before: the 1.5 GB a million records may take counts before the seconds.
 */
const CLUSTER_MEMORY_BUDGET = 1_400_000_000;
const BYTES_PER_EDGE = 64;

/** Whether the kept scoring thread may cluster beside this one, by the process's memory. */
export const roomForClusterThread = (edges: number, rss = process.memoryUsage.rss()): boolean =>
  rss + BYTES_PER_EDGE * edges <= CLUSTER_MEMORY_BUDGET;

/**
 * The answer, with a handler attached at once: should this thread's own half fail first, the
 * other's answer is never awaited, and its rejection when the thread is stopped must not end
 * the process as an unhandled one.
 */
const handled = <T>(answer: Promise<T>): Promise<T> => {
  answer.catch(() => {});
  return answer;
};

/**
 * The engine's clustering (engine.ts cluster()) with `thread` taking half the components; the
 * thread is stopped after. Should the thread fail, this thread clusters everything.
 */
export const clusterOnTwoThreads = async (
  engine: LinkageEngine,
  edges: Edges,
  humans: Decisions = { same: [], different: [] },
  thread: ClusterThread,
): Promise<ClusterResult> => {
  const linkThreshold = engine.linkThreshold(edges);
  try {
    const decisions = engine.withExactCopies(humans);
    const split = splitByComponents(engine.data.size, edges, decisions.same);
    const mine = edgesAt(edges, split.edges[0]);
    const myDecisions = decisionsOf(decisions, split.part, 0);
    const params = engine.params;
    if (!params) throw new Error('clustering before training');
    const theirs = handled(
      thread.ask({
        look: 'first',
        params,
        edges: edgesAt(edges, split.edges[1]),
        decisions: decisionsOf(decisions, split.part, 1),
        linkThreshold,
      }),
    );
    const first = joinHalves(split, [engine.firstLook(mine, myDecisions, linkThreshold), await theirs]);
    if (!engine.takesSecondLook()) return first;
    const theirSecond = handled(thread.ask({ look: 'second', clusterOf: first.clusterOf }));
    const second = engine.secondLook(mine, myDecisions, linkThreshold, first.clusterOf);
    return joinHalves(split, [second, await theirSecond]);
  } catch {
    return engine.cluster(edges, humans, linkThreshold);
  } finally {
    thread.stop();
  }
};

/**
 * The thread's side: the first job's model and half kept for the second. The model is taken
 * with the thread's own term frequencies, which are the main thread's counts (scoring adopted them).
 */
export const clusterHalves = (engine: LinkageEngine): ((job: ClusterJob) => ClusterResult) => {
  let half: FirstLookJob | null = null;
  return (job) => {
    if (job.look === 'first') {
      engine.useParams(job.params, engine.requireScorer().frequencies);
      half = job;
      return engine.firstLook(job.edges, job.decisions, job.linkThreshold);
    }
    if (!half) throw new Error('the second look came before the first');
    return engine.secondLook(half.edges, half.decisions, half.linkThreshold, job.clusterOf);
  };
};

// EM's candidate pairs compared on two cores. At a million records EM's sample holds about a
// million candidate pairs, each compared on every field with its names' frequencies (3.4 s on one
// thread). They are already found, in order (train.ts startTraining), so the normalising thread,
// kept through training, and this one compare them in chunks taken from one counter, each writing
// its pairs' results in place; this thread then gathers the patterns in pair order, as one thread
// would (collectCandidates): the same model.
import type { Comparison } from './comparison.ts';
import type { SharedFrequencies, TermFrequencies } from './term-frequency.ts';
import {
  type CandidatePairs,
  type Compared,
  collectCandidates,
  compareCandidates,
  comparedBuffers,
  type PairList,
  type TrainingStart,
} from './train.ts';

/** Candidate pairs per chunk, at most: small enough that neither thread waits long for the other. */
const CHUNK = 16_384;

/** The normalising thread's third job: chunks of EM's candidate pairs to compare. */
export interface CandidatesJob {
  pairs: PairList;
  u: number[][];
  frequencies: SharedFrequencies | null;
  out: Compared;
  /** Pairs per chunk; the next chunk to take, and per chunk whether it is done (both shared). */
  chunk: number;
  next: Int32Array;
  done: Uint8Array;
}

/** Takes chunks until none is left (both threads run this with one counter). */
export const compareChunks = (
  comps: readonly Comparison[],
  job: Omit<CandidatesJob, 'frequencies'>,
  frequencies: TermFrequencies | null,
): number => {
  const n = job.pairs.a.length;
  let taken = 0;
  for (let c = Atomics.add(job.next, 0, 1); c * job.chunk < n; c = Atomics.add(job.next, 0, 1)) {
    compareChunk(comps, job, frequencies, c);
    taken++;
  }
  return taken;
};

/** Compares chunk c of the job's pairs and marks it done. */
const compareChunk = (
  comps: readonly Comparison[],
  job: Omit<CandidatesJob, 'frequencies'>,
  frequencies: TermFrequencies | null,
  c: number,
): void => {
  const n = job.pairs.a.length;
  compareCandidates(comps, job.pairs, c * job.chunk, Math.min(n, (c + 1) * job.chunk), job.u, frequencies, job.out);
  Atomics.store(job.done, c, 1);
};

/**
 * The candidate pairs compared by this thread and `thread` (none: this one alone). A chunk the
 * thread took and did not finish (it failed) is compared here afterwards. `mainCompares`: false
 * leaves every chunk to the thread (tests use it to exercise that path).
 */
export const compareOnTwoThreads = async (
  comps: readonly Comparison[],
  start: TrainingStart,
  frequencies: TermFrequencies,
  thread: { compareCandidates: (job: CandidatesJob) => Promise<unknown> } | null,
  mainCompares = true,
): Promise<CandidatePairs> => {
  const n = start.pairs.a.length;
  // At least eight chunks, so that a small sample is shared too.
  const chunk = Math.max(1, Math.min(CHUNK, Math.ceil(n / 8)));
  const chunks = Math.ceil(n / chunk);
  const job = {
    pairs: start.pairs,
    u: start.u,
    out: comparedBuffers(n),
    chunk,
    next: new Int32Array(new SharedArrayBuffer(4)),
    done: new Uint8Array(new SharedArrayBuffer(Math.max(chunks, 1))),
  };
  const fromThread = thread
    ? thread.compareCandidates({ ...job, frequencies: frequencies.share() }).catch(() => null)
    : Promise.resolve(null);
  if (mainCompares || !thread) compareChunks(comps, job, frequencies);
  await fromThread;
  for (let c = 0; c < chunks; c++) if (Atomics.load(job.done, c) === 0) compareChunk(comps, job, frequencies, c);
  return collectCandidates(comps, start.pairs, job.out);
};

// The engine's second thread for a whole batch run (`kintrace dedupe`, `kintrace link`). Started
// before the file is read, so that it loads the engine's modules meanwhile, it is then handed one
// job after another, each on the state the earlier ones left it (two-threads.ts): normalising half
// of the distinct values (parallel-sync.ts), drawing and comparing the random pairs for u and
// counting the term frequencies while this thread computes the blocking keys, comparing half of EM's candidate pairs
// (parallel-train.ts), and scoring half of the candidate pairs (parallel.ts). Kept from job to job,
// it never has to be sent the features it already holds (at a million records that copy took the
// scoring thread 0.7 s of a late start).
import { Worker } from 'node:worker_threads';
import type { ChangedFeatures, RegistryMark } from './dataset.ts';
import type { DrawnAndCounted, NormaliserInput, RandomPairsJob } from './parallel-sync.ts';
import type { CandidatesJob } from './parallel-train.ts';
import type { ScoreJob, WorkerOutput } from './parallel.ts';

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

/** Starts the thread (see the header); each job is a message, answered by one message. */
export const spawnSecondThread = (): SecondThread => {
  // A plain .mjs entry registers tsx first: the app runs from TypeScript sources.
  const worker = new Worker(new URL('./second-thread-worker.mjs', import.meta.url));
  // A thread that is not working for an answer must not keep the process alive.
  worker.unref();
  const waiting: { resolve: (m: unknown) => void; reject: (err: unknown) => void }[] = [];
  worker.on('message', (m: unknown) => {
    waiting.shift()?.resolve(m);
    if (!waiting.length) worker.unref();
  });
  const fail = (err: unknown): void => {
    for (const w of waiting.splice(0)) w.reject(err);
  };
  worker.once('error', fail);
  worker.once('exit', () => fail(new Error('the second thread has ended')));
  const ask = <T>(message: unknown): Promise<T> => {
    const answer = new Promise<T>((resolve, reject) =>
      waiting.push({ resolve: resolve as (m: unknown) => void, reject }),
    );
    worker.ref();
    worker.postMessage(message);
    return answer;
  };
  return {
    normalise: (input) => ask(input),
    drawAndCount: (job) => ask(job),
    compareCandidates: (job) => ask(job),
    score: (job) => ask(job),
    stop: () => worker.terminate().then(() => undefined),
    state: null,
  };
};

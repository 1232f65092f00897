// The second thread of a whole batch run (`kintrace dedupe`, `kintrace link`). Started before the
// file is read, it reads the last part of each large file (linkage.csv.ts SplitRead) while the
// main thread reads the rest, and is then handed one job after another, each on the state the
// earlier ones left it (engine/two-threads.ts): normalising half of
// the distinct values (parallel-sync.ts), drawing and comparing the random pairs for u and
// counting the term frequencies while the main thread computes the blocking keys, comparing half
// of EM's candidate pairs (parallel-train.ts), and, below a million records, scoring half of the
// candidate pairs (parallel.ts) with the features it already holds.
import { Worker } from 'node:worker_threads';
import type { DatasetPart } from './engine/dataset.ts';
import type { LinkageConfig } from './engine/config.ts';
import type { SecondThread } from './engine/two-threads.ts';
import type { PartStart } from './linkage.csv.ts';

/** Reading a file's last part (linkage.csv.ts SplitRead), before the engine's jobs. */
export interface PartJob {
  file: string;
  start: PartStart;
  config: LinkageConfig;
  /** Per dataset field, its column in the file (−1: none); the id's column. */
  columns: number[];
  idIndex: number;
  source: number;
}

/** The batch run's second thread: the engine's jobs, and before them reading. */
export interface BatchThread extends SecondThread {
  /** The records of the file from job.start, as a Dataset of the engine's fields keeps them; null if it gave up. */
  readPart: (job: PartJob) => Promise<DatasetPart | null>;
}

/** Starts the thread (see the header); each job is a message, answered by one message. */
export const spawnSecondThread = (): BatchThread => {
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
    readPart: (job) => ask({ read: job }),
    normalise: (input) => ask(input),
    drawAndCount: (job) => ask(job),
    compareCandidates: (job) => ask(job),
    score: (job) => ask(job),
    stop: () => worker.terminate().then(() => undefined),
    state: null,
  };
};

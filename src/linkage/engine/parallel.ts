// Scoring on two cores (worker_threads). The main thread plans the work once: per rule, records
// sorted by key, oversized blocks dropped, fallback blocks partitioned, and the sorted runs cut
// into chunks at block boundaries. Keys, orders and the token rows go to the worker as shared
// memory; both threads then take chunks from one atomic counter, so the worker (which first
// rebuilds its per-token features) simply takes fewer. Each pair is still scored exactly once.
import { Worker } from 'node:worker_threads';
import { NULL_KEY, type Blocking, type BlockingStats } from './blocking.ts';
import type { LinkageConfig } from './config.ts';
import type { Dataset, FeatureRegistry } from './dataset.ts';
import type { ModelParams } from './model.ts';
import type { SharedFrequencies } from './term-frequency.ts';
import { shared } from './shared-memory.ts';
import { EdgeBuffer } from './edges.ts';
import type { LinkageEngine } from './engine.ts';
import type { ClusterResult } from './cluster.ts';
import type { ClusterThread } from './cluster-two-threads.ts';

const CHUNK = 1 << 14;

export interface Plan {
  keys: Uint32Array[];
  lacking: (Uint8Array | null)[];
  prints: Uint8Array | null;
  orders: Int32Array[];
  /** Triples (rule, start, end) over orders[rule]. */
  chunks: Int32Array;
  counter: Int32Array;
  /** Claims the worker has announced: 0 after the main thread is done means it took nothing. */
  workerClaims: Int32Array;
  oversized: BlockingStats['oversized'];
}

export const planChunks = (blocking: Blocking): Plan => {
  blocking.ensureKeys();
  const oversized: BlockingStats['oversized'] = [];
  const orders: Int32Array[] = [];
  const chunks: number[] = [];
  for (let k = 0; k < blocking.rules.length; k++) {
    const { order, sortedKeys } = blocking.sortedByKey(k);
    let start = 0;
    let chunkStart = 0;
    while (start < order.length) {
      let end = start + 1;
      while (end < order.length && sortedKeys[end] === sortedKeys[start]) end++;
      blocking.settleBlock(k, order, start, end, oversized);
      start = end;
      if (start - chunkStart >= CHUNK || start === order.length) {
        chunks.push(k, chunkStart, start);
        chunkStart = start;
      }
    }
    orders.push(shared(order));
  }
  return {
    keys: blocking.keys.map(shared),
    lacking: blocking.lacking.map((l) => (l ? shared(l) : null)),
    prints: blocking.prints ? shared(blocking.prints) : null,
    orders,
    chunks: shared(Int32Array.from(chunks)),
    counter: new Int32Array(new SharedArrayBuffer(4)),
    workerClaims: new Int32Array(new SharedArrayBuffer(4)),
    oversized,
  };
};

/** Takes chunks until none are left; visit(a, b) once per candidate pair. */
export const runChunks = (
  blocking: Blocking,
  plan: Plan,
  source: Int32Array,
  crossSourceOnly: boolean,
  visit: (a: number, b: number) => void,
  pairsPerRule: number[],
  onChunk?: (done: number, total: number) => void,
  isWorker = false,
): void => {
  const total = plan.chunks.length / 3;
  for (;;) {
    // The worker announces before it claims, so once the main thread has run out of chunks it
    // can tell "the worker has work in hand" from "the worker never got going" (then it need
    // not wait for a slow start).
    if (isWorker) Atomics.add(plan.workerClaims, 0, 1);
    const c = Atomics.add(plan.counter, 0, 1);
    if (c >= total) return;
    onChunk?.(c, total);
    const k = plan.chunks[3 * c];
    const order = plan.orders[k];
    const keys = plan.keys[k];
    const lacking = plan.lacking[k];
    const stop = plan.chunks[3 * c + 2];
    let start = plan.chunks[3 * c + 1];
    while (start < stop) {
      const key = keys[order[start]];
      let end = start + 1;
      while (end < stop && keys[order[end]] === key) end++;
      if (key !== NULL_KEY && end - start > 1) {
        let firstEnd = end;
        if (lacking) {
          firstEnd = start;
          while (firstEnd < end && lacking[order[firstEnd]] === 1) firstEnd++;
        }
        for (let i = start; i < firstEnd; i++) {
          const a = order[i];
          for (let j = i + 1; j < end; j++) {
            const b = order[j];
            if (crossSourceOnly && source[a] === source[b]) continue;
            if (k > 0 && blocking.seenEarlier(k, a, b)) continue;
            pairsPerRule[k]++;
            visit(a, b);
          }
        }
      }
      start = end;
    }
  }
};

/** What a thread that already holds the engine's records and features needs to score. */
export interface ScoreJob {
  params: ModelParams;
  frequencies: SharedFrequencies;
  plan: Plan;
  minWeight: number;
}

/** What a fresh scoring thread needs: the engine, its records and its features as well. */
export interface WorkerInput extends ScoreJob {
  config: LinkageConfig;
  crossSourceOnly: boolean;
  data: ReturnType<Dataset['share']>;
  features: ReturnType<FeatureRegistry['export']>;
}

export interface WorkerOutput {
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  length: number;
  pairsPerRule: number[];
}

/** The thread's side: the main thread's model and plan taken, chunks scored until none is left. */
export const scoreChunks = (engine: LinkageEngine, job: ScoreJob): WorkerOutput => {
  // The main thread's term-frequency counts: the same weights, without counting a million records again.
  engine.adoptParams(job.params, job.frequencies);
  engine.blocking.keys = job.plan.keys;
  engine.blocking.lacking = job.plan.lacking;
  engine.blocking.prints = job.plan.prints;
  const scorer = engine.scorer!;
  const edges = new EdgeBuffer();
  const pairsPerRule = job.plan.orders.map(() => 0);
  runChunks(
    engine.blocking,
    job.plan,
    engine.data.source.data,
    engine.crossSourceOnly,
    (x, y) => {
      const w = scorer.score(x, y, job.minWeight, true);
      if (w >= job.minWeight && !scorer.cannotLink) edges.push(x, y, w);
    },
    pairsPerRule,
    undefined,
    true,
  );
  const { length } = edges;
  return {
    a: edges.a.slice(0, length),
    b: edges.b.slice(0, length),
    weight: edges.weight.slice(0, length),
    length,
    pairsPerRule,
  };
};

/** The edges' buffers, moved to the main thread rather than copied. */
export const transferOf = (out: WorkerOutput): ArrayBuffer[] => [
  out.a.buffer as ArrayBuffer,
  out.b.buffer as ArrayBuffer,
  out.weight.buffer as ArrayBuffer,
];

/**
 * Starts the scoring thread before its work is known: loading the engine's modules takes the new
 * thread a second or two, which it spends while this thread plans the chunks and counts the
 * places (at a million records it used to join the scoring that much late). `run` hands it the
 * input; after scoring it can cluster half the components (`cluster`, cluster-two-threads.ts);
 * `stop` ends it, and must be called, since the thread waits for more work.
 */
export const spawnWorker = (): {
  run: (input: WorkerInput) => Promise<WorkerOutput>;
  cluster: ClusterThread;
  stop: () => void;
} => {
  // A plain .mjs entry registers tsx first: the app runs from TypeScript sources.
  const worker = new Worker(new URL('./score-worker.mjs', import.meta.url));
  // One answer per message, in order. A failure before anything is asked is kept for the first
  // question rather than left unhandled.
  const waiting: { resolve: (m: unknown) => void; reject: (err: unknown) => void }[] = [];
  let failed: unknown = null;
  const fail = (err: unknown): void => {
    failed ??= err;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  worker.on('message', (m: unknown) => {
    const w = waiting.shift();
    if (m !== null && typeof m === 'object' && 'error' in m) w?.reject(new Error(String(m.error)));
    else w?.resolve(m);
  });
  worker.once('error', fail);
  worker.once('exit', () => fail(new Error('the scoring thread has ended')));
  const ask = <T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const answer = new Promise<T>((resolve, reject) =>
      waiting.push({ resolve: resolve as (m: unknown) => void, reject }),
    );
    worker.postMessage(message, transfer);
    return answer;
  };
  return {
    run: (input) => ask<WorkerOutput>(input),
    cluster: {
      ask: (job) =>
        ask<ClusterResult>(
          job,
          job.look === 'first'
            ? ([job.edges.a.buffer, job.edges.b.buffer, job.edges.weight.buffer] as ArrayBuffer[])
            : [],
        ),
      stop: () => void worker.terminate(),
    },
    stop: () => void worker.terminate(),
  };
};

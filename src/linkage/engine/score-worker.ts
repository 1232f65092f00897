// A fresh scoring thread (see parallel.ts), for scoring without the batch run's second thread:
// the dataset rebuilt from shared memory and the main thread's features adopted, then chunks
// scored with the trained parameters (identical weights and term frequencies), edges returned.
// Then, if asked, it clusters half the components (cluster-two-threads.ts) until it is stopped.
import { parentPort } from 'node:worker_threads';
import type { ClusterJob } from './cluster-two-threads.ts';
import { clusterHalves } from './cluster-two-threads.ts';
import { collectGarbage } from './collect-garbage.ts';
import { LinkageEngine } from './engine.ts';
import { scoreChunks, transferOf, type WorkerInput } from './parallel.ts';

/**
 * Scores the main thread's chunks and answers with the edges. Kept in a function so that its
 * input (the features' export, the plan's keys and orders: at a million records some hundred
 * megabytes) is let go before the thread clusters.
 */
const score = async (): Promise<LinkageEngine> => {
  // Started before the main thread has planned the work (spawnWorker): the input comes as a message.
  const input = await new Promise<WorkerInput>((resolve) => parentPort!.once('message', resolve));
  const engine = new LinkageEngine(input.config, input.crossSourceOnly);
  engine.data.restore(input.data);
  // The main thread's normalised features, so sync() has nothing left to compute.
  engine.features.adopt(input.features);
  const out = scoreChunks(engine, input);
  parentPort!.postMessage(out, transferOf(out));
  // Clustering asks no blocking key: the plan's shared keys need not outlive the main thread's.
  engine.blocking.keys = [];
  engine.blocking.lacking = [];
  engine.blocking.prints = null;
  return engine;
};

const engine = await score();
// Scoring's garbage (its growing edge buffers, the input) is not held while the thread clusters.
collectGarbage();
const clusterHalf = clusterHalves(engine);
parentPort!.on('message', (job: ClusterJob) => {
  try {
    const result = clusterHalf(job);
    parentPort!.postMessage(result, [result.clusterOf.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});

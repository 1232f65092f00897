// The second scoring thread (see parallel.ts): rebuild the dataset from shared memory, use the
// trained parameters (identical weights and term frequencies), score chunks, return edges.
import { parentPort } from 'node:worker_threads';
import { EdgeBuffer, LinkageEngine } from './engine.ts';
import { runChunks, type WorkerInput, type WorkerOutput } from './parallel.ts';

// Started before the main thread has planned the work (spawnWorker): the input comes as a message.
const input = await new Promise<WorkerInput>((resolve) => parentPort!.once('message', resolve));
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.restore(input.data);
// The main thread's normalised features, so sync() has nothing left to compute.
engine.features.adopt(input.features);
// The main thread's term-frequency counts: the same weights, without counting a million records again.
engine.adoptParams(input.params, input.frequencies);
engine.blocking.keys = input.plan.keys;
engine.blocking.lacking = input.plan.lacking;
engine.blocking.prints = input.plan.prints;
const scorer = engine.scorer!;
const edges = new EdgeBuffer();
const pairsPerRule = input.plan.orders.map(() => 0);
runChunks(
  engine.blocking,
  input.plan,
  input.data.source,
  input.crossSourceOnly,
  (x, y) => {
    const w = scorer.score(x, y, input.minWeight, true);
    if (w >= input.minWeight && !scorer.cannotLink) edges.push(x, y, w);
  },
  pairsPerRule,
  undefined,
  true,
);
const { length } = edges;
const out: WorkerOutput = {
  a: edges.a.slice(0, length),
  b: edges.b.slice(0, length),
  weight: edges.weight.slice(0, length),
  length,
  pairsPerRule,
};
parentPort!.postMessage(out, [
  out.a.buffer as ArrayBuffer,
  out.b.buffer as ArrayBuffer,
  out.weight.buffer as ArrayBuffer,
]);

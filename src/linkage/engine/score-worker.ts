// The second scoring thread (see parallel.ts): rebuild the dataset from shared memory, use the
// trained parameters (identical weights and term frequencies), score chunks, return edges.
import { parentPort, workerData } from 'node:worker_threads';
import { LinkageEngine } from './engine.ts';
// Comparison types register on import; the config may name any of them.
import './person.ts';
import './person-transforms.ts';
import { runChunks, type WorkerInput, type WorkerOutput } from './parallel.ts';

const input = workerData as WorkerInput;
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.restore(input.data);
// The main thread's normalised features, so sync() has nothing left to compute.
engine.features.adopt(input.features);
engine.useParams(input.params);
engine.blocking.keys = input.plan.keys;
engine.blocking.lacking = input.plan.lacking;
const scorer = engine.scorer!;
let cap = 1 << 16;
let a = new Int32Array(cap);
let b = new Int32Array(cap);
let weight = new Float64Array(cap);
let length = 0;
const pairsPerRule = input.plan.orders.map(() => 0);
runChunks(engine.blocking, input.plan, input.data.source, input.crossSourceOnly, (x, y) => {
  const w = scorer.score(x, y);
  if (w < input.minWeight || scorer.cannotLink) return;
  if (length === cap) {
    cap *= 2;
    const na = new Int32Array(cap);
    na.set(a);
    a = na;
    const nb = new Int32Array(cap);
    nb.set(b);
    b = nb;
    const nw = new Float64Array(cap);
    nw.set(weight);
    weight = nw;
  }
  a[length] = x;
  b[length] = y;
  weight[length++] = w;
}, pairsPerRule, undefined, true);
const out: WorkerOutput = { a: a.slice(0, length), b: b.slice(0, length), weight: weight.slice(0, length), length, pairsPerRule };
parentPort!.postMessage(out, [out.a.buffer as ArrayBuffer, out.b.buffer as ArrayBuffer, out.weight.buffer as ArrayBuffer]);

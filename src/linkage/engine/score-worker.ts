// A fresh scoring thread (see parallel.ts), for scoring without the batch run's second thread:
// the dataset rebuilt from shared memory and the main thread's features adopted, then chunks
// scored with the trained parameters (identical weights and term frequencies), edges returned.
import { parentPort } from 'node:worker_threads';
import { LinkageEngine } from './engine.ts';
import { scoreChunks, transferOf, type WorkerInput } from './parallel.ts';

// Started before the main thread has planned the work (spawnWorker): the input comes as a message.
const input = await new Promise<WorkerInput>((resolve) => parentPort!.once('message', resolve));
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.restore(input.data);
// The main thread's normalised features, so sync() has nothing left to compute.
engine.features.adopt(input.features);
const out = scoreChunks(engine, input);
parentPort!.postMessage(out, transferOf(out));

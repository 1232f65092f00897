// The second normalising thread (see parallel-sync.ts): the same engine built from the config,
// the columns' distinct values adopted, tasks taken until none is left, and what they filled sent
// back; then, if asked, the random pairs for u and chunks of EM's candidate pairs.
import { parentPort } from 'node:worker_threads';
import { LinkageEngine } from './engine.ts';
import { type NormaliserInput, type RandomPairsJob, runSyncTasks } from './parallel-sync.ts';
import { randomPairLevels } from './train.ts';
import { type CandidatesJob, compareChunks } from './parallel-train.ts';

// Started before the file is read (spawnNormaliser): the input comes as a message.
const input = await new Promise<NormaliserInput>((resolve) => parentPort!.once('message', resolve));
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.fields.forEach((f, i) => engine.data.column(f).adoptStrings(input.strings[i]));
const mark = engine.features.mark();
runSyncTasks(engine, input.tasks, input.next);
const changed = engine.features.changedSince(mark);
parentPort!.postMessage(
  changed,
  changed.features.map((f) => f.data.buffer as ArrayBuffer),
);

// Then, at a million records, the random pairs for u: the other thread's features and the records'
// rows taken, and the pairs drawn and compared while the other thread computes the blocking keys.
const job = await new Promise<RandomPairsJob>((resolve) => parentPort!.once('message', resolve));
if (!engine.features.adoptChanged(job.changed, engine.features.mark())) throw new Error('features filled twice');
engine.data.adoptRows(job.rows);
engine.sync();
const drawn = randomPairLevels(engine.data, engine.comparisons, job.options);
parentPort!.postMessage(drawn, [drawn.a.buffer, drawn.b.buffer, drawn.levels.buffer] as ArrayBuffer[]);

// Then chunks of EM's candidate pairs, compared with the other thread's term-frequency counts.
const candidates = await new Promise<CandidatesJob>((resolve) => parentPort!.once('message', resolve));
const taken = compareChunks(
  engine.comparisons,
  candidates,
  candidates.frequencies ? engine.frequenciesFrom(candidates.frequencies) : null,
);
parentPort!.postMessage({ chunks: taken });

// The second normalising thread (see parallel-sync.ts): the same engine built from the config,
// the columns' distinct values adopted, tasks taken until none is left, and what they filled sent
// back.
import { parentPort } from 'node:worker_threads';
import { LinkageEngine } from './engine.ts';
import { type NormaliserInput, runSyncTasks } from './parallel-sync.ts';

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

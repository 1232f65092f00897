// The batch run's second thread (see second-thread.ts): the last part of each large file read;
// then the same engine built from the config and the columns' distinct values adopted, and, job
// by job as the main thread hands them over, normalising tasks until none is left, the random
// pairs for u and the term frequencies, chunks of EM's candidate pairs and chunks of the
// candidate pairs to score. The main thread may stop it after any job.
import { parentPort } from 'node:worker_threads';
import { readPart, suspectCell } from './linkage.csv.ts';
import { forgetMemos } from './engine/normalize/memo.ts';
import type { PartJob } from './second-thread.ts';
import type { ChangedFeatures, RegistryMark } from './engine/dataset.ts';
import { collectGarbage } from './engine/collect-garbage.ts';
import { LinkageEngine } from './engine/engine.ts';
import {
  type DrawnAndCounted,
  type NormaliserInput,
  type RandomPairsJob,
  runSyncTasks,
} from './engine/parallel-sync.ts';
import { countedBuffers } from './engine/term-frequency.ts';
import { randomPairLevels } from './engine/train.ts';
import { type CandidatesJob, compareChunks } from './engine/parallel-train.ts';
import { type ScoreJob, scoreChunks, transferOf } from './engine/parallel.ts';

// Jobs queue up: the main thread may send the next one before this one is answered (reading on
// itself when a file's part here could not be read).
const queue: unknown[] = [];
let waiting: ((m: unknown) => void) | null = null;
parentPort!.on('message', (m: unknown) => {
  if (waiting) {
    const take = waiting;
    waiting = null;
    take(m);
  } else queue.push(m);
});
const next = <T>(): Promise<T> =>
  queue.length
    ? Promise.resolve(queue.shift() as T)
    : new Promise<T>((resolve) => (waiting = resolve as (m: unknown) => void));

// Started before the files are read: first the last part of each large one, as the main thread
// reads the rest (linkage.csv.ts SplitRead), each into a dataset of the engine's fields.
const readHere = async (job: PartJob): Promise<void> => {
  const data = new LinkageEngine(job.config).data;
  const { columns, idIndex, source } = job;
  // A cell that cannot be a value: the main thread reads the part itself and says which line.
  const { header, delimiter } = job.start;
  const read = await readPart(job.file, job.start, idIndex, (record) => {
    if (suspectCell(record, columns, header, delimiter)) return false;
    data.addValues(record[idIndex], record, columns, source);
  });
  const part = read ? data.part() : null;
  parentPort!.postMessage(part, part ? [part.rows.buffer as ArrayBuffer] : []);
};
let first = await next<NormaliserInput | { read: PartJob }>();
for (; 'read' in first; first = await next()) await readHere(first.read);
collectGarbage();

// Then the engine's jobs, each as a message.
const input = first;
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.fields.forEach((f, i) => engine.data.column(f).adoptStrings(input.strings[i]));
const mark = engine.features.mark();
runSyncTasks(engine, input.tasks, input.next);
const changed = engine.features.changedSince(mark);
parentPort!.postMessage(
  changed,
  changed.features.map((f) => f.data.buffer as ArrayBuffer),
);
// Every value this thread will see is normalised: the normalisers' memos go before training.
forgetMemos();

// The random pairs for u and the term frequencies: the other thread's features and the records'
// rows taken, and the pairs drawn and compared and the records counted while the other thread
// computes the blocking keys. Each job runs in a function of its own and the garbage is collected
// after it: what a job held (EM's candidate pairs, a copy of the term-frequency counts) must not
// stay alive beside the scoring, the run's peak.
const drawAndCount = (job: RandomPairsJob): RegistryMark => {
  if (!engine.features.adoptChanged(job.changed, engine.features.mark())) throw new Error('features filled twice');
  engine.data.adoptRows(job.rows);
  engine.sync();
  const levels = randomPairLevels(engine.data, engine.comparisons, job.options);
  const counted = engine.countFrequencies().counted();
  const answer: DrawnAndCounted = { levels, counted };
  parentPort!.postMessage(answer, [
    ...([levels.a.buffer, levels.b.buffer, levels.levels.buffer] as ArrayBuffer[]),
    ...countedBuffers(counted),
  ]);
  // What this thread holds is the other's as of now; whatever either fills later is sent on.
  return engine.features.mark();
};
const handed = drawAndCount(await next<RandomPairsJob>());
collectGarbage();

// Chunks of EM's candidate pairs, compared with the other thread's term-frequency counts.
const compare = (job: CandidatesJob): void => {
  const frequencies = job.frequencies ? engine.frequenciesFrom(job.frequencies) : null;
  parentPort!.postMessage({ chunks: compareChunks(engine.comparisons, job, frequencies) });
};
compare(await next<CandidatesJob>());
collectGarbage();

// Chunks of the candidate pairs, scored with the trained model: this thread holds every feature
// already (and any the other filled since comes with the job).
const score = (job: ScoreJob & { changed: ChangedFeatures }): void => {
  if (!engine.features.adoptChanged(job.changed, handed)) throw new Error('features filled twice');
  const out = scoreChunks(engine, job);
  parentPort!.postMessage(out, transferOf(out));
};
score(await next<ScoreJob & { changed: ChangedFeatures }>());

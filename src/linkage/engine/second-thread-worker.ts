// The batch run's second thread (see second-thread.ts): the same engine built from the config and
// the columns' distinct values adopted; then, job by job as the main thread hands them over,
// normalising tasks until none is left, the random pairs for u and the term frequencies, chunks of EM's candidate pairs and
// chunks of the candidate pairs to score. The main thread may stop it after any job.
import { parentPort } from 'node:worker_threads';
import type { ChangedFeatures, RegistryMark } from './dataset.ts';
import { collectGarbage } from './collect-garbage.ts';
import { LinkageEngine } from './engine.ts';
import { type DrawnAndCounted, type NormaliserInput, type RandomPairsJob, runSyncTasks } from './parallel-sync.ts';
import { countedBuffers } from './term-frequency.ts';
import { randomPairLevels } from './train.ts';
import { type CandidatesJob, compareChunks } from './parallel-train.ts';
import { type ScoreJob, scoreChunks, transferOf } from './parallel.ts';

const next = <T>(): Promise<T> => new Promise<T>((resolve) => parentPort!.once('message', resolve));

// Started before the file is read: the input comes as a message.
const input = await next<NormaliserInput>();
const engine = new LinkageEngine(input.config, input.crossSourceOnly);
engine.data.fields.forEach((f, i) => engine.data.column(f).adoptStrings(input.strings[i]));
const mark = engine.features.mark();
runSyncTasks(engine, input.tasks, input.next);
const changed = engine.features.changedSince(mark);
parentPort!.postMessage(
  changed,
  changed.features.map((f) => f.data.buffer as ArrayBuffer),
);

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

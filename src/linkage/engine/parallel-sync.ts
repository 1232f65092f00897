// Normalising on two cores. Every distinct field value's features (a surname's key and phonetic
// code, a birth date's parts, a region's code, a unit's formation) are computed once per value:
// at a million records that is 9–10 s on one thread while the scoring thread has not started.
// Columns that no comparison and no blocking key part joins share no feature and no interner, so
// they can be normalised apart: the second thread (second-thread.ts) and this one take tasks from
// one counter, and this thread then adopts the other's features and interners
// (FeatureRegistry.adoptChanged, which refuses a feature both filled: this thread then does the
// other's share again). The result is sync()'s on one thread, token for token
// (parallel-sync.test.ts).
import type { LinkageConfig } from './config.ts';
import type { ChangedFeatures, Dataset, SharedRows } from './dataset.ts';
import type { RandomPairLevels, TrainingOptions } from './train.ts';
import type { CountedFrequencies } from './term-frequency.ts';

/**
 * Work that one thread does whole: columns joined by a comparison (names compared in both orders
 * share one swap detector) or by a blocking key part (one interner), their comparisons (by index)
 * and their key features.
 */
export interface SyncTask {
  comparisons: number[];
  columns: string[];
}

/** What a normalising thread needs: the engine's config, the tasks, and the columns' distinct values. */
export interface NormaliserInput {
  config: LinkageConfig;
  crossSourceOnly: boolean;
  tasks: SyncTask[];
  /** The next task to take, shared by both threads (Atomics). */
  next: Int32Array;
  /** Per dataset field (in its order): the column's distinct values. */
  strings: string[][];
}

interface Syncable {
  readonly data: Dataset;
  readonly comparisons: readonly { readonly fields: readonly string[]; sync(): void }[];
  readonly blocking: { syncColumns(names: ReadonlySet<string>): void; partColumns(): string[][] };
}

/** Groups of names that share a member, merged (a union of overlapping sets). */
const connected = (sets: readonly (readonly string[])[]): string[][] => {
  const groups: Set<string>[] = [];
  for (const set of sets) {
    const merged = new Set(set);
    for (const g of groups.filter((g) => set.some((n) => g.has(n)))) {
      for (const n of g) merged.add(n);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => [...g]);
};

/**
 * The tasks, largest first (by the distinct values they normalise), so that taking them in turn
 * from one counter balances the two threads without knowing what each costs. A column's
 * comparisons and its key parts go together: the normalisers they share (a name's key, its
 * phonetic code) answer the second from their memo (a surname's blocking keys after its
 * comparison: 2.1 → 1.8 s at a million records, and the comparison 2.5 → 1.5 s after them).
 */
export const syncTasks = (engine: Syncable): SyncTask[] => {
  const values = (names: readonly string[]): number =>
    names.reduce((sum, n) => sum + (engine.data.fields.includes(n) ? engine.data.column(n).strings.length : 0), 0);
  const users = [...engine.comparisons.map((c) => c.fields), ...engine.blocking.partColumns()];
  const tasks = connected(users).map((columns) => ({
    comparisons: engine.comparisons.flatMap((c, i) => (c.fields.some((f) => columns.includes(f)) ? [i] : [])),
    columns,
  }));
  const size = (t: SyncTask): number =>
    t.comparisons.reduce((sum, i) => sum + values(engine.comparisons[i].fields), 0) + values(t.columns);
  return tasks.sort((a, b) => size(b) - size(a));
};

/** Takes tasks until none is left (both threads run this with one counter). */
export const runSyncTasks = (engine: Syncable, tasks: readonly SyncTask[], next: Int32Array): void => {
  for (let t = Atomics.add(next, 0, 1); t < tasks.length; t = Atomics.add(next, 0, 1)) {
    for (const i of tasks[t].comparisons) engine.comparisons[i].sync();
    engine.blocking.syncColumns(new Set(tasks[t].columns));
  }
};

/** The input for the other thread. */
export const normaliserInput = (
  engine: Syncable & { config: LinkageConfig; crossSourceOnly: boolean },
  tasks: SyncTask[],
  next: Int32Array,
): NormaliserInput => ({
  config: engine.config,
  crossSourceOnly: engine.crossSourceOnly,
  tasks,
  next,
  strings: engine.data.fields.map((f) => engine.data.column(f).strings),
});

/**
 * The second job (after normalising): the random pairs for u drawn and compared, and the term
 * frequencies counted, on the thread (DrawnAndCounted).
 */
export interface RandomPairsJob {
  /** The features and interners this thread filled, which the other lacks. */
  changed: ChangedFeatures;
  rows: SharedRows;
  options: Pick<TrainingOptions, 'randomPairs' | 'seed' | 'crossSourceOnly'>;
}

/** The answer to a RandomPairsJob; the counts are moved, not copied. */
export interface DrawnAndCounted {
  levels: RandomPairLevels;
  counted: CountedFrequencies;
}

/**
 * From how many records a second thread pays off: starting it costs the other core a second, and
 * normalising takes about 1 s per 100,000 records on one.
 */
export const PARALLEL_SYNC_RECORDS = 100_000;

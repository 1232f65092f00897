// The pipeline behind `kintrace dedupe` and `kintrace link`: stream CSVs into the engine,
// train, score, cluster, and stream the results out. Progress goes to stderr (cli-progress),
// results to files only.
import { createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe, unescapeCell } from '../shared/csv-safe.ts';
import cliProgress from 'cli-progress';
import { LinkageEngine } from './engine/engine.ts';
import { type LinkageConfigInput, parseLinkageConfig } from './engine/config.ts';
import type { ClusterResult, Decisions } from './engine/cluster.ts';
import type { PredictResult } from './engine/engine.ts';
import { probability } from './engine/model.ts';
import { PARALLEL_SYNC_RECORDS } from './engine/parallel-sync.ts';
import { type BatchThread, spawnSecondThread } from './second-thread.ts';
import type { SecondThread } from './engine/two-threads.ts';
import { predictOnTwoThreads, syncOnTwoThreads, trainOnTwoThreads } from './engine/two-threads.ts';
import { type ClusterThread, clusterOnTwoThreads } from './engine/cluster-two-threads.ts';
import { type ListPair, type SourcePrior, summariseSourcePrior } from './engine/source-prior.ts';
import { type Dependence, summariseDependence } from './engine/dependence.ts';
import { ClusterMembers } from './engine/cluster-members.ts';
import {
  columnOf,
  CsvInputError,
  noColumn,
  suspectCell,
  RowError,
  readCsv,
  type SplitRead,
  splitPoint,
} from './linkage.csv.ts';
import { DecisionConflicts } from './decision-conflicts.ts';
import { type PersonHeader, readPersonHeader } from './person-columns.ts';
import { collectGarbage } from './engine/collect-garbage.ts';
import { forgetMemos } from './engine/normalize/memo.ts';
import { Said, type Translate, type Words } from '../shared/said.ts';

export interface RunOptions {
  files: string[];
  config: LinkageConfigInput;
  /** Link threshold (probability) overriding the config. */
  threshold?: number;
  decisionsFile?: string;
  /** Show progress bars (stderr). */
  progress: boolean;
  /** The words of the progress lines, in the operator's language (the catalogue's linkage.cli.progress.*). */
  say?: Translate;
  /** Called as each phase ends: bench/linkage/phases.ts times them. `detail`: the scoring's threads. */
  onPhase?: (phase: RunPhase, engine: LinkageEngine, detail?: string) => void;
  /**
   * The inputs are person CSVs (`kintrace dedupe`): columns are also found under the names a
   * sheet gives them («Фамилия», «Дата рождения»: person-columns.ts), and a sheet without an id
   * column names its records by their row number.
   */
  personColumns?: boolean;
}

/** The batch run's phases, in order. */
export type RunPhase = 'read' | 'normalise' | 'train' | 'score' | 'cluster';

export interface RunResult {
  engine: LinkageEngine;
  predicted: PredictResult;
  clusters: ClusterResult;
  seconds: number;
  trainSeconds: number;
  /** Compared fields some input file has no column for (compared as empty there). */
  missingColumns: string[];
  /** What a person CSV's header was read as (personColumns), per file. */
  headers: InputHeader[];
}

/** How an input's header was read: columns under other names, and ids by row number. */
export interface InputHeader extends Pick<PersonHeader, 'renamed' | 'wholeName'> {
  file: string;
  numberedRows: boolean;
}

/** The words of a progress line; without any (a benchmark, a test), its key. */
const sayOf = (opts: RunOptions): Translate => opts.say ?? ((key) => key);

const bar = (enabled: boolean, label: string, total: number): { update(v: number): void; stop(): void } => {
  if (!enabled) return { update() {}, stop() {} };
  const b = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(9)} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0);
  return { update: (v) => b.update(v), stop: () => b.stop() };
};

/**
 * The decisions file's pairs as record numbers. Linking two files, ids are unique only within
 * each, so left_id is looked up in the first file and right_id in the second, as the pairs file
 * names them; deduplicating one file, both in it.
 */
const loadDecisions = async (file: string, engine: LinkageEngine, files: number): Promise<Decisions> => {
  const bySource = Array.from({ length: files }, () => new Map<string, number>());
  const source = engine.data.source.data;
  engine.data.ids.forEach((id, i) => bySource[source[i]].set(id, i));
  const left = bySource[0];
  const right = bySource[files > 1 ? 1 : 0];
  const decisions: Decisions = { same: [], different: [] };
  const ids = engine.data.ids;
  const conflicts = new DecisionConflicts(
    (i): Words =>
      files > 1
        ? { key: 'linkage.csv.recordOfFile', params: { id: ids[i], file: source[i] + 1 } }
        : { key: 'linkage.csv.record', params: { id: ids[i] } },
  );
  let at: { left: number; right: number; decision: number } | null = null;
  await readCsv(
    file,
    (row, header) => {
      // The columns found once, in any letter case, as the input's are.
      if (!at) {
        at = {
          left: columnOf(header, 'left_id'),
          right: columnOf(header, 'right_id'),
          decision: columnOf(header, 'decision'),
        };
        for (const [name, column] of [
          ['right_id', at.right],
          ['decision', at.decision],
        ] as const)
          if (column < 0) throw new CsvInputError(file, 1, noColumn(name, header));
      }
      const get = (column: number): string => unescapeCell(row[column] ?? '');
      const a = left.get(get(at.left));
      const b = right.get(get(at.right));
      const d = get(at.decision);
      // Which id is not a record, and of which file: left_id is looked up in the first.
      if (a === undefined || b === undefined) {
        const [column, id] = a === undefined ? ['left_id', get(at.left)] : ['right_id', get(at.right)];
        const of = files === 1 ? 'notInInput' : a === undefined ? 'notInFirst' : 'notInSecond';
        throw new RowError(`linkage.csv.${of}`, { column, id });
      }
      if (d !== 'same' && d !== 'different') throw new RowError('linkage.csv.badDecision', { value: d });
      conflicts[d](a, b);
      decisions[d].push([a, b]);
    },
    { required: 'left_id' },
  );
  return decisions;
};

/**
 * Whether the input may hold PARALLEL_SYNC_RECORDS records (a person CSV row is 60–120 bytes):
 * only then is a normalising thread started before reading.
 */
export const mayNormaliseInParallel = (files: readonly string[]): boolean => {
  let bytes = 0;
  for (const f of files) bytes += existsSync(f) ? statSync(f).size : 0;
  return bytes >= PARALLEL_SYNC_RECORDS * 50;
};

/**
 * The share of a large file that the second thread reads, from a record's start near that far
 * from the end, while this one reads the rest and then appends the thread's records. Measured at
 * fourth-1m: with 0.45 this thread never waited for the other (reading 4.4–4.8 s), with 0.52 it
 * waited 0.1–0.2 s (4.1–4.5 s).
 */
const THREAD_READS = 0.5;

/** From how large a file its last part is read on the second thread (about 20,000 records). */
const SPLIT_READ_BYTES = 2_000_000;

/**
 * Reads one input file into the engine's dataset; ids must be unique within the file. With
 * `thread` (a large file of a batch run), its last part is read there meanwhile (SplitRead).
 */
export const readInput = async (
  engine: LinkageEngine,
  file: string,
  source = 0,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
  thread?: BatchThread | null,
  personColumns = false,
): Promise<{ missing: string[]; header: InputHeader }> => {
  const idField = engine.config.id;
  // Outputs and human decisions refer to records by id.
  const seen = new Set<string>();
  let columns: number[] | null = null;
  let idIndex = -1;
  const read: InputHeader = { file, renamed: [], wholeName: false, numberedRows: false };
  const asPerson = (header: string[]): string[] => {
    const person = readPersonHeader(header);
    read.renamed = person.renamed;
    read.wholeName = person.wholeName;
    return person.header;
  };
  await readCsv(
    file,
    (row, header, _index, delimiter, sheetRow) => {
      if (!columns) {
        // Map the dataset's fields to this file's columns once; a missing column stays empty.
        columns = engine.data.fields.map((f) => columnOf(header, f));
        idIndex = columnOf(header, idField);
        read.numberedRows = idIndex < 0;
        // Two columns of one name (a sheet with "surname" twice, or "Surname" and "surname"): one
        // of them was read and the other dropped without a word.
        for (const f of [idField, ...engine.data.fields]) {
          const same = header.filter((h) => h.toLowerCase() === f.toLowerCase());
          if (same.length > 1)
            throw new CsvInputError(file, 1, {
              key: 'linkage.csv.duplicateColumn',
              params: { count: same.length, column: f, names: same.join(', ') },
            });
        }
        // A file none of whose columns is compared (a config written for another file, a header
        // in another language) ran and exited 0 with every record alone. Said at its first row.
        if (columns.every((c) => c < 0))
          throw new Said('linkage.csv.noComparedColumn', { file, fields: engine.data.fields.join(', ') });
      }
      const suspect = suspectCell(row, columns, header, delimiter);
      if (suspect) throw new RowError(suspect.problem.key, suspect.problem.params, 0, suspect.linesBack);
      // A person sheet without an id column: its records are named by the row they are on.
      const id = idIndex < 0 ? String(sheetRow) : row[idIndex];
      if (seen.has(id)) throw new RowError('linkage.csv.duplicateId', { column: idField, id });
      seen.add(id);
      engine.data.addValues(id, row, columns, source);
    },
    {
      required: idField,
      onProgress,
      header: personColumns ? asPerson : undefined,
      numberedRows: personColumns,
      split: thread ? splitRead(engine, file, source, thread, seen, personColumns) : undefined,
    },
  );
  const found = columns as number[] | null;
  // A whole name's column gives the given name and patronymic as well.
  const given = read.wholeName ? ['given_name', 'patronymic'] : [];
  const missing = found ? engine.data.fields.filter((f, i) => found[i] < 0 && !given.includes(f)) : [];
  return { missing, header: read };
};

/** The last part of the file read on `thread` and added after this thread's rows; null if not worth it. */
const splitRead = (
  engine: LinkageEngine,
  file: string,
  source: number,
  thread: BatchThread,
  seen: Set<string>,
  personColumns: boolean,
): SplitRead | undefined => {
  const start = splitPoint(file, THREAD_READS);
  if (!start) return undefined;
  let header: string[];
  try {
    header = personColumns ? readPersonHeader(start.header).header : start.header;
  } catch {
    // Refused with the file and line by this thread's own reading of the header.
    return undefined;
  }
  // Rows named by their number are read here only: the other thread does not count them.
  const idIndex = columnOf(header, engine.config.id);
  if (idIndex < 0) return undefined;
  const columns = engine.data.fields.map((f) => columnOf(header, f));
  const part = thread.readPart({ file, start, config: engine.config, columns, idIndex, source }).catch(() => null);
  return {
    from: start.from,
    take: async () => {
      const read = await part;
      if (!read) return null;
      read.ids.forEach((id, k) => {
        if (seen.has(id)) throw new RowError('linkage.csv.duplicateId', { column: engine.config.id, id }, k);
        seen.add(id);
      });
      engine.data.appendPart(read, source);
      return read.ids.length;
    },
  };
};

/**
 * An explicit threshold is the link threshold, not a ceiling for a target precision or F1. Below
 * the config's review threshold or a merge's minimum average it lowers them too: else a pair
 * between the two would be neither merged nor listed for review, though the summary says it links.
 */
const withExplicitThreshold = (config: LinkageConfigInput, link: number): LinkageConfigInput => {
  const { review, minAverage } = parseLinkageConfig(config).thresholds;
  return {
    ...config,
    thresholds: {
      ...(config.thresholds ?? {}),
      link,
      review: Math.min(review, link),
      minAverage: Math.min(minAverage, link),
      targetPrecision: undefined,
      optimiseF1: undefined,
    },
  };
};

export const runLinkage = async (opts: RunOptions): Promise<RunResult> => {
  const started = performance.now();
  const config = opts.threshold === undefined ? opts.config : withExplicitThreshold(opts.config, opts.threshold);
  const engine = new LinkageEngine(config as LinkageConfigInput, opts.files.length > 1);
  // The second thread (second-thread.ts), started now so that it loads the engine while the files
  // are read; stopped on the way out, whatever happens.
  const thread = mayNormaliseInParallel(opts.files) ? spawnSecondThread() : null;
  const missing = new Set<string>();
  const headers: InputHeader[] = [];
  try {
    for (const [source, file] of opts.files.entries()) {
      const b = bar(opts.progress, sayOf(opts)('linkage.cli.progress.reading'), 100);
      // A small file's part is not worth the thread's time (nor a message of its values).
      const split = thread && statSync(file).size >= SPLIT_READ_BYTES ? thread : null;
      const onProgress = (done: number, total: number): void => b.update(Math.round((100 * done) / total));
      const read = await readInput(engine, file, source, onProgress, split, opts.personColumns);
      for (const field of read.missing) missing.add(field);
      headers.push(read.header);
      b.stop();
    }
    opts.onPhase?.('read', engine);
    const twoThreads = engine.data.size >= PARALLEL_SYNC_RECORDS;
    if (!twoThreads) thread?.stop();
    return {
      ...(await linkRecords(engine, opts, started, twoThreads ? thread : null)),
      missingColumns: [...missing],
      headers,
    };
  } finally {
    thread?.stop();
  }
};

/** Everything after reading: train, score, cluster (on two threads with `thread`). */
const linkRecords = async (
  engine: LinkageEngine,
  opts: RunOptions,
  started: number,
  thread: SecondThread | null,
): Promise<Omit<RunResult, 'missingColumns' | 'headers'>> => {
  const say = sayOf(opts);
  // Read before training, so that an id the input lacks is reported at once, at any size.
  const decisions = opts.decisionsFile ? await loadDecisions(opts.decisionsFile, engine, opts.files.length) : undefined;
  if (engine.data.size < 2) {
    // Nothing to compare: every record (zero or one) is its own cluster.
    const n = engine.data.size;
    const empty = { a: new Int32Array(0), b: new Int32Array(0), weight: new Float64Array(0), length: 0 };
    return {
      engine,
      predicted: { edges: empty, stats: { candidatePairs: 0, pairsPerRule: [], oversized: [], scored: 0, seconds: 0 } },
      clusters: {
        clusterOf: Int32Array.from({ length: n }, (_, i) => i),
        review: [],
        alarms: [],
        rejected: { constraint: 0, average: 0, size: 0 },
        profileMerges: 0,
        linkThreshold: engine.config.thresholds.link,
      },
      seconds: (performance.now() - started) / 1000,
      trainSeconds: 0,
    };
  }
  const trainStart = performance.now();
  // Training is one synchronous step (normalising every distinct value, then u, EM and λ).
  if (opts.progress) process.stderr.write(`${say('linkage.cli.progress.training', { records: engine.data.size })}\n`);
  // Each phase's garbage is collected before the next allocates (collect-garbage.ts): the run's
  // peak memory is its largest phase, not the sum of what the earlier ones left behind.
  if (thread) await syncOnTwoThreads(engine, thread);
  else engine.sync();
  // Every value of the file is normalised: the normalisers' memos are asked nothing more.
  forgetMemos();
  collectGarbage();
  opts.onPhase?.('normalise', engine);
  if (thread) await trainOnTwoThreads(engine, thread);
  else engine.train();
  collectGarbage();
  opts.onPhase?.('train', engine);
  // Human decisions are labels as well as constraints: they update m before scoring.
  if (decisions && decisions.same.length + decisions.different.length > 0) {
    engine.learn([
      ...decisions.same.map(([left, right]) => ({ left, right, same: true })),
      ...decisions.different.map(([left, right]) => ({ left, right, same: false })),
    ]);
  }
  const trainSeconds = (performance.now() - trainStart) / 1000;
  const scoring = bar(opts.progress, say('linkage.cli.progress.scoring'), 100);
  const onProgress = (_phase: string, done: number, total: number): void =>
    scoring.update(Math.round((100 * done) / Math.max(total, 1)));
  // The second thread scores beside this one; it holds the features already. Without it, a fresh
  // thread pays off once starting it (rebuilding its features) is small next to scoring.
  const predicted: PredictResult & { clusterThread?: ClusterThread } =
    thread || engine.data.size >= 500_000
      ? await predictOnTwoThreads(engine, onProgress, { thread: thread ?? undefined, keepForClustering: true })
      : engine.predict(onProgress);
  // The scoring thread, kept where memory allows, clusters half the components beside this one
  // (clusterOnTwoThreads stops it); should anything fail before, it is stopped here.
  const { clusterThread } = predicted;
  try {
    scoring.update(100);
    scoring.stop();
    opts.onPhase?.('score', engine, `${predicted.stats.threads ?? 1} thread(s)`);
    collectGarbage();
    // A quarter of a million-record run, with no bar of its own: say what it is doing.
    if (opts.progress)
      process.stderr.write(`${say('linkage.cli.progress.clustering', { pairs: predicted.edges.length })}\n`);
  } catch (err) {
    clusterThread?.stop();
    throw err;
  }
  const clusters = clusterThread
    ? await clusterOnTwoThreads(engine, predicted.edges, decisions, clusterThread)
    : engine.cluster(predicted.edges, decisions);
  opts.onPhase?.('cluster', engine, `${clusterThread ? 2 : 1} thread(s)`);
  return { engine, predicted, clusters, seconds: (performance.now() - started) / 1000, trainSeconds };
};

/** Buffered CSV writer that respects backpressure. */
export class CsvWriter {
  private readonly out: WriteStream;
  private rows: unknown[][] = [];
  constructor(file: string, header: string[]) {
    this.out = createWriteStream(file);
    this.rows.push(header.map(spreadsheetSafe));
  }
  /** Every text cell as a spreadsheet will show it, never run it (src/shared/csv-safe.ts). */
  async write(row: unknown[]): Promise<void> {
    this.rows.push(row.map(spreadsheetSafe));
    if (this.rows.length >= 10000) await this.flush();
  }
  private async flush(): Promise<void> {
    if (!this.rows.length) return;
    const text = stringify(this.rows);
    this.rows = [];
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

export const writeClusters = async (file: string, result: RunResult): Promise<void> => {
  const { engine, clusters } = result;
  const { ids } = engine.data;
  // Linking two files, an id is unique only within its file: A's record 3 and B's record 3 are two
  // people, so each record says its file (1 or 2, as on the command line) and a cluster is named
  // by its first record with that record's file.
  const two = engine.crossSourceOnly;
  const fileOf = engine.data.source.data;
  const w = new CsvWriter(file, two ? ['file', 'record_id', 'cluster_id'] : ['record_id', 'cluster_id']);
  for (let i = 0; i < engine.data.size; i++) {
    const first = clusters.clusterOf[i];
    await w.write(two ? [fileOf[i] + 1, ids[i], `${fileOf[first] + 1}:${ids[first]}`] : [ids[i], ids[first]]);
  }
  await w.close();
};

/**
 * Pairs with their explanation: every linked pair inside a cluster (scored on the spot when
 * the link was transitive) and every review-band pair left in different clusters.
 */
export const writePairs = async (file: string, result: RunResult): Promise<number> => {
  const { engine, clusters, predicted } = result;
  const scorer = engine.scorer!;
  const names = engine.comparisons.map((c) => c.name);
  const w = new CsvWriter(file, [
    'left_id',
    'right_id',
    'probability',
    'match_weight',
    'status',
    'prior_weight',
    ...names.map((n) => `${n}_weight`),
    ...names.map((n) => `${n}_level`),
  ]);
  let count = 0;
  const emit = async (a: number, b: number, status: string): Promise<void> => {
    const parts = scorer.explain(a, b);
    // A trailing "uncorroborated" cap (see Scorer) is in the total, not in a field column.
    const total = parts.reduce((s, p) => s + p.weight, 0);
    const fields = parts.slice(1, 1 + names.length);
    count++;
    await w.write([
      engine.data.ids[a],
      engine.data.ids[b],
      // Numbers, not strings: a spreadsheet-safe writer would put an apostrophe before "-13.475".
      Number(probability(total).toFixed(6)),
      Number(total.toFixed(3)),
      status,
      Number(parts[0].weight.toFixed(3)),
      ...fields.map((p) => Number(p.weight.toFixed(3))),
      ...fields.map((p) => p.level),
    ]);
  };
  // The clustering's garbage first (its looks' arrays, some hundreds of megabytes at a million
  // records): explaining each pair makes more, and V8 grew the heap rather than collect it (a
  // million records' pairs file took the run from 1.19 to 1.71 GB).
  collectGarbage();
  // Each cluster's records, in record order, as offsets into one array (a map of a list per
  // cluster held 600,000 small arrays at a million records, most of them singletons).
  const { start, members } = new ClusterMembers(clusters.clusterOf);
  const src = engine.data.source.data;
  for (let c = 0; c < start.length - 1; c++) {
    for (let x = start[c]; x < start[c + 1]; x++) {
      for (let y = x + 1; y < start[c + 1]; y++) {
        if (engine.crossSourceOnly && src[members[x]] === src[members[y]]) continue;
        await emit(members[x], members[y], 'linked');
      }
    }
  }
  // Edges come in the order the two threads happened to score them: sorted by their records, the
  // review pairs are written in the same order from run to run.
  const { a, b } = predicted.edges;
  const lo = (e: number): number => Math.min(a[e], b[e]);
  const hi = (e: number): number => Math.max(a[e], b[e]);
  const review = [...clusters.review].sort((x, y) => lo(x) - lo(y) || hi(x) - hi(y));
  // The earlier record on the left: linking two files, the first file's (they are read in order).
  for (const e of review) await emit(lo(e), hi(e), 'review');
  await w.close();
  return count;
};

/** What the summary says of a person sheet's header: the columns read under other names, ids by row. */
const headerLines = (t: Translate, h: InputHeader): string[] => [
  ...(h.renamed.length
    ? [
        t('linkage.cli.summary.columnsRead', {
          file: h.file,
          columns: h.renamed
            .map(({ column, field, age }) =>
              t(
                h.wholeName && field === 'surname'
                  ? 'linkage.cli.summary.wholeName'
                  : age
                    ? 'linkage.cli.summary.age'
                    : 'linkage.cli.summary.renamed',
                { column, field },
              ),
            )
            .join(', '),
        }),
      ]
    : []),
  ...(h.numberedRows ? [t('linkage.cli.summary.numberedRows', { file: h.file })] : []),
];

/** A pair of lists in t's words (a list of the pool of smaller ones is one of "the other lists"). */
const listPairWords = (t: Translate, pair: ListPair): string => {
  const list = (name: string | null): string => name ?? t('linkage.cli.summary.otherLists');
  if (pair.kind === 'two') return t('linkage.cli.summary.listPair', { a: list(pair.a), b: list(pair.b) });
  if (pair.kind === 'itself') return t('linkage.cli.summary.listItself', { list: list(pair.list) });
  return t('linkage.cli.summary.twoOtherLists');
};

/** The summary's line on the source prior, from what the engine found (it imports no words). */
export const sourcePriorLine = (t: Translate, prior: SourcePrior): string => {
  const { least, most } = summariseSourcePrior(prior);
  return t('linkage.cli.summary.sourcePrior', {
    least: listPairWords(t, least.pair),
    leastTimes: least.times,
    most: listPairWords(t, most.pair),
    mostTimes: most.times,
  });
};

/** The summary's line on fields weighed together as one fact; none when the correction counts none. */
export const dependenceLines = (t: Translate, dependence: Dependence, names: readonly string[]): string[] => {
  const found = summariseDependence(dependence, names);
  if (!found) return [];
  return [
    t('linkage.cli.summary.dependence', {
      pairs: found.shown.map((p) => t('linkage.cli.summary.weighedTogether', { ...p })).join(', '),
      more: found.more ? t('linkage.cli.summary.moreWeighed', { count: found.more }) : '',
    }),
  ];
};

/**
 * What `dedupe` and `link` print when done, in t's language. The engine's own findings (the
 * source prior, the dependence between fields) come from it as values: src/linkage/engine imports
 * nothing, the words are the catalogue's.
 */
export const summary = (r: RunResult, t: Translate): string => {
  const { engine, predicted, clusters } = r;
  const lines = [
    t('linkage.cli.summary.counts', {
      records: engine.data.size,
      clusters: new Set(clusters.clusterOf).size,
      candidates: predicted.stats.candidatePairs,
      threads: predicted.stats.threads ?? 1,
      threshold: clusters.linkThreshold.toFixed(3),
      joined: clusters.profileMerges ? t('linkage.cli.summary.joined', { joined: clusters.profileMerges }) : '',
      review: clusters.review.length,
      seconds: r.seconds.toFixed(1),
    }),
    ...r.headers.flatMap((h) => headerLines(t, h)),
    ...(r.missingColumns.length
      ? [t('linkage.cli.summary.missingColumns', { fields: r.missingColumns.join(', ') })]
      : []),
    ...(engine.params?.sourcePrior ? [sourcePriorLine(t, engine.params.sourcePrior)] : []),
    ...(engine.params?.dependence
      ? dependenceLines(
          t,
          engine.params.dependence,
          engine.comparisons.map((c) => c.name),
        )
      : []),
    ...predicted.stats.oversized
      .slice(0, 10)
      .map((o) => t('linkage.cli.summary.oversized', { size: o.size, rule: o.rule, example: o.example })),
    ...clusters.alarms
      .slice(0, 10)
      .map((a) => t('linkage.cli.summary.alarm', { size: a.size, id: engine.data.ids[a.representative] })),
  ];
  return `${lines.join('\n')}\n`;
};

// The benchmark's generated datasets as files: people.csv (the platform's person CSV, what
// `kintrace dedupe` reads) and truth.csv (record_id,person_id, what `kintrace evaluate` reads).
// The project's generator is written here; the independent one writes its own with its command.
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { once } from 'node:events';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, generateRussianRecords } from './generator/index.ts';
import { readCsv } from '../../src/linkage/linkage.csv.ts';
import type { LinkageConfigInput } from '../../src/linkage/engine/config.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';

export interface DatasetFiles {
  people: string;
  truth: string;
}

const PERSON_COLUMNS = CSV_COLUMNS.filter((c) => c !== 'true_id');

/** The project's generator (seeded), written once per (n, seed) and reused. */
export const ownFiles = async (dir: string, n: number, seed: number): Promise<DatasetFiles> => {
  const files = { people: join(dir, `own-${n}-${seed}.csv`), truth: join(dir, `own-${n}-${seed}.truth.csv`) };
  if (existsSync(files.people) && existsSync(files.truth)) return files;
  const people = createWriteStream(files.people);
  const truth = createWriteStream(files.truth);
  people.write(stringify([PERSON_COLUMNS as unknown as string[]]));
  truth.write('record_id,person_id\n');
  let batch: string[][] = [];
  let ids: string[][] = [];
  const flush = async (): Promise<void> => {
    if (!people.write(stringify(batch))) await once(people, 'drain');
    if (!truth.write(stringify(ids))) await once(truth, 'drain');
    batch = [];
    ids = [];
  };
  for (const row of generateRussianRecords({ n, seed }) as Iterable<Record<string, string>>) {
    batch.push(PERSON_COLUMNS.map((c) => String(row[c] ?? '')));
    ids.push([row.record_id, row.true_id]);
    if (batch.length === 10000) await flush();
  }
  await flush();
  people.end();
  truth.end();
  await Promise.all([once(people, 'finish'), once(truth, 'finish')]);
  return files;
};

/** The records file of a generator that writes something other than a person CSV. */
const RECORDS_FILE: Record<string, string> = { registry: 'records.csv', civil: 'records.csv', patients: 'records.csv' };

/**
 * The config a generated case is linked with: the person config (`kintrace dedupe`), or for the
 * English registry, the German civil register and the US patient index (bench/linkage/registry,
 * bench/linkage/civil, bench/linkage/patients: not soldiers' records) the config each author wrote
 * from the documentation alone, as a user of `kintrace link` would.
 */
export const caseConfig = (kind: string, defaultThresholds = false): LinkageConfigInput =>
  kind in RECORDS_FILE
    ? withoutThresholds(
        JSON.parse(readFileSync(join(import.meta.dirname, kind, `${kind}.json`), 'utf8')),
        defaultThresholds,
      )
    : personConfig();

/**
 * A generic config as written, or (`defaultThresholds`) with its thresholds left out, as a user
 * who names none gets them: the engine's defaults (config.ts). The person config is not generic.
 */
export const withoutThresholds = <T extends { thresholds?: unknown }>(config: T, defaultThresholds: boolean): T => {
  if (!defaultThresholds) return config;
  const { thresholds: _, ...rest } = config;
  return rest as T;
};

/**
 * An independent generator (bench/linkage/independent/ or bench/linkage/third/, each written
 * without reading the engine), run through its own command; null when it is not on this branch.
 */
export const independentFiles = (
  dir: string,
  n: number,
  seed: number,
  generator = 'independent',
): DatasetFiles | null => {
  const script = join(import.meta.dirname, generator, 'generate.ts');
  if (!existsSync(script)) return null;
  const out = join(dir, `${generator}-${n}-${seed}`);
  const files = { people: join(out, RECORDS_FILE[generator] ?? 'people.csv'), truth: join(out, 'truth.csv') };
  if (existsSync(files.people) && existsSync(files.truth)) return files;
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, script, '--n', String(n), '--seed', String(seed), '--out', out],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`independent generator failed (exit ${r.status})`);
  return files;
};

/**
 * A generated case by name ("own-20k", "independent-1m", "own-200k"): its files under the system
 * temp dir, written on first use; null for a name that is no generated case.
 */
export const generatedFiles = async (name: string, seed: number): Promise<DatasetFiles | null> => {
  const m = name.match(
    /^(own|independent|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|registry|civil|patients)-(\d+)(k|m)$/,
  );
  if (!m) return null;
  const n = Number(m[2]) * (m[3] === 'k' ? 1000 : 1_000_000);
  const dir = join(tmpdir(), 'kintrace-bench');
  mkdirSync(dir, { recursive: true });
  const files = m[1] === 'own' ? await ownFiles(dir, n, seed) : independentFiles(dir, n, seed, m[1]);
  if (!files) throw new Error(`no ${m[1]} generator on this branch`);
  return files;
};

/** The true person of each record, in the engine's record order. */
export const readTruth = async (file: string, ids: readonly string[]): Promise<string[]> => {
  const byId = new Map<string, string>();
  await readCsv(
    file,
    (row, header) => {
      const label = header.indexOf('person_id') >= 0 ? header.indexOf('person_id') : header.indexOf('cluster_id');
      byId.set(row[header.indexOf('record_id')], row[label]);
    },
    { required: 'record_id' },
  );
  return ids.map((id) => {
    const t = byId.get(id);
    if (t === undefined) throw new Error(`${file}: no truth for record ${id}`);
    return t;
  });
};

/** The first `count` records of a person CSV as raw records (queries for the incremental timing). */
export const readQueries = (file: string, count: number): Record<string, string>[] => {
  // The head of the file is enough: read 1 MB, drop the last (possibly cut) line.
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const read = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const text = buf.subarray(0, read).toString('utf8');
  const head = read < buf.length ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const rows = parse(head, { columns: true, bom: true, trim: true }) as Record<string, string>[];
  return rows.slice(0, count);
};

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { openDatabase, type Db, type OpenedDb } from '../db/database.ts';
import { DatabaseProblem } from '../db/db-problems.ts';
import { knownMigrations, migrateTo, migrateToLatest } from '../db/migrate.ts';
import type { Clock } from '../shared/clock.ts';
import { assertSystem } from '../policy/system.policy.ts';
import type { Principal } from '../policy/principal.ts';
import {
  BackupUnreadable,
  decodeHeader,
  DecryptStream,
  EncryptStream,
  encodeHeader,
  newBackupKey,
  noncePrefixOf,
  openBackupKey,
  type BackupOpening,
  type BackupSealing,
} from './backup-crypto.ts';
import { openPostgresSnapshot, openSqliteSnapshot, type Snapshot } from './backup-source.ts';

// `kintrace backup` and `kintrace restore` (docs/deploy.md). A backup is the whole database —
// every table, uploaded files included (they live in evidence_files), the audit log, the
// schedule — as one consistent snapshot, streamed as JSON lines, compressed, and encrypted
// (backup-crypto.ts) before a byte reaches the disk. It restores into an empty data directory
// (SQLite) or an empty PostgreSQL database, either way round: the rows do not depend on the
// engine they came from. What is sealed in the database stays sealed in the backup under the
// same keys; a backup adds a second lock around everything, names included.

export class RestoreRefused extends DatabaseProblem {}

type Line =
  | { type: 'meta'; format: 1; dialect: string; migrations: string[] }
  | { type: 'table'; name: string; columns: string[] }
  | { type: 'row'; v: unknown[] }
  | { type: 'end'; counts: Record<string, number> };

const encodeValue = (v: unknown): unknown =>
  Buffer.isBuffer(v) || v instanceof Uint8Array ? { $b: Buffer.from(v).toString('base64') } : v;
const decodeValue = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && typeof (v as { $b?: unknown }).$b === 'string'
    ? Buffer.from((v as { $b: string }).$b, 'base64')
    : v;

export interface BackupReport {
  tables: number;
  rows: number;
  bytes: number;
  counts: Record<string, number>;
}

const openSnapshot = (config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Snapshot> =>
  config.databaseUrl ? openPostgresSnapshot(config.databaseUrl) : openSqliteSnapshot(config.dataDir);

async function* lines(snapshot: Snapshot, counts: Record<string, number>): AsyncGenerator<string> {
  yield `${JSON.stringify({ type: 'meta', format: 1, dialect: snapshot.dialect, migrations: snapshot.migrations })}\n`;
  for (const table of snapshot.tables) {
    const columns = await snapshot.columns(table);
    yield `${JSON.stringify({ type: 'table', name: table, columns })}\n`;
    let n = 0;
    for await (const row of snapshot.rows(table, columns)) {
      n++;
      yield `${JSON.stringify({ type: 'row', v: row.map(encodeValue) })}\n`;
    }
    counts[table] = n;
  }
  yield `${JSON.stringify({ type: 'end', counts })}\n`;
}

/**
 * Writes a consistent, encrypted backup of the database to `out` while the server may run. The
 * file is written beside its final name and renamed only when complete: a cut-off run leaves
 * no half backup under the name.
 */
export const createBackup = async (
  deps: { config: Pick<Config, 'databaseUrl' | 'dataDir'>; clock: Clock },
  out: string,
  sealing: BackupSealing,
  principal: Principal,
): Promise<BackupReport> => {
  assertSystem(principal, 'admin_cli');
  const snapshot = await openSnapshot(deps.config);
  if (snapshot.migrations.length === 0) {
    await snapshot.close();
    throw new DatabaseProblem({ key: 'backup.cli.problems.nothingToBackUp' });
  }
  const { key, header } = await newBackupKey(sealing, deps.clock.now().toISOString().slice(0, 10));
  const partial = `${out}.partial`;
  const counts: Record<string, number> = {};
  try {
    await pipeline(
      Readable.from(lines(snapshot, counts)),
      zlib.createGzip({ level: 6 }),
      new EncryptStream(key, encodeHeader(header), noncePrefixOf(header)),
      fs.createWriteStream(partial, { mode: 0o600, flags: 'wx' }),
    );
    fs.renameSync(partial, out);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await snapshot.close();
  }
  return {
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    bytes: fs.statSync(out).size,
    counts,
  };
};

/** The backup's plaintext lines, decrypted and checked frame by frame as they are read. */
const readLines = async function* (file: string, opening: BackupOpening): AsyncGenerator<Line> {
  const fd = fs.openSync(file, 'r');
  const start = Buffer.alloc(64 * 1024 + 20);
  const got = fs.readSync(fd, start, 0, start.length, 0);
  fs.closeSync(fd);
  const { header, raw, length } = decodeHeader(start.subarray(0, got));
  const key = await openBackupKey(header, opening);
  const plain = new PassThrough();
  let failure: Error | undefined;
  const done = pipeline(
    fs.createReadStream(file, { start: length }),
    new DecryptStream(key, raw, noncePrefixOf(header)),
    zlib.createGunzip(),
    plain,
  ).catch((err: unknown) => {
    failure = err instanceof BackupUnreadable ? err : new BackupUnreadable('backup.cli.problems.damaged');
    plain.destroy();
  });
  try {
    for await (const text of readline.createInterface({ input: plain, crlfDelay: Infinity })) {
      if (failure) throw failure;
      if (!text) continue;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        throw new BackupUnreadable('backup.cli.problems.damaged');
      }
      yield line;
    }
  } catch (err) {
    throw failure ?? err;
  } finally {
    // A reader that stops early must not leave the file open and the stream stuck.
    if (!plain.destroyed) plain.destroy();
    await done;
  }
  if (failure) throw failure;
};

export interface RestoreReport {
  dialect: 'sqlite' | 'postgres';
  fromDialect: string;
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

/** Refuses a target that holds anything: a restore never mixes with or overwrites data. */
const assertEmptyTarget = async (config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<void> => {
  if (!config.databaseUrl) {
    const leftovers = fs.existsSync(config.dataDir)
      ? fs.readdirSync(config.dataDir).filter((f) => f.startsWith('kintrace.sqlite'))
      : [];
    if (leftovers.length > 0)
      throw new RestoreRefused({
        key: 'backup.cli.problems.dataDirHoldsDatabase',
        params: { dir: config.dataDir, files: leftovers.join(', ') },
      });
    return;
  }
  const probe = openDatabase(config);
  try {
    const tables = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(probe.db);
    if (Number(tables.rows[0]?.n ?? 0) > 0) throw new RestoreRefused({ key: 'backup.cli.problems.postgresNotEmpty' });
  } catch (err) {
    if (err instanceof DatabaseProblem) throw err;
    const { describeDatabaseError } = await import('../db/database.ts');
    throw describeDatabaseError(probe.db, err) ?? err;
  } finally {
    await probe.close();
  }
};

/** First pass: every frame opens, every line parses, the migrations are known; nothing is written. */
const verify = async (file: string, opening: BackupOpening) => {
  let meta: Extract<Line, { type: 'meta' }> | undefined;
  let end: Extract<Line, { type: 'end' }> | undefined;
  const seen: Record<string, number> = {};
  let table: string | undefined;
  for await (const line of readLines(file, opening)) {
    if (line.type === 'meta') meta = line;
    else if (line.type === 'table') {
      table = line.name;
      seen[table] = 0;
    } else if (line.type === 'row' && table) seen[table] += 1;
    else if (line.type === 'end') end = line;
  }
  if (!meta || !end) throw new BackupUnreadable('backup.cli.problems.incomplete');
  for (const [t, n] of Object.entries(end.counts))
    if (seen[t] !== n) throw new BackupUnreadable('backup.cli.problems.incompleteTable', { table: t });
  const known = knownMigrations();
  const unknown = meta.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new RestoreRefused({ key: 'backup.cli.problems.newerVersion', params: { migration: unknown[0] } });
  return { meta, counts: end.counts };
};

const BATCH_PARAMS = 20_000;

const insertBatch = async (db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> => {
  if (rows.length === 0) return;
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(
    rows.map((r) => sql`(${sql.join(r)})`),
  )}`.execute(db);
};

/**
 * Restores a backup into an empty target (DATA_DIR on SQLite, DATABASE_URL on PostgreSQL): the
 * whole file is checked first, then the schema is built up to the backup's migration, every row
 * goes in in one transaction (parents before children), the counts are compared, and the schema
 * is brought up to this version. A failure leaves no row behind.
 */
export const restoreBackup = async (
  deps: { config: Pick<Config, 'databaseUrl' | 'dataDir'> },
  file: string,
  opening: BackupOpening,
  principal: Principal,
): Promise<RestoreReport> => {
  assertSystem(principal, 'admin_cli');
  if (!fs.existsSync(file)) throw new BackupUnreadable('backup.cli.problems.noFile', { file });
  const { meta, counts } = await verify(file, opening);
  await assertEmptyTarget(deps.config);
  if (!deps.config.databaseUrl) fs.mkdirSync(deps.config.dataDir, { recursive: true, mode: 0o700 });
  const opened: OpenedDb = openDatabase(deps.config);
  const written: Record<string, number> = {};
  try {
    await migrateTo(opened.db, meta.migrations[meta.migrations.length - 1]);
    await opened.db.transaction().execute(async (tx) => {
      // Migrations may seed reference rows (authorities, templates); the backup holds them as
      // they were, so they are cleared first, children before parents.
      for (const t of [...Object.keys(counts)].reverse()) {
        const present = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(tx);
        if (Number(present.rows[0]?.n) > 0) await sql`DELETE FROM ${sql.table(t)}`.execute(tx);
      }
      let table = '';
      let columns: string[] = [];
      let batch: unknown[][] = [];
      const flush = async () => {
        await insertBatch(tx as unknown as Db, table, columns, batch);
        batch = [];
      };
      for await (const line of readLines(file, opening)) {
        if (line.type === 'table') {
          if (table) await flush();
          table = line.name;
          columns = line.columns;
          written[table] = 0;
        } else if (line.type === 'row') {
          batch.push(line.v.map(decodeValue));
          written[table] += 1;
          if ((batch.length + 1) * columns.length > BATCH_PARAMS) await flush();
        }
      }
      if (table) await flush();
      for (const [t, n] of Object.entries(counts)) {
        const got = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(tx);
        if (Number(got.rows[0]?.n) !== n)
          throw new BackupUnreadable('backup.cli.problems.rowsMissing', { table: t, rows: n });
      }
    });
    await migrateToLatest(opened.db);
    if (opened.dialect === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(opened.db);
  } catch (err) {
    await opened.close();
    // Nothing half-restored stays behind on SQLite; on PostgreSQL the rows were one transaction.
    if (!deps.config.databaseUrl)
      for (const f of ['kintrace.sqlite', 'kintrace.sqlite-wal', 'kintrace.sqlite-shm'])
        fs.rmSync(path.join(deps.config.dataDir, f), { force: true });
    throw err;
  }
  await opened.close();
  return {
    dialect: opened.dialect,
    fromDialect: meta.dialect,
    tables: Object.keys(written).length,
    rows: Object.values(written).reduce((a, b) => a + b, 0),
    counts: written,
  };
};

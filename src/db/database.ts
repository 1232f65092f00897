import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import type { Database } from './schema.ts';
import { describePgError, describeSqliteError, type DatabaseProblem } from './db-problems.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either the database or a transaction. */
export type Queryable = Db | Tx;
export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDb {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// pg returns BIGINT (count(*)) as a string; every count we take fits in a JS number.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * Every SQLite transaction begins IMMEDIATE: it takes the write lock at its start, so a second
 * process writing at the same moment makes it wait (busy_timeout) instead of failing at once with
 * "database is locked" when a transaction that read first tries to write. Inside one process
 * Kysely already runs one transaction at a time on SQLite's single connection, so nothing is lost.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

export const openSqlite = (file: string): OpenedDb => {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows must not linger in free pages of a seized file.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
};

export const openPostgres = (connectionString: string): OpenedDb => {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A PostgreSQL restart (or an administrator ending connections) makes idle clients fail; the
  // pool drops them and opens new ones on the next query. Unheard, the error would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  targets.set(db, { kind: 'postgres', url: connectionString });
  return { db, dialect: 'postgres', close: () => db.destroy() };
};

/** What each open database is, to name a connection failure for what it is (db-problems.ts). */
const targets = new WeakMap<object, { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string }>();

/** A clear, operator-facing problem for an error met on this database, or null for anything else. */
export const describeDatabaseError = (db: Db, err: unknown): DatabaseProblem | null => {
  const target = targets.get(db);
  if (!target) return null;
  return target.kind === 'postgres' ? describePgError(err, target.url) : describeSqliteError(err, target.file);
};

export const openDatabase = (opts: { databaseUrl: string | undefined; dataDir: string }): OpenedDb => {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const file = path.join(opts.dataDir, 'kintrace.sqlite');
  try {
    const opened = openSqlite(file);
    targets.set(opened.db, { kind: 'sqlite', file });
    return opened;
  } catch (err) {
    throw describeSqliteError(err, file) ?? err;
  }
};

import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describePgError, describeSqliteError, DatabaseNotMigrated } from '../db/db-problems.ts';

// A consistent snapshot of the whole database, read while the server keeps running. SQLite: one
// read transaction on a connection of its own (in WAL mode the server's writers go on; this
// reader sees the database as it was at its first read). PostgreSQL: one REPEATABLE READ, READ
// ONLY transaction (the same snapshot for every table), each table read through a server-side
// cursor a few hundred rows at a time — pg_dump is not needed, nor present on most machines.
// Nothing is written to disk here: rows go straight into the encrypted backup stream.
//
// Why not SQLite's online backup API (better-sqlite3's .backup()): it copies the file page by
// page to another file — an unencrypted copy of the whole database on disk, however briefly.

export type Row = unknown[];

export interface Snapshot {
  dialect: 'sqlite' | 'postgres';
  /** Kysely's record of the applied migrations, in order */
  migrations: string[];
  /** every table of the platform, parents before the tables whose foreign keys point at them */
  tables: string[];
  columns(table: string): Promise<string[]>;
  rows(table: string, columns: string[]): AsyncIterable<Row>;
  close(): Promise<void>;
}

const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Parents first: a table comes after every table its foreign keys point at. */
export const parentsFirst = (tables: string[], edges: Array<{ child: string; parent: string }>): string[] => {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`foreign keys form a cycle through ${t}`);
    state.set(t, 'visiting');
    for (const e of edges) if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent);
    state.set(t, 'done');
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t);
  return out;
};

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const openSqliteSnapshot = async (dataDir: string): Promise<Snapshot> => {
  const file = path.join(dataDir, 'kintrace.sqlite');
  if (!fs.existsSync(file)) throw new DatabaseNotMigrated({ key: 'backup.cli.problems.noDatabase', params: { file } });
  let raw: SQLite.Database;
  try {
    raw = new SQLite(file, { fileMustExist: true });
    raw.pragma('busy_timeout = 5000');
    // The snapshot starts at the first read below and holds for every table.
    raw.exec('BEGIN');
  } catch (err) {
    throw describeSqliteError(err, file) ?? err;
  }
  const tables = (
    raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
  ).filter((t) => !BOOKKEEPING.has(t));
  const hasMigrations = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get() !== undefined;
  const migrations = hasMigrations
    ? (raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[])
    : [];
  const edges = tables.flatMap((child) =>
    (raw.prepare(`PRAGMA foreign_key_list(${quote(child)})`).all() as Array<{ table: string }>).map((fk) => ({
      child,
      parent: fk.table,
    })),
  );
  return {
    dialect: 'sqlite',
    migrations,
    tables: parentsFirst(tables, edges),
    columns: async (table) =>
      (raw.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string; cid: number }>)
        .sort((a, b) => a.cid - b.cid)
        .map((c) => c.name),
    rows: async function* (table, columns) {
      const stmt = raw.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`).raw(true);
      for (const row of stmt.iterate()) yield row as Row;
    },
    close: async () => {
      raw.exec('COMMIT');
      raw.close();
    },
  };
};

export const openPostgresSnapshot = async (url: string): Promise<Snapshot> => {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (err) {
    await client.end().catch(() => {});
    throw describePgError(err, url) ?? err;
  }
  const tables = (
    await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
  ).rows
    .map((r) => r.table_name)
    .filter((t) => !BOOKKEEPING.has(t));
  const migrations = tables.length
    ? (
        await client
          .query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')
          .catch(() => ({ rows: [] as Array<{ name: string }> }))
      ).rows.map((r) => r.name)
    : [];
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT cl.relname AS child, pa.relname AS parent FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
  return {
    dialect: 'postgres',
    migrations,
    tables: parentsFirst(tables, edges),
    columns: async (table) =>
      (
        await client.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
          [table],
        )
      ).rows.map((r) => r.column_name),
    rows: async function* (table, columns) {
      await client.query(
        `DECLARE kt_backup NO SCROLL CURSOR FOR SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`,
      );
      try {
        for (;;) {
          const batch = await client.query({ text: 'FETCH 500 FROM kt_backup', rowMode: 'array' });
          if (batch.rows.length === 0) break;
          for (const row of batch.rows) yield row as Row;
        }
      } finally {
        await client.query('CLOSE kt_backup');
      }
    },
    close: async () => {
      await client.query('COMMIT').catch(() => {});
      await client.end();
    },
  };
};

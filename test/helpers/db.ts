import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type DialectName, type Db, type OpenedDb } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

// Integration tests run against both real engines: `describe.each(DIALECTS)` and
// `await freshDb(dialect)` give a migrated, empty database of that kind.

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

const createPgDatabase = async (): Promise<string> => {
  const base = inject('pgUrl');
  const name = `kt_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
};

/** A migrated empty database; SQLite in a file when `file` is given, else in memory. */
export const freshDb = async (dialect: DialectName, file?: string): Promise<OpenedDb> => {
  const opened = dialect === 'postgres' ? openPostgres(await createPgDatabase()) : openSqlite(file ?? ':memory:');
  await migrateToLatest(opened.db);
  return opened;
};

/** A connection string for a fresh, empty (unmigrated) PostgreSQL database. */
export const freshPgUrl = (): Promise<string> => createPgDatabase();

/** How many rows `table` holds now: what a test counts before and after a form that must store nothing. */
export const countRows = async (db: Db, table: keyof Database): Promise<number> =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

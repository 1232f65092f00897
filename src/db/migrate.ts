import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { describeDatabaseError, type Db } from './database.ts';
import { DatabaseNotMigrated } from './db-problems.ts';
import { Said } from '../shared/said.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Migrations are numbered TypeScript files (NNNN-name.ts), forward only, never edited once landed.
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => /^\d{4}-[a-z0-9-]+\.ts$/.test(f))
      .sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      out[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
    }
    return out;
  }
}

/** A migration that failed for a reason not named in db-problems.ts: its name and the database's own words. */
export class MigrationFailed extends Said {
  constructor(name: string | undefined, cause: string) {
    super('cli.database.migrationFailed', { name: name ?? '—', cause });
  }
}

/** A first statement, so a database that cannot be reached says so (db-problems.ts), not "migration failed". */
export const probeDatabase = async (db: Db): Promise<void> => {
  try {
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    throw describeDatabaseError(db, err) ?? err;
  }
};

/** Brings the schema up to date; throws (never exits 0) when any migration fails. */
export const migrateToLatest = async (db: Db): Promise<string[]> => {
  await probeDatabase(db);
  // Each domain numbers its migrations in its own range (0020s matching, 0030s appeals, 0040s the
  // registry, 0050s tips, 0060s cohorts once the 0020s were full, 0070s accounts once the 0000s were), and domains land in any order:
  // a database that already ran 0050 must still run a 0024 that landed after it. Ranges touch
  // their own tables, so the order between them is free.
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    // Not allowed to create tables, the connection lost midway: named for what it is.
    const problem = error ? describeDatabaseError(db, error) : null;
    if (problem) throw problem;
    throw new MigrationFailed(failed?.migrationName, error instanceof Error ? error.message : String(error ?? ''));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};

/** Brings an empty database to exactly `name` (a restore, before the backup's rows go in). */
export const migrateTo = async (db: Db, name: string): Promise<void> => {
  await probeDatabase(db);
  const { error, results } = await new Migrator({
    db,
    provider: new FolderProvider(),
    allowUnorderedMigrations: true,
  }).migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const problem = error ? describeDatabaseError(db, error) : null;
    if (problem) throw problem;
    throw new MigrationFailed(failed?.migrationName, error instanceof Error ? error.message : '');
  }
};

/** The migrations this code has, in order. */
export const knownMigrations = (): string[] =>
  fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.ts$/.test(f))
    .sort()
    .map((f) => f.replace(/\.ts$/, ''));

/**
 * For commands that read (stats, retention): the database must hold this code's schema. Reads
 * Kysely's own bookkeeping table, creating nothing; an empty database gets the way to set it up.
 */
export const assertMigrated = async (db: Db): Promise<void> => {
  await probeDatabase(db);
  let applied: string[];
  try {
    applied = (await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)).rows.map((r) => r.name);
  } catch {
    applied = [];
  }
  if (applied.length === 0) throw new DatabaseNotMigrated({ key: 'cli.database.notMigrated' });
  const missing = knownMigrations().filter((m) => !applied.includes(m));
  if (missing.length > 0)
    throw new DatabaseNotMigrated({
      key: 'cli.database.behind',
      params: { behind: missing.length, first: missing[0] },
    });
};

import { sql } from 'kysely';
import type { Db, DialectName } from '../../src/db/database.ts';

// Whether a request changed any watched table. The matrix used to read every watched table whole
// before and after each refused POST and compare: some 1,600 snapshots of 44 tables, half the
// matrix's time (58 of 116 s on a quiet machine). Triggers count each row inserted, deleted or
// actually changed instead (a write that leaves a row as it was, like SQLite's lock-taking
// `SET public_key = public_key`, is not a change), so a snapshot is one number. Test databases only.

const COUNTER = 'access_matrix_changes';

export const installChangeCounter = async (db: Db, dialect: DialectName, tables: readonly string[]): Promise<void> => {
  await sql.raw(`CREATE TABLE ${COUNTER} (n integer NOT NULL)`).execute(db);
  await sql.raw(`INSERT INTO ${COUNTER} (n) VALUES (0)`).execute(db);
  if (dialect === 'postgres') {
    await sql
      .raw(
        `CREATE FUNCTION ${COUNTER}_count() RETURNS trigger AS $$ BEGIN UPDATE ${COUNTER} SET n = n + 1; RETURN NULL; END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    for (const table of tables) {
      const run = `FOR EACH ROW EXECUTE FUNCTION ${COUNTER}_count()`;
      await sql.raw(`CREATE TRIGGER ${table}_amc_write AFTER INSERT OR DELETE ON ${table} ${run}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_amc_update AFTER UPDATE ON ${table} ${run.replace('FOR EACH ROW', 'FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)')}`,
        )
        .execute(db);
    }
    return;
  }
  const count = `BEGIN UPDATE ${COUNTER} SET n = n + 1; END`;
  for (const table of tables) {
    const columns = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)).rows;
    if (columns.length === 0) throw new Error(`no table ${table} to watch`);
    const changed = columns.map(({ name }) => `OLD."${name}" IS NOT NEW."${name}"`).join(' OR ');
    await sql.raw(`CREATE TRIGGER ${table}_amc_insert AFTER INSERT ON ${table} ${count}`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_amc_delete AFTER DELETE ON ${table} ${count}`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_amc_update AFTER UPDATE ON ${table} WHEN ${changed} ${count}`).execute(db);
  }
};

/** How many watched rows have been inserted, deleted or changed since the counter was installed. */
export const changeCount = async (db: Db): Promise<number> =>
  Number((await sql<{ n: number | string }>`SELECT n FROM ${sql.table(COUNTER)}`.execute(db)).rows[0].n);

import type { Kysely } from 'kysely';
import { nameColumns } from '../../registry/public-record.ts';

// The registry's search forgave no typo: «Кузнецв», «Алексеи», «Kuznecov» found nothing, and a
// mother read that as "he is not in the registry". Each record gets the name's matching keys, as
// the staff search's records have them (people/search-keys.ts nameMatchKeys): the surname without
// gender and by sound, the full given name, the father's name. The search's similar spellings are
// found by them (registry/similar-names.ts), through an index each, and they are computed here
// once from the name as published (which is never changed), a batch at a time.

const KEYS = ['surname_gl', 'surname_phon', 'given_canon', 'patronymic_gl'] as const;
const BATCH = 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column a statement: SQLite adds no more at once.
  for (const column of KEYS)
    await db.schema
      .alterTable('registry_records')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  for (const column of ['surname_gl', 'surname_phon', 'given_canon'] as const)
    await db.schema
      .createIndex(`registry_records_state_${column}`)
      .on('registry_records')
      .columns(['state', column])
      .execute();
  const k = db as unknown as Kysely<{
    registry_records: {
      id: string;
      seq: number;
      surname: string;
      given_name: string;
      patronymic: string | null;
    } & Record<(typeof KEYS)[number], string>;
  }>;
  for (let after = -1; ; ) {
    const rows = await k
      .selectFrom('registry_records')
      .select(['id', 'seq', 'surname', 'given_name', 'patronymic'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const { surname_gl, surname_phon, given_canon, patronymic_gl } = nameColumns(r);
      await k
        .updateTable('registry_records')
        .set({ surname_gl, surname_phon, given_canon, patronymic_gl })
        .where('id', '=', r.id)
        .execute();
    }
    after = Number(rows[rows.length - 1].seq);
  }
}

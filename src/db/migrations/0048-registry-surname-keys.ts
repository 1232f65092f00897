import type { Kysely } from 'kysely';
import { nameColumns } from '../../registry/public-record.ts';

// The registry's search ranks surname matches first: «Тарасов» found «Тарасович» (a patronymic)
// among the Тарасовы in publication order (QA walk 5). name_key holds every word of the name and
// cannot tell which is the surname, so each record gets surname_key: the surname's own words
// (Cyrillic and each Latin spelling), computed once here from the name as published.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('registry_records')
    .addColumn('surname_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const k = db as unknown as Kysely<{
    registry_records: {
      id: string;
      surname: string;
      given_name: string;
      patronymic: string | null;
      surname_key: string;
    };
  }>;
  const rows = await k.selectFrom('registry_records').select(['id', 'surname', 'given_name', 'patronymic']).execute();
  for (const r of rows) {
    const { surname_key } = nameColumns(r);
    await k.updateTable('registry_records').set({ surname_key }).where('id', '=', r.id).execute();
  }
}

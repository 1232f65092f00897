import type { Kysely } from 'kysely';
import { nameColumns } from '../../registry/public-record.ts';

// The registry's search words (name_key) read a Latin look-alike typed into a Cyrillic name as
// its Cyrillic letter («Иванoв» is «иванов») since people/names.ts searchKey learned to; a record
// published before kept the Latin letter in its words, and a search for «Иванов» missed it. Its
// words are computed again here, once, from the name as published (which is never changed).

export async function up(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<{
    registry_records: { id: string; surname: string; given_name: string; patronymic: string | null; name_key: string };
  }>;
  const rows = await k
    .selectFrom('registry_records')
    .select(['id', 'surname', 'given_name', 'patronymic', 'name_key'])
    .execute();
  for (const r of rows) {
    const { name_key } = nameColumns(r);
    if (name_key !== r.name_key)
      await k.updateTable('registry_records').set({ name_key }).where('id', '=', r.id).execute();
  }
}

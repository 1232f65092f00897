import { sql, type Kysely } from 'kysely';

// A double surname is found by either of its parts (QA walk 6: «Тарасов» did not find
// «Тарасов-ДЕМО»; a real «Петров-Водкин» would be missed the same way). Each record keeps the
// genderless key of its surname's first and last word (src/people/search-keys.ts). Records stored
// before get them from the matching job's rekeying pass (KEYS_VERSION 6), which every record with
// an older key version goes through; meanwhile they are found by their whole surname as before.
// Only the few records with a surname of several words have the keys: the indexes leave out the
// rest, so an import of single surnames pays nothing for them. They lead with the part, not the
// organisation: on a new database this runs before 0020 adds organisation_id, and the few records
// of one part's key are filtered by organisation from the table.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('surname_head_gl', 'text').execute();
  await db.schema.alterTable('persons').addColumn('surname_tail_gl', 'text').execute();
  for (const [name, column] of [
    ['persons_org_surname_head', 'surname_head_gl'],
    ['persons_org_surname_tail', 'surname_tail_gl'],
  ] as const)
    await db.schema.createIndex(name).on('persons').column(column).where(sql.ref(column), 'is not', null).execute();
}

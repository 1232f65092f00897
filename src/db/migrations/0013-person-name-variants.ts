import type { Kysely } from 'kysely';

// The one-edit neighbourhood of the names an organisation holds, for typo-tolerant name search
// (src/people/name-neighbours.ts): each distinct surname key (genderless) and full given name key
// of the organisation's person records, once with itself and once per form missing one letter.
// Only keys already stored on `persons` (surname_gl, given_canon), never a name as typed; a name
// goes when the organisation's last record bearing it does (retention included). The primary key
// is the lookup: organisation, kind, a typed word's form → names. Filled by the people domain on
// every write and, for records stored before, by the matching job's rekeying (KEYS_VERSION 3).
// Numbered in the first range, with the people domain's other tables.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_name_variants')
    .ifNotExists()
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    // 'surname' (a surname_gl) or 'given' (a given_canon)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_variants_pk', ['organisation_id', 'kind', 'variant', 'name'])
    .execute();
}

import type { Kysely } from 'kysely';

// A family or caseworker may correct a person's details, but the entered form of a name is
// never silently overwritten: the values a correction replaces are kept here, with who
// (family or a staff member) and when (a family's edit only to the day, like all her activity).
// Only clear fields: they are in clear on `persons` too. Deleted with the person (retention).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('birth_precision', 'text')
    .addColumn('region_code', 'text')
    .addColumn('unit_number', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('rank', 'text')
    .addColumn('service_category', 'text', (c) => c.notNull())
    .addColumn('replaced_by', 'text', (c) => c.notNull())
    .addColumn('replaced_by_user_id', 'text')
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_revisions_person').on('person_revisions').column('person_id').execute();
}

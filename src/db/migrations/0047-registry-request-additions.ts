import type { Kysely } from 'kysely';

// A relative adds to their removal or correction request with its receipt code (staff asked for
// a document or a question, or they remembered something), as a tip's sender adds to a tip. Each
// addition is sealed to the organisation's public key like the request's own words; in clear are
// only its place among the request's additions and its day. relative_wrote marks a request with
// words its staff have not opened yet (as tips.sender_wrote).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_request_additions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('registry_requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    // a day only, like the request's own
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_request_additions_request')
    .on('registry_request_additions')
    .columns(['request_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .alterTable('registry_requests')
    .addColumn('relative_wrote', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

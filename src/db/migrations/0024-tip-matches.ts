import type { Kysely } from 'kysely';

// Tips scored against an organisation's known persons (src/matching/tip-matches.service.ts).
// A tip's sender wrote about a person; the tip itself is sealed (src/tips/), and so is everything
// this table keeps about it: which known records it resembles, how much, why, the person as the
// sender described them, and what staff decided. In clear only the row's id, the organisation,
// the tip it is about, whether staff still have something to decide, and the day it was scored.
// A row exists only for a tip that resembled at least one known record (never which one).
// No foreign key to tips (their migration comes later in the order): purging a tip deletes its
// row in the same transaction (src/tips/tip-retention.service.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tip_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('tip_id', 'text', (c) => c.notNull().unique())
    // the row's own random key, sealed to the organisation's public key
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    // JSON { person, candidates: [{ personId, probability, explain, decision }] }, sealed with it
    .addColumn('content_sealed', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scored_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tip_matches_queue')
    .on('tip_matches')
    .columns(['organisation_id', 'state', 'scored_on'])
    .execute();
}

import type { Kysely } from 'kysely';

// A relative's removal or correction request gets a receipt code, as a tip does
// (src/shared/crypto/receipt-code.ts): with it, and without leaving any contact, they read the
// request's state and the staff's answer. Each request has its own random key, wrapped to the
// organisation (key_org_sealed) and under the code (key_code_sealed); the answer is sealed with
// it. In clear: the code's lookup id (random, it only finds the row), the state, the outcome
// (removed, corrected, refused) and the day of the answer. Requests sent before this migration
// have no code: their new columns stay null and nobody can read an answer to them.

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'lookup_id',
    'code_salt',
    'code_verifier',
    'key_code_sealed',
    'key_org_sealed',
    'outcome',
    'answer_sealed',
    'answered_on',
  ])
    await db.schema.alterTable('registry_requests').addColumn(column, 'text').execute();
  // Several nulls are allowed by a unique index on both SQLite and PostgreSQL.
  await db.schema
    .createIndex('registry_requests_lookup')
    .on('registry_requests')
    .column('lookup_id')
    .unique()
    .execute();
}

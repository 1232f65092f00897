import type { Kysely } from 'kysely';

// Anonymous tips (src/tips/, docs/threat-model.md §13). A tip has its own random key, stored only
// wrapped: to the chosen organisation's public key and under a key derived (Argon2id) from the
// receipt code the sender was shown once. Everything the sender or staff wrote is sealed with
// that key, the soldier's names included: a tip in clear would say "someone is talking about
// soldier Y". In clear: the organisation, the state, the lookup id of the receipt code (random,
// not secret: it only finds the row), days of receipt, activity and closing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('lookup_id', 'text', (c) => c.notNull().unique())
    .addColumn('code_salt', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('key_code_sealed', 'text', (c) => c.notNull())
    .addColumn('key_org_sealed', 'text', (c) => c.notNull())
    .addColumn('content_sealed', 'text', (c) => c.notNull())
    .addColumn('links_sealed', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('sender_wrote', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_unseen', 'integer', (c) => c.notNull().defaultTo(0))
    // Days only: when a witness wrote or came back is theirs, not the server's to keep.
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('last_activity_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .execute();
  await db.schema.createIndex('tips_org_state').on('tips').columns(['organisation_id', 'state']).execute();

  await db.schema
    .createTable('tip_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tip_id', 'text', (c) => c.notNull().references('tips.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_sender', 'integer', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    // a file the sender added with this post (src/evidence/, scope "tip:<id>"), sealed there
    .addColumn('file_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tip_posts_tip').on('tip_posts').columns(['tip_id', 'seq']).unique().execute();

  // The sender's visit: the cookie carries "<id>.<secret>"; the row keeps the SHA-256 of the id
  // and the tip key sealed under the secret, for at most an hour. Right after sending, it also
  // holds the receipt code sealed under the same secret until the receipt page has shown it once.
  await db.schema
    .createTable('tip_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('tip_id', 'text', (c) => c.notNull().references('tips.id'))
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('code_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tip_sessions_tip').on('tip_sessions').column('tip_id').execute();

  // Staff work on a tip is audited like work on a case; the entry names the tip, never content.
  await db.schema.alterTable('audit_log').addColumn('tip_id', 'text').execute();
}

import type { Kysely } from 'kysely';

// Accounts: organisations, users, their key wraps, sessions, recovery codes, invites and the
// per-account attempt counters. No e-mail, phone, IP address or user agent columns, on purpose.
// Secrets are stored only sealed (AES-256-GCM / X25519 envelopes) or as SHA-256 of a token.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // case-folded name, so two organisations cannot differ only by case
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('pseudonym_key', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('passphrase_salt', 'text', (c) => c.notNull())
    .addColumn('passphrase_verifier', 'text', (c) => c.notNull())
    // the X25519 private key sealed under the passphrase KEK
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    // the TOTP secret sealed to the user's own public key; null until 2FA is set up
    .addColumn('totp_secret_sealed', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute();

  await db.schema
    .createTable('organisation_key_wraps')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_key_wraps_pk', ['organisation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // the user's private key sealed under the secret that lives only in the cookie
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('second_factor_done', 'integer', (c) => c.notNull().defaultTo(0))
    // a TOTP secret being set up, sealed under the cookie secret until confirmed
    .addColumn('pending_totp_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    // the user's private key sealed under a key derived from the code
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // 'invite' (a new staff member) or 'reset' (a lost staff passphrase)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    // the organisation private key sealed under a key derived from the token
    .addColumn('org_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('attempt_counters')
    // "<purpose>:<sha256 of the account key>", the same for existing and unknown accounts
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

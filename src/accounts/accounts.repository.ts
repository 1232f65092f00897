import type { Queryable } from '../db/database.ts';
import { Conflict } from '../shared/errors.ts';
import type { Role } from '../policy/principal.ts';
import { pseudonymKey, type NewUserSecrets } from './account-keys.crypto.ts';

// Queries on the users table used by several accounts services. Other domains never call these.

export const findUserByPseudonym = (db: Queryable, pseudonym: string) =>
  db.selectFrom('users').selectAll().where('pseudonym_key', '=', pseudonymKey(pseudonym)).executeTakeFirst();

export const findUserById = (db: Queryable, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const pseudonymTaken = async (db: Queryable, pseudonym: string): Promise<boolean> =>
  !!(await db.selectFrom('users').select('id').where('pseudonym_key', '=', pseudonymKey(pseudonym)).executeTakeFirst());

/**
 * Inserts an account. The unique index on pseudonym_key is the real guard against two people
 * taking the same pseudonym at once; the check before it only gives the friendly error.
 */
export const insertUser = async (
  tx: Queryable,
  s: NewUserSecrets,
  input: { pseudonym: string; role: Role; organisationId: string | null; now: string },
): Promise<void> => {
  if (await pseudonymTaken(tx, input.pseudonym)) throw new Conflict('accounts.errors.pseudonymTaken');
  try {
    await tx
      .insertInto('users')
      .values({
        id: s.id,
        pseudonym: input.pseudonym,
        pseudonym_key: pseudonymKey(input.pseudonym),
        role: input.role,
        organisation_id: input.organisationId,
        public_key: s.keyPair.publicKey,
        passphrase_salt: s.salt,
        passphrase_verifier: s.verifier,
        private_key_sealed: s.privateKeySealed,
        totp_secret_sealed: null,
        totp_last_step: null,
        created_at: input.now,
      })
      .execute();
  } catch (err) {
    if (await pseudonymTaken(tx, input.pseudonym).catch(() => false))
      throw new Conflict('accounts.errors.pseudonymTaken');
    throw err;
  }
};

import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { RecoveryCodeRow, UserRow } from './accounts.table.ts';

// Queries on users and recovery codes; the rules (pseudonym folding, conflicts, who may do what)
// live in the services. Other domains never call these: they go through accounts.service.ts.

/** What the services read of an account: its facts and its sealed key material. */
const ACCOUNT_COLUMNS = [
  'id',
  'pseudonym',
  'role',
  'organisation_id',
  'public_key',
  'passphrase_salt',
  'passphrase_verifier',
  'private_key_sealed',
  'totp_secret_sealed',
  'totp_last_step',
  'disabled',
] as const;

export const findUserById = (db: Queryable, id: string) =>
  db.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();

export const findUserByPseudonymKey = (db: Queryable, pseudonymKey: string) =>
  db.selectFrom('users').select(ACCOUNT_COLUMNS).where('pseudonym_key', '=', pseudonymKey).executeTakeFirst();

export const pseudonymKeyTaken = async (db: Queryable, pseudonymKey: string): Promise<boolean> =>
  !!(await db.selectFrom('users').select('id').where('pseudonym_key', '=', pseudonymKey).executeTakeFirst());

export const insertUser = async (db: Queryable, row: Insertable<UserRow>): Promise<void> => {
  await db.insertInto('users').values(row).execute();
};

type UserPatch = Pick<
  Updateable<UserRow>,
  | 'public_key'
  | 'passphrase_salt'
  | 'passphrase_verifier'
  | 'private_key_sealed'
  | 'totp_secret_sealed'
  | 'totp_last_step'
  | 'disabled'
  | 'last_login_on'
>;

export const updateUser = async (db: Queryable, id: string, patch: UserPatch): Promise<void> => {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
};

/**
 * Records the time step of an accepted code only if it is later than the last one; false when
 * it was not. One statement, so two requests racing with one code accept it at most once.
 */
export const advanceTotpStep = async (db: Queryable, id: string, step: number): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const findUserPublicKey = (db: Queryable, id: string) =>
  db.selectFrom('users').select('public_key').where('id', '=', id).executeTakeFirst();

/**
 * Staff accounts of an organisation that are not disabled, by pseudonym, each with whether it has
 * a second factor: only that yes or no leaves the query, never the sealed secret.
 */
export const listActiveStaff = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('users')
    .select(['id', 'pseudonym', 'role'])
    .select(sql<number>`case when totp_secret_sealed is null then 0 else 1 end`.as('has_totp'))
    .where('organisation_id', '=', organisationId)
    .where('role', '!=', 'family')
    .where('disabled', '=', 0)
    .orderBy('pseudonym')
    .execute();

/** Every staff account the organisation has had, removed ones too (their pseudonyms stay reserved). */
export const listStaffEver = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('users')
    .select(['id', 'pseudonym'])
    .where('organisation_id', '=', organisationId)
    .where('role', '!=', 'family')
    .execute();

export const countAllUsers = async (db: Queryable): Promise<number> => {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

export const countUsersWithRole = async (db: Queryable, role: string): Promise<number> => {
  const row = await db
    .selectFrom('users')
    .where('role', '=', role)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

// An account that never logged in counts from its creation day.
const idleSince = sql<string>`coalesce(last_login_on, substr(created_at, 1, 10))`;

export const listIdleFamilyAccounts = async (db: Queryable, cutoffDay: string): Promise<string[]> =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'family')
      .where(idleSince, '<=', cutoffDay)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);

/** Only while the account is still idle (a login in between keeps it); true when it was deleted. */
export const deleteFamilyAccountIfIdle = async (db: Queryable, id: string, cutoffDay: string): Promise<boolean> => {
  const r = await db
    .deleteFrom('users')
    .where('id', '=', id)
    .where('role', '=', 'family')
    .where(idleSince, '<=', cutoffDay)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
};

/** Deletes a family account (its sessions and recovery codes go by cascade). True when it went. */
export const deleteFamilyAccountRow = async (db: Queryable, id: string): Promise<boolean> =>
  Number(
    (await db.deleteFrom('users').where('id', '=', id).where('role', '=', 'family').executeTakeFirst()).numDeletedRows,
  ) === 1;

export const insertRecoveryCodes = async (db: Queryable, rows: RecoveryCodeRow[]): Promise<void> => {
  await db.insertInto('recovery_codes').values(rows).execute();
};

export const deleteRecoveryCodesOfUser = async (db: Queryable, userId: string): Promise<void> => {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
};

export const findRecoveryCode = (db: Queryable, userId: string, codeHash: string) =>
  db
    .selectFrom('recovery_codes')
    .select(['id', 'key_sealed'])
    .where('code_hash', '=', codeHash)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** False when the code was already used (deleted) by another request. */
export const deleteRecoveryCode = async (db: Queryable, id: string): Promise<boolean> =>
  Number((await db.deleteFrom('recovery_codes').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;

export const countRecoveryCodes = async (db: Queryable, userId: string): Promise<number> => {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

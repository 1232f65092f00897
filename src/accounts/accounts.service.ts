import { PostgresAdapter, sql } from 'kysely';
import type { Db, Queryable, Tx } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { generateKeyPair, openWith, sealTo, type KeyPair } from '../shared/crypto/index.ts';
import type { AccountFacts } from '../policy/organisation.policy.ts';
import type { AuthContext, Role, StaffRole } from '../policy/principal.ts';
import { findUserById } from './accounts.repository.ts';
import { aad, newId, organisationNameKey } from './account-keys.crypto.ts';

// What other domains may ask of accounts (see docs/dev/coordination.md), plus the organisation
// rules shared by the web routes, the CLI and the test factories.

export const organisationPublicKey = async (db: Queryable, orgId: string): Promise<string> => {
  const row = await db.selectFrom('organisations').select('public_key').where('id', '=', orgId).executeTakeFirst();
  if (!row) throw new NotFound('organisation');
  return row.public_key;
};

/**
 * Holds the organisation row until the transaction ends and returns its current public key.
 * Everything that seals to the organisation key or hands it out (opening a case, issuing or
 * accepting a link) takes `share`; a key rotation takes `update`. So a case opened during a
 * rotation waits for it and seals to the new key, instead of being sealed to the old one only.
 * SQLite has one writer at a time: a no-op write takes that lock at once, so what the
 * transaction reads next is current rather than a snapshot a rotation may since have replaced.
 */
export const lockOrganisation = async (tx: Tx, orgId: string, mode: 'share' | 'update'): Promise<string> => {
  const read = tx.selectFrom('organisations').select('public_key').where('id', '=', orgId);
  let row: { public_key: string } | undefined;
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    row = await (mode === 'update' ? read.forUpdate() : read.forShare()).executeTakeFirst();
  } else {
    await tx.updateTable('organisations').set({ public_key: sql`public_key` }).where('id', '=', orgId).execute();
    row = await read.executeTakeFirst();
  }
  if (!row) throw new NotFound('organisation');
  return row.public_key;
};

/**
 * The organisation private key of the staff member's organisation, unwrapped with the private
 * key that this request recovered from the session cookie. Never stored in clear anywhere.
 */
export const organisationPrivateKey = async (
  db: Queryable,
  auth: AuthContext,
  orgId: string | null = auth.organisationId,
): Promise<Buffer> => {
  if (!orgId) throw new NotFound('organisation');
  const row = await db
    .selectFrom('organisation_key_wraps')
    .select('wrapped')
    .where('organisation_id', '=', orgId)
    .where('user_id', '=', auth.userId)
    .executeTakeFirst();
  if (!row) throw new NotFound('organisation key');
  return openWith(auth.userPrivateKey, row.wrapped, aad.orgWrap(orgId, auth.userId));
};

/** What the policy needs to decide about an account (src/policy/organisation.policy.ts), and its name. */
export const accountFacts = async (
  db: Queryable,
  userId: string,
): Promise<(AccountFacts & { pseudonym: string }) | undefined> => {
  const u = await findUserById(db, userId);
  return (
    u && {
      id: u.id,
      role: u.role as Role,
      organisationId: u.organisation_id,
      disabled: u.disabled === 1,
      pseudonym: u.pseudonym,
    }
  );
};

export const userPublicKey = async (db: Queryable, userId: string): Promise<string> => {
  const row = await db.selectFrom('users').select('public_key').where('id', '=', userId).executeTakeFirst();
  if (!row) throw new NotFound('user');
  return row.public_key;
};

export const listOrganisations = async (db: Queryable): Promise<Array<{ id: string; name: string }>> =>
  db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();

export const staffOfOrganisation = async (
  db: Queryable,
  orgId: string,
): Promise<Array<{ id: string; pseudonym: string; role: StaffRole }>> => {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'pseudonym', 'role'])
    .where('organisation_id', '=', orgId)
    .where('role', '!=', 'family')
    .where('disabled', '=', 0)
    .orderBy('pseudonym')
    .execute();
  return rows.map((r) => ({ id: r.id, pseudonym: r.pseudonym, role: r.role as StaffRole }));
};

/** Organisations whose key this user holds (a site admin may hold several). */
export const organisationsOfUser = async (
  db: Queryable,
  userId: string,
): Promise<Array<{ id: string; name: string }>> =>
  db
    .selectFrom('organisation_key_wraps')
    .innerJoin('organisations', 'organisations.id', 'organisation_key_wraps.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('organisation_key_wraps.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();

/** Seals the organisation private key to a user's public key. */
export const wrapOrganisationKeyFor = async (
  tx: Queryable,
  orgId: string,
  orgPrivateKey: Buffer,
  user: { id: string; publicKey: string },
  clock: Clock,
): Promise<void> => {
  await tx
    .deleteFrom('organisation_key_wraps')
    .where('organisation_id', '=', orgId)
    .where('user_id', '=', user.id)
    .execute();
  await tx
    .insertInto('organisation_key_wraps')
    .values({
      organisation_id: orgId,
      user_id: user.id,
      wrapped: sealTo(user.publicKey, orgPrivateKey, aad.orgWrap(orgId, user.id)),
      created_at: clock.now().toISOString(),
    })
    .execute();
};

export const organisationNameTaken = async (db: Queryable, name: string): Promise<boolean> =>
  !!(await db
    .selectFrom('organisations')
    .select('id')
    .where('name_key', '=', organisationNameKey(name))
    .executeTakeFirst());

/**
 * Creates an organisation and its key pair; the private key is sealed at once to `holder` (the
 * creating administrator) and handed back to the caller only so it can also be sealed into the
 * first admin's invite. It never reaches the database in clear.
 */
export const insertOrganisation = async (
  tx: Queryable,
  input: { name: string; holder: { id: string; publicKey: string } | null; clock: Clock },
): Promise<{ id: string; name: string; keyPair: KeyPair }> => {
  if (await organisationNameTaken(tx, input.name)) throw new Conflict('accounts.errors.organisationTaken');
  const id = newId();
  const keyPair = generateKeyPair();
  await tx
    .insertInto('organisations')
    .values({
      id,
      name: input.name,
      name_key: organisationNameKey(input.name),
      public_key: keyPair.publicKey,
      created_at: input.clock.now().toISOString(),
    })
    .execute();
  if (input.holder) await wrapOrganisationKeyFor(tx, id, keyPair.privateKey, input.holder, input.clock);
  return { id, name: input.name, keyPair };
};

export const countUsers = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** Site administrators: the first-run link is for a deployment without one (families may register first). */
export const countSiteAdmins = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('users')
    .where('role', '=', 'site_admin')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

// Retention (docs/retention.md, run by src/cases/retention.service.ts): a family account that
// has not logged in since `cutoffDay` and has no case left is deleted with its key material.
// An account that never logged in counts from its creation day.
const idleSince = sql<string>`coalesce(last_login_on, substr(created_at, 1, 10))`;

/** Family accounts with no login after `cutoffDay`; the caller checks they have no case. */
export const idleFamilyAccounts = async (db: Queryable, cutoffDay: string): Promise<string[]> =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'family')
      .where(idleSince, '<=', cutoffDay)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);

/**
 * Deletes a family account if it is still idle (a login in between keeps it); its sessions and
 * recovery codes go with it (foreign keys cascade). True when it was deleted.
 */
export const deleteIdleFamilyAccount = async (tx: Queryable, userId: string, cutoffDay: string): Promise<boolean> => {
  const r = await tx
    .deleteFrom('users')
    .where('id', '=', userId)
    .where('role', '=', 'family')
    .where(idleSince, '<=', cutoffDay)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
};

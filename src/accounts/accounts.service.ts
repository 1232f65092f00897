import type { Db, Queryable, Tx } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { generateKeyPair, openWith, sealTo, type KeyPair } from '../shared/crypto/index.ts';
import type { AccountFacts } from '../policy/organisation.policy.ts';
import type { AuthContext, Role, StaffRole } from '../policy/principal.ts';
import {
  countAllUsers,
  countUsersWithRole,
  deleteFamilyAccountIfIdle,
  findUserById,
  findUserPublicKey,
  insertUser,
  listActiveStaff,
  listStaffEver,
  listIdleFamilyAccounts,
  pseudonymKeyTaken,
} from './accounts.repository.ts';
import {
  deleteOrganisationWrap,
  findOrganisationPublicKey,
  findOrganisationWrap,
  insertOrganisationRow,
  insertOrganisationWrap,
  listOrganisationNames,
  listOrganisationsHeldBy,
  lockOrganisationRow,
  organisationNameKeyTaken,
  findOrganisationName,
} from './organisations.repository.ts';
import { aad, newId, organisationNameKey, pseudonymKey, type NewUserSecrets } from './account-keys.crypto.ts';

// What other domains may ask of accounts (see docs/dev/coordination.md), plus the account and
// organisation rules shared by the web routes, the CLI and the test factories.

export const organisationPublicKey = async (db: Queryable, orgId: string): Promise<string> => {
  const row = await findOrganisationPublicKey(db, orgId);
  if (!row) throw new NotFound('organisation');
  return row.public_key;
};

/**
 * Holds the organisation row until the transaction ends and returns its current public key.
 * Everything that seals to the organisation key or hands it out (opening a case, issuing or
 * accepting a link) takes `share`; a key rotation takes `update`. So a case opened during a
 * rotation waits for it and seals to the new key, instead of being sealed to the old one only.
 * (On SQLite the lock is the single writer's: see lockOrganisationRow.)
 */
export const lockOrganisation = async (tx: Tx, orgId: string, mode: 'share' | 'update'): Promise<string> => {
  const row = await lockOrganisationRow(tx, orgId, mode);
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
  const row = await findOrganisationWrap(db, orgId, auth.userId);
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

/**
 * A name folded as pseudonyms are compared (case, Unicode form, Latin letters that look like
 * Cyrillic ones, separators): for a domain that must tell whether a name others will read is, or
 * holds, a login pseudonym (a family's name on a cohort board).
 */
export const foldedName = (name: string): string => pseudonymKey(name);

export const userPublicKey = async (db: Queryable, userId: string): Promise<string> => {
  const row = await findUserPublicKey(db, userId);
  if (!row) throw new NotFound('user');
  return row.public_key;
};

export const listOrganisations = async (db: Queryable): Promise<Array<{ id: string; name: string }>> =>
  listOrganisationNames(db);

/** One organisation's name (undefined: no such organisation). */
export const organisationName = (db: Queryable, id: string): Promise<string | undefined> =>
  findOrganisationName(db, id);

/** Active staff of an organisation; twoFactorSet: whether they have set up their second factor. */
export const staffOfOrganisation = async (
  db: Queryable,
  orgId: string,
): Promise<Array<{ id: string; pseudonym: string; role: StaffRole; twoFactorSet: boolean }>> => {
  const rows = await listActiveStaff(db, orgId);
  // Number(): SQLite gives 0/1, PostgreSQL may give the integer as a string.
  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    role: r.role as StaffRole,
    twoFactorSet: Number(r.has_totp) === 1,
  }));
};

/**
 * The pseudonyms of every staff account the organisation has had, removed ones included: its
 * audit log names who did what, and an entry of a removed member lost its name (QA walk 7).
 */
export const staffNamesEver = async (db: Queryable, orgId: string): Promise<Map<string, string>> =>
  new Map((await listStaffEver(db, orgId)).map((r) => [r.id, r.pseudonym]));

/** Organisations whose key this user holds (a site admin may hold several). */
export const organisationsOfUser = async (
  db: Queryable,
  userId: string,
): Promise<Array<{ id: string; name: string }>> => listOrganisationsHeldBy(db, userId);

/** Seals the organisation private key to a user's public key. */
export const wrapOrganisationKeyFor = async (
  tx: Queryable,
  orgId: string,
  orgPrivateKey: Buffer,
  user: { id: string; publicKey: string },
  clock: Clock,
): Promise<void> => {
  await deleteOrganisationWrap(tx, orgId, user.id);
  await insertOrganisationWrap(tx, {
    organisation_id: orgId,
    user_id: user.id,
    wrapped: sealTo(user.publicKey, orgPrivateKey, aad.orgWrap(orgId, user.id)),
    created_at: clock.now().toISOString(),
  });
};

export const organisationNameTaken = async (db: Queryable, name: string): Promise<boolean> =>
  organisationNameKeyTaken(db, organisationNameKey(name));

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
  await insertOrganisationRow(tx, {
    id,
    name: input.name,
    name_key: organisationNameKey(input.name),
    public_key: keyPair.publicKey,
    created_at: input.clock.now().toISOString(),
  });
  if (input.holder) await wrapOrganisationKeyFor(tx, id, keyPair.privateKey, input.holder, input.clock);
  return { id, name: input.name, keyPair };
};

export const countUsers = (db: Db): Promise<number> => countAllUsers(db);

/** Site administrators: the first-run link is for a deployment without one (families may register first). */
export const countSiteAdmins = (db: Db): Promise<number> => countUsersWithRole(db, 'site_admin');

/**
 * Inserts an account. The unique index on pseudonym_key is the real guard against two people
 * taking the same pseudonym at once; the check before it only gives the friendly error.
 */
export const createUser = async (
  tx: Queryable,
  s: NewUserSecrets,
  input: { pseudonym: string; role: Role; organisationId: string | null; now: string },
): Promise<void> => {
  const key = pseudonymKey(input.pseudonym);
  if (await pseudonymKeyTaken(tx, key)) throw new Conflict('accounts.errors.pseudonymTaken');
  try {
    await insertUser(tx, {
      id: s.id,
      pseudonym: input.pseudonym,
      pseudonym_key: key,
      role: input.role,
      organisation_id: input.organisationId,
      public_key: s.keyPair.publicKey,
      passphrase_salt: s.salt,
      passphrase_verifier: s.verifier,
      private_key_sealed: s.privateKeySealed,
      totp_secret_sealed: null,
      totp_last_step: null,
      created_at: input.now,
    });
  } catch (err) {
    if (await pseudonymKeyTaken(tx, key).catch(() => false)) throw new Conflict('accounts.errors.pseudonymTaken');
    throw err;
  }
};

// Retention (docs/retention.md, run by src/cases/retention.service.ts): a family account that
// has not logged in since `cutoffDay` and has no case left is deleted with its key material.
// An account that never logged in counts from its creation day.

/** Family accounts with no login after `cutoffDay`; the caller checks they have no case. */
export const idleFamilyAccounts = (db: Queryable, cutoffDay: string): Promise<string[]> =>
  listIdleFamilyAccounts(db, cutoffDay);

/**
 * Deletes a family account if it is still idle (a login in between keeps it); its sessions and
 * recovery codes go with it (foreign keys cascade). True when it was deleted.
 */
export const deleteIdleFamilyAccount = (tx: Queryable, userId: string, cutoffDay: string): Promise<boolean> =>
  deleteFamilyAccountIfIdle(tx, userId, cutoffDay);

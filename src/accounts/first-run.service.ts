import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { HOUR, type Clock } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { hashToken, randomToken, verifierMatches } from '../shared/crypto/index.ts';
import { countSiteAdmins } from './accounts.service.ts';
import { createSiteAdmin } from './staff.service.ts';
import { createSession } from './sessions.service.ts';
import { deleteSetupToken, findSetupToken, replaceSetupToken } from './first-run.repository.ts';

// On an empty deployment `npm start` prints a one-time link to create the first administrator
// (and the equivalent CLI command: accounts.cli.ts firstRunLines). Only the SHA-256 of the token is kept, in the meta table;
// each start replaces it, it expires after a day, and it stops working once a site administrator exists.
// Families registering first must not be able to block the web setup.

const SETUP_TTL_MS = 24 * HOUR;

interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** A new one-time setup link (replacing any earlier one), or null once a site administrator exists. */
export const issueSetupLink = async (deps: Deps): Promise<string | null> => {
  if ((await countSiteAdmins(deps.db)) > 0) return null;
  const token = randomToken(32);
  const value = JSON.stringify({
    hash: hashToken(token),
    expiresAt: new Date(deps.clock.now().getTime() + SETUP_TTL_MS).toISOString(),
  });
  await replaceSetupToken(deps.db, value);
  return `${deps.config.publicUrl}/setup/${token}`;
};

/** Throws NotFound unless the token is the current, unexpired one and no site administrator exists yet. */
export const checkSetupToken = async (deps: Deps, token: string): Promise<void> => {
  const stored = await findSetupToken(deps.db);
  if (stored === undefined || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFound('setup');
  const { hash, expiresAt } = JSON.parse(stored) as { hash: string; expiresAt: string };
  if (
    !verifierMatches(hash, hashToken(token)) ||
    expiresAt <= deps.clock.now().toISOString() ||
    (await countSiteAdmins(deps.db)) > 0
  )
    throw new NotFound('setup');
};

export const completeSetup = async (
  deps: Deps,
  token: string,
  input: { pseudonym: string; passphrase: string; organisation?: string },
): Promise<{ cookie: string }> => {
  await checkSetupToken(deps, token);
  // Deleting the row first makes the link single-use even if two requests race.
  if (!(await deleteSetupToken(deps.db))) throw new NotFound('setup');
  const admin = await createSiteAdmin(deps, {
    pseudonym: input.pseudonym,
    passphrase: input.passphrase,
    organisationName: input.organisation,
  });
  const { cookie } = await createSession(deps.db, {
    userId: admin.userId,
    privateKey: admin.privateKey,
    secondFactorDone: false,
    clock: deps.clock,
  });
  return { cookie };
};

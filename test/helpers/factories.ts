import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { ManualClock, systemClock, type Clock } from '../../src/shared/clock.ts';
import { randomToken, type KeyPair } from '../../src/shared/crypto/index.ts';
import type { AuthContext, StaffRole } from '../../src/policy/principal.ts';
import { provisionAccount, provisionOrganisation } from '../../src/accounts/provision.service.ts';
import { createSession, SESSION_COOKIE } from '../../src/accounts/sessions.service.ts';
import { timeStep, totpCode } from '../../src/accounts/totp.crypto.ts';

// Test data straight into the database, with real keys, so tests of other domains start from a
// logged-in user without going through the pages. Every account gets a real session too.

export type Cookies = Record<string, string>;

export interface TestOrganisation {
  id: string;
  name: string;
  publicKey: string;
  privateKey: Buffer;
  keys: KeyPair;
}

export interface TestUser {
  id: string;
  pseudonym: string;
  passphrase: string;
  /** base32 TOTP secret (staff only; families have none) */
  totpSecret: string | null;
  auth: AuthContext;
  /** cookies for app.inject() carrying a session that has passed 2FA */
  cookies: Cookies;
}

let counter = 0;
// Letters and digits only: a base64url token's "_" or "-" made a login that no board name may
// hold, and the board-name test that types the login as a name failed one run in twenty.
const uniqueName = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${randomToken(3).replace(/[-_]/g, 'x')}`;

const config = () => loadConfig();

export const createOrganisation = async (
  db: Db,
  opts: { name?: string; clock?: Clock } = {},
): Promise<TestOrganisation> => {
  const org = await provisionOrganisation(
    { db, config: config(), clock: opts.clock ?? systemClock },
    opts.name ?? uniqueName('Org '),
  );
  return {
    id: org.id,
    name: org.name,
    publicKey: org.keyPair.publicKey,
    privateKey: org.keyPair.privateKey,
    keys: org.keyPair,
  };
};

const createAccount = async (
  db: Db,
  opts: { pseudonym: string; role: AuthContext['role']; org: TestOrganisation | null; withTotp: boolean; clock: Clock },
): Promise<TestUser> => {
  const passphrase = `test passphrase ${randomToken(9)}`;
  const made = await provisionAccount(
    { db, config: config(), clock: opts.clock },
    { pseudonym: opts.pseudonym, passphrase, role: opts.role, organisation: opts.org, withTotp: opts.withTotp },
  );
  const { cookie, handle } = await createSession(db, {
    userId: made.userId,
    privateKey: made.privateKey,
    secondFactorDone: true,
    clock: opts.clock,
  });
  return {
    id: made.userId,
    pseudonym: opts.pseudonym,
    passphrase,
    totpSecret: made.totpSecret,
    auth: {
      userId: made.userId,
      pseudonym: opts.pseudonym,
      role: opts.role,
      organisationId: opts.org?.id ?? null,
      secondFactorDone: true,
      totpEnabled: made.totpSecret !== null,
      sessionId: handle.idHash,
      userPrivateKey: made.privateKey,
    },
    cookies: { [SESSION_COOKIE]: cookie },
  };
};

export const createFamily = (db: Db, opts: { pseudonym?: string; clock?: Clock } = {}): Promise<TestUser> =>
  createAccount(db, {
    pseudonym: opts.pseudonym ?? uniqueName('family'),
    role: 'family',
    org: null,
    withTotp: false,
    clock: opts.clock ?? systemClock,
  });

export const createStaff = (
  db: Db,
  org: TestOrganisation,
  role: StaffRole,
  opts: { pseudonym?: string; clock?: Clock } = {},
): Promise<TestUser> =>
  createAccount(db, {
    pseudonym: opts.pseudonym ?? uniqueName(role),
    role,
    org,
    withTotp: true,
    clock: opts.clock ?? systemClock,
  });

/** A site administrator outside any organisation (with TOTP set up). */
export const createSiteAdmin = (
  db: Db,
  opts: { pseudonym?: string; clock?: Clock; org?: TestOrganisation } = {},
): Promise<TestUser> =>
  createAccount(db, {
    pseudonym: opts.pseudonym ?? uniqueName('admin'),
    role: 'site_admin',
    org: opts.org ?? null,
    withTotp: true,
    clock: opts.clock ?? systemClock,
  });

// ---- driving the real pages -------------------------------------------------------------

const mergeCookies = (jar: Cookies, res: { cookies: Array<{ name: string; value: string }> }): Cookies => {
  const out = { ...jar };
  for (const c of res.cookies) {
    if (c.value === '') delete out[c.name];
    else out[c.name] = c.value;
  }
  return out;
};

/** GETs a page and returns its CSRF token (from the first `_csrf` field) and the updated cookies. */
export const formToken = async (
  app: FastifyInstance,
  url: string,
  cookies: Cookies = {},
): Promise<{ token: string; cookies: Cookies }> => {
  const res = await app.inject({ method: 'GET', url, cookies });
  const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (!m) throw new Error(`no CSRF token on ${url} (status ${res.statusCode})`);
  return { token: m[1], cookies: mergeCookies(cookies, res) };
};

/** Submits a form like a browser without JavaScript: GET the page for its token, then POST. */
export const submitForm = async (
  app: FastifyInstance,
  pageUrl: string,
  fields: Record<string, string>,
  cookies: Cookies = {},
  actionUrl = pageUrl,
) => {
  const { token, cookies: jar } = await formToken(app, pageUrl, cookies);
  const res = await app.inject({
    method: 'POST',
    url: actionUrl,
    cookies: jar,
    payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { res, cookies: mergeCookies(jar, res) };
};

/**
 * Logs in through the real pages and returns cookies for inject(). With a TOTP secret it also
 * passes the second factor; a code is accepted once, so on a ManualClock it moves time on by
 * one step when the current step was already used.
 */
export const login = async (
  app: FastifyInstance,
  pseudonym: string,
  passphrase: string,
  totpSecret?: string | null,
): Promise<Cookies> => {
  const first = await submitForm(app, '/login', { pseudonym, passphrase });
  if (first.res.statusCode !== 303) throw new Error(`login failed with ${first.res.statusCode}`);
  const next = String(first.res.headers.location);
  if (next !== '/login/2fa') return first.cookies;
  if (!totpSecret) throw new Error('this account needs a TOTP code');
  const { clock, db } = app.deps;
  const user = await db
    .selectFrom('users')
    .select('totp_last_step')
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirst();
  if (clock instanceof ManualClock && user?.totp_last_step != null && user.totp_last_step >= timeStep(clock.now())) {
    clock.advance((user.totp_last_step - timeStep(clock.now()) + 1) * 30_000);
  }
  const second = await submitForm(app, '/login/2fa', { code: totpCode(totpSecret, clock.now()) }, first.cookies);
  if (second.res.statusCode !== 303) throw new Error(`second factor failed with ${second.res.statusCode}`);
  return second.cookies;
};

import type { AccessWorld, Who } from './world.ts';

// How a domain declares its routes to the access matrix: one spec per route (as registered in
// Fastify: method and pattern), how to make a concrete request for one principal, and what each
// principal must get. The matrix (matrix.test.ts) fails on any registered route no spec declares.

/**
 * allow: reached the route's own logic (any answer below 500 but 404 and the log-in paths);
 * deny: 404, exactly as for something that does not exist; login: sent to log in (303 to /login,
 * or for a form the 401 "session ended" page), nothing done; notFound: 404 for everyone (links
 * with a bad token).
 */
export type Outcome = 'allow' | 'deny' | 'login' | 'notFound';

export interface AccessRequest {
  url: string;
  /** a form body (POST only); the CSRF token is added by the matrix */
  fields?: Record<string, string>;
  /** use a fresh session of the same account (the request ends the session it is made with) */
  freshSession?: boolean;
}

export interface RouteSpec {
  method: 'GET' | 'POST';
  route: string;
  request: (w: AccessWorld, who: Who) => Promise<AccessRequest> | AccessRequest;
  outcome: (who: Who) => Outcome;
}

// A tip sender holds no account: account pages send them to log in, as anyone without one.
export const LOGGED_OUT: readonly Who[] = ['anonymous', 'staffWithout2fa', 'tipSender'];

/** Only these principals; those not fully logged in are sent to log in, the rest get 404. */
export const only =
  (...allowed: Who[]) =>
  (who: Who): Outcome =>
    allowed.includes(who) ? 'allow' : LOGGED_OUT.includes(who) ? 'login' : 'deny';

/** Everyone, logged in or not. */
export const everyone = (): Outcome => 'allow';

/** Every fully logged-in account. */
export const anyAccount = (who: Who): Outcome => (LOGGED_OUT.includes(who) ? 'login' : 'allow');

export const FAMILY: Who[] = ['owner'];
export const CASE_STAFF: Who[] = ['caseworker', 'verifier', 'orgAdmin', 'siteAdminInOrg'];
export const ORG_ADMINS: Who[] = ['orgAdmin', 'siteAdminInOrg'];
export const SITE_ADMINS: Who[] = ['siteAdmin', 'siteAdminInOrg'];

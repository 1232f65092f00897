import type { FastifyRequest } from 'fastify';
import { NotFound, Unauthenticated } from '../shared/errors.ts';
import { principalOf, type AuthContext, type Principal } from '../policy/principal.ts';

// Request guards: who is logged in, not what they may do (that is src/policy/). Unauthenticated
// sends the browser to /login; /login itself forwards a staff member who has passed the
// passphrase but not the second factor to the 2FA step or setup. A wrong kind of account answers
// NotFound, so a page's existence is not revealed.

/** Anyone fully logged in: a staff member must have passed (or first set up) TOTP. */
export const requireUser = (req: FastifyRequest): AuthContext => {
  const auth = req.auth;
  if (!auth?.secondFactorDone) throw new Unauthenticated();
  return auth;
};

/** The principal of a fully logged-in request (for the policy), or a redirect to /login. */
export const requirePrincipal = (req: FastifyRequest): Principal => principalOf(requireUser(req));

/** A logged-in family account (families' own pages); anyone else gets "not found". */
export const requireFamily = (req: FastifyRequest): AuthContext => {
  const auth = requireUser(req);
  if (auth.role !== 'family') throw new NotFound();
  return auth;
};

/**
 * A logged-in staff member, for staff pages: families get "not found", and staff who have not
 * passed their second factor go to it. What they may do there is the policy's question.
 */
export const requireStaff = (req: FastifyRequest): AuthContext => {
  const auth = req.auth;
  if (!auth) throw new Unauthenticated();
  if (auth.role === 'family') throw new NotFound();
  if (!auth.secondFactorDone) throw new Unauthenticated();
  return auth;
};

/** The principal of a logged-in staff request. */
export const requireStaffPrincipal = (req: FastifyRequest): Principal => principalOf(requireStaff(req));

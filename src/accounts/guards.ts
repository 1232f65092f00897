import type { FastifyRequest } from 'fastify';
import { NotFound, Unauthenticated } from '../shared/errors.ts';
import type { AuthContext, StaffRole } from '../web/auth-context.ts';

// Route guards. Unauthenticated sends the browser to /login; /login itself forwards a staff
// member who has passed the passphrase but not the second factor to the 2FA step or setup.
// Wrong kind of account or role answers NotFound, so a page's existence is not revealed.

/** Anyone fully logged in: a staff member must have passed (or first set up) TOTP. */
export const requireUser = (req: FastifyRequest): AuthContext => {
  const auth = req.auth;
  if (!auth?.secondFactorDone) throw new Unauthenticated();
  return auth;
};

export const requireFamily = (req: FastifyRequest): AuthContext => {
  const auth = requireUser(req);
  if (auth.role !== 'family') throw new NotFound();
  return auth;
};

/**
 * A staff member with one of `roles` (any staff role when omitted). A site admin who belongs to
 * an organisation counts as that organisation's admin, since they hold its key.
 */
export const requireStaff = (req: FastifyRequest, roles?: readonly StaffRole[]): AuthContext => {
  const auth = req.auth;
  if (!auth) throw new Unauthenticated();
  if (auth.role === 'family') throw new NotFound();
  if (!auth.secondFactorDone) throw new Unauthenticated();
  if (!roles || roles.includes(auth.role)) return auth;
  if (auth.role === 'site_admin' && auth.organisationId && roles.includes('org_admin')) return auth;
  throw new NotFound();
};

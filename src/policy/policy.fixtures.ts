import { principalOf, type AuthContext, type Principal, type Role } from './principal.ts';

// A principal for the policy tests, with no database: an account of the given role in 'org-a'
// (a family in none), fully logged in.
export const account = (role: Role, over: Partial<AuthContext> = {}): Principal =>
  principalOf({
    userId: `u-${role}`,
    pseudonym: role,
    role,
    organisationId: role === 'family' ? null : 'org-a',
    secondFactorDone: true,
    totpEnabled: role !== 'family',
    sessionId: 's',
    userPrivateKey: Buffer.alloc(32),
    ...over,
  });

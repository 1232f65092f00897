// What a request knows about who is asking. Filled by the accounts session plugin; null when
// nobody is logged in. Secrets unlocked for this session (private keys) live only in memory
// for the duration of the request: they are re-derived from the session cookie each time.

export const STAFF_ROLES = ['caseworker', 'verifier', 'editor', 'org_admin', 'site_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = 'family' | StaffRole;

export interface AuthContext {
  userId: string;
  pseudonym: string;
  role: Role;
  /** null for families and for a site admin outside any organisation */
  organisationId: string | null;
  /** staff must finish TOTP setup (and pass it at login) before they see any case */
  secondFactorDone: boolean;
  /** whether the account has a TOTP secret at all (staff without one are sent to set it up) */
  totpEnabled: boolean;
  sessionId: string;
  /** the user's X25519 private key, unwrapped with the cookie secret for this request only */
  userPrivateKey: Buffer;
}

export const isStaff = (auth: AuthContext | null): boolean => auth !== null && auth.role !== 'family';

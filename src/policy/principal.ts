// Who is asking. Every access decision in src/policy/ starts from a Principal; domains and the
// web layer build one and hand it over, and nothing else decides who may do what.

export const STAFF_ROLES = ['caseworker', 'verifier', 'editor', 'org_admin', 'site_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = 'family' | StaffRole;

/**
 * A logged-in account, filled by the accounts session plugin. Secrets unlocked for this session
 * (the private key) live only in memory for the duration of the request: they are re-derived
 * from the session cookie each time.
 */
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

/**
 * The five kinds of principal: an account (a family or a staff member), a tip sender holding a
 * receipt code (no account), the public (anyone, logged in or not, reading what is published),
 * and the system (the command line and scheduled jobs, acting for the operator).
 */
export type Principal =
  | { readonly kind: 'account'; readonly auth: AuthContext }
  | { readonly kind: 'tip_sender'; readonly tipId: string }
  | { readonly kind: 'public' }
  | { readonly kind: 'system'; readonly task: SystemTask };

/** What the operator's own processes do without a person behind them. */
export const SYSTEM_TASKS = ['retention', 'scheduler', 'demo', 'import', 'admin_cli'] as const;
export type SystemTask = (typeof SYSTEM_TASKS)[number];

export const PUBLIC: Principal = Object.freeze({ kind: 'public' });

/** The principal of a request: its account when fully logged in, else the public. */
export const principalOf = (auth: AuthContext | null): Principal =>
  auth?.secondFactorDone ? { kind: 'account', auth } : PUBLIC;

export const systemPrincipal = (task: SystemTask): Principal => ({ kind: 'system', task });

export const tipSenderPrincipal = (tipId: string): Principal => ({ kind: 'tip_sender', tipId });

/** The account behind a principal, when there is one and it has passed its second factor. */
export const accountOf = (p: Principal): AuthContext | null =>
  p.kind === 'account' && p.auth.secondFactorDone ? p.auth : null;

import type { Generated } from 'kysely';

// Row types of the accounts tables (see migrations/0001-accounts.ts). Other domains never import
// these: they go through accounts.service.ts.

export interface OrganisationRow {
  id: string;
  name: string;
  name_key: string;
  public_key: string;
  created_at: string;
  /** what the organisation says of itself on the request and tip forms; public words (0070) */
  about_ru: string | null;
  about_en: string | null;
}

export interface UserRow {
  id: string;
  pseudonym: string;
  pseudonym_key: string;
  role: string;
  organisation_id: string | null;
  public_key: string;
  passphrase_salt: string;
  passphrase_verifier: string;
  private_key_sealed: string;
  totp_secret_sealed: string | null;
  totp_last_step: number | null;
  disabled: Generated<number>;
  created_at: string;
  /** day of the latest login (retention deletes idle family accounts without cases); 0004 */
  last_login_on: string | null;
}

export interface OrganisationKeyWrapRow {
  organisation_id: string;
  user_id: string;
  wrapped: string;
  created_at: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  key_sealed: string;
  second_factor_done: Generated<number>;
  pending_totp_sealed: string | null;
  /** recovery codes waiting to be shown once after registration (migrations/0012) */
  codes_sealed: string | null;
  created_at: string;
  last_seen_at: string;
}

export interface RecoveryCodeRow {
  id: string;
  user_id: string;
  code_hash: string;
  key_sealed: string;
  created_at: string;
}

export interface InviteRow {
  id: string;
  token_hash: string;
  kind: 'invite' | 'reset';
  organisation_id: string;
  role: string;
  target_user_id: string | null;
  org_key_sealed: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AttemptCounterRow {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AccountsTables {
  organisations: OrganisationRow;
  users: UserRow;
  organisation_key_wraps: OrganisationKeyWrapRow;
  sessions: SessionRow;
  recovery_codes: RecoveryCodeRow;
  invites: InviteRow;
  attempt_counters: AttemptCounterRow;
}

import type { TipState } from './tip-lifecycle.ts';

// Row types of the tips tables (migrations/0050-tips.ts). Columns ending in `_sealed` are
// AES-256-GCM ciphertexts under the tip's own key, bound by AAD to "tip:<id>:<field>".

export interface TipsTable {
  id: string;
  organisation_id: string;
  /** the first part of the receipt code: random, not secret, only finds the row */
  lookup_id: string;
  code_salt: string;
  /** SHA-256 of the first half of Argon2id(receipt code, salt) */
  code_verifier: string;
  /** the tip key sealed under the second half of Argon2id(receipt code, salt) */
  key_code_sealed: string;
  /** the tip key sealed (X25519 envelope) to the organisation's public key */
  key_org_sealed: string;
  /** what the sender wrote, as JSON: the person, what happened, when, where, how they know */
  content_sealed: string;
  /** staff only: the cases the tip was attached to */
  links_sealed: string | null;
  state: TipState;
  close_reason: string | null;
  /** the sender added something no staff member has opened since */
  sender_wrote: number;
  /** staff replied since the sender last looked */
  reply_unseen: number;
  received_on: string;
  last_activity_on: string;
  closed_on: string | null;
}

export interface TipPostsTable {
  id: string;
  tip_id: string;
  seq: number;
  from_sender: number;
  /** the staff member who replied; null for the sender */
  author_user_id: string | null;
  body_sealed: string;
  /** a file the sender added with this post (src/evidence/, scope "tip:<id>") */
  file_id: string | null;
  /** a day for the sender, the second for staff */
  created_at: string;
}

export interface TipSessionsTable {
  id_hash: string;
  tip_id: string;
  key_sealed: string;
  /** the receipt code, sealed under the cookie secret, until the receipt page has shown it once */
  code_sealed: string | null;
  created_at: string;
  last_seen_at: string;
}

export interface TipsTables {
  tips: TipsTable;
  tip_posts: TipPostsTable;
  tip_sessions: TipSessionsTable;
}

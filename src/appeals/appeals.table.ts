import type { AppealState } from './appeal-lifecycle.ts';

// Appeals (migration 0031). What a family or staff member wrote, to whom, and every number that
// could find the real letter in an authority's register (tracking and registration numbers) are
// sealed with the case key: with them and the day, the state could look up the sender's name in
// its own records. Days, the channel and the state stay in clear, so the scheduler can mark an
// appeal overdue without any key.

export interface AuthoritiesTable {
  id: string;
  kind: string;
  name: string;
  region_code: string | null;
  postal_address: string | null;
  online_url: string | null;
  notes: string | null;
  /** seeded from data/appeals-facts.md (1) or added by an editor (0) */
  seeded: number;
  updated_at: string;
}

export interface AppealTemplatesTable {
  id: string;
  /** stable name: inquiry, death_documents, no_answer, prosecutor, ombudsman, collective */
  key: string;
  title_ru: string;
  title_en: string;
  guidance_ru: string;
  guidance_en: string;
  /** the letter, in Russian Markdown with {{placeholders}} */
  body: string;
  version: number;
  updated_at: string;
  /** the editor who saved this version (null for the seeded text) */
  updated_by: string | null;
}

export interface AppealsTable {
  id: string;
  case_id: string;
  state: AppealState;
  /** post, online, in_person: null while a draft */
  channel: string | null;
  created_on: string;
  sent_on: string | null;
  delivered_on: string | null;
  registered_on: string | null;
  forwarded_on: string | null;
  forward_registered_on: string | null;
  extension_days: number | null;
  extended_on: string | null;
  answered_on: string | null;
  overdue_on: string | null;
  closed_on: string | null;
  /** computed by deadline-rules.ts from the days above, kept for the overdue job and lists */
  register_by: string | null;
  answer_by: string | null;
  deadline_estimated: number;
  /** the appeal this one follows up (a complaint about no answer, say) */
  follows_id: string | null;
  collective_id: string | null;
  /** JSON of the letter (template, addressee, subject, body), sealed with the case key */
  letter_sealed: string;
  /** JSON of tracking and registration numbers, sealed with the case key */
  refs_sealed: string | null;
  /** a collective appeal's signature: the signer's name and address, sealed with the case key */
  signature_sealed: string | null;
  signed_on: string | null;
}

/** Every notice and answer recorded on an appeal, with its scan. */
export interface AppealStepsTable {
  id: string;
  appeal_id: string;
  case_id: string;
  seq: number;
  kind: string;
  on_day: string;
  /** JSON (summary, new addressee, numbers), sealed with the case key */
  details_sealed: string | null;
  file_id: string | null;
}

/** The sender's name and address (law 59-FZ art. 7), kept only when the sender chose it, sealed. */
export interface AppealSendersTable {
  case_id: string;
  details_sealed: string;
}

/**
 * A letter several families sign. It holds no text: each family's copy is an appeal in its own
 * case, sealed with that case's key (so an organisation key rotation re-seals nothing here, and a
 * purged case takes its copy and signature with it).
 */
export interface CollectiveAppealsTable {
  id: string;
  organisation_id: string;
  created_by: string;
  created_at: string;
  /** open for signatures, or sent (then each signed copy follows its deadlines) */
  state: string;
}

export interface AppealsTables {
  authorities: AuthoritiesTable;
  appeal_templates: AppealTemplatesTable;
  appeals: AppealsTable;
  appeal_steps: AppealStepsTable;
  appeal_senders: AppealSendersTable;
  collective_appeals: CollectiveAppealsTable;
}

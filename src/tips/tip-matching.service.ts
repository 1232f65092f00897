import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { scoreTipPrivately } from '../matching/tip-matches.service.ts';
import type { TipContent } from './tip-keys.ts';

// The seam to matching (issue 11): a tip is scored against the persons its organisation knows.
// Tip intake calls `scoreIncomingTip` once the tip is committed, with the decrypted record in
// memory (the only moment the server holds it without a staff member's key). Matching scores it
// in memory — the tip's person is never stored as a (clear) person record, never added to the
// index — and, when it resembles known records, keeps one row for the review queue sealed to the
// organisation (src/matching/tip-matches.service.ts; docs/threat-model.md §13). A failure here
// must never lose the tip: the caller logs it.

export interface IncomingTipRecord {
  tipId: string;
  organisationId: string;
  person: TipContent['person'];
  eventDate?: TipContent['event_date'];
  place?: string;
}

export const scoreIncomingTip = async (
  deps: { db: Db; clock: Clock; config?: { timeZone?: string } },
  record: IncomingTipRecord,
): Promise<void> => {
  await scoreTipPrivately(deps, { tipId: record.tipId, organisationId: record.organisationId, person: record.person });
};

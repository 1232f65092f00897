import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { TipContent } from './tip-keys.ts';

// The seam to matching (branch `matching`, issue 11): a tip is scored against the persons its
// organisation knows. Tip intake calls `scoreIncomingTip` once the tip is committed, with the
// decrypted record in memory (the only moment the server holds it without a staff member's key).
// Until matching lands this does nothing. When it does, the body becomes one call:
//
//   await deps.db.transaction().execute((tx) =>
//     scoreIncomingRecord(tx, record.organisationId, toPersonRecord(record.person), { kind: 'tip', id: record.tipId }));
//
// What matching stores must not reveal the tip in clear (docs/threat-model.md §13): a candidate
// row "tip T ~ person P" tells a seized database that someone wrote about P. A failure here must
// never lose the tip: the caller logs it and the sender still gets their receipt.

export interface IncomingTipRecord {
  tipId: string;
  organisationId: string;
  person: TipContent['person'];
  eventDate?: TipContent['event_date'];
  place?: string;
}

export const scoreIncomingTip = async (_deps: { db: Db; clock: Clock }, _record: IncomingTipRecord): Promise<void> => {
  // No matching engine on this branch yet (see above).
};

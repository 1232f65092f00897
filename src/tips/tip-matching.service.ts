import type { Db } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { TipContent } from './tip-keys.ts';

// The seam to matching (branch `matching`, issue 11): a tip is scored against the persons its
// organisation knows. Tip intake calls `scoreIncomingTip` once the tip is committed, with the
// decrypted record in memory (the only moment the server holds it without a staff member's key).
// Until matching lands this does nothing. Matching exposes
//
//   scoreIncomingRecord(tx, organisationId, record: IncomingPerson, source: { kind: 'tip'; at })
//     → { personId, candidates }
//
// and the body becomes one transaction calling it with the person mapped to IncomingPerson.
// Careful (docs/threat-model.md §12, §13): that function stores the person in clear with origin
// "tip", which tells a seized database that someone wrote about that person on that day — what
// tips otherwise hide. Prefer scoring in memory and storing candidates sealed, or scoring only when
// a caseworker opens the tip. A failure here must never lose the tip: the caller logs it.

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

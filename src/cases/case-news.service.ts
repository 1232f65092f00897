import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import type { CaseSide } from '../policy/case.policy.ts';
import {
  casesWithUnseen,
  countUnseenNews,
  findNewsAbout,
  insertNews,
  listUnseenNews,
  markNewsSeen,
} from './case-news.repository.ts';

// Knowing that someone answered. Each change worth a look puts a news item in the case for the
// other side: a reply from the organisation, an event it added or verified, a change of status;
// for staff, a family's message or report. Other domains add their own kinds through
// notifyFamily (a confirmed match, a fact about an incident, an overdue appeal, a publication).
// The case page marks what is new since the side's last visit and then counts it as seen; lists
// show how many items are new. Nothing is ever sent outside the platform: no e-mail, no phone.
// A row holds the kind, the item's id and the day: no content (docs/threat-model.md).

export const NEWS_KINDS = [
  'message',
  'event_added',
  'event_verified',
  // a verifier corrected a level (down too) or settled a discrepancy (issue 9)
  'event_revised',
  'discrepancy_resolved',
  'status',
  'assigned',
  'closed',
  'reopened',
  'match',
  'incident',
  'appeal_overdue',
  'published',
  // the public registry (src/registry/): told before publication, and of a correction or withdrawal
  'publication_planned',
  'publication_corrected',
  'publication_withdrawn',
  // a file attached to the case (a photo of a notice, a letter): case-files.service.ts
  'file_added',
] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

export interface NewsItem {
  kind: NewsKind;
  refId: string | null;
  on: string;
}

/** What is new for one side of a case: ids of new items, and the other kinds in order. */
export interface CaseNews {
  messageIds: string[];
  eventIds: string[];
  /** the new status, when it changed since the last visit */
  status: string | null;
  items: NewsItem[];
}

export const noNews = (): CaseNews => ({ messageIds: [], eventIds: [], status: null, items: [] });

const other = (side: CaseSide): CaseSide => (side === 'family' ? 'staff' : 'family');

/** Puts news in a case for `audience`, inside the caller's transaction. */
export const postNews = async (
  tx: Queryable,
  news: { caseId: string; audience: CaseSide; kind: NewsKind; refId?: string | null; day: string },
): Promise<void> =>
  insertNews(tx, [
    {
      id: randomUUID(),
      case_id: news.caseId,
      audience: news.audience,
      kind: news.kind,
      ref_id: news.refId ?? null,
      created_on: news.day.slice(0, 10),
      seen: 0,
    },
  ]);

/** News for the side that did not act: what `actor` did is news for the other side. */
export const postNewsFor = (
  tx: Queryable,
  actor: CaseSide,
  news: { caseId: string; kind: NewsKind; refId?: string | null; day: string },
) => postNews(tx, { ...news, audience: other(actor) });

/**
 * What is new for the viewer's side, then counted as seen: the page that shows it marks it once.
 * Runs inside the caller's transaction (the case read).
 */
export const takeNews = async (tx: Queryable, caseId: string, side: CaseSide): Promise<CaseNews> => {
  const rows = await listUnseenNews(tx, caseId, side);
  await markNewsSeen(
    tx,
    rows.map((r) => r.id),
  );
  const news = noNews();
  for (const r of rows) {
    const kind = r.kind as NewsKind;
    if (kind === 'message' && r.ref_id) news.messageIds.push(r.ref_id);
    else if ((kind === 'event_added' || kind === 'event_verified') && r.ref_id) news.eventIds.push(r.ref_id);
    else if (kind === 'status') news.status = r.ref_id;
    else news.items.push({ kind, refId: r.ref_id, on: r.created_on });
  }
  return news;
};

/** How many news items each case has for one side (the family's list, the staff queue). */
export const unseenNewsByCase = async (
  db: Queryable,
  caseIds: string[],
  side: CaseSide,
  kinds?: NewsKind[],
): Promise<Map<string, number>> =>
  new Map((await countUnseenNews(db, caseIds, side, kinds)).map((r) => [r.case_id, Number(r.n)]));

/** What a family sent that staff have not seen yet: a message, a report, a file (a photo of a notice). */
export const FAMILY_WROTE: NewsKind[] = ['message', 'event_added', 'file_added'];

/** A subquery of the cases whose family wrote something staff have not seen yet. */
export const casesWhereFamilyWrote = (db: Queryable) => casesWithUnseen(db, 'staff', FAMILY_WROTE);

/**
 * For other domains: tell the family of a case about something (a confirmed match, a fact about
 * an incident, an overdue appeal, a publication), inside the caller's transaction.
 */
export const notifyFamily = (
  tx: Queryable,
  news: { caseId: string; kind: NewsKind; refId?: string | null; day: string },
): Promise<void> => postNews(tx, { ...news, audience: 'family' });

/**
 * The last time the family of a case was told `kind` about `refId` (and whether they have seen
 * that news since): the registry's notice that a publication is being prepared counts from the
 * latest one, since a withdrawal and a new announcement start a new notice.
 */
export const familyLastTold = async (
  db: Queryable,
  caseId: string,
  refId: string,
  kind: NewsKind,
): Promise<{ told: boolean; seen: boolean; on: string | null }> => {
  const last = (await findNewsAbout(db, caseId, 'family', refId)).filter((r) => r.kind === kind).at(-1);
  return { told: last !== undefined, seen: last?.seen === 1, on: last?.created_on ?? null };
};

/**
 * Whether the family of a case was told about `refId` in their case, and whether they have seen
 * it since. The registry publishes a death only after the family was told (or a verifier
 * recorded why that was impossible).
 */
export const familyToldAbout = async (
  db: Queryable,
  caseId: string,
  refId: string,
): Promise<{ told: boolean; seen: boolean; on: string | null }> => {
  const rows = await findNewsAbout(db, caseId, 'family', refId);
  return { told: rows.length > 0, seen: rows.some((r) => r.seen === 1), on: rows[0]?.created_on ?? null };
};

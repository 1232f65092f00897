import type { Kysely } from 'kysely';

// Migration 0014 numbered the family's reports of the last contact from then on; the ones she
// gave before have no number, so a case corrected twice before it still showed the latest date
// rather than her latest word, until her next correction. This numbers them, once, in the best
// order the rows allow, on both databases alike:
//
// 1. created_on, the organisation's day she gave the report. Trustworthy, but only to the day.
// 2. Within one day, the report whose date is the one stored on the case (last_contact_date and
//    its precision) comes last: before 0014 her edit form wrote that column and added the report
//    in one transaction, so the column is the last date she gave on the form. (A report she added
//    on her timeline did not touch it; one added on a later day still comes after, by 1.)
// 3. Then as the rules read unnumbered reports before: the later date range as the later word.
// 4. Then the id, only so that both databases give the same answer: ids are random UUIDs.
//
// Not used: the ids (random), SQLite's rowid (not on PostgreSQL, and renumbered by a restore or
// a VACUUM), PostgreSQL's ctid or xmin (moved by every update, such as a verification), the
// audit log and case news (they name no report, or only the day). Reports numbered since 0014
// were all given after the unnumbered ones of the same case, so they keep their order after them.
// A report kept after its case was purged (case_id null) is ordered with the others of its
// person, as last-contact.ts groups them.

interface Report {
  id: string;
  person_id: string;
  case_id: string | null;
  event_date: string;
  date_precision: string;
  created_on: string;
  report_seq: number | null;
  stored_date: string | null;
  stored_precision: string | null;
}

/** The day a partial date ends on (a month or a year stands for all its days), as ISO text. */
const rangeEnd = (value: string, precision: string): string =>
  precision === 'year' ? `${value}-12-31` : precision === 'month' ? `${value}-31` : value;

const isStored = (r: Report): boolean => r.event_date === r.stored_date && r.date_precision === r.stored_precision;

const givenBefore = (a: Report, b: Report): number => {
  if (a.created_on !== b.created_on) return a.created_on < b.created_on ? -1 : 1;
  if (isStored(a) !== isStored(b)) return isStored(a) ? 1 : -1;
  const ea = rangeEnd(a.event_date, a.date_precision);
  const eb = rangeEnd(b.event_date, b.date_precision);
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.event_date !== b.event_date) return a.event_date < b.event_date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** The two tables as this migration finds them (not the app's types, which move on). */
interface Then {
  events: {
    id: string;
    person_id: string;
    case_id: string | null;
    kind: string;
    source: string;
    added_by_family: number;
    event_date: string;
    date_precision: string;
    created_on: string;
    report_seq: number | null;
  };
  cases: { id: string; last_contact_date: string | null; last_contact_precision: string | null };
}

export async function up(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as unknown as Kysely<Then>;
  const rows: Report[] = await db
    .selectFrom('events')
    .leftJoin('cases', 'cases.id', 'events.case_id')
    .select([
      'events.id as id',
      'events.person_id as person_id',
      'events.case_id as case_id',
      'events.event_date as event_date',
      'events.date_precision as date_precision',
      'events.created_on as created_on',
      'events.report_seq as report_seq',
      'cases.last_contact_date as stored_date',
      'cases.last_contact_precision as stored_precision',
    ])
    // her own reports, as last-contact.ts isOwnLastContact tells them
    .where('events.kind', '=', 'last_contact')
    .where('events.source', '=', 'family')
    .where('events.added_by_family', '=', 1)
    .execute();
  const groups = new Map<string, Report[]>();
  for (const r of rows) {
    const key = r.case_id ? `case:${r.case_id}` : `person:${r.person_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const reports of groups.values()) {
    const unnumbered = reports.filter((r) => r.report_seq === null).sort(givenBefore);
    if (unnumbered.length === 0) continue;
    const numbered = reports
      .filter((r) => r.report_seq !== null)
      .sort((a, b) => Number(a.report_seq) - Number(b.report_seq));
    const order = [...unnumbered, ...numbered];
    for (const [i, r] of order.entries())
      if (r.report_seq !== i + 1)
        await db
          .updateTable('events')
          .set({ report_seq: i + 1 })
          .where('id', '=', r.id)
          .execute();
  }
}

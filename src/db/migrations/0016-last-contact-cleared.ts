import type { Kysely } from 'kysely';

// A family may empty the date of her last contact on her edit form: she no longer knows it. That
// is a report of hers like a new date (docs/status-rules.md, rule 8): it replaces her earlier
// reports and is replaced by her next one. It has no date, so it cannot be a row of `events`
// (event_date is required, and a made-up date would be read by the status and discrepancy
// rules); the case keeps the number it took among her reports (events.report_seq): her reports
// numbered below it are replaced, a later one (numbered above) is her word again. Null: she
// never cleared it. Cases that lost their date before this column keep their reports as they are
// (a case without a stored date may also be one whose dates she only added on the timeline).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('last_contact_cleared_seq', 'integer').execute();
}

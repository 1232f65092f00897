import type { Kysely } from 'kysely';

// The truth of a death (issue 9). Every change of an event's verification level is kept — up, and
// now down too when a verifier corrects a mistake — with who made it, when, and the reason they
// wrote, sealed with the case key (it may quote a family's words). A verifier's verdict on a
// discrepancy is kept beside it: which version was set aside, if any, and why. Both belong to the
// case and go with it when retention destroys it (src/cases/retention.service.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // the order of the steps in the case (two steps may share a timestamp)
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason_sealed', 'text')
    .addUniqueConstraint('event_levels_order', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('discrepancy_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('discrepancy_key', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('set_aside_event_id', 'text')
    .addColumn('reason_sealed', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    // One verdict per discrepancy: two verifiers resolving it at once cannot both succeed.
    .addUniqueConstraint('discrepancy_resolutions_once', ['case_id', 'discrepancy_key'])
    .execute();
}

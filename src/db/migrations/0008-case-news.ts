import type { Kysely } from 'kysely';

// What is new in a case for each side: a reply, a verified event, a change of status, and later
// matches, incidents, overdue appeals and publications. A row says what kind of news, about which
// item, on which day, and whether its side has seen it — never any content (src/cases/case-news.service.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_news')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('case_news_unseen').on('case_news').columns(['case_id', 'audience', 'seen']).execute();
}

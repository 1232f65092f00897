import type { Kysely } from 'kysely';

// The knowledge base (src/guides/): guides in Russian and English, versioned.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('guides_slug_lang', ['slug', 'lang'])
    .execute();
  await db.schema
    .createTable('guide_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guide_id', 'text', (c) => c.notNull().references('guides.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('toc', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('guide_versions_guide_version', ['guide_id', 'version'])
    .execute();
}

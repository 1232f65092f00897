import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { GuideVersionsTable, GuidesTable } from './guides.table.ts';

// Queries for guides. Rules are in guides.service.ts.

/**
 * Guides with one version each: for readers the published one; for editors the published one, or,
 * for a guide never published (current_version 0), its draft.
 */
const joined = (db: Queryable, which: 'readers' | 'editors') =>
  db
    .selectFrom('guides')
    .innerJoin('guide_versions', (j) => {
      const same = j.onRef('guide_versions.guide_id', '=', 'guides.id');
      return which === 'readers'
        ? same.onRef('guide_versions.version', '=', 'guides.current_version')
        : same.on(
            'guide_versions.version',
            '=',
            sql<number>`coalesce(nullif(guides.current_version, 0), guides.draft_version)`,
          );
    })
    .select([
      'guides.id',
      'guides.slug',
      'guides.lang',
      'guides.current_version',
      'guides.draft_version',
      'guide_versions.title',
      'guide_versions.markdown',
      'guide_versions.html',
      'guide_versions.toc',
      'guide_versions.search_text',
      'guide_versions.edited_at',
    ]);

const current = (db: Queryable) => joined(db, 'readers');

export const listCurrentGuides = (db: Queryable, lang?: string) => {
  let q = current(db);
  if (lang) q = q.where('guides.lang', '=', lang);
  return q.orderBy('guides.slug').orderBy('guides.lang').execute();
};

export const findCurrentGuide = (db: Queryable, slug: string, lang: string) =>
  current(db).where('guides.slug', '=', slug).where('guides.lang', '=', lang).executeTakeFirst();

/** Every guide, for its editors: a guide with a draft only is listed too (by its draft). */
export const listEditorGuides = (db: Queryable) =>
  joined(db, 'editors').orderBy('guides.slug').orderBy('guides.lang').execute();

/** A guide for its editors: its published version, or the draft of one never published. */
export const findEditorGuideById = (db: Queryable, id: string) =>
  joined(db, 'editors').where('guides.id', '=', id).executeTakeFirst();

export const findGuideBySlugLang = (db: Queryable, slug: string, lang: string) =>
  db.selectFrom('guides').select(['id']).where('slug', '=', slug).where('lang', '=', lang).executeTakeFirst();

export const insertGuide = async (db: Queryable, row: GuidesTable): Promise<void> => {
  await db.insertInto('guides').values(row).execute();
};

export const insertGuideVersion = async (db: Queryable, row: GuideVersionsTable): Promise<void> => {
  await db.insertInto('guide_versions').values(row).execute();
};

/**
 * Moves the guide on from the versions the editor started from (two editors: one wins): to a new
 * published version (the draft, if any, is then behind it: none is left), or to a new draft.
 */
export const advanceGuide = async (
  db: Queryable,
  id: string,
  from: { current: number; draft: number | null },
  to: { current: number; draft: number | null },
): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('guides')
        .set({ current_version: to.current, draft_version: to.draft })
        .where('id', '=', id)
        .where('current_version', '=', from.current)
        .where((eb) => (from.draft === null ? eb('draft_version', 'is', null) : eb('draft_version', '=', from.draft)))
        .executeTakeFirst()
    ).numUpdatedRows,
  ) > 0;

export const listVersions = (db: Queryable, guideId: string) =>
  db
    .selectFrom('guide_versions')
    .select(['version', 'title', 'edited_at', 'edited_by'])
    .where('guide_id', '=', guideId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: Queryable, guideId: string, version: number) =>
  db
    .selectFrom('guide_versions')
    .selectAll()
    .where('guide_id', '=', guideId)
    .where('version', '=', version)
    .executeTakeFirst();

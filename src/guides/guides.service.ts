import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { renderMarkdown, type TocEntry } from '../shared/markdown.ts';
import type { Lang } from '../shared/lang.ts';
import type { AuthContext } from '../policy/principal.ts';
import type { GuideInput, NewGuideInput } from './guides.schema.ts';
import { searchTextOf } from './guides.seed.ts';
import {
  advanceGuide,
  findCurrentGuide,
  findEditorGuideById,
  findGuideBySlugLang,
  findVersion,
  insertGuide,
  insertGuideVersion,
  listCurrentGuides,
  listEditorGuides,
  listVersions,
} from './guides.repository.ts';

// The knowledge base: public guides in Russian and English, written by editors in Markdown. Each
// save is a new version, sanitised once on save (src/shared/markdown.ts); pages show the stored
// HTML with its table of contents. A save publishes, or keeps a draft: a newer version that readers
// do not see (not on the page, not in the search) until an editor publishes it. The search is in
// guide-search.service.ts.

export interface GuideDeps {
  db: Db;
  clock: Clock;
}

export interface GuideListItem {
  id: string;
  slug: string;
  lang: string;
  title: string;
  version: number;
  editedAt: string;
}

export interface GuideView extends GuideListItem {
  html: string;
  toc: TocEntry[];
  markdown: string;
  /** the other language's version of the same guide, when there is one */
  other: { lang: string; title: string } | null;
}

type Row = NonNullable<Awaited<ReturnType<typeof findCurrentGuide>>>;
const item = (r: Row): GuideListItem => ({
  id: r.id,
  slug: r.slug,
  lang: r.lang,
  title: r.title,
  version: r.current_version,
  editedAt: r.edited_at,
});

export const guidesIn = async (db: Queryable, lang: Lang): Promise<GuideListItem[]> =>
  (await listCurrentGuides(db, lang)).map(item).sort((a, b) => a.title.localeCompare(b.title, lang));

export interface EditorGuideItem extends GuideListItem {
  /** a draft saved after the published version, not published yet */
  draft: number | null;
}

/** Every guide, for its editors; `version` 0: never published (a draft only). */
export const allGuides = async (db: Queryable): Promise<EditorGuideItem[]> =>
  (await listEditorGuides(db)).map((r) => ({ ...item(r), draft: r.draft_version }));

/** A guide's whole view, with the published version in the other language to link (readers see that one). */
const withTwin = async (
  db: Queryable,
  row: NonNullable<Awaited<ReturnType<typeof findEditorGuideById>>>,
): Promise<GuideView> => {
  const twin = await findCurrentGuide(db, row.slug, row.lang === 'ru' ? 'en' : 'ru');
  return {
    ...item(row),
    html: row.html,
    toc: JSON.parse(row.toc) as TocEntry[],
    markdown: row.markdown,
    other: twin ? { lang: twin.lang, title: twin.title } : null,
  };
};

/** A guide in the reader's language, else in the other one (the page says so). */
export const guideBySlug = async (db: Queryable, slug: string, lang: Lang): Promise<GuideView> => {
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  const row = (await findCurrentGuide(db, slug, lang)) ?? (await findCurrentGuide(db, slug, other));
  if (!row) throw new NotFound('guide');
  return withTwin(db, row);
};

/**
 * A guide for its editors, by id: its published version, or, for a guide never published, its
 * draft (`version` 0). The other language's version linked is a published one, as readers see.
 */
export const guideById = async (db: Queryable, id: string): Promise<GuideView> => {
  const row = await findEditorGuideById(db, id);
  if (!row) throw new NotFound('guide');
  return withTwin(db, row);
};

/** The other language's version of the guide at `slug`, for a new guide's preview: the link readers will see. */
export const twinOf = async (db: Queryable, slug: string, lang: Lang): Promise<GuideView['other']> => {
  const twin = await findCurrentGuide(db, slug, lang === 'ru' ? 'en' : 'ru');
  return twin ? { lang: twin.lang, title: twin.title } : null;
};

/**
 * What readers would see if the editor saved what they typed: the same rendering and sanitising
 * as a save (versionRow), nothing written. The guide's slug, language and other-language twin are
 * the saved guide's (or, for a new one, what the form says).
 */
export const previewGuide = (
  input: Pick<GuideInput, 'title' | 'markdown'>,
  where: Pick<GuideView, 'id' | 'slug' | 'lang' | 'version' | 'editedAt' | 'other'>,
): GuideView => {
  const r = renderMarkdown(input.markdown);
  if (r.text.trim() === '') throw new Invalid({ field: 'markdown', key: 'guides.errors.empty' });
  return { ...where, title: input.title, markdown: input.markdown, html: r.html, toc: r.toc };
};

/** A saved version's row: the source, its sanitised HTML, its contents and its words for search. */
const versionRow = (guideId: string, version: number, input: GuideInput, editor: AuthContext, at: string) => {
  const r = renderMarkdown(input.markdown);
  if (r.text.trim() === '') throw new Invalid({ field: 'markdown', key: 'guides.errors.empty' });
  return {
    id: randomUUID(),
    guide_id: guideId,
    version,
    title: input.title,
    markdown: input.markdown,
    html: r.html,
    toc: JSON.stringify(r.toc),
    search_text: searchTextOf(input.title, r.text),
    edited_by: editor.userId,
    edited_at: at,
  };
};

/** An editor writes a new guide (version 1): published, or (input.draft) a draft no reader sees. */
export const createGuide = async (deps: GuideDeps, editor: AuthContext, input: NewGuideInput): Promise<string> => {
  if (await findGuideBySlugLang(deps.db, input.slug, input.lang))
    throw new Invalid({ field: 'slug', key: 'guides.errors.slugTaken' });
  const id = randomUUID();
  const at = isoNow(deps.clock);
  const row = versionRow(id, 1, input, editor, at);
  await deps.db.transaction().execute(async (tx) => {
    await insertGuide(tx, {
      id,
      slug: input.slug,
      lang: input.lang,
      // 0: no version published yet (readers' queries join on current_version and find none)
      current_version: input.draft === '1' ? 0 : 1,
      draft_version: input.draft === '1' ? 1 : null,
      created_at: at,
    });
    await insertGuideVersion(tx, row);
  });
  return id;
};

/** A saved version's text, for an editor: a draft, or the version another editor saved meanwhile. */
export interface GuideText {
  version: number;
  title: string;
  markdown: string;
  editedAt: string;
  /** a draft: readers do not see it */
  draft: boolean;
}

/**
 * A save based on an older version than the current one. It carries the current version, so the
 * editor's form can come back with her text and that version beside it, based on it: saving again
 * then replaces it knowingly (a save is never merged, and never replaces a version unseen).
 */
export class NewerVersion extends Conflict {
  constructor(readonly newer: GuideText) {
    super('guides.errors.changed');
  }
}

/** The newest version of a guide, draft or published: what an editor's next save is based on. */
const headText = async (db: Queryable, r: Row): Promise<GuideText> => {
  if (r.draft_version === null)
    return { version: r.current_version, title: r.title, markdown: r.markdown, editedAt: r.edited_at, draft: false };
  const d = await findVersion(db, r.id, r.draft_version);
  if (!d) throw new NotFound('guide version');
  return { version: d.version, title: d.title, markdown: d.markdown, editedAt: d.edited_at, draft: true };
};

/** A guide for its editor: the published version, and the draft her form opens on, if there is one. */
export const guideForEditing = async (
  db: Queryable,
  id: string,
): Promise<{ guide: GuideView; draft: GuideText | null }> => {
  const guide = await guideById(db, id);
  const row = await findEditorGuideById(db, id);
  if (!row) throw new NotFound('guide');
  return { guide, draft: row.draft_version === null ? null : await headText(db, row) };
};

/**
 * An editor saves a new version, published or (input.draft) as a draft that readers do not see; a
 * save based on an older version than the newest one, draft or published, is refused (NewerVersion).
 */
export const saveGuide = async (
  deps: GuideDeps,
  editor: AuthContext,
  id: string,
  input: GuideInput,
): Promise<{ version: number; published: boolean }> => {
  const current = await findEditorGuideById(deps.db, id);
  if (!current) throw new NotFound('guide');
  const from = { current: current.current_version, draft: current.draft_version };
  const head = from.draft ?? from.current;
  const version = head + 1;
  const row = versionRow(id, version, input, editor, isoNow(deps.clock));
  if (input.base !== head) throw new NewerVersion(await headText(deps.db, current));
  const published = input.draft !== '1';
  const to = published ? { current: version, draft: null } : { current: from.current, draft: version };
  const saved = await deps.db.transaction().execute(async (tx) => {
    if (!(await advanceGuide(tx, id, from, to))) return false;
    await insertGuideVersion(tx, row);
    return true;
  });
  if (saved) return { version, published };
  // another editor saved between the read above and this save: theirs is the one to show
  const now = await findEditorGuideById(deps.db, id);
  if (!now) throw new NotFound('guide');
  throw new NewerVersion(await headText(deps.db, now));
};

export const guideHistory = (db: Queryable, id: string) => listVersions(db, id);

export const guideVersion = async (db: Queryable, id: string, version: number) => {
  const v = await findVersion(db, id, version);
  if (!v) throw new NotFound('guide version');
  return { version: v.version, title: v.title, html: v.html, markdown: v.markdown, editedAt: v.edited_at };
};

// Guides (migration 0033): public texts in Markdown, one row per guide and language, each save a
// new version. The HTML is made safe once, when a version is saved (src/shared/markdown.ts).

export interface GuidesTable {
  id: string;
  /** the same for the Russian and English versions of one guide */
  slug: string;
  lang: string;
  current_version: number;
  created_at: string;
}

export interface GuideVersionsTable {
  id: string;
  guide_id: string;
  version: number;
  title: string;
  markdown: string;
  /** sanitised on save */
  html: string;
  /** JSON of the table of contents */
  toc: string;
  /** the words only, lower-cased, for the plain search */
  search_text: string;
  edited_by: string | null;
  edited_at: string;
}

export interface GuidesTables {
  guides: GuidesTable;
  guide_versions: GuideVersionsTable;
}

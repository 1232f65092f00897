// Guides (migrations 0033, 0036): public texts in Markdown, one row per guide and language, each
// save a new version. The HTML is made safe once, when a version is saved (src/shared/markdown.ts).

export interface GuidesTable {
  id: string;
  /** the same for the Russian and English versions of one guide */
  slug: string;
  lang: string;
  /** the published version: what readers see */
  current_version: number;
  /** a newer version saved as a draft, not published; null when there is none */
  draft_version: number | null;
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

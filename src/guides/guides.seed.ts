import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { renderMarkdown } from '../shared/markdown.ts';

// The seeded guides are files, so they can be read and reviewed as text: data/guides/<lang>/<slug>.md,
// the first line "# Title". Migration 0034 inserts them as version 1.

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/guides');

export const readSeedGuides = (): Array<{ slug: string; lang: string; title: string; markdown: string }> =>
  ['ru', 'en'].flatMap((lang) =>
    fs
      .readdirSync(path.join(DIR, lang))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => {
        const text = fs.readFileSync(path.join(DIR, lang, f), 'utf8');
        const [first, ...rest] = text.split('\n');
        return {
          slug: f.replace(/\.md$/, ''),
          lang,
          title: first.replace(/^#\s*/, '').trim(),
          markdown: rest.join('\n').trim(),
        };
      }),
  );

export const searchTextOf = (title: string, text: string): string =>
  `${title}\n${text}`.toLowerCase().replace(/ё/g, 'е');

export const seedGuides = async (db: Kysely<unknown>, at: string): Promise<void> => {
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const g of readSeedGuides()) {
    const id = randomUUID();
    const r = renderMarkdown(g.markdown);
    await k
      .insertInto('guides')
      .values({ id, slug: g.slug, lang: g.lang, current_version: 1, created_at: at })
      .execute();
    await k
      .insertInto('guide_versions')
      .values({
        id: randomUUID(),
        guide_id: id,
        version: 1,
        title: g.title,
        markdown: g.markdown,
        html: r.html,
        toc: JSON.stringify(r.toc),
        search_text: searchTextOf(g.title, r.text),
        edited_by: null,
        edited_at: at,
      })
      .execute();
  }
};

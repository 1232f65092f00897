import type { Queryable } from '../db/database.ts';
import type { Lang } from '../shared/lang.ts';
import { stem } from '../shared/stem.ts';
import { listCurrentGuides } from './guides.repository.ts';

// The guides' search: plain and on the server, over every published guide's words (search_text:
// lower-cased, ё read as е). Each word of the query meets a word of a guide when the guide's word
// begins with it as typed («вести» finds «вестись», never «привести»), or when the two words' stems
// (src/shared/stem.ts) meet: the guide's stem is the query's, or the query's and one or two letters
// more, which the stemmer leaves on some forms («отказе» finds «отказаться»: «отказ», «отказа»).
// So «пропал» finds «пропавших», «письмо» «письма», «в военкомате» «военкомат», «letters» «letter».
// The stems are worked out at search time: the guides are a few thousand words, and a stored
// column would need a migration and a rewrite of every version whenever the stemmer changes.
// The query is never stored.

export interface SearchHit {
  slug: string;
  lang: string;
  title: string;
  snippet: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** no guide holds every word: these hold some of them */
  partial: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** How many letters a guide word's stem may run past the query's stem and still be its form. */
const STEM_SLACK = 2;

interface Term {
  word: string;
  stem: string;
}
interface TextWord extends Term {
  at: number;
}

// Stems of the guides' words, kept across searches: the guides hold a few thousand distinct words.
const stems = new Map<string, string>();
const stemOf = (w: string): string => {
  let s = stems.get(w);
  if (s === undefined) {
    if (stems.size >= 50_000) stems.clear();
    s = stem(w);
    stems.set(w, s);
  }
  return s;
};

const wordsOf = (text: string): TextWord[] =>
  Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => ({ at: m.index, word: m[0], stem: stemOf(m[0]) }));

/** A query word, with its stem; a stem under three letters («она» → «он») finds too much, so the word stands. */
const termOf = (word: string): Term => {
  const s = stem(word);
  return { word, stem: s.length >= 3 ? s : word };
};

const meets = (t: Term, w: Term): boolean =>
  w.word.startsWith(t.word) || (w.stem.startsWith(t.stem) && w.stem.length - t.stem.length <= STEM_SLACK);

/**
 * Guides containing every word of the query, in one of its forms (in the reader's language first),
 * best first: a word in the title counts above any number of it in the text. When none holds them
 * all, those holding some, most words first.
 */
export const searchGuides = async (db: Queryable, query: string, lang: Lang): Promise<SearchResult> => {
  const terms = norm(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 10)
    .map(termOf);
  if (terms.length === 0) return { hits: [], partial: false };
  const all: SearchHit[] = [];
  const some: SearchHit[] = [];
  for (const g of await listCurrentGuides(db)) {
    const text = wordsOf(g.search_text);
    const title = wordsOf(norm(g.title));
    const places = terms.map((t) => text.filter((w) => meets(t, w)));
    const found = terms.filter((_, i) => places[i].length > 0);
    const every = found.length === terms.length;
    // Short words («как», «от», «без») are in every guide: alone, they do not make a guide a hit.
    if (!every && !found.some((t) => t.word.length >= 4)) continue;
    let score = (g.lang === lang ? 100 : 0) + found.filter((t) => t.word.length >= 4).length * 1000;
    terms.forEach((t, i) => {
      if (places[i].length === 0) return;
      score += (title.some((w) => meets(t, w)) ? 20 : 0) + Math.min(places[i].length, 20);
    });
    const first = terms.findIndex((t, i) => places[i].length > 0 && t.word.length >= 4);
    const at = places[first >= 0 ? first : terms.findIndex((_, i) => places[i].length > 0)][0].at;
    const start = Math.max(0, at - 80);
    const snippet = `${start > 0 ? '…' : ''}${g.search_text
      .slice(start, at + 160)
      .replace(/\s+/g, ' ')
      .trim()}…`;
    (every ? all : some).push({ slug: g.slug, lang: g.lang, title: g.title, snippet, score });
  }
  const hits = all.length > 0 ? all : some;
  return { hits: hits.sort((a, b) => b.score - a.score).slice(0, 30), partial: all.length === 0 && some.length > 0 };
};

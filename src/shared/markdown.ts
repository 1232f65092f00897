import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Markdown written by editors (guides, letter templates), made safe once, when it is saved.
// Two locks: marked renders raw HTML as text (never as markup) and only http(s), mailto and
// same-site links; then sanitize-html keeps only an allow-list of tags and attributes, so even a
// bug in the first lock lets no script, style, frame, form or event handler through. Images are
// kept only when they come from this site (a path starting with "/"): no request to another host.

export interface TocEntry {
  id: string;
  level: number;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  toc: TocEntry[];
  /** the words only, for the plain server-side search */
  text: string;
}

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;
const SAFE_SRC = /^\/(?!\/)/;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A heading's id: its words in lower case joined by hyphens (Cyrillic kept), unique in the page. */
const slugOf = (text: string, used: Map<string, number>): string => {
  const base =
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z#0-9]+;/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section';
  const n = used.get(base) ?? 0;
  used.set(base, n + 1);
  return n === 0 ? base : `${base}-${n + 1}`;
};

const ALLOWED = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape' as const,
  exclusiveFilter: (frame: { tag: string; attribs: Record<string, string> }) =>
    frame.tag === 'img' && !SAFE_SRC.test(frame.attribs.src ?? ''),
};

/**
 * Renders editor Markdown to safe HTML with heading ids, a table of contents and plain text.
 * `breaks`: a line break typed in the text is a line break on the page (a letter, typed by a
 * family that never heard of Markdown), not a space.
 */
export const renderMarkdown = (source: string, opts: { breaks?: boolean } = {}): RenderedMarkdown => {
  const toc: TocEntry[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true, breaks: opts.breaks === true, async: false });
  marked.use({
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
      heading(token: Tokens.Heading) {
        // A page has one h1 (its title): the text's headings start at h2.
        const level = Math.min(Math.max(token.depth + 1, 2), 4);
        const inner = this.parser.parseInline(token.tokens);
        const text = inner.replace(/<[^>]*>/g, '');
        const id = slugOf(text, used);
        toc.push({ id, level, text: sanitizeHtml(text, { allowedTags: [], allowedAttributes: {} }) });
        return `<h${level} id="${id}">${inner}</h${level}>\n`;
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        return SAFE_HREF.test(token.href.trim()) ? `<a href="${escapeHtml(token.href.trim())}">${inner}</a>` : inner;
      },
      image(token: Tokens.Image) {
        return SAFE_SRC.test(token.href)
          ? `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`
          : escapeHtml(token.text);
      },
    },
  });
  const raw = marked.parse(source) as string;
  const html = sanitizeHtml(raw, ALLOWED);
  const text = sanitizeHtml(html.replace(/<\/(p|h\d|li|td|th|pre|blockquote)>/g, ' </$1>\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return { html, toc, text };
};

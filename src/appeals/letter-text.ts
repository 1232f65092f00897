// A letter as the renderer reads it. The stored body is plain text the family (or a caseworker)
// owns: it was filled from an editor's template and then typed over freely in a textarea, so
// nothing in it says which characters are Markdown. The rule: a line an editor wrote in a version
// of the letter's template (its placeholders filled with anything) keeps the template's Markdown,
// its filled-in values made literal; every other line is hers, made literal whole. The body
// itself is never changed: the textarea, the stored letter and any plain copy keep her exact
// characters; only the text handed to the Markdown renderer (page, print page, PDF) is escaped.

const TOKEN = /\{\{\s*[^{}]*?\s*\}\}/;
/** The same, for splitting a line at every placeholder. */
const TOKENS = new RegExp(TOKEN.source, 'g');
const NBSP = '\u00a0';

/**
 * Text that Markdown shows as typed: every ASCII punctuation mark backslash-escaped (CommonMark
 * lets any of them be, and then prints it as itself), so no `*`, `_`, `#`, `1.`, `>`, `-`, a
 * backtick, a link, a table bar, an entity or a raw `<` means anything; a leading indent becomes
 * no-break spaces (four spaces would start a code block, where escapes show as backslashes).
 */
export const escapeMarkdown = (s: string): string =>
  s.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/^[ \t]+/gm, (ws) => NBSP.repeat(ws.replace(/\t/g, '    ').length));

interface TemplateLine {
  /** the editor's words between the placeholders (Markdown), at least one */
  parts: string[];
}

const linesOf = (templates: string[]): { whole: Set<string>; filled: TemplateLine[] } => {
  const whole = new Set<string>();
  const filled: TemplateLine[] = [];
  for (const line of templates.flatMap((t) => t.split(/\r?\n/))) {
    if (line.trim() === '') continue;
    const parts = line.split(TOKENS);
    if (parts.length === 1) whole.add(line);
    // A line that is only placeholders has no words of the editor's to keep.
    else if (parts.some((p) => p.trim() !== '')) filled.push({ parts });
  }
  return { whole, filled };
};

/**
 * The values of `line` if it is the template line `parts` filled in, each value at least one
 * character, by plain string search (no regular expression to backtrack over a long line): the
 * editor's words in order, the first at the start, the last at the end.
 */
const valuesIn = (line: string, parts: string[]): string[] | null => {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const end = line.length - last.length;
  if (!line.startsWith(first) || !line.endsWith(last) || end - first.length < parts.length - 1) return null;
  const values: string[] = [];
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const next = line.indexOf(parts[i], at + 1);
    if (next < 0 || next + parts[i].length >= end) return null;
    values.push(line.slice(at, next));
    at = next + parts[i].length;
  }
  if (end - at < 1) return null;
  values.push(line.slice(at, end));
  return values;
};

const templateLine = (line: string, filled: TemplateLine[]): string | null => {
  for (const { parts } of filled) {
    const values = valuesIn(line, parts);
    if (values) return parts.map((p, i) => (i === 0 ? p : escapeMarkdown(values[i - 1]) + p)).join('');
  }
  return null;
};

/**
 * The letter's body as Markdown for renderMarkdown and the PDF: the template's lines (any
 * version's) as the editor wrote them, their values and every other line literal.
 */
export const letterMarkdown = (body: string, templates: string[]): string => {
  const { whole, filled } = linesOf(templates);
  return body
    .split(/\r?\n/)
    .map((line) => {
      if (line.trim() === '') return '';
      if (whole.has(line)) return line;
      return templateLine(line, filled) ?? escapeMarkdown(line);
    })
    .join('\n');
};

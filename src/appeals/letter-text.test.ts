import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { renderMarkdown } from '../shared/markdown.ts';
import { escapeMarkdown, letterMarkdown } from './letter-text.ts';

// What a mother types in a letter is shown as she typed it: her «1.» is not a list, her «#» not a
// heading, her «*» not bold, her link not a link. The template's own Markdown still renders.

const html = (md: string) => renderMarkdown(md, { breaks: true }).html;
/** The words a reader sees, tags dropped and entities read. */
const seen = (h: string) =>
  h
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/^\n+|\n+$/g, '');

const TYPED = [
  '1. Сын звонил 3 января.',
  '# не заголовок',
  '- не список',
  '+ и не этот',
  '> не цитата',
  '*не курсив* и **не жирный**, _и_ __так__ тоже',
  '`не код` ~~не зачёркнуто~~',
  '[ссылка](https://example.org) и https://example.org и www.example.org и mama@example.org',
  '<b>не тег</b> &amp; &copy; 5 < 7',
  'обратная косая \\ и \\* и в конце \\',
  '    четыре пробела',
  '| a | b |',
  '---',
  '2) тоже не список',
  '![img](/x.png)',
];

describe('escapeMarkdown', () => {
  it.each(TYPED)('shows %j exactly as typed', (line) => {
    const h = html(escapeMarkdown(line));
    expect(h).not.toMatch(/<(ol|ul|li|h\d|blockquote|strong|em|code|pre|a|del|table|hr|img)\b/);
    expect(seen(h).replace(/\u00a0/g, ' ')).toBe(line);
  });

  it('keeps every line of a text typed on many lines, a «1.» and a «#» at a line start included', () => {
    const text = TYPED.join('\n');
    const h = html(escapeMarkdown(text));
    expect(h).not.toMatch(/<(ol|ul|li|h\d|blockquote|strong|em|code|pre|a|del|table|hr)\b/);
    expect(seen(h).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

const TEMPLATE = `Прошу сообщить о **военнослужащем** {{person.full_name}}, воинская часть {{person.unit}}.

Что известно семье: {{case.what_is_known}}

1. где он находится;
2. что с ним.`;

describe('letterMarkdown', () => {
  it('keeps the template’s Markdown and makes the values and her own lines literal', () => {
    const body = [
      'Прошу сообщить о **военнослужащем** *Иванов* Пётр, воинская часть 1. рота.',
      '',
      'Что известно семье: # звонил',
      '1. Сын звонил 3 января.',
      '> сослуживец **сказал**',
      '',
      '1. где он находится;',
      '2. что с ним.',
    ].join('\n');
    const h = html(letterMarkdown(body, [TEMPLATE]));
    expect(h).toContain('<strong>военнослужащем</strong> *Иванов* Пётр, воинская часть 1. рота.');
    expect(h.replace(/<br \/>/g, '<br>')).toContain(
      'Что известно семье: # звонил<br>1. Сын звонил 3 января.<br>&gt; сослуживец **сказал**',
    );
    expect(h).toMatch(/<ol>\s*<li>где он находится;<\/li>\s*<li>что с ним\.<\/li>\s*<\/ol>/);
    expect(h.match(/<strong>/g)).toHaveLength(1);
    expect(h).not.toMatch(/<(h\d|blockquote|em)\b/);
  });

  it('reads a template line from any version, and makes an edited template line hers', () => {
    const old = 'Просим:\n\n- **ответить** {{person.full_name}}';
    const body = '- **ответить** Петрову\n- **ответить** всем, пожалуйста';
    expect(html(letterMarkdown(body, [TEMPLATE, old]))).toContain('<strong>ответить</strong> Петрову');
    // Her own line in the template's style is still her words.
    expect(html(letterMarkdown('- **моё**', [TEMPLATE]))).toContain('- **моё**');
  });

  it('never changes the stored text: a body with no Markdown in it comes back as is', () => {
    const body = 'Иванов Пётр\nродился 01.02.2000';
    expect(seen(html(letterMarkdown(body, [])))).toBe(body);
  });

  it('gives the PDF her characters, not the backslashes', () => {
    const body = '1. Сын \\ звонил *3* января.';
    const tokens = new Lexer({ gfm: true }).lex(letterMarkdown(body, []));
    expect(tokens[0].type).toBe('paragraph');
    const words = (tokens[0] as { tokens: Array<{ text?: string; raw: string }> }).tokens
      .map((t) => t.text ?? t.raw)
      .join('');
    expect(words).toBe(body);
  });
});

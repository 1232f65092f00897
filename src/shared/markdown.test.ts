import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('editor Markdown', () => {
  it('renders headings with ids and a table of contents, and plain text for search', () => {
    const r = renderMarkdown(
      '# Куда писать\n\nТекст **важно**.\n\n## Сроки ответа\n\n- три дня\n- 30 дней\n\n# Куда писать\n',
    );
    expect(r.toc).toEqual([
      { id: 'куда-писать', level: 2, text: 'Куда писать' },
      { id: 'сроки-ответа', level: 3, text: 'Сроки ответа' },
      { id: 'куда-писать-2', level: 2, text: 'Куда писать' },
    ]);
    expect(r.html).toContain('<h2 id="куда-писать">Куда писать</h2>');
    expect(r.html).toContain('<strong>важно</strong>');
    expect(r.text).toContain('три дня');
    expect(r.text).not.toContain('<');
  });

  it('shows raw HTML as text and never lets a script, handler, style or frame through', () => {
    const evil = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(1)">x</a>',
      '<style>body{display:none}</style>',
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '![tracker](https://evil.example/pixel.png)',
      '![proto](//evil.example/pixel.png)',
      '<div onclick="x()">div</div>',
    ].join('\n\n');
    const { html } = renderMarkdown(evil);
    // Every real tag left is on the allow-list, with no handler and no foreign or script URL.
    const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [, name, attrs] of tags) {
      expect(['p', 'a', 'img', 'br']).toContain(name.toLowerCase());
      expect(attrs).not.toMatch(/\son\w+=|javascript:|data:|src="(https?:)?\/\//i);
    }
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<a href="javascript');
  });

  it('keeps safe links and images from this site', () => {
    const { html } = renderMarkdown('[закон](https://example.org/59-fz) [guide](/guides/x) ![схема](/assets/map.png)');
    expect(html).toContain('<a href="https://example.org/59-fz">закон</a>');
    expect(html).toContain('<a href="/guides/x">guide</a>');
    expect(html).toContain('<img src="/assets/map.png" alt="схема" />');
  });

  it('keeps a typed line break as one when asked (a letter), as a space otherwise (a guide)', () => {
    const text = 'Иванов Пётр\nв/ч 12345\n\nВторой абзац.';
    expect(renderMarkdown(text, { breaks: true }).html).toBe(
      '<p>Иванов Пётр<br />в/ч 12345</p>\n<p>Второй абзац.</p>\n',
    );
    expect(renderMarkdown(text).html).toBe('<p>Иванов Пётр\nв/ч 12345</p>\n<p>Второй абзац.</p>\n');
  });
});

import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { longWords, syllableBreaks } from './long-words.tsx';

// The pair page's long typed places (QA walk 7): where they may break, and what is left alone.

const split = (word: string): string => {
  const at = syllableBreaks(word);
  return [0, ...at].map((s, i) => word.slice(s, at[i] ?? word.length)).join('|');
};

describe('long words in a narrow column', () => {
  it('breaks a long stretch of letters between syllables, never leaving one letter alone', () => {
    expect(split('Петропавловск')).toBe('Пет|ро|пав|ловск');
    expect(split('Верхнесолоновский')).toBe('Вер|хне|со|ло|нов|ский');
    expect(split('Новоалександровско')).toBe('Но|во|а|лек|сан|дров|ско');
    // a soft sign or й stays with the letter before it
    expect(split('Ильменский')).toBe('Иль|мен|ский');
    expect(split('Подъяпольское')).toBe('По|дъя|поль|ское');
    expect(split('Оя')).toBe('Оя');
  });

  it('leaves short stretches as text, and keeps a long one whole with its marks and hyphen', () => {
    expect(longWords('12.2025 — Ранение, Курск (Семья)')).toBe('12.2025 — Ранение, Курск (Семья)');
    const html = render(<p>{longWords('Петропавловск-Камчатский, (Верхнесолоновский)')}</p>);
    expect(html).toBe(
      '<p><span class="word">Пет<wbr/>ро<wbr/>пав<wbr/>ловск-</span>Камчатский, <span class="word">(Вер<wbr/>хне<wbr/>со<wbr/>ло<wbr/>нов<wbr/>ский)</span></p>',
    );
  });
});

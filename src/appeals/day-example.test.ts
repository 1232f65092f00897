import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Under a date field the hint gives an example, and the error for a wrong date gives one again:
// the same date both times, or a family reads two examples and wonders which form is right
// (QA walk 8: «например 05.12.2026» under the field, «например, 02.03.2026» in the error).

const exampleIn = (text: string): string | undefined => text.match(/\d{2}\.\d{2}\.\d{4}/)?.[0];

describe('the example date of an appeal date field', () => {
  it.each(['ru', 'en'])('is the same in the hint and in the error (%s)', (lang) => {
    const words = JSON.parse(readFileSync(new URL(`../web/i18n/${lang}/appeals.json`, import.meta.url), 'utf8'));
    const hint = exampleIn(words.appeals.dayHint);
    expect(hint).toBeDefined();
    expect(exampleIn(words.appeals.errors.badDay)).toBe(hint);
  });
});

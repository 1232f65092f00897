import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The interface's words are read by mothers and journalists: no string names a file of the
// repository or an HTTP header («в docs/status-rules.md», «с заголовками ETag»), and the English
// text gives a Russian term in English first («military unit 12345 (в/ч 12345)»).

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'i18n');

const strings = (lang: string): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') out.push([prefix, v]);
    else if (v && typeof v === 'object') for (const [k, w] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, w);
  };
  for (const file of fs.readdirSync(path.join(dir, lang)))
    walk(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, lang, file), 'utf8')));
  return out;
};

describe('the words of the interface', () => {
  it.each(['ru', 'en'])('name no repository file or HTTP header (%s)', (lang) => {
    const developerWords = /\b[\w-]+\.(?:md|ya?ml|ts|tsx)\b|\bdocs\/|\bREADME\b|\bETag\b|Cache-Control|\bCORS\b/;
    // The `kintrace` command's words (…cli.…) are read by the operator, in the repository's own
    // terminal: there a file of docs/ is the reference they need.
    expect(strings(lang).filter(([k, v]) => !/\.cli\./.test(k) && developerWords.test(v))).toEqual([]);
  });

  it("tell a family waiting for a board what she waits for, in her words, not the board's key", () => {
    for (const [lang, key] of [
      ['ru', /ключ/i],
      ['en', /\bkey\b/i],
    ] as const) {
      const waiting = strings(lang).filter(([k]) => /\.cohorts\.board(?:Pending|Locked)$/.test(k));
      expect(waiting).toHaveLength(2);
      for (const [k, v] of waiting) {
        expect(v, k).not.toMatch(key);
        expect(v, k).toMatch(lang === 'ru' ? /другая семья/ : /another family/);
      }
    }
  });

  it('tell a phone user how to print a letter, not only a keyboard user', () => {
    const howTo = (lang: string) => strings(lang).find(([k]) => k === 'appeals.appeals.print.howTo')?.[1] ?? '';
    expect(howTo('ru')).toMatch(/телефон/);
    expect(howTo('en')).toMatch(/phone/);
  });

  it('in English say what a Russian unit number is before giving it', () => {
    expect(strings('en').filter(([, v]) => /(?:example|e\.g\.)\s+в\/ч/i.test(v))).toEqual([]);
  });
});

// Every class a page puts on a button is one the stylesheet draws. A class it does not know
// ("outline", "contrast") silently fell back to the primary style: the review page's "not sure"
// looked as weighty as "the same person", and deleting an account looked like saving a form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const css = readFileSync(join(root, 'src/web/assets/site.css'), 'utf8');

const views = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return views(path);
    return e.name.endsWith('.tsx') && !e.name.includes('.test.') ? [path] : [];
  });

describe('button classes', () => {
  it('are all drawn by site.css', () => {
    const unknown: string[] = [];
    for (const file of views(join(root, 'src'))) {
      for (const [, classes] of readFileSync(file, 'utf8').matchAll(/<button\b[^>]*\bclass="([^"]+)"/g))
        for (const name of classes.split(/\s+/))
          if (!new RegExp(`\\.${name}\\b`).test(css)) unknown.push(`${file.slice(root.length + 1)}: ${name}`);
    }
    expect(unknown).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { LinkageEngine } from '../linkage/engine/engine.ts';
import { personConfig } from '../linkage/engine/person-config.ts';
import { PLATFORM_FIELDS } from '../imports/row-rules.ts';
import { HIDE_REASONS } from '../cohorts/cohorts.service.ts';
import { TEXT_PROBLEMS } from '../shared/text-files.ts';

// Every string issue 11's pages name exists in Russian and English, with Russian plural forms
// where a count is said; every level the engine can report has words for the review page.

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOMAINS = ['imports', 'matching', 'search', 'cohorts'];

const keysInCode = (): Set<string> => {
  const keys = new Set<string>();
  for (const d of DOMAINS)
    for (const file of fs.readdirSync(path.join(src, d)).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.')))
      for (const m of fs
        .readFileSync(path.join(src, d, file), 'utf8')
        .matchAll(/'((?:imports|matching|search|cohorts|people|cases|errors|common)\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g))
        keys.add(m[1]);
  return keys;
};

const flat = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flat(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('issue 11 translations', () => {
  it('cover every key the code names, in both languages', () => {
    const keys = keysInCode();
    expect(keys.size).toBeGreaterThan(100);
    for (const lang of LANGUAGES) {
      const missing = [...keys].filter((k) => !hasKey(lang, k) && !hasKey(lang, `${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });

  it('have the same keys in Russian and English, and every Russian plural form', () => {
    for (const d of DOMAINS) {
      const ru = flat(JSON.parse(fs.readFileSync(path.join(src, 'web/i18n/ru', `${d}.json`), 'utf8')));
      const en = flat(JSON.parse(fs.readFileSync(path.join(src, 'web/i18n/en', `${d}.json`), 'utf8')));
      const base = (k: string) => k.replace(/_(one|few|many|other)$/, '');
      expect(new Set(ru.map(base)), d).toEqual(new Set(en.map(base)));
      for (const k of ru.filter((x) => x.endsWith('_one')))
        for (const form of ['_few', '_many', '_other']) expect(ru, `${d} ${k}`).toContain(k.replace(/_one$/, form));
    }
  });

  it('put every level the engine reports, every list field, every hiding reason and every unreadable file into words', () => {
    const engine = new LinkageEngine(personConfig());
    const slug = (label: string) =>
      label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
    const keys = [
      ...engine.comparisons.flatMap((c) => [
        `matching.fields.${c.name}`,
        ...c.levels.map((l) => `matching.levels.${slug(l.label)}`),
      ]),
      ...PLATFORM_FIELDS.map((f) => `imports.fields.${f}`),
      ...HIDE_REASONS.map((r) => `cohorts.reasons.${r}`),
      // An uploaded list that is no readable text says what it is (list-format.ts builds the key).
      ...TEXT_PROBLEMS.map((p) => `imports.errors.${p}`),
    ];
    for (const lang of LANGUAGES)
      expect(
        keys.filter((k) => !hasKey(lang, k)),
        lang,
      ).toEqual([]);
  });
});

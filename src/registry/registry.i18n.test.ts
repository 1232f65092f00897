import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { AUDIT_ACTIONS } from '../audit/audit.service.ts';
import ru from '../web/i18n/ru/registry.json' with { type: 'json' };
import en from '../web/i18n/en/registry.json' with { type: 'json' };

// Every registry string the code names exists in Russian and in English, and the two files hold
// the same keys (plural forms aside: Russian has _few and _many, English does not).

const dir = path.dirname(fileURLToPath(import.meta.url));

const flat = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? flat(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const base = (k: string) => k.replace(/_(one|few|many|other)$/, '');

describe('registry translations', () => {
  it('cover every key the registry code uses, in both languages', () => {
    const keys = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.')))
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'(registry\.[A-Za-z0-9_.]+)'/g))
        if (!m[1].endsWith('.') && !(AUDIT_ACTIONS as readonly string[]).includes(m[1])) keys.add(m[1]);
    expect(keys.size).toBeGreaterThan(60);
    // the audit log names the registry's actions too
    for (const action of AUDIT_ACTIONS) keys.add(`audit.actions.${action}`);
    for (const lang of LANGUAGES) {
      const missing = [...keys].filter((k) => !hasKey(lang, k) && !hasKey(lang, `${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });

  it('say the same things in both languages', () => {
    expect([...new Set(flat(ru).map(base))].sort()).toEqual([...new Set(flat(en).map(base))].sort());
    const plurals = flat(ru)
      .filter((k) => k.endsWith('_one'))
      .map(base);
    for (const k of plurals)
      for (const form of ['_few', '_many', '_other']) expect(flat(ru), k + form).toContain(`${k}${form}`);
  });
});

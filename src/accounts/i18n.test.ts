import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { STAFF_ROLES } from '../policy/principal.ts';

// Every accounts string the code names exists in Russian and in English (plural keys by their
// base form), so no page ever shows a raw key.

const dir = path.dirname(fileURLToPath(import.meta.url));

describe('accounts translations', () => {
  it('cover every key used in the accounts code, in both languages', () => {
    const keys = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts'))) {
      for (const m of fs
        .readFileSync(path.join(dir, file), 'utf8')
        .matchAll(/'((?:accounts|errors|common)\.[A-Za-z0-9_.]+)'/g))
        keys.add(m[1]);
    }
    for (const role of [...STAFF_ROLES, 'family']) keys.add(`accounts.roles.${role}`);
    expect(keys.size).toBeGreaterThan(50);
    for (const lang of LANGUAGES) {
      const missing = [...keys].filter((k) => !hasKey(lang, k) && !hasKey(lang, `${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });
});

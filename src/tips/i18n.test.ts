import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { HOW_KNOWN, TIP_CLOSE_REASONS, TIP_FILTERS } from './tips.schema.ts';
import { TIP_STATES } from './tip-lifecycle.ts';
import { TIP_NOTICES } from './tips.views.tsx';

// Every tips string the code names exists in Russian and in English (plurals by their base form).

const dir = path.dirname(fileURLToPath(import.meta.url));

describe('tips translations', () => {
  it('cover every key used in the tips code, in both languages', () => {
    const keys = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts')))
      for (const m of fs
        .readFileSync(path.join(dir, file), 'utf8')
        .matchAll(/'((?:tips|errors|common|people|cases)\.[A-Za-z0-9_.]+)'/g))
        keys.add(m[1]);
    for (const v of HOW_KNOWN) keys.add(`tips.how.${v}`);
    for (const v of TIP_CLOSE_REASONS) keys.add(`tips.closeReasons.${v}`);
    for (const v of TIP_FILTERS) keys.add(`tips.staff.filters.${v}`);
    for (const v of TIP_STATES) keys.add(`tips.states.${v}`);
    for (const v of TIP_NOTICES) keys.add(`tips.done.${v}`);
    keys.add('cases.sources.tip');
    expect(keys.size).toBeGreaterThan(60);
    for (const lang of LANGUAGES) {
      const missing = [...keys].filter((k) => !hasKey(lang, k) && !hasKey(lang, `${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { APPEAL_STATES, RECORDED_STEPS } from './appeal-lifecycle.ts';
import { AUTHORITY_KINDS } from './appeals.seed.ts';
import { CHANNELS } from './deadline-rules.ts';
import { PLACEHOLDERS } from './template-rules.ts';

// Every appeals, evidence and guides string the code names exists in Russian and in English
// (plural keys by their base form), so no page ever shows a raw key.

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('appeals, evidence and guides translations', () => {
  it('cover every key used in their code, in both languages', () => {
    const keys = new Set<string>();
    for (const dir of ['appeals', 'evidence', 'guides', 'cases']) {
      for (const file of fs
        .readdirSync(path.join(src, dir))
        .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.') && !f.includes('.repository.'))) {
        for (const m of fs
          .readFileSync(path.join(src, dir, file), 'utf8')
          .matchAll(/'((?:appeals|evidence|guides)\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g))
          keys.add(m[1]);
      }
    }
    for (const s of APPEAL_STATES) keys.add(`appeals.states.${s}`);
    for (const s of RECORDED_STEPS) keys.add(`appeals.step.kinds.${s}`);
    for (const s of ['sent', 'registered', 'forwarded', 'extended', 'answered', 'closed'])
      keys.add(`appeals.stepKinds.${s}`);
    for (const k of AUTHORITY_KINDS) keys.add(`appeals.kinds.${k}`);
    for (const c of CHANNELS) keys.add(`appeals.channels.${c}`);
    for (const p of PLACEHOLDERS) keys.add(`appeals.placeholders.${p.replace('.', '_')}`);
    for (const m of ['image/jpeg', 'image/png', 'application/pdf']) keys.add(`evidence.kinds.${m}`);
    // The job's name is a name, not a key: its label lives with the scheduler's.
    keys.delete('appeals.overdue');
    keys.add('scheduler.jobs.appeals.overdue');
    expect(keys.size).toBeGreaterThan(150);
    for (const lang of LANGUAGES) {
      const missing = [...keys].filter((k) => !hasKey(lang, k) && !hasKey(lang, `${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });
});

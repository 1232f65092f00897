import { describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { allJobs } from './jobs.ts';
import { ManualClock } from './shared/clock.ts';
import { LANGUAGES } from './shared/lang.ts';
import { hasKey } from './web/i18n/i18n.ts';

// /admin/jobs names every job in the administrator's language: "imports" and "matching" showed
// as their internal names on the Russian page.

describe('the timed jobs', () => {
  it('each have a name in every language', () => {
    const jobs = allJobs({
      db: {} as Db,
      clock: new ManualClock('2026-03-02T09:00:00.000Z'),
      config: { retentionDays: 90, registrySuppressionThreshold: 5 } as Config,
    });
    expect(jobs.length).toBeGreaterThan(5);
    for (const lang of LANGUAGES)
      expect(
        jobs.map((j) => j.name).filter((name) => !hasKey(lang, `scheduler.jobs.${name}`)),
        lang,
      ).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../test/helpers/db.ts';
import { loadConfig, type Config } from './config.ts';
import type { Db } from './db/database.ts';
import { allJobs } from './jobs.ts';
import { jobStatuses, Scheduler } from './scheduler/scheduler.service.ts';
import { JobsPage } from './scheduler/scheduler.views.tsx';
import { jobsPageContext } from './scheduler/jobs-page.test-helper.ts';
import { ManualClock } from './shared/clock.ts';
import { LANGUAGES, type Lang } from './shared/lang.ts';
import { hasKey } from './web/i18n/i18n.ts';

// /admin/jobs names every job in the administrator's language: "imports" and "matching" showed
// as their internal names on the Russian page. And every job says how its last run went in that
// language too: the imports job and appeals.overdue still gave theirs in English.

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

describe.each(DIALECTS)('the timed jobs, run (%s)', (dialect) => {
  it('each say their last run in the page language, a day as the page writes days', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-jobs-'));
    const opened = await freshDb(dialect);
    try {
      const clock = new ManualClock('2026-03-02T09:00:00.000Z');
      const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', RETENTION_DAYS: '90' });
      const jobs = allJobs({ db: opened.db, clock, config });
      const scheduler = new Scheduler({ db: opened.db, clock, log: { info: () => {}, error: () => {} } }, jobs);
      await scheduler.register();
      expect((await scheduler.runDue()).sort()).toEqual(jobs.map((j) => j.name).sort());
      const statuses = await jobStatuses(opened.db, clock);
      expect(statuses.filter((j) => j.lastOutcome !== 'ok').map((j) => [j.name, j.lastSummary])).toEqual([]);
      for (const lang of LANGUAGES)
        expect(
          statuses
            .filter((j) => !j.lastNotes?.length || !j.lastNotes.every((n) => hasKey(lang, `scheduler.notes.${n.key}`)))
            .map((j) => j.name),
          lang,
        ).toEqual([]);
      const page = (lang: Lang) =>
        renderToString(<JobsPage ctx={jobsPageContext(lang)} jobs={statuses} queued={false} />);
      const ru = page('ru');
      for (const j of statuses) expect(ru, j.name).not.toContain(j.lastSummary);
      expect(ru).toContain('закрыто прерванных импортов: 0, удалено брошенных загрузок: 0');
      expect(ru).toContain('отмечено просроченных обращений (семьям сообщено): 0');
      // Retention's cutoff, 90 days before 02.03.2026, is a day: written as the page writes days.
      expect(ru).toContain('удалено дел, закрытых не позднее 02.12.2025: 0');
      expect(ru).not.toContain('2025-12-02');
      const en = page('en');
      expect(en).toContain('interrupted imports closed: 0, abandoned uploads deleted: 0');
      expect(en).toContain('appeals marked overdue (families told): 0');
      expect(en).toContain('cases closed on or before 02.12.2025 purged: 0');
    } finally {
      await opened.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import type { OpenedDb } from '../db/database.ts';
import { HOUR, ManualClock } from '../shared/clock.ts';
import type { Lang } from '../shared/lang.ts';
import { jobStatuses, Scheduler, type JobDefinition } from './scheduler.service.ts';
import { JobsPage } from './scheduler.views.tsx';
import { jobsPageContext } from './jobs-page.test-helper.ts';

// /admin/jobs said each run's summary in English on the Russian page («registry request
// statistics: 12 region(s)…»): a job's notes are shown in the administrator's language, its
// English summary only when it gives none (a run recorded before notes existed).

const ctxFor = jobsPageContext;

const quietLog = { info: () => {}, error: () => {} };

describe.each(DIALECTS)("the jobs page's run summaries (%s)", (dialect) => {
  let opened: OpenedDb;
  afterEach(() => opened?.close());

  const page = async (jobs: JobDefinition[], lang: Lang) => {
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const s = new Scheduler({ db: opened.db, clock, log: quietLog }, jobs);
    await s.register();
    await s.runDue();
    return renderToString(<JobsPage ctx={ctxFor(lang)} jobs={await jobStatuses(opened.db, clock)} queued={false} />);
  };

  it('are in Russian on the Russian page and in English on the English one', async () => {
    opened = await freshDb(dialect);
    const stats: JobDefinition = {
      name: 'registry-request-statistics',
      everyMs: HOUR,
      run: async () => ({
        ok: true,
        summary: 'registry request statistics: 12 region(s), 3 hidden below the small-count threshold',
        notes: [{ key: 'requestStatistics', values: { regions: 12, hidden: 3 } }],
      }),
    };
    const ru = await page([stats], 'ru');
    expect(ru).toContain('регионов в таблице: 12, из них скрыто как малые числа: 3');
    expect(ru).not.toContain('region(s)');
    expect(await page([stats], 'en')).toContain('regions in the table: 12, hidden below the small-count threshold: 3');
  });

  it('say a failure in the page language, the error message kept as it was', async () => {
    opened = await freshDb(dialect);
    const broken: JobDefinition = {
      name: 'tips',
      everyMs: HOUR,
      run: async () => {
        throw new Error('disk full');
      },
    };
    const ru = await page([broken], 'ru');
    expect(ru).toContain('ошибка: disk full');
    expect(ru).not.toContain('tips failed');
  });

  it('fall back to the English summary for a job that gives no notes', async () => {
    opened = await freshDb(dialect);
    const plain: JobDefinition = { name: 'x', everyMs: HOUR, run: async () => ({ ok: true, summary: 'x: 2 done' }) };
    expect(await page([plain], 'ru')).toContain('x: 2 done');
  });

  it('say the day of a run recorded before days were typed as they say a new one, in both languages', async () => {
    opened = await freshDb(dialect);
    // What retention and tips stored before noteDay: the cutoff a plain ISO day, shown raw until
    // the job ran again.
    const legacy = JSON.stringify([
      {
        key: 'retention',
        values: {
          cutoff: '2026-03-02',
          cases: 2,
          keyWraps: 2,
          messages: 0,
          notes: 0,
          eventsDeleted: 1,
          eventsKept: 0,
          persons: 1,
          accounts: 0,
        },
      },
      { key: 'tips', values: { cutoff: '2026-04-01', tips: 1, posts: 3, sessions: 0 } },
    ]);
    const stored = (notes: string) => opened.db.updateTable('scheduled_jobs').set({ last_notes: notes }).execute();
    const job = (key: string, cutoff: string): JobDefinition => ({
      name: key,
      everyMs: HOUR,
      run: async () => ({ ok: true, summary: `${key}: english summary`, notes: [{ key, values: { cutoff } }] }),
    });
    await page([job('retention', '2026-03-02')], 'ru');
    await stored(legacy);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const render = async (lang: Lang) =>
      renderToString(<JobsPage ctx={ctxFor(lang)} jobs={await jobStatuses(opened.db, clock)} queued={false} />);
    const ru = await render('ru');
    expect(ru).toContain('удалено дел, закрытых не позднее 02.03.2026: 2;');
    expect(ru).toContain('удалено сообщений, закрытых не позднее 01.04.2026: 1');
    expect(ru).not.toContain('2026-03-02');
    const en = await render('en');
    expect(en).toContain('cases closed on or before 02.03.2026 purged: 2;');
    expect(en).toContain('tips closed on or before 01.04.2026 purged: 1');
    expect(en).not.toContain('2026-04-01');
    // And as the new shape stores it, the same.
    await stored(
      JSON.stringify([{ key: 'tips', values: { cutoff: { day: '2026-04-01' }, tips: 1, posts: 3, sessions: 0 } }]),
    );
    expect(await render('ru')).toContain('удалено сообщений, закрытых не позднее 01.04.2026: 1');
    // Notes of no shape this page knows: the English summary, not a broken line or an error.
    await stored(JSON.stringify([{ key: 'tips', values: { cutoff: null } }]));
    expect(await render('ru')).toContain('retention: english summary');
  });
});

// The page's first words named two jobs (destroying cases, clearing sessions) above a list of
// seven: an administrator looking for the matching job or the appeal deadlines read that the page
// was not about them (QA walk).
describe('the jobs page intro', () => {
  it('does not say the scheduled work is only retention and sessions', () => {
    for (const [lang, says, not] of [
      ['ru', 'каждая задача ниже', 'удаление дел, срок хранения которых истёк, и очистка истёкших сеансов.'],
      ['en', 'each job below', 'destroying cases whose retention period has ended and clearing expired sessions.'],
    ] as const) {
      const html = renderToString(<JobsPage ctx={ctxFor(lang)} jobs={[]} queued={false} />);
      expect(html, lang).toContain(says);
      expect(html, lang).not.toContain(not);
    }
  });
});

// «Запустить сейчас» answered «Задача будет выполнена в течение минуты» without saying which of
// seven (QA walk): the notice names it.
describe('the notice after «Запустить сейчас»', () => {
  it('names the job asked for, in the page language', () => {
    for (const [lang, says] of [
      ['ru', '«Поиск совпадений в новых записях и новости для семей» — будет выполнено в течение минуты.'],
      ['en', 'will run within a minute.'],
    ] as const) {
      const html = renderToString(<JobsPage ctx={ctxFor(lang)} jobs={[]} queued="matching" />);
      expect(html, lang).toContain(says);
    }
    expect(renderToString(<JobsPage ctx={ctxFor('ru')} jobs={[]} queued={true} />)).toContain(
      'Задача будет выполнена в течение минуты.',
    );
  });
});

// QA walk 7: the jobs page alone gave its times in UTC («14:52 UTC») while the invite link on the
// next page said «до 10.12.2026 17:54 (Москва, UTC+3)».
describe('the jobs page times', () => {
  let opened: OpenedDb;
  afterEach(() => opened?.close());

  it("give their times on the deployment's clock, the zone named once", async () => {
    opened = await freshDb('sqlite');
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const s = new Scheduler({ db: opened.db, clock, log: quietLog }, [
      { name: 'sessions', everyMs: HOUR, run: async () => ({ ok: true, summary: 'done' }) },
    ]);
    await s.register();
    await s.runDue();
    const jobs = await jobStatuses(opened.db, clock);
    for (const [lang, zone] of [
      ['ru', 'Время указано по часовому поясу: Москва, UTC+3.'],
      ['en', 'Times are shown in the Europe/Moscow, GMT+3 time zone.'],
    ] as const) {
      const html = renderToString(
        <JobsPage ctx={{ ...ctxFor(lang), timeZone: 'Europe/Moscow' }} jobs={jobs} queued={false} />,
      );
      expect(html, lang).toContain(zone);
      expect(html, lang).toContain('01.05.2026 03:00');
      expect(html, lang).toContain('01.05.2026 04:00');
      expect(html, lang).not.toMatch(/\d\d:\d\d UTC/);
    }
  });
});

import { Layout } from '../web/layout.tsx';
import { PostForm } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import { hasKey } from '../web/i18n/i18n.ts';
import { formatDay } from '../people/partial-date.ts';
import { localDateTime, zoneName } from '../web/time.ts';
import type { JobNote, JobNoteValue, JobStatus } from './scheduler.service.ts';

// The site administrators' view of the scheduler: what runs, when it last ran, whether it failed
// and why (counts and error messages only), and a button to run a job at the next tick.

// Times on the deployment's clock (TIME_ZONE), as every other staff page gives them, the zone named
// once above the jobs: in UTC they read three hours off in Moscow beside the invite links' times.
const when = (ctx: PageContext, iso: string | null): string => (iso ? localDateTime(iso, ctx.timeZone) : '—');

/** A note's value as said on the page: by its type, whatever its name. */
const shown = (v: JobNoteValue): string | number => (typeof v === 'object' ? formatDay(v.day) : v);

/**
 * The last run's outcome in the administrator's language: the job's notes when every one has a
 * translation here, else its English summary (a run from before notes, or a job that gives none).
 */
const summaryText = (ctx: PageContext, job: JobStatus): string | null => {
  const notes: JobNote[] = job.lastNotes ?? [];
  if (notes.length === 0 || !notes.every((n) => hasKey(ctx.lang, `scheduler.notes.${n.key}`))) return job.lastSummary;
  return notes
    .map((n) =>
      ctx.t(
        `scheduler.notes.${n.key}`,
        Object.fromEntries(Object.entries(n.values ?? {}).map(([name, v]) => [name, shown(v)])),
      ),
    )
    .join('; ');
};

const every = (ctx: PageContext, seconds: number): string =>
  seconds % 86400 === 0
    ? ctx.t('scheduler.everyDays', { count: seconds / 86400 })
    : seconds % 3600 === 0
      ? ctx.t('scheduler.everyHours', { count: seconds / 3600 })
      : ctx.t('scheduler.everyMinutes', { count: Math.round(seconds / 60) });

const Job = ({ ctx, job }: { ctx: PageContext; job: JobStatus }) => {
  const { t } = ctx;
  const outcome = job.running ? 'running' : (job.lastOutcome ?? 'never');
  const summary = summaryText(ctx, job);
  return (
    <article class={job.lastOutcome === 'failed' ? 'discrepancy' : undefined}>
      <h2>{t(`scheduler.jobs.${job.name}`, { defaultValue: job.name })}</h2>
      <dl>
        <dt>{t('scheduler.every')}</dt>
        <dd>{every(ctx, job.everySeconds)}</dd>
        <dt>{t('scheduler.outcome')}</dt>
        <dd>
          <strong>{t(`scheduler.outcomes.${outcome}`)}</strong>
        </dd>
        <dt>{t('scheduler.lastRun')}</dt>
        <dd>{when(ctx, job.lastFinishedAt ?? job.lastStartedAt)}</dd>
        <dt>{t('scheduler.nextRun')}</dt>
        <dd>{when(ctx, job.nextRunAt)}</dd>
        <dt>{t('scheduler.counts')}</dt>
        <dd>{t('scheduler.runsAndFailures', { runs: job.runs, failures: job.failures })}</dd>
        {summary && (
          <>
            <dt>{t('scheduler.summary')}</dt>
            <dd>
              <small>{summary}</small>
            </dd>
          </>
        )}
      </dl>
      <PostForm ctx={ctx} action="/admin/jobs/run">
        <input type="hidden" name="name" value={job.name} />
        <button type="submit" class="secondary">
          {t('scheduler.runNow')}
        </button>
      </PostForm>
    </article>
  );
};

/** `queued`: the job asked to run soon (its name), true when the page cannot tell which. */
export const JobsPage = ({ ctx, jobs, queued }: { ctx: PageContext; jobs: JobStatus[]; queued: boolean | string }) => {
  // the zone's name and offset at a time the page shows (daylight saving changes the offset)
  const shownAt = jobs.map((j) => j.nextRunAt ?? j.lastFinishedAt ?? j.lastStartedAt).find((at) => at);
  return (
    <Layout ctx={ctx} heading={ctx.t('scheduler.title')}>
      {queued && (
        <p class="notice done" role="status">
          {typeof queued === 'string'
            ? ctx.t('scheduler.queuedJob', { job: ctx.t(`scheduler.jobs.${queued}`, { defaultValue: queued }) })
            : ctx.t('scheduler.queued')}
        </p>
      )}
      <p>
        {ctx.t('scheduler.intro')}{' '}
        {shownAt && ctx.t('common.timesIn', { zone: zoneName(ctx.timeZone, new Date(shownAt), ctx.lang) })}
      </p>
      {jobs.length === 0 ? <p>{ctx.t('scheduler.none')}</p> : jobs.map((job) => <Job ctx={ctx} job={job} />)}
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import { PostForm } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import { formatDay } from '../people/partial-date.ts';
import type { JobStatus } from './scheduler.service.ts';

// The site administrators' view of the scheduler: what runs, when it last ran, whether it failed
// and why (counts and error messages only), and a button to run a job at the next tick.

const when = (iso: string | null): string => (iso ? `${formatDay(iso)} ${iso.slice(11, 16)} UTC` : '—');

const every = (ctx: PageContext, seconds: number): string =>
  seconds % 86400 === 0
    ? ctx.t('scheduler.everyDays', { count: seconds / 86400 })
    : seconds % 3600 === 0
      ? ctx.t('scheduler.everyHours', { count: seconds / 3600 })
      : ctx.t('scheduler.everyMinutes', { count: Math.round(seconds / 60) });

const Job = ({ ctx, job }: { ctx: PageContext; job: JobStatus }) => {
  const { t } = ctx;
  const outcome = job.running ? 'running' : (job.lastOutcome ?? 'never');
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
        <dd>{when(job.lastFinishedAt ?? job.lastStartedAt)}</dd>
        <dt>{t('scheduler.nextRun')}</dt>
        <dd>{when(job.nextRunAt)}</dd>
        <dt>{t('scheduler.counts')}</dt>
        <dd>{t('scheduler.runsAndFailures', { runs: job.runs, failures: job.failures })}</dd>
        {job.lastSummary && (
          <>
            <dt>{t('scheduler.summary')}</dt>
            <dd>
              <small>{job.lastSummary}</small>
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

export const JobsPage = ({ ctx, jobs, queued }: { ctx: PageContext; jobs: JobStatus[]; queued: boolean }) => (
  <Layout ctx={ctx} heading={ctx.t('scheduler.title')}>
    {queued && (
      <p class="notice done" role="status">
        {ctx.t('scheduler.queued')}
      </p>
    )}
    <p>{ctx.t('scheduler.intro')}</p>
    {jobs.length === 0 ? <p>{ctx.t('scheduler.none')}</p> : jobs.map((job) => <Job ctx={ctx} job={job} />)}
  </Layout>
);

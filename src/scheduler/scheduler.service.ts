import type { Db } from '../db/database.ts';
import { MINUTE, type Clock } from '../shared/clock.ts';
import { systemPrincipal, type Principal } from '../policy/principal.ts';
import { claimJob, ensureJob, finishJob, findJob, listJobs, makeDue } from './scheduler.repository.ts';

// The one scheduler for timed work: retention today, appeal deadlines, reminders and digests
// next. Jobs are due rows in a table, so the schedule survives restarts; every app process ticks,
// and whichever claims a due job's lease runs it (safe with several processes on PostgreSQL; a
// run that dies leaves a lease that simply expires). Jobs must be idempotent: after a crash
// mid-run the next run does the rest. Domains define jobs; src/jobs.ts lists them; main.ts starts
// the scheduler. Tests and the CLI never get a timer behind their back.

/** A day in a note: kept as the ISO day, shown as the page writes days (formatDay). */
export interface NoteDay {
  day: string;
}

/** A note's value: a count, a text said as it is (an error message), or a day. */
export type JobNoteValue = number | string | NoteDay;

/** One line of a run's outcome for /admin/jobs: a key under `scheduler.notes`, counts and dates only. */
export interface JobNote {
  key: string;
  values?: Record<string, JobNoteValue>;
}

/** A day (or a time, cut to its day) as a note's value. */
export const noteDay = (iso: string): NoteDay => ({ day: iso.slice(0, 10) });

export interface JobOutcome {
  /** counts only, in English: logged, and shown to site admins when the job gives no notes */
  summary: string;
  /** the same outcome as translatable lines, shown in the administrator's language */
  notes?: JobNote[];
  /** false when part of the work failed and was left for the next run */
  ok: boolean;
}

export interface JobDefinition {
  name: string;
  everyMs: number;
  /** how long a run may hold the job before another process may take it over */
  leaseMs?: number;
  run(ctx: { now: Date; principal: Principal }): Promise<JobOutcome>;
}

export interface SchedulerLog {
  info(msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  log: SchedulerLog;
}

const DEFAULT_LEASE_MS = 15 * MINUTE;
/** A failed run is tried again sooner than its period, backing off, never later than the period. */
const RETRY_MS = 5 * MINUTE;

const iso = (ms: number): string => new Date(ms).toISOString();

/** Error messages only (a driver's detail fields can quote row values), and not too long. */
const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export class Scheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: SchedulerDeps,
    jobs: JobDefinition[],
  ) {
    for (const job of jobs) this.jobs.set(job.name, job);
  }

  /** Writes a row for every job this process knows (new ones are due at once). */
  async register(): Promise<void> {
    const now = iso(this.deps.clock.now().getTime());
    for (const job of this.jobs.values()) await ensureJob(this.deps.db, job.name, Math.round(job.everyMs / 1000), now);
  }

  /** Runs every due job this process manages to claim, one after another. Returns their names. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs.values()) {
      if (this.stopped) break;
      if (await this.runIfDue(job)) ran.push(job.name);
    }
    return ran;
  }

  private async runIfDue(job: JobDefinition): Promise<boolean> {
    const started = this.deps.clock.now();
    const lease = iso(started.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS));
    if (!(await claimJob(this.deps.db, job.name, started.toISOString(), lease))) return false;
    let outcome: JobOutcome;
    try {
      outcome = await job.run({ now: started, principal: systemPrincipal('scheduler') });
    } catch (err) {
      // Cut as the summary and the error columns are: a note is shown, not a log.
      const error = describeError(err).slice(0, 1000);
      outcome = { ok: false, summary: `${job.name} failed: ${error}`, notes: [{ key: 'failed', values: { error } }] };
    }
    const finished = this.deps.clock.now().getTime();
    const failuresBefore = outcome.ok ? 0 : ((await findJob(this.deps.db, job.name))?.consecutive_failures ?? 0);
    const retry = Math.min(job.everyMs, RETRY_MS * 2 ** failuresBefore);
    await finishJob(this.deps.db, job.name, {
      last_finished_at: iso(finished),
      last_outcome: outcome.ok ? 'ok' : 'failed',
      last_summary: outcome.summary.slice(0, 1000),
      last_notes: outcome.notes?.length ? JSON.stringify(outcome.notes) : null,
      last_error: outcome.ok ? null : outcome.summary.slice(0, 1000),
      next_run_at: iso(started.getTime() + (outcome.ok ? job.everyMs : retry)),
    });
    if (outcome.ok) this.deps.log.info(outcome.summary);
    else this.deps.log.error({}, `${outcome.summary} (tried again at the latest in ${Math.round(retry / MINUTE)} min)`);
    return true;
  }

  /** Registers the jobs, runs what is due now, then checks every `tickMs`. */
  async start(tickMs = MINUTE): Promise<void> {
    await this.register();
    this.tick();
    this.timer = setInterval(() => this.tick(), tickMs);
    // The timer alone must not keep the process alive.
    this.timer.unref();
  }

  /** One check; never two at once in one process, and a failure is logged, not thrown. */
  tick(): void {
    if (this.stopped || this.ticking) return;
    this.ticking = this.runDue()
      .then(() => undefined)
      .catch((err: unknown) => this.deps.log.error({ err: describeError(err) }, 'scheduler tick failed'))
      .finally(() => {
        this.ticking = null;
      });
  }

  /**
   * Resolves once the check in progress (the one start() began) has ended, or after `limitMs`
   * whichever is first: the start-up message is printed after the first jobs' log lines, not
   * among them, without a long first run holding it back.
   */
  async settled(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs);
    });
    await Promise.race([this.ticking ?? Promise.resolve(), limit]);
    clearTimeout(timer);
  }

  /** Stops the timer and waits for a run in progress, so the database is not closed under it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }
}

export interface JobStatus {
  name: string;
  everySeconds: number;
  nextRunAt: string;
  running: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: 'ok' | 'failed' | null;
  lastSummary: string | null;
  lastNotes: JobNote[] | null;
  lastError: string | null;
  runs: number;
  failures: number;
}

/**
 * Runs recorded before days were typed (noteDay) kept a day as a plain ISO string under the name
 * `cutoff` (retention, tips), and the page showed it raw until the job ran again: read as a day.
 */
const LEGACY_DAY = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

const readValue = (name: string, v: unknown): JobNoteValue | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return name === 'cutoff' && LEGACY_DAY.test(v) ? noteDay(v) : v;
  if (typeof v === 'object' && v !== null && typeof (v as { day?: unknown }).day === 'string')
    return noteDay((v as NoteDay).day);
  return null;
};

const readNote = (n: unknown): JobNote | null => {
  if (typeof n !== 'object' || n === null || typeof (n as { key?: unknown }).key !== 'string') return null;
  const { key, values } = n as { key: string; values?: unknown };
  if (values === undefined) return { key };
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const read: Record<string, JobNoteValue> = {};
  for (const [name, v] of Object.entries(values)) {
    const value = readValue(name, v);
    if (value === null) return null;
    read[name] = value;
  }
  return { key, values: read };
};

/** A run's notes in today's shape (older shapes read too); null, so the summary is shown, when they are not notes. */
const readNotes = (json: string | null): JobNote[] | null => {
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const notes = parsed.map(readNote);
  return notes.every((n) => n !== null) ? (notes as JobNote[]) : null;
};

/** What the site admins' jobs page shows. */
export const jobStatuses = async (db: Db, clock: Clock): Promise<JobStatus[]> => {
  const now = clock.now().toISOString();
  return (await listJobs(db)).map((j) => ({
    name: j.name,
    everySeconds: j.every_seconds,
    nextRunAt: j.next_run_at,
    running: j.lease_until !== null && j.lease_until > now,
    lastStartedAt: j.last_started_at,
    lastFinishedAt: j.last_finished_at,
    lastOutcome: j.last_outcome,
    lastSummary: j.last_summary,
    lastNotes: readNotes(j.last_notes),
    lastError: j.last_error,
    runs: j.runs,
    failures: j.failures,
  }));
};

/** An administrator's "run now": the job becomes due and the next tick (of any process) runs it. */
export const runJobSoon = async (db: Db, clock: Clock, name: string): Promise<boolean> =>
  makeDue(db, name, clock.now().toISOString());

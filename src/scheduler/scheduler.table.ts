/** One row per kind of timed work (see migrations/0007-scheduled-jobs.ts). Times are ISO text. */
export interface ScheduledJobsTable {
  name: string;
  every_seconds: number;
  next_run_at: string;
  /** while set and in the future, a process is running the job */
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_outcome: 'ok' | 'failed' | null;
  /** counts only, written by the job (never a name, an id or a text from a case) */
  last_summary: string | null;
  /** the same counts as i18n keys and values, JSON of JobNote[] (migrations/0009-job-notes.ts) */
  last_notes: string | null;
  last_error: string | null;
  runs: number;
  failures: number;
  consecutive_failures: number;
}

export interface SchedulerTables {
  scheduled_jobs: ScheduledJobsTable;
}

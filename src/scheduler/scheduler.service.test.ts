import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import type { OpenedDb } from '../db/database.ts';
import { HOUR, MINUTE, ManualClock } from '../shared/clock.ts';
import { jobStatuses, runJobSoon, Scheduler, type JobDefinition } from './scheduler.service.ts';

// The one scheduler on both engines: due rows survive a restart, one process of several runs a
// due job, a failure is recorded and retried sooner, a held lease keeps others off until it expires.

const quietLog = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), error: (_: object, m: string) => lines.push(`ERROR ${m}`) };
};

describe.each(DIALECTS)('scheduler (%s)', (dialect) => {
  let opened: OpenedDb;
  afterEach(() => opened?.close());

  const counting = (name: string, everyMs: number, behave: () => Promise<void> = async () => {}) => {
    const job = {
      name,
      everyMs,
      calls: 0,
      run: async () => {
        job.calls++;
        await behave();
        return { ok: true, summary: `${name} done` };
      },
    };
    return job;
  };

  it('runs a job when due, then again after its period, and remembers across a restart', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const job = counting('tick', HOUR);
    const first = new Scheduler({ db: opened.db, clock, log: quietLog() }, [job]);
    await first.register();
    expect(await first.runDue()).toEqual(['tick']);
    expect(await first.runDue()).toEqual([]);
    await first.stop();
    // A restart: a new process with the same job finds it not yet due.
    const second = new Scheduler({ db: opened.db, clock, log: quietLog() }, [job]);
    await second.register();
    clock.advance(HOUR - 1);
    expect(await second.runDue()).toEqual([]);
    clock.advance(1);
    expect(await second.runDue()).toEqual(['tick']);
    expect(job.calls).toBe(2);
    const [status] = await jobStatuses(opened.db, clock);
    expect(status).toMatchObject({ name: 'tick', everySeconds: 3600, runs: 2, failures: 0, lastOutcome: 'ok' });
    expect(status.lastSummary).toBe('tick done');
    expect(status.nextRunAt).toBe('2026-05-01T02:00:00.000Z');
  });

  it('lets exactly one of several processes run a due job', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const job = counting('once', HOUR);
    const processes = Array.from({ length: 4 }, () => new Scheduler({ db: opened.db, clock, log: quietLog() }, [job]));
    for (const p of processes) await p.register();
    const ran = await Promise.all(processes.map((p) => p.runDue()));
    expect(ran.flat()).toEqual(['once']);
    expect(job.calls).toBe(1);
  });

  it('keeps others off a running job until its lease expires', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const waiting: Array<() => void> = [];
    const slow = counting('slow', HOUR, () => new Promise<void>((r) => waiting.push(r)));
    const a = new Scheduler({ db: opened.db, clock, log: quietLog() }, [
      { ...slow, leaseMs: 10 * MINUTE } as JobDefinition,
    ]);
    const b = new Scheduler({ db: opened.db, clock, log: quietLog() }, [slow]);
    await a.register();
    const running = a.runDue();
    await expect.poll(() => slow.calls).toBe(1);
    expect((await jobStatuses(opened.db, clock))[0].running).toBe(true);
    expect(await b.runDue()).toEqual([]);
    // The first process died mid-run (its lease is never released): after the lease, b takes over.
    clock.advance(10 * MINUTE + 1);
    const takeover = b.runDue();
    await expect.poll(() => slow.calls).toBe(2);
    for (const release of waiting) release();
    await running;
    await takeover;
  });

  it('records a failure with its message, retries sooner, and recovers', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const log = quietLog();
    let fail = true;
    const flaky: JobDefinition = {
      name: 'flaky',
      everyMs: 24 * HOUR,
      run: async () => {
        if (fail) throw new Error('disk full');
        return { ok: true, summary: 'fine' };
      },
    };
    const s = new Scheduler({ db: opened.db, clock, log }, [flaky]);
    await s.register();
    await s.runDue();
    let [status] = await jobStatuses(opened.db, clock);
    expect(status).toMatchObject({ lastOutcome: 'failed', failures: 1, runs: 1 });
    expect(status.lastError).toContain('disk full');
    expect(log.lines[0]).toMatch(/^ERROR flaky failed: disk full/);
    // Tried again after 5 minutes, then 10: not a day later.
    expect(status.nextRunAt).toBe('2026-05-01T00:05:00.000Z');
    clock.advance(5 * MINUTE);
    await s.runDue();
    [status] = await jobStatuses(opened.db, clock);
    expect(status.nextRunAt).toBe('2026-05-01T00:15:00.000Z');
    fail = false;
    clock.advance(10 * MINUTE);
    await s.runDue();
    [status] = await jobStatuses(opened.db, clock);
    expect(status).toMatchObject({ lastOutcome: 'ok', lastError: null, failures: 2, runs: 3 });
    expect(status.nextRunAt).toBe('2026-05-02T00:15:00.000Z');
  });

  it('runs a job soon when an administrator asks, and refuses unknown names', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const job = counting('daily', 24 * HOUR);
    const s = new Scheduler({ db: opened.db, clock, log: quietLog() }, [job]);
    await s.register();
    await s.runDue();
    clock.advance(HOUR);
    expect(await s.runDue()).toEqual([]);
    expect(await runJobSoon(opened.db, clock, 'daily')).toBe(true);
    expect(await runJobSoon(opened.db, clock, 'nope')).toBe(false);
    expect(await s.runDue()).toEqual(['daily']);
  });

  it('start() runs what is due at once and stop() waits for it', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const job = counting('boot', HOUR);
    const s = new Scheduler({ db: opened.db, clock, log: quietLog() }, [job]);
    await s.start(HOUR);
    await s.stop();
    expect(job.calls).toBe(1);
  });

  it('settled() waits for the check start() began, or no longer than its limit', async () => {
    opened = await freshDb(dialect);
    const clock = new ManualClock('2026-05-01T00:00:00.000Z');
    const waiting: Array<() => void> = [];
    const slow = counting('slow', HOUR, () => new Promise<void>((r) => waiting.push(r)));
    const log = quietLog();
    const s = new Scheduler({ db: opened.db, clock, log }, [slow]);
    await s.start(HOUR);
    await expect.poll(() => slow.calls).toBe(1);
    // The job is still running: the limit ends the wait.
    await s.settled(20);
    expect(log.lines).toEqual([]);
    let settled = false;
    const waited = s.settled(60_000).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    waiting.shift()!();
    await waited;
    expect(log.lines.some((l) => l.includes('slow'))).toBe(true);
    await s.stop();
  });
});

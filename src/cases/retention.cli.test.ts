import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCli, runCli } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DAY, ManualClock } from '../shared/clock.ts';
import { createFamily, createOrganisation, createStaff } from '../../test/helpers/factories.ts';
import { principalOf } from '../policy/principal.ts';
import { Scheduler } from '../scheduler/scheduler.service.ts';
import { authoriseCase } from './case-access.service.ts';
import { caseInput } from './cases.fixtures.ts';
import { closeCase } from './case-work.service.ts';
import { openCase } from './cases.service.ts';
import { retentionJob } from './retention.job.ts';

// The command line (real clock: the case is closed far in the past), the server's schedule and
// the RETENTION_DAYS setting.

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data directory whose one case was closed in 2025, long before the real today. */
const dataDirWithOldClosedCase = async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-retention-'));
  dirs.push(dataDir);
  const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
  await migrateToLatest(opened.db);
  const clock = new ManualClock('2025-01-15T10:00:00.000Z');
  const org = await createOrganisation(opened.db, { clock });
  const family = await createFamily(opened.db, { clock });
  const staff = await createStaff(opened.db, org, 'caseworker', { clock });
  const { caseId } = await openCase({ db: opened.db, clock }, family.auth, caseInput(org.id));
  await closeCase(
    { db: opened.db, clock },
    await authoriseCase(opened.db, principalOf(staff.auth), caseId, 'close'),
    'withdrawn',
  );
  return { dataDir, opened, caseId };
};

const captureStdout = () => {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return out;
};

describe('kintrace retention run', () => {
  it('--dry-run reports the counts and keeps the case; a real run purges it; counts only', async () => {
    const { dataDir, opened, caseId } = await dataDirWithOldClosedCase();
    await opened.close();
    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('KINTRACE_LANG', 'en');
    const out = captureStdout();
    await buildCli().parseAsync(['node', 'kintrace', 'retention', 'run', '--dry-run', '--json']);
    expect(JSON.parse(out.pop()!)).toMatchObject({ dryRun: true, cases: 1, keyWraps: 2, persons: 1 });
    await buildCli().parseAsync(['node', 'kintrace', 'retention', 'run', '--dry-run']);
    expect(out.pop()).toMatch(/^retention dry run \(nothing changed\): would purge 1 case\(s\)/);
    await buildCli().parseAsync(['node', 'kintrace', 'retention', 'run']);
    const line = out.pop()!;
    expect(line).toMatch(
      /^retention: purged 1 case\(s\) closed on or before \d{4}-\d{2}-\d{2}; key wraps 2, messages 0, notes 0, events deleted 1/,
    );
    expect(line).not.toContain(caseId);
    await buildCli().parseAsync(['node', 'kintrace', 'retention', 'run', '--json']);
    expect(JSON.parse(out.pop()!)).toMatchObject({ dryRun: false, cases: 0, walTruncated: true });
  });
});

describe('retention on the scheduler', () => {
  it('runs when due, then once a day, in one process of two', async () => {
    const { opened, caseId } = await dataDirWithOldClosedCase();
    const clock = new ManualClock('2026-11-01T00:00:00.000Z');
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (_: object, m: string) => lines.push(`ERROR ${m}`) };
    // Two app processes share the database: each has its own scheduler with the same job.
    const [one, two] = [0, 1].map(
      () => new Scheduler({ db: opened.db, clock, log }, [retentionJob({ db: opened.db, clock, days: 90 })]),
    );
    await one.register();
    await two.register();
    const ran = await Promise.all([one.runDue(), two.runDue()]);
    expect(ran.flat()).toEqual(['retention']);
    expect(lines[0]).toMatch(/^retention: purged 1 case/);
    expect(await opened.db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toEqual([]);
    // Not again the same day, in either process; again a day later.
    clock.advance(DAY - 1000);
    expect([...(await one.runDue()), ...(await two.runDue())]).toEqual([]);
    clock.advance(1000);
    expect(await two.runDue()).toEqual(['retention']);
    expect(lines[1]).toMatch(/^retention: purged 0 case/);
    await one.stop();
    await two.stop();
    await opened.close();
  });
});

describe('RETENTION_DAYS', () => {
  it('defaults to 90 days and accepts a whole number of days', () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
  });

  it('refuses 0, negative, fractional and absurd values with a clear message', async () => {
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(
      /RETENTION_DAYS must be at least 1: 0 would destroy a case the moment it is closed/,
    );
    expect(() => loadConfig({ RETENTION_DAYS: '-5' })).toThrow(/RETENTION_DAYS must be a whole number/);
    expect(() => loadConfig({ RETENTION_DAYS: '1.5' })).toThrow(/RETENTION_DAYS must be a whole number/);
    expect(() => loadConfig({ RETENTION_DAYS: '99999' })).toThrow(/RETENTION_DAYS must be between 1 and 3650/);
    vi.stubEnv('RETENTION_DAYS', '0');
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk: string | Uint8Array) => (err.push(String(chunk)), true),
    );
    await runCli(['node', 'kintrace', 'retention', 'run', '--dry-run', '--lang', 'en']);
    expect(err.join('')).toContain('configuration error: RETENTION_DAYS must be at least 1');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});

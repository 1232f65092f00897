import { SqliteAdapter, sql } from 'kysely';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { isoDay, orgDay, isoNow, DAY, type Clock } from '../shared/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteIdleFamilyAccount, idleFamilyAccounts } from '../accounts/accounts.service.ts';
import { deletePerson } from '../people/people.service.ts';
import { systemPrincipal, type Principal } from '../policy/principal.ts';
import { assertSystem } from '../policy/system.policy.ts';
import { transition, type CaseState } from './case-lifecycle.ts';
import {
  claimExpiredCase,
  countCasesOfRequester,
  countOtherCasesOfPerson,
  deleteCaseRow,
  deleteCaseRows,
  deleteEventsOfCase,
  deleteEventsOfPerson,
  detachVerifiedEvents,
  listExpiredCases,
  listRequesters,
} from './retention.repository.ts';

// Retention (docs/retention.md): a case closed for RETENTION_DAYS is destroyed for good —
// its key wraps (crypto-shredding), everything sealed with that key, the requester's link to
// it and the case itself. What may stay is only what describes the soldier, never who asked
// or what they said: the person's clear fields and the verified facts of the timeline, and
// only while another case is still about that person. Otherwise nothing of it remains.
// A family account with no case left and no login for the same period is deleted as well.

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  /** closed_on is the organisation's day (orgDay), so the cutoff is counted on the same calendar */
  config?: { timeZone?: string };
}

export interface RetentionReport {
  dryRun: boolean;
  /** cases closed on or before this day were due */
  cutoff: string;
  cases: number;
  keyWraps: number;
  messages: number;
  notes: number;
  eventsDeleted: number;
  /** verified events kept as bare facts because the person has another case */
  eventsKept: number;
  persons: number;
  /** family accounts deleted: no case left and no login for the period */
  accounts: number;
  /** cases (or accounts) whose purge failed and was rolled back (tried again on the next run) */
  failed: number;
  /** the distinct error messages of those failures (database messages name tables, not rows) */
  failures?: string[];
  /** SQLite only: whether the write-ahead log was emptied after the purge (false: a reader held it) */
  walTruncated?: boolean;
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

/** The day a case closed on `closedOn` is destroyed (the first daily run on or after it). */
export const deletionDay = (closedOn: string, days: number): string => addDays(closedOn, days);

/** A case is due when it was closed on or before this day. */
export const retentionCutoff = (today: string, days: number): string => addDays(today, -days);

type Counts = Omit<RetentionReport, 'dryRun' | 'cutoff' | 'walTruncated' | 'failures'>;
const zero = (): Counts => ({
  cases: 0,
  keyWraps: 0,
  messages: 0,
  notes: 0,
  eventsDeleted: 0,
  eventsKept: 0,
  persons: 0,
  accounts: 0,
  failed: 0,
});
const add = (a: Counts, b: Counts): void => {
  for (const k of Object.keys(a) as Array<keyof Counts>) a[k] += b[k];
};

/**
 * Destroys one expired case inside `tx`. Children go first (foreign keys), the case row last
 * but one, the person last. Returns null when the case was reopened (or already purged) since
 * it was listed: a reopened case is never purged.
 */
const purgeCase = async (
  tx: Tx,
  c: { id: string; person_id: string; organisation_id: string; state: CaseState },
  cutoff: string,
  at: string,
): Promise<Counts | null> => {
  transition(c.state, 'purge', 'system');
  if (!(await claimExpiredCase(tx, c.id, cutoff))) return null;
  const counts = await destroyCase(tx, c);
  // No person, no requester, no content: that the organisation had a case and when it went.
  await recordAudit(tx, {
    actorUserId: 'system',
    actorRole: 'system',
    organisationId: c.organisation_id,
    action: 'case.purged',
    caseId: c.id,
    at,
  });
  return counts;
};

/**
 * Destroys a case inside `tx`, as retention does (and a family erasing its account: see
 * case-erasure.service.ts): its key wraps first, then everything sealed with that key, the
 * requester's link and the case row; the person too when no other case is about them, else the
 * verified facts stay as bare facts. Rows of other domains that point at the case (appeals,
 * files) go with it by their foreign keys' ON DELETE CASCADE. The caller checks the lifecycle,
 * and writes the audit entry.
 */
export const destroyCase = async (tx: Tx, c: { id: string; person_id: string }): Promise<Counts> => {
  const counts = zero();
  counts.cases = 1;
  // The wraps are what crypto-shredding rests on: with no wrap of this key left in the
  // database, a stray copy of a sealed column (a page not yet overwritten, say) is noise. Copies
  // of the wraps themselves (backups) are beyond reach: see the limits in docs/retention.md.
  counts.keyWraps = await deleteCaseRows(tx, 'case_key_wraps', c.id);
  counts.messages = await deleteCaseRows(tx, 'case_messages', c.id);
  counts.notes = await deleteCaseRows(tx, 'case_notes', c.id);
  await deleteCaseRows(tx, 'case_news', c.id);
  // The files attached to the case on its own: their rows here, their sealed bytes in
  // evidence_files by its foreign key's ON DELETE CASCADE when the case row goes below.
  await deleteCaseRows(tx, 'case_files', c.id);
  // Who judged which level and which version, and why (sealed): the case's, not the soldier's.
  // A verified fact kept below keeps its level, not the history of how it got there.
  await deleteCaseRows(tx, 'event_levels', c.id);
  await deleteCaseRows(tx, 'discrepancy_resolutions', c.id);
  const personStays = (await countOtherCasesOfPerson(tx, c.person_id, c.id)) > 0;
  if (personStays) {
    counts.eventsKept = await detachVerifiedEvents(tx, c.id);
    counts.eventsDeleted = await deleteEventsOfCase(tx, c.id);
  } else {
    // This case's events and any facts kept from the person's earlier purged cases.
    counts.eventsDeleted = await deleteEventsOfPerson(tx, c.person_id);
  }
  await deleteCaseRow(tx, c.id);
  if (!personStays) counts.persons = await deletePerson(tx, c.person_id);
  return counts;
};

class DryRunRollback extends Error {}

/**
 * SQLite keeps recently changed pages in the write-ahead log until a checkpoint copies them
 * back; TRUNCATE also empties the log file, so deleted ciphertexts do not linger there.
 * (secure_delete=ON, set when the file is opened, zeroes the freed pages in the main file.)
 */
export const truncateWal = async (db: Db): Promise<boolean> => {
  const r = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return Number(r.rows[0]?.busy ?? 1) === 0;
};

/** A family account idle for the period with no case left goes too (docs/retention.md). */
const purgeAccount = async (tx: Tx, userId: string, cutoff: string): Promise<Counts | null> => {
  if ((await countCasesOfRequester(tx, userId)) > 0) return null;
  if (!(await deleteIdleFamilyAccount(tx, userId, cutoff))) return null;
  return { ...zero(), accounts: 1 };
};

type Unit = (tx: Tx) => Promise<Counts | null>;

/** The work of one run, one unit per case then per account (accounts after their cases went). */
const eachUnit = async (
  q: Queryable,
  { cutoff, accountCutoff }: { cutoff: string; accountCutoff: string },
  at: string,
  exec: (unit: Unit) => Promise<void>,
): Promise<void> => {
  for (const c of await listExpiredCases(q, cutoff)) await exec((tx) => purgeCase(tx, c, cutoff, at));
  // Skip, without a transaction each, the many idle families whose case is still open; the
  // unit checks again inside its transaction.
  const requesters = new Set(await listRequesters(q));
  for (const userId of await idleFamilyAccounts(q, accountCutoff)) {
    if (!requesters.has(userId)) await exec((tx) => purgeAccount(tx, userId, accountCutoff));
  }
};

/**
 * Purges every case closed for `days` days or more, then the family accounts left idle and
 * without a case. Each unit goes in its own transaction, so one failure leaves the others done
 * and locks stay short. A dry run does exactly the same work inside one transaction (a
 * savepoint per unit) that is then rolled back, so its counts are the real ones and nothing
 * changes.
 */
export const runRetention = async (
  deps: RetentionDeps,
  opts: { days: number; dryRun?: boolean; principal?: Principal },
): Promise<RetentionReport> => {
  assertSystem(opts.principal ?? systemPrincipal('retention'), 'retention');
  if (!Number.isInteger(opts.days) || opts.days < 1)
    throw new RangeError('retention days must be a whole number of at least 1');
  const cutoff = retentionCutoff(orgDay(deps), opts.days);
  // An account's idle days are counted from its last login's UTC day (accounts/sessions.service.ts),
  // a technical mark no page dates: counted on that calendar, an account never goes a day early.
  const cutoffs = { cutoff, accountCutoff: retentionCutoff(isoDay(deps.clock), opts.days) };
  const at = isoNow(deps.clock);
  const total = zero();
  const failures = new Set<string>();
  // A unit that cannot be done (a row of another domain still pointing at the person, say)
  // must not keep every later case alive: it is rolled back, counted and retried on the next
  // run. Only the message is kept: a driver's detail fields can quote row values.
  const failed = (err: unknown): void => {
    total.failed += 1;
    failures.add(err instanceof Error ? err.message : String(err));
  };
  const done = (counts: Counts | null): void => {
    if (counts) add(total, counts);
  };
  const withFailures = () => (failures.size ? { failures: [...failures].slice(0, 5) } : {});
  if (opts.dryRun) {
    try {
      await deps.db.transaction().execute(async (tx) => {
        await eachUnit(tx, cutoffs, at, async (unit) => {
          await sql`SAVEPOINT retention_unit`.execute(tx);
          try {
            done(await unit(tx));
          } catch (err) {
            await sql`ROLLBACK TO SAVEPOINT retention_unit`.execute(tx);
            failed(err);
          }
          await sql`RELEASE SAVEPOINT retention_unit`.execute(tx);
        });
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    return { dryRun: true, cutoff, ...total, ...withFailures() };
  }
  await eachUnit(deps.db, cutoffs, at, async (unit) => {
    try {
      done(await deps.db.transaction().execute(unit));
    } catch (err) {
      failed(err);
    }
  });
  const report: RetentionReport = { dryRun: false, cutoff, ...total, ...withFailures() };
  // Every run, not only one that purged: a log a reader held last time is emptied now.
  if (deps.db.getExecutor().adapter instanceof SqliteAdapter) report.walTruncated = await truncateWal(deps.db);
  return report;
};

/** One line of counts, nothing that identifies a case or a person (CLI and server log). */
export const describeReport = (r: RetentionReport): string =>
  `${r.dryRun ? 'retention dry run (nothing changed): would purge' : 'retention: purged'} ${r.cases} case(s) closed on or before ${r.cutoff}; ` +
  `key wraps ${r.keyWraps}, messages ${r.messages}, notes ${r.notes}, events deleted ${r.eventsDeleted}, verified events kept ${r.eventsKept}, persons ${r.persons}, idle family accounts ${r.accounts}` +
  (r.failed > 0
    ? `; FAILED ${r.failed} case(s) or account(s), rolled back, retried on the next run: ${(r.failures ?? []).join(' | ')}`
    : '') +
  (r.walTruncated === false
    ? '; warning: the SQLite write-ahead log could not be emptied (a reader held it), it will be on the next run'
    : '');

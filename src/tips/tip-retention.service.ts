import { orgDay, isoNow, DAY } from '../shared/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteScope } from '../evidence/evidence.service.ts';
import { tipFileScope } from './tip-keys.ts';
import { systemPrincipal, type Principal } from '../policy/principal.ts';
import { assertSystem } from '../policy/system.policy.ts';
import type { TipsDeps } from './tip-deps.ts';
import { tipTransition } from './tip-lifecycle.ts';
import { purgeExpiredTipSessions } from './tip-sessions.service.ts';
import { destroyTipRows, findTipRef, flushDestroyedTips, listExpiredTips } from './tips.repository.ts';
import { forgetTipMatches } from '../matching/tip-matches.service.ts';

// Tips follow the retention rule of cases (docs/retention.md): a tip closed for RETENTION_DAYS
// is destroyed — both key wraps, everything sealed, every post and visit — leaving a
// content-free `tip.purged` audit entry. An open tip is kept, as an open case is. Each tip goes in
// its own transaction; one that fails is rolled back, counted and tried again on the next run.

export interface TipRetentionReport {
  cutoff: string;
  tips: number;
  posts: number;
  sessions: number;
  failed: number;
}

export const runTipRetention = async (
  deps: TipsDeps,
  opts: { days: number; principal?: Principal },
): Promise<TipRetentionReport> => {
  assertSystem(opts.principal ?? systemPrincipal('retention'), 'retention');
  const cutoff = new Date(Date.parse(`${orgDay(deps)}T00:00:00.000Z`) - opts.days * DAY).toISOString().slice(0, 10);
  const report: TipRetentionReport = { cutoff, tips: 0, posts: 0, sessions: 0, failed: 0 };
  for (const t of await listExpiredTips(deps.db, cutoff)) {
    try {
      await deps.db.transaction().execute(async (tx) => {
        // Read again inside the transaction: a tip reopened (or deleted) meanwhile is left alone.
        const now = await findTipRef(tx, t.id);
        if (now?.state !== 'closed') return;
        tipTransition(now.state, 'purge', 'system');
        await deleteScope(tx, tipFileScope(t.id));
        const { posts } = await destroyTipRows(tx, t.id);
        await forgetTipMatches(tx, t.id);
        await recordAudit(tx, {
          actorUserId: 'system',
          actorRole: 'system',
          organisationId: t.organisation_id,
          action: 'tip.purged',
          tipId: t.id,
          at: isoNow(deps.clock),
        });
        report.tips += 1;
        report.posts += posts;
      });
    } catch {
      report.failed += 1;
    }
  }
  report.sessions = await purgeExpiredTipSessions(deps.db, deps.clock, deps.config.sessionIdleMinutes);
  // Deleted ciphertexts must not linger in SQLite's write-ahead log.
  if (report.tips > 0) await flushDestroyedTips(deps.db);
  return report;
};

export const describeTipReport = (r: TipRetentionReport): string =>
  `tips: purged ${r.tips} tip(s) closed on or before ${r.cutoff} (${r.posts} post(s)); ended ${r.sessions} expired visit(s)` +
  (r.failed > 0 ? `; FAILED ${r.failed} tip(s), rolled back, retried on the next run` : '');

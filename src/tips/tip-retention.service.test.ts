import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { DAY } from '../shared/clock.ts';
import { parseForm } from '../shared/validation.ts';
import { principalOf } from '../policy/principal.ts';
import { Scheduler } from '../scheduler/scheduler.service.ts';
import { allJobs } from '../jobs.ts';
import { submitTip } from './tip-intake.service.ts';
import { authoriseTip } from './tip-access.service.ts';
import { closeTip } from './tip-staff.service.ts';
import { runTipRetention } from './tip-retention.service.ts';
import { tipSchema } from './tips.schema.ts';
import { loadTipSession } from './tip-sessions.service.ts';

// Tips follow the retention rule of cases: closed for RETENTION_DAYS, destroyed on the scheduler.

describe.each(DIALECTS)('tip retention (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock, config: s.t.config });
  const send = async (what: string) =>
    submitTip(
      deps(),
      parseForm(tipSchema('2026-03-02'), { organisation: s.w.orgA.id, what_happened: what, how_known: 'other' }),
    );

  it('destroys a tip closed for the period, keeps an open one, and leaves only a content-free audit entry', async () => {
    const kept = await send('открытое сообщение');
    const doomed = await send('закрытое сообщение МАРКЕР-РЕТЕНЦИЯ');
    const grant = await authoriseTip(s.t.opened.db, principalOf(s.w.caseworker.auth), doomed.tipId, 'close');
    await closeTip(deps(), grant, 'not_enough');
    const sealed = await s.t.opened.db
      .selectFrom('tips')
      .select(['key_org_sealed', 'content_sealed'])
      .where('id', '=', doomed.tipId)
      .executeTakeFirstOrThrow();

    s.t.clock.advance((s.t.config.retentionDays - 1) * DAY);
    expect((await runTipRetention(deps(), { days: s.t.config.retentionDays })).tips).toBe(0);
    // Only the system runs it: an account cannot start a purge.
    await expect(runTipRetention(deps(), { days: 1, principal: principalOf(s.w.admin.auth) })).rejects.toThrow();

    s.t.clock.advance(DAY);
    // On the scheduler, as in production.
    const scheduler = new Scheduler(
      { db: s.t.opened.db, clock: s.t.clock, log: { info: () => {}, error: () => {} } },
      allJobs({ db: s.t.opened.db, clock: s.t.clock, config: s.t.config }),
    );
    await scheduler.register();
    expect(await scheduler.runDue()).toContain('tips');
    const left = await s.t.opened.db.selectFrom('tips').select('id').execute();
    expect(left.map((r) => r.id)).toContain(kept.tipId);
    expect(left.map((r) => r.id)).not.toContain(doomed.tipId);
    const audit = await s.t.opened.db.selectFrom('audit_log').selectAll().where('tip_id', '=', doomed.tipId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['tip.closed', 'tip.purged']));
    expect(JSON.stringify(audit)).not.toContain('МАРКЕР');
    // Visits older than an hour are gone too.
    expect(await loadTipSession(s.t.opened.db, kept.cookie, s.t.clock, 30)).toBeNull();
    if (dialect === 'sqlite') {
      const raw = fs.readFileSync(path.join(s.t.dataDir, 'kintrace.sqlite'));
      const wal = path.join(s.t.dataDir, 'kintrace.sqlite-wal');
      for (const bytes of [raw, fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.alloc(0)]) {
        expect(bytes.includes(Buffer.from(sealed.key_org_sealed))).toBe(false);
        expect(bytes.includes(Buffer.from(sealed.content_sealed))).toBe(false);
      }
    }
  });
});

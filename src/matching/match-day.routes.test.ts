import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { parseForm } from '../shared/validation.ts';
import { submitTip } from '../tips/tip-intake.service.ts';
import { tipSchema } from '../tips/tips.schema.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';

// A caseworker decides a pair and merges two records at 02:30 on 2 March in Moscow (23:30 UTC on
// 1 March), and a verifier undoes it. The pair's page said «Решено 01.03.2026» (now who and the
// organisation's time: «Решение принял(а): …, 02.03.2026 02:30»), the record's
// history «01.03.2026: добавлены …» and «отменено 01.03.2026»: UTC days, the day before. A tip
// scored against the records then was queued as scored on 1 March.

describe.each(DIALECTS)("a pair's decision and a merge are dated by the organisation's day (%s)", (dialect) => {
  const s = useWorld(dialect);
  const get = async (url: string, cookies: Cookies) => {
    const res = await s.t.app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('decided, merged and undone at 23:30 UTC: 02.03.2026 on the pair and the record', async () => {
    s.t.clock.set('2026-03-01T23:30:00.000Z');
    try {
      forgetIndexes();
      const deps = { db: s.t.opened.db, clock: s.t.clock };
      await openCase(
        deps,
        s.w.otherFamily.auth,
        caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr', narrative: 'брат' }),
      );
      await runMatching(deps, systemPrincipal('scheduler'));
      const queue = await get('/staff/matches', s.w.caseworker.cookies);
      const id = /href="\/staff\/matches\/([0-9a-f-]{36})"/.exec(queue)?.[1];
      expect(id).toBeDefined();
      const { res } = await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'same' }, s.w.caseworker.cookies);
      expect(res.statusCode).toBe(303);
      const pair = await get(`/staff/matches/${id}`, s.w.caseworker.cookies);
      expect(pair).toMatch(/Решение принял\(а\): [^<]+, 02\.03\.2026 02:30 \(/);
      const record = /href="(\/staff\/people\/[0-9a-f-]{36})"/.exec(pair)?.[1];
      expect(record).toBeDefined();
      const merged = await get(record!, s.w.caseworker.cookies);
      expect(merged).toMatch(/02\.03\.2026: добавлены/);
      const undoAction = /action="(\/staff\/merges\/[0-9a-f-]{36}\/undo)"/.exec(merged)?.[1];
      expect(undoAction).toBeDefined();
      const undone = await submitForm(s.t.app, record!, { candidate: id! }, s.w.verifier.cookies, undoAction);
      expect(undone.res.statusCode).toBe(303);
      const history = await get(record!, s.w.verifier.cookies);
      expect(history).toContain('отменено 02.03.2026');
      expect(history).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('a tip scored at 23:30 UTC is queued as scored on 02.03.2026', async () => {
    s.t.clock.set('2026-03-01T23:30:00.000Z');
    try {
      forgetIndexes();
      const deps = { db: s.t.opened.db, clock: s.t.clock, config: s.t.config };
      await runMatching(deps, systemPrincipal('scheduler'));
      const tip = await submitTip(
        deps,
        parseForm(tipSchema('2026-03-02'), {
          organisation: s.w.orgA.id,
          surname: 'Иванов',
          given_name: 'Петя',
          birth_date: '12.05.1998',
          what_happened: 'Видел его в подвале',
          how_known: 'other',
        }),
      );
      const row = await s.t.opened.db
        .selectFrom('tip_matches')
        .select(['id', 'scored_on'])
        .where('tip_id', '=', tip.tipId)
        .executeTakeFirstOrThrow();
      expect(row.scored_on).toBe('2026-03-02');
      const page = await get(`/staff/matches/tips/${row.id}`, s.w.caseworker.cookies);
      expect(page).toContain('02.03.2026');
      expect(page).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});

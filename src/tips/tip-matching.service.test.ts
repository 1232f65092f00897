import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { DAY } from '../shared/clock.ts';
import { parseForm } from '../shared/validation.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from '../matching/index-registry.ts';
import { runMatching } from '../matching/scoring.service.ts';
import { tipMatchQueue, tipMatchView } from '../matching/tip-matches.service.ts';
import { submitTip } from './tip-intake.service.ts';
import { authoriseTip } from './tip-access.service.ts';
import { closeTip } from './tip-staff.service.ts';
import { runTipRetention } from './tip-retention.service.ts';
import { tipSchema } from './tips.schema.ts';

// A tip sent through the real form's path is scored against the organisation's known persons:
// it lands in the organisation's queue of tips resembling records, sealed, with nothing of the
// person stored in clear; purging the tip takes that row with it.

describe.each(DIALECTS)('tips meet known persons (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock, config: s.t.config });
  const count = async (table: 'persons' | 'tip_matches') =>
    Number(
      (
        await s.t.opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('queues a tip about a known soldier for its organisation, sealed, and forgets it with the tip', async () => {
    forgetIndexes();
    await runMatching(deps(), systemPrincipal('scheduler'));
    const persons = await count('persons');
    const tip = await submitTip(
      deps(),
      parseForm(tipSchema('2026-03-02'), {
        organisation: s.w.orgA.id,
        surname: 'Иванов',
        given_name: 'Петя',
        birth_date: '12.05.1998',
        unit_number: '12345',
        what_happened: 'Видел его в подвале МАРКЕР-СООБЩЕНИЕ',
        how_known: 'other',
      }),
    );
    expect(await count('persons')).toBe(persons);
    const row = await s.t.opened.db
      .selectFrom('tip_matches')
      .selectAll()
      .where('tip_id', '=', tip.tipId)
      .executeTakeFirstOrThrow();
    // Digits only where they stand alone: sealed text and ids (base64, hex) may hold "1998" by chance.
    expect(JSON.stringify(row)).not.toMatch(/Иванов|Петя|МАРКЕР|1998-05-12|(?<![\w+/=-])(?:1998|12345)(?![\w+/=-])/);
    const [summary] = await tipMatchQueue(deps(), grantMatching(principalOf(s.w.caseworker.auth), 'review'));
    expect(summary).toMatchObject({ tipId: tip.tipId, name: 'Иванов Петя' });
    const view = await tipMatchView(deps(), grantMatching(principalOf(s.w.verifier.auth), 'review'), row.id);
    expect(view.candidates.map((c) => c.card.caseId)).toContain(s.w.caseId);
    expect(await tipMatchQueue(deps(), grantMatching(principalOf(s.w.otherOrgCaseworker.auth), 'review'))).toEqual([]);

    // The tip's page (its organisation's staff) links to the comparison.
    const page = await s.t.app.inject({
      method: 'GET',
      url: `/staff/tips/${tip.tipId}`,
      cookies: s.w.caseworker.cookies,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/staff/matches/tips/${row.id}"`);

    // Closed, then destroyed after the retention period: its sealed row goes with it.
    await closeTip(
      deps(),
      await authoriseTip(s.t.opened.db, principalOf(s.w.caseworker.auth), tip.tipId, 'close'),
      'not_enough',
    );
    s.t.clock.advance((s.t.config.retentionDays + 1) * DAY);
    expect((await runTipRetention(deps(), { days: s.t.config.retentionDays })).tips).toBe(1);
    expect(
      await s.t.opened.db.selectFrom('tip_matches').select('id').where('tip_id', '=', tip.tipId).execute(),
    ).toEqual([]);
  });
});

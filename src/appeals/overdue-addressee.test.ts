import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { markOverdue } from './appeal-steps.service.ts';
import { dueAppeals, withAddressees } from './appeals-queue.service.ts';
import { sentAppeal } from './appeals.fixtures.ts';

// The staff's overdue list told one man's letters apart by when and how each went, not to whom:
// the addressee is sealed with the case key. For a staff member the policy lets read the case it
// is now opened with that key (and the read recorded, as the letter's own page records it); for
// anyone else the list keeps it hidden, whatever list the rows came from.

describe.each(DIALECTS)('to whom an overdue letter went (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const db = () => s.t.opened.db;
  const deps = () => ({ db: db(), clock: s.t.clock, timeZone: s.t.config.timeZone });
  const reads = async (caseId: string) =>
    (
      await db()
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'case.read')
        .where('case_id', '=', caseId)
        .execute()
    ).length;

  it('is shown to staff who may read the case, and to nobody else', async () => {
    const { family, otherFamily, caseworker, otherOrgCaseworker, editor } = s.w;
    const late = { channel: 'post', sent_on: '2026-01-10' };
    const toUnit = await sentAppeal(app(), s.w.caseId, family.cookies, late, {
      addressee: 'Командир войсковой части 12345',
    });
    const toProsecutor = await sentAppeal(app(), s.w.otherCaseId, otherFamily.cookies, late, {
      addressee: 'Военный прокурор Южного военного округа',
    });
    expect((await markOverdue(deps(), systemPrincipal('scheduler'))).marked).toBe(2);

    const before = await reads(s.w.caseId);
    const list = await app().inject({ method: 'GET', url: '/staff/appeals', cookies: caseworker.cookies });
    expect(list.statusCode).toBe(200);
    const rowOf = (body: string, id: string) => body.split('<tr>').find((r) => r.includes(`/appeals/${id}"`)) ?? '';
    expect(rowOf(list.body, toUnit)).toContain('Кому: Командир войсковой части 12345');
    expect(rowOf(list.body, toProsecutor)).toContain('Кому: Военный прокурор Южного военного округа');
    expect(rowOf(list.body, toUnit)).toContain('отправлено 10.01.2026 почтой');
    // Opening the letters is a staff read of their cases, recorded once per case.
    expect(await reads(s.w.caseId)).toBe(before + 1);
    const en = await app().inject({ method: 'GET', url: '/staff/appeals?lang=en', cookies: caseworker.cookies });
    expect(rowOf(en.body, toUnit)).toContain('To: Командир войсковой части 12345');

    // The same rows before anyone the policy does not let read those cases: when and how, not to whom.
    const rows = await dueAppeals(deps(), { ...caseworker.auth, organisationId: s.w.orgA.id });
    expect(rows.map((r) => r.addressee)).toEqual([null, null]);
    const readsNow = await reads(s.w.caseId);
    for (const stranger of [otherOrgCaseworker, editor]) {
      const shown = await withAddressees(deps(), principalOf(stranger.auth), rows);
      expect(shown.map((r) => r.addressee)).toEqual([null, null]);
      expect(shown.map((r) => r.sent)).toEqual(rows.map((r) => r.sent));
    }
    expect(await reads(s.w.caseId)).toBe(readsNow);
    // …and through the pages: another organisation's list has none of them, an editor has no list.
    const other = await app().inject({ method: 'GET', url: '/staff/appeals', cookies: otherOrgCaseworker.cookies });
    expect(other.body).not.toContain('Командир войсковой части 12345');
    expect((await app().inject({ method: 'GET', url: '/staff/appeals', cookies: editor.cookies })).statusCode).toBe(
      404,
    );
  });
});

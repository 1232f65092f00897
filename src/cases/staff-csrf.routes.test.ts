import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { caseInput, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// The staff's own long texts on a case — the closing note the family reads, the reason for a
// verification decision, the reason a discrepancy was settled — come back filled in when the
// browser lost the CSRF cookie (src/web/form-not-sent.ts), like the family's forms
// (case-csrf.routes.test.ts). Nothing is stored; sent again, it is; another site's post and
// someone without the right get the plain refusal.

const MARK = 'МАРКЕР-CSRF-СОТРУДНИК-3307';
const REASON = `Видео из плена сверено с двумя источниками ${MARK}`;

describe.each(DIALECTS)('staff case forms whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const fresh = async () => (await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id))).caseId;
  const caseRow = (id: string) =>
    s.t.opened.db.selectFrom('cases').select(['state', 'closed_on']).where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = (caseId: string) =>
    s.t.opened.db.selectFrom('events').select(['id', 'kind', 'verification']).where('case_id', '=', caseId).execute();

  /** A case with a captured event (one click never confirms it: it has its own page). */
  const withCapture = async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    const event = { kind: 'captured', date: '02.2026', source: 'witness' };
    await submitForm(s.t.app, url, event, s.w.family.cookies, `${url}/events`);
    const captured = (await eventsOf(caseId)).find((e) => e.kind === 'captured')!.id;
    return { caseId, captured };
  };

  it('the closing note comes back on the close page; the case stays open; sent again, it closes', async () => {
    const caseId = await fresh();
    const page = `/staff/cases/${caseId}/close`;
    const fields = { reason: 'other', note: REASON };
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.caseworker, page, page, fields);
    expectNotSent(res);
    expect(res.body).toMatch(textarea('note', REASON));
    expect(res.body).toMatch(/<option value="other" selected/);
    expect((await caseRow(caseId)).closed_on).toBeNull();

    const sent = await visitor.submit(null, page);
    expect(sent.url).toBe(`/cases/${caseId}?done=closed`);
    expect((await caseRow(caseId)).closed_on).not.toBeNull();
  });

  it('the reason for a confirmation and for a correction comes back with the level chosen', async () => {
    const { captured } = await withCapture();
    const confirm = `/staff/events/${captured}/confirm`;
    const fields = { verification: 'corroborated', reason: REASON };
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.caseworker, confirm, confirm, fields);
    expectNotSent(res);
    expect(res.body).toMatch(textarea('reason', REASON));
    expect(res.body).toMatch(/value="corroborated" checked/);
    const level = async () =>
      (
        await s.t.opened.db
          .selectFrom('events')
          .select('verification')
          .where('id', '=', captured)
          .executeTakeFirstOrThrow()
      ).verification;
    expect(await level()).toBe('reported');
    await visitor.submit(null, confirm);
    expect(await level()).toBe('corroborated');

    const revise = `/staff/events/${captured}/revise`;
    const back = await sendWithoutCookie(s.t.app, s.w.verifier, revise, revise, {
      verification: 'reported',
      reason: REASON,
    });
    expectNotSent(back.res, 'ru');
    expect(back.res.body).toMatch(textarea('reason', REASON));
    expect(await level()).toBe('corroborated');
  });

  it('the reason for settling a discrepancy comes back on its page, the verdict chosen kept', async () => {
    const caseId = await fresh();
    const url = `/cases/${caseId}`;
    const fields = { kind: 'death_reported', date: '05.01.2026', source: 'witness' };
    const first = await submitForm(s.t.app, url, fields, s.w.family.cookies, `${url}/events`);
    const ack = /name="ack" value="([^"]*)"/.exec(first.res.body)![1];
    await submitForm(s.t.app, url, { ...fields, checked: '1', ack }, s.w.family.cookies, `${url}/events`);
    const list = `/staff/cases/${caseId}/discrepancies`;
    const verifier = browserOf(s.t.app, s.w.verifier);
    const link = /href="(\/staff\/cases\/[^"]+\/discrepancies\?d=[^"]+)"/
      .exec((await verifier.get(list)).body)![1]
      .replace(/&amp;/g, '&');
    const death = (await eventsOf(caseId)).find((e) => e.kind === 'death_reported')!.id;
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.verifier, link, list, {
      outcome: death,
      reason: REASON,
    });
    expectNotSent(res);
    expect(res.body).toMatch(textarea('reason', REASON));
    expect(res.body).toMatch(new RegExp(`value="${death}" checked`));
    expect((await visitor.get(url)).body).not.toContain('Эта версия отклонена при разборе противоречия');

    const sent = await visitor.submit(link, list, { outcome: death, reason: REASON });
    expect(sent.url).toBe(`${url}?done=resolved#status-h`);
    expect(sent.body).toContain('Эта версия отклонена при разборе противоречия');
  });

  it('a post another site sent gets the plain refusal on each of these forms; nothing changes', async () => {
    const caseId = await fresh();
    const { captured } = await withCapture();
    const tries: Array<[typeof s.w.caseworker, string, Record<string, string>]> = [
      [s.w.caseworker, `/staff/cases/${caseId}/close`, { reason: 'other', note: REASON }],
      [s.w.caseworker, `/staff/events/${captured}/confirm`, { verification: 'corroborated', reason: REASON }],
      [s.w.verifier, `/staff/events/${captured}/revise`, { verification: 'corroborated', reason: REASON }],
    ];
    for (const [user, page, fields] of tries) {
      const { res } = await sendWithoutCookie(s.t.app, user, page, page, fields, { 'sec-fetch-site': 'cross-site' });
      expectRefused(res, MARK);
    }
    expect((await caseRow(caseId)).closed_on).toBeNull();
    expect((await eventsOf(caseId)).every((e) => e.verification === 'reported')).toBe(true);
  });

  it('staff of another organisation, or without the right, get the plain refusal and nothing of the case', async () => {
    const { caseId, captured } = await withCapture();
    const tries: Array<[typeof s.w.caseworker, string, Record<string, string>]> = [
      [s.w.otherOrgCaseworker, `/staff/cases/${caseId}/close`, { confirm: 'yes', reason: 'other', note: REASON }],
      [s.w.otherOrgCaseworker, `/staff/events/${captured}/confirm`, { verification: 'corroborated', reason: REASON }],
      // Correcting a level and settling a discrepancy are a verifier's.
      [s.w.caseworker, `/staff/events/${captured}/revise`, { verification: 'reported', reason: REASON }],
      [s.w.caseworker, `/staff/cases/${caseId}/discrepancies`, { d: 'x', outcome: 'both', reason: REASON }],
      [s.w.family, `/staff/cases/${caseId}/close`, { confirm: 'yes', reason: 'other', note: REASON }],
    ];
    for (const [user, action, fields] of tries) {
      const res = await browserOf(s.t.app, user).request('POST', action, { ...fields, _csrf: 'forged' }, false);
      expectRefused(res, MARK);
      expect(res.body, action).not.toContain('Иванов');
    }
    expect((await caseRow(caseId)).closed_on).toBeNull();
  });
});

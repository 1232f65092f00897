import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { closeCase, reopenCase } from '../cases/case-work.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { markOverdue } from './appeal-steps.service.ts';
import { postStep, sentAppeal } from './appeals.fixtures.ts';

// A case ends (the son came home, the family withdrew its request): its appeals can be read, not
// changed. The overdue job still marked their late appeals overdue and told the family "the
// answer is late" in the ended case, and the caseworkers' list and queue counted those appeals
// as overdue for ever — with no page left where anyone could record an answer or close them.
// Now the job leaves an ended case's appeals alone and the staff list shows only what can be
// acted on; a reopened case is counted again at the next run.

describe.each(DIALECTS)('late appeals of an ended case (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const db = () => s.t.opened.db;
  const deps = () => ({ db: db(), clock: s.t.clock, timeZone: s.t.config.timeZone });
  const stateOf = async (id: string) =>
    (await db().selectFrom('appeals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const overdueNews = async (id: string) =>
    (
      await db()
        .selectFrom('case_news')
        .select('id')
        .where('ref_id', '=', id)
        .where('kind', '=', 'appeal_overdue')
        .execute()
    ).length;

  const sentLongAgo = async () => {
    const { family } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'online', sent_on: '2026-01-10' });
    await postStep(app(), id, family.cookies, { step: 'register', on: '2026-01-12', number: 'ОГ-1' });
    return id; // answer by 11.02.2026; today is 02.03.2026
  };

  it('is not marked overdue, tells nobody, and leaves the staff list; once reopened it is', async () => {
    const { caseworker } = s.w;
    const already = await sentLongAgo();
    expect((await markOverdue(deps(), systemPrincipal('scheduler'))).marked).toBe(1);
    const late = await sentLongAgo();
    await closeCase(
      { db: db(), clock: s.t.clock },
      await grantFor(s.t, caseworker, s.w.caseId, 'close'),
      'returned_home',
    );

    expect(await markOverdue(deps(), systemPrincipal('scheduler'))).toEqual({ marked: 0, failed: 0 });
    expect(await stateOf(late)).toBe('registered');
    expect(await overdueNews(late)).toBe(0);
    const list = await app().inject({ method: 'GET', url: '/staff/appeals', cookies: caseworker.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(`/appeals/${already}`);
    expect(list.body).not.toContain(`/appeals/${late}`);
    const queue = await app().inject({ method: 'GET', url: '/staff', cookies: caseworker.cookies });
    expect(queue.body).not.toContain('просрочен ответ на обращение');

    await reopenCase({ db: db(), clock: s.t.clock }, await grantFor(s.t, caseworker, s.w.caseId, 'reopen'));
    expect((await markOverdue(deps(), systemPrincipal('scheduler'))).marked).toBe(1);
    expect(await stateOf(late)).toBe('overdue');
    expect(await overdueNews(late)).toBe(1);
    const again = await app().inject({ method: 'GET', url: '/staff/appeals', cookies: caseworker.cookies });
    expect(again.body).toContain(`/appeals/${already}`);
    expect(again.body).toContain(`/appeals/${late}`);
    // One man's letters told apart by when and how each went (to whom is sealed: QA walk).
    expect(again.body).toContain('отправлено 10.01.2026 через интернет-приёмную');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { getRecord } from '../people/person-records.service.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf, systemPrincipal, type Principal } from '../policy/principal.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { forgetIndexes, indexFor } from './index-registry.ts';
import { findCandidate, findModel, listUnlearned } from './matching.repository.ts';
import { authoriseDecision, authoriseUndoDecision, decide, reviewQueue, undoDecision } from './review.service.ts';
import { runMatching } from './scoring.service.ts';

// Undoing a pair's decision («Отменить решение»), on both databases: the pair returns to the
// queue it was decided from, the learning run no longer reads its label, the audit log says who
// undid it, and a role without the policy's `undo` grant is refused. Over HTTP with JS off too.

describe.each(DIALECTS)('undoing a decision (%s)', (dialect) => {
  const s = useWorld(dialect);
  beforeEach(() => forgetIndexes());
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const db = () => s.t.opened.db;
  const run = () => runMatching(deps(), systemPrincipal('scheduler'));
  const caseworker = () => principalOf(s.w.caseworker.auth);
  const get = (url: string, cookies: Cookies) => s.t.app.inject({ method: 'GET', url, cookies });

  /** Two requests about one soldier, in two scripts: the engine pairs them for review. */
  const newPair = async (ru: [string, string], en: [string, string]): Promise<string> => {
    const fields = (surname: string, given_name: string) => ({
      surname,
      given_name,
      unit_number: '',
      birth_date: parsePartialDate('1990') ?? undefined,
      patronymic: undefined,
    });
    const a = await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, fields(...ru)));
    const b = await openCase(deps(), s.w.otherFamily.auth, caseInput(s.w.orgA.id, fields(...en)));
    await run();
    const page = await reviewQueue(deps(), grantMatching(caseworker(), 'review'), 'pending');
    const pair = page.rows.find((r) => [a.caseId, b.caseId].every((c) => [r.left.caseId, r.right.caseId].includes(c)));
    if (!pair) throw new Error('the engine did not pair the two requests');
    return pair.id;
  };
  const decideAs = async (who: Principal, id: string, decision: 'same' | 'different' | 'unsure') =>
    decide(deps(), await authoriseDecision(db(), who, id, decision), id, decision);
  const undoAs = async (who: Principal, id: string) =>
    undoDecision(deps(), await authoriseUndoDecision(db(), who, id), id);
  const auditOf = (id: string) =>
    db().selectFrom('audit_log').selectAll().where('subject_id', '=', id).orderBy('at').execute();

  it('returns a "different" pair to the queue, withdraws its label before it is learned, and audits it', async () => {
    const id = await newPair(['Сидоренко', 'Олег'], ['Sidorenko', 'Oleg']);
    await decideAs(caseworker(), id, 'different');
    expect((await listUnlearned(db(), s.w.orgA.id, 100)).map((r) => r.id)).toContain(id);
    const labelsBefore = (await findModel(db(), s.w.orgA.id))?.labels ?? 0;

    await undoAs(caseworker(), id);

    const pending = await reviewQueue(deps(), grantMatching(caseworker(), 'review'), 'pending');
    expect(pending.rows.map((r) => r.id)).toContain(id);
    const row = await findCandidate(db(), id);
    expect(row).toMatchObject({ state: 'pending', decided_by: null, decided_at: null });
    // The next learning run reads no label of it, and counts none.
    expect((await listUnlearned(db(), s.w.orgA.id, 100)).map((r) => r.id)).not.toContain(id);
    const report = await run();
    expect(report.labels).toBe(0);
    expect((await findModel(db(), s.w.orgA.id))?.labels ?? 0).toBe(labelsBefore);
    // Who undid it, for the pair: one entry per case it touches (two requests), and no name.
    const undone = (await auditOf(id)).filter((e) => e.action === 'match.decision_undone');
    expect(undone).toHaveLength(2);
    expect(undone[0]).toMatchObject({ actor_user_id: s.w.caseworker.auth.userId, organisation_id: s.w.orgA.id });
    // Undone already: a second undo is told so, and nothing more is written.
    await expect(undoAs(principalOf(s.w.verifier.auth), id)).rejects.toBeInstanceOf(Conflict);
    expect((await auditOf(id)).filter((e) => e.action === 'match.decision_undone')).toHaveLength(2);
  });

  it('takes a learned "different" out of the model\'s count; decided again, it is learned again', async () => {
    const id = await newPair(['Лисицын', 'Роман'], ['Lisitsyn', 'Roman']);
    await decideAs(caseworker(), id, 'different');
    const learned = await run();
    expect(learned.labels).toBe(1);
    const counted = (await findModel(db(), s.w.orgA.id))!.labels;

    await undoAs(caseworker(), id);
    expect((await findModel(db(), s.w.orgA.id))!.labels).toBe(counted - 1);
    expect((await run()).labels).toBe(0);

    await decideAs(caseworker(), id, 'different');
    expect((await run()).labels).toBe(1);
    expect((await findModel(db(), s.w.orgA.id))!.labels).toBe(counted);
  });

  it('neither marks nor counts a label undone while the learning run works on it', async () => {
    const id = await newPair(['Ковальчук', 'Артём'], ['Kovalchuk', 'Artyom']);
    await decideAs(caseworker(), id, 'different');
    const labelsBefore = (await findModel(db(), s.w.orgA.id))?.labels ?? 0;
    // The undo starts after the run read the labels and before it marks them: inside learn().
    const idx = await indexFor(db(), s.w.orgA.id, () => s.t.clock.now().toISOString());
    const learn = idx.index.learn.bind(idx.index);
    idx.index.learn = (labels) => {
      const answer = learn(labels);
      undone = undoAs(caseworker(), id);
      return answer;
    };
    let undone: Promise<void> = Promise.resolve();
    await run();
    await undone;
    // Whichever came first — the marking or the undo — the pair waits, unlearned, and the model
    // counts no label of it.
    expect(await findCandidate(db(), id)).toMatchObject({ state: 'pending', learned: 0 });
    expect((await findModel(db(), s.w.orgA.id))?.labels ?? 0).toBe(labelsBefore);
    expect((await run()).labels).toBe(0);
    // Decided again, it is learned and counted once.
    idx.index.learn = learn;
    await decideAs(caseworker(), id, 'different');
    expect((await run()).labels).toBe(1);
    expect((await findModel(db(), s.w.orgA.id))?.labels ?? 0).toBe(labelsBefore + 1);
  });

  it('hands a pair that went through "unsure" back to a verifier, never to the caseworker', async () => {
    const id = await newPair(['Гончаренко', 'Илья'], ['Goncharenko', 'Ilya']);
    await decideAs(caseworker(), id, 'unsure');
    await decideAs(principalOf(s.w.verifier.auth), id, 'different');
    await undoAs(caseworker(), id);
    expect((await findCandidate(db(), id))?.state).toBe('unsure');
    await expect(authoriseDecision(db(), caseworker(), id, 'same')).rejects.toBeInstanceOf(NotFound);
  });

  it('undoes a "same" with its merge: the records part again and the pair waits for a decision', async () => {
    const id = await newPair(['Белоусов', 'Кирилл'], ['Belousov', 'Kirill']);
    const { mergeId } = await decideAs(caseworker(), id, 'same');
    expect(mergeId).not.toBeNull();
    await undoAs(caseworker(), id);
    const c = await findCandidate(db(), id);
    expect(c).toMatchObject({ state: 'pending', merge_id: null });
    const left = await getRecord(db(), c!.left_person_id);
    const right = await getRecord(db(), c!.right_person_id);
    expect(left!.cluster_id ?? left!.id).not.toBe(right!.cluster_id ?? right!.id);
    expect((await run()).labels).toBe(0);
    expect((await auditOf(id)).map((e) => e.action)).toContain('match.undone');
  });

  it('refuses a role without the undo grant, and another organisation, as if the pair were not there', async () => {
    const id = await newPair(['Мартыненко', 'Денис'], ['Martynenko', 'Denis']);
    await decideAs(caseworker(), id, 'different');
    for (const who of [s.w.editor, s.w.family, s.w.otherOrgCaseworker])
      await expect(authoriseUndoDecision(db(), principalOf(who.auth), id)).rejects.toBeInstanceOf(NotFound);
    // Over HTTP: the editor of the same organisation gets a 404, and nothing changes.
    const refused = await submitForm(s.t.app, '/account', {}, s.w.editor.cookies, `/staff/matches/${id}/undo`);
    expect(refused.res.statusCode).toBe(404);
    expect((await findCandidate(db(), id))?.state).toBe('different');
    expect((await auditOf(id)).filter((e) => e.action === 'match.decision_undone')).toEqual([]);
  });

  it('shows who decided and offers «Отменить решение» on the pair, in the decided list and on the record, without JavaScript', async () => {
    const id = await newPair(['Ткаченко', 'Артём'], ['Tkachenko', 'Artyom']);
    const staff = s.w.caseworker.cookies;
    const decided = await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'different' }, staff);
    expect(decided.res.statusCode).toBe(303);
    const page = await get(String(decided.res.headers.location), staff);
    expect(page.body).toContain(`Решение принял(а): ${s.w.caseworker.pseudonym}`);
    expect(page.body).toContain(`action="/staff/matches/${id}/undo"`);
    expect(page.body).toContain('Отменить решение');
    expect(page.body).not.toContain('value="reopen"');
    const en = await get(`/staff/matches/${id}?lang=en`, staff);
    expect(en.body).toContain(`Decided by ${s.w.caseworker.pseudonym}`);
    expect(en.body).toContain('Undo decision');

    // From the pair's page: back to it, waiting for a decision, with the buttons to decide.
    const undone = await submitForm(s.t.app, `/staff/matches/${id}`, {}, staff, `/staff/matches/${id}/undo`);
    expect(undone.res.statusCode).toBe(303);
    expect(undone.res.headers.location).toBe(`/staff/matches/${id}?done=decisionUndone`);
    const back = await get(String(undone.res.headers.location), staff);
    expect(back.body).toContain('Решение отменено: пара снова в очереди.');
    expect(back.body).toContain('ждёт решения');
    expect(back.body).toContain('value="different"');
    expect(back.body).not.toContain('Решение принял(а)');
    // Undone twice (a second tab): said on the pair's page, not a server error.
    const twice = await submitForm(s.t.app, `/staff/matches/${id}`, {}, staff, `/staff/matches/${id}/undo`);
    expect(twice.res.statusCode).toBe(409);
    expect(twice.res.body).toContain('По этой паре сейчас нет решения');
    // Its language link goes to the pair's page, not to the POST-only undo address.
    expect(twice.res.body).toContain(`href="/staff/matches/${id}?lang=en" hreflang="en"`);

    // From the decided list: back to the list, which says so.
    await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'different' }, staff);
    const list = await get('/staff/matches?filter=decided', staff);
    expect(list.body).toContain(`Решение принял(а): ${s.w.caseworker.pseudonym}`);
    expect(list.body).toContain(`action="/staff/matches/${id}/undo"`);
    const fromList = await submitForm(
      s.t.app,
      '/staff/matches?filter=decided',
      { back: 'decided' },
      staff,
      `/staff/matches/${id}/undo`,
    );
    expect(fromList.res.headers.location).toBe('/staff/matches?filter=decided&done=decisionUndone');
    expect((await get(String(fromList.res.headers.location), staff)).body).toContain('Решение отменено');

    // From a record's page: back to the record.
    await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'different' }, staff);
    const record = (await findCandidate(db(), id))!.left_person_id;
    const recordPage = await get(`/staff/people/${record}`, staff);
    expect(recordPage.body).toContain(`action="/staff/matches/${id}/undo"`);
    const fromRecord = await submitForm(
      s.t.app,
      `/staff/people/${record}`,
      { record },
      staff,
      `/staff/matches/${id}/undo`,
    );
    expect(fromRecord.res.headers.location).toBe(`/staff/people/${record}?done=decisionUndone`);
    expect((await get(String(fromRecord.res.headers.location), staff)).body).toContain('Решение отменено');
    expect((await findCandidate(db(), id))?.state).toBe('pending');
  });
});

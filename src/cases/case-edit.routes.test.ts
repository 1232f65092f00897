import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { buildWorld, caseInput, NARRATIVE, type World } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { runRetention } from './retention.service.ts';

// A family corrects a typo, a caseworker corrects a detail, a family withdraws her request:
// through the real pages, without JavaScript. Corrections keep the entered form on record.

const fields = (over: Record<string, string> = {}): Record<string, string> => ({
  surname: 'Иванов', given_name: 'Пётр', patronymic: 'Сергеевич', birth_date: '12.05.1998', region: 'RU-ROS', unit_number: 'в/ч 12345',
  unit_name: '155-я бригада', rank: 'рядовой', service_category: 'mobilised', relation: 'mother', narrative: NARRATIVE, wants_to_learn: 'Где он сейчас', ...over,
});

describe.each(DIALECTS)('correcting and withdrawing a case (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const db = () => t.opened.db;
  const person = async (caseId: string) => {
    const c = await db().selectFrom('cases').select(['person_id', 'narrative_sealed', 'state', 'close_reason']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const p = await db().selectFrom('persons').selectAll().where('id', '=', c.person_id).executeTakeFirstOrThrow();
    const revisions = await db().selectFrom('person_revisions').selectAll().where('person_id', '=', c.person_id).orderBy('replaced_at').execute();
    return { c, p, revisions };
  };
  const audits = (caseId: string, action: string) => db().selectFrom('audit_log').select(['at', 'actor_role']).where('case_id', '=', caseId).where('action', '=', action).execute();

  it('lets the family correct a typo; the name as first typed stays in the history', async () => {
    const { caseId } = await openCase({ db: db(), clock: t.clock }, w.family.auth, caseInput(w.orgA.id, { surname: 'Ивнаов' }));
    const url = `/cases/${caseId}/edit`;
    const form = await t.app.inject({ method: 'GET', url, cookies: w.family.cookies });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Ивнаов"');
    expect(form.body).toContain(NARRATIVE);
    const { res } = await submitForm(t.app, url, fields({ narrative: 'Исправленный рассказ' }), w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}?done=edited`);
    const page = await t.app.inject({ method: 'GET', url: String(res.headers.location), cookies: w.family.cookies });
    expect(page.body).toContain('Изменения сохранены.');
    expect(page.body).toContain('Иванов Пётр Сергеевич');
    expect(page.body).toContain('Исправленный рассказ');
    const { p, revisions } = await person(caseId);
    expect(p.surname).toBe('Иванов');
    expect(p.surname_key).not.toContain('ивнаов');
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ surname: 'Ивнаов', replaced_by: 'family', replaced_by_user_id: null });
    // A family's activity is kept to the day, in the history and in the audit log.
    expect(revisions[0].replaced_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await audits(caseId, 'case.edited')).map((a) => a.at)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    const again = await t.app.inject({ method: 'GET', url, cookies: w.family.cookies });
    expect(again.body).toContain('История изменений');
    expect(again.body).toContain('Ивнаов Пётр Сергеевич');
  });

  it('lets a caseworker correct a detail, recorded with who and when', async () => {
    const { caseId } = await openCase({ db: db(), clock: t.clock }, w.family.auth, caseInput(w.orgA.id, { rank: 'рядвой' }));
    const { res } = await submitForm(t.app, `/cases/${caseId}/edit`, fields({ rank: 'рядовой' }), w.caseworker.cookies);
    expect(res.statusCode).toBe(303);
    const { p, revisions } = await person(caseId);
    expect(p.rank).toBe('рядовой');
    expect(revisions[0]).toMatchObject({ rank: 'рядвой', replaced_by: 'staff', replaced_by_user_id: w.caseworker.id });
    expect(revisions[0].replaced_at.length).toBeGreaterThan(10);
    const entries = await audits(caseId, 'case.edited');
    expect(entries).toEqual([{ at: expect.stringMatching(/T/), actor_role: 'caseworker' }]);
    const en = await t.app.inject({ method: 'GET', url: `/cases/${caseId}/edit?lang=en`, cookies: w.caseworker.cookies });
    expect(en.body).toContain('corrected by a caseworker');
  });

  it('refuses bad input with translated field errors, keeping what was typed and changing nothing', async () => {
    const before = await person(w.caseId);
    const { res } = await submitForm(t.app, `/cases/${w.caseId}/edit`, fields({ surname: 'Ив4нов', narrative: '', unit_name: 'Моя часть' }), w.family.cookies);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Используйте только буквы');
    expect(res.body).toContain('value="Ив4нов"');
    expect(res.body).toContain('value="Моя часть"');
    expect(await person(w.caseId)).toEqual(before);
  });

  it('asks for confirmation before withdrawing, then closes the case as withdrawn by the family', async () => {
    const { caseId } = await openCase({ db: db(), clock: t.clock }, w.family.auth, caseInput(w.orgA.id));
    const url = `/cases/${caseId}/withdraw`;
    const casePage = await t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: w.family.cookies });
    expect(casePage.body).toContain(`href="${url}"`);
    const confirm = await t.app.inject({ method: 'GET', url, cookies: w.family.cookies });
    expect(confirm.body).toContain('семья отозвала запрос');
    expect(confirm.body).toMatch(/будет безвозвратно удалено \d\d\.\d\d\.\d{4} — через \d+ (день|дня|дней)/);
    // A post without the confirmation (a forged or truncated form) changes nothing.
    const unconfirmed = await submitForm(t.app, url, { confirm: '' }, w.family.cookies);
    expect(unconfirmed.res.statusCode).toBe(400);
    expect(unconfirmed.res.body).toContain('Подтвердите, что хотите отозвать запрос.');
    expect((await person(caseId)).c.state).toBe('open');
    const { res } = await submitForm(t.app, url, { confirm: 'yes' }, w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect((await person(caseId)).c).toMatchObject({ state: 'closed', close_reason: 'withdrawn' });
    expect((await audits(caseId, 'case.withdrawn')).map((a) => a.at)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    const page = await t.app.inject({ method: 'GET', url: String(res.headers.location), cookies: w.family.cookies });
    expect(page.body).toContain('Запрос отозван и закрыт.');
    expect(page.body).toContain('Причина закрытия: семья отозвала запрос.');
    expect(page.body).toContain('Вы отозвали этот запрос');
    expect(page.body).not.toContain('не согласны с закрытием');
    expect(page.body).not.toContain(`href="${url}"`);
    // A closed case can be neither corrected nor withdrawn again.
    const before = await person(caseId);
    const edit = await t.app.inject({ method: 'GET', url: `/cases/${caseId}/edit`, cookies: w.family.cookies });
    expect(edit.body).toContain('Запрос закрыт: изменить его или отозвать уже нельзя.');
    expect(edit.body).not.toContain('name="surname"');
    const late = await submitForm(t.app, `/cases/${caseId}/withdraw`, { confirm: 'yes' }, w.family.cookies, `/cases/${caseId}/edit`);
    expect(late.res.statusCode).toBe(400);
    expect(await person(caseId)).toEqual(before);
  });

  it('lets retention delete a withdrawn case\'s person together with the earlier versions of the details', async () => {
    const { caseId } = await openCase({ db: db(), clock: t.clock }, w.family.auth, caseInput(w.orgA.id, { surname: 'Ивнаов' }));
    await submitForm(t.app, `/cases/${caseId}/edit`, fields(), w.family.cookies);
    await submitForm(t.app, `/cases/${caseId}/withdraw`, { confirm: 'yes' }, w.family.cookies);
    const { c } = await person(caseId);
    t.clock.advance(100 * 86_400_000);
    await runRetention({ db: db(), clock: t.clock }, { days: 90 });
    expect(await db().selectFrom('persons').select('id').where('id', '=', c.person_id).execute()).toEqual([]);
    expect(await db().selectFrom('person_revisions').select('id').where('person_id', '=', c.person_id).execute()).toEqual([]);
  });
});

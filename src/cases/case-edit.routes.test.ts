import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, editForm, NARRATIVE, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { runRetention } from './retention.service.ts';

// A family corrects a typo, a caseworker corrects a detail, a family withdraws her request:
// through the real pages, without JavaScript. Corrections keep the entered form on record.

const fields = (over: Record<string, string> = {}) => editForm({ wants_to_learn: 'Где он сейчас', ...over });

describe.each(DIALECTS)('correcting and withdrawing a case (%s)', (dialect) => {
  const s = useWorld(dialect);

  const db = () => s.t.opened.db;
  const person = async (caseId: string) => {
    const c = await db()
      .selectFrom('cases')
      .select(['person_id', 'narrative_sealed', 'state', 'close_reason'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const p = await db().selectFrom('persons').selectAll().where('id', '=', c.person_id).executeTakeFirstOrThrow();
    const revisions = await db()
      .selectFrom('person_revisions')
      .selectAll()
      .where('person_id', '=', c.person_id)
      .orderBy('replaced_at')
      .execute();
    return { c, p, revisions };
  };
  const audits = (caseId: string, action: string) =>
    db()
      .selectFrom('audit_log')
      .select(['at', 'actor_role'])
      .where('case_id', '=', caseId)
      .where('action', '=', action)
      .execute();

  it('lets the family correct a typo; the name as first typed stays in the history', async () => {
    const { caseId } = await openCase(
      { db: db(), clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Ивнаов' }),
    );
    const url = `/cases/${caseId}/edit`;
    const form = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Ивнаов"');
    expect(form.body).toContain(NARRATIVE);
    const { res } = await submitForm(s.t.app, url, fields({ narrative: 'Исправленный рассказ' }), s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}?done=edited`);
    const page = await s.t.app.inject({
      method: 'GET',
      url: String(res.headers.location),
      cookies: s.w.family.cookies,
    });
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
    expect((await audits(caseId, 'case.edited')).map((a) => a.at)).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    const again = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(again.body).toContain('История изменений');
    expect(again.body).toContain('Ивнаов Пётр Сергеевич');
  });

  it('lets a caseworker correct a detail, recorded with who and when', async () => {
    const { caseId } = await openCase(
      { db: db(), clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { rank: 'рядвой' }),
    );
    const { res } = await submitForm(
      s.t.app,
      `/cases/${caseId}/edit`,
      fields({ rank: 'рядовой' }),
      s.w.caseworker.cookies,
    );
    expect(res.statusCode).toBe(303);
    const { p, revisions } = await person(caseId);
    expect(p.rank).toBe('рядовой');
    expect(revisions[0]).toMatchObject({
      rank: 'рядвой',
      replaced_by: 'staff',
      replaced_by_user_id: s.w.caseworker.id,
    });
    expect(revisions[0].replaced_at.length).toBeGreaterThan(10);
    const entries = await audits(caseId, 'case.edited');
    expect(entries).toEqual([{ at: expect.stringMatching(/T/), actor_role: 'caseworker' }]);
    const en = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${caseId}/edit?lang=en`,
      cookies: s.w.caseworker.cookies,
    });
    expect(en.body).toContain('corrected by a caseworker');
  });

  it('refuses bad input with translated field errors, keeping what was typed and changing nothing', async () => {
    const before = await person(s.w.caseId);
    const { res } = await submitForm(
      s.t.app,
      `/cases/${s.w.caseId}/edit`,
      fields({ surname: 'Ив4нов', narrative: '', unit_name: 'Моя часть' }),
      s.w.family.cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Используйте только буквы');
    expect(res.body).toContain('value="Ив4нов"');
    expect(res.body).toContain('value="Моя часть"');
    expect(await person(s.w.caseId)).toEqual(before);
  });

  it('asks for confirmation before withdrawing, then closes the case as withdrawn by the family', async () => {
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const url = `/cases/${caseId}/withdraw`;
    const casePage = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(casePage.body).toContain(`href="${url}"`);
    const confirm = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    expect(confirm.body).toContain('семья отозвала запрос');
    expect(confirm.body).toMatch(/будет безвозвратно удалено \d\d\.\d\d\.\d{4} — через \d+ (день|дня|дней)/);
    // A post without the confirmation (a forged or truncated form) changes nothing.
    const unconfirmed = await submitForm(s.t.app, url, { confirm: '' }, s.w.family.cookies);
    expect(unconfirmed.res.statusCode).toBe(400);
    expect(unconfirmed.res.body).toContain('Подтвердите, что хотите отозвать запрос.');
    expect((await person(caseId)).c.state).toBe('open');
    const { res } = await submitForm(s.t.app, url, { confirm: 'yes' }, s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect((await person(caseId)).c).toMatchObject({ state: 'withdrawn', close_reason: 'withdrawn' });
    expect((await audits(caseId, 'case.withdrawn')).map((a) => a.at)).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    const page = await s.t.app.inject({
      method: 'GET',
      url: String(res.headers.location),
      cookies: s.w.family.cookies,
    });
    expect(page.body).toContain('Запрос отозван и закрыт.');
    expect(page.body).toContain('Причина закрытия: семья отозвала запрос.');
    expect(page.body).toContain('Вы отозвали этот запрос');
    expect(page.body).not.toContain('не согласны с закрытием');
    expect(page.body).not.toContain(`href="${url}"`);
    // A closed case can be neither corrected nor withdrawn again.
    const before = await person(caseId);
    const edit = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}/edit`, cookies: s.w.family.cookies });
    expect(edit.body).toContain('Запрос закрыт: изменить его или отозвать уже нельзя.');
    expect(edit.body).not.toContain('name="surname"');
    const late = await submitForm(
      s.t.app,
      `/cases/${caseId}/withdraw`,
      { confirm: 'yes' },
      s.w.family.cookies,
      `/cases/${caseId}/edit`,
    );
    expect(late.res.statusCode).toBe(400);
    expect(await person(caseId)).toEqual(before);
  });

  it("lets retention delete a withdrawn case's person together with the earlier versions of the details", async () => {
    const { caseId } = await openCase(
      { db: db(), clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Ивнаов' }),
    );
    await submitForm(s.t.app, `/cases/${caseId}/edit`, fields(), s.w.family.cookies);
    await submitForm(s.t.app, `/cases/${caseId}/withdraw`, { confirm: 'yes' }, s.w.family.cookies);
    const { c } = await person(caseId);
    s.t.clock.advance(100 * 86_400_000);
    await runRetention({ db: db(), clock: s.t.clock }, { days: 90 });
    expect(await db().selectFrom('persons').select('id').where('id', '=', c.person_id).execute()).toEqual([]);
    expect(
      await db().selectFrom('person_revisions').select('id').where('person_id', '=', c.person_id).execute(),
    ).toEqual([]);
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { NARRATIVE, useWorld } from '../cases/cases.fixtures.ts';
import { Scheduler } from '../scheduler/scheduler.service.ts';
import { DAY } from '../shared/clock.ts';
import { GPS_MARK, hasGpsIfd, jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { appealsOverdueJob } from './overdue.job.ts';
import { draftAppeal, multipart, postStep, sendAppeal, sentAppeal } from './appeals.fixtures.ts';

const pdfText = async (bytes: Buffer) => {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  await doc.destroy();
  return text;
};

describe.each(DIALECTS)('appeals through the pages (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const db = () => s.t.opened.db;
  const count = async (table: 'appeals' | 'appeal_steps' | 'evidence_files') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('drafts a letter filled from the case, sends it, and shows the answer date with the days left', async () => {
    const { family } = s.w;
    const form = await app().inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=inquiry`,
      cookies: family.cookies,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Иванов Пётр Сергеевич');
    expect(form.body).toContain('воинская часть 12345, 155-я бригада');
    // The family's account (written for the organisation, naming who told them) stays out of a
    // letter to an authority unless the family asks for it.
    expect(form.body).not.toContain('Сын перестал выходить на связь');
    expect(form.body).toContain('Впишите сюда своими словами');
    const withStory = await app().inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=inquiry&narrative=yes`,
      cookies: family.cookies,
    });
    expect(withStory.body).toContain('Что известно семье: Сын перестал выходить на связь');
    expect(withStory.body).not.toContain('Впишите сюда своими словами');
    const id = await draftAppeal(app(), s.w.caseId, family.cookies);
    const sent = await sendAppeal(app(), id, family.cookies, {
      channel: 'online',
      sent_on: '2026-03-01',
      tracking: 'TRK-555',
    });
    expect(sent.res.statusCode).toBe(303);
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    // Registration unknown: latest registration 04.03, answer by 03.04.2026, 32 days from 02.03.
    expect(page.body).toContain('03.04.2026');
    expect(page.body).toContain('примерно');
    expect(page.body).toContain('осталось 32 дня');
    const casePage = await app().inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: family.cookies });
    expect(casePage.body).toContain('осталось 32 дня');
    // The letter and the tracking number are sealed: not in any clear column.
    const row = await db().selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/TRK-555|Сын перестал|12345/);
    expect(row).toMatchObject({ state: 'sent', sent_on: '2026-03-01', answer_by: '2026-04-03', deadline_estimated: 1 });
  });

  it('records an answer with a photo: the stored and every downloadable copy has no GPS', async () => {
    const { family, verifier, caseworker } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies);
    const photo = await jpegWithGps();
    const res = await postStep(
      app(),
      id,
      family.cookies,
      { step: 'answer', on: '2026-03-01', summary: 'Ответ: сведений нет', number: '12/3-4' },
      { name: 'IMG_2031.jpg', type: 'image/jpeg', bytes: photo },
    );
    expect(res.statusCode).toBe(303);
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    expect(page.body).toContain('Ответ: сведений нет');
    const fileId = /\/files\/([0-9a-f-]{36})/.exec(page.body)![1];
    expect(page.body).not.toContain('/original'); // families do not get the original
    for (const who of [family, caseworker, verifier]) {
      const dl = await app().inject({ method: 'GET', url: `/appeals/${id}/files/${fileId}`, cookies: who.cookies });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-disposition']).toMatch(/^attachment/);
      expect(dl.headers['content-disposition']).not.toContain('IMG_2031');
      expect(dl.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
      expect((await sharp(dl.rawPayload).metadata()).exif).toBeUndefined();
    }
    // The original is kept sealed for verifiers only, GPS and all (it is the evidence).
    expect(
      (
        await app().inject({
          method: 'GET',
          url: `/appeals/${id}/files/${fileId}/original`,
          cookies: caseworker.cookies,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await app().inject({ method: 'GET', url: `/appeals/${id}/files/${fileId}/original`, cookies: family.cookies }))
        .statusCode,
    ).toBe(404);
    const orig = await app().inject({
      method: 'GET',
      url: `/appeals/${id}/files/${fileId}/original`,
      cookies: verifier.cookies,
    });
    expect(orig.statusCode).toBe(200);
    expect(hasGpsIfd((await sharp(orig.rawPayload).metadata()).exif)).toBe(true);
    // Nothing of the photo is in clear in the database.
    const rows = await db().selectFrom('evidence_files').select(['content', 'original', 'meta_sealed']).execute();
    for (const r of rows) {
      expect(Buffer.from(r.content).includes(Buffer.from(GPS_MARK))).toBe(false);
      if (r.original) expect(Buffer.from(r.original).includes(Buffer.from(GPS_MARK))).toBe(false);
    }
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { family } = s.w;
    const id = await draftAppeal(app(), s.w.caseId, family.cookies);
    const before = { a: await count('appeals'), s: await count('appeal_steps'), f: await count('evidence_files') };
    const future = await sendAppeal(app(), id, family.cookies, { channel: 'post', sent_on: '2026-03-20' });
    expect(future.res.statusCode).toBe(400);
    expect(future.res.body).toContain('Эта дата ещё не наступила.');
    expect(
      (await db().selectFrom('appeals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
    ).toBe('draft');
    await sendAppeal(app(), id, family.cookies, { channel: 'post', sent_on: '2026-02-25' });
    const mid = { s: await count('appeal_steps'), f: await count('evidence_files') };
    const early = await postStep(
      app(),
      id,
      family.cookies,
      { step: 'answer', on: '2026-02-20' },
      { name: 'a.jpg', type: 'image/jpeg', bytes: await jpegWithGps() },
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Ответ не может быть датирован раньше, чем письмо было отправлено.');
    const fake = await postStep(
      app(),
      id,
      family.cookies,
      { step: 'answer', on: '2026-03-01' },
      { name: 'ответ.pdf', type: 'application/pdf', bytes: Buffer.from('not a pdf at all, just text') },
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('Файл назван PDF, но внутри у него не PDF.');
    // A file that is not what it says is reported with the fields' problems, in one answer, and
    // what was typed comes back.
    const both = await postStep(
      app(),
      id,
      family.cookies,
      { step: 'answer', on: '2026-03-20', summary: 'Ответ из военкомата. МАРКЕР-ВМЕСТЕ' },
      { name: 'ответ.pdf', type: 'application/pdf', bytes: Buffer.from('not a pdf at all, just text') },
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Эта дата ещё не наступила.');
    expect(both.body).toContain('Файл назван PDF, но внутри у него не PDF.');
    expect(both.body).toContain('Ответ из военкомата. МАРКЕР-ВМЕСТЕ');
    const huge = await postStep(
      app(),
      id,
      family.cookies,
      { step: 'answer', on: '2026-03-01', summary: 'Ответ: сведениями не располагаем. МАРКЕР-СКАН' },
      { name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.alloc(200 * 1024 * 1024, 0x25) },
    );
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('Файл больше 20 МБ.');
    // What was typed beside a file over the limit comes back (it was lost), the file to choose again.
    expect(huge.body).toContain('Ответ: сведениями не располагаем. МАРКЕР-СКАН');
    expect(huge.body).toContain('выберите его ещё раз');
    const twice = await postStep(app(), id, family.cookies, { step: 'extend', on: '2026-03-01', days: '45' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('от 1 до 30');
    expect({ s: await count('appeal_steps'), f: await count('evidence_files') }).toEqual(mid);
    expect(
      (await db().selectFrom('appeals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
    ).toBe('sent');
    expect(before.a).toBeGreaterThan(0);
  });

  it('answers 400, never 500, to a malformed multipart body', async () => {
    const { family } = s.w;
    const id = await draftAppeal(app(), s.w.caseId, family.cookies);
    const { formToken } = await import('../../test/helpers/factories.ts');
    const { token, cookies } = await formToken(app(), `/appeals/${id}`, family.cookies);
    const url = `/appeals/${id}/steps`;
    const good = multipart(
      { _csrf: token, step: 'answer', on: '2026-03-01' },
      { name: 'a.jpg', type: 'image/jpeg', bytes: Buffer.alloc(5000, 1) },
    );
    // A body whose first field, the token, cannot be read is refused as one without a token.
    for (const [attempt, status] of [
      [{ headers: { 'content-type': 'multipart/form-data' }, payload: good.payload }, 403], // no boundary
      [{ headers: good.headers, payload: good.payload.subarray(0, 300) }, 400], // cut short after the token
      [{ headers: good.headers, payload: Buffer.from('garbage without any boundary') }, 403],
      [
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${token}&step=answer` },
        400,
      ],
    ] as const) {
      const res = await app().inject({ method: 'POST', url, cookies, ...attempt });
      expect(res.statusCode, String(attempt.headers['content-type'])).toBe(status);
    }
  });

  it('marks a late appeal overdue on the scheduler, tells the family, shows staff, and offers a complaint', async () => {
    const { family, caseworker } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'online', sent_on: '2026-01-10' });
    await postStep(app(), id, family.cookies, { step: 'register', on: '2026-01-12', number: 'ОГ-77' });
    const scheduler = new Scheduler({ db: db(), clock: s.t.clock, log: { info: () => {}, error: () => {} } }, [
      appealsOverdueJob({ db: db(), clock: s.t.clock, timeZone: s.t.config.timeZone }),
    ]);
    await scheduler.register();
    expect(await scheduler.runDue()).toEqual(['appeals.overdue']);
    expect(
      await db().selectFrom('appeals').select(['state', 'overdue_on']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({
      state: 'overdue',
      overdue_on: '2026-03-02',
    });
    const news = await db().selectFrom('case_news').selectAll().where('ref_id', '=', id).execute();
    expect(news).toMatchObject([{ audience: 'family', kind: 'appeal_overdue', created_on: '2026-03-02' }]);
    const casePage = await app().inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: family.cookies });
    expect(casePage.body).toContain('Срок ответа на обращение истёк.');
    expect(casePage.body).toContain('просрочено на 19 дней');
    const queue = await app().inject({ method: 'GET', url: '/staff', cookies: caseworker.cookies });
    expect(queue.body).toContain('просрочен ответ на обращение');
    const list = await app().inject({ method: 'GET', url: '/staff/appeals', cookies: caseworker.cookies });
    expect(list.body).toContain(`/appeals/${id}`);
    // The next step: a complaint prefilled from this appeal.
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    expect(page.body).toContain(`template=no_answer&amp;follows=${id}`);
    const complaint = await app().inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=no_answer&follows=${id}`,
      cookies: family.cookies,
    });
    expect(complaint.body).toContain('10.01.2026');
    expect(complaint.body).toContain('ОГ-77');
    expect(complaint.body).toContain('11.02.2026');
    // A second run changes nothing and tells nobody twice.
    s.t.clock.advance(DAY);
    await db().updateTable('scheduled_jobs').set({ next_run_at: '2000-01-01T00:00:00.000Z' }).execute();
    await scheduler.runDue();
    expect(await db().selectFrom('case_news').select('id').where('ref_id', '=', id).execute()).toHaveLength(1);
    s.t.clock.advance(-DAY);
  });

  it('an appeal opened after its answer day is overdue on its page at once, without waiting for the job', async () => {
    // QA walk 11: the hourly job had not run yet; the page said «просрочено на N дней» beside the
    // state «отправлено», and offered no next step.
    const { family } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'online', sent_on: '2026-01-05' });
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    expect(page.body).toContain('Срок ответа истёк: что дальше');
    expect(page.body).toContain(`template=no_answer&amp;follows=${id}`);
    const row = await db()
      .selectFrom('appeals')
      .select(['state', 'overdue_on'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ state: 'overdue', overdue_on: '2026-03-02' });
    // Told once, as by the job: opening it again adds nothing.
    await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    const news = await db().selectFrom('case_news').select('kind').where('ref_id', '=', id).execute();
    expect(news).toEqual([{ kind: 'appeal_overdue' }]);
  });

  it('says a letter sent today by post is due to arrive, not that it arrived', async () => {
    const { family } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'post', sent_on: '2026-03-02' });
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    expect(page.body).toContain('<dt>Должно поступить в орган</dt>');
    expect(page.body).not.toContain('<dt>Поступило в орган</dt>');
    const early = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'post', sent_on: '2026-02-01' });
    const before = await app().inject({ method: 'GET', url: `/appeals/${early}`, cookies: family.cookies });
    expect(before.body).toContain('<dt>Поступило в орган</dt>');
  });

  it("keeps the family's account out of a new letter unless asked, on follow-ups too; drafts already written stay", async () => {
    const { family } = s.w;
    // A draft written before: the account in it, as every template pasted it. Left as it is.
    const oldBody = `Что известно семье: ${NARRATIVE}`;
    const old = await draftAppeal(app(), s.w.caseId, family.cookies, 'inquiry', { body: oldBody });
    const sealedLetter = async () =>
      (await db().selectFrom('appeals').select('letter_sealed').where('id', '=', old).executeTakeFirstOrThrow())
        .letter_sealed;
    const written = await sealedLetter();
    const editForm = async () => {
      const edit = await app().inject({ method: 'GET', url: `/appeals/${old}/edit`, cookies: family.cookies });
      return /<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.body)?.[1];
    };
    expect(await editForm()).toBe(oldBody);
    const oldPage = await app().inject({ method: 'GET', url: `/appeals/${old}`, cookies: family.cookies });
    expect(oldPage.body).not.toContain('осталась подсказка');
    // A new one holds the hint; saved as it is, its page says the hint is still there.
    const fresh = await draftAppeal(app(), s.w.caseId, family.cookies, 'prosecutor', {}, { keepHint: true });
    const page = await app().inject({ method: 'GET', url: `/appeals/${fresh}`, cookies: family.cookies });
    expect(page.body).toContain('Впишите сюда своими словами');
    expect(page.body).not.toContain(NARRATIVE);
    expect(page.body).toContain('В письме осталась подсказка в квадратных скобках');
    // The follow-up letters of an appeal open the draft directly: the choice is there, unticked.
    const followUp = await app().inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=ombudsman&follows=${fresh}`,
      cookies: family.cookies,
    });
    expect(followUp.body).not.toContain(NARRATIVE);
    expect(followUp.body).toMatch(/<input type="checkbox" name="narrative" value="yes" required/);
    expect(followUp.body).not.toMatch(/name="narrative"[^>]*checked/);
    expect(followUp.body).toContain(`name="follows" value="${fresh}"`);
    // A letter without the family's account offers no such choice.
    const complaint = await app().inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=no_answer`,
      cookies: family.cookies,
    });
    expect(complaint.body).not.toContain('name="narrative"');
    // Opened, and after all the new letters of the same case, the old draft is still the one
    // written: never sealed again, its text to the letter (no hint put in its place).
    expect(await sealedLetter()).toBe(written);
    expect(await editForm()).toBe(oldBody);
  });

  it('prints with the sender typed at print time: kept sealed only when asked, never in clear', async () => {
    const { family } = s.w;
    const id = await draftAppeal(app(), s.w.caseId, family.cookies);
    const sender = {
      full_name: 'Сазонова Валентина Ивановна',
      postal_address: '346400, г. Новочеркасск, ул. Атаманская, д. 9',
    };
    const html = await submitForm(
      app(),
      `/appeals/${id}`,
      { ...sender, format: 'html' },
      family.cookies,
      `/appeals/${id}/print`,
    );
    expect(html.res.statusCode).toBe(200);
    expect(html.res.body).toContain('Сазонова Валентина Ивановна');
    expect(html.res.body).toContain('Подпись');
    expect(await db().selectFrom('appeal_senders').selectAll().execute()).toEqual([]);
    const pdf = await submitForm(
      app(),
      `/appeals/${id}`,
      { ...sender, format: 'pdf', remember: 'yes' },
      family.cookies,
      `/appeals/${id}/print`,
    );
    expect(pdf.res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.res.rawPayload);
    expect(text).toContain('Сазонова Валентина Ивановна');
    expect(text).toContain('Командир войсковой части 12345');
    const kept = await db().selectFrom('appeal_senders').selectAll().execute();
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain('Сазонова');
    // The next print form offers what was kept; unticking deletes it.
    const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
    expect(page.body).toContain('Сазонова Валентина Ивановна');
    await submitForm(app(), `/appeals/${id}`, { ...sender, format: 'html' }, family.cookies, `/appeals/${id}/print`);
    expect(await db().selectFrom('appeal_senders').selectAll().execute()).toEqual([]);
  });

  it("lets nobody but the family and its organisation's case staff near an appeal", async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies);
    for (const who of [s.w.otherFamily, s.w.editor, s.w.otherOrgCaseworker, s.w.otherOrgAdmin]) {
      const res = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: who.cookies });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Командир войсковой части');
    }
    const reads = async () =>
      (
        await db()
          .selectFrom('audit_log')
          .select('id')
          .where('actor_user_id', '=', s.w.caseworker.id)
          .where('action', '=', 'case.read')
          .execute()
      ).length;
    const before = await reads();
    expect(
      (await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.caseworker.cookies })).statusCode,
    ).toBe(200);
    // A staff member reading an appeal reads the case: it is in the audit log.
    expect(await reads()).toBe(before + 1);
  });
});

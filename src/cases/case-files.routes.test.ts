import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { formToken, submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { multipartBody, type UploadedFile } from '../../test/helpers/multipart.ts';
import { GPS_MARK, jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { DAY } from '../shared/clock.ts';
import { closeCase } from './case-work.service.ts';
import { grantFor, useWorld } from './cases.fixtures.ts';
import { runRetention } from './retention.service.ts';
import { caseFilesOf } from './case-files.service.ts';
import { openCaseKey } from './case-keys.ts';
import { CSRF_COOKIE } from '../web/security.ts';

// A photo or scan attached to a case on its own (the notice the caseworker asked her to
// photograph): through the case page's multipart form, stripped of its metadata, sealed under the
// case key, listed and downloadable for the family and the case's staff only, and gone with the case.

describe.each(DIALECTS)('files attached to a case (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;

  const attach = async (caseId: string, cookies: Cookies, fields: Record<string, string>, file?: UploadedFile) => {
    const { token, cookies: jar } = await formToken(s.t.app, `/cases/${caseId}`, cookies);
    const body = await multipartBody({ _csrf: token, ...fields }, file);
    return s.t.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/files`,
      cookies: jar,
      payload: body.payload,
      headers: { 'content-type': body.type },
    });
  };
  const photo = async (): Promise<UploadedFile> => ({
    name: 'IMG_2031.jpg',
    type: 'image/jpeg',
    bytes: await jpegWithGps(),
  });
  const rows = async (caseId: string) => ({
    files: (await db().selectFrom('case_files').select('id').where('case_id', '=', caseId).execute()).length,
    stored: (await db().selectFrom('evidence_files').select('id').where('case_id', '=', caseId).execute()).length,
  });
  const get = (url: string, cookies: Cookies) => s.t.app.inject({ method: 'GET', url, cookies });
  const staffReads = async () =>
    (
      await db()
        .selectFrom('audit_log')
        .select('id')
        .where('actor_user_id', '=', s.w.caseworker.id)
        .where('action', '=', 'case.read')
        .execute()
    ).length;

  it('the family attaches a photo; she and the staff see it and download it stripped; staff reads are audited', async () => {
    const { family, caseworker, caseId } = s.w;
    const res = await attach(caseId, family.cookies, { summary: 'Извещение из военкомата МАРКЕР-ИЗВ' }, await photo());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/cases/${caseId}\\?done=file#file-`));
    expect(await rows(caseId)).toEqual({ files: 1, stored: 1 });
    // Nothing of it in clear: not the description, not the photo's metadata.
    const row = await db().selectFrom('case_files').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.description_sealed).not.toContain('МАРКЕР-ИЗВ');
    const stored = await db()
      .selectFrom('evidence_files')
      .selectAll()
      .where('id', '=', row.file_id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).includes(Buffer.from(GPS_MARK))).toBe(false);
    expect(stored.original).toBeNull();

    const mine = await get(String(res.headers.location), family.cookies);
    expect(mine.body).toContain('Файл прикреплён.');
    expect(mine.body).toContain('Извещение из военкомата МАРКЕР-ИЗВ');
    const link = `/cases/${caseId}/files/${row.file_id}`;
    expect(mine.body).toContain(`href="${link}"`);
    expect(mine.body).toMatch(/Скачать файл \(фото \(JPEG\), \d+ КБ\)/);
    const staffPage = await get(`/cases/${caseId}`, caseworker.cookies);
    expect(staffPage.body).toContain('Извещение из военкомата МАРКЕР-ИЗВ');
    expect(staffPage.body).toContain(`href="${link}"`);
    // The staff side is told a file came in.
    expect(staffPage.body).toContain('Новый файл в запросе.');
    const en = await get(`/cases/${caseId}?lang=en`, family.cookies);
    expect(en.body).toContain('Documents and photos');

    const before = await staffReads();
    for (const who of [family, caseworker, s.w.verifier, s.w.admin]) {
      const dl = await get(link, who.cookies);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('image/jpeg');
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="file-[0-9a-f]{8}\.jpg"$/);
      expect(dl.headers['cache-control']).toBe('no-store');
      expect(dl.rawPayload.includes(Buffer.from(GPS_MARK))).toBe(false);
      expect((await sharp(dl.rawPayload).metadata()).exif).toBeUndefined();
    }
    expect(await staffReads()).toBe(before + 1);
    const audited = await db()
      .selectFrom('audit_log')
      .select('id')
      .where('case_id', '=', caseId)
      .where('action', '=', 'file.added')
      .execute();
    expect(audited.length).toBe(1);

    // The caseworker attaches one too: the family sees it, from the organisation.
    const fromStaff = await attach(caseId, caseworker.cookies, { summary: 'Ответ части МАРКЕР-ЧАСТЬ' }, await photo());
    expect(fromStaff.statusCode).toBe(303);
    const page = await get(`/cases/${caseId}`, family.cookies);
    expect(page.body).toContain('Ответ части МАРКЕР-ЧАСТЬ');
    expect(page.body.indexOf('МАРКЕР-ИЗВ')).toBeLessThan(page.body.indexOf('МАРКЕР-ЧАСТЬ'));
    // Colleagues read who of the staff attached it, as on messages; the family reads «Сотрудник».
    const staffFile = (body: string) => body.slice(body.indexOf('МАРКЕР-ЧАСТЬ'), body.indexOf('МАРКЕР-ЧАСТЬ') + 400);
    expect(staffFile((await get(`/cases/${caseId}`, s.w.verifier.cookies)).body)).toContain(
      `<strong>${caseworker.pseudonym}</strong>`,
    );
    expect(staffFile(page.body)).toContain('<strong>Сотрудник</strong>');
    expect(page.body).not.toContain(caseworker.pseudonym);
    // The file is required, and marked so as every required field of the site is.
    expect(page.body).toContain('Фото или скан <span class="req">(обязательно)</span>');
  });

  it('another family and another organisation get NotFound, for the file and for attaching', async () => {
    const { family, otherFamily, otherOrgCaseworker, otherOrgAdmin, caseId, otherCaseId } = s.w;
    await attach(caseId, family.cookies, { summary: 'Справка МАРКЕР-ЧУЖОЕ' }, await photo());
    const fileId = (
      await db().selectFrom('case_files').select('file_id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
    ).file_id;
    for (const who of [otherFamily, otherOrgCaseworker, otherOrgAdmin]) {
      const dl = await get(`/cases/${caseId}/files/${fileId}`, who.cookies);
      expect(dl.statusCode).toBe(404);
      expect(dl.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    }
    // Her file asked for through a case the other family may read: not found either.
    expect((await get(`/cases/${otherCaseId}/files/${fileId}`, otherFamily.cookies)).statusCode).toBe(404);
    expect((await get(`/cases/${caseId}/files/not-a-uuid`, family.cookies)).statusCode).toBe(404);
    // Attaching to a case that is not theirs: refused, nothing written.
    const before = await rows(caseId);
    for (const who of [otherFamily, otherOrgCaseworker]) {
      const { token, cookies } = await formToken(s.t.app, '/', who.cookies);
      const body = await multipartBody({ _csrf: token, summary: 'чужое' }, await photo());
      const res = await s.t.app.inject({
        method: 'POST',
        url: `/cases/${caseId}/files`,
        cookies,
        payload: body.payload,
        headers: { 'content-type': body.type },
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await rows(caseId)).toEqual(before);
  });

  it('refuses a bad file or none with a translated error, keeps the description typed and writes nothing', async () => {
    const { family, caseId } = s.w;
    const before = await rows(caseId);
    const fake = await attach(
      caseId,
      family.cookies,
      { summary: 'Похоронка МАРКЕР-ПЛОХОЙ' },
      { name: 'извещение.pdf', type: 'application/pdf', bytes: Buffer.from('not a pdf at all, just text') },
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('Файл назван PDF, но внутри у него не PDF.');
    expect(fake.body).toContain('выберите его ещё раз');
    expect(fake.body).toContain('Похоронка МАРКЕР-ПЛОХОЙ');
    expect(fake.body).toContain('<details open id="add-file">');
    const text = await attach(
      caseId,
      family.cookies,
      { summary: 'Письмо МАРКЕР-ТЕКСТ' },
      { name: 'letter.txt', type: 'text/plain', bytes: Buffer.from('просто текст') },
    );
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('Этот файл не принят.');
    expect(text.body).toContain('Письмо МАРКЕР-ТЕКСТ');
    const none = await attach(caseId, family.cookies, { summary: 'Без файла МАРКЕР-НЕТ' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Выберите файл: фотографию или скан документа.');
    expect(none.body).toContain('Без файла МАРКЕР-НЕТ');
    // A good file with no description: the description is asked for, the file to be chosen again.
    const bare = await attach(caseId, family.cookies, { summary: '' }, await photo());
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Форма не сохранена из-за ошибки в другом поле.');
    const en = await s.t.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/files?lang=en`,
      ...(await (async () => {
        const { token, cookies } = await formToken(s.t.app, `/cases/${caseId}?lang=en`, family.cookies);
        const body = await multipartBody(
          { _csrf: token, summary: 'Notice MARK-EN' },
          { name: 'n.pdf', type: 'application/pdf', bytes: Buffer.from('nope') },
        );
        return { cookies, payload: body.payload, headers: { 'content-type': body.type } };
      })()),
    });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('choose it again');
    expect(en.body).toContain('Notice MARK-EN');
    expect(await rows(caseId)).toEqual(before);
  });

  it('sent after the browser lost its CSRF cookie: nothing saved, the description back, the file to choose again', async () => {
    const { family, caseId } = s.w;
    const before = await rows(caseId);
    const { token, cookies } = await formToken(s.t.app, `/cases/${caseId}`, family.cookies);
    const jar = Object.fromEntries(Object.entries(cookies).filter(([name]) => name !== CSRF_COOKIE));
    const body = await multipartBody({ _csrf: token, summary: 'Извещение МАРКЕР-КУКИ' }, await photo());
    const res = await s.t.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/files`,
      cookies: jar,
      payload: body.payload,
      headers: { 'content-type': body.type },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Форма не отправлена');
    expect(res.body).toContain('Извещение МАРКЕР-КУКИ');
    expect(res.body).toContain('выберите его ещё раз');
    expect(res.body).toContain('<details open id="add-file">');
    expect(await rows(caseId)).toEqual(before);
  });

  it("puts the family's file in the staff queue's «family wrote» until the case is read", async () => {
    const { family, caseworker, caseId } = s.w;
    await get(`/cases/${caseId}`, caseworker.cookies);
    const queue = () => get('/staff?filter=family_wrote', caseworker.cookies);
    expect((await queue()).body).not.toContain(`/cases/${caseId}"`);
    await attach(caseId, family.cookies, { summary: 'Письмо из части' }, await photo());
    const listed = await queue();
    expect(listed.body).toContain(`/cases/${caseId}"`);
    expect(listed.body).toContain('1 новое сообщение от семьи');
    await get(`/cases/${caseId}`, caseworker.cookies);
    expect((await queue()).body).not.toContain(`/cases/${caseId}"`);
  });

  it("ties a file to an event of its case: listed under the event and on the verifier's page; another case's event is refused", async () => {
    const { family, verifier, caseId, otherCaseId } = s.w;
    const eventOf = async (id: string) =>
      (await db().selectFrom('events').select('id').where('case_id', '=', id).executeTakeFirstOrThrow()).id;
    const event = await eventOf(caseId);
    // Another case's event: refused at the field, her words kept, nothing written.
    const before = await rows(caseId);
    const wrong = await attach(
      caseId,
      family.cookies,
      { summary: 'Извещение МАРКЕР-СОБЫТИЕ', event: await eventOf(otherCaseId) },
      await photo(),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Извещение МАРКЕР-СОБЫТИЕ');
    expect(wrong.body).toContain('aria-invalid="true"');
    expect(await rows(caseId)).toEqual(before);

    const res = await attach(caseId, family.cookies, { summary: 'Извещение МАРКЕР-СОБЫТИЕ', event }, await photo());
    expect(res.statusCode).toBe(303);
    const fileId = String(res.headers.location).split('#file-')[1];
    const page = (await get(`/cases/${caseId}`, family.cookies)).body;
    // Under the event: the document and its download link.
    const item = page.slice(
      page.indexOf(`id="event-${event}"`),
      page.indexOf('</li>', page.indexOf(`id="event-${event}"`)),
    );
    expect(item).toContain('Документ: Извещение МАРКЕР-СОБЫТИЕ');
    expect(item).toContain(`href="/cases/${caseId}/files/${fileId}"`);
    // In the files list: which event it documents, linked to it.
    expect(page).toContain(`К событию: <a href="#event-${event}">`);
    // The verifier deciding on the event sees it among what the event rests on.
    const confirm = await get(`/staff/events/${event}/confirm`, verifier.cookies);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Документ: Извещение МАРКЕР-СОБЫТИЕ');
  });

  it("removes a file its own side attached, after asking, bytes and news and all; never the other side's", async () => {
    const { family, caseworker, caseId } = s.w;
    await attach(caseId, family.cookies, { summary: 'Фото с лицом МАРКЕР-УДАЛИТЬ' }, await photo());
    await attach(caseId, caseworker.cookies, { summary: 'Ответ части МАРКЕР-ОСТАВИТЬ' }, await photo());
    // The world is shared by this block's tests: find the two files by their descriptions.
    const key = await openCaseKey(db(), await grantFor(s.t, family, caseId, 'read'));
    const files = await caseFilesOf(db(), caseId, key);
    const idOf = (marker: string) => String(files.find((f) => f.description.includes(marker))?.id);
    const hers = idOf('МАРКЕР-УДАЛИТЬ');
    const theirs = idOf('МАРКЕР-ОСТАВИТЬ');
    const before = await rows(caseId);
    const less = (n: number) => ({ files: before.files - n, stored: before.stored - n });
    const removeUrl = (id: string) => `/cases/${caseId}/files/${id}/remove`;

    // The case page offers removal of her own file only.
    const page = await get(`/cases/${caseId}`, family.cookies);
    expect(page.body).toContain(`href="${removeUrl(hers)}"`);
    expect(page.body).not.toContain(`href="${removeUrl(theirs)}"`);
    // The page asks first, naming the file; nothing is removed by opening it.
    const ask = await get(removeUrl(hers), family.cookies);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Удалить файл?');
    expect(ask.body).toContain('Фото с лицом МАРКЕР-УДАЛИТЬ');
    expect(await rows(caseId)).toEqual(before);
    // A form without the confirmation removes nothing either.
    const unconfirmed = await submitForm(s.t.app, removeUrl(hers), {}, family.cookies);
    expect(unconfirmed.res.statusCode).toBe(400);
    expect(await rows(caseId)).toEqual(before);

    // Neither side removes the other's file, nor may another family touch hers: NotFound.
    expect((await get(removeUrl(theirs), family.cookies)).statusCode).toBe(404);
    expect((await get(removeUrl(hers), caseworker.cookies)).statusCode).toBe(404);
    expect((await get(removeUrl(hers), s.w.otherFamily.cookies)).statusCode).toBe(404);
    const theirsTry = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { confirm: 'yes' },
      family.cookies,
      removeUrl(theirs),
    );
    expect(theirsTry.res.statusCode).toBe(404);
    const staffTry = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { confirm: 'yes' },
      caseworker.cookies,
      removeUrl(hers),
    );
    expect(staffTry.res.statusCode).toBe(404);
    expect(await rows(caseId)).toEqual(before);

    const done = await submitForm(s.t.app, removeUrl(hers), { confirm: 'yes' }, family.cookies);
    expect(done.res.statusCode).toBe(303);
    expect(done.res.headers.location).toBe(`/cases/${caseId}?done=file_removed#files`);
    // The row, the sealed bytes and the staff's news of it are gone; the staff's file stays.
    expect(await rows(caseId)).toEqual(less(1));
    expect(await db().selectFrom('evidence_files').select('id').where('id', '=', hers).execute()).toEqual([]);
    expect(await db().selectFrom('case_news').select('id').where('ref_id', '=', hers).execute()).toEqual([]);
    expect((await get(`/cases/${caseId}/files/${hers}`, caseworker.cookies)).statusCode).toBe(404);
    const after = await get(String(done.res.headers.location), family.cookies);
    expect(after.body).toContain('Файл удалён.');
    expect(after.body).not.toContain('МАРКЕР-УДАЛИТЬ');
    expect(after.body).toContain('МАРКЕР-ОСТАВИТЬ');
    const audited = await db()
      .selectFrom('audit_log')
      .select(['actor_user_id'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'file.removed')
      .execute();
    expect(audited).toEqual([{ actor_user_id: family.id }]);

    // The caseworker removes the organisation's own file the same way.
    const staffDone = await submitForm(s.t.app, removeUrl(theirs), { confirm: 'yes' }, caseworker.cookies);
    expect(staffDone.res.statusCode).toBe(303);
    expect(await rows(caseId)).toEqual(less(2));
  });

  it('goes with its case when retention destroys it', async () => {
    const { family, caseworker, caseId, otherCaseId } = s.w;
    await attach(caseId, family.cookies, { summary: 'Извещение о гибели' }, await photo());
    await attach(otherCaseId, s.w.otherFamily.cookies, { summary: 'Другой запрос' }, await photo());
    expect((await rows(caseId)).files).toBeGreaterThan(0);
    const other = await rows(otherCaseId);
    expect(other).toEqual({ files: 1, stored: 1 });
    await closeCase(
      { db: db(), clock: s.t.clock },
      await grantFor(s.t, caseworker, caseId, 'close'),
      'other',
      'Семья перестала отвечать',
    );
    // A closed case keeps its files until it is reopened or destroyed: nothing to remove.
    const key = await openCaseKey(db(), await grantFor(s.t, family, caseId, 'read'));
    const fileId = (await caseFilesOf(db(), caseId, key))[0].id;
    expect((await get(`/cases/${caseId}`, family.cookies)).body).not.toContain(`/files/${fileId}/remove`);
    const removeUrl = `/cases/${caseId}/files/${fileId}/remove`;
    const asked = await get(removeUrl, family.cookies);
    expect([asked.statusCode, asked.headers.location]).toEqual([303, `/cases/${caseId}#files`]);
    const refused = await submitForm(s.t.app, `/cases/${caseId}`, { confirm: 'yes' }, family.cookies, removeUrl);
    expect(refused.res.statusCode).toBe(400);
    expect(refused.res.body).toContain('Запрос закрыт.');
    expect((await rows(caseId)).files).toBeGreaterThan(0);
    s.t.clock.advance(91 * DAY);
    const report = await runRetention({ db: db(), clock: s.t.clock }, { days: 90 });
    expect(report).toMatchObject({ cases: 1, failed: 0 });
    expect(await rows(caseId)).toEqual({ files: 0, stored: 0 });
    // The other family's request, still open, keeps its file.
    expect(await rows(otherCaseId)).toEqual(other);
  });
});

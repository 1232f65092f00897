import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../test/helpers/multipart.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { postStep, sentAppeal } from '../appeals/appeals.fixtures.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { jpegWithGps } from './evidence.fixtures.ts';

// A form with a file that comes back for another field (a date a witness typed as «вчера», the
// answer's date left out) cannot show the file again: a browser never refills a file input. The
// file was dropped without a word, and the form went again without the photo (QA walk, JS off).
// Now the file field says it was not kept and asks for it again.

const AGAIN = 'Форма не сохранена из-за ошибки в другом поле. Файл не сохранён: выберите его ещё раз';
const fileInvalid = /<input type="file" name="file"[^>]*aria-invalid="true"/;

/** Posts the new-tip form with these fields and a good photo, as a browser sends it. */
const postTipWithPhoto = async (s: ReturnType<typeof useWorld>, fields: Record<string, string>) => {
  const sender = new Visitor(s.t.app);
  const page = await sender.get('/tips/new');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
  const { payload, type } = await multipartBody(
    { _csrf: token, organisation: s.w.orgA.id, ...fields },
    { bytes: await jpegWithGps(), name: 'photo.jpg', type: 'image/jpeg' },
  );
  const cookie = [...sender.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return s.t.app.inject({ method: 'POST', url: '/tips/new', payload, headers: { 'content-type': type, cookie } });
};

describe('a good file sent with a field to fix', () => {
  const s = useWorld('sqlite');

  it("a witness's photo with a bad date: the tip form asks for the photo again", async () => {
    const res = await postTipWithPhoto(s, {
      surname: 'Тарасов',
      what_happened: 'Видел его в госпитале.',
      event_date: 'вчера',
      how_known: 'saw_myself',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Видел его в госпитале.');
    expect(res.body).toContain(AGAIN);
    expect(res.body).toMatch(fileInvalid);
    expect(await s.t.opened.db.selectFrom('tips').select('id').execute()).toHaveLength(0);
  });

  // «исправьте 3 поля» over two wrong fields and the file (QA walk 5): the file is not a field to
  // correct, so the summary counts two and says the file apart.
  it('the summary counts only the fields to correct, and asks for the file apart', async () => {
    const res = await postTipWithPhoto(s, {
      surname: 'Тарасов',
      what_happened: 'Видел его в госпитале.',
      event_date: 'вчера',
      how_known: 'не скажу',
    });
    expect(res.statusCode).toBe(400);
    const summary = /<p role="alert" class="form-errors">(.*?)<\/p>/s.exec(res.body)?.[1];
    expect(summary).toBe(
      'Форма не отправлена: исправьте 2 поля, отмеченных ниже.<br/>Файл не сохранён: выберите его ещё раз (браузер не может вернуть выбранный файл).',
    );
    expect(res.body).toMatch(fileInvalid);
  });

  it("an authority's answer without its date: the scan is asked for again", async () => {
    const { caseworker } = s.w;
    const id = await sentAppeal(s.t.app, s.w.caseId, caseworker.cookies);
    const scan = { name: 'answer.jpg', type: 'image/jpeg', bytes: await jpegWithGps() };
    const res = await postStep(s.t.app, id, caseworker.cookies, { step: 'answer', summary: 'Сведений нет' }, scan);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Сведений нет');
    expect(res.body).toContain(AGAIN);
    expect(res.body).toMatch(fileInvalid);
    // with nothing chosen, nothing is asked for
    const bare = await postStep(s.t.app, id, caseworker.cookies, { step: 'answer', summary: 'Сведений нет' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).not.toContain('выберите его ещё раз');
  });
});

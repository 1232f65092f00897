import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, textarea } from '../../test/helpers/not-sent.ts';
import { Visitor, type Page } from '../../test/helpers/visitor.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { rotateOrganisationKey } from '../accounts/org-key-rotation.service.ts';
import { publishedForWorld } from './registry.fixtures.ts';

// A relative adds to their removal or correction request with its receipt code, on the page the
// code opens: the staff refused it asking for a document, she writes again to the same request.
// What she adds is sealed to the organisation like her first words, the staff read it after them
// in order, and the request is back among the new ones, marked as holding new words until opened.
// A wrong or locked code adds nothing and gives her text back; an empty addition is refused in
// the page's language with the form as it was.

const STATUS = '/registry/request-status';
const ADD = '/registry/request-status/add';
const codeOn = (page: Page): string => {
  const m = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(page.body);
  if (!m) throw new Error(`no receipt code on ${page.url}`);
  return m[1].replace(/<[^>]*>/g, '');
};
const textOf = (page: Page): string => page.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe.each(DIALECTS)('adding to a registry request with its code (%s)', (dialect) => {
  const s = useWorld(dialect);
  let page: string;

  beforeAll(async () => {
    const recordId = await publishedForWorld({ db: s.t.opened.db, clock: s.t.clock }, s.w);
    page = `/registry/persons/${recordId}/request`;
  });

  /** A new request; its code and its id (the newest on the staff's list). */
  const sendRequest = async (message: string) => {
    const code = codeOn(await new Visitor(s.t.app).submit(page, page, { kind: 'correct', message }));
    const { id } = await s.t.opened.db
      .selectFrom('registry_requests')
      .select('id')
      .where('lookup_id', '=', code.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    return { code, id };
  };
  /** The request's page, opened with the code as the relative types it. */
  const opened = async (code: string, lang = 'ru') => {
    const relative = new Visitor(s.t.app);
    const res = await relative.submit(`${STATUS}?lang=${lang}`, STATUS, { code });
    expect(res.status).toBe(200);
    return relative;
  };
  const additions = async (requestId: string) =>
    s.t.opened.db
      .selectFrom('registry_request_additions')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
  const stateOf = async (requestId: string) =>
    s.t.opened.db
      .selectFrom('registry_requests')
      .select(['state', 'outcome', 'relative_wrote'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();

  it('seals what she adds, puts the request back among the new ones and shows it to staff after her first words', async () => {
    const { code, id } = await sendRequest('Год рождения неверный ПЕРВОЕ-1180');
    const verifier = browserOf(s.t.app, s.w.verifier);
    const detail = `/staff/registry/requests/${id}`;
    await verifier.submit(detail, detail, { decision: 'refused', answer: 'Нужны документы: пришлите номер справки.' });
    expect(await stateOf(id)).toMatchObject({ state: 'done', outcome: 'refused' });

    const relative = await opened(code);
    expect(textOf(relative.last!)).toContain('Рассмотрена: в просьбе отказано');
    expect(relative.last!.body).toContain('Дописать к просьбе');
    const added = await relative.submit(null, ADD, { message: 'Справка № 55 ДОПИСАНО-2291' });
    expect(added.url).toBe(`${STATUS}?done=added`);
    expect(added.body).toContain('Дополнение отправлено');
    // The code is not in the address, nor shown back on the page that says it went.
    for (const p of relative.history) expect(p.url).not.toContain(code.slice(5, 9));
    expect(added.body).not.toContain(code.replace(/-/g, ''));

    // Sealed at rest, bound to the request; back in the queue, decided again, marked as new words.
    const rows = await additions(id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('ДОПИСАНО');
    expect(JSON.stringify(rows)).not.toContain('2291');
    expect(await stateOf(id)).toEqual({ state: 'new', outcome: null, relative_wrote: 1 });

    // A second addition, in English: after the first.
    await (await opened(code, 'en')).submit(null, ADD, { message: 'And a photo of it, ВТОРОЕ-3302' });
    expect((await additions(id)).map((a) => a.seq)).toEqual([1, 2]);

    const list = await verifier.get('/staff/registry/requests');
    // Among the new ones (the only one there), marked.
    const waiting = textOf({ ...list, body: list.body.slice(0, list.body.indexOf('<h2>Рассмотренные</h2>')) });
    expect(list.body.indexOf(`requests/${id}"`)).toBeGreaterThan(list.body.indexOf('<h2>Новые</h2>'));
    expect(list.body.indexOf(`requests/${id}"`)).toBeLessThan(list.body.indexOf('<h2>Рассмотренные</h2>'));
    expect(waiting).toContain('родственник дописал Дополнений от родственника: 2');
    const staffPage = await verifier.get(detail);
    const text = textOf(staffPage);
    const first = text.indexOf('ПЕРВОЕ-1180');
    const second = text.indexOf('ДОПИСАНО-2291');
    const third = text.indexOf('ВТОРОЕ-3302');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(text).toContain('Родственник дописал к просьбе после последнего просмотра.');
    expect(text).toContain('Состояние для родственника: Получена, ещё не рассмотрена');
    // Opened: no longer new words, still waiting for a decision.
    expect(await stateOf(id)).toEqual({ state: 'new', outcome: null, relative_wrote: 0 });
    expect((await verifier.get(detail)).body).not.toContain('после последнего просмотра');

    // She reads the request received again, with the days she added to it and the earlier answer.
    const back = textOf((await opened(code)).last!);
    expect(back).toContain('Получена, ещё не рассмотрена');
    expect(back).toContain('Вы дописали');
    expect(back).toContain('Нужны документы: пришлите номер справки.');
    expect(back).not.toContain('ДОПИСАНО-2291');

    // A new organisation key re-seals the additions with the request: staff still read them.
    await rotateOrganisationKey(
      { db: s.t.opened.db, clock: s.t.clock, config: s.t.config },
      s.w.admin.auth,
      s.w.orgA.id,
    );
    expect(textOf(await verifier.get(detail))).toContain('ДОПИСАНО-2291');
  });

  it('adds nothing with a wrong code, gives the text back, and keeps the lock of wrong codes', async () => {
    const { code, id } = await sendRequest('Прошу исправить звание');
    const plain = code.replace(/-/g, '');
    const wrong = `${plain.slice(0, 23)}${plain[23] === 'Z' ? 'Y' : 'Z'}`;
    const relative = await opened(code);
    const refused = await relative.submit(null, ADD, { code: wrong, message: 'Мой текст НЕ-ПОТЕРЯН-4471' });
    expect(refused.status).toBe(400);
    expect(textOf(refused)).toContain(
      'Просьба с таким кодом не найдена. Сверьте код с записью и введите его снова: набранный код здесь не показывается.',
    );
    expect(refused.body).toContain('Дополнение не отправлено');
    expect(refused.body).toContain('Мой текст НЕ-ПОТЕРЯН-4471');
    expect(refused.body).not.toContain(wrong);
    expect(refused.body).not.toContain(plain);
    expect(await additions(id)).toHaveLength(0);
    expect(await stateOf(id)).toMatchObject({ state: 'new', relative_wrote: 0 });

    // Wrong codes on the add form count with those on the code form: the fifth locks the lookup id.
    for (let i = 0; i < 4; i++)
      expect((await new Visitor(s.t.app).submit(STATUS, STATUS, { code: wrong })).status).toBe(400);
    const locked = await relative.request('POST', ADD, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(relative.last!.body)![1],
      code: plain,
      message: 'Ещё раз ЗАПЕРТО-5512',
    });
    expect(locked.status).toBe(429);
    expect(textOf(locked)).toContain('Слишком много неверных попыток');
    expect(locked.body).toContain('Ещё раз ЗАПЕРТО-5512');
    expect(await additions(id)).toHaveLength(0);
  });

  it('refuses an empty addition in the page language with the form as it was, and a too long one keeping the text', async () => {
    const { code, id } = await sendRequest('Прошу убрать фотографию');
    const ru = await (await opened(code)).submit(null, ADD, { message: '   ' });
    expect(ru.status).toBe(400);
    expect(textOf(ru)).toContain('Заполните это поле.');
    expect(ru.body).toContain('href="#add-h"');
    // Still the request's page, with its form to send again.
    expect(textOf(ru)).toContain('Получена, ещё не рассмотрена');
    expect(ru.body).toContain(`action="${ADD}"`);
    const en = await (await opened(code, 'en')).submit(null, ADD, { message: '' });
    expect(en.status).toBe(400);
    expect(textOf(en)).toContain('Please fill in this field.');
    expect(textOf(en)).toContain('Add to your request');
    const long = `ДЛИННО-6620 ${'а'.repeat(3000)}`;
    const tooLong = await (await opened(code)).submit(null, ADD, { message: long });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatch(textarea('message', long));
    expect(await additions(id)).toHaveLength(0);
    expect(await stateOf(id)).toMatchObject({ state: 'new', relative_wrote: 0 });
  });

  it('gives the addition back, nothing added, when the browser lost its CSRF cookie', async () => {
    const { code, id } = await sendRequest('Прошу исправить дату');
    const relative = await opened(code);
    relative.cookies.delete(CSRF_COOKIE);
    const res = await relative.submit(null, ADD, { message: 'Без куки ПОТЕРЯ-7781' });
    expectNotSent(res);
    expect(res.body).toMatch(textarea('message', 'Без куки ПОТЕРЯ-7781'));
    expect(await additions(id)).toHaveLength(0);
    // The form came back with a fresh token: sending it again adds it.
    const again = await relative.submit(null, ADD, { message: 'Без куки ПОТЕРЯ-7781' });
    expect(again.url).toBe(`${STATUS}?done=added`);
    expect(await additions(id)).toHaveLength(1);
  });
});

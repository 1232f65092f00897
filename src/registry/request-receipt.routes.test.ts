import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { Visitor, type Page } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { rotateOrganisationKey } from '../accounts/org-key-rotation.service.ts';
import { publishedForWorld } from './registry.fixtures.ts';

// A relative asks for a published record to be corrected and leaves no contact: the receipt page
// shows a code once; with it (typed loosely) the status page shows the request received, then the
// verifier's decision and answer, sealed in the database. A wrong code is refused with the same
// words as a missing one; five wrong codes lock the lookup id, the right code included.

const STATUS = '/registry/request-status';
const codeOn = (page: Page): string => {
  const m = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(page.body);
  if (!m) throw new Error(`no receipt code on ${page.url}`);
  return m[1].replace(/<[^>]*>/g, '');
};
const textOf = (page: Page): string => page.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe.each(DIALECTS)("a registry request's receipt code (%s)", (dialect) => {
  const s = useWorld(dialect);
  let recordId: string;
  let page: string;

  beforeAll(async () => {
    recordId = await publishedForWorld({ db: s.t.opened.db, clock: s.t.clock }, s.w);
    page = `/registry/persons/${recordId}/request`;
  });

  const lookUp = (code: string, lang = 'ru') => new Visitor(s.t.app).submit(`${STATUS}?lang=${lang}`, STATUS, { code });

  it('gives a code once; with it the relative reads the state and then the staff answer, no contact left', async () => {
    const relative = new Visitor(s.t.app);
    const sent = await relative.submit(page, page, { kind: 'correct', message: 'Год рождения неверный: 1991' });
    expect(sent.url).toBe('/registry/receipt');
    expect(sent.body).toContain('Перепишите код на бумагу');
    const code = codeOn(sent);
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    // Shown once: the cookie that carried it is gone, and the page asks for a code now.
    const again = await relative.get('/registry/receipt');
    expect(again.url).toBe(STATUS);
    expect(again.body).not.toContain(code);
    const plain = code.replace(/-/g, '');
    const rows = await s.t.opened.db.selectFrom('registry_requests').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(plain.slice(8));
    expect(rows.find((r) => r.lookup_id === plain.slice(0, 8))?.code_verifier).toBeTruthy();

    const received = await lookUp(code);
    expect(received.status).toBe(200);
    expect(textOf(received)).toContain('Получена, ещё не рассмотрена');
    expect(textOf(received)).toContain('Ответа пока нет.');

    const verifier = browserOf(s.t.app, s.w.verifier);
    const list = await verifier.get('/staff/registry/requests');
    const id = /href="\/staff\/registry\/requests\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
    expect(id).toBeTruthy();
    const answer = 'Год рождения исправлен на 1991. ОТВЕТ-МАРКЕР-7731';
    const answered = await verifier.submit(`/staff/registry/requests/${id}`, `/staff/registry/requests/${id}`, {
      decision: 'corrected',
      answer,
    });
    expect(answered.url).toBe(`/staff/registry/requests/${id}?done=answered`);
    expect(answered.body).toContain('ОТВЕТ-МАРКЕР-7731');
    const sealed = await s.t.opened.db.selectFrom('registry_requests').selectAll().execute();
    expect(JSON.stringify(sealed)).not.toContain('ОТВЕТ-МАРКЕР');

    // Typed as people copy it: small letters, spaces for dashes, O for zero.
    const loose = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const done = await lookUp(loose);
    expect(done.status).toBe(200);
    expect(textOf(done)).toContain('Рассмотрена: запись исправлена');
    expect(done.body).toContain(answer);
    const english = await lookUp(code, 'en');
    expect(textOf(english)).toContain('Reviewed: the record was corrected');
    expect(english.body).toContain(answer);

    // Handled, it does not go back to review; what was typed stays on the form.
    const back = await verifier.submit(`/staff/registry/requests/${id}`, `/staff/registry/requests/${id}`, {
      decision: 'in_review',
      answer: 'Передумали ПЕРЕДУМАЛИ-2290',
    });
    expect(back.status).toBe(400);
    expect(back.body).toContain('нельзя вернуть на рассмотрение');
    expect(back.body).toContain('ПЕРЕДУМАЛИ-2290');
    expect(textOf(await lookUp(code))).toContain('Рассмотрена: запись исправлена');

    // A new organisation key re-wraps the request's key: staff still open the answer, the code too.
    await rotateOrganisationKey(
      { db: s.t.opened.db, clock: s.t.clock, config: s.t.config },
      s.w.admin.auth,
      s.w.orgA.id,
    );
    expect((await verifier.get(`/staff/registry/requests/${id}`)).body).toContain('ОТВЕТ-МАРКЕР-7731');
    expect((await lookUp(code)).body).toContain(answer);
  });

  it('refuses a wrong code with the same words as a missing one, and locks a lookup id after five', async () => {
    const sent = await new Visitor(s.t.app).submit(page, page, { kind: 'withdraw', message: 'Прошу убрать запись' });
    const code = codeOn(sent).replace(/-/g, '');
    const wrongSecret = `${code.slice(0, 8)}${code.slice(8, 23)}${code[23] === 'Z' ? 'Y' : 'Z'}`;
    const noSuch = await lookUp('ZZZZ-ZZZZ-0000-0000-0000-0000');
    const wrong = await lookUp(wrongSecret);
    for (const res of [noSuch, wrong]) {
      expect(res.status).toBe(400);
      expect(textOf(res)).toContain(
        'Просьба с таким кодом не найдена. Сверьте код с записью и введите его снова: набранный код здесь не показывается.',
      );
      expect(res.body).not.toContain('Ответ организации');
      expect(res.body).not.toContain('ZZZZ');
    }
    const short = await lookUp('ABCD-1234');
    expect(short.status).toBe(400);
    expect(textOf(short)).toContain('Код состоит из 24 знаков');
    expect(textOf(await lookUp('ZZZZ-ZZZZ-0000-0000-0000-0000', 'en'))).toContain('No request has this code.');
    for (let i = 0; i < 4; i++) expect((await lookUp(wrongSecret)).status).toBe(400);
    const locked = await lookUp(code);
    expect(locked.status).toBe(429);
    expect(textOf(locked)).toContain('Слишком много неверных попыток');
    // Another request's code is not locked by these tries.
    const other = await new Visitor(s.t.app).submit(page, page, { kind: 'correct', message: 'Другая просьба' });
    expect((await lookUp(codeOn(other))).status).toBe(200);
  });

  it("keeps the verifier's typed answer when the decision is missing", async () => {
    await new Visitor(s.t.app).submit(page, page, { kind: 'correct', message: 'Ещё одна просьба' });
    const verifier = browserOf(s.t.app, s.w.verifier);
    const list = await verifier.get('/staff/registry/requests');
    const id = /href="\/staff\/registry\/requests\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
    const res = await verifier.submit(`/staff/registry/requests/${id}`, `/staff/registry/requests/${id}`, {
      decision: '',
      answer: 'Черновик ответа ЧЕРНОВИК-4410',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Черновик ответа ЧЕРНОВИК-4410');
  });

  it('a request sent before receipt codes is decided without an answer nobody could read', async () => {
    const sent = await new Visitor(s.t.app).submit(page, page, { kind: 'correct', message: 'Старая просьба' });
    const lookupId = codeOn(sent).slice(0, 4) + codeOn(sent).slice(5, 9);
    const db = s.t.opened.db;
    const nulls = {
      lookup_id: null,
      code_salt: null,
      code_verifier: null,
      key_code_sealed: null,
      key_org_sealed: null,
    };
    const { id } = await db
      .selectFrom('registry_requests')
      .select('id')
      .where('lookup_id', '=', lookupId)
      .executeTakeFirstOrThrow();
    await db.updateTable('registry_requests').set(nulls).where('id', '=', id).execute();
    const verifier = browserOf(s.t.app, s.w.verifier);
    const detail = await verifier.get(`/staff/registry/requests/${id}`);
    expect(detail.body).toContain('прочитать ответ здесь он не сможет');
    expect(detail.body).not.toContain('name="answer"');
    const refused = await verifier.request('POST', `/staff/registry/requests/${id}`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(detail.body)![1],
      decision: 'refused',
      answer: 'Никто не прочтёт',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('ответ никто не сможет прочитать');
    const decided = await verifier.submit(`/staff/registry/requests/${id}`, `/staff/registry/requests/${id}`, {
      decision: 'removed',
    });
    expect(decided.url).toBe(`/staff/registry/requests/${id}?done=answered`);
    expect(textOf(decided)).toContain('Рассмотрена: запись убрана из реестра');
  });
});

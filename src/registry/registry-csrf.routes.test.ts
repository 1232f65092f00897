import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { principalOf } from '../policy/principal.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { announce, authoriseCasePublication } from './publication.service.ts';
import { confirmDeath, publishedForWorld } from './registry.fixtures.ts';

// The registry's forms with text typed at length: a relative's request about a published record
// (anyone, without an account), a verifier's sources when publishing and the note of a
// correction. After a lost CSRF cookie each comes back filled in (src/web/form-not-sent.ts);
// nothing is stored; another site's post, and staff who may not publish, get the plain refusal.

const MARK = 'МАРКЕР-CSRF-РЕЕСТР-6120';
const MESSAGE = `Год рождения неверный, он родился в 1987 году ${MARK}`;

describe.each(DIALECTS)('registry forms whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  let recordId: string;
  let readyCase: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    recordId = await publishedForWorld(deps, s.w);
    // A second case, announced and waiting only for its sources to be published.
    readyCase = (await openCase(deps, s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Готовый' }))).caseId;
    await confirmDeath(deps, s.w.verifier.auth, readyCase);
    const waive = await authoriseCasePublication(
      s.t.opened.db,
      principalOf(s.w.verifier.auth),
      readyCase,
      'waive_notice',
    );
    await announce(
      { ...deps, config: { registryNoticeDays: 7, timeZone: 'Europe/Moscow' } },
      waive.grant,
      waive.ref,
      'family_asked',
    );
  });

  const count = (table: 'registry_requests' | 'registry_corrections' | 'registry_records') =>
    countRows(s.t.opened.db, table);

  it("a relative's request comes back on its form, without an account; nothing stored; sent again, it is", async () => {
    const before = await count('registry_requests');
    const page = `/registry/persons/${recordId}/request`;
    const anyone = new Visitor(s.t.app);
    await anyone.get(page);
    anyone.cookies.delete(CSRF_COOKIE);
    const res = await anyone.submit(null, page, { kind: 'correct', message: MESSAGE, contact: 'signal: мама' });
    expectNotSent(res);
    expect(res.body).toMatch(textarea('message', MESSAGE));
    expect(res.body).toContain('value="signal: мама"');
    expect(res.body).not.toContain('Браузер забыл вход');
    expect(await count('registry_requests')).toBe(before);
    const sent = await anyone.submit(null, page);
    expect(sent.url).toBe('/registry/receipt');
    expect(await count('registry_requests')).toBe(before + 1);

    const cross = new Visitor(s.t.app, { 'sec-fetch-site': 'cross-site' });
    await cross.get(page);
    cross.cookies.delete(CSRF_COOKIE);
    expectRefused(await cross.submit(null, page, { kind: 'correct', message: MESSAGE }), MARK);
    expect(await count('registry_requests')).toBe(before + 1);
  });

  it("a correction's note comes back on the record's page, said at the top, in English too", async () => {
    const before = await count('registry_corrections');
    const page = `/staff/registry/records/${recordId}`;
    const note = `Исправлен год рождения по письму матери ${MARK}`;
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.verifier, `${page}?lang=en`, `${page}/correct`, {
      note,
    });
    expectNotSent(res, 'en');
    expect(res.body).toMatch(/<a href="#correct-h">Go to the form<\/a>/);
    expect(res.body).toMatch(textarea('note', note));
    expect(await count('registry_corrections')).toBe(before);
    await visitor.submit(null, `${page}/correct`);
    expect(await count('registry_corrections')).toBe(before + 1);
  });

  it('the sources typed for publishing come back; nothing published', async () => {
    const before = await count('registry_records');
    const published = async () =>
      (await s.t.opened.db.selectFrom('registry_records').select('id').where('state', '=', 'published').execute())
        .length;
    const was = await published();
    const page = `/staff/registry/cases/${readyCase}`;
    const title = `Извещение военкомата № 4471 ${MARK}`;
    const { res } = await sendWithoutCookie(s.t.app, s.w.verifier, page, `${page}/publish`, { source_title_1: title });
    expectNotSent(res);
    expect(res.body).toMatch(/<a href="#publish-h">Перейти к форме<\/a>/);
    expect(res.body).toContain(title);
    expect(await published()).toBe(was);
    expect(await count('registry_records')).toBe(before);
  });

  it('another site, a caseworker and another organisation get the plain refusal and nothing of the record', async () => {
    const corrections = await count('registry_corrections');
    const record = `/staff/registry/records/${recordId}`;
    const cross = await sendWithoutCookie(
      s.t.app,
      s.w.verifier,
      record,
      `${record}/correct`,
      { note: MARK },
      { 'sec-fetch-site': 'cross-site' },
    );
    expectRefused(cross.res, MARK);
    for (const user of [s.w.caseworker, s.w.otherOrgCaseworker, s.w.family])
      for (const action of [`${record}/correct`, `/staff/registry/cases/${readyCase}/publish`]) {
        const res = await browserOf(s.t.app, user).request('POST', action, { note: MARK, _csrf: 'forged' }, false);
        expectRefused(res, MARK);
        expect(res.body, action).not.toContain('Готовый');
        expect(res.body, action).not.toContain('Опубликованный');
      }
    expect(await count('registry_corrections')).toBe(corrections);
  });
});

import { describe, expect, it } from 'vitest';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import {
  authoriseBoard,
  authoriseOptIn,
  cohortsOfCase,
  moderatePost,
  postOnBoard,
  setOptIn,
} from '../cohorts/cohorts.service.ts';
import { importForOrganisation } from '../imports/imports.service.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';

// The audit log said «импортировал(а) список» and «скрыл(а) сообщение на доске семей» with no way
// to the list or the board (QA walk 6). The entry now keeps which list or board (never the post),
// and its words link there when the policy lets the viewer open it.

describe("the audit log's links to a list and a board", () => {
  const s = useWorld('sqlite');
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });

  it('links an imported list and a board a post was hidden on, in Russian and English', async () => {
    await importForOrganisation(
      deps(),
      systemPrincipal('import'),
      { id: s.w.orgA.id, publicKey: s.w.orgA.publicKey },
      { sourceName: 'Список', sourceKind: 'news', verification: 'reported' },
      new TextEncoder().encode('surname,given_name\nДоржиев,Баир\n'),
    );
    const importId = (await s.t.opened.db.selectFrom('person_imports').select('id').executeTakeFirstOrThrow()).id;
    // Two families of the same unit on its board; one posts, a caseworker hides the post.
    const third = await openCase(deps(), s.w.otherFamily.auth, caseInput(s.w.orgA.id, { narrative: 'третья' }));
    for (const [who, caseId] of [
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, third.caseId],
    ] as const)
      await setOptIn(deps(), await authoriseOptIn(s.t.opened.db, principalOf(who.auth), caseId), { optIn: true });
    const boardId = (await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'))).cohorts[0]
      .boardId!;
    const family = await authoriseBoard(s.t.opened.db, principalOf(s.w.family.auth), boardId, 'post');
    await postOnBoard(deps(), family, 'Телефон командира: …');
    const post = await s.t.opened.db.selectFrom('cohort_posts').select('id').executeTakeFirstOrThrow();
    const staff = await authoriseBoard(s.t.opened.db, principalOf(s.w.caseworker.auth), boardId, 'moderate');
    await moderatePost(deps(), staff, post.id, { reason: 'personal_data' });
    for (const [lang, imported, hidden] of [
      ['ru', 'импортировал(а) список', 'скрыл(а) сообщение на доске семей'],
      ['en', 'imported a list', "hid a post on a families' board"],
    ] as const) {
      const res = await s.t.app.inject({ method: 'GET', url: `/staff/audit?lang=${lang}`, cookies: s.w.admin.cookies });
      expect(res.statusCode).toBe(200);
      expect(res.body, lang).toContain(`<a href="/staff/imports/${importId}">${imported}</a>`);
      expect(res.body.replaceAll('&#x27;', "'").replaceAll('&#39;', "'"), lang).toContain(
        `<a href="/cohorts/${boardId}">${hidden}</a>`,
      );
    }
    // The links open for the admin: the policy let them through.
    for (const url of [`/staff/imports/${importId}`, `/cohorts/${boardId}`])
      expect((await s.t.app.inject({ method: 'GET', url, cookies: s.w.admin.cookies })).statusCode, url).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { CSRF_COOKIE } from './security.ts';

// keepTyped's comment said a form sent empty after a lost CSRF cookie got the plain refusal; the
// code draws it again like any other, and that is what helps: the plain refusal says the form
// "is stale or came from another site" (neither is so) and its way back is the browser's Back, to
// a page whose token no longer works, while the form again carries a fresh token. Only without a
// session is an empty form refused plainly: no form can be drawn, and nothing typed needs keeping.
// The comment now says so, and this holds the behaviour.

describe.each(DIALECTS)('an empty form whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('comes back as its form with a fresh token, not the plain refusal; sent again, it is checked as usual', async () => {
    const family = browserOf(s.t.app, s.w.family);
    const caseUrl = `/cases/${s.w.caseId}`;
    await family.get(caseUrl);
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `${caseUrl}/messages`, { body: '' });
    expectNotSent(failed);
    expect(failed.body).not.toContain('Форма устарела');
    expect(failed.body).toMatch(/<textarea[^>]*name="body"[^>]*><\/textarea>/);
    // The fresh token works: the empty message is now refused for being empty (400), not for CSRF.
    const again = await family.submit(null, `${caseUrl}/messages`, { body: '' });
    expect(again.status).toBe(400);
    expect(again.body).not.toContain('Форма устарела');
  });

  it('without a session, gets the plain refusal: no form to draw, nothing typed to keep', async () => {
    const family = browserOf(s.t.app, s.w.family);
    const caseUrl = `/cases/${s.w.caseId}`;
    await family.get(caseUrl);
    family.cookies.clear();
    const failed = await family.submit(null, `${caseUrl}/messages`, { body: '' });
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('Форма устарела');
    expect(failed.body).not.toContain('Браузер забыл вход на этот сайт');
  });
});

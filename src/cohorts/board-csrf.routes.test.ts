import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { CSRF_COOKIE } from '../web/security.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from './cohorts.service.ts';

// A wife writes a long post to the other families of the brigade; the browser loses the site's
// CSRF cookie before she sends it. The board comes back with her post in its box, a fresh token
// and a message that nothing was posted; sent again, it is posted. A post another site sent, and
// a family not on the board, get the plain refusal.

const POST = 'Мой муж из роты связи, последний звонок 3 марта из-под Купянска. МАРКЕР-CSRF-ДОСКА-3307';

describe.each(DIALECTS)('a board post whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  let board: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    await setOptIn(deps, await authoriseOptIn(s.t.opened.db, principalOf(s.w.family.auth), s.w.caseId), {
      optIn: true,
    });
    board = (await cohortsOfCase(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0].boardId!;
  });

  const posts = () => countRows(s.t.opened.db, 'cohort_posts');

  it('the post comes back in its box, said at the top with the way to it; sent again, it is posted', async () => {
    const before = await posts();
    const family = browserOf(s.t.app, s.w.family);
    await family.get(`/cohorts/${board}`);
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `/cohorts/${board}/posts`, { body: POST });
    expect(failed.status).toBe(403);
    expect(failed.body).toMatch(/Форма не отправлена[^<]*Ничего не сохранено[^<]*<a href="#post-h">Перейти к форме/);
    expect(failed.body).toMatch(/<textarea[^>]*name="body"[^>]*>Мой муж из роты связи[^<]*МАРКЕР-CSRF-ДОСКА-3307</);
    expect(String(failed.headers['set-cookie'])).toMatch(new RegExp(`${CSRF_COOKIE}=[^;]+;`));
    expect(await posts()).toBe(before);

    const sent = await family.submit(null, `/cohorts/${board}/posts`);
    expect(sent.url).toBe(`/cohorts/${board}?done=posted`);
    expect(sent.body).toContain('МАРКЕР-CSRF-ДОСКА-3307');
    expect(await posts()).toBe(before + 1);
  });

  it('in English as well', async () => {
    const family = browserOf(s.t.app, s.w.family);
    await family.get(`/cohorts/${board}?lang=en`);
    family.cookies.delete(CSRF_COOKIE);
    const failed = await family.submit(null, `/cohorts/${board}/posts`, { body: 'Anyone from the signals company?' });
    expect(failed.status).toBe(403);
    expect(failed.body).toContain('The form was not sent');
    expect(failed.body).toContain('Anyone from the signals company?</textarea>');
  });

  it('a post another site sent, and a family not on the board, get the plain refusal', async () => {
    const before = await posts();
    const crossSite = browserOf(s.t.app, s.w.family, { 'sec-fetch-site': 'cross-site' });
    await crossSite.get(`/cohorts/${board}`);
    crossSite.cookies.delete(CSRF_COOKIE);
    const refused = await crossSite.submit(null, `/cohorts/${board}/posts`, { body: POST });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Форма устарела');
    expect(refused.body).not.toContain('МАРКЕР-CSRF-ДОСКА');

    const stranger = browserOf(s.t.app, s.w.otherFamily);
    const res = await stranger.request('POST', `/cohorts/${board}/posts`, { body: POST, _csrf: 'forged' }, false);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Форма устарела');
    expect(res.body).not.toContain('МАРКЕР-CSRF-ДОСКА');
    expect(await posts()).toBe(before);
  });
});

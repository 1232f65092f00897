import { describe, expect, it } from 'vitest';
import { submitForm, type Cookies } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';

// A coordinator works the queue of pairs on a phone with JavaScript off. After «Разные люди» the
// pair's page came back with its notice on top and the only way on — «Возможные совпадения» —
// below the whole pair, two screens down, for every pair of the day (QA walk 6). The notice now
// carries the way to the next pair; an undone merge, decided again on the spot, does not.

describe("the way on from a decided pair's page", () => {
  const s = useWorld('sqlite');
  const get = async (url: string, cookies: Cookies) => {
    const res = await s.t.app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('is in the notice after a decision, in both languages', async () => {
    forgetIndexes();
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    await openCase(deps, s.w.otherFamily.auth, caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr' }));
    await runMatching(deps, systemPrincipal('scheduler'));
    const queue = await get('/staff/matches', s.w.caseworker.cookies);
    const id = /href="\/staff\/matches\/([0-9a-f-]{36})"/.exec(queue)?.[1];
    expect(id).toBeDefined();
    const { res } = await submitForm(
      s.t.app,
      `/staff/matches/${id}`,
      { decision: 'different' },
      s.w.caseworker.cookies,
    );
    expect(res.statusCode).toBe(303);
    const notice = (body: string) => /<p class="notice done" role="status">(.*?)<\/p>/s.exec(body)?.[1] ?? '';
    const ru = await get(`/staff/matches/${id}?done=different`, s.w.caseworker.cookies);
    expect(notice(ru)).toContain('<a href="/staff/matches">К следующей паре в очереди</a>');
    const en = await get(`/staff/matches/${id}?done=different&lang=en`, s.w.caseworker.cookies);
    expect(notice(en)).toContain('<a href="/staff/matches">On to the next pair in the queue</a>');
    const undone = await get(`/staff/matches/${id}?done=undone`, s.w.caseworker.cookies);
    expect(notice(undone)).toContain('Объединение отменено.');
    expect(notice(undone)).not.toContain('href="/staff/matches"');
  });
});

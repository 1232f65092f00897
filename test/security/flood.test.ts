import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { submitForm } from '../helpers/factories.ts';
import { grantFor, useWorld } from '../../src/cases/cases.fixtures.ts';
import { addNote, sendMessage } from '../../src/cases/case-work.service.ts';
import { addEvent } from '../../src/cases/events.service.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';
import { MINUTE } from '../../src/shared/clock.ts';
import { POSTS_PER_MINUTE } from '../../src/web/posting-limit.ts';
import { CASE_PAGE_SIZE } from '../../src/cases/cases.service.ts';

// A flood (issue 14: two accounts posted 8,232 messages in 35 s and the case page weighed 1 MB
// for the family, 2.2 MB for staff). Now every account has a posting limit, and the case page
// shows one page of messages, notes and events however many there are.

describe.each(DIALECTS)('a flood of posts (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('stops an account at its posting limit, saves nothing past it, and leaves other accounts alone', async () => {
    const url = `/cases/${s.w.caseId}`;
    const statuses: number[] = [];
    for (let i = 0; i < POSTS_PER_MINUTE + 5; i++) {
      const { res } = await submitForm(s.t.app, url, { body: `поток ${i}` }, s.w.family.cookies, `${url}/messages`);
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((c) => c === 303)).toHaveLength(POSTS_PER_MINUTE);
    expect(statuses.slice(POSTS_PER_MINUTE)).toEqual([429, 429, 429, 429, 429]);
    const saved = await s.t.opened.db
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', s.w.caseId)
      .execute();
    expect(saved).toHaveLength(POSTS_PER_MINUTE);
    // The caseworker still answers; the family may write again a minute later.
    const staff = await submitForm(s.t.app, url, { body: 'ответ' }, s.w.caseworker.cookies, `${url}/messages`);
    expect(staff.res.statusCode).toBe(303);
    s.t.clock.advance(MINUTE);
    const again = await submitForm(s.t.app, url, { body: 'снова' }, s.w.family.cookies, `${url}/messages`);
    expect(again.res.statusCode).toBe(303);
    // Logging out is never limited.
    for (let i = 0; i < POSTS_PER_MINUTE; i++)
      await submitForm(s.t.app, url, { body: `ещё ${i}` }, s.w.family.cookies, `${url}/messages`);
    const out = await submitForm(s.t.app, '/', {}, s.w.family.cookies, '/logout');
    expect(out.res.statusCode).toBe(200);
    expect(out.res.headers['clear-site-data']).toBeDefined();
  });

  it('shows one page of messages, notes and events however many there are', async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    const caseId = s.w.otherCaseId;
    const staffMsg = await grantFor(s.t, s.w.caseworker, caseId, 'message');
    const famMsg = await grantFor(s.t, s.w.otherFamily, caseId, 'message');
    const note = await grantFor(s.t, s.w.caseworker, caseId, 'note');
    const ev = await grantFor(s.t, s.w.otherFamily, caseId, 'add_event');
    const long = 'х'.repeat(2000);
    for (let i = 0; i < 260; i++) {
      await sendMessage(deps, i % 2 ? staffMsg : famMsg, `сообщение ${i} ${long}`);
      if (i % 4 === 0) await addNote(deps, note, `заметка ${i} ${long}`);
      if (i % 4 === 1)
        await addEvent(deps, ev, {
          kind: 'other',
          date: parsePartialDate(`${(i % 28) + 1}.01.2026`) ?? undefined,
          source: 'family',
          place: undefined,
          description: `событие ${i} ${long}`,
          verification: undefined,
        });
    }
    const family = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.otherFamily.cookies });
    const staff = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.caseworker.cookies });
    // 260 messages of 2 KB would be over 500 KB; a page of 50 of each is far less.
    expect(family.body.length).toBeLessThan(350_000);
    expect(staff.body.length).toBeLessThan(500_000);
    expect(family.body).toContain('сообщение 259 ');
    expect(family.body).not.toContain('сообщение 100 ');
    const count = (html: string, word: string) => (html.match(new RegExp(`${word} \\d+ х`, 'g')) ?? []).length;
    expect(count(family.body, 'сообщение')).toBe(CASE_PAGE_SIZE);
    expect(count(staff.body, 'заметка')).toBe(CASE_PAGE_SIZE);
    expect(count(family.body, 'событие')).toBeLessThanOrEqual(CASE_PAGE_SIZE);
    // Older pages are reached by links, without JavaScript.
    const older = /href="(\/cases\/[^"]+\?messages_before=\d+)#messages"/.exec(family.body);
    expect(older).not.toBeNull();
    const page2 = await s.t.app.inject({ method: 'GET', url: older![1], cookies: s.w.otherFamily.cookies });
    expect(page2.body).toContain('сообщение 200 ');
    expect(page2.body).not.toContain('сообщение 259 ');
    const earlier = /href="(\/cases\/[^"]+\?events_before=\d+)#timeline"/.exec(family.body);
    expect(earlier).not.toBeNull();
    const events2 = await s.t.app.inject({ method: 'GET', url: earlier![1], cookies: s.w.otherFamily.cookies });
    expect(count(events2.body, 'событие')).toBeGreaterThan(0);
    // A junk position is the newest page, not an error.
    const junk = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${caseId}?messages_before=abc&events_before=-5`,
      cookies: s.w.otherFamily.cookies,
    });
    expect(junk.statusCode).toBe(200);
  });
});

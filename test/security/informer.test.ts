import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { runStory, shows, storyTexts, type StoryResult, type StoryTexts } from '../helpers/story.ts';
import { Visitor, type Page } from '../helpers/visitor.ts';

// The threat model's informer: someone who registers a family account of their own to learn
// which families and which caseworkers are talking. After the whole story, the informer walks
// every page it can reach and probes the real case's URLs: it learns nothing, and a foreign case
// looks exactly like one that does not exist.

describe.each(DIALECTS)('an informer with a family account of its own (%s)', (dialect) => {
  let t: TestApp;
  let story: StoryResult;
  let texts: StoryTexts;
  let informer: Visitor;

  beforeAll(async () => {
    t = await testApp(dialect);
    texts = storyTexts();
    story = await runStory(t.app, texts);
    informer = new Visitor(t.app);
    const codes = await informer.submit('/register', '/register', {
      pseudonym: 'соседка по группе',
      passphrase: 'фраза осведомителя 123',
      confirm: 'фраза осведомителя 123',
    });
    expect(codes.status).toBe(200);
  });
  afterAll(() => t?.close());

  /** The page without what differs on every response (the CSRF token). */
  const normalised = (p: Page) => p.body.replace(/name="_csrf" value="[^"]*"/g, '');

  it('cannot tell a foreign case from a missing one, by page or by status, read or write', async () => {
    const missing = randomUUID();
    const foreign = await informer.request('GET', `/cases/${story.caseId}`, undefined, false);
    const none = await informer.request('GET', `/cases/${missing}`, undefined, false);
    expect(foreign.status).toBe(404);
    expect(none.status).toBe(404);
    expect(normalised(foreign).replace(story.caseId, missing)).toBe(normalised(none));
    for (const path of ['messages', 'events']) {
      const token = /name="_csrf" value="([^"]+)"/.exec((await informer.get('/my/cases')).body)![1];
      const a = await informer.request(
        'POST',
        `/cases/${story.caseId}/${path}`,
        { _csrf: token, body: 'x', kind: 'other', date: '2025', source: 'family' },
        false,
      );
      const b = await informer.request(
        'POST',
        `/cases/${missing}/${path}`,
        { _csrf: token, body: 'x', kind: 'other', date: '2025', source: 'family' },
        false,
      );
      expect([a.status, b.status]).toEqual([404, 404]);
    }
    const msgs = await t.opened.db
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', story.caseId)
      .execute();
    expect(msgs).toHaveLength(2); // the story's two, nothing from the informer
  });

  it('reaches no staff page and no staff action, whatever it tries', async () => {
    const token = /name="_csrf" value="([^"]+)"/.exec((await informer.get('/my/cases')).body)![1];
    const before = await t.opened.db
      .selectFrom('events')
      .select('verification')
      .where('id', '=', story.eventId)
      .executeTakeFirstOrThrow();
    for (const action of [
      `/staff/events/${story.eventId}/verify`,
      `/staff/events/${story.eventId}/confirm`,
      `/staff/events/${story.eventId}/revise`,
      `/staff/cases/${story.caseId}/discrepancies`,
      `/staff/cases/${story.caseId}/notes`,
      `/staff/cases/${story.caseId}/close`,
    ]) {
      const res = await informer.request(
        'POST',
        action,
        { _csrf: token, verification: 'confirmed', body: 'x', reason: 'withdrawn', confirm: 'yes', outcome: 'both' },
        false,
      );
      expect(res.status, action).toBe(404);
    }
    const after = await t.opened.db
      .selectFrom('events')
      .select('verification')
      .where('id', '=', story.eventId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(
      (await t.opened.db.selectFrom('cases').select('state').where('id', '=', story.caseId).executeTakeFirstOrThrow())
        .state,
    ).toBe('open');
    for (const url of [
      '/staff',
      '/staff/audit',
      '/staff/search?q=Демидов',
      '/admin/invites',
      '/admin/organisations',
      `/staff/cases/${story.caseId}/close`,
      `/staff/cases/${story.caseId}/discrepancies`,
      `/staff/events/${story.eventId}/confirm`,
      `/staff/events/${story.eventId}/revise`,
    ]) {
      const res = await informer.request('GET', url, undefined, false);
      expect(res.status, url).toBe(404);
    }
  });

  it('finds no trace of the other family, the caseworkers or what anyone said on any page it can reach', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/my/cases', '/cases/new', '/account', '/account/2fa'];
    const pages: Page[] = [];
    while (queue.length > 0 && pages.length < 40) {
      const url = queue.shift()!.split('#')[0];
      if (seen.has(url)) continue;
      seen.add(url);
      const page = await informer.get(url);
      pages.push(page);
      for (const [, href] of page.body.matchAll(/\shref="(\/[^"/][^"]*)"/g))
        if (!href.startsWith('/assets/') && !href.includes('lang=')) queue.push(href);
    }
    expect(pages.length).toBeGreaterThan(4);
    const secrets = [
      ...Object.values(texts),
      story.family.pseudonym,
      story.caseworker.pseudonym,
      story.admin.pseudonym,
      'Демидов',
      story.caseId,
    ];
    for (const p of pages) for (const s of secrets) expect(shows(p, s), `${p.url} shows ${s}`).toBe(false);
  });
});

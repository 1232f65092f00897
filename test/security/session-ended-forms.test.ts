import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/shared/clock.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { runStory, storyTexts, type StoryResult } from '../helpers/story.ts';
import { formsOf, type Visitor } from '../helpers/visitor.ts';

// Forms that lose nothing (issue 9): every form of a family, a caseworker and an administrator
// that has something to type, posted after the session ended, hands back every text typed, each
// under a label, and never a raw id (an organisation's, an event's, a staff member's). A form
// added later without declaring its fields (`config: { echo }`) fails here.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('every form posted after the session ended hands back what was typed, labelled', () => {
  let t: TestApp;
  let story: StoryResult;
  const forms: Array<{ who: string; v: Visitor; action: string; fields: Record<string, string>; typed: string[] }> = [];

  beforeAll(async () => {
    t = await testApp('sqlite');
    story = await runStory(t.app, storyTexts());
    const caseUrl = `/cases/${story.caseId}`;
    const pages: Array<[string, Visitor, string[]]> = [
      ['family', story.family.visitor, ['/cases/new', caseUrl, `${caseUrl}/edit`]],
      ['caseworker', story.caseworker.visitor, [caseUrl, '/staff/search', `/staff/cases/${story.caseId}/close`]],
      [
        'admin',
        story.admin.visitor,
        ['/admin/organisations', `/staff/events/${story.eventId}/confirm`, `/staff/events/${story.eventId}/revise`],
      ],
    ];
    const seen = new Set<string>();
    for (const [who, v, urls] of pages)
      for (const url of urls)
        for (const f of formsOf((await v.get(url)).body)) {
          const typed = f.typed.map((x) => x.name).filter((n) => !/pass|confirm|current/.test(n));
          if (f.method !== 'post' || typed.length === 0 || seen.has(`${who} ${f.action}`)) continue;
          seen.add(`${who} ${f.action}`);
          forms.push({ who, v, action: f.action, fields: f.fields, typed });
        }
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE + MINUTE);
  });
  afterAll(() => t?.close());

  it('found the forms with text to type', () => {
    expect(forms.map((f) => `${f.who} ${f.action.replace(UUID, ':id')}`)).toEqual(
      expect.arrayContaining([
        'family /cases/new',
        'family /cases/:id/events',
        'family /cases/:id/messages',
        'family /cases/:id/edit',
        'caseworker /staff/cases/:id/notes',
        'caseworker /staff/search',
        'caseworker /staff/cases/:id/close',
        'admin /admin/organisations',
        'admin /staff/events/:id/confirm',
        'admin /staff/events/:id/revise',
      ]),
    );
  });

  it('hands back each typed text under its label, and no id', async () => {
    for (const f of forms) {
      const typed = Object.fromEntries(f.typed.map((name, i) => [name, `текст${i}ъ`]));
      const res = await f.v.request('POST', f.action, { ...f.fields, ...typed }, false);
      const label = `${f.who} ${f.action}`;
      expect(res.status, label).toBe(401);
      const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(res.body)![1];
      for (const value of Object.values(typed)) expect(main, `${label} keeps ${value}`).toContain(value);
      expect(main, label).not.toMatch(UUID);
      expect(main, label).not.toContain('Что вы написали');
    }
  });
});

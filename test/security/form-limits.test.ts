import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.ts';
import { runStory, storyTexts, type StoryResult } from '../helpers/story.ts';
import { formsOf, Visitor, type TypedField } from '../helpers/visitor.ts';

// "Forms that lose nothing" (issue 9): a ministry's letter pasted into a 5,000-character field was
// cut by the browser without a word. Every field people type into, on every form of every role, is
// tried at its limit and one character over: the server must take the first and refuse the
// second, so the two limits are one. A line's limit is the browser's (maxlength); a text box has
// none in the browser (a paste was cut there too) but its limit is written beside it and in its
// data-limit, and the server refuses past it with everything handed back. A field with no limit
// must have none on the server either. A form added later is audited without editing this test.

type Audited = { who: string; page: string; action: string; fields: Record<string, string>; field: TypedField };

const fieldError = (html: string, name: string): string | null =>
  new RegExp(`<small id="${name}-error"[^>]*>([^<]*)</small>`).exec(html)?.[1] ?? null;

describe('every typed field: the browser stops where the server does', () => {
  let t: TestApp;
  let story: StoryResult;
  const audited: Audited[] = [];
  const visitors = new Map<string, Visitor>();

  beforeAll(async () => {
    // Every typed field of every form of a role is posted two or three times by one account on a
    // stopped clock: well over the posting limit of a minute (tested on its own), lifted here so
    // the later forms of a role with many (the family: a case page with cohorts and appeals) are
    // read and not answered 429.
    t = await testApp('sqlite', { POSTS_PER_MINUTE: '100000', POSTS_PER_HOUR: '1000000' });
    story = await runStory(t.app, storyTexts());
    const invite = await story.admin.visitor.submit(`/admin/invites?org=${story.organisationId}`, '/admin/invites', {
      organisationId: story.organisationId,
      role: 'verifier',
    });
    const invitePath = new URL(/<code class="secret">([^<]+)<\/code>/.exec(invite.body)![1]).pathname;
    // The code field of the 2FA setup appears once the passphrase was given again (or at once,
    // minutes after it was entered).
    const setup = await story.family.visitor.get('/account/2fa');
    if (setup.body.includes('action="/account/2fa/passphrase"'))
      await story.family.visitor.submit(null, '/account/2fa/passphrase', { passphrase: story.family.passphrase });
    const caseUrl = `/cases/${story.caseId}`;
    const pages: Record<string, [Visitor, string[]]> = {
      anonymous: [new Visitor(t.app), ['/register', '/login', '/recover', invitePath]],
      family: [story.family.visitor, ['/cases/new', caseUrl, `${caseUrl}/edit`, '/account', '/account/2fa']],
      caseworker: [story.caseworker.visitor, [caseUrl, '/staff', '/staff/search', `${caseUrl}/edit`]],
      admin: [story.admin.visitor, ['/admin/organisations', '/admin/invites', '/account']],
    };
    const seen = new Set<string>();
    for (const [who, [visitor, urls]] of Object.entries(pages)) {
      visitors.set(who, visitor);
      for (const url of urls) {
        const page = await visitor.get(url);
        for (const form of formsOf(page.body).filter((f) => f.method === 'post'))
          for (const field of form.typed) {
            const key = `${who} ${form.action.replace(/[0-9a-f-]{36}/g, ':id')} ${field.name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            audited.push({ who, page: page.url, action: form.action, fields: form.fields, field });
          }
      }
    }
  });
  afterAll(() => t?.close());

  const post = async (a: Audited, value: string): Promise<string | null> => {
    const v = visitors.get(a.who)!;
    const res = await v.request('POST', a.action, { ...a.fields, [a.field.name]: value }, false);
    expect(res.status, `${a.who} ${a.action} ${a.field.name}`).toBeLessThan(500);
    return fieldError(res.body, a.field.name);
  };

  it('found the typed fields of every role', () => {
    const names = audited.map((a) => `${a.who} ${a.action.replace(/[0-9a-f-]{36}/g, ':id')} ${a.field.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'anonymous /register pseudonym',
        'anonymous /login passphrase',
        'family /cases/new narrative',
        'family /cases/:id/events description',
        'family /cases/:id/messages body',
        'family /account/2fa/confirm code',
        'caseworker /staff/cases/:id/notes body',
        'caseworker /staff/search q',
        'admin /admin/organisations name',
      ]),
    );
  });

  it('a letter fits: narrative, event description and messages take at least 20,000 characters', () => {
    for (const name of ['/cases/new narrative', '/events description', '/messages body', '/notes body']) {
      const a = audited.find((x) => `${x.action} ${x.field.name}`.endsWith(name))!;
      expect(a.field.maxLength, name).toBeGreaterThanOrEqual(20_000);
    }
  });

  it('the server takes exactly what the browser lets through', async () => {
    for (const a of audited) {
      const label = `${a.who} ${a.action} ${a.field.name} (maxlength ${a.field.maxLength})`;
      if (a.field.maxLength === null) {
        // No browser limit: the server must not refuse on length alone.
        expect(await post(a, 'я'.repeat(30_000)), label).toBe(await post(a, 'я'));
        continue;
      }
      const over = await post(a, 'я'.repeat(a.field.maxLength + 1));
      expect(over, `${label}: one character over is refused`).not.toBeNull();
      expect(await post(a, 'я'.repeat(a.field.maxLength)), `${label}: the limit itself is taken`).not.toBe(over);
    }
  });
});

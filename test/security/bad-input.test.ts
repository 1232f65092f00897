import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { runStory, storyTexts, type StoryResult } from '../helpers/story.ts';
import { formsOf, type Visitor } from '../helpers/visitor.ts';

// "Bad input anywhere — empty, too long, forged CSRF token — gets a clear error in the user's
// language and changes nothing" (issue 3). Every POST form that the family, the caseworker and
// the administrator can see after the whole story is submitted with a forged token, and with
// each field in turn emptied or far too long: never a 5xx, always a page in Russian, and the
// database is the same afterwards (sessions, attempt counters and read audit entries aside).

type Form = { who: string; page: string; action: string; fields: Record<string, string> };

const PAGES = [
  '/',
  '/my/cases',
  '/cases/new',
  '/account',
  '/account/2fa',
  '/staff',
  '/admin/invites',
  '/admin/organisations',
];

/** Every row of every table that a refused request must not touch. */
const fingerprint = async (db: Db): Promise<string> => {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !['sessions', 'attempt_counters'].includes(n) && !n.startsWith('kysely_'))
    .sort();
  const out: Record<string, unknown[]> = {};
  for (const name of tables) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db)).rows;
    // Re-rendering a case page after a refused staff form is a staff read (a search too): audited.
    out[name] = (
      name === 'audit_log' ? rows.filter((r) => r.action !== 'case.read' && r.action !== 'case.searched') : rows
    )
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return JSON.stringify(out);
};

describe('bad input on every form changes nothing and gets a translated answer', () => {
  let t: TestApp;
  let story: StoryResult;
  const forms: Form[] = [];

  beforeAll(async () => {
    t = await testApp('sqlite');
    story = await runStory(t.app, storyTexts());
    const who: Array<[string, Visitor]> = [
      ['family', story.family.visitor],
      ['caseworker', story.caseworker.visitor],
      ['admin', story.admin.visitor],
    ];
    const seen = new Set<string>();
    for (const [name, v] of who) {
      for (const url of [...PAGES, `/cases/${story.caseId}`]) {
        const page = await v.get(url);
        for (const f of formsOf(page.body).filter((x) => x.method === 'post')) {
          const key = `${name} ${f.action}`;
          if (seen.has(key) || Object.keys(f.fields).every((k) => k === '_csrf')) continue;
          seen.add(key);
          forms.push({ who: name, page: page.url, action: f.action, fields: f.fields });
        }
      }
    }
  });
  afterAll(() => t?.close());

  const visitorOf = (who: string): Visitor =>
    who === 'family' ? story.family.visitor : who === 'caseworker' ? story.caseworker.visitor : story.admin.visitor;

  it('found the forms of every role', () => {
    const actions = forms.map((f) => `${f.who} ${f.action.replace(/[0-9a-f-]{36}/g, ':id')}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'family /cases/:id/messages',
        'family /cases/:id/events',
        'family /cases/new',
        'caseworker /staff/cases/:id/notes',
        'caseworker /cases/:id/messages',
        'admin /admin/invites',
      ]),
    );
  });

  it('refuses a forged CSRF token with a translated 403, changing nothing', async () => {
    for (const f of forms) {
      const before = await fingerprint(t.opened.db);
      const res = await visitorOf(f.who).request('POST', f.action, { ...f.fields, _csrf: 'forged-token' }, false);
      const label = `${f.who} ${f.action}`;
      expect(res.status, label).toBe(403);
      expect(res.body, label).toContain('<html lang="ru">');
      expect(await fingerprint(t.opened.db), label).toBe(before);
    }
  });

  it('answers every emptied or oversized field with a translated 4xx, changing nothing', async () => {
    let tries = 0;
    for (const f of forms) {
      for (const field of Object.keys(f.fields).filter((k) => k !== '_csrf')) {
        for (const bad of ['', 'я'.repeat(30_000)]) {
          const v = visitorOf(f.who);
          const token = /name="_csrf" value="([^"]+)"/.exec((await v.get(f.page)).body)?.[1] ?? '';
          const before = await fingerprint(t.opened.db);
          const res = await v.request('POST', f.action, { ...f.fields, _csrf: token, [field]: bad }, false);
          const label = `${f.who} ${f.action} ${field}=${bad.slice(0, 3)}…`;
          // A search with nothing usable to look for just shows the search form again.
          expect(res.status, label).toBeGreaterThanOrEqual(f.action === '/staff/search' ? 200 : 400);
          expect(res.status, label).toBeLessThan(500);
          expect(res.body, label).toContain('<html lang="ru">');
          expect(await fingerprint(t.opened.db), label).toBe(before);
          tries++;
        }
      }
    }
    expect(tries).toBeGreaterThan(20);
  });
});

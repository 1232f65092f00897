import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { formToken, type Cookies } from '../helpers/factories.ts';
import type { AccessRequest, Outcome, RouteSpec } from './route-spec.ts';
import { ALL_SPECS } from './specs/index.ts';
import { buildAccessWorld, WHO, type AccessWorld, type Who } from './world.ts';
import { changeCount, installChangeCounter } from './change-counter.ts';

// Every route of every domain × every principal, on both databases. A route is declared by its
// domain in specs/; this file fails on a registered route no spec declares. A refusal must be a
// 404 (or the way to log in), show nothing of the case, and change nothing in the database.

/** What a refused request must leave as it was (sessions and attempt counters may move). */
const WATCHED = [
  'users',
  'organisations',
  'organisation_key_wraps',
  'invites',
  'recovery_codes',
  'persons',
  'person_revisions',
  'person_name_variants',
  'cases',
  'case_key_wraps',
  'events',
  'case_messages',
  'case_notes',
  'case_files',
  'audit_log',
  'scheduled_jobs',
  'registry_records',
  'registry_counts',
  'registry_requests',
  'registry_request_additions',
  // issue 11: lists, candidates and merges, tips resembling records, boards, incidents
  'person_imports',
  'match_candidates',
  'person_merges',
  'tip_matches',
  'cohort_optins',
  'cohort_posts',
  'cohort_names',
  'cohort_labels',
  'cohort_name_resets',
  'cohort_exits',
  'incidents',
  'incident_persons',
  'incident_facts',
  'tips',
  'tip_posts',
  'appeals',
  'appeal_steps',
  'appeal_senders',
  'collective_appeals',
  'evidence_files',
  'authorities',
  'appeal_templates',
  'guides',
  'guide_versions',
] as const;

/** Those who may read organisation A's case: nobody else may ever see its secrets. */
const READERS: readonly Who[] = ['owner', 'caseworker', 'verifier', 'orgAdmin', 'siteAdminInOrg'];
/** Those who may read the tip sent to organisation A: its case staff and its sender. */
const TIP_READERS: readonly Who[] = ['caseworker', 'verifier', 'orgAdmin', 'siteAdminInOrg', 'tipSender'];

interface Response {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const judge = (res: Response, expected: Outcome): string | null => {
  const location = String(res.headers.location ?? '');
  const toLogin = (res.statusCode === 303 && /^\/login($|\?)/.test(location)) || res.statusCode === 401;
  if (res.statusCode >= 500) return `server error ${res.statusCode}`;
  switch (expected) {
    case 'allow':
      return res.statusCode === 404 || toLogin
        ? `expected to reach the route, got ${res.statusCode} ${location}`
        : null;
    case 'deny':
    case 'notFound':
      return res.statusCode === 404 ? null : `expected 404, got ${res.statusCode} ${location}`;
    case 'login':
      return toLogin ? null : `expected to be sent to log in, got ${res.statusCode} ${location}`;
  }
};

describe.each(DIALECTS)('access matrix: every route × every principal (%s)', (dialect) => {
  let t: TestApp;
  let w: AccessWorld;
  beforeAll(async () => {
    // Each principal posts to every route: far past the per-account posting limit, which this matrix is not about.
    t = await testApp(dialect, { POSTS_PER_MINUTE: '100000', POSTS_PER_HOUR: '1000000' });
    w = await buildAccessWorld(t);
    await installChangeCounter(t.opened.db, dialect, WATCHED);
  });
  afterAll(() => t.close());

  /** Watched rows changed so far (change-counter.ts). */
  const snapshot = (): Promise<number> => changeCount(t.opened.db);

  const send = async (spec: RouteSpec, req: AccessRequest, cookies: Cookies, who: Who): Promise<Response> => {
    if (spec.method === 'GET') return t.app.inject({ method: 'GET', url: req.url, cookies });
    // A token from a page this principal can open, as a browser would have it.
    const { token, cookies: jar } = await formToken(
      t.app,
      who === 'anonymous' || who === 'tipSender' ? '/login' : '/',
      cookies,
    );
    return t.app.inject({
      method: 'POST',
      url: req.url,
      cookies: jar,
      payload: new URLSearchParams({ ...(req.fields ?? {}), _csrf: token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };

  it('counts a watched row changed, and not a write that leaves it as it was', async () => {
    const before = await snapshot();
    await sql`UPDATE organisations SET public_key = public_key`.execute(t.opened.db);
    expect(await snapshot()).toBe(before);
    await sql`UPDATE organisations SET name = name || ' ' WHERE id = ${w.orgA.id}`.execute(t.opened.db);
    await sql`UPDATE organisations SET name = rtrim(name) WHERE id = ${w.orgA.id}`.execute(t.opened.db);
    expect(await snapshot()).toBe(before + 2);
  });

  it('declares every route the app registers, and only those', () => {
    const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
    const registered = [...new Set(t.app.routeTable.filter((r) => r.method !== 'HEAD').map(key))];
    const declared = ALL_SPECS.map((s) => `${s.method} ${s.route}`);
    expect(
      registered.filter((r) => !declared.includes(r)),
      'routes no spec declares',
    ).toEqual([]);
    expect(
      declared.filter((d) => !registered.includes(d)),
      'specs for routes that do not exist',
    ).toEqual([]);
  });

  it.each(WHO)('%s', async (who) => {
    const failures: string[] = [];
    for (const spec of ALL_SPECS) {
      const req = await spec.request(w, who);
      const cookies = req.freshSession ? await w.freshCookies(who) : w.cookies[who];
      const expected = spec.outcome(who);
      const watch = spec.method === 'POST' && expected !== 'allow';
      const before = watch ? await snapshot() : 0;
      const res = await send(spec, req, cookies, who);
      const what = `${spec.method} ${spec.route} (${req.url})`;
      const verdict = judge(res, expected);
      if (verdict) failures.push(`${what}: ${verdict}`);
      const hidden = [
        ...(READERS.includes(who) ? [] : w.secrets.filter((x) => !w.tipSecrets.includes(x))),
        ...(TIP_READERS.includes(who) ? [] : w.tipSecrets),
      ];
      for (const secret of hidden) if (res.body.includes(secret)) failures.push(`${what}: shows "${secret}"`);
      if (watch && (await snapshot()) !== before) failures.push(`${what}: refused, but the database changed`);
    }
    expect(failures).toEqual([]);
  });
});

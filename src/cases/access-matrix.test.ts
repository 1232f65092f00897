import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createSiteAdmin, formToken, type Cookies, type TestUser } from '../../test/helpers/factories.ts';
import { createSession, SESSION_COOKIE } from '../accounts/sessions.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { buildWorld, grantFor, NARRATIVE, type World } from './cases.fixtures.ts';
import { addEvent } from './events.service.ts';
import { reopenCase } from './case-work.service.ts';

// Every role against every case route and action (read, write, list, search). Denied means a
// 404 (or, when not fully logged in, a redirect to /login), no trace of the case in the page,
// and not one row changed.

type Outcome = 'allow' | 'deny' | 'login';
type Role =
  | 'anonymous'
  | 'owner'
  | 'otherFamily'
  | 'caseworker'
  | 'verifier'
  | 'editor'
  | 'orgAdmin'
  | 'otherOrgStaff'
  | 'otherOrgAdmin'
  | 'staffWithout2fa'
  | 'siteAdmin';

/** Withdrawing is the requester's alone: case staff close a case with their own reason. */
const withdrawOutcome = (role: Role): Outcome =>
  role === 'owner' ? 'allow' : ROLES[role].read === 'login' ? 'login' : 'deny';

const ROLES: Record<Role, { read: Outcome; familyWrite: Outcome; staffWrite: Outcome }> = {
  anonymous: { read: 'login', familyWrite: 'login', staffWrite: 'login' },
  owner: { read: 'allow', familyWrite: 'allow', staffWrite: 'deny' },
  otherFamily: { read: 'deny', familyWrite: 'deny', staffWrite: 'deny' },
  caseworker: { read: 'allow', familyWrite: 'allow', staffWrite: 'allow' },
  verifier: { read: 'allow', familyWrite: 'allow', staffWrite: 'allow' },
  orgAdmin: { read: 'allow', familyWrite: 'allow', staffWrite: 'allow' },
  editor: { read: 'deny', familyWrite: 'deny', staffWrite: 'deny' },
  otherOrgStaff: { read: 'deny', familyWrite: 'deny', staffWrite: 'deny' },
  otherOrgAdmin: { read: 'deny', familyWrite: 'deny', staffWrite: 'deny' },
  staffWithout2fa: { read: 'login', familyWrite: 'login', staffWrite: 'login' },
  siteAdmin: { read: 'deny', familyWrite: 'deny', staffWrite: 'deny' },
};

describe.each(DIALECTS)('access matrix (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  const cookies = {} as Record<Role, Cookies>;
  const users = {} as Record<Role, TestUser | null>;

  beforeAll(async () => {
    t = await testApp(dialect);
    w = await buildWorld(t);
    const siteAdmin = await createSiteAdmin(t.opened.db, { clock: t.clock });
    // A caseworker who has passed the passphrase but not the second factor.
    const half = await createSession(t.opened.db, {
      userId: w.caseworker.id,
      privateKey: w.caseworker.auth.userPrivateKey,
      secondFactorDone: false,
      clock: t.clock,
    });
    Object.assign(users, {
      anonymous: null,
      owner: w.family,
      otherFamily: w.otherFamily,
      caseworker: w.caseworker,
      verifier: w.verifier,
      editor: w.editor,
      orgAdmin: w.admin,
      otherOrgStaff: w.otherOrgCaseworker,
      otherOrgAdmin: w.otherOrgAdmin,
      staffWithout2fa: w.caseworker,
      siteAdmin,
    });
    for (const role of Object.keys(ROLES) as Role[]) cookies[role] = users[role]?.cookies ?? {};
    cookies.staffWithout2fa = { [SESSION_COOKIE]: half.cookie };
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    JSON.stringify([
      // A correction re-seals the family's account (a fresh nonce), so the ciphertext shows it.
      await t.opened.db
        .selectFrom('cases')
        .select(['id', 'state', 'assigned_to', 'close_reason', 'narrative_sealed'])
        .orderBy('id')
        .execute(),
      await t.opened.db.selectFrom('persons').select(['id', 'surname', 'rank']).orderBy('id').execute(),
      await t.opened.db.selectFrom('events').select(['id', 'verification']).orderBy('id').execute(),
      await t.opened.db.selectFrom('case_messages').select('id').orderBy('id').execute(),
      await t.opened.db.selectFrom('case_notes').select('id').orderBy('id').execute(),
    ]);

  const expectOutcome = (
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
    outcome: Outcome,
    what: string,
  ) => {
    if (outcome === 'allow') {
      expect(res.statusCode, what).toBeLessThan(400);
      return;
    }
    if (outcome === 'login' && res.statusCode === 401) {
      // A form posted without a session: nothing saved, the typed text handed back, a way to log in.
      expect(res.body, what).toContain('href="/login"');
      expect(res.body, what).toContain('Время сеанса истекло');
    } else if (outcome === 'login') {
      expect(res.statusCode, what).toBe(303);
      expect(String(res.headers.location), what).toMatch(/^\/login/);
    } else {
      expect(res.statusCode, what).toBe(404);
    }
    expect(res.body, what).not.toContain(NARRATIVE);
    // The session-ended page hands back only what this request typed (a search for the name, say).
    const page =
      res.statusCode === 401
        ? res.body.replace(/<dl>[\s\S]*?<\/dl>/, '').replace(/<textarea[^>]*>[^<]*<\/textarea>/g, '')
        : res.body;
    expect(page, what).not.toContain('Иванов');
  };

  const post = async (role: Role, url: string, fields: Record<string, string>) => {
    const { token, cookies: jar } = await formToken(t.app, role === 'anonymous' ? '/login' : '/', cookies[role]);
    return t.app.inject({
      method: 'POST',
      url,
      cookies: jar,
      payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };

  it.each(Object.keys(ROLES) as Role[])('%s: read', async (role) => {
    const res = await t.app.inject({ method: 'GET', url: `/cases/${w.caseId}`, cookies: cookies[role] });
    expectOutcome(res, ROLES[role].read, 'GET case');
    if (ROLES[role].read === 'allow') expect(res.body).toContain(NARRATIVE);
    // A malformed or unknown id answers exactly like a forbidden one.
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const r = await t.app.inject({ method: 'GET', url: `/cases/${id}`, cookies: cookies[role] });
      expect(r.statusCode).toBe(ROLES[role].read === 'login' ? 303 : 404);
    }
    const edit = await t.app.inject({ method: 'GET', url: `/cases/${w.caseId}/edit`, cookies: cookies[role] });
    expectOutcome(edit, ROLES[role].familyWrite, 'GET edit');
    if (ROLES[role].familyWrite === 'allow') expect(edit.body).toContain(NARRATIVE);
    const withdraw = await t.app.inject({ method: 'GET', url: `/cases/${w.caseId}/withdraw`, cookies: cookies[role] });
    expectOutcome(withdraw, withdrawOutcome(role), 'GET withdraw');
  });

  it.each(Object.keys(ROLES) as Role[])('%s: list and search', async (role) => {
    const expected = ROLES[role].staffWrite;
    const pages: Array<
      [string, () => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>]
    > = [
      ...['/staff', '/staff?filter=unassigned', '/staff?filter=open'].map(
        (url) =>
          [url, () => t.app.inject({ method: 'GET', url, cookies: cookies[role] })] as [
            string,
            () => ReturnType<typeof post>,
          ],
      ),
      ['search', () => post(role, '/staff/search', { q: 'Иванов' })],
    ];
    for (const [url, request] of pages) {
      const res = await request();
      if (expected === 'allow') expect(res.body, url).toContain(`/cases/${w.caseId}`);
      else if (res.statusCode === 200)
        expect(res.body, url).not.toContain(`/cases/${w.caseId}`); // another org's own queue
      else expectOutcome(res, role === 'owner' || role === 'otherFamily' ? 'deny' : expected, url);
    }
    const mine = await t.app.inject({ method: 'GET', url: '/my/cases', cookies: cookies[role] });
    if (role === 'owner') expect(mine.body).toContain(`/cases/${w.caseId}`);
    else expect(mine.body).not.toContain(`/cases/${w.caseId}`);
    const audit = await t.app.inject({ method: 'GET', url: '/staff/audit', cookies: cookies[role] });
    if (role === 'orgAdmin') expect(audit.body).toContain(w.caseId.slice(0, 8));
    else expect(audit.body).not.toContain(w.caseId.slice(0, 8));
  });

  it.each(Object.keys(ROLES) as Role[])('%s: write', async (role) => {
    const { caseId } = w;
    const { eventId } = await addEvent(
      { db: t.opened.db, clock: t.clock },
      await grantFor(t, w.family, caseId, 'add_event'),
      {
        kind: 'wounded',
        date: parsePartialDate('2026-02-01') ?? undefined,
        source: 'family',
        place: undefined,
        description: undefined,
        verification: undefined,
      },
    );
    const self = users[role]?.id ?? w.caseworker.id;
    const actions: Array<[string, Record<string, string>, 'familyWrite' | 'staffWrite' | 'withdraw']> = [
      [`/cases/${caseId}/events`, { kind: 'missing', date: '2026-02-10', source: 'family' }, 'familyWrite'],
      [`/cases/${caseId}/messages`, { body: 'сообщение' }, 'familyWrite'],
      [`/staff/cases/${caseId}/notes`, { body: 'заметка' }, 'staffWrite'],
      [`/staff/cases/${caseId}/assign`, { assignee: self }, 'staffWrite'],
      [`/staff/events/${eventId}/verify`, { verification: 'corroborated' }, 'staffWrite'],
      [`/staff/cases/${caseId}/close`, { reason: 'other', note: 'проверка', confirm: 'yes' }, 'staffWrite'],
      [`/staff/cases/${caseId}/reopen`, {}, 'staffWrite'],
      [
        `/cases/${caseId}/edit`,
        {
          surname: 'Иванов',
          given_name: 'Пётр',
          rank: `ефрейтор ${role}`,
          relation: 'mother',
          narrative: 'Исправленный рассказ',
          wants_to_learn: 'Где он',
        },
        'familyWrite',
      ],
      [`/cases/${caseId}/withdraw`, { confirm: 'yes' }, 'withdraw'],
    ];
    for (const [url, fields, kind] of actions) {
      const before = await snapshot();
      const res = await post(role, url, fields);
      const outcome = kind === 'withdraw' ? withdrawOutcome(role) : ROLES[role][kind];
      expectOutcome(res, outcome, `POST ${url}`);
      if (outcome === 'allow') expect(await snapshot(), url).not.toBe(before);
      else expect(await snapshot(), url).toBe(before);
    }
    // The owner's withdrawal closed the case: open it again for the next role's turn.
    const state = await t.opened.db
      .selectFrom('cases')
      .select('state')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (state.state === 'closed' || state.state === 'withdrawn')
      await reopenCase({ db: t.opened.db, clock: t.clock }, await grantFor(t, w.caseworker, caseId, 'reopen'));
    // Opening a case is for family accounts only.
    const open = await t.app.inject({ method: 'GET', url: '/cases/new', cookies: cookies[role] });
    const family = role === 'owner' || role === 'otherFamily';
    expect(open.statusCode).toBe(family ? 200 : role === 'anonymous' || role === 'staffWithout2fa' ? 303 : 404);
  });
});

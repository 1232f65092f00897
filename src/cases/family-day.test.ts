import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { buildWorld, grantFor, type World } from './cases.fixtures.ts';
import { closeCase } from './case-work.service.ts';
import { findCase } from './cases.repository.ts';
import { runRetention } from './retention.service.ts';

// The days a family is shown and counted by are the organisation's days (TIME_ZONE, Moscow by
// default), not UTC's: at 22:30 UTC on 5 March it is 01:30 on 6 March in Moscow, and a request
// filed then was shown as filed on the 5th, its messages dated the 5th, and its deletion counted
// from the 5th.

const LATE_EVENING_UTC = '2026-03-05T22:30:00.000Z';
const REQUEST = {
  surname: 'Ночной',
  given_name: 'Олег',
  birth_date: '1990',
  relation: 'mother',
  last_contact_date: '01.03.2026',
  narrative: 'Подаю ночью.',
  wants_to_learn: 'Где он',
};

const openAt = async (t: TestApp, w: World, at: string): Promise<string> => {
  t.clock.set(at);
  const { res } = await submitForm(t.app, '/cases/new', { organisation: w.orgA.id, ...REQUEST }, w.family.cookies);
  expect(res.statusCode).toBe(303);
  const id = /\/cases\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1];
  if (!id) throw new Error(`no case in ${res.headers.location}`);
  return id;
};

const page = async (t: TestApp, url: string, cookies: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url, cookies });
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe.each(DIALECTS)('family days are the organisation’s days (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  beforeAll(async () => {
    t = await testApp(dialect, { RETENTION_DAYS: '30' });
    // Logged in a little before, so the sessions are fresh at 22:30 (they end after 30 idle minutes).
    t.clock.set('2026-03-05T22:20:00.000Z');
    w = await buildWorld(t);
    caseId = await openAt(t, w, LATE_EVENING_UTC);
  });
  afterAll(() => t.close());

  it('a request filed at 22:30 UTC is filed on the next Moscow day, stored and shown', async () => {
    expect((await findCase(t.opened.db, caseId))?.opened_on).toBe('2026-03-06');
    const body = await page(t, `/cases/${caseId}`, w.family.cookies);
    expect(body).toContain('подан 06.03.2026');
    expect(body).not.toContain('05.03.2026');
    expect(await page(t, '/my/cases', w.family.cookies)).toContain('06.03.2026');
  });

  it('messages sent then, by the family and by staff, carry the Moscow day on the family’s page', async () => {
    t.clock.set(LATE_EVENING_UTC);
    const url = `/cases/${caseId}`;
    for (const who of [w.family, w.caseworker]) {
      const { res } = await submitForm(t.app, url, { body: 'Ночное сообщение' }, who.cookies, `${url}/messages`);
      expect(res.statusCode).toBe(303);
    }
    const body = await page(t, url, w.family.cookies);
    expect(body.match(/Ночное сообщение/g)).toHaveLength(2);
    expect(body).not.toContain('05.03.2026');
    expect(body.match(/· 06\.03\.2026/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('retention counts from the closing day shown, on the same calendar', async () => {
    t.clock.set(LATE_EVENING_UTC);
    await closeCase(t.app.deps, await grantFor(t, w.caseworker, caseId, 'close'), 'withdrawn');
    expect((await findCase(t.opened.db, caseId))?.closed_on).toBe('2026-03-06');
    // 06.03 + 30 days: the page promises the 5th of April.
    expect(await page(t, `/cases/${caseId}`, w.family.cookies)).toContain('будет безвозвратно удалено 05.04.2026');
    const deps = t.app.deps;
    // 23:30 on 4 April in Moscow: not yet.
    t.clock.set('2026-04-04T20:30:00.000Z');
    expect((await runRetention(deps, { days: 30 })).cases).toBe(0);
    // 01:30 on 5 April in Moscow (still the 4th in UTC): the promised day has come.
    t.clock.set('2026-04-04T22:30:00.000Z');
    expect((await runRetention(deps, { days: 30 })).cases).toBe(1);
    expect(await findCase(t.opened.db, caseId)).toBeUndefined();
  });
});

describe('another deployment’s TIME_ZONE is honoured, not Moscow assumed', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp('sqlite', { TIME_ZONE: 'Asia/Vladivostok' });
    t.clock.set('2026-03-05T14:20:00.000Z');
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('14:30 UTC is already the next day in Vladivostok', async () => {
    const caseId = await openAt(t, w, '2026-03-05T14:30:00.000Z');
    expect((await findCase(t.opened.db, caseId))?.opened_on).toBe('2026-03-06');
  });
});

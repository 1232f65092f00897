import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { markOverdue } from './appeal-steps.service.ts';
import { draftAppeal, sendAppeal, sentAppeal } from './appeals.fixtures.ts';

// A mother in Moscow counts her days in Moscow (TIME_ZONE, Europe/Moscow by default): at 00:30
// on 2 March by her clock it is still 1 March in UTC. The appeals counted "today" in UTC, so
// from 21:00 UTC to midnight her own date was refused as "in the future", the days left were one
// too many, the letter was dated the day before, and an answer day that had passed in Moscow was
// not yet overdue.

describe.each(DIALECTS)('appeals count the days of the deployment’s time zone (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('takes today’s Moscow date after Moscow midnight, counts the days and dates the letter from it', async () => {
    const { family } = s.w;
    const id = await draftAppeal(app(), s.w.caseId, family.cookies);
    s.t.clock.set('2026-03-01T21:30:00.000Z'); // 00:30 on 2 March in Moscow
    try {
      const sent = await sendAppeal(app(), id, family.cookies, { channel: 'online', sent_on: '02.03.2026' });
      expect(sent.res.statusCode, sent.res.body.slice(0, 300)).toBe(303);
      // Online on 2 March: registered by 5 March at the latest, answer by 4 April: 33 days from 2 March.
      const page = await app().inject({ method: 'GET', url: `/appeals/${id}`, cookies: family.cookies });
      expect(page.body).toContain('04.04.2026');
      expect(page.body).toContain('осталось 33 дня');
      const printed = await submitForm(
        app(),
        `/appeals/${id}`,
        { format: 'html', full_name: 'Иванова Мария Петровна', postal_address: 'Ростов-на-Дону, ул. Садовая, 1' },
        family.cookies,
        `/appeals/${id}/print`,
      );
      expect(printed.res.statusCode).toBe(200);
      expect(printed.res.body).toContain('02.03.2026');
      expect(printed.res.body).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('marks an appeal overdue once its answer day has passed in Moscow', async () => {
    const { family } = s.w;
    const id = await sentAppeal(app(), s.w.caseId, family.cookies, { channel: 'online', sent_on: '2026-03-01' });
    const db = s.t.opened.db;
    const row = await db.selectFrom('appeals').select('answer_by').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.answer_by).toBe('2026-04-03');
    const deps = { db, clock: s.t.clock, timeZone: s.t.config.timeZone };
    try {
      s.t.clock.set('2026-04-03T20:59:00.000Z'); // 23:59 on 3 April in Moscow: still the answer day
      await markOverdue(deps, systemPrincipal('scheduler'));
      expect(
        (await db.selectFrom('appeals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
      ).toBe('sent');
      s.t.clock.set('2026-04-03T21:01:00.000Z'); // 00:01 on 4 April in Moscow: late
      await markOverdue(deps, systemPrincipal('scheduler'));
      expect(
        await db.selectFrom('appeals').select(['state', 'overdue_on']).where('id', '=', id).executeTakeFirstOrThrow(),
      ).toEqual({ state: 'overdue', overdue_on: '2026-04-04' });
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});

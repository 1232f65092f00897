import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from './cases.fixtures.ts';

// A mother in Moscow types today's date by her own calendar. At 00:30 on 2 March in Moscow it is
// still 1 March in UTC, and the case forms refused her date as "not yet come" (the appeals had
// the same bug, fixed in appeals-local-day.test.ts): the last contact of a new request, an event
// added to the timeline, a birth date corrected.

const MOSCOW_HALF_PAST_MIDNIGHT = '2026-03-01T21:30:00.000Z';

describe.each(DIALECTS)('case forms take today by the deployment’s time zone (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  const atMoscowMidnight = async <T>(work: () => Promise<T>): Promise<T> => {
    s.t.clock.set(MOSCOW_HALF_PAST_MIDNIGHT);
    try {
      return await work();
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  };

  it('opens a request whose last contact is today in Moscow', async () => {
    const { res } = await atMoscowMidnight(() =>
      submitForm(
        app(),
        '/cases/new',
        {
          organisation: s.w.orgA.id,
          surname: 'Полуночников',
          given_name: 'Игорь',
          birth_date: '1990',
          relation: 'mother',
          last_contact_date: '02.03.2026',
          narrative: 'Звонил сегодня ночью.',
          wants_to_learn: 'Где он',
        },
        s.w.family.cookies,
      ),
    );
    expect(res.body).not.toContain('ещё не наступила');
    expect(res.statusCode).toBe(303);
  });

  it('adds an event dated today in Moscow', async () => {
    const url = `/cases/${s.w.caseId}`;
    const { res } = await atMoscowMidnight(() =>
      submitForm(
        app(),
        url,
        { kind: 'last_contact', date: '02.03.2026', source: 'family', description: 'Позвонил ночью' },
        s.w.family.cookies,
        `${url}/events`,
      ),
    );
    expect(res.body).not.toContain('ещё не наступила');
    expect(res.statusCode).toBe(303);
  });

  it('still refuses tomorrow in Moscow', async () => {
    const url = `/cases/${s.w.caseId}`;
    const { res } = await atMoscowMidnight(() =>
      submitForm(
        app(),
        url,
        { kind: 'last_contact', date: '03.03.2026', source: 'family' },
        s.w.family.cookies,
        `${url}/events`,
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ещё не наступила');
  });
});

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A mother sends a message at 01:30 in Moscow on 2 March: 22:30 UTC on 1 March. Her audit entry
// keeps only the day, the UTC day (audit.service.ts says why), so it says 01.03. Beside the staff
// entries, shown at Moscow times, that day used to read as a Moscow day, the day before she
// wrote. The admin's page now labels it a UTC day and says where such a day starts in Moscow.

describe.each(DIALECTS)("the audit log shows a family's day as a UTC day (%s)", (dialect) => {
  const s = useWorld(dialect);

  it('labels the stored day, says when it starts in Moscow, in Russian and English; staff times stay Moscow times', async () => {
    s.t.clock.set('2026-03-01T22:30:00.000Z');
    const url = `/cases/${s.w.caseId}`;
    const sent = await submitForm(s.t.app, url, { body: 'Ночью' }, s.w.family.cookies, `${url}/messages`);
    expect(sent.res.statusCode).toBe(303);
    await s.t.app.inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    s.t.clock.set('2026-03-02T09:00:00.000Z');

    const stored = await s.t.opened.db
      .selectFrom('audit_log')
      .select(['at', 'actor_role'])
      .where('action', '=', 'message.sent')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ at: '2026-03-01', actor_role: 'family' });

    const ru = await s.t.app.inject({ method: 'GET', url: '/staff/audit', cookies: s.w.admin.cookies });
    expect(ru.statusCode).toBe(200);
    expect(ru.body).toMatch(/01\.03\.2026 <small>\(сутки по UTC\)<\/small>/);
    expect(ru.body).toContain('с 03:00 этого дня до 03:00 следующего');
    // The caseworker's read at the same moment is an instant: its Moscow day and time.
    expect(ru.body).toContain('02.03.2026 01:30');

    const en = await s.t.app.inject({ method: 'GET', url: '/staff/audit?lang=en', cookies: s.w.admin.cookies });
    expect(en.body).toMatch(/01\.03\.2026 <small>\(UTC day\)<\/small>/);
    expect(en.body).toContain('from 03:00 on that day to 03:00 on the next');
  });
});

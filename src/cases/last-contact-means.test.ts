import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, editForm, seenOf, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// A QA walk: a mother opened her request with «05.2025, by phone», then added on the timeline
// «Last contact 12.06.2025 — he wrote in Telegram». Her request then read «Date of your last
// contact: 12.06.2025 (Phone call)»: the means she gave with the first date, put beside a later
// one she said nothing of the means for. The means goes with the date her form gave; a last
// contact added on the timeline shows its date alone, until she gives a means with it again.

describe('how they were last in touch, beside the date of the last contact', () => {
  const s = useWorld('sqlite');
  const told = (page: string) => /<dt>Дата последней связи<\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(page)?.[1];

  it('is the form’s, shown only beside the date it was given with', async () => {
    const { caseId } = await openCase({ db: s.t.opened.db, clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const page = () => s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(told((await page()).body)).toBe('10.01.2026 (Телефонный звонок)');

    const added = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { kind: 'last_contact', date: '20.01.2026', source: 'family', description: 'Написал в Телеграме.' },
      s.w.family.cookies,
      `/cases/${caseId}/events`,
    );
    expect(added.res.statusCode).toBe(303);
    expect(told((await page()).body)).toBe('20.01.2026');
    // Her form offers the new date with no means chosen for it.
    const form = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}/edit`, cookies: s.w.family.cookies });
    expect(form.body).toMatch(/name="last_contact_date"[^>]*value="20\.01\.2026"/);
    expect(form.body).not.toMatch(/<option value="phone" selected/);

    // Given with that date on her form, the means is shown again.
    const saved = await submitForm(
      s.t.app,
      `/cases/${caseId}/edit`,
      editForm({
        with_last_contact: '1',
        last_contact_date: '20.01.2026',
        last_contact_means: 'messenger',
        seen: seenOf(form.body),
      }),
      s.w.family.cookies,
    );
    expect(saved.res.statusCode).toBe(303);
    expect(told((await page()).body)).toBe('20.01.2026 (Мессенджер)');
  });
});

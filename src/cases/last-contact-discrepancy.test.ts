import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { judgedStatusesOf, readTimeline } from './case-timeline.service.ts';
import { caseInput, editForm, officialDeathOn, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { judgeDiscrepancies } from './discrepancies.ts';

// A mother gave 10.01.2026 as his last call; the military enlistment office's notice dates his
// death in December 2025, so the page read «сведения о гибели противоречат друг другу». She
// then remembered that the call was on 15 November and corrected it on her edit form. Her old
// date still contradicted the notice, and the death stayed «disputed» until a verifier settled a
// contradiction she had withdrawn herself. A report she replaced raises no discrepancy (rule 8).

describe.each(DIALECTS)('a last contact she replaced raises no discrepancy (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const judged = async (caseId: string) => (await judgedStatusesOf(s.t.opened.db, [caseId])).get(caseId)?.status;
  const open = async (caseId: string) => {
    const { events, context } = await readTimeline(s.t.opened.db, caseId);
    return judgeDiscrepancies(events, context, context.resolutions).open;
  };
  const stored = async (caseId: string) =>
    (
      await s.t.opened.db
        .selectFrom('cases')
        .innerJoin('persons', 'persons.id', 'cases.person_id')
        .select('persons.status')
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).status;

  it('neither against the official notice nor on her page or the staff’s', async () => {
    const { caseId } = await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Поправкин' }));
    await officialDeathOn(s.t, s.w.verifier, caseId, '12.2025');
    expect((await open(caseId)).map((d) => d.rule)).toEqual(['alive_after_death']);
    expect(await judged(caseId)).toBe('disputed_death');

    const fields = editForm({ with_last_contact: '1', last_contact_date: '15.11.2025', last_contact_means: 'phone' });
    const { res } = await submitForm(s.t.app, `/cases/${caseId}/edit`, fields, s.w.family.cookies);
    expect(res.statusCode).toBe(303);

    expect(await open(caseId)).toEqual([]);
    expect(await judged(caseId)).toBe('dead');
    expect(await stored(caseId)).toBe('dead');
    for (const cookies of [s.w.family.cookies, s.w.verifier.cookies]) {
      const page = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies });
      expect(page.body).not.toContain('Противоречащие друг другу сведения');
      expect(page.body).toContain('<p class="status">гибель подтверждена</p>');
    }
  });

  it('nor against his date of birth once she fixed the typo', async () => {
    // 03.1997 for 03.2026, saved after the warning (he was born on 12.05.1998).
    const input = caseInput(s.w.orgA.id, {
      surname: 'Опечаткин',
      last_contact_date: parsePartialDate('03.1997') ?? undefined,
    });
    const { caseId } = await openCase(deps(), s.w.family.auth, input, ['before_birth']);
    expect((await open(caseId)).map((d) => d.rule)).toEqual(['before_birth']);
    const fields = editForm({ with_last_contact: '1', last_contact_date: '03.2026', last_contact_means: 'phone' });
    const { res } = await submitForm(s.t.app, `/cases/${caseId}/edit`, fields, s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect(await open(caseId)).toEqual([]);
    const staff = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.verifier.cookies });
    expect(staff.body).not.toContain('Противоречащие друг другу сведения');
  });
});

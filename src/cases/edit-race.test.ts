import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, editForm, NARRATIVE, seenOf, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// Two people correct one request at once: the caseworker fixes the surname from a unit's letter
// while the mother, her edit page opened earlier, adds a line to her story. Her save sent back the
// whole form as she had loaded it and silently put the misspelt surname back. Now a form saved
// over a change made since it was opened is refused with a translated message, her text kept;
// saved again from there, it goes through.

const fields = (over: Record<string, string> = {}) => editForm({ surname: 'Ивнаов', ...over });

describe.each(DIALECTS)('two people correcting one request (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const surnameOf = async (caseId: string) =>
    (
      await db()
        .selectFrom('cases')
        .innerJoin('persons', 'persons.id', 'cases.person_id')
        .select('persons.surname')
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).surname;

  it('refuses a save over a change made since the form was opened, keeping what was typed', async () => {
    const { caseId } = await openCase(
      { db: db(), clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Ивнаов' }),
    );
    const url = `/cases/${caseId}/edit`;
    const motherForm = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    const motherSeen = seenOf(motherForm.body);

    const staffForm = await s.t.app.inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    const fixed = await submitForm(
      s.t.app,
      url,
      fields({ surname: 'Иванов', seen: seenOf(staffForm.body) }),
      s.w.caseworker.cookies,
    );
    expect(fixed.res.statusCode).toBe(303);
    expect(await surnameOf(caseId)).toBe('Иванов');

    const story = `${NARRATIVE}\nЕщё: в марте звонил сослуживец.`;
    const late = await submitForm(s.t.app, url, fields({ narrative: story, seen: motherSeen }), s.w.family.cookies);
    expect(late.res.statusCode).toBe(409);
    expect(late.res.body).toContain('изменились');
    expect(late.res.body).toContain('Ещё: в марте звонил сослуживец.');
    expect(await surnameOf(caseId)).toBe('Иванов');

    // In English too.
    const lateEn = await submitForm(
      s.t.app,
      `${url}?lang=en`,
      fields({ narrative: story, seen: motherSeen }),
      s.w.family.cookies,
      url,
    );
    expect(lateEn.res.statusCode).toBe(409);

    // Sent again from the page that said so, it is saved: she has seen that something changed.
    const again = await submitForm(
      s.t.app,
      url,
      fields({ surname: 'Иванов', narrative: story, seen: seenOf(late.res.body) }),
      s.w.family.cookies,
    );
    expect(again.res.statusCode).toBe(303);
    expect(await surnameOf(caseId)).toBe('Иванов');
  });

  it('saves a form nobody changed meanwhile', async () => {
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const url = `/cases/${caseId}/edit`;
    const form = await s.t.app.inject({ method: 'GET', url, cookies: s.w.family.cookies });
    const { res } = await submitForm(
      s.t.app,
      url,
      fields({ surname: 'Иванов', narrative: 'Новый рассказ', seen: seenOf(form.body) }),
      s.w.family.cookies,
    );
    expect(res.statusCode).toBe(303);
  });
});

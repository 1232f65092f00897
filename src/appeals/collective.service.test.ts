import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { collectiveCopyOf, signCollectiveCopy, postCollective } from './appeals.fixtures.ts';

describe.each(DIALECTS)('collective appeals (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it('is signed by each family in its own account, prints every name only for staff, and sends the signed copies', async () => {
    const { caseworker, family, otherFamily } = s.w;
    const created = await submitForm(
      app(),
      '/staff/collective/new',
      {
        addressee: 'Министерство обороны РФ',
        subject: 'Коллективное обращение семей',
        body: 'Просим сообщить о судьбе наших родных.',
        cases: s.w.caseId,
      },
      caseworker.cookies,
      '/staff/collective',
    );
    expect(created.res.statusCode).toBe(400); // one family is not a collective
    // The form (kept, with its error) leads back to the list of collectives (QA walk 8).
    expect(created.res.body).toContain('href="/staff/collective"');
    const res = await postCollective(app(), caseworker.cookies, 'Просим сообщить о судьбе наших родных.', [
      s.w.caseId,
      s.w.otherCaseId,
    ]);
    expect(res.statusCode).toBe(303);
    const collectiveUrl = String(res.headers.location);

    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const theirs = await collectiveCopyOf(s.t.opened.db, s.w.otherCaseId);
    const signed = await signCollectiveCopy(app(), mine, family.cookies);
    expect(signed.res.statusCode).toBe(303);
    const noConsent = await submitForm(
      app(),
      `/appeals/${theirs}`,
      { full_name: 'Петрова Анна', postal_address: 'г. Курск' },
      otherFamily.cookies,
      `/appeals/${theirs}/sign`,
    );
    expect(noConsent.res.statusCode).toBe(400);
    await submitForm(
      app(),
      `/appeals/${theirs}`,
      { full_name: 'Петрова Анна', postal_address: 'г. Курск', consent: 'yes' },
      otherFamily.cookies,
      `/appeals/${theirs}/sign`,
    );
    // A family never sees another's name; its own print lists itself and a count of the others.
    const otherView = await app().inject({ method: 'GET', url: `/appeals/${theirs}`, cookies: otherFamily.cookies });
    expect(otherView.body).not.toContain('Сазонова');
    const famPrint = await submitForm(
      app(),
      `/appeals/${mine}`,
      { full_name: 'Сазонова Валентина', postal_address: 'г. Новочеркасск', format: 'html' },
      family.cookies,
      `/appeals/${mine}/print`,
    );
    expect(famPrint.res.body).toContain('Сазонова Валентина');
    expect(famPrint.res.body).not.toContain('Петрова');
    // Staff print every signature; the signatures are sealed in the database.
    const staffPrint = await submitForm(
      app(),
      collectiveUrl,
      { format: 'html' },
      caseworker.cookies,
      `${collectiveUrl}/print`,
    );
    expect(staffPrint.res.body).toContain('Сазонова Валентина');
    expect(staffPrint.res.body).toContain('Петрова Анна');
    expect(JSON.stringify(await s.t.opened.db.selectFrom('appeals').selectAll().execute())).not.toMatch(
      /Сазонова|Петрова/,
    );
    const page = await app().inject({ method: 'GET', url: collectiveUrl, cookies: caseworker.cookies });
    expect(page.body).toContain('подписали 2 семьи из 2');
    const sent = await submitForm(
      app(),
      collectiveUrl,
      { channel: 'post', sent_on: '2026-03-01' },
      caseworker.cookies,
      `${collectiveUrl}/send`,
    );
    expect(sent.res.statusCode).toBe(303);
    const rows = await s.t.opened.db
      .selectFrom('appeals')
      .select(['state', 'answer_by'])
      .where('id', 'in', [mine, theirs])
      .execute();
    expect(rows).toEqual([
      { state: 'sent', answer_by: '2026-04-10' },
      { state: 'sent', answer_by: '2026-04-10' },
    ]);
  });
});

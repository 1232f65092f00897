import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// The same family filing a second request about the person of one of its open requests is told
// so with a link to the first, and may still go on by sending the form again (issue 9).

// The world's family has an open request about Иванов Пётр Сергеевич, born 12.05.1998.
const again = (orgId: string, over: Record<string, string> = {}): Record<string, string> => ({
  organisation: orgId,
  surname: 'ИВАНОВ',
  given_name: 'Петр',
  patronymic: '',
  birth_date: '1998',
  relation: 'mother',
  narrative: 'Пишу ещё раз: ответа нет.',
  wants_to_learn: 'Жив ли он',
  ...over,
});

describe.each(DIALECTS)('a second request about the same person (%s)', (dialect) => {
  const s = useWorld(dialect);
  const countCases = async () => (await s.t.opened.db.selectFrom('cases').select('id').execute()).length;

  it('is held back once with a link to the first request, keeping what was typed', async () => {
    const before = await countCases();
    const { res } = await submitForm(s.t.app, '/cases/new', again(s.w.orgA.id), s.w.family.cookies);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('У вас уже есть запрос об этом человеке');
    expect(res.body).toContain(`href="/cases/${s.w.caseId}"`);
    expect(res.body).toContain(`name="duplicate_of" value="${s.w.caseId}"`);
    expect(res.body).toContain('Пишу ещё раз: ответа нет.');
    expect(await countCases()).toBe(before);
  });

  it('goes through when sent again after the warning', async () => {
    const before = await countCases();
    const fields = { ...again(s.w.orgA.id), duplicate_of: s.w.caseId };
    const { res } = await submitForm(s.t.app, '/cases/new', fields, s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    expect(await countCases()).toBe(before + 1);
  });

  it('does not hold back another person, another birth year, or another family', async () => {
    for (const [over, cookies] of [
      [{ given_name: 'Павел' }, s.w.family.cookies],
      [{ birth_date: '12.05.1999' }, s.w.family.cookies],
      [{}, s.w.otherFamily.cookies],
    ] as const) {
      const { res } = await submitForm(s.t.app, '/cases/new', again(s.w.orgA.id, over), cookies);
      expect(res.statusCode, JSON.stringify(over)).toBe(303);
    }
  });

  // Most requests a caseworker has answered wait on the family («ждём вашего ответа»): a mother
  // coming back later and filing again about her son was not warned about those.
  it('is held back too when the first request waits on the family', async () => {
    const { caseId } = await openCase(
      { db: s.t.opened.db, clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Ждущий', given_name: 'Олег', patronymic: undefined }),
    );
    const asked = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { body: 'Пришлите, пожалуйста, номер части.' },
      s.w.caseworker.cookies,
      `/cases/${caseId}/messages`,
    );
    expect(asked.res.statusCode).toBe(303);
    const state = await s.t.opened.db.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirst();
    expect(state?.state).toBe('waiting_on_family');
    const before = await countCases();
    const { res } = await submitForm(
      s.t.app,
      '/cases/new',
      again(s.w.orgA.id, { surname: 'Ждущий', given_name: 'Олег' }),
      s.w.family.cookies,
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(`href="/cases/${caseId}"`);
    expect(await countCases()).toBe(before);
  });
});

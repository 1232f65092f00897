import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { collectiveCopyOf, draftAppeal, postCollective } from './appeals.fixtures.ts';

// The «Закрыть» section of an appeal holds discarding a draft and closing a sent appeal. A family's
// copy of a collective draft can do neither (the staff discard it; a draft is not closed), and
// the page drew the section's heading over nothing.

describe.each(DIALECTS)("a family's copy of a collective draft (%s)", (dialect) => {
  const s = useWorld(dialect);

  it('draws no «Закрыть» heading with nothing under it', async () => {
    const made = await postCollective(s.t.app, s.w.caseworker.cookies, 'Просим сообщить о судьбе наших близких.', [
      s.w.caseId,
      s.w.otherCaseId,
    ]);
    expect(made.statusCode).toBe(303);
    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const page = await s.t.app.inject({ method: 'GET', url: `/appeals/${mine}`, cookies: s.w.family.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Просим сообщить о судьбе наших близких.');
    expect(page.body).not.toContain('id="end-h"');
    expect(page.body).not.toContain(`/appeals/${mine}/discard`);
  });

  // A QA walk: a mother's own draft ended on «Закрыть» (Close) over «Удалить черновик» alone, which
  // read as closing the page. The heading says what the section is for a draft; a sent letter's
  // section, with «Закрыть обращение», keeps «Закрыть».
  it('heads a draft’s section for what it does, in both languages', async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const heading = async (lang: string) =>
      /<h2 id="end-h">([^<]*)<\/h2>/.exec(
        (await s.t.app.inject({ method: 'GET', url: `/appeals/${id}?lang=${lang}`, cookies: s.w.family.cookies })).body,
      )?.[1];
    expect(await heading('ru')).toBe('Если черновик не нужен');
    expect(await heading('en')).toBe('If you do not need the draft');
  });
});

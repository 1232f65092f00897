import { describe, expect, it } from 'vitest';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';

// A QA walk: a mother who knew only her son's year of birth got a letter saying «…Смирнов
// Алексей Петрович, дата рождения 2001, воинская часть 12345…», a date cut short to a clerk. A
// year alone is written «2001 г.», as letters to authorities write it; a full date stays as it is.

describe('the date of birth in a new letter', () => {
  const s = useWorld('sqlite');
  const letterFor = async (birth: string) => {
    const { caseId } = await openCase(
      { db: s.t.opened.db, clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: `Годов${birth.length}`, birth_date: parsePartialDate(birth) ?? undefined }),
    );
    const page = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${caseId}/appeals/new?next=1&template=inquiry&lang=en`,
      cookies: s.w.family.cookies,
    });
    expect(page.statusCode).toBe(200);
    return /<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)?.[1] ?? '';
  };

  it('writes a year alone as «2001 г.», a month or a day as typed', async () => {
    expect(await letterFor('2001')).toContain('дата рождения 2001 г., воинская часть');
    expect(await letterFor('05.2001')).toContain('дата рождения 05.2001, воинская часть');
    expect(await letterFor('12.05.2001')).toContain('дата рождения 12.05.2001, воинская часть');
  });
});

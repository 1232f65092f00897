import { describe, expect, it } from 'vitest';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';

// A QA walk (9): the request form's example for the unit number is «в/ч 12345», a mother typed it
// so, and her first letter said «…воинская часть в/ч 12345, 1-я танковая армия…». The letter names
// the number once; the case keeps what she typed.

describe('the unit number in a new letter', () => {
  const s = useWorld('sqlite');
  let n = 0;
  const letterFor = async (unitNumber: string) => {
    const { caseId } = await openCase(
      { db: s.t.opened.db, clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: `Частев${(n++).toString(36)}`, unit_number: unitNumber }),
    );
    const page = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${caseId}/appeals/new?next=1&template=inquiry`,
      cookies: s.w.family.cookies,
    });
    expect(page.statusCode).toBe(200);
    return /<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)?.[1] ?? '';
  };

  it('drops «в/ч» and the like typed before the number', async () => {
    expect(await letterFor('в/ч 12345')).toContain('воинская часть 12345, 155-я бригада');
    expect(await letterFor('В/Ч-54321')).toContain('воинская часть 54321, 155-я бригада');
    expect(await letterFor('войсковая часть № 11111')).toContain('воинская часть 11111, 155-я бригада');
  });

  it('keeps a number typed without a prefix, and words that are not one', async () => {
    expect(await letterFor('22222')).toContain('воинская часть 22222, 155-я бригада');
    expect(await letterFor('полевая почта 33333')).toContain('воинская часть полевая почта 33333, 155-я бригада');
  });
});

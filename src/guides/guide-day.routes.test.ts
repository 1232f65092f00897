import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { writeGuide } from './guides.fixtures.ts';

// A guide saved at 02:30 on 2 March in Moscow (23:30 UTC on 1 March) said «Обновлено
// 01.03.2026» to its readers and in the editors' list and history: the UTC day, the day before.

describe.each(DIALECTS)("a guide's version is dated by the organisation's day (%s)", (dialect) => {
  const s = useWorld(dialect);
  const get = async (url: string, cookies = {}) => {
    const res = await s.t.app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('saved at 23:30 UTC, it shows 02.03.2026 to readers and editors', async () => {
    s.t.clock.set('2026-03-01T23:30:00.000Z');
    try {
      const editUrl = await writeGuide(s.t.app, s.w.editor.cookies, {
        slug: 'night-guide',
        title: 'Ночная статья',
        markdown: 'Текст',
      });
      for (const body of [
        await get('/guides/night-guide'),
        await get('/editor/guides', s.w.editor.cookies),
        await get(`${editUrl}/history`, s.w.editor.cookies),
        await get(`${editUrl}/versions/1`, s.w.editor.cookies),
      ]) {
        expect(body).toContain('02.03.2026');
        expect(body).not.toContain('01.03.2026');
      }
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { sentAppeal } from './appeals.fixtures.ts';

// A lawyer sends a letter to the military commissariat and opens «Сроки обращений» to see it
// tracked (QA walk 5). Its answer is due in a month: the list showed only the overdue and the
// next 7 days, «Нет.» twice, and nothing on the page reached the wider window its address takes
// (?days=). Now the page links 7, 30 and 90 days, the one shown marked.

describe.each(DIALECTS)('the deadlines list looks further ahead from its own page (%s)', (dialect) => {
  const s = useWorld(dialect);
  const get = async (url: string) => {
    const res = await s.t.app.inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('a letter answered in a month is one link away, in both languages', async () => {
    // Sent by post on 25.02.2026: the answer is due by 06.04.2026, 35 days after «today» (02.03).
    const id = await sentAppeal(s.t.app, s.w.caseId, s.w.family.cookies, { channel: 'post', sent_on: '2026-02-25' });
    const week = await get('/staff/appeals');
    expect(week).not.toContain(`/appeals/${id}`);
    expect(week).toContain('Показать ответы, ожидаемые в ближайшие:');
    expect(week).toMatch(/<a href="\/staff\/appeals\?days=7" aria-current="page"><strong>7 дней<\/strong><\/a>/);
    expect(week).toContain('<a href="/staff/appeals?days=30">30 дней</a>');
    expect(week).toContain('<a href="/staff/appeals?days=90">90 дней</a>');

    const quarter = await get('/staff/appeals?days=90');
    expect(quarter).toContain(`/appeals/${id}`);
    expect(quarter).toContain('Ответ ожидается в ближайшие 90 дней');
    expect(quarter).toMatch(/aria-current="page"><strong>90 дней<\/strong>/);

    const english = await get('/staff/appeals?lang=en');
    expect(english).toContain('Show answers due within:');
    expect(english).toContain('<a href="/staff/appeals?days=30">30 days</a>');
  });
});

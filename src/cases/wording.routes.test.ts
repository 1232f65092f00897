import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from './cases.fixtures.ts';

// What a mother reads on her own case page: her last contact is not turned into "serving",
// her unverified report is named as hers, and the words fit a son or a daughter.

describe.each(DIALECTS)('case page wording (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('shows a last contact alone as "no contact since" the family reported', async () => {
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('нет связи с 10.01.2026 — не подтверждено');
    expect(page.body).toContain('Проверенных сведений пока нет.');
    expect(page.body).not.toContain('на службе');
  });

  // Her own report and another's read as one state, «не подтверждено», with whose report it is
  // said apart; «вы сообщили, это ещё не проверено» against «сообщается, не подтверждено» read
  // as two states (QA walk 4).
  const statusLine = (html: string) => /<p class="status">([\s\S]*?)<\/p>/.exec(html)?.[1];
  it('words her own unverified report and another’s as the same state, her own named apart', async () => {
    const get = async (cookies: Record<string, string>, lang = 'ru') =>
      statusLine((await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}?lang=${lang}`, cookies })).body);
    expect(await get(s.w.family.cookies)).toBe('нет связи с 10.01.2026 — не подтверждено · ваше сообщение');
    expect(await get(s.w.caseworker.cookies)).toBe('нет связи с 10.01.2026 — не подтверждено');
    expect(await get(s.w.family.cookies, 'en')).toBe('no contact since 10.01.2026 — not confirmed · your report');
    expect(await get(s.w.caseworker.cookies, 'en')).toBe('no contact since 10.01.2026 — not confirmed');
  });

  it('calls the case «запрос» in everything a family reads about retention', async () => {
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.family.cookies });
    expect(page.body).not.toContain('обращени');
  });

  it('offers event kinds in forms that fit a man or a woman', async () => {
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('Ранение');
    expect(page.body).toContain('Возвращение домой');
    expect(page.body).not.toMatch(/>Ранен<|>Вернулся домой<|>Пропал без вести</);
  });
});

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from './cases.fixtures.ts';

// What a mother reads on her own case page: her last contact is not turned into "serving",
// her unverified report is named as hers, and the words fit a son or a daughter.

describe.each(DIALECTS)('case page wording (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('shows a last contact alone as "no contact since" the family reported', async () => {
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.family.cookies });
    expect(page.body).toContain('нет связи с 10.01.2026 — вы сообщили, это ещё не проверено');
    expect(page.body).toContain('Проверенных сведений пока нет.');
    expect(page.body).not.toContain('на службе');
    const en = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}?lang=en`,
      cookies: s.w.family.cookies,
    });
    expect(en.body).toContain('no contact since 10.01.2026 — you reported this, not yet verified');
    const staff = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.caseworker.cookies });
    expect(staff.body).toContain('нет связи с 10.01.2026 — сообщается, не подтверждено');
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

import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { sentTip } from '../tips/tips.fixtures.ts';

// On a phone the audit log is a list of cards, each cell labelled: a staff read of an anonymous
// tip showed the tip's id as «Дело: b2b5357d», a case number that is no case (QA walk 6). A tip's
// entry is labelled a tip; a case's stays a case; the column is named for both.

describe("the audit log's label for what an entry is about", () => {
  const s = useWorld('sqlite');

  it('calls a tip a tip and a case a case, in Russian and English', async () => {
    const tipId = await sentTip(s.t.app, s.t.opened.db, { organisation: s.w.orgA.id, what_happened: 'Видел его.' });
    await s.t.app.inject({ method: 'GET', url: `/staff/tips/${tipId}`, cookies: s.w.caseworker.cookies });
    await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: s.w.caseworker.cookies });
    for (const [lang, tip, kase, column] of [
      ['ru', 'Анонимное сообщение', 'Дело', 'Дело или сообщение'],
      ['en', 'Anonymous tip', 'Case', 'Case or tip'],
    ] as const) {
      const res = await s.t.app.inject({ method: 'GET', url: `/staff/audit?lang=${lang}`, cookies: s.w.admin.cookies });
      expect(res.statusCode).toBe(200);
      expect(res.body, lang).toContain(`<td data-label="${tip}"><a href="/staff/tips/${tipId}">`);
      expect(res.body, lang).toContain(`<td data-label="${kase}"><a href="/cases/${s.w.caseId}">`);
      expect(res.body, lang).toContain(`<th scope="col">${column}</th>`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { postStaffSearch } from '../cases/staff-search-form.test-helper.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { sentTip } from './tips.fixtures.ts';

// A QA walk of the audit log (QA walk 6): every staff view of a tip added a second entry,
// «искал(а) среди дел», for the search of the cases the tip's page runs by itself on the name the
// sender wrote. Nobody typed that search, but the page shows those cases: each view is now ONE
// entry that says so («…и найденные по нему дела»), and a search typed on the cases page is still
// logged as a search.

describe('the audit entry of a staff view of a tip', () => {
  const s = useWorld('sqlite');
  const actions = async () =>
    (
      await s.t.opened.db
        .selectFrom('audit_log')
        .select('action')
        .where('organisation_id', '=', s.w.orgA.id)
        .where('action', 'in', ['tip.read', 'tip.read_with_cases', 'case.searched'])
        .execute()
    ).map((r) => r.action);

  it('is one entry per view, naming the cases it showed, and no search of its own', async () => {
    const tipId = await sentTip(s.t.app, s.t.opened.db, { organisation: s.w.orgA.id, what_happened: 'Видел его.' });
    const before = await actions();
    for (let i = 0; i < 2; i++) {
      const page = await s.t.app.inject({
        method: 'GET',
        url: `/staff/tips/${tipId}`,
        cookies: s.w.caseworker.cookies,
      });
      expect(page.statusCode).toBe(200);
      // The case of the name the sender wrote is still offered for attaching: the read is real.
      expect(page.body).toContain(`value="${s.w.caseId}"`);
    }
    expect((await actions()).slice(before.length)).toEqual(['tip.read_with_cases', 'tip.read_with_cases']);
    for (const [lang, label, search] of [
      ['ru', 'просмотрел(а) анонимное сообщение и найденные по нему дела', 'искал(а) среди дел'],
      ['en', 'read an anonymous tip and the cases found from it', 'searched the cases'],
    ] as const) {
      const log = await s.t.app.inject({ method: 'GET', url: `/staff/audit?lang=${lang}`, cookies: s.w.admin.cookies });
      expect(log.body, lang).toContain(label);
      expect(log.body, lang).not.toContain(search);
    }
  });

  it('still logs a search the staff member typed as a search', async () => {
    const before = await actions();
    const res = await postStaffSearch(s.t.app, s.w.caseworker.cookies, 'Иванов');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Иванов Пётр');
    expect((await actions()).slice(before.length)).toEqual(['case.searched']);
  });
});

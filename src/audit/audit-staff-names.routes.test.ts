import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { createResetLink, removeStaff } from '../accounts/staff.service.ts';

// QA walk 7, an administrator reading the audit log after removing a caseworker: the removed
// member's own entries lost their name («куратор дел принял(а) приглашение»), and «удалил(а)
// сотрудника» did not say whom. Removed members keep their names (their pseudonyms stay
// reserved), and a removal or a reset link names the member it was about.

describe('staff names on the audit page', () => {
  const s = useWorld('sqlite');

  it('keeps a removed member’s name and names whom a removal or a reset link was about', async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock, config: s.t.config };
    const { caseworker, verifier, admin } = s.w;
    // The caseworker reads a case, then is removed; the verifier is sent a reset link.
    const read = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: caseworker.cookies });
    expect(read.statusCode).toBe(200);
    await removeStaff(deps, admin.auth, caseworker.id);
    await createResetLink(deps, admin.auth, verifier.id);
    for (const [lang, opened, removed, reset] of [
      ['ru', 'просмотрел(а) дело', 'удалил(а) сотрудника', 'создал(а) восстановление доступа'],
      ['en', 'read a case', 'removed a staff member', 'created an account recovery'],
    ] as const) {
      const res = await s.t.app.inject({ method: 'GET', url: `/staff/audit?lang=${lang}`, cookies: admin.cookies });
      expect(res.statusCode).toBe(200);
      const q = (name: string) => (lang === 'ru' ? `«${name}»` : `“${name}”`);
      const body = res.body.replaceAll('&quot;', '"');
      expect(body, lang).toContain(`<strong>${caseworker.pseudonym}</strong> ${opened}`);
      expect(body, lang).toContain(`<strong>${admin.pseudonym}</strong> ${removed} ${q(caseworker.pseudonym)}`);
      expect(body, lang).toContain(`<strong>${admin.pseudonym}</strong> ${reset} ${q(verifier.pseudonym)}`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { importForOrganisation } from '../imports/imports.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { insertAudit } from './audit.repository.ts';

// A list imported with `kintrace import persons` showed on the audit page as done by «система
// (срок хранения)», the label of retention's purges (QA walk 7). The command line now has its
// own label; a purge keeps the retention one, and an import written before the change (actor
// "system", which the append-only log cannot rewrite) is shown as the command line's too.

describe('who the audit page says did what the operator did', () => {
  const s = useWorld('sqlite');

  it("names a command-line import as the command line's and a purge as retention's, in Russian and English", async () => {
    await importForOrganisation(
      { db: s.t.opened.db, clock: s.t.clock },
      systemPrincipal('import'),
      { id: s.w.orgA.id, publicKey: s.w.orgA.publicKey },
      { sourceName: 'Список', sourceKind: 'news', verification: 'reported' },
      new TextEncoder().encode('surname,given_name\nДоржиев,Баир\n'),
    );
    const row = (id: string, action: string) => ({
      id,
      at: '2026-03-01T08:00:00.000Z',
      actor_user_id: 'system',
      actor_role: 'system',
      organisation_id: s.w.orgA.id,
      action,
      case_id: null,
      subject_id: null,
      tip_id: null,
    });
    // What retention writes for a purged case, and an import's entry as it was written before.
    await insertAudit(s.t.opened.db, row('00000000-0000-4000-8000-000000000001', 'case.purged'));
    await insertAudit(s.t.opened.db, row('00000000-0000-4000-8000-000000000002', 'import.started'));
    for (const [lang, cli, retention, imported, purged] of [
      ['ru', 'система (командная строка)', 'система (срок хранения)', 'импортировал(а) список', 'данные дела удалены'],
      ['en', 'system (command line)', 'system (retention)', 'imported a list', 'case data deleted'],
    ] as const) {
      const res = await s.t.app.inject({ method: 'GET', url: `/staff/audit?lang=${lang}`, cookies: s.w.admin.cookies });
      expect(res.statusCode).toBe(200);
      const entries = [...res.body.matchAll(/<strong>([^<]*)<\/strong>\s*(?:<a [^>]*>)?([^<]*)/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
      // The new import (linked to its list) and the old one: both the command line's.
      expect(
        entries.filter((e) => e.startsWith(`${cli} ${imported}`)),
        lang,
      ).toHaveLength(2);
      expect(
        entries.filter((e) => e.startsWith(`${retention} ${purged}`)),
        lang,
      ).toHaveLength(1);
      expect(
        entries.filter((e) => e.startsWith(retention)),
        lang,
      ).toHaveLength(1);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import type { OpenedDb } from '../db/database.ts';
import { auditCursorOf, auditForOrganisation, parseAuditCursor, recordAudit } from './audit.service.ts';

describe.each(DIALECTS)('audit log (%s)', (dialect) => {
  let opened: OpenedDb;
  beforeAll(async () => {
    opened = await freshDb(dialect);
  });
  afterAll(() => opened.close());

  it('cuts a family entry to the day and keeps a staff entry to the second', async () => {
    await opened.db.transaction().execute(async (tx) => {
      await recordAudit(tx, {
        actorUserId: 'fam',
        actorRole: 'family',
        organisationId: 'org1',
        action: 'case.opened',
        caseId: 'c1',
        at: '2026-03-02T09:13:14.000Z',
      });
      await recordAudit(tx, {
        actorUserId: 'cw',
        actorRole: 'caseworker',
        organisationId: 'org1',
        action: 'case.read',
        caseId: 'c1',
        at: '2026-03-02T10:00:00.000Z',
      });
      await recordAudit(tx, {
        actorUserId: 'x',
        actorRole: 'caseworker',
        organisationId: 'org2',
        action: 'case.read',
        caseId: 'c2',
        at: '2026-03-02T10:00:00.000Z',
      });
    });
    const rows = await auditForOrganisation(opened.db, 'org1');
    expect(rows.map((r) => [r.at, r.action])).toEqual([
      ['2026-03-02T10:00:00.000Z', 'case.read'],
      ['2026-03-02', 'case.opened'],
    ]);
  });

  it('refuses to update or delete an entry (append-only)', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(opened.db)).rejects.toThrow();
    await expect(sql`delete from audit_log`.execute(opened.db)).rejects.toThrow();
    expect((await auditForOrganisation(opened.db, 'org1')).length).toBe(2);
  });

  it('rolls back with the change it records', async () => {
    await expect(
      opened.db.transaction().execute(async (tx) => {
        await recordAudit(tx, {
          actorUserId: 'cw',
          actorRole: 'caseworker',
          organisationId: 'org1',
          action: 'case.closed',
          caseId: 'c1',
          at: '2026-03-03T10:00:00.000Z',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect((await auditForOrganisation(opened.db, 'org1')).length).toBe(2);
  });
  it('pages through entries that share one time without skipping or repeating any', async () => {
    await opened.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 5; i++)
        await recordAudit(tx, {
          actorUserId: `f${i}`,
          actorRole: 'family',
          organisationId: 'org3',
          action: 'case.opened',
          caseId: `c${i}`,
          at: '2026-04-01T08:00:00.000Z',
        });
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const rows = await auditForOrganisation(opened.db, 'org3', 2, parseAuditCursor(cursor));
      seen.push(...rows.map((r) => r.id));
      if (rows.length < 2) break;
      cursor = auditCursorOf(rows[rows.length - 1]);
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(parseAuditCursor('2026-04-01~not-an-id')).toBeUndefined();
  });
});

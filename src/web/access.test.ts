import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createSiteAdmin } from '../../test/helpers/factories.ts';
import { buildWorld, grantFor, type World } from '../cases/cases.fixtures.ts';
import { authoriseAuditLog, authoriseCase, authoriseOpenCase, authoriseQueue, maxVerificationFor } from './access.ts';

// The policy itself, below the routes (the route-level matrix is src/cases/access-matrix.test.ts).

describe('access policy', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp('sqlite');
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('denies by default: no auth, a malformed id, an unknown id, an unknown action', async () => {
    await expect(authoriseCase(t.opened.db, null, w.caseId, 'read')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(authoriseCase(t.opened.db, w.caseworker.auth, `${w.caseId}'`, 'read')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(
      authoriseCase(t.opened.db, w.caseworker.auth, '00000000-0000-4000-8000-000000000000', 'read'),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(authoriseCase(t.opened.db, w.family.auth, w.caseId, 'work')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(authoriseCase(t.opened.db, w.family.auth, w.caseId, 'verify')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(
      authoriseCase(t.opened.db, { ...w.caseworker.auth, secondFactorDone: false }, w.caseId, 'read'),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('gives each role its verification ceiling', async () => {
    expect(maxVerificationFor(await grantFor(t, w.family, w.caseId))).toBe('reported');
    expect(maxVerificationFor(await grantFor(t, w.caseworker, w.caseId))).toBe('corroborated');
    expect(maxVerificationFor(await grantFor(t, w.verifier, w.caseId))).toBe('confirmed');
    expect(maxVerificationFor(await grantFor(t, w.admin, w.caseId))).toBe('confirmed');
  });

  it('treats a site admin inside an organisation as its admin, and one outside as nobody', async () => {
    const inside = await createSiteAdmin(t.opened.db, { clock: t.clock, org: w.orgA });
    const outside = await createSiteAdmin(t.opened.db, { clock: t.clock });
    expect((await authoriseCase(t.opened.db, inside.auth, w.caseId, 'work')).viewer).toBe('staff');
    expect(authoriseAuditLog(inside.auth).organisationId).toBe(w.orgA.id);
    await expect(authoriseCase(t.opened.db, outside.auth, w.caseId, 'read')).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(() => authoriseQueue(outside.auth)).toThrow();
    expect(() => authoriseAuditLog(outside.auth)).toThrow();
  });

  it('keeps lists, the audit log and opening cases to their roles', () => {
    expect(() => authoriseQueue(w.editor.auth)).toThrow();
    expect(() => authoriseQueue(w.family.auth)).toThrow();
    expect(authoriseQueue(w.verifier.auth).organisationId).toBe(w.orgA.id);
    expect(() => authoriseAuditLog(w.caseworker.auth)).toThrow();
    expect(() => authoriseOpenCase(w.caseworker.auth)).toThrow();
    expect(authoriseOpenCase(w.family.auth).userId).toBe(w.family.id);
  });
});

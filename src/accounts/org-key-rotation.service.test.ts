import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { submitForm, type TestUser } from '../../test/helpers/factories.ts';
import { DecryptionFailed, generateKeyPair, openWith, publicKeyOf, randomKey, sealTo } from '../shared/crypto/index.ts';
import { buildWorld, caseInput, grantFor, NARRATIVE, type World } from '../cases/cases.fixtures.ts';
import { getCaseForViewer, openCase } from '../cases/cases.service.ts';
import { organisationPrivateKey } from './accounts.service.ts';
import { createInvite, createResetLink, removeStaff } from './staff.service.ts';
import { rotateInTransaction, rotateOrganisationKey } from './org-key-rotation.service.ts';
import { aad } from './account-keys.crypto.ts';

// Organisation key rotation: what a removed staff member kept stops opening the live database,
// everyone else keeps reading, links are revoked, and a failure changes nothing.

const caseWrapAad = (caseId: string) => `case:${caseId}:key`;
const NARRATIVE_OF = new RegExp(`^(${NARRATIVE}|другая история)$`);

describe.each(DIALECTS)('organisation key rotation (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());
  const deps = () => ({ db: t.opened.db, clock: t.clock, config: t.config });

  const orgWrapOfCase = async (caseId: string) =>
    (
      await t.opened.db
        .selectFrom('case_key_wraps')
        .select('wrapped')
        .where('case_id', '=', caseId)
        .where('recipient_kind', '=', 'organisation')
        .executeTakeFirstOrThrow()
    ).wrapped;
  const currentPublicKey = async (orgId: string) =>
    (
      await t.opened.db
        .selectFrom('organisations')
        .select('public_key')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).public_key;
  /** Opening the case key and decrypting the narrative is the proof; the texts differ per case. */
  const readsAll = async (users: TestUser[], caseIds: string[]) => {
    for (const u of users)
      for (const id of caseIds)
        expect((await getCaseForViewer(deps(), await grantFor(t, u, id))).narrative, `${u.pseudonym} ${id}`).toMatch(
          NARRATIVE_OF,
        );
  };

  it("after a removal the removed member's old key material opens no case key of the live database", async () => {
    const w: World = await buildWorld(t);
    const orgId = w.orgA.id;
    // What the caseworker could have kept: their own private key and their wrap of the org key.
    const keptWrap = (
      await t.opened.db
        .selectFrom('organisation_key_wraps')
        .select('wrapped')
        .where('user_id', '=', w.caseworker.id)
        .executeTakeFirstOrThrow()
    ).wrapped;
    const keptCaseWrap = await orgWrapOfCase(w.caseId);
    await createInvite(deps(), w.admin.auth, { organisationId: orgId, role: 'verifier' });
    await createResetLink(deps(), w.admin.auth, w.verifier.id);

    const result = await removeStaff(deps(), w.admin.auth, w.caseworker.id);
    expect(result).toEqual({ cases: 2, holders: 3, revokedLinks: 2 });
    const { caseId: newCaseId } = await openCase(deps(), w.family.auth, caseInput(orgId, { surname: 'Сидоров' }));

    const oldOrgKey = openWith(w.caseworker.auth.userPrivateKey, keptWrap, aad.orgWrap(orgId, w.caseworker.id));
    expect(oldOrgKey.equals(w.orgA.privateKey)).toBe(true);
    expect(await currentPublicKey(orgId)).not.toBe(w.orgA.publicKey);
    for (const id of [w.caseId, w.otherCaseId, newCaseId]) {
      const wrapped = await orgWrapOfCase(id);
      expect(() => openWith(oldOrgKey, wrapped, caseWrapAad(id)), id).toThrow(DecryptionFailed);
    }
    // The honest limit: a copy of the database taken before the rotation still opens what it held.
    expect(openWith(oldOrgKey, keptCaseWrap, caseWrapAad(w.caseId)).length).toBe(32);

    // Remaining staff (same sessions, same AuthContext) and the family read every case.
    await readsAll([w.verifier, w.admin], [w.caseId, w.otherCaseId, newCaseId]);
    await readsAll([w.family], [w.caseId, newCaseId]);
    expect(publicKeyOf(await organisationPrivateKey(t.opened.db, w.editor.auth))).toBe(await currentPublicKey(orgId));
    const page = await t.app.inject({ method: 'GET', url: `/cases/${newCaseId}`, cookies: w.verifier.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('МАРКЕР-НАРРАТИВ-7781');
    // The other organisation is untouched.
    expect(await currentPublicKey(w.orgB.id)).toBe(w.orgB.publicKey);

    expect(
      await t.opened.db
        .selectFrom('invites')
        .select('id')
        .where('organisation_id', '=', orgId)
        .where('used_at', 'is', null)
        .execute(),
    ).toEqual([]);
    expect(
      await t.opened.db
        .selectFrom('organisation_key_wraps')
        .select('user_id')
        .where('user_id', '=', w.caseworker.id)
        .execute(),
    ).toEqual([]);
    const audit = await t.opened.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', orgId)
      .where('action', '=', 'organisation.key_rotated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: w.admin.id, actor_role: 'org_admin', case_id: null });
    expect(Object.keys(audit[0]).sort()).toEqual([
      'action',
      'actor_role',
      'actor_user_id',
      'at',
      'case_id',
      'id',
      'organisation_id',
      // the registry record an entry is about (migration 0040): an id, never content
      'subject_id',
      'tip_id',
    ]);
  });

  it('a failure midway leaves everything as before', async () => {
    const w = await buildWorld(t);
    const orgId = w.orgA.id;
    await createInvite(deps(), w.admin.auth, { organisationId: orgId, role: 'caseworker' });
    // One case key wrapped to a key nobody holds: the rotation cannot open it and must not commit.
    const stranger = generateKeyPair();
    const good = await orgWrapOfCase(w.otherCaseId);
    await t.opened.db
      .updateTable('case_key_wraps')
      .set({ wrapped: sealTo(stranger.publicKey, randomKey(), caseWrapAad(w.otherCaseId)) })
      .where('case_id', '=', w.otherCaseId)
      .where('recipient_kind', '=', 'organisation')
      .execute();
    const snapshot = async () => ({
      org: await t.opened.db.selectFrom('organisations').selectAll().where('id', '=', orgId).execute(),
      caseWraps: await t.opened.db
        .selectFrom('case_key_wraps')
        .selectAll()
        .orderBy('case_id')
        .orderBy('recipient_kind')
        .execute(),
      orgWraps: await t.opened.db
        .selectFrom('organisation_key_wraps')
        .selectAll()
        .where('organisation_id', '=', orgId)
        .orderBy('user_id')
        .execute(),
      invites: await t.opened.db.selectFrom('invites').selectAll().where('organisation_id', '=', orgId).execute(),
      users: await t.opened.db
        .selectFrom('users')
        .select(['id', 'disabled'])
        .where('organisation_id', '=', orgId)
        .orderBy('id')
        .execute(),
      sessions: await t.opened.db.selectFrom('sessions').select('id_hash').orderBy('id_hash').execute(),
      audit: await t.opened.db
        .selectFrom('audit_log')
        .select('id')
        .where('organisation_id', '=', orgId)
        .orderBy('id')
        .execute(),
    });
    const before = await snapshot();
    await expect(removeStaff(deps(), w.admin.auth, w.caseworker.id)).rejects.toThrow(DecryptionFailed);
    await expect(rotateOrganisationKey(deps(), w.admin.auth, orgId)).rejects.toThrow(DecryptionFailed);
    expect(await snapshot()).toEqual(before);

    await t.opened.db
      .updateTable('case_key_wraps')
      .set({ wrapped: good })
      .where('case_id', '=', w.otherCaseId)
      .where('recipient_kind', '=', 'organisation')
      .execute();
    expect((await rotateOrganisationKey(deps(), w.admin.auth, orgId)).cases).toBe(2);
    await readsAll([w.caseworker], [w.caseId, w.otherCaseId]);
  });

  it('a case opened during a rotation waits for it and is sealed to the new key', async () => {
    const w = await buildWorld(t);
    let opened: Promise<{ caseId: string }> | null = null;
    let settled = false;
    await t.opened.db.transaction().execute(async (tx) => {
      await rotateInTransaction(tx, deps(), w.admin.auth, w.orgA.id);
      opened = openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Кузнецов' })).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 150));
      expect(settled).toBe(false);
    });
    const { caseId } = await opened!;
    await readsAll([w.verifier], [caseId, w.caseId]);
    const wrapped = await orgWrapOfCase(caseId);
    expect(() => openWith(w.orgA.privateKey, wrapped, caseWrapAad(caseId))).toThrow(DecryptionFailed);
  });

  it('only an admin of the organisation may rotate; the page asks first, then says links were revoked', async () => {
    const w = await buildWorld(t);
    await expect(rotateOrganisationKey(deps(), w.caseworker.auth, w.orgA.id)).rejects.toThrow();
    await expect(rotateOrganisationKey(deps(), w.otherOrgAdmin.auth, w.orgA.id)).rejects.toThrow();
    const foreign = await submitForm(
      t.app,
      '/admin/invites',
      { organisationId: w.orgB.id },
      w.admin.cookies,
      '/admin/invites/rotate',
    );
    expect(foreign.res.statusCode).toBe(404);

    const ask = await submitForm(
      t.app,
      '/admin/invites?lang=en',
      { organisationId: w.orgA.id },
      w.admin.cookies,
      '/admin/invites/rotate',
    );
    expect(ask.res.statusCode).toBe(200);
    expect(ask.res.body).toContain('Yes, replace the key');
    expect(ask.res.body).toContain('still opens');
    expect(await currentPublicKey(w.orgA.id)).toBe(w.orgA.publicKey);

    const done = await submitForm(
      t.app,
      '/admin/invites',
      { organisationId: w.orgA.id, confirm: 'yes' },
      w.admin.cookies,
      '/admin/invites/rotate',
    );
    expect(done.res.statusCode).toBe(303);
    expect(await currentPublicKey(w.orgA.id)).not.toBe(w.orgA.publicKey);
    const page = await t.app.inject({ method: 'GET', url: String(done.res.headers.location), cookies: done.cookies });
    expect(page.body).toContain('Ключ организации заменён');
    // The admin's own session carries on.
    await readsAll([w.admin, w.caseworker], [w.caseId]);
  });
});

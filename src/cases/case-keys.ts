import type { Queryable } from '../db/database.ts';
import { DecryptionFailed, openWith, sealTo } from '../shared/crypto/index.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { NotFound } from '../shared/errors.ts';

// Each case has its own random data key. It is stored only wrapped: to the organisation's
// public key (so the server can encrypt a family's submission without holding any secret)
// and to the requester's public key. Neither private key is ever on disk in clear: staff
// recover the organisation key, and families their own, from their session cookie.

const wrapAad = (caseId: string): string => `case:${caseId}:key`;

/** AAD naming the case and the field, so a ciphertext moved to another row fails to open. */
export const fieldAad = (caseId: string, field: string): string => `case:${caseId}:${field}`;

export const insertKeyWraps = async (
  tx: Queryable,
  caseId: string,
  key: Buffer,
  recipients: { organisation: { id: string; publicKey: string }; requester: { id: string; publicKey: string } },
): Promise<void> => {
  await tx
    .insertInto('case_key_wraps')
    .values([
      {
        case_id: caseId,
        recipient_kind: 'organisation',
        recipient_id: recipients.organisation.id,
        wrapped: sealTo(recipients.organisation.publicKey, key, wrapAad(caseId)),
      },
      {
        case_id: caseId,
        recipient_kind: 'user',
        recipient_id: recipients.requester.id,
        wrapped: sealTo(recipients.requester.publicKey, key, wrapAad(caseId)),
      },
    ])
    .execute();
};

/** The case key for whoever holds the grant: the family with its own key, staff with the org's. */
export const openCaseKey = async (db: Queryable, grant: CaseGrant): Promise<Buffer> => {
  try {
    return await readCaseKey(db, grant);
  } catch (err) {
    // An organisation key rotation committing between reading the case's wrap and the staff
    // member's wrap pairs an old one with a new one; read both again once, both are new then.
    if (!(err instanceof DecryptionFailed) || grant.side === 'family') throw err;
    return readCaseKey(db, grant);
  }
};

/**
 * The keys of several cases for staff grants (a list that shows a sealed field per row): the
 * organisation's private key opened once per organisation and the wraps read in one query,
 * rather than both once per case. A wrap that does not open (a rotation committing meanwhile)
 * is read again on its own, as openCaseKey does. Family grants are left out.
 */
export const openStaffCaseKeys = async (db: Queryable, grants: CaseGrant[]): Promise<Map<string, Buffer>> => {
  const keys = new Map<string, Buffer>();
  const byOrg = new Map<string, CaseGrant[]>();
  for (const g of grants)
    if (g.side === 'staff') byOrg.set(g.organisationId, [...(byOrg.get(g.organisationId) ?? []), g]);
  for (const [orgId, list] of byOrg) {
    const rows = await db
      .selectFrom('case_key_wraps')
      .select(['case_id', 'wrapped'])
      .where('recipient_kind', '=', 'organisation')
      .where('recipient_id', '=', orgId)
      .where(
        'case_id',
        'in',
        list.map((g) => g.caseId),
      )
      .execute();
    const wraps = new Map(rows.map((r) => [r.case_id, r.wrapped]));
    const privateKey = await organisationPrivateKey(db, list[0].auth, orgId);
    for (const g of list) {
      const wrapped = wraps.get(g.caseId);
      if (!wrapped) continue;
      try {
        keys.set(g.caseId, openWith(privateKey, wrapped, wrapAad(g.caseId)));
      } catch (err) {
        if (!(err instanceof DecryptionFailed)) throw err;
        keys.set(g.caseId, await openCaseKey(db, g));
      }
    }
  }
  return keys;
};

const readCaseKey = async (db: Queryable, grant: CaseGrant): Promise<Buffer> => {
  const asFamily = grant.side === 'family';
  const row = await db
    .selectFrom('case_key_wraps')
    .select('wrapped')
    .where('case_id', '=', grant.caseId)
    .where('recipient_kind', '=', asFamily ? 'user' : 'organisation')
    .where('recipient_id', '=', asFamily ? grant.auth.userId : grant.organisationId)
    .executeTakeFirst();
  if (!row) throw new NotFound('case key');
  const privateKey = asFamily
    ? grant.auth.userPrivateKey
    : await organisationPrivateKey(db, grant.auth, grant.organisationId);
  return openWith(privateKey, row.wrapped, wrapAad(grant.caseId));
};

/**
 * Organisation key rotation (src/accounts/org-key-rotation.service.ts): every case key of the
 * organisation is opened with the old private key and sealed to the new public key, same AAD.
 * A wrap that does not open throws, so the caller's transaction rolls back rather than leave a
 * case sealed to a key nobody holds. Returns how many cases were re-sealed.
 */
export const resealOrganisationCaseKeys = async (
  tx: Queryable,
  orgId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const wraps = await tx
    .selectFrom('case_key_wraps')
    .select(['case_id', 'wrapped'])
    .where('recipient_kind', '=', 'organisation')
    .where('recipient_id', '=', orgId)
    .execute();
  for (const w of wraps) {
    const key = openWith(oldPrivateKey, w.wrapped, wrapAad(w.case_id));
    await tx
      .updateTable('case_key_wraps')
      .set({ wrapped: sealTo(newPublicKey, key, wrapAad(w.case_id)) })
      .where('case_id', '=', w.case_id)
      .where('recipient_kind', '=', 'organisation')
      .where('recipient_id', '=', orgId)
      .execute();
  }
  return wraps.length;
};

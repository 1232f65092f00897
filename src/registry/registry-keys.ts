import type { Queryable } from '../db/database.ts';
import { openWith, sealTo } from '../shared/crypto/index.ts';

// What a relative writes in a withdrawal or correction request is sealed to the publishing
// organisation's public key (X25519 envelope), bound to the request's id, so only its staff read
// it. When the organisation key is replaced (src/accounts/org-key-rotation.service.ts) the
// requests are re-sealed to the new key in the same transaction, like the cases' keys.

export const requestAad = (requestId: string): string => `registry-request:${requestId}:body`;

export const sealRequestBody = (orgPublicKey: string, requestId: string, body: object): string =>
  sealTo(orgPublicKey, Buffer.from(JSON.stringify(body), 'utf8'), requestAad(requestId));

export const openRequestBody = <T>(orgPrivateKey: Buffer, requestId: string, sealed: string): T =>
  JSON.parse(openWith(orgPrivateKey, sealed, requestAad(requestId)).toString('utf8')) as T;

/** Re-seals every request of the organisation to its new key; returns how many. */
export const resealOrganisationRequests = async (
  tx: Queryable,
  orgId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const rows = await tx
    .selectFrom('registry_requests')
    .select(['id', 'body_sealed'])
    .where('organisation_id', '=', orgId)
    .execute();
  for (const r of rows) {
    const plain = openWith(oldPrivateKey, r.body_sealed, requestAad(r.id));
    await tx
      .updateTable('registry_requests')
      .set({ body_sealed: sealTo(newPublicKey, plain, requestAad(r.id)) })
      .where('id', '=', r.id)
      .execute();
  }
  return rows.length;
};

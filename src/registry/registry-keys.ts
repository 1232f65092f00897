import type { Queryable } from '../db/database.ts';
import { open, openText, openWith, seal, sealTo } from '../shared/crypto/index.ts';

// What a relative writes in a withdrawal or correction request is sealed to the publishing
// organisation's public key (X25519 envelope), bound to the request's id, so only its staff read
// it. When the organisation key is replaced (src/accounts/org-key-rotation.service.ts) the
// requests are re-sealed to the new key in the same transaction, like the cases' keys.
//
// Since the receipt codes (migration 0046) each request also has its own random key, wrapped to
// the organisation and under the key its receipt code derives (as a tip's key is, src/tips/
// tip-keys.ts): the staff's answer is sealed with it, so the relative reads it with the code alone.
//
// What the relative adds later with the code (migration 0047) is sealed as the request's words
// are, to the organisation's key and bound to the request and the addition.

export const requestAad = (requestId: string): string => `registry-request:${requestId}:body`;

export const sealRequestBody = (orgPublicKey: string, requestId: string, body: object): string =>
  sealTo(orgPublicKey, Buffer.from(JSON.stringify(body), 'utf8'), requestAad(requestId));

export const openRequestBody = <T>(orgPrivateKey: Buffer, requestId: string, sealed: string): T =>
  JSON.parse(openWith(orgPrivateKey, sealed, requestAad(requestId)).toString('utf8')) as T;

const additionAad = (requestId: string, additionId: string): string =>
  `registry-request:${requestId}:addition:${additionId}`;

export const sealAddition = (orgPublicKey: string, requestId: string, additionId: string, message: string): string =>
  sealTo(orgPublicKey, Buffer.from(message, 'utf8'), additionAad(requestId, additionId));

export const openAddition = (orgPrivateKey: Buffer, requestId: string, additionId: string, sealed: string): string =>
  openWith(orgPrivateKey, sealed, additionAad(requestId, additionId)).toString('utf8');

const keyAad = (requestId: string, under: 'org' | 'code'): string => `registry-request:${requestId}:key:${under}`;
const answerAad = (requestId: string): string => `registry-request:${requestId}:answer`;

export const wrapRequestKeyForOrganisation = (orgPublicKey: string, requestId: string, key: Buffer): string =>
  sealTo(orgPublicKey, key, keyAad(requestId, 'org'));

export const openRequestKeyForOrganisation = (orgPrivateKey: Buffer, requestId: string, wrapped: string): Buffer =>
  openWith(orgPrivateKey, wrapped, keyAad(requestId, 'org'));

export const wrapRequestKeyForCode = (kek: Buffer, requestId: string, key: Buffer): string =>
  seal(kek, key, keyAad(requestId, 'code'));

export const openRequestKeyForCode = (kek: Buffer, requestId: string, wrapped: string): Buffer =>
  open(kek, wrapped, keyAad(requestId, 'code'));

export const sealAnswer = (key: Buffer, requestId: string, answer: string): string =>
  seal(key, answer, answerAad(requestId));

export const openAnswer = (key: Buffer, requestId: string, sealed: string): string =>
  openText(key, sealed, answerAad(requestId));

/** Re-seals every request of the organisation, and what relatives added to them, to its new key; returns how many requests. */
export const resealOrganisationRequests = async (
  tx: Queryable,
  orgId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const rows = await tx
    .selectFrom('registry_requests')
    .select(['id', 'body_sealed', 'key_org_sealed'])
    .where('organisation_id', '=', orgId)
    .execute();
  for (const r of rows) {
    const plain = openWith(oldPrivateKey, r.body_sealed, requestAad(r.id));
    const key = r.key_org_sealed && openRequestKeyForOrganisation(oldPrivateKey, r.id, r.key_org_sealed);
    await tx
      .updateTable('registry_requests')
      .set({
        body_sealed: sealTo(newPublicKey, plain, requestAad(r.id)),
        ...(key ? { key_org_sealed: wrapRequestKeyForOrganisation(newPublicKey, r.id, key) } : {}),
      })
      .where('id', '=', r.id)
      .execute();
    const additions = await tx
      .selectFrom('registry_request_additions')
      .select(['id', 'body_sealed'])
      .where('request_id', '=', r.id)
      .execute();
    for (const a of additions) {
      const words = openWith(oldPrivateKey, a.body_sealed, additionAad(r.id, a.id));
      await tx
        .updateTable('registry_request_additions')
        .set({ body_sealed: sealTo(newPublicKey, words, additionAad(r.id, a.id)) })
        .where('id', '=', a.id)
        .execute();
    }
  }
  return rows.length;
};

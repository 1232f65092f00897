import type { Queryable } from '../db/database.ts';
import { openWith, randomKey, sealTo } from '../shared/crypto/index.ts';
import { listKeysOfOrganisation, setKeySealed } from './imports.repository.ts';

// Each import has its own random key. It seals the uploaded file while it waits to be imported
// and the rows' raw values afterwards; it is stored only sealed to the organisation's public
// key, so the command line and the server can write with no secret, and only the organisation's
// staff (whose sessions hold its private key) can read the raw rows back.

const keyAad = (importId: string): string => `import:${importId}:key`;
export const chunkAad = (importId: string, chunk: number): string => `import:${importId}:chunk:${chunk}`;
export const uploadAad = (importId: string, part: number): string => `import:${importId}:upload:${part}`;

export const newImportKey = (importId: string, organisationPublicKey: string): { key: Buffer; sealed: string } => {
  const key = randomKey();
  return { key, sealed: sealTo(organisationPublicKey, key, keyAad(importId)) };
};

export const openImportKey = (importId: string, sealed: string, organisationPrivateKey: Buffer): Buffer =>
  openWith(organisationPrivateKey, sealed, keyAad(importId));

/**
 * Organisation key rotation (src/accounts/org-key-rotation.service.ts): every import key of the
 * organisation is opened with the old private key and sealed to the new public key. A key that
 * does not open throws, so the rotation rolls back rather than lose the rows' raw values.
 */
export const resealImportKeys = async (
  tx: Queryable,
  organisationId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const rows = await listKeysOfOrganisation(tx, organisationId);
  for (const r of rows)
    await setKeySealed(
      tx,
      r.id,
      sealTo(newPublicKey, openWith(oldPrivateKey, r.key_sealed, keyAad(r.id)), keyAad(r.id)),
    );
  return rows.length;
};

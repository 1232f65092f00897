import type { Queryable } from '../db/database.ts';
import { openForOrganisation, wrapForOrganisation } from './tip-keys.ts';
import { listOrganisationTipWraps, updateTipOrgWrap } from './tips.repository.ts';

/**
 * Organisation key rotation (src/accounts/org-key-rotation.service.ts): every tip key of the
 * organisation is opened with the old private key and sealed to the new public key, in the
 * rotation's transaction. A wrap that does not open throws, so the whole rotation rolls back
 * rather than leave a tip sealed to a key nobody holds. The receipt-code wrap is untouched.
 */
export const resealOrganisationTipKeys = async (
  tx: Queryable,
  orgId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const wraps = await listOrganisationTipWraps(tx, orgId);
  for (const w of wraps) {
    const key = openForOrganisation(oldPrivateKey, w.id, w.key_org_sealed);
    await updateTipOrgWrap(tx, w.id, wrapForOrganisation(newPublicKey, w.id, key));
  }
  return wraps.length;
};

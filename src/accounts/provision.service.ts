import type { Db } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import { sealTo, type KeyPair } from '../shared/crypto/index.ts';
import type { Role } from '../policy/principal.ts';
import { updateUser } from './accounts.repository.ts';
import { createUser, insertOrganisation, wrapOrganisationKeyFor } from './accounts.service.ts';
import { aad, newUserSecrets } from './account-keys.crypto.ts';
import { newTotpSecret } from './totp.crypto.ts';

// Accounts made without the pages, for `kintrace demo` and the test factories. The same keys and
// wraps as the real flows; never reachable from the web. A TOTP secret, when asked for, is
// returned so the demo can print it next to the login.

export interface ProvisionDeps {
  db: Db;
  config: Pick<Config, 'argon2'>;
  clock: Clock;
}

export const provisionOrganisation = async (
  deps: ProvisionDeps,
  name: string,
): Promise<{ id: string; name: string; keyPair: KeyPair }> =>
  insertOrganisation(deps.db, { name, holder: null, clock: deps.clock });

export const provisionAccount = async (
  deps: ProvisionDeps,
  input: {
    pseudonym: string;
    passphrase: string;
    role: Role;
    organisation?: { id: string; privateKey: Buffer } | null;
    withTotp?: boolean;
  },
): Promise<{ userId: string; publicKey: string; privateKey: Buffer; totpSecret: string | null }> => {
  const secrets = await newUserSecrets(input.passphrase, deps.config);
  const now = deps.clock.now().toISOString();
  const totpSecret = input.withTotp ? newTotpSecret() : null;
  const org = input.organisation ?? null;
  await deps.db.transaction().execute(async (tx) => {
    await createUser(tx, secrets, {
      pseudonym: input.pseudonym,
      role: input.role,
      organisationId: org?.id ?? null,
      now,
    });
    if (totpSecret) {
      await updateUser(tx, secrets.id, {
        totp_secret_sealed: sealTo(secrets.keyPair.publicKey, Buffer.from(totpSecret), aad.userTotp(secrets.id)),
      });
    }
    if (org)
      await wrapOrganisationKeyFor(
        tx,
        org.id,
        org.privateKey,
        { id: secrets.id, publicKey: secrets.keyPair.publicKey },
        deps.clock,
      );
  });
  return {
    userId: secrets.id,
    publicKey: secrets.keyPair.publicKey,
    privateKey: secrets.keyPair.privateKey,
    totpSecret,
  };
};

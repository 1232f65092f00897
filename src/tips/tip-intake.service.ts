import { randomUUID } from 'node:crypto';
import { orgDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { randomKey } from '../shared/crypto/index.ts';
import { listOrganisations, lockOrganisation } from '../accounts/accounts.service.ts';
import { organisationChoiceList } from '../accounts/organisation-about.service.ts';
import { storeFile } from '../evidence/evidence.service.ts';
import type { CleanedFile } from '../evidence/file-rules.ts';
import type { TipsDeps } from './tip-deps.ts';
import { sealContent, tipFileScope, wrapForCode, wrapForOrganisation, type TipContent } from './tip-keys.ts';
import { scoreIncomingTip } from './tip-matching.service.ts';
import { codeKeys, freshReceiptCode, lookupIdOf, newCodeSalt } from '../shared/crypto/receipt-code.ts';
import { createTipSession } from './tip-sessions.service.ts';
import { insertTip, lookupIdTaken } from './tips.repository.ts';
import type { TipInput } from './tips.schema.ts';

// A stranger sends a tip: no account, nothing about them kept. What they wrote is sealed with a
// fresh tip key; the key is wrapped to the organisation they chose and under the receipt code
// (Argon2id). The code itself is shown once (tip-sessions.service.ts takeReceiptCode) and then
// exists only on the sender's paper.

/** The organisations a sender may choose from. */
export const tipOrganisations = (deps: TipsDeps) => organisationChoiceList(deps.db);

const contentOf = (input: TipInput): TipContent => ({
  person: {
    surname: input.surname,
    given_name: input.given_name,
    patronymic: input.patronymic,
    birth_date: input.birth_date,
    region: input.region,
    unit_number: input.unit_number,
    unit_name: input.unit_name,
  },
  what_happened: input.what_happened,
  event_date: input.event_date,
  place: input.place,
  how_known: input.how_known,
});

export interface SentTip {
  tipId: string;
  /** the cookie of the sender's visit, holding the receipt code until the receipt page shows it */
  cookie: string;
}

/**
 * Stores a tip (and the file sent with it, already cleaned by the upload pipeline: no metadata,
 * sealed with the tip key, the upload as it came never kept) and opens the sender's visit.
 */
export const submitTip = async (
  deps: TipsDeps,
  input: TipInput,
  opts: { file?: CleanedFile | null; log?: { error(obj: object, msg: string): void } } = {},
): Promise<SentTip> => {
  const orgs = await listOrganisations(deps.db);
  if (!orgs.some((o) => o.id === input.organisation))
    throw new Invalid({ field: 'organisation', key: 'errors.unknownOption' });
  const tipId = randomUUID();
  const key = randomKey();
  const code = await freshReceiptCode((id) => lookupIdTaken(deps.db, id));
  const salt = newCodeSalt();
  const { verifier, kek } = await codeKeys(code, salt, deps.config.argon2);
  const content = contentOf(input);
  const today = orgDay(deps);
  // The tip and the visit that holds its receipt code commit together: no tip without its code.
  const cookie = await deps.db.transaction().execute(async (tx) => {
    // Read under the organisation's lock: a key rotation running now finishes first.
    const orgKey = await lockOrganisation(tx, input.organisation, 'share');
    if (opts.file) {
      const fileId = await storeFile(tx, {
        scope: tipFileScope(tipId),
        caseId: null,
        // The tip key, not the organisation's public key: the sender (through the code) and the
        // organisation (through its key) both open it, and a key rotation re-seals nothing here.
        sealing: { kind: 'symmetric', key },
        file: opts.file,
        keepOriginal: false,
        day: today,
      });
      content.files = [fileId];
    }
    await insertTip(tx, {
      id: tipId,
      organisation_id: input.organisation,
      lookup_id: lookupIdOf(code),
      code_salt: salt,
      code_verifier: verifier,
      key_code_sealed: wrapForCode(kek, tipId, key),
      key_org_sealed: wrapForOrganisation(orgKey, tipId, key),
      content_sealed: sealContent(key, tipId, content),
      links_sealed: null,
      state: 'new',
      close_reason: null,
      sender_wrote: 0,
      reply_unseen: 0,
      received_on: today,
      last_activity_on: today,
      closed_on: null,
    });
    return createTipSession(tx, { tipId, key, clock: deps.clock, receiptCode: code });
  });
  try {
    await scoreIncomingTip(deps, {
      tipId,
      organisationId: input.organisation,
      person: content.person,
      eventDate: content.event_date,
      place: content.place,
    });
  } catch (err) {
    // The tip is safe; only its scoring failed. The message names no content.
    opts.log?.error({ err: { type: err instanceof Error ? err.name : 'Error' } }, 'tip scoring failed');
  }
  return { tipId, cookie };
};

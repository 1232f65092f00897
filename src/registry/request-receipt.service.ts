import { Invalid, RateLimited } from '../shared/errors.ts';
import type { Argon2Params } from '../shared/crypto/index.ts';
import { lookupIdOf, normaliseReceiptCode, proveReceiptCode } from '../shared/crypto/receipt-code.ts';
import { clearFailures, isLocked, recordFailure, throttleKey } from '../accounts/throttle.service.ts';
import { openAnswer, openRequestKeyForCode } from './registry-keys.ts';
import { findRequestByLookup, listAdditions } from './registry-requests.repository.ts';
import { publicStateOf, type RequestPublicState } from './request-lifecycle.ts';
import type { RequestsDeps } from './requests.service.ts';

// A relative comes back with the receipt code of their request: its state and the staff's
// answer, nothing else (not what they wrote: that is sealed to the organisation alone), and a
// form to add to it (request-addition.service.ts). No session: the page is the answer to the
// form. Guessing is slowed and locked as for a tip's code (src/tips/tip-sender.service.ts): one
// Argon2id run per try, whether or not the lookup id exists, a per-minute limit on the form, and
// five wrong codes lock the lookup id for 15 minutes. A wrong code and a missing request get the
// same words.

export type CodeDeps = RequestsDeps & { config: { argon2: Argon2Params } };

export interface RequestStatus {
  kind: 'withdraw' | 'correct';
  createdOn: string;
  state: RequestPublicState;
  answer: string | null;
  answeredOn: string | null;
  /** the days the relative added to it (what they added is sealed to the organisation alone) */
  addedOn: string[];
}

type FoundRequest = NonNullable<Awaited<ReturnType<typeof findRequestByLookup>>>;

/** A request its code was proved for: the row, the request's key the code unwrapped, and the code (normalised). */
export interface OpenedRequest {
  row: FoundRequest;
  key: Buffer;
  code: string;
}

/** The request a typed code opens, or Invalid (format, wrong or missing) / RateLimited (locked). */
export const openRequestByCode = async (deps: CodeDeps, typed: string): Promise<OpenedRequest> => {
  const code = normaliseReceiptCode(typed);
  if (!code) throw new Invalid({ field: 'code', key: 'registry.errors.codeFormat' });
  const throttle = throttleKey('request_receipt', lookupIdOf(code));
  if (await isLocked(deps.db, throttle, deps.clock)) throw new RateLimited('request_receipt');
  const row = await findRequestByLookup(deps.db, lookupIdOf(code));
  // A request sent before receipt codes has none to prove: it costs the same work and fails.
  const proof =
    row?.code_salt && row.code_verifier ? { code_salt: row.code_salt, code_verifier: row.code_verifier } : undefined;
  const kek = await proveReceiptCode(code, proof, deps.config.argon2);
  if (!row || !kek || !row.key_code_sealed) {
    await recordFailure(deps.db, throttle, deps.clock);
    throw new Invalid({ field: 'code', key: 'registry.errors.badCode' });
  }
  await clearFailures(deps.db, throttle);
  return { row, key: openRequestKeyForCode(kek, row.id, row.key_code_sealed), code };
};

/** What the relative reads of a request their code opened. */
export const requestStatusOf = async (deps: RequestsDeps, { row, key }: OpenedRequest): Promise<RequestStatus> => ({
  kind: row.kind,
  createdOn: row.created_on,
  state: publicStateOf(row.state, row.outcome),
  answer: row.answer_sealed ? openAnswer(key, row.id, row.answer_sealed) : null,
  answeredOn: row.answered_on,
  addedOn: (await listAdditions(deps.db, row.id)).map((a) => a.created_on),
});

export const requestStatusByCode = async (deps: CodeDeps, typed: string): Promise<RequestStatus> =>
  requestStatusOf(deps, await openRequestByCode(deps, typed));

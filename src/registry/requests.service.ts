import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { isoNow, orgDay, type Clock } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { randomKey, type Argon2Params } from '../shared/crypto/index.ts';
import { codeKeys, freshReceiptCode, lookupIdOf, newCodeSalt } from '../shared/crypto/receipt-code.ts';
import { lockOrganisation, organisationPrivateKey } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Principal } from '../policy/principal.ts';
import { grantPublicRecord, type RegistryGrant } from '../policy/registry.policy.ts';
import {
  openRequestBody,
  sealRequestBody,
  wrapRequestKeyForCode,
  wrapRequestKeyForOrganisation,
} from './registry-keys.ts';
import type { RequestInput } from './registry.schema.ts';
import { findRecord } from './registry.repository.ts';
import {
  countNewRequests,
  findRequest,
  insertRequest,
  listRequests,
  requestLookupTaken,
  updateRequestIfIn,
} from './registry-requests.repository.ts';
import { isRecordId } from './publication.service.ts';
import { OPEN_REQUEST_STATES, requestTransition, type RequestOutcome, type RequestState } from './request-lifecycle.ts';

// Relatives who want a published record withdrawn or corrected, without an account. What they
// write (and how to reach them, if they say) is sealed at once to the organisation that published
// the record; the server keeps the kind, the record and the day, nothing about the sender (no IP,
// no user agent: none reaches this code). The organisation's verifiers read the queue. The
// relative gets a receipt code, shown once and kept only as an Argon2id verifier (as a tip's, see
// src/shared/crypto/receipt-code.ts), with which they read the state and the staff's answer
// (request-receipt.service.ts) without leaving any contact.

export interface RequestsDeps {
  db: Db;
  clock: Clock;
  /** TIME_ZONE: a request is dated by the organisation's day, as everything a family sends is */
  config?: { timeZone?: string };
}

/** Sending needs the receipt code's Argon2id cost (the deployment's passphrase cost). */
export type SubmitDeps = RequestsDeps & { config: { timeZone?: string; argon2: Argon2Params } };

/** A relative's request about a published record (the public form); returns its receipt code, to show once. */
export const submitRequest = async (
  deps: SubmitDeps,
  principal: Principal,
  recordId: string,
  input: RequestInput,
): Promise<string> => {
  const record = grantPublicRecord(principal, isRecordId(recordId) ? await findRecord(deps.db, recordId) : undefined);
  const id = randomUUID();
  const key = randomKey();
  const code = await freshReceiptCode((lookupId) => requestLookupTaken(deps.db, lookupId));
  const salt = newCodeSalt();
  const { verifier, kek } = await codeKeys(code, salt, deps.config.argon2);
  await deps.db.transaction().execute(async (tx) => {
    // Under the organisation's lock: a key rotation running now finishes first (like opening a case).
    const orgKey = await lockOrganisation(tx, record.organisation_id, 'share');
    await insertRequest(tx, {
      id,
      record_id: record.id,
      organisation_id: record.organisation_id,
      kind: input.kind,
      body_sealed: sealRequestBody(orgKey, id, { message: input.message, contact: input.contact ?? null }),
      // The relative's day, on the organisation's calendar (shared/clock.ts orgDay), as the staff
      // queue shows it beside its own days; before 03:00 in Moscow the UTC day was the day before.
      created_on: orgDay(deps),
      state: 'new',
      handled_by: null,
      handled_at: null,
      lookup_id: lookupIdOf(code),
      code_salt: salt,
      code_verifier: verifier,
      key_code_sealed: wrapRequestKeyForCode(kek, id, key),
      key_org_sealed: wrapRequestKeyForOrganisation(orgKey, id, key),
      outcome: null,
      answer_sealed: null,
      answered_on: null,
      relative_wrote: 0,
    });
  });
  return code;
};

export interface RequestView {
  id: string;
  recordId: string;
  kind: 'withdraw' | 'correct';
  message: string;
  contact: string | null;
  createdOn: string;
  state: RequestState;
  outcome: RequestOutcome | null;
  handledAt: string | null;
  answeredOn: string | null;
  /** the relative added words with the code that staff have not opened yet */
  relativeWrote: boolean;
  /** how many times the relative added to the request */
  additions: number;
}

/** The organisation's open (new or in review) or handled requests, opened with its key (the staff member's session holds it). Audited. */
export const requestsOfOrganisation = async (
  deps: RequestsDeps,
  grant: RegistryGrant<'read_requests'>,
  which: 'new' | 'done',
): Promise<RequestView[]> => {
  const rows = await listRequests(deps.db, grant.organisationId, which === 'new' ? OPEN_REQUEST_STATES : ['done']);
  const key = rows.length > 0 ? await organisationPrivateKey(deps.db, grant.auth, grant.organisationId) : null;
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'registry.requests_read',
      at: isoNow(deps.clock),
    }),
  );
  return rows.map((r) => {
    const body = openRequestBody<{ message: string; contact: string | null }>(key!, r.id, r.body_sealed);
    return {
      id: r.id,
      recordId: r.record_id,
      kind: r.kind,
      message: body.message,
      contact: body.contact,
      createdOn: r.created_on,
      state: r.state,
      outcome: r.outcome,
      handledAt: r.handled_at,
      answeredOn: r.answered_on,
      relativeWrote: r.relative_wrote === 1,
      additions: Number(r.additions ?? 0),
    };
  });
};

export const newRequestCount = (db: Db, organisationId: string): Promise<number> =>
  countNewRequests(db, organisationId);

/** The organisation a request was sent to (for the policy), or undefined. */
export const requestOrganisation = async (db: Db, requestId: string): Promise<string | undefined> =>
  isRecordId(requestId) ? (await findRequest(db, requestId))?.organisation_id : undefined;

/** A verifier marks a request handled (after correcting or withdrawing the record, or deciding not to). */
export const closeRequest = async (
  deps: RequestsDeps,
  grant: RegistryGrant<'handle_request'>,
  requestId: string,
): Promise<void> =>
  deps.db.transaction().execute(async (tx) => {
    const row = await findRequest(tx, requestId);
    if (!row || row.organisation_id !== grant.organisationId)
      throw new Invalid({ field: '_form', key: 'errors.notFound' });
    const { to, from } = requestTransition(row.state, 'close');
    const patch = { state: to, handled_by: grant.auth.userId, handled_at: isoNow(deps.clock) };
    if (!(await updateRequestIfIn(tx, requestId, from, patch)))
      throw new Invalid({ field: '_form', key: 'registry.errors.stateChanged' });
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'registry.request_closed',
      subjectId: requestId,
      at: isoNow(deps.clock),
    });
  });

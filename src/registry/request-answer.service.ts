import { isoNow, orgDay } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { RegistryGrant } from '../policy/registry.policy.ts';
import { isUuid } from '../shared/ids.ts';
import {
  openAddition,
  openAnswer,
  openRequestBody,
  openRequestKeyForOrganisation,
  sealAnswer,
} from './registry-keys.ts';
import type { RequestAnswerInput } from './registry.schema.ts';
import {
  clearRelativeWrote,
  findRequestSealed,
  listAdditions,
  updateRequestIfIn,
} from './registry-requests.repository.ts';
import { requestTransition, stepOf } from './request-lifecycle.ts';
import type { RequestsDeps, RequestView } from './requests.service.ts';

// One relative's request on its staff page: what they wrote, and the staff's decision (in review,
// removed, corrected, refused) with an answer the relative reads with their receipt code
// (request-receipt.service.ts). The answer is sealed with the request's own key, which staff open
// through the organisation's key; a request sent before receipt codes has no such key, and no
// answer can be left on it (nobody could read it). What the relative added later with the code
// follows what they first wrote, in the order it came; opening the page marks it read.

/** A request as the list shows it (RequestView), with the answer the relative reads. */
export interface RequestDetail extends RequestView {
  /** the relative can read an answer (the request has a receipt code) */
  answerable: boolean;
  answer: string | null;
  /** what the relative added with the code, oldest first */
  added: Array<{ id: string; message: string; createdOn: string }>;
}

const sealedOf = async (deps: RequestsDeps, organisationId: string, requestId: string) => {
  const row = isUuid(requestId) ? await findRequestSealed(deps.db, requestId) : undefined;
  if (!row || row.organisation_id !== organisationId) throw new NotFound('request');
  return row;
};

/** One request, opened with the organisation's key. Audited like the list. */
export const requestDetail = async (
  deps: RequestsDeps,
  grant: RegistryGrant<'read_requests'>,
  requestId: string,
): Promise<RequestDetail> => {
  const row = await sealedOf(deps, grant.organisationId, requestId);
  const orgKey = await organisationPrivateKey(deps.db, grant.auth, grant.organisationId);
  const additions = await listAdditions(deps.db, row.id);
  await deps.db.transaction().execute(async (tx) => {
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'registry.request_read',
      subjectId: row.id,
      at: isoNow(deps.clock),
    });
    if (row.relative_wrote === 1) await clearRelativeWrote(tx, row.id);
  });
  const body = openRequestBody<{ message: string; contact: string | null }>(orgKey, row.id, row.body_sealed);
  const key = row.key_org_sealed ? openRequestKeyForOrganisation(orgKey, row.id, row.key_org_sealed) : null;
  return {
    id: row.id,
    recordId: row.record_id,
    kind: row.kind,
    message: body.message,
    contact: body.contact,
    createdOn: row.created_on,
    state: row.state,
    outcome: row.outcome,
    handledAt: row.handled_at,
    answerable: key !== null,
    answer: key && row.answer_sealed ? openAnswer(key, row.id, row.answer_sealed) : null,
    answeredOn: row.answered_on,
    // As staff open the page: the list marked it, and the page shows what was new.
    relativeWrote: row.relative_wrote === 1,
    additions: additions.length,
    added: additions.map((a) => ({
      id: a.id,
      message: openAddition(orgKey, row.id, a.id, a.body_sealed),
      createdOn: a.created_on,
    })),
  };
};

/**
 * Staff decide (take the request up, or say it was removed, corrected or refused) and write what
 * the relative reads with their code. An empty answer leaves the earlier one as it was.
 */
export const answerRequest = async (
  deps: RequestsDeps,
  grant: RegistryGrant<'handle_request'>,
  requestId: string,
  input: RequestAnswerInput,
): Promise<void> => {
  const row = await sealedOf(deps, grant.organisationId, requestId);
  if (input.answer && !row.key_org_sealed) throw new Invalid({ field: '_form', key: 'registry.errors.noReceipt' });
  const orgKey =
    input.answer && row.key_org_sealed ? await organisationPrivateKey(deps.db, grant.auth, grant.organisationId) : null;
  const key = orgKey && row.key_org_sealed ? openRequestKeyForOrganisation(orgKey, row.id, row.key_org_sealed) : null;
  const previous = key && row.answer_sealed ? openAnswer(key, row.id, row.answer_sealed) : null;
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    const { to, from } = requestTransition(row.state, stepOf(input.decision));
    const decided = input.decision === 'in_review' ? null : input.decision;
    const patch = {
      state: to,
      outcome: decided,
      handled_by: grant.auth.userId,
      handled_at: to === 'done' ? now : null,
      // A new answer (the page shows the last one in the box: sent again unchanged, it keeps its day).
      ...(key && input.answer && input.answer !== previous
        ? { answer_sealed: sealAnswer(key, row.id, input.answer), answered_on: orgDay(deps) }
        : {}),
    };
    // Only from the state it was read in (one of `from`): a colleague's step taken meanwhile is not overwritten unseen.
    if (
      !(await updateRequestIfIn(
        tx,
        row.id,
        from.filter((s) => s === row.state),
        patch,
      ))
    )
      throw new Invalid({ field: '_form', key: 'registry.errors.stateChanged' });
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'registry.request_answered',
      subjectId: row.id,
      at: now,
    });
  });
};

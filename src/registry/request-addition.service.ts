import { randomUUID } from 'node:crypto';
import { orgDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { lockOrganisation } from '../accounts/accounts.service.ts';
import { sealAddition } from './registry-keys.ts';
import { findRequest, insertAddition, nextAdditionSeq, updateRequestIfIn } from './registry-requests.repository.ts';
import { requestTransition } from './request-lifecycle.ts';
import type { OpenedRequest } from './request-receipt.service.ts';
import type { RequestsDeps } from './requests.service.ts';

// The relative adds to their request with its receipt code (staff asked for a document or a
// question, or they remembered something), as a tip's sender adds to a tip
// (src/tips/tip-sender.service.ts addToTip): the words are sealed at once to the organisation, as
// the request's own are; the request goes back to the staff's queue as new, whatever its state,
// and is marked as holding words its staff have not opened. Only the day is kept in clear.

/** Adds `message` to a request its code opened (request-receipt.service.ts openRequestByCode). */
export const addToRequest = async (deps: RequestsDeps, opened: OpenedRequest, message: string): Promise<void> => {
  if (!message.trim()) throw new Invalid({ field: 'message', key: 'errors.required' });
  const requestId = opened.row.id;
  const id = randomUUID();
  const today = orgDay(deps);
  await deps.db.transaction().execute(async (tx) => {
    // Under the organisation's lock, as the request was sealed: a key rotation now finishes first.
    const orgKey = await lockOrganisation(tx, opened.row.organisation_id, 'share');
    const current = await findRequest(tx, requestId);
    if (!current) throw new Invalid({ field: '_form', key: 'registry.errors.badCode' });
    const { to, from } = requestTransition(current.state, 'relative_added');
    // Reopened: what staff decided before is decided again (the answer stays for the relative to read).
    const patch = { state: to, outcome: null, handled_by: null, handled_at: null, relative_wrote: 1 };
    if (!(await updateRequestIfIn(tx, requestId, from, patch)))
      throw new Invalid({ field: '_form', key: 'registry.errors.stateChanged' });
    await insertAddition(tx, {
      id,
      request_id: requestId,
      seq: await nextAdditionSeq(tx, requestId),
      body_sealed: sealAddition(orgKey, requestId, id, message),
      created_on: today,
    });
  });
};

import { orgDay } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { addEvent } from '../cases/events.service.ts';
import { caseNamesIn, matchCasesUnaudited, type QueueRow } from '../cases/queue.service.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { TipAccess } from './tip-access.service.ts';
import type { TipsDeps } from './tip-deps.ts';
import { openLinks, sealLinks, type TipContent } from './tip-keys.ts';
import { findTip, findTipRef } from './tips.repository.ts';
import type { AttachTipInput } from './tips.schema.ts';
import { auditTip, stepTip } from './tip-staff.service.ts';
import { isOpenTip, tipRefusal } from './tip-lifecycle.ts';

// A caseworker puts what a tip says into a person's case as a "reported" event, through the
// cases services (the case's own policy decides, the event is sealed with the case key, the
// family is told there is news). The caseworker chooses the words: the form starts from the
// sender's text and says to remove anything that could identify the sender, since the family
// reads the event. Which case a tip went into is kept sealed with the tip key, for staff only.

const CASE_ID_RE = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/;

/** A case id typed or pasted as a link (…/cases/<id>), or undefined. */
export const caseIdFrom = (ref: string | undefined): string | undefined =>
  ref ? CASE_ID_RE.exec(ref)?.[1] : undefined;

/** What a tip's page searches the cases for: the name the sender wrote ('' when none). */
export const caseQueryOf = (content: TipContent): string =>
  [content.person.surname, content.person.given_name].filter(Boolean).join(' ');

/**
 * The organisation's cases whose person bears the name the sender wrote. Not audited as a search
 * of its own: the staff member typed nothing, the tip's page asked. Its only caller, the staff
 * read of the tip (tip-view.service.ts), records one entry that says the matches were shown.
 */
export const caseCandidates = async (
  deps: TipsDeps,
  principal: Principal,
  content: TipContent,
): Promise<QueueRow[]> => {
  const q = caseQueryOf(content);
  if (!q) return [];
  const page = await matchCasesUnaudited(deps, grantQueue(principal), q, { size: 10 });
  return page.rows;
};

/** The person's name of each case a tip went into, for its page (a case of another organisation, or gone, has none). */
export const linkedCaseNames = (
  deps: TipsDeps,
  principal: Principal,
  caseIds: string[],
): Promise<Map<string, string>> => caseNamesIn(deps.db, grantQueue(principal), caseIds);

export const attachTipToCase = async (
  deps: TipsDeps,
  access: TipAccess<'attach'>,
  principal: Principal,
  input: AttachTipInput,
): Promise<{ caseId: string; eventId: string }> => {
  const current = await findTipRef(deps.db, access.grant.tipId);
  if (!current || !isOpenTip(current.state)) throw tipRefusal('staff_worked');
  // A link pasted (cut short on a phone, or another page's) is said under the link, not the list.
  if (input.case_link && !caseIdFrom(input.case_link))
    throw new Invalid({ field: 'case_link', key: 'tips.errors.notCaseLink' });
  const field = input.case_link ? 'case_link' : 'case_ref';
  const caseId = caseIdFrom(input.case_link) ?? caseIdFrom(input.case_ref);
  if (!caseId) throw new Invalid({ field: 'case_ref', key: 'tips.errors.chooseCase' });
  let caseGrant: Awaited<ReturnType<typeof authoriseCase<'add_event'>>>;
  try {
    caseGrant = await authoriseCase(deps.db, principal, caseId, 'add_event');
  } catch (err) {
    // A case this staff member may not add to looks exactly like one that does not exist.
    if (err instanceof NotFound) throw new Invalid({ field, key: 'tips.errors.noSuchCase' });
    throw err;
  }
  if (caseGrant.side !== 'staff' || caseGrant.organisationId !== access.grant.organisationId)
    throw new Invalid({ field, key: 'tips.errors.noSuchCase' });
  // A tip often contradicts the record — seen alive after an official death is exactly what one
  // is sent for. A reported event is never a grave change, so the only stop would be a date
  // warning: it is accepted, and the contradiction stays open on the case (a death then reads
  // "disputed") until a verifier resolves it with a reason.
  const { eventId } = await addEvent(
    deps,
    caseGrant,
    {
      kind: input.kind,
      date: input.date,
      place: input.place,
      description: input.description,
      source: 'tip',
      verification: 'reported',
    },
    { acceptWarnings: true },
  );
  const { grant, key } = access;
  await deps.db.transaction().execute(async (tx) => {
    const row = await findTip(tx, grant.tipId);
    if (!row) throw new NotFound('tip');
    const links = [...openLinks(key, grant.tipId, row.links_sealed), { caseId, eventId, on: orgDay(deps) }];
    await stepTip(tx, grant, 'staff_worked', {
      links_sealed: sealLinks(key, grant.tipId, links),
      last_activity_on: orgDay(deps),
    });
    await auditTip(tx, deps, grant, 'tip.attached', caseId);
  });
  return { caseId, eventId };
};

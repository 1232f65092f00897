import { createHash, randomUUID } from 'node:crypto';
import { orgDay } from '../shared/clock.ts';
import { Conflict, Invalid } from '../shared/errors.ts';
import { seal, sealOptional } from '../shared/crypto/index.ts';
import type { Queryable, Tx } from '../db/database.ts';
import { getPerson, personRevisions, updatePerson, type PersonRevisionView } from '../people/people.service.ts';
import { mayAlso, type CaseGrant } from '../policy/case.policy.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import type { CasesDeps } from './case-deps.ts';
import { isActive } from './case-lifecycle.ts';
import type { EditCaseInput } from './cases.schema.ts';
import {
  findCaseRef,
  findCaseStorySeal,
  insertEvent,
  setLastContactCleared,
  updateOpenCaseStory,
} from './cases.repository.ts';
import { postNewsFor } from './case-news.service.ts';
import { familyLastContact, nextReportSeq } from './last-contact.ts';
import type { TimelineEvent } from './timeline.ts';
import { actedAt, auditCase, endCase } from './case-work.service.ts';
import { readTimeline } from './case-timeline.service.ts';
import { refreshRecordStatus } from './case-links.service.ts';
import { NeedsCheck, checkBirthChange, unacknowledged } from './verification-lifecycle.ts';

// A family correcting a typo, and a family withdrawing her request. Both only while the case
// is open: a closed case is a record (and on its way to deletion), not a draft.

const closedError = () => new Invalid({ field: '_form', key: 'cases.errors.closed' });

/**
 * Corrects the person's details and the family's account. The person's replaced clear values
 * go to person_revisions (people.updatePerson); the account is re-sealed with the case key.
 * The audit entry says that the case was edited, never what.
 *
 * The requester (the policy's correct_last_contact) also corrects when and how she last heard
 * from him. The means is sealed like the rest of her account. A new date goes on the timeline
 * as a new last-contact event of hers, as if she had added it: the earlier one stays (events are
 * never rewritten: a verifier may have checked it, and a contradiction is kept as a discrepancy,
 * not erased), shown as corrected, and the new one is the current one even when its date is
 * earlier (last-contact.ts: her reports are numbered in the order she gave them). Clearing the
 * date is her report too, «I don't know the date», numbered among hers: her dated reports stay on
 * the timeline, shown as corrected, and no page, status or letter gives a date until she gives
 * one again (docs/status-rules.md, rule 8).
 */
export const editCase = async (
  deps: CasesDeps,
  grant: CaseGrant<'edit'>,
  input: EditCaseInput,
  /** the date warnings seen on the form and sent again (warningSignature()s) */
  acknowledged: readonly string[] = [],
  /** editVersion() of what the form was opened on; none from an older page */
  seen?: string,
): Promise<void> => {
  const key = await openCaseKey(deps.db, grant);
  const id = grant.caseId;
  await deps.db.transaction().execute(async (tx) => {
    const before = await findCaseStorySeal(tx, id);
    if (!before) throw closedError();
    // The form sends back every field as it was loaded: saved over someone else's correction
    // made since, it would silently put the old values back.
    if (seen !== undefined && seen !== (await versionIn(tx, id, grant.personId))) throw changedError();
    // The story first: its update is conditional on the case being open and still as read (a
    // save at the same moment seals it afresh) and, on PostgreSQL, locks the row so a close or
    // another edit at the same moment waits for this edit (then finds the story changed).
    const contact = input.with_last_contact === '1' && mayAlso(grant, 'correct_last_contact');
    const newDate = contact ? (input.last_contact_date ?? null) : undefined;
    const open = await updateOpenCaseStory(
      tx,
      id,
      {
        relation_sealed: seal(key, input.relation, fieldAad(id, 'relation')),
        narrative_sealed: seal(key, input.narrative, fieldAad(id, 'narrative')),
        wants_sealed: seal(key, input.wants_to_learn, fieldAad(id, 'wants_to_learn')),
        last_activity_on: orgDay(deps),
        ...(contact && {
          last_contact_date: newDate?.value ?? null,
          last_contact_precision: newDate?.precision ?? null,
          last_contact_means_sealed: sealOptional(key, input.last_contact_means, fieldAad(id, 'last_contact_means')),
        }),
      },
      before.narrative_sealed,
    );
    if (!open) {
      const state = (await findCaseRef(tx, id))?.state;
      throw state !== undefined && isActive(state) ? changedError() : closedError();
    }
    const { events, context } = await readTimeline(tx, id);
    // Compared with her current report on the timeline (the one every page shows), not the column.
    const now = familyLastContact(events).current?.date;
    const moved = newDate && (newDate.value !== now?.value || newDate.precision !== now?.precision);
    // Emptied while she gave a date until now: her «I don't know the date» replaces it.
    const cleared = newDate === null && now !== undefined ? nextReportSeq(events) : undefined;
    const added: TimelineEvent | undefined = moved
      ? {
          id: randomUUID(),
          kind: 'last_contact',
          date: newDate,
          source: 'family',
          verification: 'reported',
          byFamily: true,
          reportSeq: nextReportSeq(events),
        }
      : undefined;
    // A date of birth, or a last contact, that makes an event impossible is flagged once before it is saved.
    const check = checkBirthChange(events, context, input.birth_date ?? null, added);
    if (unacknowledged(check, added?.id ?? '', acknowledged).length > 0) throw new NeedsCheck(check);
    const family = grant.side === 'family';
    const changed = await updatePerson(tx, grant.personId, input, {
      by: grant.side,
      userId: family ? null : grant.auth.userId,
      at: actedAt(deps, grant),
    });
    if (added) await addLastContact(tx, deps, grant, added);
    if (cleared !== undefined) await setLastContactCleared(tx, id, cleared);
    // A date of birth corrected can make a death impossible, or possible again: search's status follows.
    if (changed || added || cleared !== undefined) await refreshRecordStatus(tx, grant.personId);
    await auditCase(tx, deps, grant, 'case.edited');
  });
};

/** The corrected last contact on the timeline, as the family's own report (events.service.ts addEvent). */
const addLastContact = async (tx: Tx, deps: CasesDeps, grant: CaseGrant, e: TimelineEvent): Promise<void> => {
  await insertEvent(tx, {
    id: e.id,
    person_id: grant.personId,
    case_id: grant.caseId,
    kind: e.kind,
    event_date: e.date.value,
    date_precision: e.date.precision,
    place: null,
    description_sealed: null,
    source: e.source,
    verification: e.verification,
    added_by_family: 1,
    created_on: orgDay(deps),
    verified_by: null,
    verified_at: null,
    report_seq: e.reportSeq ?? null,
  });
  await postNewsFor(tx, grant.side, { caseId: grant.caseId, kind: 'event_added', refId: e.id, day: orgDay(deps) });
  await auditCase(tx, deps, grant, 'event.added');
};

/** Someone saved the case since the form was opened (the route shows the form again, kept). */
export const CHANGED_MEANWHILE = 'cases.edit.changedMeanwhile';
const changedError = () => new Conflict(CHANGED_MEANWHILE);

/**
 * What an edit form was opened on, as an opaque token for its hidden field: it changes with every
 * save (the story is sealed afresh each time, with a new nonce) and with any change to the
 * person's details. A hash, so the page carries no ciphertext.
 */
const versionIn = async (db: Queryable, caseId: string, personId: string): Promise<string> => {
  const story = await findCaseStorySeal(db, caseId);
  const person = await getPerson(db, personId);
  return createHash('sha256')
    .update(JSON.stringify([story ?? null, person ?? null]))
    .digest('base64url')
    .slice(0, 32);
};

export const editVersion = (deps: CasesDeps, grant: CaseGrant): Promise<string> =>
  versionIn(deps.db, grant.caseId, grant.personId);

/** Earlier versions of the person's details, for the edit page. */
export const caseRevisions = async (deps: CasesDeps, grant: CaseGrant): Promise<PersonRevisionView[]> =>
  personRevisions(deps.db, grant.personId);

/** Whether the case can still be edited or withdrawn (the pages say so instead of a form). */
export const caseIsOpen = async (deps: CasesDeps, grant: CaseGrant): Promise<boolean> => {
  const state = (await findCaseRef(deps.db, grant.caseId))?.state;
  return state !== undefined && isActive(state);
};

/**
 * The family withdraws her request: the case closes with reason "withdrawn", exactly as a
 * staff close would (so retention counts from today), recorded at day precision.
 */
export const withdrawCase = async (deps: CasesDeps, grant: CaseGrant<'withdraw'>): Promise<void> => {
  await endCase(deps, grant, 'withdraw', 'withdrawn', 'case.withdrawn');
};

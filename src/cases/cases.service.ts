import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import { orgDay, isoNow } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { openOptional, openText, randomKey, seal, sealOptional } from '../shared/crypto/index.ts';
import {
  listOrganisations,
  lockOrganisation,
  staffOfOrganisation,
  userPublicKey,
} from '../accounts/accounts.service.ts';
import { organisationChoiceList } from '../accounts/organisation-about.service.ts';
import { createPerson, fullName, getPerson, getPersons, type PersonView } from '../people/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { mayRemoveFile, type CaseAbilities, type CaseGrant } from '../policy/case.policy.ts';
import type { AuthContext } from '../policy/principal.ts';
import { worksCases } from '../policy/staff-roles.ts';
import type { PartialDate, Precision } from '../people/partial-date.ts';
import { abilitiesFor } from './case-access.service.ts';
import type { CasesDeps } from './case-deps.ts';
import { fieldAad, insertKeyWraps, openCaseKey } from './case-keys.ts';
import type { CaseState } from './case-lifecycle.ts';
import { auditCase } from './case-work.service.ts';
import type { OpenCaseInput } from './cases.schema.ts';
import {
  findCase,
  insertCase,
  insertEvent,
  listCasesOfRequester,
  listEventsOfCase,
  listPostsPage,
} from './cases.repository.ts';
import { deriveStatus, type StatusContext, type StatusSummary } from './status-rules.ts';
import { deletionDay } from './retention.service.ts';
import { refreshRecordStatus } from './case-links.service.ts';
import { noNews, takeNews, unseenNewsByCase, type CaseNews } from './case-news.service.ts';
import { judgedStatusesOf, readTimeline } from './case-timeline.service.ts';
import { familyLastContact } from './last-contact.ts';
import { caseFilesOf, type CaseFileView } from './case-files.service.ts';
import { discrepancyViews, raisesOf, type DiscrepancyView, type Raise, type Verdict } from './timeline-judgement.ts';
import { readVerificationRecord, type LevelChangeView } from './verification.service.ts';
import { NeedsCheck, checkChange, unacknowledged } from './verification-lifecycle.ts';
import type { EventKind, EventSource, TimelineEvent, Verification } from './timeline.ts';

// Opening and reading cases. The work on a case is in case-work.service.ts (assignment, notes,
// messages, closing) and events.service.ts (the timeline); the lifecycle in case-lifecycle.ts.

/** The organisations a family may choose from when opening a case. */
export const organisationChoices = (db: Db) => organisationChoiceList(db);

/**
 * A family member opens a tracing request. The person is created in clear; what the family
 * says (relation, narrative, what they want to learn, means of last contact) is sealed with a
 * fresh case key wrapped to the organisation and to the requester. The last contact becomes
 * the first timeline event so an official date of death can be checked against it.
 */
export const openCase = async (
  deps: CasesDeps,
  auth: AuthContext,
  input: OpenCaseInput,
  /** the date warnings seen on the form and sent again (warningSignature()s) */
  acknowledged: readonly string[] = [],
): Promise<{ caseId: string }> => {
  const orgs = await listOrganisations(deps.db);
  if (!orgs.some((o) => o.id === input.organisation))
    throw new Invalid({ field: 'organisation', key: 'errors.unknownOption' });
  const lastContactId = randomUUID();
  // A last contact before the date of birth is flagged once (a typo in either date, usually).
  if (input.last_contact_date) {
    const lastContact: TimelineEvent = {
      id: lastContactId,
      kind: 'last_contact',
      date: input.last_contact_date,
      source: 'family',
      verification: 'reported',
    };
    const check = checkChange([], [lastContact], lastContactId, { birth: input.birth_date ?? null });
    if (unacknowledged(check, lastContactId, acknowledged).length > 0) throw new NeedsCheck(check);
  }
  const userKey = await userPublicKey(deps.db, auth.userId);
  const caseId = randomUUID();
  const key = randomKey();
  const today = orgDay(deps);
  await deps.db.transaction().execute(async (tx) => {
    // Read under the organisation's lock: a key rotation running now finishes first, so the case
    // is sealed to the key that staff will hold afterwards (src/accounts/org-key-rotation.service.ts).
    const orgKey = await lockOrganisation(tx, input.organisation, 'share');
    const personId = await createPerson(tx, input, today, { organisationId: input.organisation });
    await insertCase(tx, {
      id: caseId,
      person_id: personId,
      organisation_id: input.organisation,
      requester_user_id: auth.userId,
      state: 'open',
      assigned_to: null,
      last_contact_date: input.last_contact_date?.value ?? null,
      last_contact_precision: input.last_contact_date?.precision ?? null,
      last_contact_means_sealed: sealOptional(key, input.last_contact_means, fieldAad(caseId, 'last_contact_means')),
      last_contact_cleared_seq: null,
      relation_sealed: seal(key, input.relation, fieldAad(caseId, 'relation')),
      narrative_sealed: seal(key, input.narrative, fieldAad(caseId, 'narrative')),
      wants_sealed: seal(key, input.wants_to_learn, fieldAad(caseId, 'wants_to_learn')),
      close_reason: null,
      close_note_sealed: null,
      opened_on: today,
      last_activity_on: today,
      closed_on: null,
      do_not_publish: 0,
    });
    await insertKeyWraps(tx, caseId, key, {
      organisation: { id: input.organisation, publicKey: orgKey },
      requester: { id: auth.userId, publicKey: userKey },
    });
    if (input.last_contact_date) {
      await insertEvent(tx, {
        id: lastContactId,
        person_id: personId,
        case_id: caseId,
        kind: 'last_contact',
        event_date: input.last_contact_date.value,
        date_precision: input.last_contact_date.precision,
        place: null,
        description_sealed: null,
        source: 'family',
        verification: 'reported',
        added_by_family: 1,
        created_on: today,
        verified_by: null,
        verified_at: null,
        // her first report of the last contact (last-contact.ts)
        report_seq: 1,
      });
      await refreshRecordStatus(tx, personId);
    }
    await recordAudit(tx, {
      actorUserId: auth.userId,
      actorRole: 'family',
      organisationId: input.organisation,
      action: 'case.opened',
      caseId,
      at: isoNow(deps.clock),
    });
  });
  return { caseId };
};

export interface EventView extends TimelineEvent {
  place: string | null;
  description: string | null;
  addedByFamily: boolean;
  createdOn: string;
  /** a verifier set this version aside when resolving a discrepancy: shown, not counted */
  setAside: boolean;
  /** the family's own last-contact report she corrected since (shown, not counted) */
  corrected: boolean;
  /** when corrected: the date she gives now; null when she gives none now (she cleared it) */
  correctedTo: PartialDate | null;
  /** staff only: every change of its level, with the reasons */
  history: LevelChangeView[];
  /** staff who may verify: the higher levels they may set, and which need the confirmation page */
  raises: Raise[];
}

export interface PostView {
  id: string;
  fromFamily: boolean;
  /** staff pseudonym; a family post shows no name */
  author: string | null;
  body: string;
  at: string;
}

export interface CaseView {
  id: string;
  /** what the viewer may do here, decided by the policy and the lifecycle (views only read it) */
  can: CaseAbilities;
  person: PersonView;
  state: CaseState;
  closeReason: string | null;
  /** the few words staff wrote when closing for «другое» */
  closeNote: string | null;
  openedOn: string;
  lastActivityOn: string;
  lastContact: { date: string | null; precision: Precision | null; means: string | null };
  /** files attached to the case on its own (case-files.service.ts), oldest first */
  /** with whether this viewer may remove each (mayRemoveFile, while the case is active) */
  files: Array<CaseFileView & { removable: boolean }>;
  relation: string;
  narrative: string;
  wantsToLearn: string;
  events: EventView[];
  status: StatusSummary;
  /** every discrepancy, open ones first, with the verdicts (reasons for staff only) */
  discrepancies: DiscrepancyView[];
  /** what the rules knew besides the events (date of birth, verdicts), for pages that preview a change */
  statusContext: StatusContext;
  /** the shown page of messages, oldest first (the newest page unless an older one was asked for) */
  messages: PostView[];
  /** staff only; always empty for the family; paged as messages */
  notes: PostView[];
  /** where the next older page of messages / notes starts (a `before` position), null on the oldest */
  olderMessages: number | null;
  olderNotes: number | null;
  /** whether an older page is shown (the page then offers the newest again) */
  pagedBack: { messages: boolean; notes: boolean; events: boolean };
  /** the events shown: view.events.slice(start, end) of `events` (all of them, for status and discrepancies) */
  timeline: { start: number; end: number };
  /** whether someone works the case (the family learns that, never who) */
  assigned: boolean;
  /** staff only: who works it */
  assignee: { id: string; pseudonym: string } | null;
  /** When what was told in the case is destroyed (docs/retention.md): the day for a closed case,
   * the day it would be if closed today for the close form. Null when the deps carry no setting. */
  retention: { days: number; deletesOn: string | null; ifClosedToday: string } | null;
  /** what is new for the viewer's side since their last visit (empty unless asked for) */
  news: CaseNews;
  /** staff only: who the case may be assigned to */
  assignable: Array<{ id: string; pseudonym: string }>;
  /** the viewer is among them (the page offers "take this case") */
  viewerAssignable: boolean;
}

/** A case page shows at most this many messages, notes and events at once (a flood stays small). */
export const CASE_PAGE_SIZE = 50;

/** One page of posts, oldest first, and where the next older page starts. */
const readPosts = async (
  tx: Tx,
  table: 'case_messages' | 'case_notes',
  caseId: string,
  key: Buffer,
  names: Map<string, string>,
  prefix: string,
  before?: number,
): Promise<{ posts: PostView[]; older: number | null }> => {
  const found = await listPostsPage(tx, table, caseId, CASE_PAGE_SIZE + 1, before);
  const page = found.slice(0, CASE_PAGE_SIZE).reverse();
  return {
    posts: page.map((p) => ({
      id: p.id,
      fromFamily: p.from_family === 1,
      author: p.from_family === 1 ? null : (names.get(p.author_user_id) ?? null),
      body: openText(key, p.body_sealed, fieldAad(caseId, `${prefix}:${p.id}`)),
      at: p.created_at,
    })),
    older: found.length > CASE_PAGE_SIZE ? page[0].seq : null,
  };
};

/** Which page of a case's messages, notes and timeline to show (the newest of each by default). */
export interface CasePageWindow {
  messagesBefore?: number;
  notesBefore?: number;
  /** show the events before this position of the timeline (oldest first) */
  eventsBefore?: number;
}

/** The deletion dates shown to the viewer (null closedOn: the case is open, only "if closed today"). */
export const retentionOf = (deps: CasesDeps, closedOn: string | null): CaseView['retention'] => {
  const days = deps.config?.retentionDays;
  if (!days) return null;
  return {
    days,
    deletesOn: closedOn && deletionDay(closedOn, days),
    ifClosedToday: deletionDay(orgDay(deps), days),
  };
};

/**
 * Everything the viewer may see of a case, decrypted with the viewer's own key. Staff notes
 * are never read for a family. Every staff read is audited in the same transaction.
 */
export const getCaseForViewer = async (
  deps: CasesDeps,
  grant: CaseGrant,
  opts: { takeNews?: boolean; window?: CasePageWindow } = {},
): Promise<CaseView> => {
  const win = opts.window ?? {};
  const key = await openCaseKey(deps.db, grant);
  const isStaff = grant.side === 'staff';
  const staff = isStaff ? await staffOfOrganisation(deps.db, grant.organisationId) : [];
  const names = new Map(staff.map((s) => [s.id, s.pseudonym]));
  return deps.db.transaction().execute(async (tx) => {
    const c = await findCase(tx, grant.caseId);
    const person = c && (await getPerson(tx, c.person_id));
    if (!c || !person) throw new Invalid({ field: '_form', key: 'errors.notFound' });
    const can = abilitiesFor(grant, c.state);
    const { context } = await readTimeline(tx, c.id);
    const record = isStaff ? await readVerificationRecord(tx, c.id, key, names) : { levels: [], resolutions: [] };
    // Every event's clear columns (status and discrepancies need them all); descriptions are
    // opened only for the events the page shows.
    const rows = await listEventsOfCase(tx, c.id);
    const end = Math.min(rows.length, Math.max(0, win.eventsBefore ?? rows.length));
    const start = Math.max(0, end - CASE_PAGE_SIZE);
    const timeline: TimelineEvent[] = rows.map((e) => ({
      id: e.id,
      kind: e.kind as EventKind,
      date: { value: e.event_date, precision: e.date_precision },
      source: e.source as EventSource,
      verification: e.verification as Verification,
      byFamily: e.added_by_family === 1,
      reportSeq: e.report_seq,
      clearedSeq: e.cleared_seq,
    }));
    // The family learns the verdict, not the reason or who gave it (a reason may name a source).
    const verdicts = new Map<string, Verdict>(
      isStaff
        ? record.resolutions.map((r) => [
            r.key,
            { setAsideEventId: r.setAsideEventId, at: r.at, reason: r.reason, by: r.by },
          ])
        : [],
    );
    for (const r of context.resolutions ?? [])
      if (!verdicts.has(r.key)) verdicts.set(r.key, { setAsideEventId: r.setAsideEventId, at: '' });
    const { discrepancies, setAside } = discrepancyViews(timeline, context, verdicts);
    const told = familyLastContact(timeline);
    const mayRaise = can.verify || can.confirm;
    const events: EventView[] = rows.map((e, i) => ({
      ...timeline[i],
      place: e.place,
      description:
        i >= start && i < end
          ? openOptional(key, e.description_sealed, fieldAad(c.id, `event:${e.id}:description`))
          : null,
      addedByFamily: e.added_by_family === 1,
      createdOn: e.created_on,
      setAside: setAside.has(e.id),
      corrected: told.corrected.has(e.id),
      correctedTo: told.corrected.get(e.id)?.date ?? null,
      history: record.levels.filter((l) => l.eventId === e.id),
      // A date she has corrected since sets nothing: there is nothing to verify in it.
      raises:
        mayRaise && !told.corrected.has(e.id) ? raisesOf(timeline, context, timeline[i], can.maxVerification) : [],
    }));
    const messages = await readPosts(tx, 'case_messages', c.id, key, names, 'message', win.messagesBefore);
    const notes = can.seeNotes
      ? await readPosts(tx, 'case_notes', c.id, key, names, 'note', win.notesBefore)
      : { posts: [], older: null };
    const assignable = staff.filter((s) => worksCases(s.role)).map((s) => ({ id: s.id, pseudonym: s.pseudonym }));
    const view: CaseView = {
      id: c.id,
      can,
      person,
      state: c.state,
      closeReason: c.close_reason,
      closeNote: openOptional(key, c.close_note_sealed, fieldAad(c.id, 'close_note')),
      openedOn: c.opened_on,
      lastActivityOn: c.last_activity_on,
      // The date as she gives it now (last-contact.ts), the one the status and her letters use.
      // How they were in touch was said with the date of her form (the case's columns); a later
      // last contact she added on the timeline says nothing of it, so the form's «by phone» is
      // not put beside it (she wrote 12.06 by Telegram and read «12.06.2025 (Phone call)»).
      lastContact: {
        date: told.current?.date.value ?? null,
        precision: told.current?.date.precision ?? null,
        means:
          told.current?.date.value === c.last_contact_date && told.current?.date.precision === c.last_contact_precision
            ? openOptional(key, c.last_contact_means_sealed, fieldAad(c.id, 'last_contact_means'))
            : null,
      },
      // Which of them this viewer may remove: the policy's answer per file (each side its own).
      files: (await caseFilesOf(tx, c.id, key, names)).map((f) => ({
        ...f,
        removable: can.removeFile && mayRemoveFile(grant, f),
      })),
      relation: openText(key, c.relation_sealed, fieldAad(c.id, 'relation')),
      narrative: openText(key, c.narrative_sealed, fieldAad(c.id, 'narrative')),
      wantsToLearn: openText(key, c.wants_sealed, fieldAad(c.id, 'wants_to_learn')),
      events,
      status: deriveStatus(timeline, context),
      discrepancies,
      statusContext: context,
      messages: messages.posts,
      notes: notes.posts,
      olderMessages: messages.older,
      olderNotes: notes.older,
      pagedBack: {
        messages: win.messagesBefore !== undefined,
        notes: win.notesBefore !== undefined,
        events: end < rows.length,
      },
      timeline: { start, end },
      assigned: c.assigned_to !== null,
      assignee:
        can.seeAssignee && c.assigned_to ? { id: c.assigned_to, pseudonym: names.get(c.assigned_to) ?? '' } : null,
      assignable,
      viewerAssignable: assignable.some((s) => s.id === grant.auth.userId),
      // Only the case page takes the news (and so counts it as seen), not the edit form.
      news: opts.takeNews ? await takeNews(tx, c.id, grant.side) : noNews(),
      retention: retentionOf(deps, c.closed_on),
    };
    if (isStaff) {
      await auditCase(tx, deps, grant, 'case.read');
    }
    return view;
  });
};

/** A family's own cases (names only: the person's name is not secret, the story is). */
export const casesOfFamily = async (db: Db, auth: AuthContext) => {
  const rows = await listCasesOfRequester(db, auth.userId);
  const persons = await getPersons(
    db,
    rows.map((r) => r.person_id),
  );
  const ids = rows.map((r) => r.id);
  const statuses = await judgedStatusesOf(db, ids);
  const news = await unseenNewsByCase(db, ids, 'family');
  return rows.map((r) => {
    const p = persons.get(r.person_id);
    return {
      id: r.id,
      state: r.state,
      openedOn: r.opened_on,
      lastActivityOn: r.last_activity_on,
      status: statuses.get(r.id)?.status ?? 'unknown',
      pending: statuses.get(r.id)?.pending ?? null,
      news: news.get(r.id) ?? 0,
      name: p ? fullName(p) : '',
    };
  });
};

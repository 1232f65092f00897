import { isoNow, orgDay } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import type { Queryable } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { fullName } from '../people/people.service.ts';
import { clusterOf, clusterSizes, getRecords, type RecordView } from '../people/person-records.service.ts';
import { casesOfRecords, eventsOfRecords, type RecordEvent } from '../cases/case-links.service.ts';
import { sourcesOfRecords, type RecordSource } from '../imports/import-sources.service.ts';
import { grantMatchingObject, type MatchingGrant } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { Contribution } from './engine-adapter.ts';
import { mergeRecords, unmerge } from './clusters.service.ts';
import {
  countCandidates,
  decideCandidate,
  findCandidate,
  listCandidates,
  lockCandidateRow,
  setCandidateMerge,
  uncountLabel,
  type CandidateCursor,
  type CandidateRow,
} from './matching.repository.ts';
import type { CandidateState } from './matching.table.ts';
import type { MatchingDeps } from './scoring.service.ts';

// The review queue: pairs the engine found at or above the review threshold, both records side
// by side with what each field added, and three decisions — the same person (merge), different
// (remembered: the pair is never suggested again), unsure (left for a verifier). Every decision
// is audited and later handed to the engine as a label (scoring.service.ts). A decision can be
// undone: the pair goes back where it waited, and its label is withdrawn before it is learned.

export const QUEUE_FILTERS = ['pending', 'unsure', 'decided'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export const DECISIONS = ['same', 'different', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];

const STATES: Record<QueueFilter, readonly CandidateState[]> = {
  pending: ['pending'],
  unsure: ['unsure'],
  decided: ['same', 'different'],
};

/** One side of a pair, or a member of a cluster: the record's clear fields and where it came from. */
export interface RecordCard {
  record: RecordView;
  name: string;
  caseId: string | null;
  caseActive: boolean;
  source: RecordSource | null;
  cluster: string;
  clusterSize: number;
  events: RecordEvent[];
}

export const recordCards = async (db: Queryable, records: RecordView[]): Promise<RecordCard[]> => {
  const ids = records.map((r) => r.id);
  const cases = new Map((await casesOfRecords(db, ids)).map((c) => [c.personId, c]));
  const sources = await sourcesOfRecords(db, ids);
  const sizes = await clusterSizes(db, [...new Set(records.map(clusterOf))]);
  const events = await eventsOfRecords(db, ids);
  return records.map((r) => ({
    record: r,
    name: fullName(r),
    caseId: cases.get(r.id)?.caseId ?? null,
    caseActive: cases.get(r.id)?.active ?? false,
    source: sources.get(r.id) ?? null,
    cluster: clusterOf(r),
    clusterSize: sizes.get(clusterOf(r)) ?? 1,
    events: events.filter((e) => e.personId === r.id),
  }));
};

/** Who took a pair's decision and when; `by` is null when that account is gone or disabled. */
export interface DecisionMark {
  by: string | null;
  at: string;
}

export interface CandidateSummary {
  id: string;
  probability: number;
  state: CandidateState;
  origin: string;
  left: RecordCard;
  right: RecordCard;
  /** set on a pair decided "same" or "different" */
  decided: DecisionMark | null;
  /** the merge a "same" made; undoing the decision undoes it */
  mergeId: string | null;
}

export interface CandidatePage {
  rows: CandidateSummary[];
  next: string | null;
  counts: Record<QueueFilter, number>;
}

export const parseCandidateCursor = (v: string | undefined): CandidateCursor | undefined => {
  const m = v === undefined ? null : /^(0(?:\.\d+)?|1)~([0-9a-f-]{36})$/.exec(v);
  return m ? { probability: Number(m[1]), id: m[2] } : undefined;
};

/** Staff pseudonyms of the organisation, to say who decided (never a family: only staff decide). */
export const staffNames = async (db: Queryable, organisationId: string): Promise<Map<string, string>> =>
  new Map((await staffOfOrganisation(db, organisationId)).map((s) => [s.id, s.pseudonym]));

export const decisionMark = (
  row: Pick<CandidateRow, 'state' | 'decided_by' | 'decided_at'>,
  names: Map<string, string>,
): DecisionMark | null =>
  (row.state === 'same' || row.state === 'different') && row.decided_at
    ? { by: (row.decided_by && names.get(row.decided_by)) || null, at: row.decided_at }
    : null;

const summaries = async (db: Queryable, rows: CandidateRow[]): Promise<CandidateSummary[]> => {
  const decided = rows.some((r) => r.decided_by);
  const names = decided && rows[0] ? await staffNames(db, rows[0].organisation_id) : new Map<string, string>();
  const records = await getRecords(
    db,
    rows.flatMap((r) => [r.left_person_id, r.right_person_id]),
  );
  const cards = new Map((await recordCards(db, [...records.values()])).map((c) => [c.record.id, c]));
  return rows.flatMap((r) => {
    const left = cards.get(r.left_person_id);
    const right = cards.get(r.right_person_id);
    return left && right
      ? [
          {
            id: r.id,
            probability: r.probability,
            state: r.state,
            origin: r.origin,
            left,
            right,
            decided: decisionMark(r, names),
            mergeId: r.merge_id,
          },
        ]
      : [];
  });
};

export const PAGE_SIZE = 25;

export const reviewQueue = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'review'>,
  filter: QueueFilter,
  after?: string,
): Promise<CandidatePage> => {
  const rows = await listCandidates(
    deps.db,
    grant.organisationId,
    STATES[filter],
    PAGE_SIZE + 1,
    parseCandidateCursor(after),
  );
  const shown = rows.slice(0, PAGE_SIZE);
  const last = shown[shown.length - 1];
  return {
    rows: await summaries(deps.db, shown),
    next: rows.length > PAGE_SIZE && last ? `${last.probability}~${last.id}` : null,
    counts: {
      pending: await countCandidates(deps.db, grant.organisationId, 'pending'),
      unsure: await countCandidates(deps.db, grant.organisationId, 'unsure'),
      decided:
        (await countCandidates(deps.db, grant.organisationId, 'same')) +
        (await countCandidates(deps.db, grant.organisationId, 'different')),
    },
  };
};

export interface CandidateView extends CandidateSummary {
  explain: Contribution[];
  createdAt: string;
  /** the pair went through "unsure": undoing its decision hands it back to a verifier */
  wasUnsure: boolean;
  /** the decision was handed to the engine already: a "same" stays in what the model learned */
  labelLearned: boolean;
}

/** The grant to look at a pair, or NotFound (another organisation's pair looks missing). */
export const authoriseCandidate = async (db: Queryable, principal: Principal, id: string) =>
  grantMatchingObject(principal, (await findCandidate(db, id))?.organisation_id, 'review');

export const candidateView = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'review'>,
  id: string,
): Promise<CandidateView> => {
  const c = await findCandidate(deps.db, id);
  if (!c || c.organisation_id !== grant.organisationId) throw new NotFound('candidate');
  const [summary] = await summaries(deps.db, [c]);
  if (!summary) throw new NotFound('candidate');
  return {
    ...summary,
    explain: JSON.parse(c.explain) as Contribution[],
    createdAt: c.created_at,
    wasUnsure: c.unsure_by !== null,
    labelLearned: Number(c.learned) === 1,
  };
};

/**
 * The grant a decision on this pair needs: a pair someone was unsure about takes a verifier;
 * anything else any case staff member.
 */
export const authoriseDecision = async (db: Queryable, principal: Principal, id: string, _decision: Decision) => {
  const c = await findCandidate(db, id);
  const action = c?.state === 'unsure' ? 'decide_unsure' : 'decide';
  return grantMatchingObject(principal, c?.organisation_id, action);
};

/**
 * The grant to undo a pair's decision: any case staff member, as for undoing a merge. It never
 * lets a caseworker past a verifier: the pair goes back to the state it was decided from, and one
 * that went through "unsure" waits for a verifier again (backTo).
 */
export const authoriseUndoDecision = async (db: Queryable, principal: Principal, id: string) =>
  grantMatchingObject(principal, (await findCandidate(db, id))?.organisation_id, 'undo');

const FROM: Record<Decision, readonly CandidateState[]> = {
  same: ['pending', 'unsure'],
  different: ['pending', 'unsure'],
  unsure: ['pending'],
};

/** Where an undone decision leaves its pair: where it waited when it was decided. */
const backTo = (c: Pick<CandidateRow, 'unsure_by'>): CandidateState => (c.unsure_by ? 'unsure' : 'pending');

const auditEach = async (
  tx: Queryable,
  grant: MatchingGrant,
  action: 'match.decided' | 'match.merged' | 'match.undone' | 'match.decision_undone',
  caseIds: string[],
  at: string,
  subjectId?: string,
) => {
  // One entry per case the pair touches (the organisation admin sees who worked on which case);
  // one without a case when neither record is a case's.
  for (const caseId of caseIds.length ? caseIds : [null])
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action,
      caseId,
      subjectId: subjectId ?? null,
      at,
    });
};

/** A decision on a pair; "same" merges the two records' clusters. Returns the merge, if any. */
export const decide = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'decide' | 'decide_unsure'>,
  id: string,
  decision: Decision,
): Promise<{ mergeId: string | null; told: number }> => {
  if (!DECISIONS.includes(decision)) throw new Invalid({ field: 'decision', key: 'errors.unknownOption' });
  const at = isoNow(deps.clock);
  return deps.db.transaction().execute(async (tx) => {
    const c = await findCandidate(tx, id);
    if (!c || c.organisation_id !== grant.organisationId) throw new NotFound('candidate');
    if (c.state === 'unsure' && grant.action !== 'decide_unsure') throw new NotFound('candidate');
    if (c.state === 'withdrawn') throw new Conflict('matching.errors.withdrawn');
    const patch =
      decision === 'unsure'
        ? { state: decision, unsure_by: grant.auth.userId }
        : { state: decision, decided_by: grant.auth.userId, decided_at: at };
    if (!(await decideCandidate(tx, id, FROM[decision], patch))) throw new Conflict('matching.errors.alreadyDecided');
    const caseIds = (await casesOfRecords(tx, [c.left_person_id, c.right_person_id])).map((r) => r.caseId);
    await auditEach(tx, grant, 'match.decided', caseIds, at);
    if (decision !== 'same') return { mergeId: null, told: 0 };
    const merge = await mergeRecords(tx, c.left_person_id, c.right_person_id, {
      userId: grant.auth.userId,
      candidateId: c.id,
      at,
      day: orgDay(deps),
    });
    if (merge.mergeId) {
      await setCandidateMerge(tx, c.id, merge.mergeId);
      await auditEach(tx, grant, 'match.merged', caseIds, at);
    }
    return { mergeId: merge.mergeId, told: merge.told };
  });
};

/**
 * Puts an undone decision's pair back where it waited, inside `tx`, and withdraws its label: the
 * learning run reads only decided pairs (listUnlearned), so it never reads this one now. A label
 * already learned stays in the model if it was "same" (m moved; it cannot be taken out exactly,
 * docs/matching.md); a learned "different" never moved m, and leaves the model's count.
 */
const returnToQueue = async (tx: Queryable, c: CandidateRow): Promise<boolean> => {
  const back = await decideCandidate(tx, c.id, [c.state], { state: backTo(c), decided_by: null, decided_at: null });
  if (!back) return false;
  if (c.merge_id) await setCandidateMerge(tx, c.id, null);
  if (Number(c.learned) === 1 && c.state === 'different') await uncountLabel(tx, c.organisation_id);
  return true;
};

/**
 * Undoes a merge: the records it brought go back to their own cluster, and the pair it came from
 * returns to the queue for a fresh decision.
 */
export const undoMerge = async (deps: MatchingDeps, grant: MatchingGrant<'undo'>, mergeId: string): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    const { candidateId } = await unmerge(tx, mergeId, grant.organisationId, { userId: grant.auth.userId, at });
    let caseIds: string[] = [];
    const c = candidateId ? await findCandidate(tx, candidateId) : undefined;
    if (c) {
      if (c.state === 'same') await returnToQueue(tx, c);
      caseIds = (await casesOfRecords(tx, [c.left_person_id, c.right_person_id])).map((r) => r.caseId);
    }
    await auditEach(tx, grant, 'match.undone', caseIds, at, candidateId ?? undefined);
  });
};

/**
 * Undoes a pair's decision: "different" or "same". The pair returns to the queue it was decided
 * from, its label is withdrawn (returnToQueue), and a "same" that merged has its merge undone.
 * Conflict when the pair is no longer decided (someone undid it first).
 */
export const undoDecision = async (deps: MatchingDeps, grant: MatchingGrant<'undo'>, id: string): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    // Held from the read on: a learning run's marking (markLearned) waits, so `learned` is what
    // it is, and the count is taken back only for a label the model did count.
    await lockCandidateRow(tx, id);
    const c = await findCandidate(tx, id);
    if (!c || c.organisation_id !== grant.organisationId) throw new NotFound('candidate');
    if (c.state !== 'same' && c.state !== 'different') throw new Conflict('matching.errors.notDecided');
    if (c.state === 'same' && c.merge_id) {
      // The merge's own undo returns the pair too: one way to take records apart, not two.
      await unmerge(tx, c.merge_id, grant.organisationId, { userId: grant.auth.userId, at });
    }
    if (!(await returnToQueue(tx, c))) throw new Conflict('matching.errors.notDecided');
    const caseIds = (await casesOfRecords(tx, [c.left_person_id, c.right_person_id])).map((r) => r.caseId);
    await auditEach(tx, grant, c.merge_id ? 'match.undone' : 'match.decision_undone', caseIds, at, c.id);
  });
};

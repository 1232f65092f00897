import type { Queryable } from '../db/database.ts';
import { isoNow } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clusterOf, getRecord, getRecords, type RecordView } from '../people/person-records.service.ts';
import { eventsOfRecords, type RecordEvent } from '../cases/case-links.service.ts';
import { rawRowOf, sourcesOfRecords, type RecordSource } from '../imports/import-sources.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { grantMatchingObject, type MatchingGrant } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { clusterOfRecord } from './clusters.service.ts';
import { findMerge, listCandidatesOf, listMergesOf } from './matching.repository.ts';
import { decisionMark, recordCards, staffNames, type CandidateSummary, type RecordCard } from './review.service.ts';
import type { MatchingDeps } from './scoring.service.ts';
import { isUuid } from '../shared/ids.ts';

// A person record as staff see it (its cluster, where each record came from, the merges that
// made the cluster and can be undone, pairs still to decide or kept apart), and what a case page shows of the
// other records about the same soldier: staff see every record; the family sees only verified
// facts, each with its source kind — never another family's request, never a name as another
// source spelled it.

/** The grant to open a record of one's own organisation, or NotFound. */
export const authoriseRecord = async (db: Queryable, principal: Principal, id: string) => {
  const record = isUuid(id) ? await getRecord(db, id) : undefined;
  return grantMatchingObject(principal, record?.organisation_id, 'search');
};

/** The grant to undo a merge of one's own organisation, or NotFound. */
export const authoriseMerge = async (db: Queryable, principal: Principal, mergeId: string) => {
  const merge = isUuid(mergeId) ? await findMerge(db, mergeId) : undefined;
  return grantMatchingObject(principal, merge?.organisation_id, 'undo');
};

export interface MergeView {
  id: string;
  mergedAt: string;
  /** names of the records it brought in */
  moved: string[];
  undoneAt: string | null;
}

export interface RecordPage {
  card: RecordCard;
  members: RecordCard[];
  merges: MergeView[];
  candidates: Array<Pick<CandidateSummary, 'id' | 'probability' | 'state' | 'decided'> & { otherName: string }>;
  raw: Array<{ column: string; value: string }> | null;
  /** every fact of every record of the cluster, with the record it came from */
  timeline: Array<RecordEvent & { from: RecordCard }>;
}

export const recordPage = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'search'>,
  id: string,
): Promise<RecordPage> => {
  const record = await getRecord(deps.db, id);
  if (!record || record.organisation_id !== grant.organisationId) throw new NotFound('record');
  const members = await recordCards(deps.db, await clusterOfRecord(deps.db, record));
  const card = members.find((m) => m.record.id === id);
  if (!card) throw new NotFound('record');
  const byId = new Map(members.map((m) => [m.record.id, m]));
  const merges = await listMergesOf(deps.db, [clusterOf(record), ...new Set(members.map((m) => m.cluster))]);
  const movedIds = merges.flatMap((m) => JSON.parse(m.moved_ids) as string[]);
  const names = await getRecords(deps.db, movedIds);
  const candidates = (
    await listCandidatesOf(
      deps.db,
      members.map((m) => m.record.id),
    )
  ).filter((c) => c.state === 'pending' || c.state === 'unsure' || c.state === 'different');
  const others = await getRecords(
    deps.db,
    candidates.map((c) => (byId.has(c.left_person_id) ? c.right_person_id : c.left_person_id)),
  );
  const deciders = candidates.some((c) => c.decided_by)
    ? await staffNames(deps.db, grant.organisationId)
    : new Map<string, string>();
  const timeline = members
    .flatMap((m) => m.events.map((e) => ({ ...e, from: m })))
    .sort((a, b) => (a.date.value < b.date.value ? -1 : a.date.value > b.date.value ? 1 : 0));
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'person.read',
      caseId: card.caseId,
      at: isoNow(deps.clock),
    }),
  );
  return {
    card,
    members,
    merges: merges.map((m) => ({
      id: m.id,
      mergedAt: m.merged_at,
      moved: (JSON.parse(m.moved_ids) as string[]).map((mid) => {
        const r = names.get(mid);
        return r ? [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ') : '—';
      }),
      undoneAt: m.undone_at,
    })),
    candidates: candidates.map((c) => {
      const other = others.get(byId.has(c.left_person_id) ? c.right_person_id : c.left_person_id);
      return {
        id: c.id,
        probability: c.probability,
        state: c.state,
        decided: decisionMark(c, deciders),
        otherName: other ? [other.surname, other.given_name, other.patronymic].filter(Boolean).join(' ') : '—',
      };
    }),
    raw: card.source ? await rawRowOf(deps.db, grant.auth, id) : null,
    timeline,
  };
};

/** A fact from another record of the same soldier, as the case page shows it. */
export interface LinkedFact extends RecordEvent {
  /** the list it came from, when it came from one (a published source, named) */
  list: Pick<RecordSource, 'sourceName' | 'sourceDate' | 'sourcePrecision'> | null;
}

export interface CaseLinks {
  /** staff only: the other records of the cluster (empty for the family) */
  records: RecordCard[];
  facts: LinkedFact[];
}

const VERIFIED = new Set(['corroborated', 'confirmed']);

/**
 * What the other records about this case's person add to its page; null when there are none.
 * Any grant on the case will do: every case action's holder may read it.
 */
export const linksOfCase = async (db: Queryable, grant: CaseGrant): Promise<CaseLinks | null> => {
  const record = await getRecord(db, grant.personId);
  if (!record || record.cluster_id === null) return null;
  const others = (await clusterOfRecord(db, record)).filter(
    (r: RecordView) => r.id !== record.id && r.organisation_id === grant.organisationId,
  );
  if (others.length === 0) return null;
  const ids = others.map((r) => r.id);
  const staff = grant.side === 'staff';
  const sources = await sourcesOfRecords(db, ids);
  const events = (await eventsOfRecords(db, ids)).filter((e) => staff || VERIFIED.has(e.verification));
  const facts = events.map((e) => {
    const s = sources.get(e.personId);
    return {
      ...e,
      list: s ? { sourceName: s.sourceName, sourceDate: s.sourceDate, sourcePrecision: s.sourcePrecision } : null,
    };
  });
  if (!staff) return facts.length ? { records: [], facts } : null;
  return { records: await recordCards(db, others), facts };
};

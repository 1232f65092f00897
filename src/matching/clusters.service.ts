import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/database.ts';
import { Conflict } from '../shared/errors.ts';
import {
  clusterMembers,
  clusterOf,
  getRecord,
  moveToCluster,
  type RecordView,
} from '../people/person-records.service.ts';
import { casesOfRecords, eventsOfRecords, verifiedEventsSince } from '../cases/case-links.service.ts';
import { familyToldAbout, notifyFamily } from '../cases/case-news.service.ts';
import { findMerge, insertMerge, listDifferentAmong, markMergeUndone } from './matching.repository.ts';

// Clusters: records about one soldier. A merge never deletes or rewrites a record: it moves the
// smaller cluster's records into the other and remembers which it moved, so undoing it moves
// exactly those back (a later merge that joined other records stays). Records people marked as
// different are never merged, whatever a decision on another pair says.

const VERIFIED = new Set(['corroborated', 'confirmed']);

export interface MergeResult {
  mergeId: string | null;
  cluster: string;
  /** families told there is new, verified information about their person */
  told: number;
}

/**
 * Tells the family of every open case in `records` about verified facts the other records of its
 * cluster bring (one news item per fact, so the registry can ask whether the family was told of
 * a death before publishing it). A fact already told is not told again.
 */
const tellFamilies = async (tx: Tx, records: string[], day: string): Promise<number> => {
  const cases = (await casesOfRecords(tx, records)).filter((c) => c.active);
  if (cases.length === 0) return 0;
  const facts = (await eventsOfRecords(tx, records)).filter((e) => VERIFIED.has(e.verification));
  let told = 0;
  for (const c of cases) {
    for (const e of facts) {
      // The family's own record's facts reach it through its case already.
      if (e.personId === c.personId || (await familyToldAbout(tx, c.caseId, e.id)).told) continue;
      await notifyFamily(tx, { caseId: c.caseId, kind: 'match', refId: e.id, day });
      told++;
    }
  }
  return told;
};

/** Joins the clusters of two records of one organisation, inside `tx`. */
export const mergeRecords = async (
  tx: Tx,
  leftId: string,
  rightId: string,
  /** `day`: the organisation's day (orgDay), the one the families' news is dated with */
  by: { userId: string; candidateId: string | null; at: string; day: string },
): Promise<MergeResult> => {
  const left = await getRecord(tx, leftId);
  const right = await getRecord(tx, rightId);
  if (!left || !right) throw new Conflict('matching.errors.recordGone');
  const a = clusterOf(left);
  const b = clusterOf(right);
  if (a === b) return { mergeId: null, cluster: a, told: 0 };
  const membersA = (await clusterMembers(tx, a)).map((r) => r.id);
  const membersB = (await clusterMembers(tx, b)).map((r) => r.id);
  if ((await listDifferentAmong(tx, membersA, membersB)).length > 0) throw new Conflict('matching.errors.keptApart');
  // The smaller cluster moves (the right one on a tie): fewer rows change, and a family's case
  // record usually stays where it was.
  const [into, from, moved] = membersB.length <= membersA.length ? [a, b, membersB] : [b, a, membersA];
  // A cluster is named by one of its records; the record naming `into` is marked explicitly so
  // the name survives that record's own later move.
  await moveToCluster(tx, [...(into === a ? membersA : membersB), ...moved], into);
  const mergeId = randomUUID();
  await insertMerge(tx, {
    id: mergeId,
    organisation_id: left.organisation_id ?? '',
    candidate_id: by.candidateId,
    into_cluster: into,
    from_cluster: from,
    moved_ids: JSON.stringify(moved),
    merged_by: by.userId,
    merged_at: by.at,
    undone_by: null,
    undone_at: null,
  });
  const told = await tellFamilies(tx, [...membersA, ...membersB], by.day);
  return { mergeId, cluster: into, told };
};

/** Moves the records a merge brought back into their own cluster. */
export const unmerge = async (
  tx: Tx,
  mergeId: string,
  organisationId: string,
  by: { userId: string; at: string },
): Promise<{ moved: number; candidateId: string | null }> => {
  const m = await findMerge(tx, mergeId);
  if (!m || m.organisation_id !== organisationId) throw new Conflict('matching.errors.mergeGone');
  if (!(await markMergeUndone(tx, mergeId, by.userId, by.at))) throw new Conflict('matching.errors.alreadyUndone');
  const moved = JSON.parse(m.moved_ids) as string[];
  await moveToCluster(tx, moved, m.from_cluster);
  return { moved: moved.length, candidateId: m.candidate_id };
};

/** Every record of the cluster a record belongs to (itself first when alone). */
export const clusterOfRecord = async (db: Queryable, record: RecordView): Promise<RecordView[]> =>
  clusterMembers(db, clusterOf(record));

export const mergeById = (db: Queryable, id: string) => findMerge(db, id);

/**
 * Facts verified since `since` in a cluster with other records' open cases: their families are
 * told (the matching job, every run). Returns how many news items were posted.
 */
export const tellFamiliesOfNewFacts = async (tx: Tx, since: string, day: string): Promise<number> => {
  const facts = await verifiedEventsSince(tx, since);
  let told = 0;
  const done = new Set<string>();
  for (const f of facts) {
    const record = await getRecord(tx, f.person_id);
    if (!record) continue;
    const cluster = clusterOf(record);
    if (done.has(cluster)) continue;
    done.add(cluster);
    const members = (await clusterMembers(tx, cluster)).map((r) => r.id);
    if (members.length > 1) told += await tellFamilies(tx, members, day);
  }
  return told;
};

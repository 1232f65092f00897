import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import {
  clusterOf,
  getRecords,
  insertIncomingRecords,
  markScored,
  organisationsToScore,
  pendingRecords,
  rekeyRecords,
  type IncomingPerson,
} from '../people/person-records.service.ts';
import { casesOfRecords } from '../cases/case-links.service.ts';
import { assertSystem } from '../policy/system.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { LinkFields } from './engine-adapter.ts';
import { indexFor, linkFieldsOf, saveLearnedModel, type OrgIndex } from './index-registry.ts';
import {
  findCandidatesByPair,
  insertCandidate,
  listUnlearned,
  organisationsWithLabels,
  markLearned,
  nextLinkageSeq,
  pairKey,
  rescoreCandidate,
} from './matching.repository.ts';

// Every new record — a family's case, a row of an imported list, a tip — is scored against the
// records its organisation already holds, one at a time against the in-memory index: never a
// full re-run. The best candidate of each other cluster at or above the review threshold enters
// the review queue; a pair people already decided is never suggested again.

export interface MatchingDeps {
  db: Db;
  clock: Clock;
}

export interface FoundCandidate {
  candidateId: string;
  /** the known record it resembles */
  personId: string;
  probability: number;
  /** the case about the known record, when there is one (same organisation) */
  caseId: string | null;
}

type Origin = 'case' | 'import' | 'tip';

/**
 * Scores a stored record inside `tx`, puts its candidates in the queue, and enters it into the
 * index at the next position of the index order.
 */
const scoreStored = async (
  tx: Tx,
  idx: OrgIndex,
  record: { id: string; origin: Origin; fields: LinkFields },
  now: string,
): Promise<FoundCandidate[]> => {
  const hits = idx.index.score(record.fields, record.id).filter((h) => !h.cannotLink);
  const found: FoundCandidate[] = [];
  if (hits.length > 0) {
    const records = await getRecords(tx, [record.id, ...hits.map((h) => h.id)]);
    const self = records.get(record.id);
    const mine = self ? clusterOf(self) : record.id;
    const seen = new Set<string>([mine]);
    const best = hits.filter((h) => {
      const r = records.get(h.id);
      // Gone since it was indexed (retention), or not this organisation's: never a candidate.
      if (!r || r.organisation_id !== idx.organisationId) return false;
      const c = clusterOf(r);
      if (seen.has(c)) return false;
      seen.add(c);
      return true;
    });
    const existing = new Map(
      (
        await findCandidatesByPair(
          tx,
          best.map((h) => pairKey(record.id, h.id)),
        )
      ).map((c) => [c.pair_key, c]),
    );
    const cases = new Map(
      (
        await casesOfRecords(
          tx,
          best.map((h) => h.id),
        )
      ).map((c) => [c.personId, c.caseId]),
    );
    for (const h of best) {
      const key = pairKey(record.id, h.id);
      const explain = JSON.stringify(h.explain);
      const known = existing.get(key);
      if (known) {
        // Decided pairs stay decided; a pending one takes the newer score (a record was corrected).
        if (known.state === 'pending')
          await rescoreCandidate(tx, known.id, { probability: h.probability, weight: h.weight, explain });
        continue;
      }
      const candidateId = randomUUID();
      await insertCandidate(tx, {
        id: candidateId,
        organisation_id: idx.organisationId,
        left_person_id: record.id,
        right_person_id: h.id,
        pair_key: key,
        probability: h.probability,
        weight: h.weight,
        explain,
        state: 'pending',
        origin: record.origin,
        created_at: now,
        decided_by: null,
        decided_at: null,
        unsure_by: null,
        merge_id: null,
        learned: 0,
      });
      found.push({ candidateId, personId: h.id, probability: h.probability, caseId: cases.get(h.id) ?? null });
    }
  }
  const seq = await nextLinkageSeq(tx);
  await markScored(tx, record.id, seq);
  idx.index.add(record.id, record.fields);
  idx.seqOf.set(record.id, seq);
  return found;
};

/**
 * For other domains (tips): stores the person an incoming record describes as a record of
 * `organisationId` (in clear, like every person record) and scores it at once against the
 * organisation's records; its candidates enter the review queue. Runs inside the caller's
 * transaction, so a tip that is not saved leaves no record and no candidate.
 */
export const scoreIncomingRecord = async (
  tx: Tx,
  organisationId: string,
  record: IncomingPerson,
  source: { kind: 'tip'; at: string },
): Promise<{ personId: string; candidates: FoundCandidate[] }> => {
  const [personId] = await insertIncomingRecords(tx, organisationId, source.kind, [record], source.at);
  const idx = await indexFor(tx, organisationId, () => source.at);
  const candidates = await scoreStored(
    tx,
    idx,
    { id: personId, origin: source.kind, fields: linkFieldsOf(record) },
    source.at,
  );
  return { personId, candidates };
};

/** Review decisions not yet handed to the engine, as labels; the model is saved for everyone. */
const learnDecisions = async (deps: MatchingDeps, idx: OrgIndex): Promise<number> => {
  const rows = await listUnlearned(deps.db, idx.organisationId, 5000);
  if (rows.length === 0) return 0;
  const { used } = idx.index.learn(
    rows.map((r) => ({ left: r.left_person_id, right: r.right_person_id, same: r.state === 'same' })),
  );
  await deps.db.transaction().execute(async (tx) => {
    if (used > 0) await saveLearnedModel(tx, idx, used, deps.clock.now().toISOString());
    await markLearned(
      tx,
      rows.map((r) => r.id),
    );
  });
  return used;
};

export interface MatchingRunReport {
  rekeyed: number;
  scored: number;
  candidates: number;
  labels: number;
  organisations: number;
}

const BATCH = 200;

/**
 * The matching job's work (also `kintrace match run`): fill search keys computed with an older
 * normaliser, hand new decisions to the engine, and score up to `maxRecords` pending records,
 * a batch per transaction so a long run never holds the database for long.
 */
export const runMatching = async (
  deps: MatchingDeps,
  principal: Principal,
  opts: { maxRecords?: number } = {},
): Promise<MatchingRunReport> => {
  assertSystem(principal, 'import');
  const report: MatchingRunReport = { rekeyed: 0, scored: 0, candidates: 0, labels: 0, organisations: 0 };
  report.rekeyed = await rekeyRecords(deps.db);
  let budget = opts.maxRecords ?? 50_000;
  const now = () => deps.clock.now().toISOString();
  const organisations = new Set([
    ...(await organisationsToScore(deps.db)),
    ...(await organisationsWithLabels(deps.db)),
  ]);
  for (const organisationId of organisations) {
    report.organisations++;
    const idx = await indexFor(deps.db, organisationId, now);
    report.labels += await learnDecisions(deps, idx);
    while (budget > 0) {
      const batch = await pendingRecords(deps.db, organisationId, Math.min(BATCH, budget));
      if (batch.length === 0) break;
      await deps.db.transaction().execute(async (tx) => {
        for (const r of batch) {
          const found = await scoreStored(
            tx,
            idx,
            { id: r.id, origin: r.origin as Origin, fields: linkFieldsOf(r) },
            now(),
          );
          report.candidates += found.length;
        }
      });
      idx.index.rescale();
      report.scored += batch.length;
      budget -= batch.length;
    }
  }
  return report;
};

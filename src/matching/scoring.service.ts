import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import {
  clusterOf,
  getRecords,
  insertIncomingRecords,
  markScoredMany,
  organisationHasPending,
  recordsWaitingToBeScored,
  SEARCH_KEYS_VERSION,
  pendingRecords,
  rekeyRecords,
  type IncomingPerson,
} from '../people/person-records.service.ts';
import { casesOfRecords, refreshRecordStatus } from '../cases/case-links.service.ts';
import { listOrganisations } from '../accounts/accounts.service.ts';
import { assertSystem } from '../policy/system.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { LinkFields } from './engine-adapter.ts';
import { THRESHOLDS } from './thresholds.ts';
import { indexFor, linkFieldsOf, saveLearnedModel, type OrgIndex } from './index-registry.ts';
import {
  findCandidatesByPair,
  insertCandidates,
  listCandidatesOf,
  listUnlearned,
  organisationsWithLabels,
  readMark,
  writeMark,
  markLearned,
  reserveLinkageSeqs,
  pairKey,
} from './matching.repository.ts';

// Every new record — a family's case, a row of an imported list, a tip — is scored against the
// records its organisation already holds, one at a time against the in-memory index: never a
// full re-run. The best candidate of each other cluster at or above the review threshold enters
// the review queue; a pair people already decided is never suggested again.

/** Where a rescored pair belongs: in the review queue, or withdrawn from it (too unlike now). */
const queueStateOf = (probability: number): 'pending' | 'withdrawn' =>
  probability >= THRESHOLDS.review ? 'pending' : 'withdrawn';

export interface MatchingDeps {
  db: Db;
  clock: Clock;
  /** the calendar of the families' news days (orgDay) */
  config?: { timeZone?: string };
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

interface StoredRecord {
  id: string;
  origin: Origin;
  fields: LinkFields;
}

/**
 * Scores stored records inside `tx`, in order (each against the index and the batch's earlier
 * records), puts the best candidate of every other cluster in the queue unless the pair was seen
 * before, and marks each record scored at its position in the index order. Queries are made per
 * batch, not per record: a list of 100,000 rows is scored in minutes.
 */
const scoreBatch = async (tx: Tx, idx: OrgIndex, batch: StoredRecord[], now: string): Promise<FoundCandidate[][]> => {
  const hitsOf = batch.map((r) => idx.index.add(r.id, r.fields).filter((h) => !h.cannotLink));
  const records = await getRecords(tx, [...batch.map((r) => r.id), ...hitsOf.flat().map((h) => h.id)]);
  const best = batch.map((r, i) => {
    const self = records.get(r.id);
    const seen = new Set<string>([self ? clusterOf(self) : r.id]);
    return hitsOf[i].filter((h) => {
      const other = records.get(h.id);
      // Gone since it was indexed (retention), or not this organisation's: never a candidate.
      if (!other || other.organisation_id !== idx.organisationId) return false;
      const c = clusterOf(other);
      if (seen.has(c)) return false;
      seen.add(c);
      return true;
    });
  });
  const keys = best.flatMap((hits, i) => hits.map((h) => pairKey(batch[i].id, h.id)));
  const existing = new Map<string, { id: string; state: string }>();
  for (let k = 0; k < keys.length; k += 500)
    for (const c of await findCandidatesByPair(tx, keys.slice(k, k + 500))) existing.set(c.pair_key, c);
  const cases = new Map(
    (await casesOfRecords(tx, [...new Set(best.flat().map((h) => h.id))])).map((c) => [c.personId, c.caseId]),
  );
  const rows: Parameters<typeof insertCandidates>[1] = [];
  const found = batch.map((r, i) =>
    best[i].flatMap((h): FoundCandidate[] => {
      const key = pairKey(r.id, h.id);
      const known = existing.get(key);
      if (known) {
        // Decided pairs stay decided; a pending one takes the newer score (a record was corrected),
        // and a withdrawn one found again returns to the queue.
        if (known.state === 'pending' || known.state === 'withdrawn')
          rows.push({
            rescore: known.id,
            probability: h.probability,
            weight: h.weight,
            explain: JSON.stringify(idx.index.explain(r.fields, h.id)),
            state: queueStateOf(h.probability),
          });
        return [];
      }
      const candidateId = randomUUID();
      existing.set(key, { id: candidateId, state: 'pending' });
      rows.push({
        id: candidateId,
        organisation_id: idx.organisationId,
        left_person_id: r.id,
        right_person_id: h.id,
        pair_key: key,
        probability: h.probability,
        weight: h.weight,
        explain: JSON.stringify(idx.index.explain(r.fields, h.id)),
        state: 'pending',
        origin: r.origin,
        created_at: now,
      });
      return [{ candidateId, personId: h.id, probability: h.probability, caseId: cases.get(h.id) ?? null }];
    }),
  );
  // A pending pair of a corrected record that the record no longer finds takes its score as it
  // now stands, so that nobody is asked to confirm it on fields the records no longer share:
  // below the review threshold it is withdrawn from the queue.
  const foundKeys = new Set(keys);
  const inBatch = new Map(batch.map((r) => [r.id, r]));
  for (const c of await listCandidatesOf(tx, [...inBatch.keys()])) {
    if (c.state !== 'pending' || foundKeys.has(pairKey(c.left_person_id, c.right_person_id))) continue;
    const r = inBatch.get(c.left_person_id) ?? inBatch.get(c.right_person_id)!;
    const now = idx.index.scorePair(r.fields, r.id === c.left_person_id ? c.right_person_id : c.left_person_id);
    if (now)
      rows.push({
        rescore: c.id,
        probability: now.probability,
        weight: now.weight,
        explain: JSON.stringify(now.explain),
        state: queueStateOf(now.probability),
      });
  }
  await insertCandidates(tx, rows);
  const last = await reserveLinkageSeqs(tx, batch.length);
  const seqs = batch.map((r, i) => ({ id: r.id, seq: last - batch.length + 1 + i }));
  await markScoredMany(tx, seqs);
  for (const { id, seq } of seqs) idx.seqOf.set(id, seq);
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
  const [candidates] = await scoreBatch(
    tx,
    idx,
    [{ id: personId, origin: source.kind, fields: linkFieldsOf(record) }],
    source.at,
  );
  return { personId, candidates };
};

/**
 * Builds (or refreshes) this process's index of every organisation, so a tip scored in a request
 * finds it ready instead of building it inside the request's transaction. The job calls it.
 */
export const warmIndexes = async (deps: MatchingDeps): Promise<number> => {
  const organisations = await listOrganisations(deps.db);
  for (const o of organisations) await indexFor(deps.db, o.id, () => deps.clock.now().toISOString());
  return organisations.length;
};

/** Review decisions not yet handed to the engine, as labels; the model is saved for everyone. */
const learnDecisions = async (deps: MatchingDeps, idx: OrgIndex): Promise<number> => {
  const rows = await listUnlearned(deps.db, idx.organisationId, 5000);
  if (rows.length === 0) return 0;
  const { usable } = idx.index.learn(
    rows.map((r) => ({ left: r.left_person_id, right: r.right_person_id, same: r.state === 'same' })),
  );
  // A decision on a record corrected since it was made waits until the record is scored again
  // (and back in the index); one on a record that is gone is done with.
  const used = usable.filter(Boolean).length;
  const unused = rows.filter((_, k) => !usable[k]);
  const waiting = await recordsWaitingToBeScored(
    deps.db,
    idx.organisationId,
    unused.flatMap((r) => [r.left_person_id, r.right_person_id]),
  );
  const done = rows.filter((r, k) => usable[k] || !(waiting.has(r.left_person_id) || waiting.has(r.right_person_id)));
  return deps.db.transaction().execute(async (tx) => {
    // Counted are the labels still decided as the run marks them: one undone meanwhile is not.
    const marked = await markLearned(
      tx,
      done.map((r) => r.id),
    );
    const counted = rows.filter((r, k) => usable[k] && marked.has(r.id)).length;
    if (used > 0) await saveLearnedModel(tx, idx, counted, deps.clock.now().toISOString());
    return counted;
  });
};

const pendingOrganisations = async (db: Db): Promise<string[]> => {
  const out: string[] = [];
  for (const o of await listOrganisations(db)) if (await organisationHasPending(db, o.id)) out.push(o.id);
  return out;
};

export interface MatchingRunReport {
  rekeyed: number;
  scored: number;
  candidates: number;
  labels: number;
  organisations: number;
}

const BATCH = 500;

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
  // Keys computed by an older normaliser (or before the keys existed): one pass, then a mark.
  if ((await readMark(deps.db, 'keys_version')) !== SEARCH_KEYS_VERSION) {
    const rekeyed = await rekeyRecords(deps.db);
    // The status search filters on is judged again with them: the rules for it changed with the
    // keys' version 2 (the case page's judgement, cases/case-links.service.ts), and a record
    // stored before kept the old status until its case next changed.
    for (const id of rekeyed) await refreshRecordStatus(deps.db, id);
    report.rekeyed = rekeyed.length;
    if (report.rekeyed === 0) await writeMark(deps.db, 'keys_version', SEARCH_KEYS_VERSION);
  }
  let budget = opts.maxRecords ?? 50_000;
  const now = () => deps.clock.now().toISOString();
  const organisations = new Set([
    ...(await pendingOrganisations(deps.db)),
    ...(await organisationsWithLabels(deps.db)),
  ]);
  for (const organisationId of organisations) {
    report.organisations++;
    const idx = await indexFor(deps.db, organisationId, now);
    report.labels += await learnDecisions(deps, idx);
    while (budget > 0) {
      const batch = await pendingRecords(deps.db, organisationId, Math.min(BATCH, budget));
      if (batch.length === 0) break;
      const found = await deps.db.transaction().execute((tx) =>
        scoreBatch(
          tx,
          idx,
          batch.map((r) => ({ id: r.id, origin: r.origin as Origin, fields: linkFieldsOf(r) })),
          now(),
        ),
      );
      report.candidates += found.flat().length;
      idx.index.rescale();
      report.scored += batch.length;
      budget -= batch.length;
    }
  }
  return report;
};

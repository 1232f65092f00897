import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { isoNow, orgDay } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { openText, openWith, randomKey, seal, sealTo } from '../shared/crypto/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisationPrivateKey, organisationPublicKey } from '../accounts/accounts.service.ts';
import { clusterOf, getRecords } from '../people/person-records.service.ts';
import type { PartialDate } from '../people/partial-date.ts';
import { regionCode } from '../linkage/engine/normalize/index.ts';
import { grantMatchingObject, type MatchingGrant } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import type { Contribution, LinkFields } from './engine-adapter.ts';
import { indexFor } from './index-registry.ts';
import { recordCards, type RecordCard } from './review.service.ts';
import type { MatchingDeps } from './scoring.service.ts';
import {
  countOpenTipMatches,
  deleteTipMatchRows,
  findTipMatch,
  findTipMatchByTip,
  insertTipMatch,
  listTipMatchKeys,
  listTipMatches,
  setTipMatchContent,
  setTipMatchKey,
} from './matching.repository.ts';

// Tips scored against the organisation's known persons, without the tip's person ever stored in
// clear. A person record (persons) is clear by design: search keys, names. Storing a tip's person
// there would tell a seized database that someone wrote about that soldier on that day, which is
// what tips hide (threat model §12–13). So a tip is scored in memory against the organisation's
// index (score, not add: the tip never enters the index), and what the queue needs — the person
// as the sender described them, the known records it resembles, each field's contribution, and
// staff decisions — is sealed with a key of its own, itself sealed to the organisation's public
// key (the server writes it holding no secret; only the organisation's staff, whose sessions hold
// its private key, read it). Clear: the tip's id, the organisation, open/closed, the day.
// A row exists only for a tip that resembled a known record; never which.

export interface TipPerson {
  surname?: string;
  given_name?: string;
  patronymic?: string;
  birth_date?: PartialDate;
  /** a region's name or code, as the sender gave it */
  region?: string;
  unit_number?: string;
  unit_name?: string;
}

export type TipDecision = 'same' | 'different' | 'unsure';
export const TIP_DECISIONS: readonly TipDecision[] = ['same', 'different', 'unsure'];

interface SealedCandidate {
  personId: string;
  probability: number;
  explain: Contribution[];
  decision: TipDecision | null;
}

interface SealedContent {
  person: TipPerson;
  candidates: SealedCandidate[];
}

/** At most this many known records are kept per tip (the best of distinct clusters). */
const MAX_CANDIDATES = 5;

const keyAad = (id: string): string => `tip-match:${id}:key`;
const contentAad = (id: string): string => `tip-match:${id}:content`;

const fieldsOf = (p: TipPerson): LinkFields | null => {
  const surname = p.surname?.trim() ?? '';
  const given = p.given_name?.trim() ?? '';
  // A tip that names nobody resembles nobody.
  if (!surname && !given) return null;
  return {
    surname,
    given_name: given,
    patronymic: p.patronymic?.trim() || null,
    birth_date: p.birth_date?.value ?? null,
    region_code: p.region ? regionCode(p.region) : null,
    unit_number: p.unit_number?.trim() || null,
    unit_name: p.unit_name?.trim() || null,
  };
};

/**
 * Scores a tip's person against `organisationId`'s known records and, when it resembles any at or
 * above the review threshold, puts the tip in the review queue, sealed. Called by tips once the
 * tip is committed. Returns how many known records it resembled (for tests; the caller ignores it).
 */
export const scoreTipPrivately = async (
  deps: MatchingDeps,
  input: { tipId: string; organisationId: string; person: TipPerson },
): Promise<{ candidates: number }> => {
  const fields = fieldsOf(input.person);
  if (!fields) return { candidates: 0 };
  const idx = await indexFor(deps.db, input.organisationId, () => isoNow(deps.clock));
  const hits = idx.index.score(fields).filter((h) => !h.cannotLink);
  if (hits.length === 0) return { candidates: 0 };
  const records = await getRecords(
    deps.db,
    hits.map((h) => h.id),
  );
  const seen = new Set<string>();
  const candidates: SealedCandidate[] = [];
  for (const h of hits) {
    const r = records.get(h.id);
    // Gone since it was indexed (retention), or not this organisation's: never a candidate.
    if (!r || r.organisation_id !== input.organisationId || seen.has(clusterOf(r))) continue;
    seen.add(clusterOf(r));
    candidates.push({
      personId: h.id,
      probability: h.probability,
      explain: idx.index.explain(fields, h.id),
      decision: null,
    });
    if (candidates.length === MAX_CANDIDATES) break;
  }
  if (candidates.length === 0) return { candidates: 0 };
  const id = randomUUID();
  const key = randomKey();
  const content: SealedContent = { person: input.person, candidates };
  await deps.db.transaction().execute(async (tx) => {
    const publicKey = await organisationPublicKey(tx, input.organisationId);
    await insertTipMatch(tx, {
      id,
      organisation_id: input.organisationId,
      tip_id: input.tipId,
      key_sealed: sealTo(publicKey, key, keyAad(id)),
      content_sealed: seal(key, JSON.stringify(content), contentAad(id)),
      state: 'open',
      scored_on: orgDay(deps),
    });
  });
  return { candidates: candidates.length };
};

/** The queue's row about a tip, if it resembled known records (the tip's page links to it). */
export const tipMatchOf = async (db: Queryable, tipId: string): Promise<string | null> =>
  (await findTipMatchByTip(db, tipId))?.id ?? null;

/** Purging a tip (retention) deletes what matching kept about it, in the same transaction. */
export const forgetTipMatches = async (tx: Queryable, tipId: string): Promise<number> => deleteTipMatchRows(tx, tipId);

/** Organisation key rotation: each row's key is opened with the old key and sealed to the new. */
export const resealTipMatchKeys = async (
  tx: Queryable,
  organisationId: string,
  oldPrivateKey: Buffer,
  newPublicKey: string,
): Promise<number> => {
  const rows = await listTipMatchKeys(tx, organisationId);
  for (const r of rows)
    await setTipMatchKey(
      tx,
      r.id,
      sealTo(newPublicKey, openWith(oldPrivateKey, r.key_sealed, keyAad(r.id)), keyAad(r.id)),
    );
  return rows.length;
};

const openRow = (row: { id: string; key_sealed: string; content_sealed: string }, orgKey: Buffer) => {
  const key = openWith(orgKey, row.key_sealed, keyAad(row.id));
  return { key, content: JSON.parse(openText(key, row.content_sealed, contentAad(row.id))) as SealedContent };
};

const tipName = (p: TipPerson): string =>
  [p.surname, p.given_name, p.patronymic]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');

export interface TipMatchSummary {
  id: string;
  tipId: string;
  scoredOn: string;
  name: string;
  best: number;
  open: number;
}

/** How many tips resembling known records wait for a decision (a clear count: nothing opened). */
export const openTipMatchCount = (deps: MatchingDeps, grant: MatchingGrant<'review'>): Promise<number> =>
  countOpenTipMatches(deps.db, grant.organisationId);

/** The organisation's tips waiting for a decision (newest first), opened with its key. */
export const tipMatchQueue = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'review'>,
  limit = 100,
): Promise<TipMatchSummary[]> => {
  const rows = await listTipMatches(deps.db, grant.organisationId, 'open', limit);
  if (rows.length === 0) return [];
  const orgKey = await organisationPrivateKey(deps.db, grant.auth, grant.organisationId);
  return rows.map((row) => {
    const { content } = openRow(row, orgKey);
    return {
      id: row.id,
      tipId: row.tip_id,
      scoredOn: row.scored_on,
      name: tipName(content.person),
      best: Math.max(...content.candidates.map((c) => c.probability)),
      open: content.candidates.filter((c) => c.decision === null || c.decision === 'unsure').length,
    };
  });
};

export const authoriseTipMatch = async <A extends 'review' | 'decide' | 'decide_unsure'>(
  db: Queryable,
  principal: Principal,
  id: string,
  action: A,
): Promise<MatchingGrant<A>> => grantMatchingObject(principal, (await findTipMatch(db, id))?.organisation_id, action);

export interface TipMatchView {
  id: string;
  tipId: string;
  scoredOn: string;
  state: 'open' | 'closed';
  person: TipPerson;
  name: string;
  candidates: Array<SealedCandidate & { card: RecordCard }>;
}

/** One tip beside the known records it resembles; records gone since (retention) are left out. */
export const tipMatchView = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'review'>,
  id: string,
): Promise<TipMatchView> => {
  const row = await findTipMatch(deps.db, id);
  if (!row || row.organisation_id !== grant.organisationId) throw new NotFound('tip match');
  const { content } = openRow(row, await organisationPrivateKey(deps.db, grant.auth, grant.organisationId));
  const records = await getRecords(
    deps.db,
    content.candidates.map((c) => c.personId),
  );
  const present = [...records.values()].filter((r) => r.organisation_id === grant.organisationId);
  const cards = new Map((await recordCards(deps.db, present)).map((c) => [c.record.id, c]));
  return {
    id: row.id,
    tipId: row.tip_id,
    scoredOn: row.scored_on,
    state: row.state,
    person: content.person,
    name: tipName(content.person),
    candidates: content.candidates.flatMap((c) => {
      const card = cards.get(c.personId);
      return card ? [{ ...c, card }] : [];
    }),
  };
};

/**
 * A decision about one known record a tip resembles: the same person (staff then attach the tip
 * to that person's case on the tip's page), different (never asked again), unsure (a verifier
 * decides). Stored sealed with the rest; the row closes once every record is decided. Audited
 * without content ("match.tip_decided", the row as subject).
 */
export const decideTipMatch = async (
  deps: MatchingDeps,
  grant: MatchingGrant<'decide' | 'decide_unsure'>,
  id: string,
  personId: string,
  decision: TipDecision,
): Promise<void> => {
  if (!TIP_DECISIONS.includes(decision)) throw new Invalid({ field: 'decision', key: 'errors.unknownOption' });
  const orgKey = await organisationPrivateKey(deps.db, grant.auth, grant.organisationId);
  await deps.db.transaction().execute(async (tx) => {
    const row = await findTipMatch(tx, id);
    if (!row || row.organisation_id !== grant.organisationId) throw new NotFound('tip match');
    const { key, content } = openRow(row, orgKey);
    const c = content.candidates.find((x) => x.personId === personId);
    if (!c) throw new NotFound('tip match');
    if (c.decision === 'unsure' && grant.action !== 'decide_unsure') throw new NotFound('tip match');
    if (c.decision === 'same' || c.decision === 'different' || (c.decision === 'unsure' && decision === 'unsure'))
      throw new Conflict('matching.errors.alreadyDecided');
    c.decision = decision;
    const done = content.candidates.every((x) => x.decision === 'same' || x.decision === 'different');
    // Conditional on the sealed value read: a concurrent decision makes this one "already decided".
    const changed = await setTipMatchContent(
      tx,
      id,
      row.content_sealed,
      seal(key, JSON.stringify(content), contentAad(id)),
      done ? 'closed' : 'open',
    );
    if (!changed) throw new Conflict('matching.errors.alreadyDecided');
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'match.tip_decided',
      subjectId: id,
      at: isoNow(deps.clock),
    });
  });
};

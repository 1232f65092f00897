import { randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { DAY, isoNow, localDay, type Clock } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import { familyLastTold, notifyFamily, type NewsKind } from '../cases/case-news.service.ts';
import {
  caseRefForRegistry,
  publicFactsOfPerson,
  setDoNotPublish,
  type CaseRef,
  type PublicFacts,
} from '../cases/publication-facts.service.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import type { Principal } from '../policy/principal.ts';
import {
  grantRegistry,
  registryAbilities,
  type RegistryAbilities,
  type RegistryGrant,
} from '../policy/registry.policy.ts';
import { fromStates, lifecycleAllows, refusal, transition, type RecordActor } from './record-lifecycle.ts';
import { changing } from './registry-version.ts';
import { qualify, type Qualification } from './publication-rules.ts';
import { cellOf, sameCell, snapshotOf, sourcesByRecord, type PublicSource, type Snapshot } from './public-record.ts';
import type { CorrectInput, PublishInput, SourceInput, WaiverReason, WithdrawReason } from './registry.schema.ts';
import {
  addToCounts,
  bumpVersion,
  findRecord,
  findRecordOfPerson,
  insertCorrection,
  insertRecords,
  listCorrections,
  listSources,
  nextSeq,
  replaceSources,
  updateRecordIf,
  type RecordRow,
} from './registry.repository.ts';
import { isUuid } from '../shared/ids.ts';

// Publishing a person in the registry, correcting and withdrawing the record, and the family's
// "do not publish". The verifier works from a case of their organisation; the rules are in
// publication-rules.ts, the states in record-lifecycle.ts. Every change writes its audit entry,
// its news for the family, the statistics' tallies and the registry's version in one transaction.

export interface RegistryDeps {
  db: Db;
  clock: Clock;
  /** the notice's days are the organisation's: TIME_ZONE (Europe/Moscow by default), not UTC's */
  config: { registryNoticeDays: number; timeZone: string };
}

/**
 * The registry's day: the calendar day where the families live (TIME_ZONE). The day a family is
 * told a publication is being prepared and the days of its notice are counted in it, as a family
 * counts them: told at 00:30 in Moscow (21:30 UTC the day before), she has from that day on.
 */
export const registryDay = (deps: Pick<RegistryDeps, 'clock' | 'config'>): string =>
  localDay(deps.clock, deps.config.timeZone);

/** The grant for `action` on a case's publication, and the case it is about; NotFound otherwise. */
export const authoriseCasePublication = async <A extends 'desk' | 'announce' | 'waive_notice' | 'publish'>(
  db: Queryable,
  principal: Principal,
  caseId: string,
  action: A,
): Promise<{ grant: RegistryGrant<A>; ref: CaseRef }> => {
  const ref = await caseRefForRegistry(db, caseId);
  const grant = grantRegistry(principal, ref?.organisationId, action);
  return { grant, ref: ref! };
};

/** The grant for `action` on a record the principal's organisation published; NotFound otherwise. */
export const authoriseRecord = async <A extends 'desk' | 'correct' | 'withdraw'>(
  db: Queryable,
  principal: Principal,
  recordId: string,
  action: A,
): Promise<{ grant: RegistryGrant<A>; record: RecordRow }> => {
  const record = isUuid(recordId) ? await findRecord(db, recordId) : undefined;
  const grant = grantRegistry(principal, record?.origin === 'case' ? record.organisation_id : undefined, action);
  return { grant, record: record! };
};

export const isRecordId = (id: string): boolean => isUuid(id);

export interface NoticeState {
  /**
   * per case of the person: whether and when its family was told, whether they have looked, and
   * whether a recorded reason waives that family's notice
   */
  cases: Array<{
    caseId: string;
    told: boolean;
    seen: boolean;
    on: string | null;
    doNotPublish: boolean;
    waived: boolean;
  }>;
  waiver: string | null;
  /** the first day publication is allowed by the notice rule (null: not yet told, no waiver) */
  publishableFrom: string | null;
  satisfied: boolean;
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Rule P5 — the family first. Every family with a case about the person must have been told
 * (a news item in their case) at least `days` days ago; or a verifier recorded why that could not
 * be for that family (the waiver, recorded from its case: the mother asking for publication does
 * not take the wife's days away). A family that was told can say "do not publish" meanwhile (P4).
 */
const noticeState = async (
  db: Queryable,
  facts: PublicFacts,
  record: Pick<RecordRow, 'id' | 'notice_waiver' | 'notice_waiver_case' | 'state'> | undefined,
  today: string,
  days: number,
): Promise<NoticeState> => {
  // A withdrawn record's notice is spent: its families were since told it was taken down, and
  // its waiver was for that publication. It is announced anew (or waived anew) to go public again.
  const round = record && record.state !== 'withdrawn' ? record : undefined;
  const cases = [];
  for (const c of facts.cases) {
    const told = round
      ? await familyLastTold(db, c.caseId, round.id, 'publication_planned')
      : { told: false, seen: false, on: null };
    const waived = !!round?.notice_waiver && round.notice_waiver_case === c.caseId;
    cases.push({ caseId: c.caseId, ...told, doNotPublish: c.doNotPublish, waived });
  }
  const waiver = round?.notice_waiver ?? null;
  const publishableFrom = firstPublishableDay(cases, waiver, today, days);
  return { cases, waiver, publishableFrom, satisfied: publishableFrom !== null && publishableFrom <= today };
};

/**
 * The last family still owed its days sets the day: `days` after it was told. Every family's
 * notice waived: today. No family case at all: today with a waiver, else never.
 */
const firstPublishableDay = (
  cases: NoticeState['cases'],
  waiver: string | null,
  today: string,
  days: number,
): string | null => {
  if (cases.length === 0) return waiver ? today : null;
  const waiting = cases.filter((c) => !c.waived);
  if (waiting.length === 0) return today;
  if (!waiting.every((c) => c.told && c.on)) return null;
  const lastTold = waiting.reduce((m, c) => (c.on! > m ? c.on! : m), '');
  return addDays(lastTold, days);
};

export interface PublicationView {
  ref: CaseRef;
  facts: PublicFacts;
  qualification: Qualification;
  notice: NoticeState;
  record: RecordRow | null;
  /** another organisation prepared or published this person */
  otherOrganisation: boolean;
  sources: SourceInput[];
  corrections: Array<{ version: number; corrected_on: string; note: string }>;
  /** what the public would see if it were published now */
  preview: Snapshot | null;
  can: RegistryAbilities;
}

/** Everything the verifier's page about one case's publication shows. */
export const publicationView = async (
  deps: RegistryDeps,
  grant: RegistryGrant,
  ref: CaseRef,
): Promise<PublicationView> => {
  const facts = await publicFactsOfPerson(deps.db, ref.personId);
  if (!facts) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  const q = qualify(facts);
  const record = (await findRecordOfPerson(deps.db, ref.personId)) ?? null;
  const other = record !== null && record.organisation_id !== grant.organisationId;
  const notice = await noticeState(
    deps.db,
    facts,
    record ?? undefined,
    registryDay(deps),
    deps.config.registryNoticeDays,
  );
  const sources = record
    ? (await listSources(deps.db, [record.id])).map((s) => ({
        title: s.title,
        date: s.source_date && s.source_precision ? { value: s.source_date, precision: s.source_precision } : null,
        url: s.url,
      }))
    : [];
  const allowed = lifecycleAllows(record?.state ?? 'none');
  const qualifies = q.problems.length === 0;
  return {
    ref,
    facts,
    qualification: q,
    notice,
    record,
    otherOrganisation: other,
    sources,
    corrections: record ? await listCorrections(deps.db, record.id) : [],
    preview: qualifies ? snapshotOf(facts, q) : null,
    can: registryAbilities(other ? null : grant, {
      announce: allowed.announce && qualifies && record?.state !== 'published',
      publish: allowed.publish && qualifies && notice.satisfied,
      correct: allowed.correct && qualifies,
      withdraw: allowed.withdraw,
    }),
  };
};

const qualifiedOrThrow = (q: Qualification): void => {
  if (q.problems.length > 0) throw new Invalid({ field: '_form', key: `registry.problems.${q.problems[0]}` });
};

const audit = (tx: Tx, clock: Clock, grant: RegistryGrant, action: AuditAction, subjectId: string, caseId?: string) =>
  recordAudit(tx, {
    actorUserId: grant.auth.userId,
    actorRole: grant.auth.role,
    organisationId: grant.organisationId,
    action,
    caseId: caseId ?? null,
    subjectId,
    at: isoNow(clock),
  });

const tellFamilies = async (tx: Tx, facts: PublicFacts, kind: NewsKind, recordId: string, day: string) => {
  for (const c of facts.cases) await notifyFamily(tx, { caseId: c.caseId, kind, refId: recordId, day });
};

/** Reads the person's facts inside the transaction that acts on them, or fails like a missing case. */
const factsIn = async (tx: Tx, personId: string): Promise<PublicFacts> => {
  const facts = await publicFactsOfPerson(tx, personId);
  if (!facts) throw new Invalid({ field: '_form', key: 'errors.notFound' });
  return facts;
};

const ownRecord = (record: RecordRow | undefined, grant: RegistryGrant) => {
  if (record && record.organisation_id !== grant.organisationId)
    throw new Invalid({ field: '_form', key: 'registry.errors.otherOrganisation' });
  return record;
};

/**
 * Step 1: tell every family with a case about the person that a publication is being prepared
 * (or, with `waiver`, record why they cannot be told first). Families already told are not told
 * twice — unless the record was withdrawn since: they were last told it was taken down, so this
 * is a new notice for every family. The record is created, not public, with what would be published.
 */
export const announce = async (
  deps: RegistryDeps,
  grant: RegistryGrant<'announce'> | RegistryGrant<'waive_notice'>,
  ref: CaseRef,
  waiver?: WaiverReason,
): Promise<string> =>
  changing(deps.db, () =>
    deps.db.transaction().execute(async (tx) => {
      const now = isoNow(deps.clock);
      const day = registryDay(deps);
      await bumpVersion(tx, now);
      const facts = await factsIn(tx, ref.personId);
      const q = qualify(facts);
      qualifiedOrThrow(q);
      const existing = ownRecord(await findRecordOfPerson(tx, ref.personId), grant);
      transition(existing?.state ?? 'none', 'announce', 'verifier');
      const snapshot = snapshotOf(facts, q);
      const id = existing?.id ?? randomUUID();
      if (existing) {
        const patch = {
          ...snapshot,
          state: 'announced' as const,
          announced_on: day,
          notice_waiver: waiver ?? null,
          notice_waiver_case: waiver ? ref.caseId : null,
        };
        if (!(await updateRecordIf(tx, id, fromStates('announce'), patch))) throw refusal();
      } else {
        await insertRecords(tx, [
          {
            id,
            seq: await nextSeq(tx),
            origin: 'case',
            person_id: ref.personId,
            organisation_id: grant.organisationId,
            state: 'announced',
            version: 0,
            ...snapshot,
            announced_on: day,
            notice_waiver: waiver ?? null,
            notice_waiver_case: waiver ? ref.caseId : null,
            published_at: null,
            updated_at: null,
            withdrawn_at: null,
            withdraw_reason: null,
          },
        ]);
      }
      const anew = existing?.state === 'withdrawn';
      for (const c of facts.cases) {
        if (anew || !(await familyLastTold(tx, c.caseId, id, 'publication_planned')).told)
          await notifyFamily(tx, { caseId: c.caseId, kind: 'publication_planned', refId: id, day });
      }
      await audit(tx, deps.clock, grant, waiver ? 'registry.notice_waived' : 'registry.announced', id, ref.caseId);
      return id;
    }),
  );

const sourceRows = (recordId: string, sources: SourceInput[]) =>
  sources.map((s, i) => ({
    id: randomUUID(),
    record_id: recordId,
    position: i + 1,
    title: s.title,
    source_date: s.date?.value ?? null,
    source_precision: s.date?.precision ?? null,
    url: s.url,
  }));

/** Step 2: make the record public, once the rules hold and the family was told long enough ago. */
export const publish = async (
  deps: RegistryDeps,
  grant: RegistryGrant<'publish'>,
  ref: CaseRef,
  input: PublishInput,
): Promise<string> =>
  changing(deps.db, () =>
    deps.db.transaction().execute(async (tx) => {
      const now = isoNow(deps.clock);
      const day = registryDay(deps);
      await bumpVersion(tx, now);
      const facts = await factsIn(tx, ref.personId);
      const q = qualify(facts);
      qualifiedOrThrow(q);
      const record = ownRecord(await findRecordOfPerson(tx, ref.personId), grant);
      // A withdrawn record is announced again first (record-lifecycle.ts): say so, not "changed".
      if (!record || record.state === 'withdrawn')
        throw new Invalid({ field: '_form', key: 'registry.errors.tellFirst' });
      transition(record.state, 'publish', 'verifier');
      const notice = await noticeState(tx, facts, record, day, deps.config.registryNoticeDays);
      if (!notice.satisfied) throw new Invalid({ field: '_form', key: 'registry.errors.tellFirst' });
      const snapshot = snapshotOf(facts, q);
      const ok = await updateRecordIf(tx, record.id, fromStates('publish'), {
        ...snapshot,
        state: 'published',
        version: record.version + 1,
        published_at: record.published_at ?? now,
        updated_at: now,
        withdrawn_at: null,
        withdraw_reason: null,
      });
      if (!ok) throw refusal();
      await replaceSources(tx, record.id, sourceRows(record.id, input.sources));
      await addToCounts(tx, [{ ...cellOf(snapshot), delta: 1 }]);
      await tellFamilies(tx, facts, 'published', record.id, day);
      await audit(tx, deps.clock, grant, 'registry.published', record.id, ref.caseId);
      return record.id;
    }),
  );

/**
 * A published record corrected: the snapshot is taken again from the person's facts as they are
 * now (when the person is still on record), the sources replaced, and a public note says what
 * changed. The tallies move from the old cell to the new one.
 */
export const correct = async (
  deps: RegistryDeps,
  grant: RegistryGrant<'correct'>,
  recordId: string,
  input: CorrectInput,
): Promise<void> =>
  changing(deps.db, () =>
    deps.db.transaction().execute(async (tx) => {
      const now = isoNow(deps.clock);
      const day = registryDay(deps);
      await bumpVersion(tx, now);
      const record = ownRecord(await findRecord(tx, recordId), grant);
      if (!record) throw new Invalid({ field: '_form', key: 'errors.notFound' });
      transition(record.state, 'correct', 'verifier');
      const facts = record.person_id ? await publicFactsOfPerson(tx, record.person_id) : undefined;
      let snapshot: Partial<Snapshot> = {};
      if (facts) {
        const q = qualify(facts);
        qualifiedOrThrow(q);
        snapshot = snapshotOf(facts, q);
      }
      const before = cellOf(record);
      const after = cellOf({ ...record, ...snapshot });
      const ok = await updateRecordIf(tx, record.id, fromStates('correct'), {
        ...snapshot,
        version: record.version + 1,
        updated_at: now,
      });
      if (!ok) throw refusal();
      await replaceSources(tx, record.id, sourceRows(record.id, input.sources));
      await insertCorrection(tx, {
        id: randomUUID(),
        record_id: record.id,
        version: record.version + 1,
        corrected_on: day,
        note: input.note,
      });
      if (!sameCell(before, after))
        await addToCounts(tx, [
          { ...before, delta: -1 },
          { ...after, delta: 1 },
        ]);
      if (facts) await tellFamilies(tx, facts, 'publication_corrected', record.id, day);
      await audit(tx, deps.clock, grant, 'registry.corrected', record.id);
    }),
  );

export interface RecordPageView {
  sources: PublicSource[];
  corrections: Array<{ version: number; corrected_on: string; note: string }>;
  can: RegistryAbilities;
}

/** What the staff page of one record shows and offers. */
export const recordPageView = async (
  db: Queryable,
  grant: RegistryGrant,
  record: RecordRow,
): Promise<RecordPageView> => {
  const allowed = lifecycleAllows(record.state);
  return {
    sources: sourcesByRecord(await listSources(db, [record.id])).get(record.id) ?? [],
    corrections: await listCorrections(db, record.id),
    can: registryAbilities(grant, { ...allowed, announce: false, publish: false }),
  };
};

/** Takes a record out of the registry (kept, never shown); inside the caller's transaction. */
const withdrawIn = async (
  tx: Tx,
  clock: Clock,
  record: RecordRow,
  actor: RecordActor,
  reason: WithdrawReason,
): Promise<void> => {
  transition(record.state, 'withdraw', actor);
  const now = isoNow(clock);
  await bumpVersion(tx, now);
  const ok = await updateRecordIf(tx, record.id, fromStates('withdraw'), {
    state: 'withdrawn',
    withdrawn_at: now,
    withdraw_reason: reason,
  });
  if (!ok) throw refusal();
  if (record.state === 'published') await addToCounts(tx, [{ ...cellOf(record), delta: -1 }]);
};

/** A verifier withdraws a record (a relative asked, an error, a risk to someone). */
export const withdraw = async (
  deps: RegistryDeps,
  grant: RegistryGrant<'withdraw'>,
  recordId: string,
  reason: WithdrawReason,
): Promise<void> =>
  changing(deps.db, () =>
    deps.db.transaction().execute(async (tx) => {
      const record = ownRecord(await findRecord(tx, recordId), grant);
      if (!record) throw new Invalid({ field: '_form', key: 'errors.notFound' });
      await withdrawIn(tx, deps.clock, record, 'verifier', reason);
      const facts = record.person_id ? await publicFactsOfPerson(tx, record.person_id) : undefined;
      if (facts && record.state === 'published')
        await tellFamilies(tx, facts, 'publication_withdrawn', record.id, registryDay(deps));
      await audit(tx, deps.clock, grant, 'registry.withdrawn', record.id);
    }),
  );

export interface FamilyPublicationView {
  doNotPublish: boolean;
  /** the record about the person, when one is being prepared or is public */
  record: {
    id: string;
    state: 'announced' | 'published';
    announcedOn: string | null;
    publishedAt: string | null;
    /**
     * while it is being prepared: the first day it may be published as far as this family goes
     * (told + the notice days; null when not told yet or when its notice was waived)
     */
    notBefore: string | null;
  } | null;
}

/** What the family's publication page shows. */
export const familyPublicationView = async (
  db: Db,
  grant: CaseGrant,
  noticeDays: number,
): Promise<FamilyPublicationView> => {
  const ref = await caseRefForRegistry(db, grant.caseId);
  const record = await findRecordOfPerson(db, grant.personId);
  const live = record && (record.state === 'announced' || record.state === 'published');
  if (!live) return { doNotPublish: ref?.doNotPublish ?? false, record: null };
  const told =
    record.state === 'announced' ? await familyLastTold(db, grant.caseId, record.id, 'publication_planned') : null;
  const waived = !!record.notice_waiver && record.notice_waiver_case === grant.caseId;
  return {
    doNotPublish: ref?.doNotPublish ?? false,
    record: {
      id: record.id,
      state: record.state as 'announced' | 'published',
      announcedOn: record.announced_on,
      publishedAt: record.published_at,
      notBefore: told?.on && !waived ? addDays(told.on, noticeDays) : null,
    },
  };
};

/**
 * The family's choice. "Do not publish" also withdraws, in the same transaction, whatever is
 * being prepared or already public about the person (an unwanted record disappears at once,
 * whoever published it); the organisation sees the withdrawal on its desk.
 */
export const chooseFamilyPublication = async (
  deps: RegistryDeps,
  grant: CaseGrant<'choose_publication'>,
  doNotPublish: boolean,
): Promise<void> =>
  changing(deps.db, () =>
    deps.db.transaction().execute(async (tx) => {
      await setDoNotPublish(tx, deps.clock, grant, doNotPublish);
      if (!doNotPublish) return;
      const record = await findRecordOfPerson(tx, grant.personId);
      if (!record || (record.state !== 'announced' && record.state !== 'published')) return;
      await withdrawIn(tx, deps.clock, record, 'family', 'family_opted_out');
      await recordAudit(tx, {
        actorUserId: grant.auth.userId,
        actorRole: grant.auth.role,
        organisationId: record.organisation_id,
        action: 'registry.withdrawn',
        caseId: grant.caseId,
        subjectId: record.id,
        at: registryDay(deps),
      });
    }),
  );

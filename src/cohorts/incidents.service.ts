import { randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { orgDay, isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { openWith, sealTo } from '../shared/crypto/index.ts';
import { lockOrganisation, organisationPrivateKey } from '../accounts/accounts.service.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import { clusterMembers, clusterOf, getRecord, getRecords, type RecordView } from '../people/person-records.service.ts';
import type { PartialDate } from '../people/partial-date.ts';
import { casesOfRecords } from '../cases/case-links.service.ts';
import { notifyFamily } from '../cases/case-news.service.ts';
import type { EventKind, EventSource, Verification } from '../cases/timeline.ts';
import { descriptionAad } from './cohort-keys.ts';
import { grantMatchingObject, type MatchingGrant } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import {
  findFact,
  findIncident,
  findIncidents,
  insertFact,
  insertIncident,
  insertSource,
  linkPersonRow,
  listFacts,
  listIncidents,
  listLinksOfPersons,
  listPersonsOf,
  listSources,
  raiseFact,
  unlinkPersonRow,
} from './incidents.repository.ts';
import { isUuid } from '../shared/ids.ts';

// Incidents: one event shared by several persons — five officers held in one basement and then
// listed missing after it was shelled; sixty men from one penal colony killed in one assault.
// Staff link person records to it; sources are attached once, to the incident; facts about it are
// verified like events, and a fact confirmed reaches every linked family's case as news. Each
// linked person's case shows the incident; its families form a cohort of their own.
// Title, date and place are in clear (like an event's kind, date and place); the description may
// say what a witness told, so it is sealed to the organisation and staff alone read it.

export interface IncidentsDeps {
  db: Db;
  clock: Clock;
  /** the calendar that dates what families do and see (orgDay) */
  config?: { timeZone?: string };
}

const LEVELS: readonly Verification[] = ['reported', 'corroborated', 'confirmed'];

export interface IncidentInput {
  title: string;
  /** required: the form's schema says so; undefined only if a caller skipped it */
  date?: PartialDate;
  place?: string;
  description?: string;
}

const required = <T>(v: T | undefined, field: string): T => {
  if (v === undefined) throw new Invalid({ field, key: 'errors.required' });
  return v;
};

const audit = (tx: Queryable, grant: MatchingGrant, action: AuditAction, at: string, caseId: string | null = null) =>
  recordAudit(tx, {
    actorUserId: grant.auth.userId,
    actorRole: grant.auth.role,
    organisationId: grant.organisationId,
    action,
    caseId,
    at,
  });

export const createIncident = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit'>,
  input: IncidentInput,
): Promise<string> => {
  const id = randomUUID();
  const at = isoNow(deps.clock);
  const date = required(input.date, 'date');
  await deps.db.transaction().execute(async (tx) => {
    const orgKey = await lockOrganisation(tx, grant.organisationId, 'share');
    await insertIncident(tx, {
      id,
      organisation_id: grant.organisationId,
      title: input.title,
      event_date: date.value,
      date_precision: date.precision,
      place: input.place ?? null,
      description_sealed: input.description
        ? sealTo(orgKey, Buffer.from(input.description, 'utf8'), descriptionAad(id))
        : null,
      created_by: grant.auth.userId,
      created_at: at,
    });
    await audit(tx, grant, 'incident.created', at);
  });
  return id;
};

/** The grant for the incident a fact belongs to (confirming it takes incident_confirm), or NotFound. */
export const authoriseFact = async (
  db: Queryable,
  principal: Principal,
  factId: string,
  level: Verification,
): Promise<{ grant: MatchingGrant<'incident_edit' | 'incident_confirm'>; incidentId: string }> => {
  const fact = isUuid(factId) ? await findFact(db, factId) : undefined;
  const incident = fact ? await findIncident(db, fact.incident_id) : undefined;
  const grant = grantMatchingObject(
    principal,
    incident?.organisation_id,
    level === 'confirmed' ? 'incident_confirm' : 'incident_edit',
  );
  return { grant, incidentId: incident!.id };
};

/** The grant for an incident of one's own organisation, or NotFound. */
export const authoriseIncident = async <A extends 'search' | 'incident_edit' | 'incident_confirm'>(
  db: Queryable,
  principal: Principal,
  id: string,
  action: A,
) => grantMatchingObject(principal, isUuid(id) ? (await findIncident(db, id))?.organisation_id : undefined, action);

const ownIncident = async (db: Queryable, grant: MatchingGrant, id: string) => {
  const row = await findIncident(db, id);
  if (!row || row.organisation_id !== grant.organisationId) throw new NotFound('incident');
  return row;
};

export interface IncidentFact {
  id: string;
  kind: EventKind;
  date: PartialDate;
  place: string | null;
  verification: Verification;
}

export interface IncidentSource {
  id: string;
  kind: EventSource;
  citation: string;
  date: string | null;
}

export interface IncidentSummary {
  id: string;
  title: string;
  date: PartialDate;
  place: string | null;
  facts: IncidentFact[];
  sources: IncidentSource[];
}

const summaries = async (
  db: Queryable,
  rows: Awaited<ReturnType<typeof findIncidents>>,
): Promise<IncidentSummary[]> => {
  const ids = rows.map((r) => r.id);
  const facts = await listFacts(db, ids);
  const sources = await listSources(db, ids);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    date: { value: r.event_date, precision: r.date_precision },
    place: r.place,
    facts: facts
      .filter((f) => f.incident_id === r.id)
      .map((f) => ({
        id: f.id,
        kind: f.kind as EventKind,
        date: { value: f.event_date, precision: f.date_precision },
        place: f.place,
        verification: f.verification,
      })),
    sources: sources
      .filter((s) => s.incident_id === r.id)
      .map((s) => ({ id: s.id, kind: s.kind as EventSource, citation: s.citation, date: s.source_date })),
  }));
};

export const incidentsOf = async (deps: IncidentsDeps, grant: MatchingGrant<'search'>) =>
  summaries(deps.db, await listIncidents(deps.db, grant.organisationId));

export interface IncidentPage extends IncidentSummary {
  description: string | null;
  persons: Array<{ record: RecordView; caseId: string | null }>;
}

export const incidentPage = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'search'>,
  id: string,
): Promise<IncidentPage> => {
  const row = await ownIncident(deps.db, grant, id);
  const [summary] = await summaries(deps.db, [row]);
  const personIds = await listPersonsOf(deps.db, id);
  const records = await getRecords(deps.db, personIds);
  const cases = new Map((await casesOfRecords(deps.db, personIds)).map((c) => [c.personId, c.caseId]));
  const description = row.description_sealed
    ? openWith(
        await organisationPrivateKey(deps.db, grant.auth, grant.organisationId),
        row.description_sealed,
        descriptionAad(id),
      ).toString('utf8')
    : null;
  return {
    ...summary,
    description,
    persons: personIds.flatMap((p) => {
      const record = records.get(p);
      return record ? [{ record, caseId: cases.get(p) ?? null }] : [];
    }),
  };
};

/** The open cases about any record of the clusters of these records (each told once). */
const activeCasesAround = async (tx: Queryable, personIds: string[]) => {
  const records = await getRecords(tx, personIds);
  const members = new Set<string>();
  for (const cluster of new Set([...records.values()].map(clusterOf)))
    for (const m of await clusterMembers(tx, cluster)) members.add(m.id);
  return (await casesOfRecords(tx, [...members])).filter((c) => c.active);
};

const tellLinkedFamilies = async (tx: Tx, incidentId: string, factId: string, day: string): Promise<number> => {
  const cases = await activeCasesAround(tx, await listPersonsOf(tx, incidentId));
  for (const c of cases) await notifyFamily(tx, { caseId: c.caseId, kind: 'incident', refId: factId, day });
  return cases.length;
};

export const linkPerson = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit'>,
  incidentId: string,
  personId: string,
): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await ownIncident(tx, grant, incidentId);
    const record = isUuid(personId) ? await getRecord(tx, personId) : undefined;
    if (!record || record.organisation_id !== grant.organisationId)
      throw new Invalid({ field: 'person', key: 'cohorts.errors.noSuchRecord' });
    if (
      !(await linkPersonRow(tx, {
        incident_id: incidentId,
        person_id: personId,
        linked_by: grant.auth.userId,
        linked_at: at,
      }))
    )
      return;
    const [c] = await casesOfRecords(tx, [personId]);
    await audit(tx, grant, 'incident.person_linked', at, c?.caseId ?? null);
    // Facts already confirmed reach a family linked later too.
    const confirmed = (await listFacts(tx, [incidentId])).filter((f) => f.verification === 'confirmed');
    if (confirmed.length) {
      for (const cs of await activeCasesAround(tx, [personId]))
        for (const f of confirmed)
          await notifyFamily(tx, { caseId: cs.caseId, kind: 'incident', refId: f.id, day: orgDay(deps) });
    }
  });
};

export const unlinkPerson = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit'>,
  incidentId: string,
  personId: string,
): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await ownIncident(tx, grant, incidentId);
    if (!(await unlinkPersonRow(tx, incidentId, personId))) return;
    const [c] = await casesOfRecords(tx, [personId]);
    await audit(tx, grant, 'incident.person_unlinked', at, c?.caseId ?? null);
  });
};

/** Confirming a fact takes the policy's 'incident_confirm' (a verifier or the admin). */
const checkLevel = (grant: MatchingGrant<'incident_edit' | 'incident_confirm'>, level: Verification): void => {
  if (level === 'confirmed' && grant.action !== 'incident_confirm')
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
};

export const addFact = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit' | 'incident_confirm'>,
  incidentId: string,
  input: { kind: EventKind; date?: PartialDate; place?: string; verification: Verification },
): Promise<{ told: number }> => {
  checkLevel(grant, input.verification);
  const date = required(input.date, 'date');
  const at = isoNow(deps.clock);
  return deps.db.transaction().execute(async (tx) => {
    await ownIncident(tx, grant, incidentId);
    const id = randomUUID();
    await insertFact(tx, {
      id,
      incident_id: incidentId,
      kind: input.kind,
      event_date: date.value,
      date_precision: date.precision,
      place: input.place ?? null,
      verification: input.verification,
      added_by: grant.auth.userId,
      added_at: at,
      verified_by: input.verification === 'reported' ? null : grant.auth.userId,
      verified_at: input.verification === 'reported' ? null : at,
    });
    await audit(tx, grant, 'incident.edited', at);
    const told = input.verification === 'confirmed' ? await tellLinkedFamilies(tx, incidentId, id, orgDay(deps)) : 0;
    return { told };
  });
};

/** Raises a fact's level (never lowers it); confirming it tells every linked family. */
export const verifyFact = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit' | 'incident_confirm'>,
  factId: string,
  level: Verification,
): Promise<{ told: number }> => {
  checkLevel(grant, level);
  const at = isoNow(deps.clock);
  return deps.db.transaction().execute(async (tx) => {
    const fact = isUuid(factId) ? await findFact(tx, factId) : undefined;
    if (!fact) throw new NotFound('fact');
    await ownIncident(tx, grant, fact.incident_id);
    const lower = LEVELS.slice(0, LEVELS.indexOf(level));
    if (!(await raiseFact(tx, factId, lower, { verification: level, verified_by: grant.auth.userId, verified_at: at })))
      throw new Conflict('cases.errors.notHigher');
    await audit(tx, grant, 'incident.fact_verified', at);
    const told = level === 'confirmed' ? await tellLinkedFamilies(tx, fact.incident_id, factId, orgDay(deps)) : 0;
    return { told };
  });
};

export const addSource = async (
  deps: IncidentsDeps,
  grant: MatchingGrant<'incident_edit'>,
  incidentId: string,
  input: { kind: EventSource; citation: string; date?: PartialDate },
): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await ownIncident(tx, grant, incidentId);
    await insertSource(tx, {
      id: randomUUID(),
      incident_id: incidentId,
      kind: input.kind,
      citation: input.citation,
      source_date: input.date?.value ?? null,
      added_by: grant.auth.userId,
      added_at: at,
    });
    await audit(tx, grant, 'incident.edited', at);
  });
};

/**
 * The incidents linked to any record of these records' clusters (a case page, a record page): what
 * each linked person's timeline shows. Never the description.
 */
export const incidentsAround = async (db: Queryable, personIds: string[]): Promise<IncidentSummary[]> => {
  const records = await getRecords(db, personIds);
  const members = new Set<string>(personIds);
  for (const cluster of new Set([...records.values()].map(clusterOf)))
    for (const m of await clusterMembers(db, cluster)) members.add(m.id);
  const links = await listLinksOfPersons(db, [...members]);
  return summaries(db, await findIncidents(db, [...new Set(links.map((l) => l.incident_id))]));
};

/** Incident ids per record, for cohorts (the families of one incident form a cohort). */
export const incidentLinksOf = (db: Queryable, personIds: string[]) => listLinksOfPersons(db, personIds);

export const incidentTitles = async (db: Queryable, ids: string[]): Promise<Map<string, string>> =>
  new Map((await findIncidents(db, ids)).map((r) => [r.id, r.title]));

import type { Insertable } from 'kysely';
import type { Queryable } from '../db/database.ts';
import type { IncidentFactsTable, IncidentSourcesTable, IncidentsTable } from './cohorts.table.ts';

// Queries of incidents (incidents.service.ts holds the rules).

export const insertIncident = async (db: Queryable, row: Insertable<IncidentsTable>): Promise<void> => {
  await db.insertInto('incidents').values(row).execute();
};

export const findIncident = (db: Queryable, id: string) =>
  db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();

export const findIncidents = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();

export const listIncidents = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('incidents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('event_date', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();

export const setDescription = async (db: Queryable, id: string, sealed: string | null): Promise<void> => {
  await db.updateTable('incidents').set({ description_sealed: sealed }).where('id', '=', id).execute();
};

export const listDescriptionsOfOrganisation = (db: Queryable, organisationId: string) =>
  db
    .selectFrom('incidents')
    .select(['id', 'description_sealed'])
    .where('organisation_id', '=', organisationId)
    .where('description_sealed', 'is not', null)
    .execute();

export const linkPersonRow = async (
  db: Queryable,
  row: { incident_id: string; person_id: string; linked_by: string; linked_at: string },
): Promise<boolean> => {
  const exists = await db
    .selectFrom('incident_persons')
    .select('person_id')
    .where('incident_id', '=', row.incident_id)
    .where('person_id', '=', row.person_id)
    .executeTakeFirst();
  if (exists) return false;
  await db.insertInto('incident_persons').values(row).execute();
  return true;
};

export const unlinkPersonRow = async (db: Queryable, incidentId: string, personId: string): Promise<boolean> =>
  Number(
    (
      await db
        .deleteFrom('incident_persons')
        .where('incident_id', '=', incidentId)
        .where('person_id', '=', personId)
        .executeTakeFirst()
    ).numDeletedRows,
  ) === 1;

export const listPersonsOf = async (db: Queryable, incidentId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('incident_persons')
      .select('person_id')
      .where('incident_id', '=', incidentId)
      .orderBy('linked_at')
      .execute()
  ).map((r) => r.person_id);

export const listLinksOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_persons')
        .select(['incident_id', 'person_id'])
        .where('person_id', 'in', personIds)
        .execute();

export const insertFact = async (db: Queryable, row: Insertable<IncidentFactsTable>): Promise<void> => {
  await db.insertInto('incident_facts').values(row).execute();
};

export const findFact = (db: Queryable, id: string) =>
  db.selectFrom('incident_facts').selectAll().where('id', '=', id).executeTakeFirst();

export const listFacts = (db: Queryable, incidentIds: string[]) =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_facts')
        .selectAll()
        .where('incident_id', 'in', incidentIds)
        .orderBy('event_date')
        .orderBy('added_at')
        .execute();

export const raiseFact = async (
  db: Queryable,
  id: string,
  from: readonly string[],
  patch: { verification: IncidentFactsTable['verification']; verified_by: string; verified_at: string },
): Promise<boolean> =>
  Number(
    (
      await db
        .updateTable('incident_facts')
        .set(patch)
        .where('id', '=', id)
        .where('verification', 'in', from as IncidentFactsTable['verification'][])
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const insertSource = async (db: Queryable, row: Insertable<IncidentSourcesTable>): Promise<void> => {
  await db.insertInto('incident_sources').values(row).execute();
};

export const listSources = (db: Queryable, incidentIds: string[]) =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_sources')
        .selectAll()
        .where('incident_id', 'in', incidentIds)
        .orderBy('added_at')
        .execute();

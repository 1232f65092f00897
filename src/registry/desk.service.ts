import type { Db } from '../db/database.ts';
import { fullName, getPersons } from '../people/people.service.ts';
import { registryCandidates } from '../cases/publication-facts.service.ts';
import type { RegistryGrant } from '../policy/registry.policy.ts';
import { listRecordsOfOrganisation, listRecordsOfPersons, type RecordRow } from './registry.repository.ts';
import { countNewRequests } from './registry-requests.repository.ts';

// The verifier's desk: the organisation's cases whose person may be published (the status the
// rules start from), what stage each record is at, the records it published, and how many
// relatives' requests wait.

export interface DeskCandidate {
  caseId: string;
  name: string;
  status: string;
  doNotPublish: boolean;
  record: { state: string; announcedOn: string | null; ours: boolean } | null;
}

export interface Desk {
  candidates: DeskCandidate[];
  records: RecordRow[];
  newRequests: number;
}

export const deskView = async (db: Db, grant: RegistryGrant<'desk'>): Promise<Desk> => {
  const candidates = await registryCandidates(db, grant.organisationId);
  const personIds = candidates.map((c) => c.personId);
  const persons = await getPersons(db, personIds);
  const records = new Map((await listRecordsOfPersons(db, personIds)).map((r) => [r.person_id, r]));
  return {
    candidates: candidates.map((c) => {
      const p = persons.get(c.personId);
      const r = records.get(c.personId);
      return {
        caseId: c.caseId,
        name: p ? fullName(p) : '',
        status: c.status,
        doNotPublish: c.doNotPublish,
        record: r
          ? { state: r.state, announcedOn: r.announced_on, ours: r.organisation_id === grant.organisationId }
          : null,
      };
    }),
    records: await listRecordsOfOrganisation(db, grant.organisationId),
    newRequests: await countNewRequests(db, grant.organisationId),
  };
};

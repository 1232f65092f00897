import { CASE_STAFF, only, type RouteSpec } from '../route-spec.ts';
import { issue11 } from '../issue11-fixtures.ts';

// Person records (issue 11): search, a record's page, the review queue, decisions and undoing a
// decision or a merge. Organisation A's case staff only; another organisation's staff reach their own (empty)
// lists and a 404 for A's objects; editors, families and the public nothing.

const LISTS = only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin');

export const matchingSpecs: RouteSpec[] = [
  // In Latin: the form repeats what was typed, and only those who may read the case may see
  // "Сазонтьев" found by it.
  { method: 'GET', route: '/staff/people', request: () => ({ url: '/staff/people?q=Sazontev' }), outcome: LISTS },
  {
    method: 'GET',
    route: '/staff/people.csv',
    request: () => ({ url: '/staff/people.csv?q=Трофимов' }),
    outcome: LISTS,
  },
  {
    method: 'GET',
    route: '/staff/people/:id',
    request: async (w) => ({ url: `/staff/people/${(await issue11(w)).personId}` }),
    outcome: only(...CASE_STAFF),
  },
  { method: 'GET', route: '/staff/matches', request: () => ({ url: '/staff/matches?filter=pending' }), outcome: LISTS },
  {
    method: 'GET',
    route: '/staff/matches/:id',
    request: async (w) => ({ url: `/staff/matches/${(await issue11(w)).pendingPair}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/matches/:id',
    // "unsure" by the first allowed principal; the others reach the "already decided" answer.
    request: async (w) => ({ url: `/staff/matches/${(await issue11(w)).pendingPair}`, fields: { decision: 'unsure' } }),
    outcome: only(...CASE_STAFF),
  },
  // Tips resembling A's records: sealed to A, opened for A's case staff only.
  { method: 'GET', route: '/staff/matches/tips', request: () => ({ url: '/staff/matches/tips' }), outcome: LISTS },
  {
    method: 'GET',
    route: '/staff/matches/tips/:id',
    request: async (w) => ({ url: `/staff/matches/tips/${(await issue11(w)).tipMatchId}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/matches/tips/:id',
    // "unsure" by the caseworker (first); the others reach "already decided".
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/staff/matches/tips/${o.tipMatchId}`, fields: { person: o.tipMatchPerson, decision: 'unsure' } };
    },
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/matches/:id/undo',
    // The pending pair has no decision to undo: case staff reach the "not decided" answer (409).
    request: async (w) => ({ url: `/staff/matches/${(await issue11(w)).pendingPair}/undo`, fields: {} }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/merges/:id/undo',
    request: async (w) => ({ url: `/staff/merges/${(await issue11(w)).mergeId}/undo`, fields: {} }),
    outcome: only(...CASE_STAFF),
  },
];

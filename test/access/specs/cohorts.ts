import { CASE_STAFF, FAMILY, only, type RouteSpec } from '../route-spec.ts';
import { issue11 } from '../issue11-fixtures.ts';

// Incidents (organisation A's case staff) and the families' boards (the opted-in families of the
// cohort and the organisation's case staff; moderation, and resetting a family's name, staff
// only; a name on the board the family's alone). A family's cohort setting is its own: the
// requesting family alone. A family on a board may leave it (the owner); one that left on its own
// may come back (the other family); staff remove a family and let it back.

const LISTS = only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin');
const A_STAFF = only(...CASE_STAFF);

export const cohortSpecs: RouteSpec[] = [
  { method: 'GET', route: '/staff/incidents', request: () => ({ url: '/staff/incidents' }), outcome: LISTS },
  {
    method: 'POST',
    route: '/staff/incidents',
    // No date: those allowed reach the form's errors, nothing is created.
    request: () => ({ url: '/staff/incidents', fields: { title: 'Проверка' } }),
    outcome: LISTS,
  },
  {
    method: 'GET',
    route: '/staff/incidents/:id',
    request: async (w) => ({ url: `/staff/incidents/${(await issue11(w)).incidentId}` }),
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/staff/incidents/link',
    request: async (w) => {
      const o = await issue11(w);
      return { url: '/staff/incidents/link', fields: { incident: o.incidentId, person: o.personId } };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/staff/incidents/:id/unlink',
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/staff/incidents/${o.incidentId}/unlink`, fields: { person: o.personId } };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/staff/incidents/:id/facts',
    // No date: the form's errors, nothing added.
    request: async (w) => ({
      url: `/staff/incidents/${(await issue11(w)).incidentId}/facts`,
      fields: { kind: 'missing' },
    }),
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/staff/incidents/facts/:id/verify',
    request: async (w) => ({
      url: `/staff/incidents/facts/${await (await issue11(w)).freshFact()}/verify`,
      fields: { verification: 'corroborated' },
    }),
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/staff/incidents/:id/sources',
    request: async (w) => ({
      url: `/staff/incidents/${(await issue11(w)).incidentId}/sources`,
      fields: { kind: 'news', citation: '' },
    }),
    outcome: A_STAFF,
  },
  { method: 'GET', route: '/staff/cohorts', request: () => ({ url: '/staff/cohorts' }), outcome: LISTS },
  {
    method: 'GET',
    route: '/cohorts/:id',
    request: async (w) => ({ url: `/cohorts/${(await issue11(w)).boardId}` }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/cohorts/:id/posts',
    // Empty: those allowed reach the form's "required".
    request: async (w) => ({ url: `/cohorts/${(await issue11(w)).boardId}/posts`, fields: { body: '' } }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/cohorts/:id/name',
    // Too short: the family reaches the form's error, its name on the board stays as it was.
    request: async (w) => ({ url: `/cohorts/${(await issue11(w)).boardId}/name`, fields: { display_name: 'я' } }),
    // A family's own name on the board: staff have none to choose there.
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cohorts/:id/posts/:postId/hide',
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/cohorts/${o.boardId}/posts/${o.postId}/hide`, fields: { reason: 'spam' } };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/cohorts/:id/posts/:postId/restore',
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/cohorts/${o.boardId}/posts/${o.postId}/restore`, fields: {} };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/cohorts/:id/posts/:postId/reset-name',
    // The post's family shows under a name it chose each time: an allowed request resets it, a
    // refused one leaves it (the matrix checks nothing changed).
    request: async (w) => {
      const o = await issue11(w);
      await o.freshName();
      return { url: `/cohorts/${o.boardId}/posts/${o.postId}/reset-name`, fields: {} };
    },
    outcome: A_STAFF,
  },
  {
    method: 'GET',
    route: '/cohorts/:id/leave',
    request: async (w) => ({ url: `/cohorts/${(await issue11(w)).boardId}/leave` }),
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cohorts/:id/leave',
    // Not confirmed: the owner reaches the page that asks for it, and stays on the board.
    request: async (w) => ({ url: `/cohorts/${(await issue11(w)).boardId}/leave`, fields: {} }),
    outcome: only(...FAMILY),
  },
  {
    method: 'GET',
    route: '/cohorts/:id/remove',
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/cohorts/${o.boardId}/remove?post=${o.postId}` };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/cohorts/:id/remove',
    // Not confirmed: staff reach the page that asks for it, nobody is removed.
    request: async (w) => {
      const o = await issue11(w);
      return { url: `/cohorts/${o.boardId}/remove`, fields: { post: o.postId, reason: 'informer' } };
    },
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/cohorts/:id/readmit',
    // Nobody removed under that id: staff are told there is nothing to do (409), nothing changes.
    request: async (w) => ({
      url: `/cohorts/${(await issue11(w)).boardId}/readmit`,
      fields: { exit: '00000000-0000-4000-8000-00000000e417' },
    }),
    outcome: A_STAFF,
  },
  {
    method: 'POST',
    route: '/cohorts/:id/rejoin',
    // The other family left the board on its own each time: she alone comes back.
    request: async (w) => {
      const o = await issue11(w);
      await o.freshLeft();
      return { url: `/cohorts/${o.boardId}/rejoin`, fields: {} };
    },
    outcome: only('otherFamily'),
  },
  {
    method: 'POST',
    route: '/cases/:id/cohorts',
    request: (w) => ({ url: `/cases/${w.caseId}/cohorts`, fields: { opt_in: 'yes' } }),
    outcome: only(...FAMILY),
  },
];

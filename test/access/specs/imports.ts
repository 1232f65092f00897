import { CASE_STAFF, only, type RouteSpec } from '../route-spec.ts';
import { issue11 } from '../issue11-fixtures.ts';

// Imports of lists (issue 11): organisation A's case staff; another organisation's staff see
// their own list of imports and nothing of A's.

const LISTS = only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin');

export const importSpecs: RouteSpec[] = [
  { method: 'GET', route: '/staff/imports', request: () => ({ url: '/staff/imports' }), outcome: LISTS },
  { method: 'GET', route: '/staff/imports/new', request: () => ({ url: '/staff/imports/new' }), outcome: LISTS },
  {
    method: 'POST',
    route: '/staff/imports',
    // Not multipart: those allowed reach the form's "choose a file".
    request: () => ({ url: '/staff/imports', fields: { source_name: 'Список' } }),
    outcome: LISTS,
  },
  {
    method: 'GET',
    route: '/staff/imports/:id',
    request: async (w) => ({ url: `/staff/imports/${(await issue11(w)).importId}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/staff/imports/:id/map',
    request: async (w) => ({ url: `/staff/imports/${await (await issue11(w)).freshUpload()}/map` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/imports/:id/map',
    request: async (w) => ({
      url: `/staff/imports/${await (await issue11(w)).freshUpload()}/map`,
      fields: { surname: 'Фамилия', given_name: 'Имя' },
    }),
    outcome: only(...CASE_STAFF),
  },
];

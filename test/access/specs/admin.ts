import { ORG_ADMINS, SITE_ADMINS, only, type RouteSpec } from '../route-spec.ts';
import type { Who } from '../world.ts';

// Running organisations: site admins create organisations and see the jobs; an organisation's
// admins (and a site admin holding its key) invite, reset, remove and rotate — in their own
// organisation only. Removals and revocations are tried on fresh targets.

/** The staff page: any admin sees their own organisations (a site admin holding none is sent on). */
const staffPage = only('orgAdmin', 'otherOrgAdmin', 'siteAdmin', 'siteAdminInOrg');

export const adminSpecs: RouteSpec[] = [
  {
    method: 'GET',
    route: '/admin/organisations',
    request: () => ({ url: '/admin/organisations' }),
    outcome: only(...SITE_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/organisations',
    request: (_w, who: Who) => ({ url: '/admin/organisations', fields: { name: `Организация ${who}` } }),
    outcome: only(...SITE_ADMINS),
  },
  { method: 'GET', route: '/admin/start', request: () => ({ url: '/admin/start' }), outcome: staffPage },
  { method: 'GET', route: '/admin/invites', request: () => ({ url: '/admin/invites' }), outcome: staffPage },
  {
    method: 'POST',
    route: '/admin/invites',
    request: (w) => ({ url: '/admin/invites', fields: { organisationId: w.orgA.id, role: 'caseworker' } }),
    outcome: only(...ORG_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/invites/reset',
    request: (w) => ({ url: '/admin/invites/reset', fields: { userId: w.users.verifier.id } }),
    outcome: only(...ORG_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/invites/remove',
    request: async (w) => ({
      url: '/admin/invites/remove',
      fields: { userId: (await w.freshStaff()).id, confirm: 'yes' },
    }),
    outcome: only(...ORG_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/invites/rotate',
    request: (w) => ({ url: '/admin/invites/rotate', fields: { organisationId: w.orgA.id } }),
    outcome: only(...ORG_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/invites/revoke',
    request: async (w) => ({ url: '/admin/invites/revoke', fields: { inviteId: await w.freshInvite() } }),
    outcome: only(...ORG_ADMINS),
  },
  // What the organisation says to families: organisation A's admins (and a site admin holding its key).
  {
    method: 'GET',
    route: '/admin/about',
    request: (w) => ({ url: `/admin/about?org=${w.orgA.id}` }),
    outcome: only(...ORG_ADMINS),
  },
  {
    method: 'POST',
    route: '/admin/about',
    request: (w) => ({ url: '/admin/about', fields: { organisationId: w.orgA.id, about_ru: 'Помогаем семьям.' } }),
    outcome: only(...ORG_ADMINS),
  },
  { method: 'GET', route: '/admin/jobs', request: () => ({ url: '/admin/jobs' }), outcome: only(...SITE_ADMINS) },
  {
    method: 'POST',
    route: '/admin/jobs/run',
    request: () => ({ url: '/admin/jobs/run', fields: { name: 'retention' } }),
    outcome: only(...SITE_ADMINS),
  },
];

import type { AccountsDeps } from './auth.service.ts';
import { principalOf, type AuthContext } from '../policy/principal.ts';
import { manageableOrganisations, mayAdministerSite } from '../policy/organisation.policy.ts';
import { listOrganisations, organisationsOfUser, staffOfOrganisation } from './accounts.service.ts';
import { pendingInvites } from './staff.service.ts';

// Where an administrator stands in setting up the site. The first administrator used to land on
// an empty list and had to guess what came next; these facts drive the "next steps" page
// (first-steps.routes.tsx) until the site has an organisation and someone besides them to work in it.

export interface FirstSteps {
  /** site admins only: some organisation exists (organisation admins always have theirs) */
  organisation: boolean;
  /** someone other than this administrator works in one of their organisations */
  staff: boolean;
  /** unused invites of the organisations this administrator manages */
  pendingInvites: number;
  /** the administrator holds an organisation's key, so can invite staff themselves */
  canInvite: boolean;
}

export const firstSteps = async (deps: AccountsDeps, auth: AuthContext): Promise<FirstSteps> => {
  const principal = principalOf(auth);
  const all = mayAdministerSite(principal) ? await listOrganisations(deps.db) : [];
  const held = manageableOrganisations(principal, await organisationsOfUser(deps.db, auth.userId));
  let staff = false;
  let pending = 0;
  for (const org of held) {
    staff ||= (await staffOfOrganisation(deps.db, org.id)).some((s) => s.id !== auth.userId);
    pending += (await pendingInvites(deps, org.id)).length;
  }
  return {
    organisation: auth.role !== 'site_admin' || all.length > 0,
    staff,
    pendingInvites: pending,
    canInvite: held.length > 0,
  };
};

/** Nothing left to set up: the administrator goes straight to work. */
export const setUpDone = (s: FirstSteps): boolean => s.organisation && s.staff;

import { accountOf, principalOf, type AuthContext } from './principal.ts';
import { mayAdministerSite, mayAdministerStaff } from './organisation.policy.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';
import { mayPublish } from './registry.policy.ts';
import { mayEdit } from './appeals.policy.ts';

// The links every page's menu may show, decided once per request from who is asking. A link is
// offered only where it leads somewhere for this account: for an editor or a site admin outside
// any organisation the queue was a "not found".

export interface NavAbilities {
  /** a session exists, fully logged in or still at the second factor: it can be ended */
  signedIn: boolean;
  myCases: boolean;
  queue: boolean;
  /** person records: search, review queue, lists, incidents, cohorts (issue 11) */
  people: boolean;
  organisations: boolean;
  staffAdmin: boolean;
  audit: boolean;
  jobs: boolean;
  account: boolean;
  /** the public registry: everyone; its publication desk: those who publish */
  registry: boolean;
  registryDesk: boolean;
  /** the directory of authorities, the letter templates and the guides */
  editor: boolean;
  /** the guides are public */
  guides: boolean;
  /**
   * The session holder is a family: its way back in is a recovery code (it has no administrator to
   * turn to), and its pages speak to a family. Known already at the second factor, before the
   * session is a principal, so it reads the session's account rather than a grant.
   */
  familyAccount: boolean;
  /**
   * The session holder is a site admin: no organisation admin may reset it (mayResetAccount), so
   * its hints do not send it to one. Known at the second factor too, as familyAccount.
   */
  siteAdminAccount: boolean;
}

export const navAbilities = (auth: AuthContext | null): NavAbilities => {
  const principal = principalOf(auth);
  const account = accountOf(principal);
  return {
    signedIn: auth !== null,
    myCases: account?.role === 'family',
    queue: isCaseStaff(account),
    people: isCaseStaff(account),
    organisations: mayAdministerSite(principal),
    staffAdmin: mayAdministerStaff(principal),
    audit: account !== null && account.organisationId !== null && effectiveRole(account) === 'org_admin',
    jobs: mayAdministerSite(principal),
    account: account !== null,
    registry: true,
    registryDesk: mayPublish(principal),
    editor: mayEdit(principal),
    guides: true,
    familyAccount: auth?.role === 'family',
    siteAdminAccount: auth?.role === 'site_admin',
  };
};

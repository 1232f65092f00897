import { accountOf, principalOf, type AuthContext } from './principal.ts';
import { mayAdministerSite, mayAdministerStaff } from './organisation.policy.ts';
import { effectiveRole, isCaseStaff } from './staff-roles.ts';
import { mayEdit } from './appeals.policy.ts';

// The links every page's menu may show, decided once per request from who is asking. A link is
// offered only where it leads somewhere for this account: for an editor or a site admin outside
// any organisation the queue was a "not found".

export interface NavAbilities {
  /** a session exists, fully logged in or still at the second factor: it can be ended */
  signedIn: boolean;
  myCases: boolean;
  queue: boolean;
  organisations: boolean;
  staffAdmin: boolean;
  audit: boolean;
  jobs: boolean;
  account: boolean;
  /** the directory of authorities, the letter templates and the guides */
  editor: boolean;
  /** the guides are public */
  guides: boolean;
}

export const navAbilities = (auth: AuthContext | null): NavAbilities => {
  const principal = principalOf(auth);
  const account = accountOf(principal);
  return {
    signedIn: auth !== null,
    myCases: account?.role === 'family',
    queue: isCaseStaff(account),
    organisations: mayAdministerSite(principal),
    staffAdmin: mayAdministerStaff(principal),
    audit: account !== null && account.organisationId !== null && effectiveRole(account) === 'org_admin',
    jobs: mayAdministerSite(principal),
    account: account !== null,
    editor: mayEdit(principal),
    guides: true,
  };
};

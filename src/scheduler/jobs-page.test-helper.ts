// The page context /admin/jobs is rendered with in tests: no one signed in, UTC, one language.
import { navAbilities } from '../policy/nav.policy.ts';
import type { Lang } from '../shared/lang.ts';
import { translator } from '../web/i18n/i18n.ts';
import type { PageContext } from '../web/page-context.ts';

export const jobsPageContext = (lang: Lang): PageContext => ({
  t: translator(lang),
  lang,
  csrfToken: 't',
  auth: null,
  nav: navAbilities(null),
  path: '/admin/jobs',
  timeZone: 'UTC',
});

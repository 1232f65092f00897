import type { FastifyReply, FastifyRequest } from 'fastify';
import type { T } from './i18n/i18n.ts';
import type { Lang } from '../shared/lang.ts';
import type { AuthContext } from '../policy/principal.ts';
import { navAbilities, type NavAbilities } from '../policy/nav.policy.ts';

/** Everything a view needs from the request, and nothing more. */
export interface PageContext {
  t: T;
  lang: Lang;
  csrfToken: string;
  auth: AuthContext | null;
  /** the menu links this request's account may follow (src/policy/nav.policy.ts) */
  nav: NavAbilities;
  /** path without the query string, for the language switch */
  path: string;
  /** the deployment's IANA time zone (TIME_ZONE): times of day are shown in it (web/time.ts) */
  timeZone: string;
}

export const pageContext = (req: FastifyRequest, reply: FastifyReply): PageContext => ({
  t: req.t,
  lang: req.lang,
  csrfToken: reply.generateCsrf(),
  auth: req.auth,
  nav: navAbilities(req.auth),
  path: req.url.split('?')[0],
  timeZone: req.server.deps.config.timeZone,
});

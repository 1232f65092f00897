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
  /** this page's path rebuilt from its matched route and parameters, for the language switch */
  path: string;
  /** the deployment's IANA time zone (TIME_ZONE): times of day are shown in it (web/time.ts) */
  timeZone: string;
}

/**
 * The page's own path, rebuilt from the route that matched (req.routeOptions.url) and its
 * parameters — never the raw request path: `GET //evil.example/x` would otherwise put a link to
 * another host on our page. Without a matched route (a 404) it is the home page.
 */
export const routePath = (req: FastifyRequest): string => {
  const pattern = req.routeOptions?.url;
  if (!pattern || pattern.includes('*')) return '/';
  const params = (req.params ?? {}) as Record<string, unknown>;
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
};

export const pageContext = (req: FastifyRequest, reply: FastifyReply): PageContext => ({
  t: req.t,
  lang: req.lang,
  csrfToken: reply.generateCsrf(),
  auth: req.auth,
  nav: navAbilities(req.auth),
  path: routePath(req),
  timeZone: req.server.deps.config.timeZone,
});

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang, T } from './i18n/i18n.ts';
import type { AuthContext } from './auth-context.ts';

/** Everything a view needs from the request, and nothing more. */
export interface PageContext {
  t: T;
  lang: Lang;
  csrfToken: string;
  auth: AuthContext | null;
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
  path: req.url.split('?')[0],
  timeZone: req.server.deps.config.timeZone,
});

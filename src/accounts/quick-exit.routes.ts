import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QUICK_EXIT_PATH, TIP_QUICK_EXIT_PATH } from '../web/layout.tsx';
import { CSRF_COOKIE } from '../web/security.ts';
import { clearSessionCookie } from './accounts.plugin.ts';
import { deleteSession, parseCookie, SESSION_COOKIE } from './sessions.service.ts';
import { endTipSession, TIP_COOKIE, tipSessionHash } from '../tips/tip-sessions.service.ts';

// «Быстрый выход»: someone comes into the room. One tap, without JavaScript: the session ends on
// the server (the cookie is worthless even if the browser keeps it), the browser is told to drop
// this site's cookies, storage and cache (Clear-Site-Data; Chromium also drops the page kept for
// Back), and the tab goes to a neutral site. Back then re-asks for the page, which is no-store and
// now has no session: the login page, nothing of the case.
//
// A POST, so that no prefetch or link preview can end a session; exempt from the CSRF check,
// because an exit must never fail (a page left open for hours, a token gone stale) and show an
// error instead of leaving. The most another site can do with it is log its visitor out here.

//
// A tip sender's visit (its cookie scoped to /tip) ends the same way from the tip's pages, whose
// exit is posted to /tip/exit so that the cookie comes with it.

export const quickExitRoutes = async (app: FastifyInstance): Promise<void> => {
  const leave = async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseCookie(req.cookies[SESSION_COOKIE]);
    if (parsed) await deleteSession(app.deps.db, parsed.idHash);
    const visit = tipSessionHash(req.cookies[TIP_COOKIE]);
    if (visit) {
      await endTipSession(app.deps.db, visit);
      reply.clearCookie(TIP_COOKIE, { path: '/tip' });
    }
    clearSessionCookie(app, reply);
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    reply.header('clear-site-data', '"cache", "cookies", "storage"');
    return reply.code(303).redirect(app.deps.config.quickExitUrl);
  };
  app.post(QUICK_EXIT_PATH, { config: { csrfExempt: true } }, leave);
  app.post(TIP_QUICK_EXIT_PATH, { config: { csrfExempt: true } }, leave);
};

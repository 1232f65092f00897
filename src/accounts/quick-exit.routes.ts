import type { FastifyInstance } from 'fastify';
import { QUICK_EXIT_PATH } from '../web/layout.tsx';
import { CSRF_COOKIE } from '../web/security.ts';
import { clearSessionCookie } from './accounts.plugin.ts';
import { deleteSession, parseCookie, SESSION_COOKIE } from './sessions.service.ts';

// «Быстрый выход»: someone comes into the room. One tap, without JavaScript: the session ends on
// the server (the cookie is worthless even if the browser keeps it), the browser is told to drop
// this site's cookies, storage and cache (Clear-Site-Data; Chromium also drops the page kept for
// Back), and the tab goes to a neutral site. Back then re-asks for the page, which is no-store and
// now has no session: the login page, nothing of the case.
//
// A POST, so that no prefetch or link preview can end a session; exempt from the CSRF check,
// because an exit must never fail (a page left open for hours, a token gone stale) and show an
// error instead of leaving. The most another site can do with it is log its visitor out here.

export const quickExitRoutes = async (app: FastifyInstance): Promise<void> => {
  app.post(QUICK_EXIT_PATH, { config: { csrfExempt: true } }, async (req, reply) => {
    const parsed = parseCookie(req.cookies[SESSION_COOKIE]);
    if (parsed) await deleteSession(app.deps.db, parsed.idHash);
    clearSessionCookie(app, reply);
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    reply.header('clear-site-data', '"cache", "cookies", "storage"');
    return reply.code(303).redirect(app.deps.config.quickExitUrl);
  });
};

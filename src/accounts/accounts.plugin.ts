import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../web/guards.ts';
import {
  deleteSession,
  dropPendingCodes,
  loadSession,
  parseCookie,
  SESSION_COOKIE,
  type LoadedSession,
} from './sessions.service.ts';

// Fills req.auth from the session cookie on every request (assets excepted). The unwrapped
// private key exists only in this request's memory; nothing is cached between requests, so any
// process behind a load balancer can serve anyone and a restart logs nobody out.

const loaded = new WeakMap<FastifyRequest, LoadedSession>();

/** Route config of the pages that show recovery codes waiting in the session (showPendingCodes). */
export const SHOWS_PENDING_CODES = { showsPendingCodes: true } as const;

/** The whole session (cookie secret handle, pending 2FA setup) for the accounts routes only. */
export const sessionOf = (req: FastifyRequest): LoadedSession | null => loaded.get(req) ?? null;

/** The session of a fully logged-in request (the normal guard, requireUser), or a redirect to /login. */
export const fullSessionOf = (req: FastifyRequest): LoadedSession => {
  requireUser(req);
  return sessionOf(req)!;
};

export const setSessionCookie = (app: FastifyInstance, reply: FastifyReply, value: string): void => {
  // No Max-Age: the browser forgets the session when it closes; the server enforces timeouts.
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.secureCookies,
  });
};

/** A new session replaces whatever session this browser had: that one is ended, not left behind. */
export const replaceSessionCookie = async (
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  value: string,
): Promise<void> => {
  const previous = parseCookie(req.cookies[SESSION_COOKIE]);
  if (previous) await deleteSession(app.deps.db, previous.idHash);
  setSessionCookie(app, reply, value);
};

/**
 * The session a log-in just made, as this request's own: a page drawn in the log-in's answer
 * (the form to send again, web/resume-typed.tsx) is the logged-in person's, not a visitor's.
 */
export const adoptSession = async (app: FastifyInstance, req: FastifyRequest, cookie: string): Promise<void> => {
  const { db, clock, config } = app.deps;
  const session = await loadSession(db, cookie, clock, config);
  if (!session) return;
  loaded.set(req, session);
  req.auth = session.auth;
};

export const clearSessionCookie = (app: FastifyInstance, reply: FastifyReply): void => {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.secureCookies,
  });
};

export const registerSessions = async (app: FastifyInstance): Promise<void> => {
  app.addHook('onRequest', async (req, reply) => {
    req.auth = null;
    if (req.url.startsWith('/assets/')) return;
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const { db, clock, config } = app.deps;
    let session = await loadSession(db, cookie, clock, config);
    if (!session) {
      clearSessionCookie(app, reply);
      return;
    }
    // Recovery codes wait to be shown once. Their page may show them again in the other language;
    // the first request for anything else means the page was left, and they go for good.
    const routeConfig = req.routeOptions.config as { showsPendingCodes?: boolean } | undefined;
    if (session.codesSealed !== null && !routeConfig?.showsPendingCodes) {
      await dropPendingCodes(db, session);
      session = { ...session, codesSealed: null };
    }
    loaded.set(req, session);
    req.auth = session.auth;
  });
};

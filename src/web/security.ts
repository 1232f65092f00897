import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { pickLanguage, translator } from './i18n/i18n.ts';
import { discardUnread, firstFieldToken, readFirstPart } from './multipart-token.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const LANG_COOKIE = 'lang';
export const CSRF_COOKIE = 'kt_csrf';

/** Headers, language, CSRF and rate limiting: everything every route gets. */
export const registerSecurity = async (
  app: FastifyInstance,
  opts: { secureCookies: boolean; quickExitUrl: string },
): Promise<void> => {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // The quick exit's form is answered with a redirect to the neutral site, and browsers
        // hold a form's redirect to form-action too: without it the exit would be blocked.
        formAction: ["'self'", new URL(opts.quickExitUrl).origin],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        connectSrc: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: opts.secureCookies ? { maxAge: 31_536_000 } : false,
  });
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies, signed: false },
    // A plain form's body is parsed before the check; a multipart form's token is its first
    // field, read alone before the check (multipart-token.ts). Never from the query string: a
    // token there stays in the address bar and the history.
    getToken: (req: FastifyRequest) =>
      ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
      firstFieldToken(req) ??
      (req.headers['x-csrf-token'] as string | undefined),
  });
  // Not per IP: behind an onion service everybody is 127.0.0.1, and no IP is kept anyway.
  // Routes opt in with `config: { rateLimit: {...} }`. A logged-in account has its own count
  // (the session is read before the route's limit runs), so a flood by one account or by
  // anonymous visitors cannot use up a form for everyone else; anonymous visitors share one.
  await app.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (req: FastifyRequest) => (req.auth?.secondFactorDone ? `account:${req.auth.userId}` : 'global'),
  });

  app.decorateRequest('lang', 'ru');
  app.decorateRequest('t', null as never);
  app.decorateRequest('auth', null);
  app.decorateRequest('bodyParsed', false);
  app.addHook('preValidation', async (req: FastifyRequest) => {
    req.bodyParsed = true;
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as Record<string, unknown> | undefined;
    req.lang = pickLanguage(query?.lang, req.cookies[LANG_COOKIE], req.headers['accept-language']);
    req.t = translator(req.lang);
    if (query?.lang === req.lang) {
      reply.setCookie(LANG_COOKIE, req.lang, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: opts.secureCookies,
        maxAge: 31_536_000,
      });
    }
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (
      STATE_CHANGING.has(req.method) &&
      !(req.routeOptions.config as { csrfExempt?: boolean } | undefined)?.csrfExempt
    ) {
      if (req.isMultipart()) await readFirstPart(req);
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });

  app.addHook('onResponse', async (req: FastifyRequest) => discardUnread(req));

  app.addHook('onSend', async (_req, reply, payload) => {
    // Private by default; public assets and public registry pages set their own.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
};

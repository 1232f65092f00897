import { withReturn } from './return-to.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Invalid } from '../shared/errors.ts';
import { Layout } from './layout.tsx';
import { sendPage, redirect } from './render.ts';
import { pickLanguage, translator } from './i18n/i18n.ts';
import { sendSessionEnded } from './session-ended.tsx';
import { typedBack } from './form-not-sent.ts';
import { partsUnread } from './multipart-token.ts';

const MessagePage =
  (status: number, titleKey: string, messageKey: string) => (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      req,
      reply,
      (ctx) => (
        <Layout ctx={ctx} heading={ctx.t(titleKey)}>
          <p role="alert">{ctx.t(messageKey)}</p>
          <p>
            <a href="/">{ctx.t('common.home')}</a>
          </p>
        </Layout>
      ),
      status,
    );

const wantsJson = (req: FastifyRequest): boolean => req.url.startsWith('/api/');

const CSRF_CODES = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

/**
 * A form the browser says another site sent (Fetch Metadata): it gets the plain refusal, never
 * its fields shown back on our page with a token that works. A browser that sends no such header
 * (older ones) is taken at its word: the fields it sent are only shown, never stored.
 */
const fromAnotherSite = (req: FastifyRequest): boolean => {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
};

/**
 * Whether the route's form went out again after a failed CSRF check (false: the plain refusal).
 * Drawing the form may fail in its turn (the database): that is logged, and the refusal answers.
 * Read from the reply itself: a Fastify reply is a thenable, so awaiting a function that returns
 * it gives undefined, never the reply — taken for "nothing sent", the refusal was sent a second
 * time, and Fastify logged a warning naming the request's raw path (a case's id) at every one.
 */
const formAgain = async (req: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
  const again = req.routeOptions.config?.csrfFailed;
  if (!again) return false;
  try {
    await again(req, reply);
  } catch (err) {
    req.log.error({ err }, 'form not shown again after a failed CSRF check');
  }
  return reply.sent;
};

/**
 * One place maps errors to status and page. Domain errors carry their kind; errors that Fastify's
 * own plugins raise while reading a malformed body carry no status: they are the client's fault
 * (400), never a 500. A 5xx never shows its details.
 */
export const registerErrorHandling = (app: FastifyInstance): void => {
  app.setNotFoundHandler((req, reply) => {
    if (!req.t)
      req.t = translator(
        pickLanguage((req.query as Record<string, unknown>)?.lang, undefined, req.headers['accept-language']),
      );
    if (wantsJson(req)) return reply.code(404).send({ error: 'not_found' });
    return MessagePage(404, 'errors.notFoundTitle', 'errors.notFound')(req, reply);
  });

  /**
   * A form that lost its session. A multipart form's fields are read by its route, which stopped
   * at the session check before reading them: they are read here, the file dropped (form-not-sent.ts),
   * so that its words come back like any form's.
   */
  const sessionEnded = async (req: FastifyRequest, reply: FastifyReply) =>
    req.method === 'POST' && !req.auth && req.isMultipart() && partsUnread(req)
      ? sendSessionEnded(req, reply, { fields: (await typedBack(req)).fields })
      : sendSessionEnded(req, reply);

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    if (!req.t) req.t = translator('ru');
    let status: number;
    let key: string;
    if (error instanceof DomainError) {
      if (error.kind === 'unauthenticated') {
        // Read from the reply, not the return value: see formAgain.
        await sessionEnded(req, reply);
        if (reply.sent) return reply;
        // A page asked for (not a form sent) is opened again after the log-in (return-to.ts).
        return redirect(reply, req.method === 'GET' ? withReturn('/login', req.url.split('?')[0]) : '/login');
      }
      const map = {
        not_found: 404,
        forbidden: 404,
        invalid: 400,
        conflict: 409,
        rate_limited: 429,
        unauthenticated: 401,
      } as const;
      status = map[error.kind];
      key = {
        not_found: 'errors.notFound',
        forbidden: 'errors.notFound',
        invalid: 'errors.badRequest',
        conflict: 'errors.conflict',
        rate_limited: 'errors.rateLimited',
        unauthenticated: 'errors.unauthenticated',
      }[error.kind];
      if (error instanceof Invalid && error.problems[0]) key = error.problems[0].key;
    } else if (error.code && CSRF_CODES.has(error.code)) {
      // A route whose form is long to write (a tip, a family's request) shows it again, filled
      // in, with a fresh token.
      if (!fromAnotherSite(req) && (await formAgain(req, reply))) return reply;
      status = 403;
      key = 'errors.csrf';
    } else if (error.statusCode === 429) {
      status = 429;
      key = 'errors.rateLimited';
    } else if (
      error.statusCode === 413 ||
      error.code === 'FST_REQ_FILE_TOO_LARGE' ||
      error.code === 'FST_FILES_LIMIT'
    ) {
      status = 413;
      key = 'errors.tooLarge';
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      key = 'errors.badRequest';
    } else if (!error.statusCode && !req.bodyParsed) {
      // Raised while parsing the body (bad multipart, bad JSON, wrong content type).
      status = 400;
      key = 'errors.badRequest';
    } else {
      req.log.error({ err: error }, 'unhandled error');
      status = 500;
      key = 'errors.server';
    }
    if (wantsJson(req)) return reply.code(status).send({ error: req.t(key) });
    const titleKey =
      status === 404 ? 'errors.notFoundTitle' : status >= 500 ? 'errors.serverTitle' : 'errors.badRequestTitle';
    return MessagePage(status, titleKey, key)(req, reply);
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Invalid, RateLimited } from '../shared/errors.ts';
import { normaliseReceiptCode } from '../shared/crypto/receipt-code.ts';
import { parseForm } from '../shared/validation.ts';
import { principalOf } from '../policy/principal.ts';
import { sendPage, redirect } from '../web/render.ts';
import { echoValues, formErrors, formFailure, type FormErrors, type FormValues } from '../web/forms.tsx';
import { notSentErrors, typedBack } from '../web/form-not-sent.ts';
import { publicRecord } from './registry-read.service.ts';
import { requestAddSchema, requestCodeSchema, requestSchema } from './registry.schema.ts';
import { RequestPage } from './registry.views.tsx';
import {
  ADD_PATH,
  RequestCodePage,
  RequestReceiptPage,
  RequestStatusPage,
  STATUS_NOTICES,
} from './request-receipt.views.tsx';
import { openRequestByCode, requestStatusOf, type OpenedRequest } from './request-receipt.service.ts';
import { addToRequest } from './request-addition.service.ts';
import { submitRequest } from './requests.service.ts';

// A relative's removal or correction request, without an account: the form, the receipt code
// shown once, the page where the code shows the request's state and the staff's answer, and
// adding to the request with the code. Thin: parse, ask one service, render.
//
// The code crosses from the POST to the receipt page in a cookie of its own (HttpOnly,
// SameSite=Strict, scoped to /registry/receipt, forgotten when the browser closes) that the page
// clears as it shows it: the server never stores it, a reload does not send the request twice,
// and it is never in a URL (URLs reach logs; headers never do, src/shared/logger.ts).

type KeptForm = { values: FormValues; errors: FormErrors; status: number };

const RECEIPT_COOKIE = 'kt_request_receipt';
const RECEIPT_PATH = '/registry/receipt';
export const STATUS_PATH = '/registry/request-status';

/** One limit per form for everybody (no IP is kept, so none can be counted per sender). */
const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const registryRequestRoutes = async (app: FastifyInstance): Promise<void> => {
  // Nothing these routes log is written when it happens: it would date a relative's request or
  // their coming back with the code (as for tips, shared/held-log.ts). One plugin, one setting.
  app.setChildLoggerFactory(() => app.heldLog.logger);
  const { db, config } = app.deps;
  const cookieOpts = { path: RECEIPT_PATH, httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies };

  // The request form is a form: it needs a CSRF token, so it is rendered for each visitor.
  app.get<{ Params: { id: string } }>('/registry/persons/:id/request', (req, reply) => requestPage(req, reply, null));

  const requestPage = async (req: FastifyRequest, reply: FastifyReply, form: KeptForm | null) => {
    const r = await publicRecord(db, principalOf(req.auth), (req.params as { id: string }).id);
    const { values, errors, status } = form ?? { values: {}, errors: {}, status: 200 };
    return sendPage(req, reply, (ctx) => <RequestPage ctx={ctx} r={r} values={values} errors={errors} />, status);
  };

  // Anyone may write, without an account: after a lost CSRF cookie the message comes back on the
  // form (as a tip's does), never on a "log in again" page; nothing is stored.
  const requestNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields } = await typedBack(req);
    try {
      return await requestPage(req, reply, { values: echoValues(fields), errors: notSentErrors(false), status: 403 });
    } catch (err) {
      // A record that is not public: the plain refusal, as for anyone.
      if (err instanceof DomainError) return null;
      throw err;
    }
  };

  app.post<{ Params: { id: string } }>(
    '/registry/persons/:id/request',
    { config: { ...limit(20), csrfFailed: requestNotSent } },
    async (req, reply) => {
      const principal = principalOf(req.auth);
      const r = await publicRecord(db, principal, req.params.id);
      let code: string;
      try {
        code = await submitRequest(app.deps, principal, r.id, parseForm(requestSchema, req.body));
      } catch (err) {
        const failure = formFailure(err);
        if (!failure) throw err;
        return requestPage(req, reply, {
          values: echoValues(req.body),
          errors: failure.errors,
          status: failure.status,
        });
      }
      reply.setCookie(RECEIPT_COOKIE, code, cookieOpts);
      return redirect(reply, RECEIPT_PATH);
    },
  );

  // The code, once: read from its cookie and the cookie cleared in the same response. A reload,
  // or a visit without it, lands on the page that asks for a code.
  app.get(RECEIPT_PATH, async (req, reply) => {
    const code = normaliseReceiptCode(req.cookies[RECEIPT_COOKIE] ?? '');
    if (req.cookies[RECEIPT_COOKIE] !== undefined) reply.clearCookie(RECEIPT_COOKIE, cookieOpts);
    if (!code) return redirect(reply, STATUS_PATH);
    return sendPage(req, reply, (ctx) => (
      <RequestReceiptPage ctx={ctx} code={code} statusUrl={`${config.publicUrl}${STATUS_PATH}`} />
    ));
  });

  app.get<{ Querystring: { done?: string } }>(STATUS_PATH, (req, reply) => {
    const notice = STATUS_NOTICES.find((n) => n === req.query.done);
    return sendPage(req, reply, (ctx) => <RequestCodePage ctx={ctx} values={{}} errors={{}} notice={notice} />);
  });

  /**
   * A refused code: the code form again, the code never shown back (as on the tips' code form:
   * it may be right but locked, or one character off, and the page may stay on a shared phone's
   * screen), and an addition that was not sent given back to copy.
   */
  const codeRefused = (
    req: FastifyRequest,
    reply: FastifyReply,
    err: Invalid | RateLimited,
    unsent = '',
    status = err instanceof RateLimited ? 429 : 400,
  ) => {
    const errors: FormErrors =
      err instanceof Invalid
        ? formErrors(err.problems)
        : { _form: { field: '_form', key: 'registry.errors.codeLocked' } };
    return sendPage(
      req,
      reply,
      (ctx) => <RequestCodePage ctx={ctx} values={{}} errors={errors} unsent={unsent || undefined} />,
      status,
    );
  };
  const isCodeRefusal = (err: unknown): err is Invalid | RateLimited =>
    err instanceof Invalid || err instanceof RateLimited;

  /** The request's page for a code just proved, with the add form as it was sent when it failed. */
  const statusPage = async (req: FastifyRequest, reply: FastifyReply, opened: OpenedRequest, form?: KeptForm) => {
    const status = await requestStatusOf(app.deps, opened);
    return sendPage(
      req,
      reply,
      (ctx) => <RequestStatusPage ctx={ctx} status={status} code={opened.code} form={form} />,
      form?.status ?? 200,
    );
  };

  // The state is the answer to the form (no visit, no cookie): nothing to leave, nothing kept.
  app.post(STATUS_PATH, { config: limit(30) }, async (req, reply) => {
    let opened: OpenedRequest;
    try {
      opened = await openRequestByCode(app.deps, parseForm(requestCodeSchema, req.body).code);
    } catch (err) {
      if (!isCodeRefusal(err)) throw err;
      return codeRefused(req, reply, err);
    }
    return statusPage(req, reply, opened);
  });

  // The relative adds to the request (src/registry/request-addition.service.ts). The code comes
  // back in the form's body and is proved again; then back to the code form, which says it went
  // (a reload cannot send it twice, and nothing kept the code to show the request again).
  const addNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields } = await typedBack(req);
    try {
      const opened = await openRequestByCode(app.deps, fields.code ?? '');
      const kept = { values: echoValues({ message: fields.message }), errors: notSentErrors(false), status: 403 };
      return await statusPage(req, reply, opened, kept);
    } catch (err) {
      if (!isCodeRefusal(err)) throw err;
      // Refused for its token first: 403, as every form sent without one (the code's refusal is
      // said on the page, her words given back to copy).
      return codeRefused(req, reply, err, fields.message?.trim(), 403);
    }
  };

  app.post(ADD_PATH, { config: { ...limit(30), csrfFailed: addNotSent } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typed = typeof body.message === 'string' ? body.message : '';
    let opened: OpenedRequest;
    try {
      opened = await openRequestByCode(app.deps, parseForm(requestCodeSchema, body).code);
    } catch (err) {
      if (!isCodeRefusal(err)) throw err;
      return codeRefused(req, reply, err, typed.trim());
    }
    req.server.postingLimiter.check(`registry-request:${opened.row.id}`);
    try {
      await addToRequest(app.deps, opened, parseForm(requestAddSchema, body).message);
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      const kept = { values: echoValues({ message: typed }), errors: failure.errors, status: failure.status };
      return statusPage(req, reply, opened, kept);
    }
    return redirect(reply, `${STATUS_PATH}?done=added`);
  });
};

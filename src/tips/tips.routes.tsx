import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Invalid, NotFound, RateLimited } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { tipSenderPrincipal } from '../policy/principal.ts';
import type { TipAction } from '../policy/tips.policy.ts';
import { echoValues, formErrors, type FormErrors } from '../web/forms.tsx';
import { notSentErrors, typedBack } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { readUploadForm, sendFile } from '../evidence/evidence.plugin.ts';
import { authoriseTip, openTipAccess, type TipAccess } from './tip-access.service.ts';
import { submitTip, tipOrganisations } from './tip-intake.service.ts';
import { addToTip, deleteTip, openTipWithCode } from './tip-sender.service.ts';
import {
  endTipSession,
  loadTipSession,
  takeReceiptCode,
  TIP_COOKIE,
  tipSessionHash,
  type TipSession,
} from './tip-sessions.service.ts';
import { getTipForViewer, readTipFile } from './tip-view.service.ts';
import { receiptSchema, deleteTipSchema, tipAddSchema, tipPageQuerySchema, tipSchema } from './tips.schema.ts';
import {
  CodePage,
  DeleteTipPage,
  NewTipPage,
  ReceiptPage,
  SenderTipPage,
  TIP_NOTICES,
  type TipFormState,
  type VisitEnded,
} from './tips.views.tsx';

// The sender's side: no account, only the receipt code. The cookie of a visit is scoped to /tip,
// HttpOnly and SameSite=Strict, forgotten when the browser closes; the visit ends after the idle
// time of account sessions and after an hour at most. Thin handlers: parse, authorise, call one
// service, render.

const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const tipsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  // Nothing these routes log is written when it happens: it would date a tip (shared/held-log.ts).
  app.setChildLoggerFactory(() => app.heldLog.logger);
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);
  const cookieOpts = {
    path: '/tip',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.secureCookies,
  };
  const loaded = new WeakMap<FastifyRequest, TipSession | null>();

  /** The sender's visit behind the cookie (loaded once per request), or null. */
  const visitOf = async (req: FastifyRequest, reply: FastifyReply): Promise<TipSession | null> => {
    if (loaded.has(req)) return loaded.get(req) ?? null;
    const cookie = req.cookies[TIP_COOKIE];
    const visit = cookie ? await loadTipSession(deps.db, cookie, deps.clock, deps.config.sessionIdleMinutes) : null;
    if (cookie && !visit) reply.clearCookie(TIP_COOKIE, cookieOpts);
    loaded.set(req, visit);
    return visit;
  };

  /** The sender's grant and key for `action`, or NotFound (no visit, or the tip is gone). */
  const senderAccess = async <A extends TipAction>(
    req: FastifyRequest,
    reply: FastifyReply,
    action: A,
  ): Promise<{ access: TipAccess<A>; visit: TipSession }> => {
    const visit = await visitOf(req, reply);
    if (!visit) throw new NotFound('tip');
    const grant = await authoriseTip(deps.db, tipSenderPrincipal(visit.tipId), visit.tipId, action);
    return { access: await openTipAccess(deps.db, grant, visit.key), visit };
  };

  /** A form sent after the visit ended: nothing done, the code form says so (401, as a lost session). */
  const visitEnded = (
    req: FastifyRequest,
    reply: FastifyReply,
    action: VisitEnded['action'],
    body: string,
    status = 401,
  ) => {
    const ended = { action, body, idleMinutes: deps.config.sessionIdleMinutes };
    return sendPage(req, reply, (ctx) => <CodePage ctx={ctx} values={{}} errors={{}} ended={ended} />, status);
  };

  const noticeOf = (req: FastifyRequest) =>
    TIP_NOTICES.find((n) => n === (req.query as Record<string, unknown> | undefined)?.done);

  const renderSenderTip = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: TipAccess,
    form?: TipFormState,
    status = 200,
  ) => {
    const { before } = tipPageQuerySchema.parse(req.query ?? {});
    const view = await getTipForViewer(deps, access, { before: form ? undefined : before });
    const notice = form ? undefined : noticeOf(req);
    return sendPage(req, reply, (ctx) => <SenderTipPage ctx={ctx} view={view} form={form} notice={notice} />, status);
  };

  app.get('/tips/new', async (req, reply) => {
    const organisations = await tipOrganisations(deps);
    return sendPage(req, reply, (ctx) => (
      <NewTipPage ctx={ctx} organisations={organisations} values={{}} errors={{}} />
    ));
  });

  const newTipForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    fields: Record<string, unknown>,
    errors: FormErrors,
    status: number,
  ) => {
    const organisations = await tipOrganisations(deps);
    return sendPage(
      req,
      reply,
      (ctx) => <NewTipPage ctx={ctx} organisations={organisations} values={echoValues(fields)} errors={errors} />,
      status,
    );
  };

  /** The new tip form sent after the browser lost its CSRF cookie: back, filled in, nothing stored. */
  const newTipNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields, fileChosen } = await typedBack(req);
    return newTipForm(req, reply, fields, notSentErrors(fileChosen), 403);
  };

  app.post('/tips/new', { config: { ...limit(20), csrfFailed: newTipNotSent } }, async (req, reply) => {
    let fields: Record<string, unknown> = {};
    try {
      // Multipart with at most one file (the page's form), or a plain form without one.
      const form = await readUploadForm(req, { plain: true });
      fields = form.fields;
      const { input, file } = await form.parseWithFile((typed) => parseForm(tipSchema(today()), typed));
      const sent = await submitTip(deps, input, { file, log: req.log });
      // A visit of its own: any earlier one on this browser (another tip) ends.
      const previous = tipSessionHash(req.cookies[TIP_COOKIE]);
      if (previous) await endTipSession(deps.db, previous);
      reply.setCookie(TIP_COOKIE, sent.cookie, cookieOpts);
      return redirect(reply, '/tip/receipt');
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return newTipForm(req, reply, fields, formErrors(err.problems), 400);
    }
  });

  // The code, once: read and erased in the same request. A reload lands on the tip itself.
  app.get('/tip/receipt', async (req, reply) => {
    const visit = await visitOf(req, reply);
    const code = visit?.receiptPending ? await takeReceiptCode(deps.db, visit) : null;
    if (!visit || !code) return redirect(reply, '/tip');
    const { access } = await senderAccess(req, reply, 'read');
    const view = await getTipForViewer(deps, access);
    return sendPage(req, reply, (ctx) => (
      <ReceiptPage ctx={ctx} code={code} organisation={view.organisationName} tipUrl={`${deps.config.publicUrl}/tip`} />
    ));
  });

  app.get('/tip', async (req, reply) => {
    const visit = await visitOf(req, reply);
    if (visit) {
      try {
        const { access } = await senderAccess(req, reply, 'read');
        return await renderSenderTip(req, reply, access);
      } catch (err) {
        // The tip was deleted or purged since: the visit ends with it.
        if (!(err instanceof NotFound)) throw err;
        await endTipSession(deps.db, visit.idHash);
        reply.clearCookie(TIP_COOKIE, cookieOpts);
      }
    }
    return sendPage(req, reply, (ctx) => <CodePage ctx={ctx} values={{}} errors={{}} notice={noticeOf(req)} />);
  });

  app.post('/tip/open', { config: limit(30) }, async (req, reply) => {
    try {
      const { code } = parseForm(receiptSchema, req.body);
      const cookie = await openTipWithCode(deps, code, tipSessionHash(req.cookies[TIP_COOKIE]));
      reply.setCookie(TIP_COOKIE, cookie, cookieOpts);
      return redirect(reply, '/tip');
    } catch (err) {
      if (!(err instanceof Invalid) && !(err instanceof RateLimited)) throw err;
      const errors =
        err instanceof Invalid ? formErrors(err.problems) : { _form: { field: '_form', key: 'tips.errors.locked' } };
      // The code typed is never shown back (it may be right but locked, or one character off).
      return sendPage(
        req,
        reply,
        (ctx) => <CodePage ctx={ctx} values={{}} errors={errors} />,
        err instanceof RateLimited ? 429 : 400,
      );
    }
  });

  /**
   * An addition sent after the browser lost its CSRF cookie: back on the tip page, filled in,
   * nothing added; when the visit's cookie went with it, on the code form as after a visit ended.
   */
  const addNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields, fileChosen } = await typedBack(req);
    // 403 all the same: the form failed its CSRF check, whatever else is true.
    const ended = () => visitEnded(req, reply, 'add', fields.body?.trim() ?? '', 403);
    if (!(await visitOf(req, reply))) return ended();
    try {
      const { access } = await senderAccess(req, reply, 'read');
      const form = { name: 'add' as const, values: echoValues(fields), errors: notSentErrors(fileChosen) };
      return await renderSenderTip(req, reply, access, form, 403);
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      return ended();
    }
  };

  app.post('/tip/add', { config: { ...limit(60), csrfFailed: addNotSent } }, async (req, reply) => {
    // The visit ended while the sender wrote (the idle time, the hour): nothing can be added
    // without the key it held, but what they wrote comes back with the code form.
    if (!(await visitOf(req, reply))) {
      let body = '';
      try {
        body = (await readUploadForm(req, { plain: true })).fields.body?.trim() ?? '';
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
      }
      return visitEnded(req, reply, 'add', body);
    }
    const { access, visit } = await senderAccess(req, reply, 'add');
    req.server.postingLimiter.check(`tip:${visit.tipId}`);
    let fields: Record<string, unknown> = {};
    try {
      // Multipart with at most one file (the page's form), or a plain form without one.
      const form = await readUploadForm(req, { plain: true });
      fields = form.fields;
      const { input, file } = await form.parseWithFile((typed) => parseForm(tipAddSchema, typed));
      await addToTip(deps, access, input.body, file);
      return redirect(reply, '/tip?done=added#posts');
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const read = await senderAccess(req, reply, 'read');
      return renderSenderTip(
        req,
        reply,
        read.access,
        { name: 'add', values: echoValues(fields), errors: formErrors(err.problems) },
        400,
      );
    }
  });

  app.get<{ Params: { fileId: string } }>('/tip/files/:fileId', async (req, reply) => {
    const { access } = await senderAccess(req, reply, 'read');
    return sendFile(reply, await readTipFile(deps, access, req.params.fileId));
  });

  app.get('/tip/delete', async (req, reply) => {
    await senderAccess(req, reply, 'delete');
    return sendPage(req, reply, (ctx) => <DeleteTipPage ctx={ctx} errors={{}} />);
  });

  app.post('/tip/delete', async (req, reply) => {
    // Ended while they hesitated: "not found" would read as "deleted". It was not; they are told.
    if (!(await visitOf(req, reply))) return visitEnded(req, reply, 'delete', '');
    const { access } = await senderAccess(req, reply, 'delete');
    try {
      parseForm(deleteTipSchema, req.body);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return sendPage(req, reply, (ctx) => <DeleteTipPage ctx={ctx} errors={formErrors(err.problems)} />, 400);
    }
    await deleteTip(deps, access);
    reply.clearCookie(TIP_COOKIE, cookieOpts);
    return redirect(reply, '/tip?done=deleted');
  });

  // Never limited: leaving must always work.
  app.post('/tip/leave', async (req, reply) => {
    const idHash = tipSessionHash(req.cookies[TIP_COOKIE]);
    if (idHash) await endTipSession(deps.db, idHash);
    reply.clearCookie(TIP_COOKIE, cookieOpts);
    reply.header('clear-site-data', '"cache"');
    return redirect(reply, '/tip?done=left');
  });
};

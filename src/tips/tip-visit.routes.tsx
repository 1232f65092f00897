import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../shared/errors.ts';
import { tipSenderPrincipal } from '../policy/principal.ts';
import type { TipAction } from '../policy/tips.policy.ts';
import { sendPage } from '../web/render.ts';
import { authoriseTip, openTipAccess, type TipAccess } from './tip-access.service.ts';
import { loadTipSession, TIP_COOKIE, type TipSession } from './tip-sessions.service.ts';
import { getTipForViewer } from './tip-view.service.ts';
import { tipPageQuerySchema } from './tips.schema.ts';
import { CodePage, SenderTipPage, TIP_NOTICES, type TipFormState, type VisitEnded } from './tips.views.tsx';

// The sender's visit, shared by the intake routes (tip-intake.routes.tsx) and the sender's own
// pages (tip-sender.routes.tsx): its cookie, loading it once per request, the grant it gives, and
// the pages drawn for it. No account, only the receipt code. The cookie of a visit is scoped to
// /tip, HttpOnly and SameSite=Strict, forgotten when the browser closes; the visit ends after the
// idle time of account sessions and after an hour at most.

/** One limit per form for everybody (no IP is kept, so none can be counted per sender). */
export const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export type TipVisits = ReturnType<typeof tipVisits>;

export const tipVisits = (app: FastifyInstance) => {
  const deps = app.deps;
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

  return { cookieOpts, visitOf, senderAccess, visitEnded, noticeOf, renderSenderTip };
};

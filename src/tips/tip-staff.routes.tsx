import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantTipQueue, type TipAction } from '../policy/tips.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import { authoriseTip, openTipAccess, type TipAccess } from './tip-access.service.ts';
import { attachTipToCase, linkedCaseNames } from './tip-attach.service.ts';
import { closeTip, reopenTip, replyToTip, tipQueue } from './tip-staff.service.ts';
import { getTipForViewer, readTipFile } from './tip-view.service.ts';
import { sendFile } from '../evidence/evidence.plugin.ts';
import { tipMatchOf } from '../matching/tip-matches.service.ts';
import {
  attachTipSchema,
  closeTipSchema,
  tipPageQuerySchema,
  tipPostSchema,
  tipQueueQuerySchema,
} from './tips.schema.ts';
import { TipQueuePageView, StaffTipPage } from './tip-staff.views.tsx';
import { TIP_NOTICES, type TipFormState } from './tips.views.tsx';

// The organisation's side of tips. requireStaffPrincipal sends a staff member without 2FA to it;
// whether they may see the organisation's tips or work one is the policy's answer.

type IdParams = { Params: { id: string } };

export const tipStaffRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);

  const staffAccess = async <A extends TipAction>(req: FastifyRequest<IdParams>, action: A): Promise<TipAccess<A>> => {
    const grant = await authoriseTip(deps.db, requireStaffPrincipal(req), req.params.id, action);
    return openTipAccess(deps.db, grant);
  };

  const renderTip = async (req: FastifyRequest<IdParams>, reply: FastifyReply, form?: TipFormState, status = 200) => {
    const access = await staffAccess(req, 'read');
    const { before } = tipPageQuerySchema.parse(req.query ?? {});
    // The cases bearing the sender's name come with the view: its one audit entry says they were shown.
    const view = await getTipForViewer(deps, access, {
      before: form ? undefined : before,
      caseMatchesFor: requireStaffPrincipal(req),
    });
    const candidates = view.caseMatches;
    const linkNames = await linkedCaseNames(
      deps,
      requireStaffPrincipal(req),
      view.links.map((l) => l.caseId),
    );
    // Scored at intake against the organisation's records (src/matching/): the comparison, if any.
    const matchId = await tipMatchOf(deps.db, req.params.id);
    const done = (req.query as Record<string, unknown> | undefined)?.done;
    const notice = form ? undefined : TIP_NOTICES.find((n) => n === done);
    return sendPage(
      req,
      reply,
      (ctx) => (
        <StaffTipPage
          ctx={ctx}
          view={view}
          candidates={candidates}
          linkNames={linkNames}
          form={form}
          notice={notice}
          matchId={matchId}
        />
      ),
      status,
    );
  };

  /** Runs a form's action; bad input renders the tip again (400) with what was typed. */
  const formAction = async (
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    name: TipFormState['name'],
    action: () => Promise<string>,
  ) => {
    try {
      return redirect(reply, await action());
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return renderTip(req, reply, { name, values: echoValues(req.body), errors: formErrors(err.problems) }, 400);
    }
  };

  // A reply to the sender, or the event written from the tip for a family, comes back filled in
  // when the browser lost the CSRF cookie (src/web/form-not-sent.ts); nothing is sent or attached.
  const notSent = (name: 'reply' | 'attach') =>
    keepTyped(async (req, reply, kept) => {
      const params = req as FastifyRequest<IdParams>;
      await staffAccess(params, name);
      return renderTip(params, reply, { name, ...kept }, kept.status);
    });

  app.get('/staff/tips', async (req, reply) => {
    const grant = grantTipQueue(requireStaffPrincipal(req));
    const { filter, after } = tipQueueQuerySchema.parse(req.query ?? {});
    const page = await tipQueue(deps, grant, filter, after);
    return sendPage(req, reply, (ctx) => <TipQueuePageView ctx={ctx} page={page} filter={filter} />);
  });

  app.get<IdParams>('/staff/tips/:id', (req, reply) => renderTip(req, reply));

  app.get<{ Params: { id: string; fileId: string } }>('/staff/tips/:id/files/:fileId', async (req, reply) => {
    const access = await staffAccess(req, 'read');
    return sendFile(reply, await readTipFile(deps, access, req.params.fileId));
  });

  app.post<IdParams>('/staff/tips/:id/reply', { config: { csrfFailed: notSent('reply') } }, async (req, reply) => {
    const access = await staffAccess(req, 'reply');
    return formAction(req, reply, 'reply', async () => {
      await replyToTip(deps, access, parseForm(tipPostSchema, req.body).body);
      return `/staff/tips/${access.grant.tipId}?done=replied#posts`;
    });
  });

  app.post<IdParams>('/staff/tips/:id/attach', { config: { csrfFailed: notSent('attach') } }, async (req, reply) => {
    const access = await staffAccess(req, 'attach');
    return formAction(req, reply, 'attach', async () => {
      const input = parseForm(attachTipSchema(today()), req.body);
      await attachTipToCase(deps, access, requireStaffPrincipal(req), input);
      return `/staff/tips/${access.grant.tipId}?done=attached`;
    });
  });

  app.post<IdParams>('/staff/tips/:id/close', async (req, reply) => {
    const access = await staffAccess(req, 'close');
    return formAction(req, reply, 'close', async () => {
      await closeTip(deps, access.grant, parseForm(closeTipSchema, req.body).reason);
      return `/staff/tips/${access.grant.tipId}?done=closed`;
    });
  });

  app.post<IdParams>('/staff/tips/:id/reopen', async (req, reply) => {
    const access = await staffAccess(req, 'reopen');
    return formAction(req, reply, 'close', async () => {
      await reopenTip(deps, access.grant);
      return `/staff/tips/${access.grant.tipId}?done=reopened`;
    });
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../shared/errors.ts';
import { requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import type { AppealAction, AppealGrant } from '../policy/appeals.policy.ts';
import { authoriseAppeal } from './appeals-access.service.ts';
import { appealsDeps, getAppeal } from './appeals.service.ts';
import { catchUpOverdue } from './appeal-steps.service.ts';
import { APPEAL_NOTICES, AppealPage, type AppealFormState } from './appeal-page.views.tsx';

// One appeal's page and the forms on it, shared by the routes that follow an appeal
// (appeal-track.routes.tsx) and those that sign and print its letter (appeal-letter.routes.tsx):
// the page drawn again with what was typed after bad input or a lost CSRF cookie.

export type IdParams = { Params: { id: string } };

export type AppealPages = ReturnType<typeof appealPages>;

export const appealPages = (app: FastifyInstance) => {
  const deps = appealsDeps(app.deps);

  const renderAppeal = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: AppealGrant,
    id: string,
    form?: AppealFormState,
    status = 200,
  ) => {
    await catchUpOverdue(deps, grant, id);
    const view = await getAppeal(deps, grant as AppealGrant<'read'>, id);
    const done = (req.query as Record<string, unknown> | undefined)?.done;
    const notice = form ? undefined : APPEAL_NOTICES.find((n) => n === done);
    return sendPage(req, reply, (ctx) => AppealPage({ ctx, view, form, notice, side: grant.side }), status);
  };

  /** Runs a form on the appeal page: bad input shows the page again (400) with what was typed. */
  const appealForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: AppealGrant,
    id: string,
    name: AppealFormState['name'],
    action: () => Promise<string>,
    /** what was typed, to show again (a multipart form's fields are known only once read) */
    typed: () => unknown = () => req.body,
  ) => {
    try {
      return redirect(reply, await action());
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return renderAppeal(
        req,
        reply,
        grant,
        id,
        { name, values: echoValues(typed()), errors: formErrors(err.problems) },
        400,
      );
    }
  };

  // Sent with a lost CSRF cookie: the appeal page, the form as typed (a step's scan read and
  // dropped; the sender's name and address for printing or signing shown only to who typed them).
  const notSent = (name: 'step' | 'sign' | 'print', action: AppealAction) =>
    keepTyped(async (req, reply, kept) => {
      const id = (req.params as { id: string }).id;
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), id, action);
      return renderAppeal(req, reply, grant, appeal.id, { name, ...kept }, kept.status);
    });

  return { deps, renderAppeal, appealForm, notSent };
};

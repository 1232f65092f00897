import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../shared/validation.ts';
import { grantRegistry, grantRegistryDesk } from '../policy/registry.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { sendPage, redirect } from '../web/render.ts';
import { echoValues, formFailure } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { requestAnswerSchema } from './registry.schema.ts';
import { answerRequest, requestDetail } from './request-answer.service.ts';
import {
  REQUEST_NOTICES,
  RequestDetailPage,
  RequestsPage,
  type AnswerForm,
  type RequestNotice,
} from './request-staff.views.tsx';
import { closeRequest, requestOrganisation, requestsOfOrganisation } from './requests.service.ts';

// The organisation's requests from relatives: the queue, one request's page, marking it handled,
// and the decision with the answer the relative reads with their receipt code. Thin: guard, ask
// the policy, parse, call one service, redirect or render the form again.

type IdQ = { Params: { id: string }; Querystring: { done?: string } };

const noticeOf = (done: string | undefined): RequestNotice | undefined =>
  (REQUEST_NOTICES as readonly string[]).includes(done ?? '') ? (done as RequestNotice) : undefined;

export const requestStaffRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  app.get<{ Querystring: { done?: string } }>('/staff/registry/requests', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = grantRegistry(principal, grantRegistryDesk(principal).organisationId, 'read_requests');
    const fresh = await requestsOfOrganisation(deps, grant, 'new');
    const handled = await requestsOfOrganisation(deps, grant, 'done');
    return sendPage(req, reply, (ctx) => (
      <RequestsPage ctx={ctx} fresh={fresh} handled={handled} notice={noticeOf(req.query.done)} />
    ));
  });

  app.post<IdQ>('/staff/registry/requests/:id/close', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = grantRegistry(principal, await requestOrganisation(deps.db, req.params.id), 'handle_request');
    await closeRequest(deps, grant, req.params.id);
    return redirect(reply, '/staff/registry/requests?done=closed');
  });

  const renderRequest = async (req: FastifyRequest, reply: FastifyReply, form?: AnswerForm, status = 200) => {
    const { id } = req.params as { id: string };
    const principal = requireStaffPrincipal(req);
    const grant = grantRegistry(principal, await requestOrganisation(deps.db, id), 'read_requests');
    const r = await requestDetail(deps, grant, id);
    const notice = form ? undefined : noticeOf((req.query as { done?: string }).done);
    return sendPage(req, reply, (ctx) => <RequestDetailPage ctx={ctx} r={r} form={form} notice={notice} />, status);
  };

  app.get<IdQ>('/staff/registry/requests/:id', (req, reply) => renderRequest(req, reply));

  // The answer comes back filled in after a lost CSRF cookie (src/web/form-not-sent.ts), to
  // whoever may still handle the request; nothing is saved.
  const answerNotSent = keepTyped(async (req, reply, kept) => {
    const { id } = req.params as { id: string };
    grantRegistry(requireStaffPrincipal(req), await requestOrganisation(deps.db, id), 'handle_request');
    return renderRequest(req, reply, kept, kept.status);
  });

  app.post<IdQ>('/staff/registry/requests/:id', { config: { csrfFailed: answerNotSent } }, async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = grantRegistry(principal, await requestOrganisation(deps.db, req.params.id), 'handle_request');
    try {
      await answerRequest(deps, grant, req.params.id, parseForm(requestAnswerSchema, req.body));
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      return renderRequest(req, reply, { values: echoValues(req.body), errors: failure.errors }, failure.status);
    }
    return redirect(reply, `/staff/registry/requests/${req.params.id}?done=answered`);
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { orgDay } from '../shared/clock.ts';
import { parseForm } from '../shared/validation.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { grantRegistryDesk } from '../policy/registry.policy.ts';
import { requirePrincipal, requireStaffPrincipal } from '../web/guards.ts';
import { sendPage, redirect } from '../web/render.ts';
import { echoValues, formFailure } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { deskView } from './desk.service.ts';
import { FamilyPublicationPage } from './family-publication.views.tsx';
import {
  announce,
  authoriseCasePublication,
  authoriseRecord,
  chooseFamilyPublication,
  correct,
  familyPublicationView,
  publicationView,
  publish,
  recordPageView,
  withdraw,
} from './publication.service.ts';
import {
  DeskPage,
  PUBLICATION_NOTICES,
  PublicationPage,
  RecordPage,
  type PublicationForm,
  type PublicationNotice,
} from './publication.views.tsx';
import { correctSchema, familyChoiceSchema, publishSchema, waiveSchema, withdrawSchema } from './registry.schema.ts';

// The verifier's registry pages and the family's choice. Thin: guard, ask the policy (through the
// services' authorise functions), parse, call one service, redirect or render the form again.

type IdQ = { Params: { id: string }; Querystring: { done?: string } };

const noticeOf = (done: string | undefined): PublicationNotice | undefined =>
  (PUBLICATION_NOTICES as readonly string[]).includes(done ?? '') ? (done as PublicationNotice) : undefined;

export const registryStaffRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const rdeps = { db: deps.db, clock: deps.clock, config: deps.config };

  app.get('/staff/registry', async (req, reply) => {
    const grant = grantRegistryDesk(requireStaffPrincipal(req));
    const desk = await deskView(deps.db, grant);
    return sendPage(req, reply, (ctx) => <DeskPage ctx={ctx} desk={desk} />);
  });

  const renderPublication = async (
    req: FastifyRequest<IdQ>,
    reply: FastifyReply,
    form?: PublicationForm,
    status = 200,
  ) => {
    const { grant, ref } = await authoriseCasePublication(deps.db, requireStaffPrincipal(req), req.params.id, 'desk');
    const view = await publicationView(rdeps, grant, ref);
    return sendPage(
      req,
      reply,
      (ctx) => (
        <PublicationPage
          ctx={ctx}
          view={view}
          form={form}
          notice={noticeOf(req.query.done)}
          noticeDays={deps.config.registryNoticeDays}
        />
      ),
      status,
    );
  };

  app.get<IdQ>('/staff/registry/cases/:id', (req, reply) => renderPublication(req, reply));

  /** Runs one step of a case's publication; a refusal renders the page again with the reason. */
  const caseStep =
    (name: PublicationForm['name'] | 'announce', run: (req: FastifyRequest<IdQ>) => Promise<PublicationNotice>) =>
    async (req: FastifyRequest<IdQ>, reply: FastifyReply) => {
      try {
        const done = await run(req);
        return redirect(reply, `/staff/registry/cases/${req.params.id}?done=${done}`);
      } catch (err) {
        const failure = formFailure(err);
        if (!failure) throw err;
        const formName = name === 'announce' ? 'waive' : name;
        return renderPublication(
          req,
          reply,
          { name: formName, values: echoValues(req.body), errors: failure.errors },
          failure.status,
        );
      }
    };

  app.post<IdQ>(
    '/staff/registry/cases/:id/announce',
    caseStep('announce', async (req) => {
      const { grant, ref } = await authoriseCasePublication(
        deps.db,
        requireStaffPrincipal(req),
        req.params.id,
        'announce',
      );
      await announce(rdeps, grant, ref);
      return 'announced';
    }),
  );

  app.post<IdQ>(
    '/staff/registry/cases/:id/waive',
    caseStep('waive', async (req) => {
      const { grant, ref } = await authoriseCasePublication(
        deps.db,
        requireStaffPrincipal(req),
        req.params.id,
        'waive_notice',
      );
      await announce(rdeps, grant, ref, parseForm(waiveSchema, req.body).reason);
      return 'waived';
    }),
  );

  // The sources' citations and a correction's note come back filled in after a lost CSRF cookie
  // (src/web/form-not-sent.ts), to whoever may still publish or correct; nothing is published.
  const publishNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    await authoriseCasePublication(deps.db, requireStaffPrincipal(req), id, 'publish');
    return renderPublication(req as FastifyRequest<IdQ>, reply, { name: 'publish', ...kept }, kept.status);
  });

  app.post<IdQ>(
    '/staff/registry/cases/:id/publish',
    { config: { csrfFailed: publishNotSent } },
    caseStep('publish', async (req) => {
      const { grant, ref } = await authoriseCasePublication(
        deps.db,
        requireStaffPrincipal(req),
        req.params.id,
        'publish',
      );
      await publish(rdeps, grant, ref, parseForm(publishSchema(orgDay(deps)), req.body));
      return 'published';
    }),
  );

  const renderRecord = async (req: FastifyRequest<IdQ>, reply: FastifyReply, form?: PublicationForm, status = 200) => {
    const { grant, record } = await authoriseRecord(deps.db, requireStaffPrincipal(req), req.params.id, 'desk');
    const { sources, corrections, can } = await recordPageView(deps.db, grant, record);
    return sendPage(
      req,
      reply,
      (ctx) => (
        <RecordPage
          ctx={ctx}
          record={record}
          sources={sources}
          corrections={corrections}
          can={can}
          form={form}
          notice={noticeOf(req.query.done)}
        />
      ),
      status,
    );
  };

  app.get<IdQ>('/staff/registry/records/:id', (req, reply) => renderRecord(req, reply));

  const recordStep =
    (name: 'correct' | 'withdraw', run: (req: FastifyRequest<IdQ>) => Promise<void>) =>
    async (req: FastifyRequest<IdQ>, reply: FastifyReply) => {
      try {
        await run(req);
        return redirect(
          reply,
          `/staff/registry/records/${req.params.id}?done=${name === 'correct' ? 'corrected' : 'withdrawn'}`,
        );
      } catch (err) {
        const failure = formFailure(err);
        if (!failure) throw err;
        return renderRecord(req, reply, { name, values: echoValues(req.body), errors: failure.errors }, failure.status);
      }
    };

  const correctNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    await authoriseRecord(deps.db, requireStaffPrincipal(req), id, 'correct');
    return renderRecord(req as FastifyRequest<IdQ>, reply, { name: 'correct', ...kept }, kept.status);
  });

  app.post<IdQ>(
    '/staff/registry/records/:id/correct',
    { config: { csrfFailed: correctNotSent } },
    recordStep('correct', async (req) => {
      const { grant, record } = await authoriseRecord(deps.db, requireStaffPrincipal(req), req.params.id, 'correct');
      await correct(rdeps, grant, record.id, parseForm(correctSchema(orgDay(deps)), req.body));
    }),
  );

  app.post<IdQ>(
    '/staff/registry/records/:id/withdraw',
    recordStep('withdraw', async (req) => {
      const { grant, record } = await authoriseRecord(deps.db, requireStaffPrincipal(req), req.params.id, 'withdraw');
      await withdraw(rdeps, grant, record.id, parseForm(withdrawSchema, req.body).reason);
    }),
  );

  // The family's choice, on her own case (the case policy's choose_publication).
  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/cases/:id/publication', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'choose_publication');
    const view = await familyPublicationView(deps.db, grant, deps.config.registryNoticeDays);
    return sendPage(req, reply, (ctx) => (
      <FamilyPublicationPage ctx={ctx} caseId={grant.caseId} view={view} saved={req.query.done === 'saved'} />
    ));
  });

  app.post<{ Params: { id: string } }>('/cases/:id/publication', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'choose_publication');
    try {
      const { choice } = parseForm(familyChoiceSchema, req.body);
      await chooseFamilyPublication(rdeps, grant, choice === 'do_not_publish');
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      const view = await familyPublicationView(deps.db, grant, deps.config.registryNoticeDays);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <FamilyPublicationPage ctx={ctx} caseId={grant.caseId} view={view} saved={false} errors={failure.errors} />
        ),
        failure.status,
      );
    }
    return redirect(reply, `/cases/${grant.caseId}/publication?done=saved`);
  });
};

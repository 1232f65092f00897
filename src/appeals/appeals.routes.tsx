import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { readUploadForm, sendFile } from '../evidence/evidence.plugin.ts';
import type { AppealAction, AppealGrant } from '../policy/appeals.policy.ts';
import { authoriseAppeal, authoriseCaseAppeals } from './appeals-access.service.ts';
import { appealFile, closeAppeal, recordStep, sendAppeal } from './appeal-steps.service.ts';
import { printLetter, signAppeal } from './appeals-print.service.ts';
import { sendLetterPdf } from './letter-download.ts';
import { appealsDeps, discardDraft, draftFor, getAppeal, saveDraft, todayOf, updateDraft } from './appeals.service.ts';
import { draftSchema, printSchema, sendSchema, signSchema, stepSchema, type DraftInput } from './appeals.schema.ts';
import { authorities, templates } from './directory.service.ts';
import { APPEAL_NOTICES, AppealPage, PrintPage, type AppealFormState } from './appeal-page.views.tsx';
import { DraftPage, NewAppealPage } from './appeals.views.tsx';

// Appeals of a case, for its family and its organisation's staff. Thin: parse, authorise through
// the policy (src/policy/appeals.policy.ts), call one service function, render.

type IdParams = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

const newQuery = z.object({
  template: z.string().max(40).optional().catch(undefined),
  authority: z.string().max(40).optional().catch(undefined),
  follows: z.string().max(40).optional().catch(undefined),
  // The family's account goes into the letter only when this was ticked (draftFor).
  narrative: z.literal('yes').optional().catch(undefined),
});

export const appealsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = appealsDeps(app.deps);
  const today = () => todayOf(deps);

  const renderAppeal = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: AppealGrant,
    id: string,
    form?: AppealFormState,
    status = 200,
  ) => {
    const view = await getAppeal(deps, grant as AppealGrant<'read'>, id);
    const done = (req.query as Record<string, unknown> | undefined)?.done;
    const notice = form ? undefined : APPEAL_NOTICES.find((n) => n === done);
    return sendPage(req, reply, (ctx) => AppealPage({ ctx, view, form, notice }), status);
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

  app.get<IdParams>('/cases/:id/appeals/new', async (req, reply) => {
    const grant = await authoriseCaseAppeals(deps.db, requirePrincipal(req), req.params.id, 'write');
    const q = newQuery.parse(req.query ?? {});
    const list = await templates(deps.db);
    if (q.template && list.some((t) => t.key === q.template && t.key !== 'collective')) {
      const draft = await draftFor(deps, grant, {
        template: q.template,
        authority: q.authority || undefined,
        follows: q.follows,
        narrative: q.narrative === 'yes',
      });
      return sendPage(req, reply, (ctx) => (
        <DraftPage
          ctx={ctx}
          caseId={grant.caseId}
          action={`/cases/${grant.caseId}/appeals`}
          values={draft.values}
          errors={{}}
          guidance={ctx.lang === 'ru' ? draft.guidance.ru : draft.guidance.en}
          narrative={draft.narrative.used ? { inserted: draft.narrative.inserted } : undefined}
        />
      ));
    }
    const auths = await authorities(deps.db);
    const errors: FormErrors = q.template ? { template: { field: 'template', key: 'errors.chooseOne' } } : {};
    return sendPage(
      req,
      reply,
      (ctx) => (
        <NewAppealPage
          ctx={ctx}
          caseId={grant.caseId}
          templates={list}
          authorities={auths}
          values={{ template: '', authority: q.authority ?? '', follows: q.follows ?? '' }}
          errors={errors}
        />
      ),
      q.template ? 400 : 200,
    );
  });

  /** A letter's draft form, filled in (after bad input, or a lost CSRF cookie). */
  const draftPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    action: string,
    form: { values: FormValues; errors: FormErrors; status: number },
  ) =>
    sendPage(
      req,
      reply,
      (ctx) => <DraftPage ctx={ctx} caseId={caseId} action={action} values={form.values} errors={form.errors} />,
      form.status,
    );

  /** Saves a letter's draft form; bad input shows the form again (400) with what was typed. */
  const draftForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    action: string,
    save: (input: DraftInput) => Promise<string>,
  ) => {
    try {
      return redirect(reply, await save(parseForm(draftSchema, req.body)));
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return draftPage(req, reply, caseId, action, {
        values: echoValues(req.body),
        errors: formErrors(err.problems),
        status: 400,
      });
    }
  };

  // A draft sent with a lost CSRF cookie: the letter as typed, for whoever may still write it.
  const newDraftNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const grant = await authoriseCaseAppeals(deps.db, requirePrincipal(req), id, 'write');
    return draftPage(req, reply, grant.caseId, `/cases/${grant.caseId}/appeals`, kept);
  });
  const draftNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), id, 'write');
    return draftPage(req, reply, grant.caseId, `/appeals/${appeal.id}/edit`, kept);
  });

  app.post<IdParams>('/cases/:id/appeals', { config: { csrfFailed: newDraftNotSent } }, async (req, reply) => {
    const grant = await authoriseCaseAppeals(deps.db, requirePrincipal(req), req.params.id, 'write');
    return draftForm(req, reply, grant.caseId, `/cases/${grant.caseId}/appeals`, async (input) => {
      return `/appeals/${await saveDraft(deps, grant, input)}?done=drafted`;
    });
  });

  app.get<IdParams>('/appeals/:id', async (req, reply) => {
    const { grant } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'read');
    return renderAppeal(req, reply, grant, req.params.id);
  });

  app.get<IdParams>('/appeals/:id/edit', async (req, reply) => {
    const { grant } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    const view = await getAppeal(deps, grant as unknown as AppealGrant<'read'>, req.params.id);
    if (view.state !== 'draft') return redirect(reply, `/appeals/${view.id}`);
    const values = {
      template: view.letter.template,
      authority: view.letter.authorityId ?? '',
      addressee: view.letter.addressee,
      address: view.letter.address ?? '',
      subject: view.letter.subject,
      body: view.letter.body,
    };
    return sendPage(req, reply, (ctx) => (
      <DraftPage ctx={ctx} caseId={view.caseId} action={`/appeals/${view.id}/edit`} values={values} errors={{}} />
    ));
  });

  app.post<IdParams>('/appeals/:id/edit', { config: { csrfFailed: draftNotSent } }, async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return draftForm(req, reply, grant.caseId, `/appeals/${appeal.id}/edit`, async (input) => {
      await updateDraft(deps, grant, appeal.id, input);
      return `/appeals/${appeal.id}?done=edited`;
    });
  });

  app.post<IdParams>('/appeals/:id/discard', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'discard', async () => {
      await discardDraft(deps, grant, appeal.id);
      return `/cases/${grant.caseId}#appeals`;
    });
  });

  app.post<IdParams>('/appeals/:id/send', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'send', async () => {
      await sendAppeal(deps, grant, appeal.id, parseForm(sendSchema(today()), req.body));
      return `/appeals/${appeal.id}?done=sent`;
    });
  });

  // Sent with a lost CSRF cookie: the appeal page, the form as typed (a step's scan read and
  // dropped; the sender's name and address for printing or signing shown only to who typed them).
  const notSent = (name: 'step' | 'sign' | 'print', action: AppealAction) =>
    keepTyped(async (req, reply, kept) => {
      const id = (req.params as { id: string }).id;
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), id, action);
      return renderAppeal(req, reply, grant, appeal.id, { name, ...kept }, kept.status);
    });

  // What came from the authority, with its scan: a multipart form (src/evidence/evidence.plugin.ts).
  app.post<IdParams>('/appeals/:id/steps', { config: { csrfFailed: notSent('step', 'write') } }, async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    let fields: Record<string, string> = {};
    return appealForm(
      req,
      reply,
      grant,
      appeal.id,
      'step',
      async () => {
        const form = await readUploadForm(req);
        fields = form.fields;
        // The file cleaned (or refused, with the fields' problems) before the transaction: a bad
        // file writes nothing.
        const { input, file } = await form.parseWithFile((typed) => parseForm(stepSchema(today()), typed));
        await recordStep(deps, grant, appeal.id, input, file);
        return `/appeals/${appeal.id}?done=recorded#history-h`;
      },
      () => fields,
    );
  });

  app.post<IdParams>('/appeals/:id/close', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'close', async () => {
      await closeAppeal(deps, grant, appeal.id);
      return `/appeals/${appeal.id}?done=closed`;
    });
  });

  app.post<IdParams>('/appeals/:id/sign', { config: { csrfFailed: notSent('sign', 'sign') } }, async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'sign');
    return appealForm(req, reply, grant, appeal.id, 'sign', async () => {
      await signAppeal(deps, grant, appeal.id, parseForm(signSchema, req.body));
      return `/appeals/${appeal.id}?done=signed`;
    });
  });

  // POST: the sender's name and address must never be in a URL. The answer is the letter itself.
  app.post<IdParams>(
    '/appeals/:id/print',
    { config: { csrfFailed: notSent('print', 'print') } },
    async (req, reply) => {
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'print');
      try {
        const input = parseForm(printSchema, req.body);
        const letter = await printLetter(deps, grant, appeal.id, input);
        if (input.format === 'pdf') {
          return sendLetterPdf(req, reply, letter, `appeal-${appeal.id.slice(0, 8)}.pdf`);
        }
        return sendPage(req, reply, (ctx) => <PrintPage ctx={ctx} appealId={appeal.id} letter={letter} />);
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        return renderAppeal(
          req,
          reply,
          grant,
          appeal.id,
          { name: 'print', values: echoValues(req.body), errors: formErrors(err.problems) },
          400,
        );
      }
    },
  );

  app.get<FileParams>('/appeals/:id/files/:fileId', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'read');
    return sendFile(reply, await appealFile(deps, grant, appeal.id, req.params.fileId, 'clean'));
  });

  app.get<FileParams>('/appeals/:id/files/:fileId/original', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'original');
    return sendFile(reply, await appealFile(deps, grant, appeal.id, req.params.fileId, 'original'));
  });
};

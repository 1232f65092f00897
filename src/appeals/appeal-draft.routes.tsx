import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import type { AppealGrant } from '../policy/appeals.policy.ts';
import type { CaseSide } from '../policy/case.policy.ts';
import { authoriseAppeal, authoriseCaseAppeals } from './appeals-access.service.ts';
import { discardDraft, draftFor, draftNotes, getAppeal, saveDraft, updateDraft } from './appeals.service.ts';
import { draftSchema, type DraftInput } from './appeals.schema.ts';
import { authorities, templates } from './directory.service.ts';
import { DraftPage, NewAppealPage } from './appeals.views.tsx';
import type { AppealPages, IdParams } from './appeal-page.routes.ts';
import { DRAFT_ECHO } from './appeals.echo.ts';

// Writing a letter: choosing its template and authority, the draft filled in from the case,
// saving and editing it, and throwing it away. Thin handlers: parse, authorise, call one service.

const newQuery = z.object({
  template: z.string().max(40).optional().catch(undefined),
  authority: z.string().max(40).optional().catch(undefined),
  follows: z.string().max(40).optional().catch(undefined),
  // The family's account goes into the letter only when this was ticked (draftFor).
  narrative: z.literal('yes').optional().catch(undefined),
  // Step one's form was sent (its hidden field): no letter chosen there is an error to say.
  next: z.literal('1').optional().catch(undefined),
});

export const appealDraftRoutes = (app: FastifyInstance, pages: AppealPages): void => {
  const { deps, appealForm } = pages;

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
          side={grant.side}
        />
      ));
    }
    const auths = await authorities(deps.db);
    const asked = q.template !== undefined || q.next !== undefined;
    const errors: FormErrors = asked ? { template: { field: 'template', key: 'appeals.errors.chooseLetter' } } : {};
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
          side={grant.side}
        />
      ),
      asked ? 400 : 200,
    );
  });

  /**
   * A letter's draft form, filled in (after bad input, or a lost CSRF cookie). It keeps its
   * template's guidance, as when it was first opened; a new letter keeps the choice about her
   * account too. The template is the form's hidden field, which the page wrote from the letter (an
   * edit saves the stored letter's template whatever the field says: a changed field only changes
   * which template's public guidance is shown).
   */
  const draftPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    action: string,
    form: { values: FormValues; errors: FormErrors; status: number },
    side: CaseSide,
  ) => {
    const isNew = action === `/cases/${caseId}/appeals`;
    const notes = form.values.template ? await draftNotes(deps.db, form.values.template) : undefined;
    return sendPage(
      req,
      reply,
      (ctx) => (
        <DraftPage
          ctx={ctx}
          caseId={caseId}
          action={action}
          values={form.values}
          errors={form.errors}
          guidance={notes && (ctx.lang === 'ru' ? notes.guidance.ru : notes.guidance.en)}
          narrative={isNew && notes?.narrativeUsed ? { inserted: form.values.narrative === 'yes' } : undefined}
          side={side}
        />
      ),
      form.status,
    );
  };

  /** Saves a letter's draft form; bad input shows the form again (400) with what was typed. */
  const draftForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: AppealGrant,
    action: string,
    save: (input: DraftInput) => Promise<string>,
  ) => {
    try {
      return redirect(reply, await save(parseForm(draftSchema, req.body)));
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return draftPage(
        req,
        reply,
        grant.caseId,
        action,
        { values: echoValues(req.body), errors: formErrors(err.problems), status: 400 },
        grant.side,
      );
    }
  };

  // A draft sent with a lost CSRF cookie: the letter as typed, for whoever may still write it.
  const newDraftNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const grant = await authoriseCaseAppeals(deps.db, requirePrincipal(req), id, 'write');
    return draftPage(req, reply, grant.caseId, `/cases/${grant.caseId}/appeals`, kept, grant.side);
  });
  const draftNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), id, 'write');
    return draftPage(req, reply, grant.caseId, `/appeals/${appeal.id}/edit`, kept, grant.side);
  });

  app.post<IdParams>(
    '/cases/:id/appeals',
    { config: { echo: DRAFT_ECHO, csrfFailed: newDraftNotSent } },
    async (req, reply) => {
      const grant = await authoriseCaseAppeals(deps.db, requirePrincipal(req), req.params.id, 'write');
      return draftForm(req, reply, grant, `/cases/${grant.caseId}/appeals`, async (input) => {
        return `/appeals/${await saveDraft(deps, grant, input)}?done=drafted`;
      });
    },
  );

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
    // The same guidance as when the letter was first opened (its template's, as it reads now).
    const notes = await draftNotes(deps.db, view.letter.template);
    return sendPage(req, reply, (ctx) => (
      <DraftPage
        ctx={ctx}
        caseId={view.caseId}
        action={`/appeals/${view.id}/edit`}
        values={values}
        errors={{}}
        guidance={notes && (ctx.lang === 'ru' ? notes.guidance.ru : notes.guidance.en)}
        side={grant.side}
      />
    ));
  });

  app.post<IdParams>(
    '/appeals/:id/edit',
    { config: { echo: DRAFT_ECHO, csrfFailed: draftNotSent } },
    async (req, reply) => {
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
      return draftForm(req, reply, grant, `/appeals/${appeal.id}/edit`, async (input) => {
        await updateDraft(deps, grant, appeal.id, input);
        return `/appeals/${appeal.id}?done=edited`;
      });
    },
  );

  app.post<IdParams>('/appeals/:id/discard', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'discard', async () => {
      await discardDraft(deps, grant, appeal.id);
      return `/cases/${grant.caseId}#appeals`;
    });
  });
};

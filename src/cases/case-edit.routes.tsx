import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Conflict, Invalid } from '../shared/errors.ts';
import { mayAlso, type CaseGrant } from '../policy/case.policy.ts';
import { requirePrincipal } from '../web/guards.ts';
import { authoriseCase } from './case-access.service.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import { redirect, sendPage } from '../web/render.ts';
import {
  CHANGED_MEANWHILE,
  caseIsOpen,
  caseRevisions,
  editCase,
  editVersion,
  withdrawCase,
} from './case-edit.service.ts';
import { EditCasePage, WithdrawPage, editValues } from './case-edit.views.tsx';
import { editCaseSchema, editSeenSchema, eventConfirmationSchema, withdrawSchema } from './cases.schema.ts';
import { NeedsCheck, type EventCheck } from './verification-lifecycle.ts';
import { getCaseForViewer, retentionOf } from './cases.service.ts';
import { EDIT_CASE_ECHO } from './cases.echo.ts';
import { keepTyped } from '../web/form-not-sent.ts';

// Correcting a case (the requester and the organisation's case staff) and withdrawing it (the
// requester only). Thin: parse, authorise (src/policy/), call one service function, render.

type IdParams = { Params: { id: string } };

export const caseEditRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: CaseGrant<'edit'>,
    form?: { values: FormValues; errors: FormErrors; warnings?: EventCheck; changed?: boolean; status?: number },
  ) => {
    const open = await caseIsOpen(deps, grant);
    // The stored values are only read (and, for staff, audited as a read) when there is a form to fill.
    // `seen` is what they were when the form was opened; after "changed meanwhile", what they are now,
    // so the form sent again, checked, is saved.
    const values =
      form && !form.changed
        ? form.values
        : open
          ? {
              ...(form?.values ?? editValues(await getCaseForViewer(deps, grant))),
              seen: await editVersion(deps, grant),
            }
          : {};
    const revisions = open ? await caseRevisions(deps, grant) : [];
    const page = {
      caseId: grant.caseId,
      open,
      voice: grant.side,
      lastContact: mayAlso(grant, 'correct_last_contact'),
      values,
      errors: form?.errors ?? {},
      revisions,
      warnings: form?.warnings,
      changed: form?.changed,
    };
    const status = form?.status ?? (form?.warnings || form?.changed ? 409 : form ? 400 : 200);
    return sendPage(req, reply, (ctx) => <EditCasePage ctx={ctx} {...page} />, status);
  };

  app.get<IdParams>('/cases/:id/edit', async (req, reply) =>
    editPage(req, reply, await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'edit')),
  );

  // Sent with a lost CSRF cookie: the form again as typed, `seen` included, so a change made
  // meanwhile by someone else is still caught when it is sent again.
  const editNotSent = keepTyped(async (req, reply, kept) =>
    editPage(
      req,
      reply,
      await authoriseCase(deps.db, requirePrincipal(req), (req.params as { id: string }).id, 'edit'),
      kept,
    ),
  );

  const editForm = { echo: EDIT_CASE_ECHO, csrfFailed: editNotSent };

  app.post<IdParams>('/cases/:id/edit', { config: editForm }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'edit');
    try {
      const input = parseForm(editCaseSchema(today()), req.body);
      await editCase(
        deps,
        grant,
        input,
        parseForm(eventConfirmationSchema, req.body).ack,
        editSeenSchema.parse(req.body).seen,
      );
      return redirect(reply, `/cases/${grant.caseId}?done=edited`);
    } catch (err) {
      if (err instanceof Conflict && err.key === CHANGED_MEANWHILE)
        return editPage(req, reply, grant, {
          values: echoValues(req.body),
          errors: { _form: { field: '_form', key: CHANGED_MEANWHILE } },
          changed: true,
        });
      if (err instanceof NeedsCheck)
        return editPage(req, reply, grant, { values: echoValues(req.body), errors: {}, warnings: err.check });
      if (!(err instanceof Invalid)) throw err;
      return editPage(req, reply, grant, { values: echoValues(req.body), errors: formErrors(err.problems) });
    }
  });

  const withdrawPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: CaseGrant<'withdraw'>,
    errors: FormErrors = {},
  ) => {
    const retention = retentionOf(deps, null);
    const open = await caseIsOpen(deps, grant);
    return sendPage(
      req,
      reply,
      (ctx) => <WithdrawPage ctx={ctx} caseId={grant.caseId} open={open} retention={retention} errors={errors} />,
      Object.keys(errors).length ? 400 : 200,
    );
  };

  app.get<IdParams>('/cases/:id/withdraw', async (req, reply) =>
    withdrawPage(req, reply, await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'withdraw')),
  );

  app.post<IdParams>('/cases/:id/withdraw', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'withdraw');
    try {
      parseForm(withdrawSchema, req.body);
      await withdrawCase(deps, grant);
      return redirect(reply, `/cases/${grant.caseId}?done=withdrawn`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return withdrawPage(req, reply, grant, formErrors(err.problems));
    }
  });
};

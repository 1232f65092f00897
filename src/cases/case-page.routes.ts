import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../web/render.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { Invalid } from '../shared/errors.ts';
import type { CaseAction, CaseGrant } from '../policy/case.policy.ts';
import { requirePrincipal } from '../web/guards.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import { authoriseCase } from './case-access.service.ts';
import { z } from 'zod';
import { getCaseForViewer, type CasePageWindow } from './cases.service.ts';
import { CASE_NOTICES, CasePage, type CaseNotice, type FormState } from './case-page.views.tsx';
import { caseExtras } from '../matching/case-extras.views.tsx';
import type { FormErrors, FormValues } from '../web/forms.tsx';
import { principalOf } from '../policy/principal.ts';
import { appealAbilities } from '../policy/appeals.policy.ts';
import { authoriseCaseAppeals } from '../appeals/appeals-access.service.ts';
import { appealsDeps, appealsOfCase } from '../appeals/appeals.service.ts';
import { CaseAppealsSection } from '../appeals/appeals.views.tsx';

/** The ?done=… of a redirect after a successful form, allow-listed. */
const noticeOf = (req: FastifyRequest): CaseNotice | undefined => {
  const done = (req.query as Record<string, unknown> | undefined)?.done;
  return CASE_NOTICES.find((n) => n === done);
};

const position = z.coerce.number().int().min(0).max(1_000_000_000).optional().catch(undefined);
const windowSchema = z.object({ messages_before: position, notes_before: position, events_before: position });

/** Which page of messages, notes and events the URL asks for (anything malformed: the newest). */
const windowOf = (req: FastifyRequest): CasePageWindow => {
  const q = windowSchema.parse(req.query ?? {});
  return { messagesBefore: q.messages_before, notesBefore: q.notes_before, eventsBefore: q.events_before };
};

/** Renders the case page for the grant holder, optionally with one form's values and errors. */
export const renderCase = async (
  req: FastifyRequest,
  reply: FastifyReply,
  grant: CaseGrant,
  form?: FormState,
  status = 200,
  cohortForm?: { values: FormValues; errors: FormErrors },
) => {
  // A form sent back with errors is the same visit: only a fresh page counts news as seen.
  const view = await getCaseForViewer(req.server.deps, grant, {
    takeNews: !form && !cohortForm,
    window: form ? undefined : windowOf(req),
  });
  const notice = form ? undefined : noticeOf(req);
  // Linked records, incidents and cohorts (issue 11): src/matching/case-extras.views.tsx.
  const extra = await caseExtras(req.server.deps, grant, cohortForm);
  // The case's appeals (src/appeals/), with their deadlines and days left.
  const appealsGrant = await authoriseCaseAppeals(req.server.deps.db, principalOf(grant.auth), grant.caseId, 'read');
  const appeals = await appealsOfCase(appealsDeps(req.server.deps), appealsGrant);
  const canWrite = appealAbilities(appealsGrant, appealsGrant.caseActive).write;
  return sendPage(
    req,
    reply,
    (ctx) =>
      CasePage({
        ctx,
        view,
        form,
        failedAt: cohortForm && Object.keys(cohortForm.errors).length > 0 ? 'cohorts' : undefined,
        notice,
        sections: [extra(ctx), CaseAppealsSection({ ctx, caseId: grant.caseId, appeals, canWrite })],
      }),
    status,
  );
};

/**
 * Runs a case form action. Bad input re-renders the case page (400) with what was typed and
 * the translated field errors; nothing was changed since the service never ran or rolled back.
 */
export const caseFormAction = async (
  req: FastifyRequest,
  reply: FastifyReply,
  grant: CaseGrant,
  name: FormState['name'],
  action: () => Promise<string>,
) => {
  try {
    const to = await action();
    return reply.code(303).redirect(to);
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    return renderCase(req, reply, grant, { name, values: echoValues(req.body), errors: formErrors(err.problems) }, 400);
  }
};

/**
 * A case page form sent with a lost CSRF cookie (route config `csrfFailed`): the case page again,
 * that form filled in, for whoever may still do `action` on the case; nothing saved.
 */
export const caseFormNotSent = (action: CaseAction, name: FormState['name']) =>
  keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const grant = await authoriseCase(req.server.deps.db, requirePrincipal(req), id, action);
    return renderCase(req, reply, grant, { name, values: kept.values, errors: kept.errors }, kept.status);
  });

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { grantOpenCase } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { requireFamily, requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import type { FormErrors, FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { earlierRequestAbout, type EarlierRequest } from './duplicate-request.ts';
import { redirect, sendPage } from '../web/render.ts';
import { authoriseCase } from './case-access.service.ts';
import { caseFormAction, caseFormNotSent, renderCase } from './case-page.routes.ts';
import { levelsUpTo } from './case-page.views.tsx';
import { EventCheckPage } from './event-check.views.tsx';
import { NeedsCheck, type EventCheck } from './verification-lifecycle.ts';
import { maxVerificationFor } from '../policy/case.policy.ts';
import { sendMessage } from './case-work.service.ts';
import { MyCasesPage, NewCasePage } from './case-form.views.tsx';
import { caseFileSchema, eventConfirmationSchema, eventSchema, openCaseSchema, postSchema } from './cases.schema.ts';
import { EVENT_ECHO, FILE_ECHO, MESSAGE_ECHO, NEW_CASE_ECHO } from './cases.echo.ts';
import { readUploadForm, sendFile } from '../evidence/evidence.plugin.ts';
import { caseIsOpen } from './case-edit.service.ts';
import { attachFile, caseFileToRemove, readCaseFile, removeCaseFile } from './case-files.service.ts';
import { RemoveFilePage } from './case-files.views.tsx';
import { casesOfFamily, openCase, organisationChoices } from './cases.service.ts';
import { addEvent } from './events.service.ts';

// The family's side, and the case page both families and staff read. Thin: parse, authorise
// (src/policy/), call one service function, render. Ids in URLs are random UUIDs, never names.

type IdParams = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

export const casesRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);

  app.get('/my/cases', async (req, reply) => {
    const auth = requireFamily(req);
    const cases = await casesOfFamily(deps.db, auth);
    return sendPage(req, reply, (ctx) => <MyCasesPage ctx={ctx} cases={cases} />);
  });

  app.get('/cases/new', async (req, reply) => {
    grantOpenCase(principalOf(requireFamily(req)));
    const organisations = await organisationChoices(deps.db);
    return sendPage(req, reply, (ctx) => (
      <NewCasePage ctx={ctx} organisations={organisations} values={{}} errors={{}} />
    ));
  });

  /** The new case form filled in: after bad input, a warning, or a lost CSRF cookie. */
  const newCaseForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors; status: number; earlier?: EarlierRequest; warnings?: EventCheck },
  ) => {
    grantOpenCase(principalOf(requireFamily(req)));
    const organisations = await organisationChoices(deps.db);
    const { status, ...page } = form;
    return sendPage(req, reply, (ctx) => <NewCasePage ctx={ctx} organisations={organisations} {...page} />, status);
  };

  const newCaseNotSent = keepTyped(newCaseForm);

  app.post('/cases/new', { config: { echo: NEW_CASE_ECHO, csrfFailed: newCaseNotSent } }, async (req, reply) => {
    const auth = grantOpenCase(principalOf(requireFamily(req)));
    const formAgain = (status: number, errors: FormErrors, earlier?: EarlierRequest, warnings?: EventCheck) =>
      newCaseForm(req, reply, { values: echoValues(req.body), errors, status, earlier, warnings });
    try {
      const input = parseForm(openCaseSchema(today()), req.body);
      // Warned once (duplicate-request.ts): sent again naming the request it was warned about, it goes through.
      const earlier = await earlierRequestAbout(deps.db, auth, input);
      if (earlier && echoValues(req.body).duplicate_of !== earlier.caseId) return formAgain(409, {}, earlier);
      const { caseId } = await openCase(deps, auth, input, parseForm(eventConfirmationSchema, req.body).ack);
      return redirect(reply, `/cases/${caseId}`);
    } catch (err) {
      if (err instanceof NeedsCheck) return formAgain(409, {}, undefined, err.check);
      if (!(err instanceof Invalid)) throw err;
      return formAgain(400, formErrors(err.problems));
    }
  });

  app.get<IdParams>('/cases/:id', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'read');
    return renderCase(req, reply, grant);
  });

  /** The event form filled in where it was sent from: the check page, or the case page. */
  const eventNotSent = keepTyped(async (req, reply, kept) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), (req.params as { id: string }).id, 'add_event');
    if (kept.values.checked === '1') return eventCheckPage(req, reply, grant, null, kept);
    return renderCase(req, reply, grant, { name: 'event', values: kept.values, errors: kept.errors }, kept.status);
  });

  const eventForm = { echo: EVENT_ECHO, csrfFailed: eventNotSent };

  // An event whose date contradicts the timeline, or (staff) that sets a death, a capture or a
  // detention, stops once at the check page; sent again from there, confirmed, it is saved.
  app.post<IdParams>('/cases/:id/events', { config: eventForm }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'add_event');
    const values = echoValues(req.body);
    const fromCheck = values.checked === '1';
    const checkPage = (check: EventCheck | null, errors: FormErrors, status: number) =>
      eventCheckPage(req, reply, grant, check, { values, errors, status });
    try {
      const input = parseForm(eventSchema(today()), req.body);
      const confirmation = parseForm(eventConfirmationSchema, req.body);
      const { eventId } = await addEvent(deps, grant, input, {
        acknowledged: confirmation.ack,
        reason: confirmation.reason,
      });
      return redirect(reply, `/cases/${grant.caseId}?done=event#event-${eventId}`);
    } catch (err) {
      if (err instanceof NeedsCheck) {
        const missing = fromCheck && err.check.grave && !values.reason?.trim();
        const errors: FormErrors = missing ? { reason: { field: 'reason', key: 'cases.errors.reasonRequired' } } : {};
        return checkPage(err.check, errors, missing ? 400 : 409);
      }
      if (!(err instanceof Invalid)) throw err;
      if (fromCheck) return checkPage(null, formErrors(err.problems), 400);
      return renderCase(req, reply, grant, { name: 'event', values, errors: formErrors(err.problems) }, 400);
    }
  });

  // A photo or scan attached to the case on its own (case-files.service.ts): a multipart form
  // read through the one upload pipeline (src/evidence/evidence.plugin.ts), as an appeal's scan is.
  const fileForm = { echo: FILE_ECHO, csrfFailed: caseFormNotSent('add_event', 'file') };

  app.post<IdParams>('/cases/:id/files', { config: fileForm }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'add_event');
    let fields: Record<string, string> = {};
    try {
      const form = await readUploadForm(req, { plain: true });
      fields = form.fields;
      // The file cleaned (or refused, with the description's problems) before anything is written.
      const { input, file } = await form.parseWithFile((typed) => {
        const noFile = form.fileChosen ? [] : [{ field: 'file', key: 'cases.files.errors.noFile' }];
        try {
          const parsed = parseForm(caseFileSchema, typed);
          if (noFile.length) throw new Invalid(noFile);
          return parsed;
        } catch (err) {
          if (err instanceof Invalid && !err.problems.some((p) => p.field === 'file'))
            throw new Invalid([...err.problems, ...noFile]);
          throw err;
        }
      });
      if (!file) throw new Invalid({ field: 'file', key: 'cases.files.errors.noFile' });
      const fileId = await attachFile(deps, grant, input, file);
      return redirect(reply, `/cases/${grant.caseId}?done=file#file-${fileId}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const values = echoValues(fields);
      return renderCase(req, reply, grant, { name: 'file', values, errors: formErrors(err.problems) }, 400);
    }
  });

  app.get<FileParams>('/cases/:id/files/:fileId', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'read');
    return sendFile(reply, await readCaseFile(deps, grant, req.params.fileId));
  });

  // Removing a file its own side attached: a page that asks first, then the removal (POST only).
  app.get<FileParams>('/cases/:id/files/:fileId/remove', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'remove_file');
    const file = await caseFileToRemove(deps, grant, req.params.fileId);
    // A closed case keeps its files (an old link or a back button): its page says it is closed.
    if (!(await caseIsOpen(deps, grant))) return redirect(reply, `/cases/${grant.caseId}#files`);
    return sendPage(req, reply, (ctx) => (
      <RemoveFilePage ctx={ctx} caseId={grant.caseId} file={file} side={grant.side} />
    ));
  });

  app.post<FileParams>('/cases/:id/files/:fileId/remove', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'remove_file');
    // Only the page's own form says yes: anything else shows the question again.
    if (echoValues(req.body).confirm !== 'yes') {
      const file = await caseFileToRemove(deps, grant, req.params.fileId);
      return sendPage(
        req,
        reply,
        (ctx) => <RemoveFilePage ctx={ctx} caseId={grant.caseId} file={file} side={grant.side} />,
        400,
      );
    }
    await removeCaseFile(deps, grant, req.params.fileId);
    return redirect(reply, `/cases/${grant.caseId}?done=file_removed#files`);
  });

  const messageForm = { echo: MESSAGE_ECHO, csrfFailed: caseFormNotSent('message', 'message') };

  app.post<IdParams>('/cases/:id/messages', { config: messageForm }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'message');
    return caseFormAction(req, reply, grant, 'message', async () => {
      await sendMessage(deps, grant, parseForm(postSchema, req.body).body);
      return `/cases/${grant.caseId}?done=message#messages`;
    });
  });
};

const eventCheckPage = (
  req: FastifyRequest,
  reply: FastifyReply,
  grant: CaseGrant<'add_event'>,
  check: EventCheck | null,
  form: { values: FormValues; errors: FormErrors; status: number },
) =>
  sendPage(
    req,
    reply,
    (ctx) => (
      <EventCheckPage
        ctx={ctx}
        caseId={grant.caseId}
        voice={grant.side}
        check={check}
        levels={levelsUpTo(maxVerificationFor(grant))}
        values={form.values}
        errors={form.errors}
      />
    ),
    form.status,
  );

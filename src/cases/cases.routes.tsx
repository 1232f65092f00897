import type { FastifyInstance } from 'fastify';
import { isoDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { grantOpenCase } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { requireFamily, requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import type { FormErrors } from '../web/forms.tsx';
import { earlierRequestAbout, type EarlierRequest } from './duplicate-request.ts';
import { redirect, sendPage } from '../web/render.ts';
import { authoriseCase } from './case-access.service.ts';
import { caseFormAction, renderCase } from './case-page.routes.ts';
import { sendMessage } from './case-work.service.ts';
import { MyCasesPage, NewCasePage } from './case-form.views.tsx';
import { eventSchema, openCaseSchema, postSchema } from './cases.schema.ts';
import { EVENT_ECHO, MESSAGE_ECHO, NEW_CASE_ECHO } from './cases.echo.ts';
import { casesOfFamily, openCase, organisationChoices } from './cases.service.ts';
import { addEvent } from './events.service.ts';

// The family's side, and the case page both families and staff read. Thin: parse, authorise
// (src/policy/), call one service function, render. Ids in URLs are random UUIDs, never names.

type IdParams = { Params: { id: string } };

export const casesRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const today = () => isoDay(deps.clock);

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

  app.post('/cases/new', { config: { echo: NEW_CASE_ECHO } }, async (req, reply) => {
    const auth = grantOpenCase(principalOf(requireFamily(req)));
    const formAgain = async (status: number, errors: FormErrors, earlier?: EarlierRequest) => {
      const organisations = await organisationChoices(deps.db);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <NewCasePage
            ctx={ctx}
            organisations={organisations}
            values={echoValues(req.body)}
            errors={errors}
            earlier={earlier}
          />
        ),
        status,
      );
    };
    try {
      const input = parseForm(openCaseSchema(today()), req.body);
      // Warned once (duplicate-request.ts): sent again naming the request it was warned about, it goes through.
      const earlier = await earlierRequestAbout(deps.db, auth, input);
      if (earlier && echoValues(req.body).duplicate_of !== earlier.caseId) return formAgain(409, {}, earlier);
      const { caseId } = await openCase(deps, auth, input);
      return redirect(reply, `/cases/${caseId}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return formAgain(400, formErrors(err.problems));
    }
  });

  app.get<IdParams>('/cases/:id', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'read');
    return renderCase(req, reply, grant);
  });

  app.post<IdParams>('/cases/:id/events', { config: { echo: EVENT_ECHO } }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'add_event');
    return caseFormAction(req, reply, grant, 'event', async () => {
      const { eventId } = await addEvent(deps, grant, parseForm(eventSchema(today()), req.body));
      return `/cases/${grant.caseId}?done=event#event-${eventId}`;
    });
  });

  app.post<IdParams>('/cases/:id/messages', { config: { echo: MESSAGE_ECHO } }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requirePrincipal(req), req.params.id, 'message');
    return caseFormAction(req, reply, grant, 'message', async () => {
      await sendMessage(deps, grant, parseForm(postSchema, req.body).body);
      return `/cases/${grant.caseId}?done=message#messages`;
    });
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Conflict, Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantMatching, matchingAbilities } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import {
  addFact,
  addSource,
  authoriseFact,
  authoriseIncident,
  createIncident,
  incidentPage,
  incidentsOf,
  linkPerson,
  unlinkPerson,
  verifyFact,
} from './incidents.service.ts';
import {
  factSchema,
  incidentSchema,
  linkSchema,
  sourceSchema,
  unlinkSchema,
  verifyFactSchema,
} from './incidents.schema.ts';
import { IncidentPageView, IncidentsPage, type IncidentForm } from './incidents.views.tsx';
import { FACT_ECHO, INCIDENT_ECHO, SOURCE_ECHO } from './cohorts.echo.ts';

// Incidents, for the organisation's case staff. Confirming a fact takes a verifier (the policy's
// incident_confirm); everything else any case staff member.

type IdParams = { Params: { id: string } };

const DONE = ['created', 'linked', 'unlinked', 'fact', 'verified', 'source'] as const;

export const incidentsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);

  const notice = (req: FastifyRequest): string | undefined => {
    const q = req.query as Record<string, unknown>;
    const told = Number(q?.told) || 0;
    if (q?.done === 'fact' && told) return req.t('cohorts.incidents.done.factTold', { count: told });
    const done = DONE.find((d) => d === q?.done);
    return done ? req.t(`cohorts.incidents.done.${done}`) : undefined;
  };

  const renderIncident = async (
    req: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    id: string,
    form?: IncidentForm,
    status = form ? 400 : 200,
  ) => {
    const grant = await authoriseIncident(deps.db, principal, id, 'search');
    const page = await incidentPage(deps, grant, id);
    return sendPage(
      req,
      reply,
      (ctx) => (
        <IncidentPageView
          ctx={ctx}
          page={page}
          can={matchingAbilities(principal)}
          form={form}
          notice={form ? undefined : notice(req)}
        />
      ),
      status,
    );
  };

  const listPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    form: IncidentForm,
    status: number,
  ) => {
    const incidents = await incidentsOf(deps, grantMatching(principal, 'search'));
    return sendPage(
      req,
      reply,
      (ctx) => <IncidentsPage ctx={ctx} incidents={incidents} can={matchingAbilities(principal)} form={form} />,
      status,
    );
  };

  // What staff wrote about an incident (its description, a fact, a source's citation) comes back
  // on its page when the browser lost the CSRF cookie (src/web/form-not-sent.ts); nothing is saved.
  const newIncidentNotSent = keepTyped(async (req, reply, kept) => {
    const principal = requireStaffPrincipal(req);
    grantMatching(principal, 'incident_edit');
    return listPage(req, reply, principal, { name: 'incident', ...kept }, kept.status);
  });
  const incidentNotSent = (name: 'fact' | 'source') =>
    keepTyped(async (req, reply, kept) => {
      const principal = requireStaffPrincipal(req);
      const id = (req.params as { id: string }).id;
      await authoriseIncident(deps.db, principal, id, 'incident_edit');
      return renderIncident(req, reply, principal, id, { name, ...kept }, kept.status);
    });

  /** Runs a form action on an incident; bad input renders the incident page again with the form's errors. */
  const formAction = async (
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    name: IncidentForm['name'],
    action: (principal: Principal) => Promise<string>,
  ) => {
    const principal = requireStaffPrincipal(req);
    await authoriseIncident(deps.db, principal, req.params.id, 'search');
    try {
      return redirect(reply, await action(principal));
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return renderIncident(req, reply, principal, req.params.id, {
        name,
        values: echoValues(req.body),
        errors: formErrors(err.problems),
      });
    }
  };

  app.get('/staff/incidents', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const incidents = await incidentsOf(deps, grantMatching(principal, 'search'));
    return sendPage(req, reply, (ctx) => (
      <IncidentsPage ctx={ctx} incidents={incidents} can={matchingAbilities(principal)} />
    ));
  });

  app.post(
    '/staff/incidents',
    { config: { echo: INCIDENT_ECHO, csrfFailed: newIncidentNotSent } },
    async (req, reply) => {
      const principal = requireStaffPrincipal(req);
      const grant = grantMatching(principal, 'incident_edit');
      try {
        const id = await createIncident(deps, grant, parseForm(incidentSchema(today()), req.body));
        return redirect(reply, `/staff/incidents/${id}?done=created`);
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        const form = { name: 'incident' as const, values: echoValues(req.body), errors: formErrors(err.problems) };
        return listPage(req, reply, principal, form, 400);
      }
    },
  );

  app.get<IdParams>('/staff/incidents/:id', async (req, reply) =>
    renderIncident(req, reply, requireStaffPrincipal(req), req.params.id),
  );

  // From a person record's page: the incident is chosen in the form, so it is in the body.
  app.post('/staff/incidents/link', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    grantMatching(principal, 'incident_edit');
    const { incident, person } = parseForm(linkSchema, req.body);
    const grant = await authoriseIncident(deps.db, principal, incident, 'incident_edit');
    await linkPerson(deps, grant, incident, person);
    return redirect(reply, `/staff/people/${person}?done=linked#incidents-h`);
  });

  app.post<IdParams>('/staff/incidents/:id/unlink', async (req, reply) => {
    const grant = await authoriseIncident(deps.db, requireStaffPrincipal(req), req.params.id, 'incident_edit');
    await unlinkPerson(deps, grant, req.params.id, parseForm(unlinkSchema, req.body).person);
    return redirect(reply, `/staff/incidents/${req.params.id}?done=unlinked`);
  });

  app.post<IdParams>(
    '/staff/incidents/:id/facts',
    { config: { echo: FACT_ECHO, csrfFailed: incidentNotSent('fact') } },
    async (req, reply) =>
      formAction(req, reply, 'fact', async (principal) => {
        const input = parseForm(factSchema(today()), req.body);
        const grant = await authoriseIncident(
          deps.db,
          principal,
          req.params.id,
          input.verification === 'confirmed' ? 'incident_confirm' : 'incident_edit',
        );
        const { told } = await addFact(deps, grant, req.params.id, input);
        return `/staff/incidents/${req.params.id}?done=fact${told ? `&told=${told}` : ''}#facts-h`;
      }),
  );

  app.post<IdParams>('/staff/incidents/facts/:id/verify', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const { verification } = parseForm(verifyFactSchema, req.body);
    const { grant, incidentId } = await authoriseFact(deps.db, principal, req.params.id, verification);
    try {
      const { told } = await verifyFact(deps, grant, req.params.id, verification);
      return redirect(reply, `/staff/incidents/${incidentId}?done=${told ? `fact&told=${told}` : 'verified'}#facts-h`);
    } catch (err) {
      // Raised meanwhile by someone else: the page shows the level it has now.
      if (!(err instanceof Conflict)) throw err;
      return redirect(reply, `/staff/incidents/${incidentId}#facts-h`);
    }
  });

  app.post<IdParams>(
    '/staff/incidents/:id/sources',
    { config: { echo: SOURCE_ECHO, csrfFailed: incidentNotSent('source') } },
    async (req, reply) =>
      formAction(req, reply, 'source', async (principal) => {
        const grant = await authoriseIncident(deps.db, principal, req.params.id, 'incident_edit');
        await addSource(deps, grant, req.params.id, parseForm(sourceSchema(today()), req.body));
        return `/staff/incidents/${req.params.id}?done=source#sources-h`;
      }),
  );
};

import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../accounts/guards.ts';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { authoriseCase, authoriseEvent, authoriseQueue, caseRole } from '../web/access.ts';
import { echoValues, errorsByField, parseForm } from '../web/forms.tsx';
import { Invalid } from '../shared/errors.ts';
import { sendPage } from '../web/render.ts';
import { caseFormAction } from './case-render.ts';
import {
  assignSchema,
  closeSchema,
  postSchema,
  queueQuerySchema,
  searchQuerySchema,
  verifySchema,
} from './cases.schema.ts';
import { addNote, assignCase, caseQueue, closeCase, reopenCase, searchCases, verifyEvent } from './cases.service.ts';
import { QueuePage, SearchPage } from './staff.views.tsx';
import { CLOSE_ECHO, NOTE_ECHO, SEARCH_ECHO } from './cases.echo.ts';

// The caseworker's side. requireStaff sends a staff member without 2FA to set it up; the
// object-level decision is always authoriseCase/authoriseQueue in web/access.ts.

type IdParams = { Params: { id: string } };

export const staffRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const names = async (orgId: string) =>
    new Map((await staffOfOrganisation(deps.db, orgId)).map((s) => [s.id, s.pseudonym]));

  app.get('/staff', async (req, reply) => {
    const grant = authoriseQueue(requireStaff(req));
    const { filter, days } = queueQuerySchema.parse(req.query ?? {});
    const rows = await caseQueue(deps, grant, filter, days);
    const staffNames = await names(grant.organisationId);
    const isAdmin = caseRole(grant.auth) === 'org_admin';
    return sendPage(req, reply, (ctx) => (
      <QueuePage ctx={ctx} rows={rows} filter={filter} days={days} staffNames={staffNames} isAdmin={isAdmin} />
    ));
  });

  app.get('/staff/search', async (req, reply) => {
    const grant = authoriseQueue(requireStaff(req));
    const staffNames = await names(grant.organisationId);
    return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q="" rows={null} staffNames={staffNames} />);
  });

  app.post('/staff/search', { config: { echo: SEARCH_ECHO } }, async (req, reply) => {
    const grant = authoriseQueue(requireStaff(req));
    const staffNames = await names(grant.organisationId);
    let q: string;
    try {
      q = parseForm(searchQuerySchema, req.body).q ?? '';
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      // Too long: say so and keep what was typed, rather than silently searching for nothing.
      const typed = echoValues(req.body).q ?? '';
      return sendPage(
        req,
        reply,
        (ctx) => (
          <SearchPage ctx={ctx} q={typed} rows={null} staffNames={staffNames} errors={errorsByField(err.problems)} />
        ),
        400,
      );
    }
    const rows = q ? await searchCases(deps, grant, q) : null;
    return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q={q} rows={rows} staffNames={staffNames} />);
  });

  app.post<IdParams>('/staff/cases/:id/assign', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaff(req), req.params.id, 'work');
    return caseFormAction(req, reply, grant, 'assign', async () => {
      await assignCase(deps, grant, parseForm(assignSchema, req.body).assignee);
      return `/cases/${grant.caseId}?done=assigned#assign-h`;
    });
  });

  app.post<IdParams>('/staff/cases/:id/notes', { config: { echo: NOTE_ECHO } }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaff(req), req.params.id, 'work');
    return caseFormAction(req, reply, grant, 'note', async () => {
      await addNote(deps, grant, parseForm(postSchema, req.body).body);
      return `/cases/${grant.caseId}?done=note#notes-h`;
    });
  });

  app.post<IdParams>('/staff/cases/:id/close', { config: { echo: CLOSE_ECHO } }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaff(req), req.params.id, 'work');
    return caseFormAction(req, reply, grant, 'close', async () => {
      await closeCase(deps, grant, parseForm(closeSchema, req.body).reason);
      return `/cases/${grant.caseId}?done=closed`;
    });
  });

  app.post<IdParams>('/staff/cases/:id/reopen', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaff(req), req.params.id, 'work');
    return caseFormAction(req, reply, grant, 'close', async () => {
      await reopenCase(deps, grant);
      return `/cases/${grant.caseId}?done=reopened`;
    });
  });

  app.post<IdParams>('/staff/events/:id/verify', async (req, reply) => {
    const grant = await authoriseEvent(deps.db, requireStaff(req), req.params.id, 'verify');
    return caseFormAction(req, reply, grant, 'verify', async () => {
      await verifyEvent(deps, grant, req.params.id, parseForm(verifySchema, req.body).verification);
      return `/cases/${grant.caseId}?done=verified#event-${req.params.id}`;
    });
  });
};

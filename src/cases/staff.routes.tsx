import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { Invalid } from '../shared/errors.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import { requireStaff, requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import { redirect, sendPage } from '../web/render.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { caseIsOpen } from './case-edit.service.ts';
import { retentionOf } from './cases.service.ts';
import { ClosePage } from './close.views.tsx';
import { NeedsCheck } from './verification-lifecycle.ts';
import { verificationRoutes } from './verification.routes.tsx';
import { principalOf } from '../policy/principal.ts';
import { authoriseCase, authoriseEvent } from './case-access.service.ts';
import { caseFormAction, caseFormNotSent } from './case-page.routes.ts';
import { addNote, assignCase, closeCase, reopenCase } from './case-work.service.ts';
import {
  assignSchema,
  closeSchema,
  postSchema,
  queueQuerySchema,
  searchQuerySchema,
  verifySchema,
} from './cases.schema.ts';
import { verifyEvent } from './events.service.ts';
import { caseQueue, searchCases } from './queue.service.ts';
import { QueuePage, SearchPage } from './staff.views.tsx';
import { CLOSE_ECHO, NOTE_ECHO, SEARCH_ECHO } from './cases.echo.ts';
import { tipCounts } from '../tips/tip-staff.service.ts';
import { grantTipQueue } from '../policy/tips.policy.ts';
import { casesWithOverdueAppeals, dueAppeals } from '../appeals/appeals-queue.service.ts';
import { appealsDeps } from '../appeals/appeals.service.ts';
import { letWaitingFamiliesIn } from '../cohorts/cohorts.service.ts';
import { grantBoardsOfOrganisation } from '../policy/cohort.policy.ts';

// The caseworker's side. requireStaff sends a staff member without 2FA to set it up; whether
// they may see the queue or work a case is the policy's answer (src/policy/), asked through
// case-access.service.ts and grantQueue.

type IdParams = { Params: { id: string } };

const searchPageSchema = z.object({ after: z.string().max(80).optional().catch(undefined) });

export const staffRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const names = async (orgId: string) =>
    new Map((await staffOfOrganisation(deps.db, orgId)).map((s) => [s.id, s.pseudonym]));

  app.get('/staff', async (req, reply) => {
    const grant = grantQueue(principalOf(requireStaff(req)));
    const { filter, days, after } = queueQuerySchema.parse(req.query ?? {});
    const page = await caseQueue(deps, grant, filter, { days, after });
    const staffNames = await names(grant.organisationId);
    const tips = await tipCounts(deps, grantTipQueue(principalOf(requireStaff(req))));
    // A family waiting for its copy of a board's key is let in at a caseworker's next visit.
    await letWaitingFamiliesIn(deps, grantBoardsOfOrganisation(principalOf(requireStaff(req))));
    // Overdue appeals (src/appeals/): a count linking to the deadlines list, and a mark per case.
    const appeals = {
      overdue: (await dueAppeals(appealsDeps(deps), { ...grant.auth, organisationId: grant.organisationId }, 0)).filter(
        (a) => a.state === 'overdue',
      ).length,
      cases: await casesWithOverdueAppeals(
        deps.db,
        page.rows.map((r) => r.id),
      ),
    };
    return sendPage(req, reply, (ctx) => (
      <QueuePage
        ctx={ctx}
        page={page}
        filter={filter}
        days={days}
        staffNames={staffNames}
        tips={tips}
        appeals={appeals}
      />
    ));
  });

  app.get('/staff/search', async (req, reply) => {
    const grant = grantQueue(requireStaffPrincipal(req));
    const staffNames = await names(grant.organisationId);
    return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q="" page={null} staffNames={staffNames} />);
  });

  app.post('/staff/search', { config: { echo: SEARCH_ECHO } }, async (req, reply) => {
    const grant = grantQueue(requireStaffPrincipal(req));
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
          <SearchPage ctx={ctx} q={typed} page={null} staffNames={staffNames} errors={formErrors(err.problems)} />
        ),
        400,
      );
    }
    const { after } = searchPageSchema.parse(req.body ?? {});
    const page = q ? await searchCases(deps, grant, q, { after }) : null;
    return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q={q} page={page} staffNames={staffNames} />);
  });

  app.post<IdParams>('/staff/cases/:id/assign', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'assign');
    return caseFormAction(req, reply, grant, 'assign', async () => {
      await assignCase(deps, grant, parseForm(assignSchema, req.body).assignee);
      return `/cases/${grant.caseId}?done=assigned#assign-h`;
    });
  });

  const noteForm = { echo: NOTE_ECHO, csrfFailed: caseFormNotSent('note', 'note') };

  app.post<IdParams>('/staff/cases/:id/notes', { config: noteForm }, async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'note');
    return caseFormAction(req, reply, grant, 'note', async () => {
      await addNote(deps, grant, parseForm(postSchema, req.body).body);
      return `/cases/${grant.caseId}?done=note#notes-h`;
    });
  });

  // Closing is confirmed on its own page; «другое» needs a few words (the family reads them).
  const closePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: CaseGrant<'close'>,
    values: FormValues,
    errors: FormErrors = {},
    status = Object.keys(errors).length ? 400 : 200,
  ) => {
    const open = await caseIsOpen(deps, grant);
    const retention = retentionOf(deps, null);
    const page = { caseId: grant.caseId, open, retention, values, errors };
    return sendPage(req, reply, (ctx) => <ClosePage ctx={ctx} {...page} />, status);
  };

  // The closing note is written for the family: a lost CSRF cookie gives it back on this page.
  const closeNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), id, 'close');
    return closePage(req, reply, grant, kept.values, kept.errors, kept.status);
  });

  app.get<IdParams>('/staff/cases/:id/close', async (req, reply) =>
    closePage(req, reply, await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'close'), {}),
  );

  app.post<IdParams>(
    '/staff/cases/:id/close',
    { config: { echo: CLOSE_ECHO, csrfFailed: closeNotSent } },
    async (req, reply) => {
      const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'close');
      const values = echoValues(req.body);
      // Not sent from the confirmation page (an old page's one-click form): show it, close nothing.
      if (values.confirm !== 'yes') return closePage(req, reply, grant, values);
      try {
        const input = parseForm(closeSchema, req.body);
        await closeCase(deps, grant, input.reason, input.note);
        return redirect(reply, `/cases/${grant.caseId}?done=closed`);
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        return closePage(req, reply, grant, values, formErrors(err.problems));
      }
    },
  );

  app.post<IdParams>('/staff/cases/:id/reopen', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'reopen');
    return caseFormAction(req, reply, grant, 'close', async () => {
      await reopenCase(deps, grant);
      return `/cases/${grant.caseId}?done=reopened`;
    });
  });

  app.post<IdParams>('/staff/events/:id/verify', async (req, reply) => {
    const grant = await authoriseEvent(deps.db, requireStaffPrincipal(req), req.params.id, 'verify');
    return caseFormAction(req, reply, grant, 'verify', async () => {
      const { verification } = parseForm(verifySchema, req.body);
      try {
        await verifyEvent(deps, grant, req.params.id, verification);
      } catch (err) {
        // A death, a capture or a detention is never one click: on to the confirmation page.
        if (err instanceof NeedsCheck) return `/staff/events/${req.params.id}/confirm?level=${verification}`;
        throw err;
      }
      return `/cases/${grant.caseId}?done=verified#event-${req.params.id}`;
    });
  });

  await verificationRoutes(app);
};

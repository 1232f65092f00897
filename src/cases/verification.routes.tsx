import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import { authoriseCase, authoriseEvent } from './case-access.service.ts';
import { LEVEL_ECHO, RESOLVE_ECHO } from './cases.echo.ts';
import { levelChangeSchema, resolveSchema } from './cases.schema.ts';
import { getCaseForViewer } from './cases.service.ts';
import { confirmEvent, resolveDiscrepancy, reviseEvent } from './events.service.ts';
import { previewLevels, previewVerdicts } from './timeline-judgement.ts';
import { VERIFICATION_LEVELS, levelRank, type Verification } from './timeline.ts';
import { DiscrepanciesPage, LevelChangePage } from './verification.views.tsx';

// Weighing evidence (issue 9): confirming a level that sets a death, a capture or a detention,
// correcting a level, settling a discrepancy. Each is a page of its own with the sources and the
// open discrepancies, and a form that needs a written reason. Thin: parse, authorise (the
// policy's 'confirm', 'revise' and 'resolve'), call one service function, render.

type IdParams = { Params: { id: string } };
const levelQuery = z.object({ level: z.enum(VERIFICATION_LEVELS).optional().catch(undefined) });
const discrepancyQuery = z.object({ d: z.string().max(200).optional().catch(undefined) });

export const verificationRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  const levelPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: CaseGrant<'confirm' | 'revise'>,
    mode: 'confirm' | 'revise',
    eventId: string,
    form: { values: FormValues; errors: FormErrors },
    status = Object.keys(form.errors).length > 0 ? 400 : 200,
  ) => {
    const view = await getCaseForViewer(deps, grant);
    const event = view.events.find((e) => e.id === eventId);
    if (!event) throw new NotFound('event');
    const max = levelRank(view.can.maxVerification);
    const now = levelRank(event.verification);
    // Confirming only raises; a correction may go either way.
    const levels = VERIFICATION_LEVELS.filter(
      (l) => levelRank(l) <= max && (mode === 'confirm' ? levelRank(l) > now : l !== event.verification),
    );
    const previews = view.can[mode] ? previewLevels(view.events, view.statusContext, eventId, levels) : [];
    return sendPage(
      req,
      reply,
      (ctx) => <LevelChangePage ctx={ctx} view={view} event={event} mode={mode} previews={previews} {...form} />,
      status,
    );
  };

  const levelRoutes = <M extends 'confirm' | 'revise'>(
    mode: M,
    change: (grant: CaseGrant<M>, eventId: string, level: Verification, reason: string) => Promise<void>,
  ) => {
    app.get<IdParams>(`/staff/events/:id/${mode}`, async (req, reply) => {
      const grant = await authoriseEvent(deps.db, requireStaffPrincipal(req), req.params.id, mode);
      const { level } = levelQuery.parse(req.query ?? {});
      const values: FormValues = level ? { verification: level } : {};
      return levelPage(req, reply, grant, mode, req.params.id, { values, errors: {} });
    });

    // The written reason comes back on its page when the CSRF cookie was lost (form-not-sent.ts).
    const notSent = keepTyped(async (req, reply, kept) => {
      const id = (req.params as { id: string }).id;
      const grant = await authoriseEvent(deps.db, requireStaffPrincipal(req), id, mode);
      return levelPage(req, reply, grant, mode, id, kept, kept.status);
    });

    app.post<IdParams>(
      `/staff/events/:id/${mode}`,
      { config: { echo: LEVEL_ECHO, csrfFailed: notSent } },
      async (req, reply) => {
        const grant = await authoriseEvent(deps.db, requireStaffPrincipal(req), req.params.id, mode);
        try {
          const input = parseForm(levelChangeSchema, req.body);
          await change(grant, req.params.id, input.verification, input.reason);
          return redirect(reply, `/cases/${grant.caseId}?done=verified#event-${req.params.id}`);
        } catch (err) {
          if (!(err instanceof Invalid)) throw err;
          const form = { values: echoValues(req.body), errors: formErrors(err.problems) };
          return levelPage(req, reply, grant, mode, req.params.id, form);
        }
      },
    );
  };
  levelRoutes('confirm', (grant, id, level, reason) => confirmEvent(deps, grant, id, level, reason));
  levelRoutes('revise', (grant, id, level, reason) => reviseEvent(deps, grant, id, level, reason));

  const discrepanciesPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: CaseGrant<'resolve'>,
    key: string | undefined,
    form: { values: FormValues; errors: FormErrors },
    status = Object.keys(form.errors).length > 0 ? 400 : 200,
  ) => {
    const view = await getCaseForViewer(deps, grant);
    const d = view.can.resolve ? view.discrepancies.find((x) => x.key === key && x.open) : undefined;
    const selected = d ? { d, previews: previewVerdicts(view.events, view.statusContext, d) } : null;
    return sendPage(
      req,
      reply,
      (ctx) => <DiscrepanciesPage ctx={ctx} view={view} selected={selected} {...form} />,
      status,
    );
  };

  const resolveNotSent = keepTyped(async (req, reply, kept) => {
    const id = (req.params as { id: string }).id;
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), id, 'resolve');
    return discrepanciesPage(req, reply, grant, kept.values.d, kept, kept.status);
  });

  app.get<IdParams>('/staff/cases/:id/discrepancies', async (req, reply) => {
    const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'resolve');
    return discrepanciesPage(req, reply, grant, discrepancyQuery.parse(req.query ?? {}).d, { values: {}, errors: {} });
  });

  app.post<IdParams>(
    '/staff/cases/:id/discrepancies',
    { config: { echo: RESOLVE_ECHO, csrfFailed: resolveNotSent } },
    async (req, reply) => {
      const grant = await authoriseCase(deps.db, requireStaffPrincipal(req), req.params.id, 'resolve');
      const values = echoValues(req.body);
      try {
        const input = parseForm(resolveSchema, req.body);
        await resolveDiscrepancy(deps, grant, {
          key: input.d,
          setAsideEventId: input.outcome === 'both' ? null : input.outcome,
          reason: input.reason,
        });
        return redirect(reply, `/cases/${grant.caseId}?done=resolved#status-h`);
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        return discrepanciesPage(req, reply, grant, values.d, { values, errors: formErrors(err.problems) });
      }
    },
  );
};

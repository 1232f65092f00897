import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantSiteAdmin } from '../policy/organisation.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { redirect, sendPage } from '../web/render.ts';
import { jobStatuses, runJobSoon } from './scheduler.service.ts';
import { JobsPage } from './scheduler.views.tsx';

// /admin/jobs: site administrators see the scheduled jobs and may run one at the next tick.

const runSchema = z.object({ name: z.string().min(1).max(80) });

export const schedulerRoutes = async (app: FastifyInstance): Promise<void> => {
  const { db, clock } = app.deps;

  app.get('/admin/jobs', async (req, reply) => {
    grantSiteAdmin(requireStaffPrincipal(req));
    const query = (req.query ?? {}) as Record<string, unknown>;
    const jobs = await jobStatuses(db, clock);
    // Which job was asked for, named in the notice: only one of the page's own.
    const queued = query.done === 'queued' ? (jobs.find((j) => j.name === query.job)?.name ?? true) : false;
    return sendPage(req, reply, (ctx) => <JobsPage ctx={ctx} jobs={jobs} queued={queued} />);
  });

  app.post('/admin/jobs/run', async (req, reply) => {
    grantSiteAdmin(requireStaffPrincipal(req));
    const { name } = parseForm(runSchema, req.body);
    if (!(await runJobSoon(db, clock, name))) throw new NotFound('job');
    return redirect(reply, `/admin/jobs?done=queued&job=${encodeURIComponent(name)}`);
  });
};

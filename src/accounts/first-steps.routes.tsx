import type { FastifyInstance } from 'fastify';
import { redirect, sendPage } from '../web/render.ts';
import { requireStaff } from '../web/guards.ts';
import { NotFound } from '../shared/errors.ts';
import { mayAdministerStaff } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { workHomeFor } from './auth.routes.tsx';
import { firstSteps, setUpDone } from './first-steps.service.ts';
import { FirstStepsPage } from './first-steps.views.tsx';

// An administrator's landing page while the site is not set up yet (issue 9): next steps instead
// of an empty list. Once there is an organisation with staff, it sends them on to their work.

export const firstStepsRoutes = async (app: FastifyInstance): Promise<void> => {
  app.get('/admin/start', async (req, reply) => {
    const auth = requireStaff(req);
    if (!mayAdministerStaff(principalOf(auth))) throw new NotFound();
    const steps = await firstSteps(app.deps, auth);
    if (setUpDone(steps)) return redirect(reply, workHomeFor(auth));
    return sendPage(req, reply, (ctx) => (
      <FirstStepsPage ctx={ctx} steps={steps} siteUrl={app.deps.config.publicUrl} workUrl={workHomeFor(auth)} />
    ));
  });
};

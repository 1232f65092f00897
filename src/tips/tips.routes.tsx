import type { FastifyInstance } from 'fastify';
import { tipIntakeRoutes } from './tip-intake.routes.tsx';
import { tipSenderRoutes } from './tip-sender.routes.tsx';
import { tipVisits } from './tip-visit.routes.tsx';

// The sender's side of tips (the staff's is tip-staff.routes.tsx): sending one
// (tip-intake.routes.tsx) and coming back with the receipt code (tip-sender.routes.tsx), over one
// visit cookie (tip-visit.routes.tsx). One plugin, so that one logger setting covers every route.

export const tipsRoutes = async (app: FastifyInstance): Promise<void> => {
  // Nothing these routes log is written when it happens: it would date a tip (shared/held-log.ts).
  app.setChildLoggerFactory(() => app.heldLog.logger);
  const visits = tipVisits(app);
  tipIntakeRoutes(app, visits);
  tipSenderRoutes(app, visits);
};

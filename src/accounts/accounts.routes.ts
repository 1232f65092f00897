import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes.tsx';
import { accountRoutes } from './account.routes.tsx';
import { adminRoutes } from './admin.routes.tsx';
import { quickExitRoutes } from './quick-exit.routes.ts';
import { firstStepsRoutes } from './first-steps.routes.tsx';
import { accountDeletionRoutes } from './account-deletion.routes.tsx';
import { organisationAboutRoutes } from './organisation-about.routes.tsx';

/** All accounts pages, registered from app.ts with one line. */
export const accountsRoutes = async (app: FastifyInstance): Promise<void> => {
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(quickExitRoutes);
  await app.register(firstStepsRoutes);
  await app.register(accountDeletionRoutes);
  await app.register(organisationAboutRoutes);
};

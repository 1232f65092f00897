import type { FastifyInstance } from 'fastify';
import { registryApiRoutes } from './registry-api.routes.ts';
import { registryPublicRoutes } from './registry.routes.tsx';
import { registryStaffRoutes } from './registry-staff.routes.tsx';

// The public registry's routes: its public pages and downloads, the JSON API (with its own error
// handler, hence a plugin of its own), the verifiers' pages and the family's choice.

export const registryRoutes = async (app: FastifyInstance): Promise<void> => {
  await app.register(registryPublicRoutes);
  await app.register(registryApiRoutes);
  await app.register(registryStaffRoutes);
};

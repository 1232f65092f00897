import type { FastifyInstance } from 'fastify';
import { registryApiRoutes } from './registry-api.routes.ts';
import { registryPublicRoutes } from './registry.routes.tsx';
import { registryRequestRoutes } from './registry-request.routes.tsx';
import { registryStaffRoutes } from './registry-staff.routes.tsx';
import { requestStaffRoutes } from './request-staff.routes.tsx';

// The public registry's routes: its public pages and downloads, the JSON API (with its own error
// handler, hence a plugin of its own), a relative's request and its receipt code, the verifiers'
// pages and the family's choice.

export const registryRoutes = async (app: FastifyInstance): Promise<void> => {
  await app.register(registryPublicRoutes);
  await app.register(registryRequestRoutes);
  await app.register(registryApiRoutes);
  await app.register(registryStaffRoutes);
  await app.register(requestStaffRoutes);
};

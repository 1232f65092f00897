import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyCompress from '@fastify/compress';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DialectName } from './db/database.ts';
import type { Clock } from './shared/clock.ts';
import { createLogger, type LogFormat } from './shared/logger.ts';
import { registerSecurity } from './web/security.ts';
import { registerAssets } from './web/assets.ts';
import { registerErrorHandling } from './web/error-handler.tsx';
import { homeRoutes } from './web/home.routes.tsx';
import { registerSessions } from './accounts/accounts.plugin.ts';
import { casesRoutes } from './cases/cases.routes.tsx';
import { staffRoutes } from './cases/staff.routes.tsx';
import { caseEditRoutes } from './cases/case-edit.routes.tsx';
import { auditRoutes } from './audit/audit.routes.tsx';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { schedulerRoutes } from './scheduler/scheduler.routes.tsx';
import { registryRoutes } from './registry/registry.plugin.ts';
import { registerUploads } from './evidence/evidence.plugin.ts';
import { appealsRoutes } from './appeals/appeals.routes.tsx';
import { staffAppealsRoutes } from './appeals/staff-appeals.routes.tsx';
import { editorRoutes } from './appeals/editor.routes.tsx';
import { guidesRoutes } from './guides/guides.routes.tsx';

export interface AppDeps {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger?: Logger;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** every route as registered (method and pattern): the access matrix checks each is declared */
    routeTable: Array<{ method: string; url: string }>;
  }
}

/** "auto" means plain lines for a person at a terminal, JSON for a log collector or a file. */
const resolveLogFormat = (format: Config['logFormat']): LogFormat =>
  format === 'auto' ? (process.stdout.isTTY ? 'plain' : 'json') : format;

/** The Fastify app without listen(): tests call app.inject(). */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({
    loggerInstance: (deps.logger ??
      createLogger(deps.config.logLevel, undefined, resolveLogFormat(deps.config.logFormat))) as FastifyBaseLogger,
    // No IP is kept: never trust X-Forwarded-For, never put addresses in logs.
    trustProxy: false,
    bodyLimit: 1_048_576,
  });
  app.decorate('deps', deps);
  app.decorate('routeTable', [] as Array<{ method: string; url: string }>);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url });
  });

  await registerSecurity(app, { secureCookies: deps.config.secureCookies, quickExitUrl: deps.config.quickExitUrl });
  await app.register(fastifyFormbody);
  // Pages and JSON compressed on the fly (brotli at the plugin's quality 4: cheap per request);
  // assets arrive already compressed and are left alone.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip', 'deflate'] });
  registerAssets(app);
  await registerUploads(app);
  registerErrorHandling(app);
  await registerSessions(app);

  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(homeRoutes);
  await app.register(casesRoutes);
  await app.register(staffRoutes);
  await app.register(caseEditRoutes);
  await app.register(auditRoutes);
  await app.register(accountsRoutes);
  await app.register(schedulerRoutes);
  await app.register(registryRoutes);
  await app.register(appealsRoutes);
  await app.register(staffAppealsRoutes);
  await app.register(editorRoutes);
  await app.register(guidesRoutes);
  return app;
};

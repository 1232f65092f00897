import { BODY_LIMIT_BYTES } from './shared/body-limit.ts';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyCompress from '@fastify/compress';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DialectName } from './db/database.ts';
import type { Clock } from './shared/clock.ts';
import { createLogger, type LogFormat } from './shared/logger.ts';
import { HeldLog } from './shared/held-log.ts';
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
import { searchRoutes } from './search/search.routes.tsx';
import { matchingRoutes } from './matching/matching.routes.tsx';
import { importsRoutes } from './imports/imports.routes.tsx';
import { incidentsRoutes } from './cohorts/incidents.routes.tsx';
import { cohortsRoutes } from './cohorts/cohorts.routes.tsx';
import { boardMembersRoutes } from './cohorts/board-members.routes.tsx';
import { registryRoutes } from './registry/registry.plugin.ts';
import { tipsRoutes } from './tips/tips.routes.tsx';
import { tipStaffRoutes } from './tips/tip-staff.routes.tsx';
import { registerPostingLimits } from './web/posting-limit.ts';
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
    /** what the anonymous routes would have logged, written later without times (shared/held-log.ts) */
    heldLog: HeldLog;
  }
}

/** "auto" means plain lines for a person at a terminal, JSON for a log collector or a file. */
const resolveLogFormat = (format: Config['logFormat']): LogFormat =>
  format === 'auto' ? (process.stdout.isTTY ? 'plain' : 'json') : format;

/** A request taking this long is logged at warn, with its route pattern and time only. */
export const SLOW_REQUEST_MS = 2_000;

/** The Fastify app without listen(): tests call app.inject(). */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const logger = deps.logger ?? createLogger(deps.config.logLevel, undefined, resolveLogFormat(deps.config.logFormat));
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // No IP is kept: never trust X-Forwarded-For, never put addresses in logs.
    trustProxy: false,
    // Not two lines per request at info (70,000 lines in one load test): see the onResponse hook.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Slow or stalled clients must not hold connections (a body shorter than its Content-Length
    // once held one for as long as the client liked): silence closes the socket, the whole request
    // has a deadline, and an idle keep-alive connection is closed sooner than Node's default.
    connectionTimeout: deps.config.idleTimeoutMs,
    requestTimeout: deps.config.requestTimeoutMs,
    keepAliveTimeout: Math.min(10_000, deps.config.idleTimeoutMs),
    // Node checks those deadlines on this period (30 s by default): a deadline is then kept to ~2 s.
    http: { connectionsCheckingInterval: 2_000 },
  });
  // The headers alone must arrive quickly (slowloris), and never later than the whole request.
  app.server.headersTimeout = Math.min(15_000, deps.config.requestTimeoutMs);
  app.decorate('deps', deps);
  // The anonymous routes log only to this; it reaches the log once a day (main.ts) and at close.
  app.decorate('heldLog', new HeldLog(logger.level));
  app.addHook('onClose', async () => app.heldLog.flush(logger));
  // What an operator needs by default: start, scheduled jobs, errors, and requests slow enough to
  // look into. One line per request (method, route pattern, status, time) only at LOG_LEVEL=debug.
  // The anonymous routes' req.log is the held log: these lines of theirs are only counted there.
  app.addHook('onResponse', async (req, reply) => {
    const ms = Math.round(reply.elapsedTime);
    if (ms >= SLOW_REQUEST_MS) req.log.warn({ req, res: reply, ms }, 'slow request');
    else req.log.debug({ req, res: reply, ms }, 'request');
  });
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
  registerPostingLimits(app, { perMinute: deps.config.postsPerMinute, perHour: deps.config.postsPerHour });

  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(homeRoutes);
  await app.register(casesRoutes);
  await app.register(staffRoutes);
  await app.register(caseEditRoutes);
  await app.register(auditRoutes);
  await app.register(accountsRoutes);
  await app.register(schedulerRoutes);
  await app.register(searchRoutes);
  await app.register(matchingRoutes);
  await app.register(importsRoutes);
  await app.register(incidentsRoutes);
  await app.register(cohortsRoutes);
  await app.register(boardMembersRoutes);
  await app.register(registryRoutes);
  await app.register(tipsRoutes);
  await app.register(tipStaffRoutes);
  await app.register(appealsRoutes);
  await app.register(staffAppealsRoutes);
  await app.register(editorRoutes);
  await app.register(guidesRoutes);
  return app;
};

import path from 'node:path';
import { DEFAULT_TIME_ZONE } from './shared/clock.ts';

// Configuration comes from the environment, is validated once, synchronously, at start, and is
// frozen. Bad values stop the process with a message naming the variable; nothing is invented.

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** undefined means the embedded SQLite database in dataDir */
  readonly databaseUrl: string | undefined;
  /** true when the site is served over HTTPS (cookies get the Secure flag) */
  readonly secureCookies: boolean;
  /** the URL people use to reach the site, for printed links */
  readonly publicUrl: string;
  readonly logLevel: string;
  /** "json", "plain", or "auto": plain lines on a terminal, JSON otherwise (LOG_FORMAT) */
  readonly logFormat: 'json' | 'plain' | 'auto';
  /** the public registry (docs/registry-methodology.md): days between telling the family and publishing */
  readonly registryNoticeDays: number;
  /** cells of tables about tracing requests below this are suppressed */
  readonly registrySuppressionThreshold: number;
  /** Argon2id cost; lowered only by the test suite */
  readonly argon2: { memoryCost: number; timeCost: number; parallelism: number };
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  /** days a closed case is kept before its content is destroyed (docs/retention.md) */
  readonly retentionDays: number;
  /** IANA time zone in which pages show times of day (stored times stay UTC) */
  readonly timeZone: string;
  /** the neutral site «Быстрый выход» leaves for (QUICK_EXIT_URL) */
  readonly quickExitUrl: string;
  /** a whole request (headers and body, an upload included) must arrive within this time */
  readonly requestTimeoutMs: number;
  /** a connection on which nothing arrives for this long is closed (a body cut short, a stalled client) */
  readonly idleTimeoutMs: number;
  /** POST requests one account (or one tip's sender) may make per minute and per hour */
  readonly postsPerMinute: number;
  readonly postsPerHour: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const parseIntVar = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
};

/** "true"/"1"/"yes" and "false"/"0"/"no" only: "false" must never read as true. */
const parseBoolVar = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};

/** Never 0: that would destroy a case the moment it is closed, before anyone could reopen it. */
const parseRetentionDays = (env: Env): number => {
  if (/^0+$/.test(env.RETENTION_DAYS ?? '')) {
    throw new ConfigError(
      'RETENTION_DAYS must be at least 1: 0 would destroy a case the moment it is closed (see docs/retention.md)',
    );
  }
  return parseIntVar(env, 'RETENTION_DAYS', 90, 1, 3650);
};

/** An IANA zone name the runtime knows ("Europe/Moscow", "Asia/Yekaterinburg", "UTC"). */
const parseTimeZone = (env: Env): string => {
  const raw = env.TIME_ZONE && env.TIME_ZONE !== '' ? env.TIME_ZONE : DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(
      `TIME_ZONE must be an IANA time zone such as Europe/Moscow or Asia/Yekaterinburg, got "${raw}"`,
    );
  }
};

/** A neutral, widely used site; a deployment for another audience may choose its own. */
const parseQuickExitUrl = (env: Env): string => {
  const raw = env.QUICK_EXIT_URL && env.QUICK_EXIT_URL !== '' ? env.QUICK_EXIT_URL : 'https://yandex.ru/pogoda';
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol))
    throw new ConfigError(`QUICK_EXIT_URL must be an http:// or https:// address, got "${raw}"`);
  return url.href;
};

export const loadConfig = (env: Env = process.env, cwd: string = process.cwd()): Config => {
  const port = parseIntVar(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const dataDir = path.resolve(cwd, env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './var');
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  }
  const publicUrl =
    env.PUBLIC_URL && env.PUBLIC_URL !== ''
      ? env.PUBLIC_URL.replace(/\/$/, '')
      : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL must start with http:// or https://');
  const secureCookies = parseBoolVar(env, 'SECURE_COOKIES', publicUrl.startsWith('https://'));
  const logLevel = env.LOG_LEVEL && env.LOG_LEVEL !== '' ? env.LOG_LEVEL : 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const logFormat = env.LOG_FORMAT && env.LOG_FORMAT !== '' ? env.LOG_FORMAT : 'auto';
  if (logFormat !== 'json' && logFormat !== 'plain' && logFormat !== 'auto') {
    throw new ConfigError(`LOG_FORMAT must be json, plain or auto; got "${logFormat}"`);
  }
  return Object.freeze({
    port,
    host,
    dataDir,
    databaseUrl,
    secureCookies,
    publicUrl,
    logLevel,
    logFormat,
    registryNoticeDays: parseIntVar(env, 'REGISTRY_NOTICE_DAYS', 7, 0, 365),
    registrySuppressionThreshold: parseIntVar(env, 'REGISTRY_SUPPRESSION_THRESHOLD', 5, 2, 1000),
    argon2: Object.freeze({
      memoryCost: parseIntVar(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 4_194_304),
      timeCost: parseIntVar(env, 'ARGON2_ITERATIONS', 2, 1, 100),
      parallelism: 1,
    }),
    sessionIdleMinutes: parseIntVar(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: parseIntVar(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    retentionDays: parseRetentionDays(env),
    timeZone: parseTimeZone(env),
    quickExitUrl: parseQuickExitUrl(env),
    // 120 s lets a 20 MB upload through a slow Tor circuit (about 170 KB/s); a client that stops
    // sending is cut off after 20 s of silence, whatever its Content-Length promised.
    requestTimeoutMs: parseIntVar(env, 'REQUEST_TIMEOUT_SECONDS', 120, 1, 3600) * 1000,
    idleTimeoutMs: parseIntVar(env, 'IDLE_TIMEOUT_SECONDS', 20, 1, 600) * 1000,
    postsPerMinute: parseIntVar(env, 'POSTS_PER_MINUTE', 60, 1, 100_000),
    postsPerHour: parseIntVar(env, 'POSTS_PER_HOUR', 600, 1, 1_000_000),
  });
};

import path from 'node:path';
import { DEFAULT_TIME_ZONE } from './shared/clock.ts';
import { type Params, Said } from './shared/said.ts';
import { translator } from './web/i18n/i18n.ts';

// Configuration comes from the environment, is validated once, synchronously, at start, and is
// frozen. Bad values stop the process with a message naming the variable and what a right value
// looks like, in the operator's language (cli.config.* in the catalogue); nothing is invented.

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

/**
 * A wrong setting, said by its words (`name` is always the variable's): the `kintrace` command
 * says them in the operator's language; the message itself, for logs and other callers, is English.
 */
export class ConfigError extends Said {
  constructor(key: string, params: Params & { name: string }) {
    super(key, params);
    this.message = translator('en')(key, params);
  }
}

type Env = Record<string, string | undefined>;

const parseIntVar = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError('cli.config.wholeNumber', { name, value: raw, min, max });
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError('cli.config.range', { name, value: raw, min, max });
  return value;
};

/** "true"/"1"/"yes" and "false"/"0"/"no" only: "false" must never read as true. */
const parseBoolVar = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new ConfigError('cli.config.boolean', { name, value: raw });
};

/** Never 0: that would destroy a case the moment it is closed, before anyone could reopen it. */
const parseRetentionDays = (env: Env): number => {
  if (/^0+$/.test(env.RETENTION_DAYS ?? '')) {
    throw new ConfigError('cli.config.retentionZero', { name: 'RETENTION_DAYS', value: env.RETENTION_DAYS ?? '' });
  }
  return parseIntVar(env, 'RETENTION_DAYS', 90, 1, 3650);
};

/** An IANA zone name the runtime knows ("Europe/Moscow", "Asia/Yekaterinburg", "UTC"). */
const parseTimeZone = (env: Env): string => {
  const raw = env.TIME_ZONE && env.TIME_ZONE !== '' ? env.TIME_ZONE : DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError('cli.config.timeZone', { name: 'TIME_ZONE', value: raw });
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
    throw new ConfigError('cli.config.httpUrl', { name: 'QUICK_EXIT_URL', value: raw });
  return url.href;
};

export const loadConfig = (env: Env = process.env, cwd: string = process.cwd()): Config => {
  const port = parseIntVar(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const dataDir = path.resolve(cwd, env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './var');
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('cli.config.databaseUrl', { name: 'DATABASE_URL' });
  }
  const publicUrl =
    env.PUBLIC_URL && env.PUBLIC_URL !== ''
      ? env.PUBLIC_URL.replace(/\/$/, '')
      : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!/^https?:\/\//.test(publicUrl))
    throw new ConfigError('cli.config.publicUrl', { name: 'PUBLIC_URL', value: publicUrl });
  const secureCookies = parseBoolVar(env, 'SECURE_COOKIES', publicUrl.startsWith('https://'));
  const logLevel = env.LOG_LEVEL && env.LOG_LEVEL !== '' ? env.LOG_LEVEL : 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('cli.config.oneOf', {
      name: 'LOG_LEVEL',
      value: logLevel,
      choices: 'fatal, error, warn, info, debug, trace, silent',
    });
  }
  const logFormat = env.LOG_FORMAT && env.LOG_FORMAT !== '' ? env.LOG_FORMAT : 'auto';
  if (logFormat !== 'json' && logFormat !== 'plain' && logFormat !== 'auto') {
    throw new ConfigError('cli.config.oneOf', { name: 'LOG_FORMAT', value: logFormat, choices: 'json, plain, auto' });
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

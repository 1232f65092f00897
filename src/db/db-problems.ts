import { type Words, wordsMessage } from '../shared/said.ts';
// What goes wrong between the platform and its database, named for what it is and what to do,
// for an operator reading a terminal (issue 14: a wrong password or a missing database read as
// "migration (unknown) failed", `stats` on an empty database printed a raw SQL error). A message
// names the host, port, database and user from DATABASE_URL — never its password.

/**
 * Said by its message, or by its words (shared/said.ts) when the `kintrace` command should say it
 * in the operator's language.
 */
export class DatabaseProblem extends Error {
  readonly words?: Words;
  constructor(said: string | Words) {
    super(typeof said === 'string' ? said : wordsMessage(said));
    if (typeof said !== 'string') this.words = said;
  }
}

/** The database cannot be reached or opened at all. */
export class DatabaseUnavailable extends DatabaseProblem {}

/** The database answers but holds no Kintrace schema yet, or an older one. */
export class DatabaseNotMigrated extends DatabaseProblem {}

interface PgTarget {
  host: string;
  port: string;
  database: string;
  user: string;
}

/** Host, port, database and user of a postgres:// URL; the password is never read out. */
export const pgTarget = (url: string): PgTarget => {
  try {
    const u = new URL(url);
    return {
      host: u.hostname || 'localhost',
      port: u.port || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
      user: decodeURIComponent(u.username) || '(none)',
    };
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' };
  }
};

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown } | null;
  if (e && typeof e.code === 'string') return e.code;
  // Node's AggregateError (a host with an IPv4 and an IPv6 address, both refused).
  if (e && Array.isArray(e.errors)) for (const inner of e.errors) if (codeOf(inner)) return codeOf(inner);
  return e?.cause ? codeOf(e.cause) : undefined;
};

/**
 * A clear DatabaseProblem for an error met while connecting to PostgreSQL, or null when the error
 * is something else (a bug, a failing statement) and should be shown as it is.
 */
export const describePgError = (err: unknown, url: string): DatabaseProblem | null => {
  const t = pgTarget(url);
  const where = `PostgreSQL at ${t.host}:${t.port}`;
  switch (codeOf(err)) {
    case '28P01':
      return new DatabaseUnavailable(
        `${where} refused the password for user "${t.user}". Check the password in DATABASE_URL ` +
          '(characters such as @ : / # in it must be percent-encoded, for example @ as %40).',
      );
    case '28000':
      return new DatabaseUnavailable(
        `${where} does not let user "${t.user}" connect to database "${t.database}" (no such role, or pg_hba.conf ` +
          "has no line for it). Create the role as the README's PostgreSQL section shows.",
      );
    case '3D000':
      return new DatabaseUnavailable(
        `database "${t.database}" does not exist on ${where}. Create it, owned by the app's user: ` +
          `createdb -O ${t.user} ${t.database} (README, PostgreSQL).`,
      );
    case '42501':
      return new DatabaseUnavailable(
        `user "${t.user}" may not create tables in database "${t.database}" on ${where}. Make it the owner: ` +
          `ALTER DATABASE ${t.database} OWNER TO ${t.user}; (PostgreSQL 15 and later no longer let every user create tables in the public schema).`,
      );
    case '53300':
      return new DatabaseUnavailable(
        `${where} has no connection left (too many clients). Raise max_connections or run fewer app processes ` +
          '(each keeps up to 10 connections).',
      );
    case '57P03':
      return new DatabaseUnavailable(`${where} is starting up or shutting down; try again in a moment.`);
    case 'ECONNREFUSED':
      return new DatabaseUnavailable(
        `nothing answers at ${t.host}:${t.port}: is PostgreSQL running, and are the host and port in DATABASE_URL right?`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseUnavailable(`the host "${t.host}" in DATABASE_URL cannot be found.`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DatabaseUnavailable(`${t.host}:${t.port} (DATABASE_URL) cannot be reached from this machine.`);
    default:
      return null;
  }
};

/** A clear DatabaseProblem for an error met while opening the SQLite file, or null. */
export const describeSqliteError = (err: unknown, file: string): DatabaseProblem | null => {
  const code = codeOf(err);
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
    return new DatabaseUnavailable(
      `cannot open the SQLite database ${file}: this user may not write there. Point DATA_DIR at a directory ` +
        'the app may write (it is created with mode 700), or fix its owner.',
    );
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new DatabaseUnavailable(
      `${file} is not a SQLite database or is damaged. Restore it from a backup (kintrace restore) into an empty DATA_DIR.`,
    );
  if (code === 'SQLITE_BUSY')
    return new DatabaseUnavailable(`${file} stays locked by another process; try again, or stop the other process.`);
  return null;
};

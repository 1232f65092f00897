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
  // Said in the operator's language by the `kintrace` command (cli.database.* in the catalogue).
  const said = (key: string) => new DatabaseUnavailable({ key: `cli.database.${key}`, params: { ...t } });
  switch (codeOf(err)) {
    case '28P01':
      return said('wrongPassword');
    case '28000':
      return said('noRole');
    case '3D000':
      return said('noDatabase');
    case '42501':
      return said('mayNotCreate');
    case '53300':
      return said('tooManyClients');
    case '57P03':
      return said('startingUp');
    case 'ECONNREFUSED':
      return said('refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said('unknownHost');
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said('unreachable');
    default:
      return null;
  }
};

/** A clear DatabaseProblem for an error met while opening the SQLite file, or null. */
export const describeSqliteError = (err: unknown, file: string): DatabaseProblem | null => {
  const code = codeOf(err);
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
    return new DatabaseUnavailable({ key: 'cli.database.sqliteNotWritable', params: { file } });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new DatabaseUnavailable({ key: 'cli.database.sqliteDamaged', params: { file } });
  if (code === 'SQLITE_BUSY') return new DatabaseUnavailable({ key: 'cli.database.sqliteBusy', params: { file } });
  return null;
};

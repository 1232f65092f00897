import type { Queryable } from '../db/database.ts';
import { HOUR, MINUTE, type Clock } from '../shared/clock.ts';
import { DecryptionFailed, hashToken, open, openOptional, randomToken, seal } from '../shared/crypto/index.ts';
import {
  deleteTipSession,
  deleteTipSessionsBefore,
  findTipSession,
  insertTipSession,
  updateTipSession,
} from './tips.repository.ts';

// A sender's visit, after the receipt code was checked (or right after sending). Like an account
// session: the cookie carries "<id>.<secret>", the row keeps SHA-256 of the id and the tip key
// sealed under the secret, so a copy of the database without the cookie opens nothing. A visit
// lasts an hour at most and ends after the idle time of account sessions; leaving ends it at once.

export const TIP_COOKIE = 'kt_tip';
export const TIP_SESSION_ABSOLUTE_MS = HOUR;
const TOUCH_EVERY_MS = MINUTE;

const sessionAad = (idHash: string, what: 'key' | 'code'): string => `tip-session:${idHash}:${what}`;

export interface TipSession {
  tipId: string;
  key: Buffer;
  idHash: string;
  secret: Buffer;
  /** the receipt code is waiting to be shown once (right after sending) */
  receiptPending: boolean;
}

export const createTipSession = async (
  db: Queryable,
  opts: { tipId: string; key: Buffer; clock: Clock; receiptCode?: string },
): Promise<string> => {
  const id = randomToken(32);
  const secret = Buffer.from(randomToken(32), 'base64url');
  const idHash = hashToken(id);
  const now = opts.clock.now().toISOString();
  await insertTipSession(db, {
    id_hash: idHash,
    tip_id: opts.tipId,
    key_sealed: seal(secret, opts.key, sessionAad(idHash, 'key')),
    code_sealed: opts.receiptCode ? seal(secret, opts.receiptCode, sessionAad(idHash, 'code')) : null,
    created_at: now,
    last_seen_at: now,
  });
  return `${id}.${secret.toString('base64url')}`;
};

const parse = (value: string | undefined): { idHash: string; secret: Buffer } | null => {
  const m = value ? /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  return m ? { idHash: hashToken(m[1]), secret: Buffer.from(m[2], 'base64url') } : null;
};

export const tipSessionHash = (cookie: string | undefined): string | null => parse(cookie)?.idHash ?? null;

/** The visit behind a cookie, or null (and the row deleted) when it expired or is unknown. */
export const loadTipSession = async (
  db: Queryable,
  cookie: string | undefined,
  clock: Clock,
  idleMinutes: number,
): Promise<TipSession | null> => {
  const parsed = parse(cookie);
  if (!parsed) return null;
  const row = await findTipSession(db, parsed.idHash);
  if (!row) return null;
  const now = clock.now().getTime();
  if (
    now - Date.parse(row.last_seen_at) > idleMinutes * MINUTE ||
    now - Date.parse(row.created_at) > TIP_SESSION_ABSOLUTE_MS
  ) {
    await deleteTipSession(db, row.id_hash);
    return null;
  }
  let key: Buffer;
  try {
    key = open(parsed.secret, row.key_sealed, sessionAad(row.id_hash, 'key'));
  } catch (err) {
    if (err instanceof DecryptionFailed) return null;
    throw err;
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await updateTipSession(db, row.id_hash, { last_seen_at: new Date(now).toISOString() });
  return {
    tipId: row.tip_id,
    key,
    idHash: row.id_hash,
    secret: parsed.secret,
    receiptPending: row.code_sealed !== null,
  };
};

/** The receipt code, once: it is erased from the server as it is read. */
export const takeReceiptCode = async (db: Queryable, session: TipSession): Promise<string | null> => {
  const row = await findTipSession(db, session.idHash);
  if (!row?.code_sealed) return null;
  const code = openOptional(session.secret, row.code_sealed, sessionAad(session.idHash, 'code'));
  await updateTipSession(db, session.idHash, { code_sealed: null });
  return code;
};

export const endTipSession = (db: Queryable, idHash: string): Promise<void> => deleteTipSession(db, idHash);

/** Housekeeping (the tips job): visits past their lifetime go even if never presented again. */
export const purgeExpiredTipSessions = (db: Queryable, clock: Clock, idleMinutes: number): Promise<number> => {
  const now = clock.now().getTime();
  return deleteTipSessionsBefore(db, {
    createdBefore: new Date(now - TIP_SESSION_ABSOLUTE_MS).toISOString(),
    lastSeenBefore: new Date(now - idleMinutes * MINUTE).toISOString(),
  });
};

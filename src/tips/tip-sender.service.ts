import { randomUUID } from 'node:crypto';
import { orgDay } from '../shared/clock.ts';
import { Invalid, RateLimited } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { clearFailures, isLocked, recordFailure, throttleKey } from '../accounts/throttle.service.ts';
import { deleteScope, storeFile } from '../evidence/evidence.service.ts';
import type { CleanedFile } from '../evidence/file-rules.ts';
import type { TipAccess } from './tip-access.service.ts';
import type { TipsDeps } from './tip-deps.ts';
import { openForCode, postAad, tipFileScope } from './tip-keys.ts';
import { senderAddition, tipFromStates, tipRefusal, tipTransition } from './tip-lifecycle.ts';
import { lookupIdOf, normaliseReceiptCode, proveReceiptCode } from '../shared/crypto/receipt-code.ts';
import { createTipSession, endTipSession } from './tip-sessions.service.ts';
import {
  destroyTipRows,
  findTipByLookup,
  findTipRef,
  flushDestroyedTips,
  insertTipPost,
  nextTipSeq,
  transitionTip,
} from './tips.repository.ts';
import { forgetTipMatches } from '../matching/tip-matches.service.ts';

// The sender's side: coming back with the receipt code, adding more, deleting the tip.
// Guessing a code is slowed (one Argon2id run per try, whether or not the lookup id exists, and a
// global per-minute limit on the form) and then locked: five wrong codes for one lookup id lock
// it for 15 minutes (src/accounts/throttle.service.ts). No IP address is involved.

/** The code typed by the sender opens their tip: a new visit (cookie), or Invalid / RateLimited. */
export const openTipWithCode = async (
  deps: TipsDeps,
  typed: string,
  previousSessionHash?: string | null,
): Promise<string> => {
  const code = normaliseReceiptCode(typed);
  if (!code) throw new Invalid({ field: 'code', key: 'tips.errors.codeFormat' });
  const key = throttleKey('receipt', lookupIdOf(code));
  if (await isLocked(deps.db, key, deps.clock)) throw new RateLimited('receipt');
  const row = await findTipByLookup(deps.db, lookupIdOf(code));
  // The same Argon2id work for a lookup id that does not exist: timing says nothing.
  const kek = await proveReceiptCode(code, row, deps.config.argon2);
  if (!row || !kek) {
    await recordFailure(deps.db, key, deps.clock);
    throw new Invalid({ field: 'code', key: 'tips.errors.badCode' });
  }
  await clearFailures(deps.db, key);
  const tipKey = openForCode(kek, row.id, row.key_code_sealed);
  if (previousSessionHash) await endTipSession(deps.db, previousSessionHash);
  return createTipSession(deps.db, { tipId: row.id, key: tipKey, clock: deps.clock });
};

/** The sender adds what they learned since (words, a file, or both); a closed tip opens again as new. */
export const addToTip = async (
  deps: TipsDeps,
  access: TipAccess<'add'>,
  body: string | undefined,
  file?: CleanedFile | null,
): Promise<string> => {
  // A photo alone is an addition: «fill in this field» told a witness who only had a photo that
  // words were required.
  if (!body && !file) throw new Invalid({ field: 'body', key: 'tips.errors.addEmpty' });
  const { grant, key } = access;
  const id = randomUUID();
  const today = orgDay(deps);
  await deps.db.transaction().execute(async (tx) => {
    const current = await findTipRef(tx, grant.tipId);
    if (!current) throw tipRefusal('sender_added');
    const step = senderAddition(current.state);
    const to = tipTransition(current.state, step, 'sender');
    const patch = { state: to as 'new', sender_wrote: 1, last_activity_on: today, closed_on: null, close_reason: null };
    if (!(await transitionTip(tx, grant.tipId, tipFromStates(step), patch))) throw tipRefusal(step);
    const fileId = file
      ? await storeFile(tx, {
          scope: tipFileScope(grant.tipId),
          caseId: null,
          sealing: { kind: 'symmetric', key },
          file,
          keepOriginal: false,
          day: today,
        })
      : null;
    await insertTipPost(tx, {
      id,
      tip_id: grant.tipId,
      seq: await nextTipSeq(tx, grant.tipId),
      from_sender: 1,
      author_user_id: null,
      body_sealed: seal(key, body ?? '', postAad(grant.tipId, id)),
      file_id: fileId,
      // A day, like every record of a family's activity.
      created_at: today,
    });
  });
  return id;
};

/**
 * The sender deletes the tip: the row with both key wraps, every post and every visit go at
 * once (crypto-shredding: a stray copy of a ciphertext is noise without a wrap). What staff
 * already copied into a case as a reported event stays in that case (the delete page says so).
 */
export const deleteTip = async (deps: TipsDeps, access: TipAccess<'delete'>): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    const current = await findTipRef(tx, access.grant.tipId);
    tipTransition(current?.state, 'delete', 'sender');
    await deleteScope(tx, tipFileScope(access.grant.tipId));
    await destroyTipRows(tx, access.grant.tipId);
    // What matching kept about it (sealed) goes with it.
    await forgetTipMatches(tx, access.grant.tipId);
  });
  // "At once and for ever": not left in SQLite's write-ahead log until the next purge.
  await flushDestroyedTips(deps.db);
};

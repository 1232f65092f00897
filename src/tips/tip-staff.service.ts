import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.ts';
import { orgDay, isoNow } from '../shared/clock.ts';
import { DecryptionFailed, seal } from '../shared/crypto/index.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import type { TipGrant, TipQueueGrant } from '../policy/tips.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { readableTips, type TipAccess } from './tip-access.service.ts';
import type { TipsDeps } from './tip-deps.ts';
import { openContent, openForOrganisation, postAad } from './tip-keys.ts';
import { OPEN_TIP_STATES, tipFromStates, tipRefusal, tipTransition, type TipTransition } from './tip-lifecycle.ts';
import {
  countTipsOfOrganisation,
  findTipRef,
  insertTipPost,
  listTipsOfOrganisation,
  nextTipSeq,
  transitionTip,
  type TipCursor,
} from './tips.repository.ts';
import type { TipCloseReason, TipFilter } from './tips.schema.ts';

// The organisation's side: the list of tips, answering the sender, closing and reopening.
// Attaching a tip to a case is in tip-attach.service.ts. Every change writes its audit record
// (who, which tip, when — never content) in the same transaction.

export const TIP_QUEUE_PAGE = 50;

export interface TipQueueRow {
  id: string;
  state: string;
  senderWrote: boolean;
  receivedOn: string;
  lastActivityOn: string;
  /** the person's name as the sender wrote it, or '' */
  name: string;
  /** the first words of what happened */
  summary: string;
}

export interface TipQueuePage {
  rows: TipQueueRow[];
  next: string | null;
}

const parseCursor = (value: string | undefined): TipCursor | undefined => {
  const m = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})~([0-9a-f-]{36})$/.exec(value);
  return m ? { lastActivityOn: m[1], id: m[2] } : undefined;
};

const filterSql = (filter: TipFilter) => ({
  states:
    filter === 'closed'
      ? (['closed'] as const)
      : filter === 'in_progress'
        ? (['in_progress'] as const)
        : filter === 'new'
          ? (['new'] as const)
          : OPEN_TIP_STATES,
  senderWrote: filter === 'sender_wrote',
});

const summaryOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
};

/** Newest activity first, a page at a time. Each row is opened with the organisation key. */
export const tipQueue = async (
  deps: TipsDeps,
  grant: TipQueueGrant,
  filter: TipFilter,
  after?: string,
): Promise<TipQueuePage> => {
  const found = await listTipsOfOrganisation(
    deps.db,
    { organisationId: grant.organisationId, ...filterSql(filter) },
    TIP_QUEUE_PAGE + 1,
    parseCursor(after),
  );
  const shown = readableTips(principalOf(grant.auth), found.slice(0, TIP_QUEUE_PAGE));
  const orgKey = shown.length ? await organisationPrivateKey(deps.db, grant.auth, grant.organisationId) : null;
  const rows = shown.map((r) => {
    let name = '';
    let summary = '';
    try {
      const c = openContent(openForOrganisation(orgKey!, r.id, r.key_org_sealed), r.id, r.content_sealed);
      name = [c.person.surname, c.person.given_name, c.person.patronymic].filter(Boolean).join(' ');
      summary = summaryOf(c.what_happened);
    } catch (err) {
      // A rotation committing between the two reads: the row says nothing rather than fail the list.
      if (!(err instanceof DecryptionFailed)) throw err;
    }
    return {
      id: r.id,
      state: r.state,
      senderWrote: r.sender_wrote === 1,
      receivedOn: r.received_on,
      lastActivityOn: r.last_activity_on,
      name,
      summary,
    };
  });
  const last = found[TIP_QUEUE_PAGE - 1];
  return { rows, next: found.length > TIP_QUEUE_PAGE ? `${last.last_activity_on}~${last.id}` : null };
};

/** How many tips wait for a first look, and how many senders wrote again (the queue page's link). */
export const tipCounts = async (deps: TipsDeps, grant: TipQueueGrant) => ({
  new: await countTipsOfOrganisation(deps.db, grant.organisationId, { states: ['new'] }),
  senderWrote: await countTipsOfOrganisation(deps.db, grant.organisationId, {
    states: OPEN_TIP_STATES,
    senderWrote: true,
  }),
});

export const auditTip = (tx: Tx, deps: TipsDeps, grant: TipGrant, action: AuditAction, caseId?: string) =>
  recordAudit(tx, {
    actorUserId: grant.auth?.userId ?? 'tip_sender',
    actorRole: grant.auth?.role ?? 'tip_sender',
    organisationId: grant.organisationId,
    action,
    tipId: grant.tipId,
    caseId: caseId ?? null,
    at: isoNow(deps.clock),
  });

/** A staff lifecycle step inside `tx`: the guard, then one conditional update. */
export const stepTip = async (
  tx: Tx,
  grant: TipGrant,
  name: TipTransition,
  patch: Parameters<typeof transitionTip>[3] = {},
): Promise<void> => {
  const current = await findTipRef(tx, grant.tipId);
  const to = tipTransition(current?.state, name, 'staff');
  if (to === 'deleted' || to === 'purged') throw tipRefusal(name);
  if (!(await transitionTip(tx, grant.tipId, tipFromStates(name), { ...patch, state: to }))) throw tipRefusal(name);
};

/** An answer to the sender, who reads it when they come back with their code. */
export const replyToTip = async (deps: TipsDeps, access: TipAccess<'reply'>, body: string): Promise<string> => {
  const { grant, key } = access;
  const id = randomUUID();
  await deps.db.transaction().execute(async (tx) => {
    await stepTip(tx, grant, 'staff_worked', { reply_unseen: 1, last_activity_on: orgDay(deps) });
    await insertTipPost(tx, {
      id,
      tip_id: grant.tipId,
      seq: await nextTipSeq(tx, grant.tipId),
      from_sender: 0,
      author_user_id: grant.auth?.userId ?? null,
      body_sealed: seal(key, body, postAad(grant.tipId, id)),
      file_id: null,
      created_at: isoNow(deps.clock),
    });
    await auditTip(tx, deps, grant, 'tip.replied');
  });
  return id;
};

export const closeTip = async (deps: TipsDeps, grant: TipGrant<'close'>, reason: TipCloseReason): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    const today = orgDay(deps);
    await stepTip(tx, grant, 'close', { close_reason: reason, closed_on: today, last_activity_on: today });
    await auditTip(tx, deps, grant, 'tip.closed');
  });
};

export const reopenTip = async (deps: TipsDeps, grant: TipGrant<'reopen'>): Promise<void> => {
  await deps.db.transaction().execute(async (tx) => {
    await stepTip(tx, grant, 'reopen', { close_reason: null, closed_on: null, last_activity_on: orgDay(deps) });
    await auditTip(tx, deps, grant, 'tip.reopened');
  });
};

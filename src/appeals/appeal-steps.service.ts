import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import type { AppealGrant } from '../policy/appeals.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { assertSystem } from '../policy/system.policy.ts';
import { familyLastTold, notifyFamily } from '../cases/case-news.service.ts';
import { readFile, storeFile, type OpenedFile } from '../evidence/evidence.service.ts';
import type { CleanedFile } from '../evidence/file-rules.ts';
import { appealCaseKey } from './appeals-access.service.ts';
import { ACTIVE_STATES } from '../cases/case-lifecycle.ts';
import {
  APPEAL_STATES,
  fromStates,
  isWaiting,
  stepTo,
  WAITING,
  type AppealState,
  type AppealStep,
} from './appeal-lifecycle.ts';
import type { SendInput, StepInput } from './appeals.schema.ts';
import {
  aad,
  audit,
  caseScope,
  deadlineColumns,
  openLetter,
  openRefs,
  refuseHintLeft,
  todayOf,
  type AppealsDeps,
} from './appeals.service.ts';
import {
  countByState,
  findAppeal,
  insertStep,
  listLate,
  listSteps,
  nextStepSeq,
  updateAppealIf,
} from './appeals.repository.ts';
import type { AppealsTable } from './appeals.table.ts';

// What happens to an appeal after it is written: it is sent, the authority registers, forwards,
// extends or answers it (each recorded with its day, its number, a summary and a scan), it is
// closed — or its answer day passes and the scheduler marks it overdue and tells the family.
// Each step goes through the lifecycle's guard and one conditional update.

const mine = async (db: Queryable, grant: AppealGrant, appealId: string) => {
  const row = await findAppeal(db, appealId);
  if (!row || row.case_id !== grant.caseId) throw new NotFound('appeal');
  return row;
};

const notBefore = (day: string | undefined, floor: string | null, field: string, key: string) => {
  if (day && floor && day < floor) throw new Invalid({ field, key });
};

/** Marks a draft sent: channel, day, tracking number. The deadlines start running. */
export const sendAppeal = async (
  deps: AppealsDeps,
  grant: AppealGrant<'write'>,
  appealId: string,
  input: SendInput,
) => {
  const row = await mine(deps.db, grant, appealId);
  stepTo(row.state, 'send', grant.side);
  if (!grant.caseActive) throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
  if (row.collective_id) throw new Invalid({ field: '_form', key: 'appeals.errors.collectiveSend' });
  notBefore(input.delivered_on, input.sent_on!, 'delivered_on', 'appeals.errors.beforeSent');
  const key = await appealCaseKey(deps.db, grant);
  refuseHintLeft(openLetter(key, row));
  const next: AppealsTable = {
    ...row,
    state: 'sent',
    channel: input.channel,
    sent_on: input.sent_on!,
    delivered_on: input.delivered_on ?? null,
  };
  const refs = { ...openRefs(key, row), ...(input.tracking ? { tracking: input.tracking } : {}) };
  await deps.db.transaction().execute(async (tx) => {
    const ok = await updateAppealIf(tx, appealId, fromStates('send'), {
      state: 'sent',
      channel: next.channel,
      sent_on: next.sent_on,
      delivered_on: next.delivered_on,
      refs_sealed: seal(key, JSON.stringify(refs), aad(appealId, 'refs')),
      ...deadlineColumns(next),
    });
    if (!ok) throw new Invalid({ field: '_form', key: 'appeals.errors.notDraft' });
    await addStep(tx, row, 'sent', next.sent_on!, key, { number: input.tracking }, null);
    await audit(tx, deps.clock, grant, 'appeal.recorded');
  });
};

const addStep = async (
  tx: Queryable,
  row: AppealsTable,
  kind: string,
  day: string,
  key: Buffer,
  details: Record<string, unknown>,
  fileId: string | null,
) => {
  const id = randomUUID();
  const clean = Object.fromEntries(
    Object.entries(details).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
  await insertStep(tx, {
    id,
    appeal_id: row.id,
    case_id: row.case_id,
    seq: await nextStepSeq(tx, row.id),
    kind,
    on_day: day,
    details_sealed: Object.keys(clean).length ? seal(key, JSON.stringify(clean), aad(row.id, `step:${id}`)) : null,
    file_id: fileId,
  });
};

/**
 * Records what came from the authority: a registration, a forwarding, an extension or the answer,
 * with its scan. Every date is checked against the letter's (nothing before it was sent); the
 * file is cleaned before the transaction and stored inside it, so a refusal writes nothing.
 */
export const recordStep = async (
  deps: AppealsDeps,
  grant: AppealGrant<'write'>,
  appealId: string,
  input: StepInput,
  file: CleanedFile | null,
): Promise<void> => {
  const row = await mine(deps.db, grant, appealId);
  if (!grant.caseActive) throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
  const step = input.step as AppealStep;
  stepTo(row.state, step, grant.side);
  const on = input.on!;
  notBefore(on, row.sent_on, 'on', step === 'answer' ? 'appeals.errors.answerBeforeSent' : 'appeals.errors.beforeSent');
  const set: Partial<AppealsTable> = {};
  if (step === 'register') {
    if (row.forwarded_on) {
      notBefore(on, row.forwarded_on, 'on', 'appeals.errors.beforeForwarded');
      set.forward_registered_on = on;
    } else set.registered_on = on;
  } else if (step === 'forward') {
    if (!input.addressee) throw new Invalid({ field: 'addressee', key: 'errors.required' });
    notBefore(input.registered_on, on, 'registered_on', 'appeals.errors.beforeForwarded');
    set.forwarded_on = on;
    set.forward_registered_on = input.registered_on ?? null;
  } else if (step === 'extend') {
    if (row.extension_days !== null) throw new Invalid({ field: '_form', key: 'appeals.errors.alreadyExtended' });
    if (!input.days) throw new Invalid({ field: 'days', key: 'appeals.errors.extensionDays' });
    set.extension_days = input.days;
    set.extended_on = on;
  } else if (step === 'answer') {
    set.answered_on = on;
  }
  const to = stepTo(row.state, step, grant.side) as AppealsTable['state'];
  const next = { ...row, ...set, state: to };
  const key = await appealCaseKey(deps.db, grant);
  const refs = openRefs(key, row);
  if (step === 'register' && input.number) refs.registration = input.number;
  await deps.db.transaction().execute(async (tx) => {
    const ok = await updateAppealIf(tx, appealId, fromStates(step), {
      ...set,
      state: to,
      refs_sealed: seal(key, JSON.stringify(refs), aad(appealId, 'refs')),
      ...deadlineColumns(next),
    });
    if (!ok) throw new Invalid({ field: '_form', key: 'appeals.errors.changed' });
    const fileId = file
      ? await storeFile(tx, {
          scope: caseScope(row.case_id),
          caseId: row.case_id,
          sealing: { kind: 'symmetric', key },
          file,
          // An authority's own letter is evidence: its original is kept, sealed, for verifiers.
          keepOriginal: true,
          day: todayOf(deps),
        })
      : null;
    await addStep(
      tx,
      row,
      { register: 'registered', forward: 'forwarded', extend: 'extended', answer: 'answered' }[input.step],
      on,
      key,
      {
        number: input.number,
        summary: input.summary,
        addressee: input.addressee,
        days: input.days,
        registeredOn: input.registered_on,
      },
      fileId,
    );
    await audit(tx, deps.clock, grant, 'appeal.recorded');
  });
};

export const closeAppeal = async (deps: AppealsDeps, grant: AppealGrant<'write'>, appealId: string): Promise<void> => {
  const row = await mine(deps.db, grant, appealId);
  stepTo(row.state, 'close', grant.side);
  const today = todayOf(deps);
  const key = await appealCaseKey(deps.db, grant);
  await deps.db.transaction().execute(async (tx) => {
    if (!(await updateAppealIf(tx, appealId, fromStates('close'), { state: 'closed', closed_on: today })))
      throw new Invalid({ field: '_form', key: 'appeals.errors.closed' });
    await addStep(tx, row, 'closed', today, key, {}, null);
    await audit(tx, deps.clock, grant, 'appeal.closed');
  });
};

/** A file recorded on one of the case's appeals: the clean copy, or (verifiers) the kept original. */
export const appealFile = async (
  deps: AppealsDeps,
  grant: AppealGrant<'read'> | AppealGrant<'original'>,
  appealId: string,
  fileId: string,
  which: 'clean' | 'original',
): Promise<OpenedFile> => {
  const row = await mine(deps.db, grant, appealId);
  if (!(await listSteps(deps.db, row.id)).some((s) => s.file_id === fileId)) throw new NotFound('file');
  const key = await appealCaseKey(deps.db, grant);
  const file = await readFile(
    deps.db,
    { id: fileId, scope: caseScope(row.case_id) },
    { kind: 'symmetric', key },
    which,
  );
  // Opening a file of the case is a staff read of the case; an original is named as such.
  if (which === 'original' || grant.side === 'staff')
    await deps.db
      .transaction()
      .execute((tx) => audit(tx, deps.clock, grant, which === 'original' ? 'appeal.original_read' : 'case.read'));
  return file;
};

/**
 * The scheduler's work: every appeal still waiting whose answer day has passed becomes overdue,
 * and its family is told in their case. Each appeal in its own conditional update, so a run cut
 * short is finished by the next and an answer recorded meanwhile wins. An ended case (closed,
 * withdrawn) is left alone: its appeals can no longer be changed, and its family is not told of
 * a deadline in a request it ended; reopened, the next run counts it again.
 */
export const markOverdue = async (
  deps: AppealsDeps,
  principal: Principal,
): Promise<{ marked: number; failed: number }> => {
  assertSystem(principal, 'scheduler');
  const today = todayOf(deps);
  let marked = 0;
  let failed = 0;
  for (const late of await listLate(deps.db, WAITING, today, ACTIVE_STATES)) {
    try {
      if (await markOneOverdue(deps, late, today)) marked += 1;
    } catch {
      failed += 1;
    }
  }
  return { marked, failed };
};

/**
 * One late appeal made overdue and its family told, unless an answer or another run came first.
 * Told once a day at most: a registration recorded on an overdue letter puts it back to waiting,
 * and if its new answer day has passed too it is overdue again at once — the same news twice.
 */
const markOneOverdue = (
  deps: AppealsDeps,
  late: { id: string; case_id: string; state: AppealState },
  today: string,
): Promise<boolean> =>
  deps.db.transaction().execute(async (tx) => {
    stepTo(late.state, 'mark_overdue', 'system');
    if (!(await updateAppealIf(tx, late.id, fromStates('mark_overdue'), { state: 'overdue', overdue_on: today })))
      return false;
    if ((await familyLastTold(tx, late.case_id, late.id, 'appeal_overdue')).on !== today)
      await notifyFamily(tx, { caseId: late.case_id, kind: 'appeal_overdue', refId: late.id, day: today });
    return true;
  });

/**
 * The job's work for one appeal, done when someone opens it: the job runs hourly (and not at all
 * while the scheduler is stopped), so a mother opening her letter the morning after its answer day
 * read «просрочено на 1 день» beside the state «отправлено» and no next step (QA walk 11). The
 * same rule as the job: waiting, its answer day passed, its case still active.
 */
export const catchUpOverdue = async (deps: AppealsDeps, grant: AppealGrant, appealId: string): Promise<void> => {
  if (!grant.caseActive) return;
  const row = await findAppeal(deps.db, appealId);
  const today = todayOf(deps);
  if (!row || row.case_id !== grant.caseId || !isWaiting(row.state) || !row.answer_by || row.answer_by >= today) return;
  await markOneOverdue(deps, row, today);
};

/** `kintrace stats --json`: appeals by state. */
export const appealsStats = async (db: Queryable): Promise<Record<string, number>> => {
  const counts = Object.fromEntries(APPEAL_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of await countByState(db)) counts[r.state] = Number(r.n);
  return counts;
};

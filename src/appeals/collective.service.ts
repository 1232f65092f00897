import { randomUUID } from 'node:crypto';
import { isoNow } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { grantAppeal, type AppealGrant } from '../policy/appeals.policy.ts';
import { principalOf, type AuthContext } from '../policy/principal.ts';
import { findCaseFacts } from '../cases/case-access.service.ts';
import { casesOfOrganisationForPicker } from './collective-cases.service.ts';
import { appealCaseKey } from './appeals-access.service.ts';
import {
  aad,
  audit,
  deadlineColumns,
  draftRow,
  openLetter,
  openSignature,
  refuseHintLeft,
  todayOf,
  type AppealsDeps,
  type Letter,
} from './appeals.service.ts';
import type { LetterToPrint } from './appeals-print.service.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import type { CollectiveInput } from './appeals.schema.ts';
import { ownWordsLeft } from './template-rules.ts';
import { isWaiting, type AppealState } from './appeal-lifecycle.ts';
import { daysLeft } from './deadline-rules.ts';
import {
  findAppeal,
  findCollective,
  insertAppeal,
  insertCollective,
  insertStep,
  listCollectives,
  membersOfCollective,
  nextStepSeq,
  setCollectiveState,
  updateAppealIf,
} from './appeals.repository.ts';
import type { AppealsTable } from './appeals.table.ts';
import { authorityById, letterSource } from './directory.service.ts';

// A collective appeal: a caseworker writes one letter and invites the families of chosen cases of
// the organisation. Each family finds it among its own case's appeals and signs in its own account
// (name and address sealed with its case key); no family sees another's name — a family that
// prints sees its own signature and a count of the others. Staff print the letter with every
// signature and mark it sent; then each signed copy follows its own deadlines like any appeal.

type Staff = AuthContext & { organisationId: string };

const grantsFor = async (deps: AppealsDeps, staff: Staff, caseIds: string[]) => {
  const grants: AppealGrant<'write'>[] = [];
  for (const id of caseIds) {
    try {
      const g = grantAppeal(principalOf(staff), await findCaseFacts(deps.db, id), 'write');
      if (!g.caseActive) throw new NotFound('case');
      grants.push(g);
    } catch {
      throw new Invalid({ field: 'cases', key: 'appeals.errors.unknownCase' });
    }
  }
  return grants;
};

export const createCollective = async (deps: AppealsDeps, staff: Staff, input: CollectiveInput): Promise<string> => {
  const caseIds = [...new Set(input.cases)];
  if (caseIds.length < 2) throw new Invalid({ field: 'cases', key: 'appeals.errors.twoFamilies' });
  // The same rule as a family's own letter: no «[Впишите сюда…]» goes to the families to sign.
  // Said at the text, in the form still filled in: this is where it can be changed.
  if (ownWordsLeft(input.body)) throw new Invalid({ field: 'body', key: 'appeals.errors.hintLeft' });
  if (input.authority && !(await authorityById(deps.db, input.authority)))
    throw new Invalid({ field: 'authority', key: 'errors.unknownOption' });
  const grants = await grantsFor(deps, staff, caseIds);
  const keys = await Promise.all(grants.map((g) => appealCaseKey(deps.db, g)));
  const letter: Letter = {
    template: 'collective',
    authorityId: input.authority ?? null,
    addressee: input.addressee,
    address: input.address ?? null,
    subject: input.subject,
    body: input.body,
  };
  const id = randomUUID();
  const today = todayOf(deps);
  await deps.db.transaction().execute(async (tx) => {
    await insertCollective(tx, {
      id,
      organisation_id: staff.organisationId,
      created_by: staff.userId,
      created_at: isoNow(deps.clock),
      state: 'open',
    });
    for (const [i, g] of grants.entries()) {
      const appealId = randomUUID();
      await insertAppeal(
        tx,
        draftRow({
          id: appealId,
          caseId: g.caseId,
          day: today,
          letterSealed: seal(keys[i], JSON.stringify(letter), aad(appealId, 'letter')),
          collectiveId: id,
        }),
      );
      await audit(tx, deps.clock, g, 'appeal.drafted');
    }
  });
  return id;
};

const theirs = async (deps: AppealsDeps, staff: Staff, id: string) => {
  const c = await findCollective(deps.db, id);
  if (!c || c.organisation_id !== staff.organisationId) throw new NotFound('collective');
  return c;
};

export interface CollectiveView {
  id: string;
  state: string;
  letter: Letter | null;
  /** the letter still holds the hint for the family's own words: not printed, signed or sent */
  hintLeft: boolean;
  /** the letter's body as Markdown for the page and the print: what staff typed literal */
  markdown: string;
  members: Array<{
    appealId: string;
    caseId: string;
    state: string;
    signed: boolean;
    /** a copy sent and waiting for its answer: by when (as the list of deadlines shows it) */
    answerBy: { date: string; estimated: boolean; daysLeft: number } | null;
  }>;
}

export const collectiveView = async (deps: AppealsDeps, staff: Staff, id: string): Promise<CollectiveView> => {
  const c = await theirs(deps, staff, id);
  const members = await membersOfCollective(deps.db, id);
  let letter: Letter | null = null;
  const first = members[0];
  if (first) {
    const g = grantAppeal(principalOf(staff), await findCaseFacts(deps.db, first.case_id), 'read');
    const row = await findAppeal(deps.db, first.id);
    if (row) letter = openLetter(await appealCaseKey(deps.db, g), row);
  }
  return {
    id: c.id,
    state: c.state,
    letter,
    hintLeft: letter !== null && ownWordsLeft(letter.body),
    markdown: letter ? await letterSource(deps.db, letter) : '',
    members: members.map((m) => ({
      appealId: m.id,
      caseId: m.case_id,
      state: m.state,
      signed: m.signed_on !== null,
      answerBy:
        m.answer_by && isWaiting(m.state as AppealState)
          ? {
              date: m.answer_by,
              estimated: m.deadline_estimated === 1,
              daysLeft: daysLeft(todayOf(deps), m.answer_by),
            }
          : null,
    })),
  };
};

export const collectivesOf = (deps: AppealsDeps, staff: Staff) => listCollectives(deps.db, staff.organisationId);

export const collectiveCaseChoices = (deps: AppealsDeps, staff: Staff) =>
  casesOfOrganisationForPicker({ ...deps, config: { timeZone: deps.timeZone } }, staff);

/**
 * The collective letter as staff print it (page or PDF) with every signature; refused while it
 * still holds the hint for the family's own words, as a family's own letter is.
 */
export const collectiveToPrint = async (
  deps: AppealsDeps,
  staff: Staff,
  id: string,
): Promise<{ letter: LetterToPrint; appealId: string }> => {
  const view = await collectiveView(deps, staff, id);
  if (!view.letter) throw new NotFound('collective');
  refuseHintLeft(view.letter, true);
  return {
    appealId: view.members[0]?.appealId ?? '',
    letter: {
      addressee: view.letter.addressee,
      address: view.letter.address,
      sender: null,
      subject: view.letter.subject,
      body: view.letter.body,
      markdown: view.markdown,
      date: formatPartialDate(todayOf(deps), 'day'),
      signatories: await collectiveSignatories(deps, staff, id),
    },
  };
};

/** Every signature, opened with each family's case key (staff print the whole letter). */
export const collectiveSignatories = async (deps: AppealsDeps, staff: Staff, id: string) => {
  await theirs(deps, staff, id);
  const out: Array<{ fullName: string; postalAddress: string }> = [];
  for (const m of await membersOfCollective(deps.db, id)) {
    if (!m.signed_on) continue;
    const g = grantAppeal(principalOf(staff), await findCaseFacts(deps.db, m.case_id), 'read');
    const sig = openSignature(await appealCaseKey(deps.db, g), m);
    if (sig) out.push(sig);
  }
  return out;
};

/** Marks the collective sent: each signed copy is sent on that day; unsigned ones are closed. */
export const sendCollective = async (
  deps: AppealsDeps,
  staff: Staff,
  id: string,
  input: { channel: string; sent_on?: string; tracking?: string },
): Promise<void> => {
  await theirs(deps, staff, id);
  const members = await membersOfCollective(deps.db, id);
  if (!members.some((m) => m.signed_on)) throw new Invalid({ field: '_form', key: 'appeals.errors.noSignatures' });
  const today = todayOf(deps);
  const keyed: Array<{ m: (typeof members)[number]; g: AppealGrant<'write'>; key: Buffer }> = [];
  for (const m of members) {
    const g = grantAppeal(principalOf(staff), await findCaseFacts(deps.db, m.case_id), 'write');
    const key = await appealCaseKey(deps.db, g);
    // Collectives written before the rule was applied to them may still hold the hint.
    refuseHintLeft(openLetter(key, m), true);
    keyed.push({ m, g, key });
  }
  await deps.db.transaction().execute(async (tx) => {
    if (!(await setCollectiveState(tx, id, 'open', 'sent')))
      throw new Invalid({ field: '_form', key: 'appeals.errors.notDraft' });
    for (const { m, g, key } of keyed) {
      const row = (await findAppeal(tx, m.id)) as AppealsTable;
      const stepId = randomUUID();
      if (m.signed_on) {
        const next: AppealsTable = { ...row, state: 'sent', channel: input.channel, sent_on: input.sent_on! };
        const refs = input.tracking ? seal(key, JSON.stringify({ tracking: input.tracking }), aad(m.id, 'refs')) : null;
        if (
          !(await updateAppealIf(tx, m.id, ['draft'], {
            state: 'sent',
            channel: input.channel,
            sent_on: input.sent_on!,
            refs_sealed: refs,
            ...deadlineColumns(next),
          }))
        )
          continue;
        await insertStep(tx, {
          id: stepId,
          appeal_id: m.id,
          case_id: m.case_id,
          seq: await nextStepSeq(tx, m.id),
          kind: 'sent',
          on_day: input.sent_on!,
          details_sealed: null,
          file_id: null,
        });
      } else {
        if (!(await updateAppealIf(tx, m.id, ['draft'], { state: 'closed', closed_on: today }))) continue;
        await insertStep(tx, {
          id: stepId,
          appeal_id: m.id,
          case_id: m.case_id,
          seq: await nextStepSeq(tx, m.id),
          kind: 'closed',
          on_day: today,
          details_sealed: null,
          file_id: null,
        });
      }
      await audit(tx, deps.clock, g, 'appeal.recorded');
    }
  });
};

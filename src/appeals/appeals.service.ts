import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { isoNow, localDay, type Clock } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { openOptional, openText, seal, sealOptional } from '../shared/crypto/index.ts';
import type { AppealGrant } from '../policy/appeals.policy.ts';
import { appealAbilities, type AppealAbilities } from '../policy/appeals.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { grantCase } from '../policy/case.policy.ts';
import { recordAudit, type AuditAction } from '../audit/audit.service.ts';
import { findCaseFacts } from '../cases/case-access.service.ts';
import { getCaseForViewer } from '../cases/cases.service.ts';
import { fullName } from '../people/people.service.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { fileHeads, type FileHead } from '../evidence/evidence.service.ts';
import { appealCaseKey } from './appeals-access.service.ts';
import { isWaiting, stepTo, fromStates, type AppealState } from './appeal-lifecycle.ts';
import { appealDeadlines, daysLeft, type Channel, type Deadlines } from './deadline-rules.ts';
import type { DraftInput } from './appeals.schema.ts';
import {
  currentHint,
  fillTemplate,
  OWN_WORDS,
  ownWordsLeft,
  blanksIn,
  placeholdersIn,
  type FillValues,
} from './template-rules.ts';
import {
  deleteAppealIf,
  findAppeal,
  findSender,
  insertAppeal,
  listAppealsOfCase,
  listSteps,
  updateAppealIf,
} from './appeals.repository.ts';
import type { AppealsTable } from './appeals.table.ts';
import { authorityById, currentTemplate, letterSource, type AuthorityView } from './directory.service.ts';

// Drafting and reading appeals. Everything a family or staff member writes (the letter, the
// numbers that could find it in an authority's register, the notes on answers) is sealed with
// the case key, bound to the appeal by AAD. Days stay in clear for the deadline job.

export interface AppealsDeps {
  db: Db;
  clock: Clock;
  /** the deployment's TIME_ZONE: the days people type and count are its days, not UTC's */
  timeZone: string;
}

/** The app's dependencies as the appeals need them. */
export const appealsDeps = (deps: { db: Db; clock: Clock; config: { timeZone: string } }): AppealsDeps => ({
  db: deps.db,
  clock: deps.clock,
  timeZone: deps.config.timeZone,
});

/** Today as the family and the authority count it: the calendar day in the deployment's zone. */
export const todayOf = (deps: Pick<AppealsDeps, 'clock' | 'timeZone'>): string => localDay(deps.clock, deps.timeZone);

export const aad = (appealId: string, field: string) => `appeal:${appealId}:${field}`;
export const caseScope = (caseId: string) => `case:${caseId}`;

export interface Letter {
  template: string;
  authorityId: string | null;
  addressee: string;
  address: string | null;
  subject: string;
  body: string;
}

export interface Refs {
  tracking?: string;
  registration?: string;
}

export const openLetter = (key: Buffer, row: Pick<AppealsTable, 'id' | 'letter_sealed'>): Letter =>
  JSON.parse(openText(key, row.letter_sealed, aad(row.id, 'letter'))) as Letter;

/**
 * A draft that still holds the hint to write the family's own words is not printed, signed or
 * marked sent: the authority would read «[Впишите сюда…]» where the family's words should be.
 * A collective letter is not edited once the families are invited, so its reason says so.
 */
export const refuseHintLeft = (letter: Letter, collective = false): void => {
  if (ownWordsLeft(letter.body))
    throw new Invalid({
      field: '_form',
      key: collective ? 'appeals.errors.collectiveHintLeft' : 'appeals.errors.hintLeft',
    });
};

export const openRefs = (key: Buffer, row: Pick<AppealsTable, 'id' | 'refs_sealed'>): Refs =>
  JSON.parse(openOptional(key, row.refs_sealed, aad(row.id, 'refs')) ?? '{}') as Refs;

/** The legal dates of a row, recomputed from its clear days (null while a draft). */
export const deadlinesOf = (row: AppealsTable): Deadlines | null =>
  row.sent_on && row.channel
    ? appealDeadlines({
        channel: row.channel as Channel,
        sentOn: row.sent_on,
        deliveredOn: row.delivered_on,
        registeredOn: row.registered_on,
        forwardedOn: row.forwarded_on,
        forwardRegisteredOn: row.forward_registered_on,
        extensionDays: row.extension_days,
      })
    : null;

/** The columns kept for the overdue job and lists, from the days of a row. */
export const deadlineColumns = (
  row: AppealsTable,
): Pick<AppealsTable, 'register_by' | 'answer_by' | 'deadline_estimated'> => {
  const d = deadlinesOf(row);
  return {
    register_by: d?.registerBy.date ?? null,
    answer_by: d?.answerBy.date ?? null,
    deadline_estimated: d?.answerBy.estimated ? 1 : 0,
  };
};

export const audit = (tx: Queryable, clock: Clock, grant: AppealGrant, action: AuditAction) =>
  recordAudit(tx, {
    actorUserId: grant.auth.userId,
    actorRole: grant.side === 'family' ? 'family' : grant.auth.role,
    organisationId: grant.organisationId,
    action,
    caseId: grant.caseId,
    at: isoNow(clock),
  });

export interface AppealSummary {
  id: string;
  state: AppealState;
  addressee: string;
  subject: string;
  template: string;
  sentOn: string | null;
  answeredOn: string | null;
  answerBy: { date: string; estimated: boolean; daysLeft: number } | null;
  collective: boolean;
}

/** The appeals of a case, newest deadline first, for the case page and the appeals list. */
export const appealsOfCase = async (deps: AppealsDeps, grant: AppealGrant): Promise<AppealSummary[]> => {
  const rows = await listAppealsOfCase(deps.db, grant.caseId);
  if (rows.length === 0) return [];
  const key = await appealCaseKey(deps.db, grant);
  const today = todayOf(deps);
  return rows.map((r) => {
    const letter = openLetter(key, r);
    const d = deadlinesOf(r);
    return {
      id: r.id,
      state: r.state,
      addressee: letter.addressee,
      subject: letter.subject,
      template: letter.template,
      sentOn: r.sent_on,
      answeredOn: r.answered_on,
      answerBy:
        d && (isWaiting(r.state) || r.state === 'overdue')
          ? { ...d.answerBy, daysLeft: daysLeft(today, d.answerBy.date) }
          : null,
      collective: r.collective_id !== null,
    };
  });
};

/**
 * What a new letter starts from: the template filled from the case, the addressee from the
 * directory. The family's own account of what it knows goes in only when the writer chose it
 * (`narrative`); otherwise the letter holds a hint to write, in its place, only what the
 * authority should know (OWN_WORDS).
 */
export const draftFor = async (
  deps: AppealsDeps,
  grant: AppealGrant<'write'>,
  opts: { template: string; authority?: string; follows?: string; narrative?: boolean },
): Promise<{
  values: Record<string, string>;
  guidance: { ru: string; en: string };
  title: { ru: string; en: string };
  /** whether the template has the family's account in it, and whether it was inserted */
  narrative: { used: boolean; inserted: boolean };
}> => {
  const template = await currentTemplate(deps.db, opts.template);
  if (!template) throw new Invalid({ field: 'template', key: 'errors.unknownOption' });
  const authority = opts.authority ? await authorityById(deps.db, opts.authority) : undefined;
  const values = await fillValues(deps, grant, authority, opts.follows, opts.narrative === true);
  const used = placeholdersIn(template.body).includes('case.what_is_known');
  const inserted = used && opts.narrative === true;
  return {
    narrative: { used, inserted },
    values: {
      template: template.key,
      // carried by the form, so that a form sent back with a mistake still says it is in
      narrative: inserted ? 'yes' : '',
      authority: authority?.id ?? '',
      follows: opts.follows ?? '',
      addressee: authority?.name ?? '',
      address: authority?.postalAddress ?? '',
      subject: template.titleRu,
      body: fillTemplate(template.body, values),
    },
    guidance: { ru: template.guidanceRu, en: template.guidanceEn },
    title: { ru: template.titleRu, en: template.titleEn },
  };
};

/**
 * What a new letter's form shows beside it, for its template: the guidance, and whether the
 * template has the family's account in it (the choice to insert it). Read again when the form
 * comes back with a mistake, so that she does not lose them (QA walk 9). Undefined for a key that
 * names no template.
 */
export const draftNotes = async (
  db: Queryable,
  templateKey: string,
): Promise<{ guidance: { ru: string; en: string }; narrativeUsed: boolean } | undefined> => {
  const template = await currentTemplate(db, templateKey);
  if (!template) return undefined;
  return {
    guidance: { ru: template.guidanceRu, en: template.guidanceEn },
    narrativeUsed: placeholdersIn(template.body).includes('case.what_is_known'),
  };
};

/**
 * The unit number as the letter's «воинская часть …» wants it: the form's own example is
 * «в/ч 12345», so families type the prefix and the letter said «воинская часть в/ч 12345» (QA walk
 * 9). A leading «в/ч», «вч», «в.ч.», «войсковая/воинская часть» and «№» before the digits go; the
 * case keeps what was typed.
 */
const UNIT_PREFIX = /^\s*(?:в\s*[/\\.]?\s*ч\.?|войсковая\s+часть|воинская\s+часть)\s*(?:№\s*)?-?\s*(?=\d)/iu;
const unitNumberForLetter = (typed: string): string => typed.replace(UNIT_PREFIX, '');

const fillValues = async (
  deps: AppealsDeps,
  grant: AppealGrant,
  authority: AuthorityView | undefined,
  followsId: string | undefined,
  withNarrative: boolean,
): Promise<FillValues> => {
  const caseGrant = grantCase(principalOf(grant.auth), await findCaseFacts(deps.db, grant.caseId), 'read');
  const c = await getCaseForViewer({ ...deps, config: { timeZone: deps.timeZone } }, caseGrant);
  const p = c.person;
  const values: FillValues = {
    'person.full_name': fullName(p),
    'person.surname': p.surname,
    'person.given_name': p.given_name,
    'person.patronymic': p.patronymic,
    // A year alone is written as letters to authorities write it, «2001 г.»: «дата рождения 2001»
    // read as a date cut short.
    'person.birth_date': p.birth_date
      ? `${formatPartialDate(p.birth_date, p.birth_precision)}${p.birth_precision === 'year' ? ' г.' : ''}`
      : null,
    'person.unit': [p.unit_number && unitNumberForLetter(p.unit_number), p.unit_name].filter(Boolean).join(', '),
    'person.rank': p.rank,
    'person.region': p.region_code ? regionName(p.region_code, 'ru') : null,
    'last_contact.date': c.lastContact.date ? formatPartialDate(c.lastContact.date, c.lastContact.precision) : null,
    'case.what_is_known': withNarrative ? c.narrative : OWN_WORDS,
    'authority.name': authority?.name ?? null,
    'authority.address': authority?.postalAddress ?? null,
    today: formatPartialDate(todayOf(deps), 'day'),
  };
  if (followsId) {
    const prev = await findAppeal(deps.db, followsId);
    if (prev && prev.case_id === grant.caseId) {
      const key = await appealCaseKey(deps.db, grant);
      const letter = openLetter(key, prev);
      values['previous.sent_on'] = prev.sent_on ? formatPartialDate(prev.sent_on, 'day') : null;
      values['previous.addressee'] = letter.addressee;
      values['previous.answer_by'] = prev.answer_by ? formatPartialDate(prev.answer_by, 'day') : null;
      values['previous.registration_number'] = openRefs(key, prev).registration ?? null;
    }
  }
  return values;
};

const letterOf = async (db: Queryable, input: DraftInput): Promise<Letter> => {
  if (!(await currentTemplate(db, input.template)))
    throw new Invalid({ field: 'template', key: 'errors.unknownOption' });
  if (input.authority && !(await authorityById(db, input.authority)))
    throw new Invalid({ field: 'authority', key: 'errors.unknownOption' });
  return {
    template: input.template,
    authorityId: input.authority ?? null,
    addressee: input.addressee,
    address: input.address ?? null,
    subject: input.subject,
    body: input.body,
  };
};

/** A new draft's row: nothing sent, no date, no deadline yet. */
export const draftRow = (a: {
  id: string;
  caseId: string;
  day: string;
  letterSealed: string;
  followsId?: string | null;
  collectiveId?: string | null;
}): AppealsTable => ({
  id: a.id,
  case_id: a.caseId,
  state: 'draft',
  channel: null,
  created_on: a.day,
  sent_on: null,
  delivered_on: null,
  registered_on: null,
  forwarded_on: null,
  forward_registered_on: null,
  extension_days: null,
  extended_on: null,
  answered_on: null,
  overdue_on: null,
  closed_on: null,
  register_by: null,
  answer_by: null,
  deadline_estimated: 0,
  follows_id: a.followsId ?? null,
  collective_id: a.collectiveId ?? null,
  letter_sealed: a.letterSealed,
  refs_sealed: null,
  signature_sealed: null,
  signed_on: null,
});

const assertCaseActive = (grant: AppealGrant) => {
  if (!grant.caseActive) throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
};

/** Saves a new draft (the letter as the writer edited it); returns its id. */
export const saveDraft = async (deps: AppealsDeps, grant: AppealGrant<'write'>, input: DraftInput): Promise<string> => {
  assertCaseActive(grant);
  const letter = await letterOf(deps.db, input);
  const key = await appealCaseKey(deps.db, grant);
  const id = randomUUID();
  let followsId: string | null = null;
  if (input.follows) {
    const prev = await findAppeal(deps.db, input.follows);
    if (prev?.case_id === grant.caseId) followsId = prev.id;
  }
  await deps.db.transaction().execute(async (tx) => {
    await insertAppeal(
      tx,
      draftRow({
        id,
        caseId: grant.caseId,
        day: todayOf(deps),
        letterSealed: seal(key, JSON.stringify(letter), aad(id, 'letter')),
        followsId,
      }),
    );
    await audit(tx, deps.clock, grant, 'appeal.drafted');
  });
  return id;
};

/** Changes a draft's letter (only while it is a draft). */
export const updateDraft = async (
  deps: AppealsDeps,
  grant: AppealGrant<'write'>,
  appealId: string,
  input: DraftInput,
): Promise<void> => {
  assertCaseActive(grant);
  const row = await findAppeal(deps.db, appealId);
  if (!row || row.case_id !== grant.caseId) throw new NotFound('appeal');
  stepTo(row.state, 'edit', grant.side);
  const key = await appealCaseKey(deps.db, grant);
  const old = openLetter(key, row);
  // A collective appeal's letter is the same for every family: its text is not edited here.
  const letter = row.collective_id ? old : await letterOf(deps.db, { ...input, template: old.template });
  await deps.db.transaction().execute(async (tx) => {
    const ok = await updateAppealIf(tx, appealId, fromStates('edit'), {
      letter_sealed: seal(key, JSON.stringify(letter), aad(appealId, 'letter')),
    });
    if (!ok) throw new Invalid({ field: '_form', key: 'appeals.errors.notDraft' });
    await audit(tx, deps.clock, grant, 'appeal.drafted');
  });
};

export const discardDraft = async (deps: AppealsDeps, grant: AppealGrant<'write'>, appealId: string): Promise<void> => {
  const row = await findAppeal(deps.db, appealId);
  if (!row || row.case_id !== grant.caseId) throw new NotFound('appeal');
  stepTo(row.state, 'discard', grant.side);
  if (row.collective_id) throw new Invalid({ field: '_form', key: 'appeals.errors.collectiveDiscard' });
  await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteAppealIf(tx, appealId, fromStates('discard'))))
      throw new Invalid({ field: '_form', key: 'appeals.errors.notDraft' });
    await audit(tx, deps.clock, grant, 'appeal.closed');
  });
};

export interface StepView {
  id: string;
  kind: string;
  on: string;
  summary: string | null;
  addressee: string | null;
  number: string | null;
  days: number | null;
  registeredOn: string | null;
  file: FileHead | null;
}

export interface AppealView {
  id: string;
  caseId: string;
  state: AppealState;
  can: AppealAbilities;
  caseActive: boolean;
  letter: Letter;
  /** the letter's body as Markdown for the page: her words literal (directory.service letterSource) */
  markdown: string;
  refs: Refs;
  channel: Channel | null;
  sentOn: string | null;
  deliveredOn: string | null;
  registeredOn: string | null;
  forwardedOn: string | null;
  extensionDays: number | null;
  answeredOn: string | null;
  overdueOn: string | null;
  closedOn: string | null;
  deadlines: Deadlines | null;
  today: string;
  steps: StepView[];
  collectiveId: string | null;
  signedOn: string | null;
  /** the sender's name and address as they chose to keep them (sealed), for the print form */
  sender: SenderDetails | null;
  /** a signed copy of a collective appeal: the name and address it was signed with */
  signature: Signature | null;
  followsId: string | null;
  /** a draft still holds the hint to write the family's own words (OWN_WORDS) */
  ownWordsLeft: boolean;
  /** what a draft's letter still leaves blank (template-rules.ts blanksIn): warned of, not refused */
  blanks: string[];
}

export interface SenderDetails {
  fullName: string;
  postalAddress: string;
  email?: string;
}

export interface Signature {
  fullName: string;
  postalAddress: string;
}

/** A family's signature on its copy of a collective appeal, opened with its case key. */
export const openSignature = (key: Buffer, row: { id: string; signature_sealed: string | null }): Signature | null =>
  row.signature_sealed
    ? (JSON.parse(openText(key, row.signature_sealed, aad(row.id, 'signature'))) as Signature)
    : null;

export const openSender = async (db: Queryable, key: Buffer, caseId: string): Promise<SenderDetails | null> => {
  const row = await findSender(db, caseId);
  return row ? (JSON.parse(openText(key, row.details_sealed, `case:${caseId}:appeal-sender`)) as SenderDetails) : null;
};

/** One appeal with everything its reader may see, decrypted with the reader's key. */
export const getAppeal = async (
  deps: AppealsDeps,
  grant: AppealGrant<'read'>,
  appealId: string,
): Promise<AppealView> => {
  const row = await findAppeal(deps.db, appealId);
  if (!row || row.case_id !== grant.caseId) throw new NotFound('appeal');
  const key = await appealCaseKey(deps.db, grant);
  // An appeal is part of its case: a staff member reading it is a staff read of the case.
  if (grant.side === 'staff') await deps.db.transaction().execute((tx) => audit(tx, deps.clock, grant, 'case.read'));
  const opened = openLetter(key, row);
  const letter = row.state === 'draft' ? { ...opened, body: currentHint(opened.body) } : opened;
  const stepRows = await listSteps(deps.db, appealId);
  const files = await fileHeads(
    deps.db,
    caseScope(grant.caseId),
    stepRows.flatMap((s) => (s.file_id ? [s.file_id] : [])),
    { kind: 'symmetric', key },
  );
  const steps = stepRows.map((s) => {
    const d = JSON.parse(openOptional(key, s.details_sealed, aad(appealId, `step:${s.id}`)) ?? '{}') as Record<
      string,
      unknown
    >;
    return {
      id: s.id,
      kind: s.kind,
      on: s.on_day,
      summary: (d.summary as string) ?? null,
      addressee: (d.addressee as string) ?? null,
      number: (d.number as string) ?? null,
      days: (d.days as number) ?? null,
      registeredOn: (d.registeredOn as string) ?? null,
      file: (s.file_id && files.get(s.file_id)) || null,
    };
  });
  return {
    id: row.id,
    caseId: row.case_id,
    state: row.state,
    can: appealAbilities(grant, grant.caseActive),
    caseActive: grant.caseActive,
    letter,
    markdown: await letterSource(deps.db, letter),
    refs: openRefs(key, row),
    channel: row.channel as Channel | null,
    sentOn: row.sent_on,
    deliveredOn: row.delivered_on,
    registeredOn: row.registered_on,
    forwardedOn: row.forwarded_on,
    extensionDays: row.extension_days,
    answeredOn: row.answered_on,
    overdueOn: row.overdue_on,
    closedOn: row.closed_on,
    deadlines: deadlinesOf(row),
    today: todayOf(deps),
    steps,
    collectiveId: row.collective_id,
    signedOn: row.signed_on,
    sender: await openSender(deps.db, key, grant.caseId),
    signature: openSignature(key, row),
    followsId: row.follows_id,
    ownWordsLeft: row.state === 'draft' && ownWordsLeft(letter.body),
    blanks: row.state === 'draft' ? blanksIn([letter.address ?? '', letter.body].join('\n')) : [],
  };
};

/** Nothing of a letter's text is a secret to its own reader: this only seals for storage. */
export const sealSender = (key: Buffer, caseId: string, details: SenderDetails | null): string | null =>
  sealOptional(key, details ? JSON.stringify(details) : null, `case:${caseId}:appeal-sender`);

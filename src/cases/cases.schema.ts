import { z } from 'zod';
import { optionalText } from '../shared/validation.ts';
import { partialDateField, personFields, requiredField as requiredText } from '../people/people.schema.ts';
import { EVENT_KINDS, EVENT_SOURCES, VERIFICATION_LEVELS } from './timeline.ts';

// One schema per form. Messages are i18n keys. `today` (an ISO day from the injected clock)
// lets date fields refuse the future.

/**
 * The longest texts, in characters: the schemas enforce them, the forms use them as maxlength and
 * show them beside each field, so the browser never cuts what the server would take. A ministry's
 * letter pasted whole runs to 10–15,000 characters (5,000 and 3,000 cut such letters silently).
 */
export const TEXT_LIMITS = {
  narrative: 20_000,
  wantsToLearn: 2_000,
  eventPlace: 200,
  eventDescription: 20_000,
  /** messages to the family and staff notes */
  post: 20_000,
  search: 100,
  /** a staff member's reason for confirming, correcting or settling (it may quote a letter) */
  reason: 5_000,
  /** why a case was closed for «другое» */
  closeNote: 2_000,
  /** what an attached file is, in a few words */
  fileDescription: 1_000,
} as const;

export const RELATIONS = [
  'mother',
  'father',
  'wife',
  'husband',
  'partner',
  'sibling',
  'child',
  'other_relative',
  'friend',
  'other',
] as const;
export const CONTACT_MEANS = [
  'phone',
  'messenger',
  'letter',
  'social_media',
  'through_comrade',
  'through_unit',
  'other',
] as const;
export const CLOSE_REASONS = [
  'found_alive',
  'death_confirmed',
  'returned_home',
  'duplicate',
  'withdrawn',
  'no_response',
  'other',
] as const;

// Nothing chosen is "required"; a value not in the list (a forged or stale form) is "unknown".
const enumError = (iss: { input?: unknown }) => (iss.input === undefined ? 'errors.required' : 'errors.unknownOption');

const pick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: enumError }));

const optionalPick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: enumError }).optional());

export const openCaseSchema = (today: string) =>
  z.object({
    ...personFields(today),
    organisation: requiredText(40),
    last_contact_date: partialDateField(today),
    last_contact_means: optionalPick(CONTACT_MEANS),
    relation: pick(RELATIONS),
    narrative: requiredText(TEXT_LIMITS.narrative),
    wants_to_learn: requiredText(TEXT_LIMITS.wantsToLearn),
  });
export type OpenCaseInput = z.infer<ReturnType<typeof openCaseSchema>>;

/**
 * Correcting a case: the person's details and the family's own account (not the organisation).
 * The last contact is taken only from the requester (the policy's correct_last_contact); the
 * staff form has no such fields.
 */
export const editCaseSchema = (today: string) =>
  z.object({
    ...personFields(today),
    // Sent by a form that showed the last contact: one that did not (staff's, a page opened
    // before the fields existed) leaves it alone rather than clearing it.
    with_last_contact: z.literal('1').optional().catch(undefined),
    last_contact_date: partialDateField(today),
    last_contact_means: optionalPick(CONTACT_MEANS),
    relation: pick(RELATIONS),
    narrative: requiredText(TEXT_LIMITS.narrative),
    wants_to_learn: requiredText(TEXT_LIMITS.wantsToLearn),
  });
export type EditCaseInput = z.infer<ReturnType<typeof editCaseSchema>>;
/** The edit form's hidden token of what it was opened on (case-edit.service.ts editVersion). */
export const editSeenSchema = z.object({ seen: z.string().max(64).optional().catch(undefined) });

/** A withdrawal must be confirmed on its own page: a stray click on the case page does nothing. */
export const withdrawSchema = z.object({ confirm: z.literal('yes', { error: 'cases.errors.confirmWithdraw' }) });

export const eventSchema = (today: string) =>
  z.object({
    kind: pick(EVENT_KINDS),
    date: partialDateField(today, { required: true }),
    place: optionalText(TEXT_LIMITS.eventPlace),
    description: optionalText(TEXT_LIMITS.eventDescription),
    source: pick(EVENT_SOURCES),
    // Families never send it; staff may add an event at a level their role allows.
    verification: optionalPick(VERIFICATION_LEVELS),
  });
export type EventInput = z.infer<ReturnType<typeof eventSchema>>;

/**
 * The check page's second submit (events.service.ts EventConfirmation): the warnings seen,
 * as a hidden list, and for a grave change the reason.
 */
export const eventConfirmationSchema = z.object({
  ack: z
    .preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(2_000))
    .transform((v) => v.split(' ').filter(Boolean)),
  reason: optionalText(TEXT_LIMITS.reason),
});

export const verifySchema = z.object({ verification: pick(VERIFICATION_LEVELS) });
/** A staff member's reason: required, and said so in words ("write the reason"). */
const reasonField = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().min(1, 'cases.errors.reasonRequired').max(TEXT_LIMITS.reason),
  );

/** Confirming or correcting a level: the level and, always, a reason. */
export const levelChangeSchema = z.object({
  verification: pick(VERIFICATION_LEVELS),
  reason: reasonField(),
});
/** A verdict on a discrepancy: which one, which version is set aside ('both': none), and why. */
export const resolveSchema = z.object({
  d: requiredText(200),
  outcome: requiredText(40),
  reason: reasonField(),
});
export const postSchema = z.object({ body: requiredText(TEXT_LIMITS.post) });
/**
 * A file attached to the case on its own: what it is (the file itself is read by src/evidence/).
 * Named `summary`, not `description`: the event form on the same page has a `description`.
 */
export const caseFileSchema = z.object({
  summary: requiredText(TEXT_LIMITS.fileDescription),
  /** the timeline event it documents, optional (an event of this case: case-files.service.ts checks) */
  event: optionalText(40),
});
export const assignSchema = z.object({ assignee: requiredText(40) });
/**
 * Closing is confirmed on its own page (a stray tap on the case page closes nothing), and
 * «другое» says why in a few words.
 */
export const closeSchema = z
  .object({
    reason: pick(CLOSE_REASONS),
    note: optionalText(TEXT_LIMITS.closeNote),
    confirm: z.literal('yes', { error: 'cases.errors.confirmClose' }),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'cases.errors.closeNoteRequired' });
  });

export const QUEUE_FILTERS = ['family_wrote', 'unassigned', 'mine', 'waiting', 'stale', 'open', 'closed'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export const queueQuerySchema = z.object({
  filter: z.enum(QUEUE_FILTERS).catch('open'),
  days: z.coerce.number().int().min(1).max(365).catch(14),
  /** where the previous page ended (queue.service.ts parses it; anything malformed is page one) */
  after: z.string().max(80).optional().catch(undefined),
});
export const searchQuerySchema = z.object({ q: optionalText(TEXT_LIMITS.search) });

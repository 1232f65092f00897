import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { partialDateField } from '../people/people.schema.ts';
import { isRegionCode } from '../people/regions.ts';
import { EVENT_KINDS } from '../cases/timeline.ts';

// One schema per tips form. A sender may know very little — a surname and "the basement in
// Rylsk" — so only what happened is required; names, when they are given, are checked like the
// names of a tracing request.

export const HOW_KNOWN = ['saw_myself', 'served_with', 'from_the_person', 'from_others', 'documents', 'other'] as const;
export type HowKnown = (typeof HOW_KNOWN)[number];

export const TIP_CLOSE_REASONS = ['attached', 'not_enough', 'duplicate', 'not_ours', 'other'] as const;
export type TipCloseReason = (typeof TIP_CLOSE_REASONS)[number];

export const TIP_FILTERS = ['new', 'sender_wrote', 'in_progress', 'closed'] as const;
export type TipFilter = (typeof TIP_FILTERS)[number];

const NAME_RE = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;
const optionalName = () =>
  optionalText(100).refine((v) => v === undefined || NAME_RE.test(v), 'people.errors.nameChars');

const enumError = (iss: { input?: unknown }) => (iss.input === undefined ? 'errors.required' : 'errors.unknownOption');
const pick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: enumError }));

export const tipSchema = (today: string) =>
  z.object({
    organisation: requiredText(40),
    surname: optionalName(),
    given_name: optionalName(),
    patronymic: optionalName(),
    birth_date: partialDateField(today),
    region: optionalText(10).refine((v) => v === undefined || isRegionCode(v), 'errors.unknownRegion'),
    unit_number: optionalText(40),
    unit_name: optionalText(200),
    what_happened: requiredText(5000),
    event_date: partialDateField(today),
    place: optionalText(200),
    how_known: pick(HOW_KNOWN),
  });
export type TipInput = z.infer<ReturnType<typeof tipSchema>>;

/** What staff answer. */
export const tipPostSchema = z.object({ body: requiredText(5000) });

/** What a sender adds later: words, a file, or both (the service asks for one of them). */
export const tipAddSchema = z.object({ body: optionalText(5000) });

export const receiptSchema = z.object({ code: requiredText(80) });

export const deleteTipSchema = z.object({ confirm: z.literal('yes', { error: 'tips.errors.confirmDelete' }) });

export const closeTipSchema = z.object({ reason: pick(TIP_CLOSE_REASONS) });

/** Attaching a tip to a case: which case (chosen from the list or pasted), and the event it becomes. */
export const attachTipSchema = (today: string) =>
  z.object({
    /** a case chosen from the list of candidates */
    case_ref: optionalText(60),
    /** or a case's link (or id) pasted from the queue */
    case_link: optionalText(300),
    kind: pick(EVENT_KINDS),
    date: partialDateField(today, { required: true }),
    place: optionalText(200),
    description: optionalText(3000),
  });
export type AttachTipInput = z.infer<ReturnType<typeof attachTipSchema>>;

export const tipQueueQuerySchema = z.object({
  filter: z.enum(TIP_FILTERS).catch('new'),
  after: z.string().max(80).optional().catch(undefined),
});

export const tipPageQuerySchema = z.object({
  /** older posts: those before this position */
  before: z.coerce.number().int().min(1).optional().catch(undefined),
});

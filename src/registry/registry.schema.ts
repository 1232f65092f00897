import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { inFuture, parsePartialDate, type PartialDate } from '../people/partial-date.ts';
import { isRegionCode } from '../people/regions.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { REGISTRY_STATUSES } from './publication-rules.ts';
import { REQUEST_DECISIONS } from './request-lifecycle.ts';

// One schema per input of the registry: staff forms, the family's choice, relatives' requests,
// and the filters of the public pages and the API (the API refuses unknown parameters).

export const MAX_SOURCES = 5;
/** Rows of source fields the publication form shows (no script adds more). */
export const SOURCE_ROWS = 3;

export const WAIVER_REASONS = ['family_asked', 'family_unreachable', 'no_family_case'] as const;
export type WaiverReason = (typeof WAIVER_REASONS)[number];

export const WITHDRAW_REASONS = ['relatives_request', 'error', 'safety', 'other'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number] | 'family_opted_out';

export interface SourceInput {
  title: string;
  date: PartialDate | null;
  url: string | null;
}

const URL_RE = /^https?:\/\/[^\s<>"]+$/i;

/** Source rows posted as source_title_1, source_date_1, source_url_1, … (empty rows skipped). */
const sourcesOf = (body: Record<string, unknown>, today: string, ctx: z.RefinementCtx): SourceInput[] => {
  const out: SourceInput[] = [];
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  for (let i = 1; i <= MAX_SOURCES; i++) {
    const title = text(`source_title_${i}`);
    const dateText = text(`source_date_${i}`);
    const url = text(`source_url_${i}`);
    if (!title && !dateText && !url) continue;
    const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (!title) problem(`source_title_${i}`, 'errors.required');
    if (title.length > 300) problem(`source_title_${i}`, 'registry.errors.tooLong');
    const date = dateText ? parsePartialDate(dateText) : null;
    if (dateText && (!date || inFuture(date, today))) problem(`source_date_${i}`, 'errors.invalidDate');
    if (url && (url.length > 500 || !URL_RE.test(url))) problem(`source_url_${i}`, 'registry.errors.url');
    out.push({ title, date, url: url || null });
  }
  if (out.length === 0) ctx.addIssue({ code: 'custom', path: ['source_title_1'], message: 'registry.errors.noSource' });
  return out;
};

export const publishSchema = (today: string) =>
  z.record(z.string(), z.unknown()).transform((body, ctx) => ({ sources: sourcesOf(body, today, ctx) }));
export type PublishInput = z.infer<ReturnType<typeof publishSchema>>;

export const correctSchema = (today: string) =>
  z.record(z.string(), z.unknown()).transform((body, ctx) => {
    const note = typeof body.note === 'string' ? body.note.trim() : '';
    if (!note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'errors.required' });
    if (note.length > 1000) ctx.addIssue({ code: 'custom', path: ['note'], message: 'registry.errors.tooLong' });
    return { sources: sourcesOf(body, today, ctx), note };
  });
export type CorrectInput = z.infer<ReturnType<typeof correctSchema>>;

export const waiveSchema = z.object({ reason: z.enum(WAIVER_REASONS) });
export const withdrawSchema = z.object({ reason: z.enum(WITHDRAW_REASONS) });
export const familyChoiceSchema = z.object({ choice: z.enum(['allow', 'do_not_publish']) });

export const REQUEST_KINDS = ['withdraw', 'correct'] as const;
export const requestSchema = z.object({
  kind: z.enum(REQUEST_KINDS),
  message: requiredText(3000),
  contact: optionalText(300),
});
export type RequestInput = z.infer<typeof requestSchema>;

/** The receipt code a relative types to see their request (normalised by the service). */
export const requestCodeSchema = z.object({ code: requiredText(80) });

/** What the relative adds to their request with the code (as long as the request's own message may be). */
export const requestAddSchema = z.object({ message: requiredText(3000) });

/** Staff's decision on a request and what the relative reads with their code (optional). */
export const requestAnswerSchema = z.object({
  decision: z.enum(REQUEST_DECISIONS),
  answer: optionalText(3000),
});
export type RequestAnswerInput = z.infer<typeof requestAnswerSchema>;

// --- filters of the public pages and the API -----------------------------------------------------

const DOTTED_MONTH = /^(0?[1-9]|1[0-2])\.(\d{4})$/;

/**
 * "2023", "05.2023" (as the rest of the site writes a month; "5.2023" too) or "2023-05": a period
 * bound, always ISO once read (links, cache keys, the API); a year stands for its January (from)
 * or December (to).
 */
const monthBound = (edge: 'from' | 'to') =>
  z
    .string()
    .trim()
    .transform((v) => {
      const dotted = DOTTED_MONTH.exec(v);
      return dotted ? `${dotted[2]}-${dotted[1].padStart(2, '0')}` : v;
    })
    .pipe(z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'registry.errors.month'))
    .transform((v) => (v.length === 4 ? `${v}-${edge === 'from' ? '01' : '12'}` : v));

/** Empty text in a GET form means "any": dropped before validation. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <S extends z.ZodType>(s: S) => z.preprocess(blankToUndefined, s.optional());

const region = z.string().refine(isRegionCode, 'registry.errors.region');
const category = z.enum(SERVICE_CATEGORIES);
const status = z.enum(REGISTRY_STATUSES);
const positiveInt = (max: number, message = 'registry.errors.page') =>
  z
    .string()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, message);

const periodChecked = <T extends { from?: string; to?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'registry.errors.period' });
};

export const PERSONS_FILTERS = ['region', 'category', 'status', 'from', 'to', 'q', 'page', 'per_page', 'lang'] as const;
export const MAX_PER_PAGE = 500;

/** GET /api/v1/persons and the registry list page (the page ignores per_page). */
export const personsQuery = z
  .object({
    region: opt(region),
    category: opt(category),
    status: opt(status),
    from: opt(monthBound('from')),
    to: opt(monthBound('to')),
    q: opt(z.string().trim().max(100)),
    page: opt(positiveInt(1_000_000)),
    // its own words: «Номер страницы — целое число от 1» answered per_page=1000 (QA walk 5)
    per_page: opt(positiveInt(MAX_PER_PAGE, 'registry.errors.perPage')),
    lang: opt(z.enum(['ru', 'en'])),
  })
  .strict()
  .superRefine(periodChecked);
export type PersonsQuery = z.infer<typeof personsQuery>;

const statisticsFilters = {
  category: opt(category),
  from: opt(monthBound('from')),
  to: opt(monthBound('to')),
  lang: opt(z.enum(['ru', 'en'])),
};

/** GET /api/v1/statistics/regions, the downloads, and the statistics page's filter. */
export const statisticsQuery = z.object(statisticsFilters).strict().superRefine(periodChecked);
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** The orders of the statistics page's table of regions (server-side links: no JavaScript). */
export const REGION_SORTS = ['rate', 'name', 'deaths', 'missing'] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

/** The statistics page: the same filters, and the order of its regions (the page's alone, not the figures'). */
export const statisticsPageQuery = z
  // An order the page does not know (an old or mistyped link) is the usual one, not an error.
  .object({ ...statisticsFilters, sort: z.enum(REGION_SORTS).optional().catch(undefined) })
  .strict()
  .superRefine(periodChecked);

/**
 * GET /api/v1/statistics/months and the "by month" download: the same filters (the download is
 * linked from the statistics page with the period chosen there), and a region.
 */
export const monthsQuery = z
  .object({
    category: opt(category),
    region: opt(region),
    from: opt(monthBound('from')),
    to: opt(monthBound('to')),
    lang: opt(z.enum(['ru', 'en'])),
  })
  .strict()
  .superRefine(periodChecked);
export type MonthsQuery = z.infer<typeof monthsQuery>;

/** Query strings of the pages that take no filter (only the language switch). */
export const noFilters = z.object({ lang: opt(z.enum(['ru', 'en'])) }).strict();

import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { CHANNELS, MAX_EXTENSION_DAYS } from './deadline-rules.ts';
import { RECORDED_STEPS } from './appeal-lifecycle.ts';
import { AUTHORITY_KINDS } from './appeals.seed.ts';

// One schema per form. Messages are i18n keys. Days are typed as 2026-03-02 (a date field) or
// 02.03.2026; `today` (from the injected clock) refuses the future.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A calendar day as ISO, or null when it is not one. */
export const parseDay = (input: string): string | null => {
  const s = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO.exec(s);
  const ru = RU.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [y, m, d] = [Number(ru[3]), Number(ru[2]), Number(ru[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

const day = (today: string, required: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    (required ? z.string({ error: () => 'errors.required' }) : z.string().optional()).transform((v, ctx) => {
      if (v === undefined) return undefined;
      const parsed = parseDay(v);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: 'appeals.errors.badDay' });
        return z.NEVER;
      }
      if (parsed > today) {
        ctx.addIssue({ code: 'custom', message: 'appeals.errors.future' });
        return z.NEVER;
      }
      return parsed;
    }),
  );

const enumError = (iss: { input?: unknown }) => (iss.input === undefined ? 'errors.required' : 'errors.unknownOption');
const pick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: enumError }));

export const draftSchema = z.object({
  template: requiredText(40),
  authority: optionalText(40),
  follows: optionalText(40),
  addressee: requiredText(300),
  address: optionalText(500),
  subject: requiredText(300),
  body: requiredText(20_000),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const sendSchema = (today: string) =>
  z.object({
    channel: pick(CHANNELS),
    sent_on: day(today, true),
    delivered_on: day(today, false),
    tracking: optionalText(100),
  });
export type SendInput = z.infer<ReturnType<typeof sendSchema>>;

export const stepSchema = (today: string) =>
  z.object({
    step: pick(RECORDED_STEPS),
    on: day(today, true),
    number: optionalText(100),
    summary: optionalText(5000),
    addressee: optionalText(300),
    registered_on: day(today, false),
    days: z.preprocess(
      (v) => (v === '' || v === undefined ? undefined : Number(v)),
      z
        .number({ error: () => 'appeals.errors.extensionDays' })
        .int('appeals.errors.extensionDays')
        .min(1, 'appeals.errors.extensionDays')
        .max(MAX_EXTENSION_DAYS, 'appeals.errors.extensionDays')
        .optional(),
    ),
  });
export type StepInput = z.infer<ReturnType<typeof stepSchema>>;

export const printSchema = z.object({
  format: z.enum(['html', 'pdf']).catch('html'),
  full_name: requiredText(200),
  postal_address: requiredText(500),
  email: optionalText(200),
  remember: z.preprocess((v) => v === 'yes', z.boolean()),
});
export type PrintInput = z.infer<typeof printSchema>;

export const signSchema = z.object({
  full_name: requiredText(200),
  postal_address: requiredText(500),
  consent: z.literal('yes', { error: 'appeals.errors.consent' }),
});

export const authoritySchema = z.object({
  kind: pick(AUTHORITY_KINDS),
  name: requiredText(300),
  region: optionalText(10),
  postal_address: optionalText(500),
  online_url: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .max(300)
      .regex(/^https?:\/\/[^\s]+$/, 'appeals.errors.url')
      .optional(),
  ),
  notes: optionalText(3000),
});
export type AuthorityInput = z.infer<typeof authoritySchema>;

export const templateSchema = z.object({
  title_ru: requiredText(200),
  title_en: requiredText(200),
  guidance_ru: requiredText(3000),
  guidance_en: requiredText(3000),
  body: requiredText(20_000),
  /** the version the editor started from: a save on top of someone else's newer one is refused */
  base: z.coerce.number().int().min(0).catch(0),
});
export type TemplateInput = z.infer<typeof templateSchema>;

export const collectiveSchema = z.object({
  template: optionalText(40),
  authority: optionalText(40),
  addressee: requiredText(300),
  address: optionalText(500),
  subject: requiredText(300),
  body: requiredText(20_000),
  cases: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(40)).min(2, 'appeals.errors.twoFamilies').max(200),
  ),
});
export type CollectiveInput = z.infer<typeof collectiveSchema>;

export const collectiveSendSchema = (today: string) =>
  z.object({ channel: pick(CHANNELS), sent_on: day(today, true), tracking: optionalText(100) });

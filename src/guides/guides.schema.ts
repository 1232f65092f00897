import { z } from 'zod';
import { requiredText } from '../shared/validation.ts';
import { LANGUAGES } from '../shared/lang.ts';

// One schema per form; messages are i18n keys.

/** A guide's address: the same for its Russian and English versions. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const guideSchema = z.object({
  title: requiredText(200),
  markdown: requiredText(100_000),
  /** the version the editor started from: a save on top of someone else's newer one is refused */
  base: z.coerce.number().int().min(0).catch(0),
  /** «Сохранить черновик» was pressed (the button's value): saved, not published */
  draft: z.literal('1').optional().catch(undefined),
});
export type GuideInput = z.infer<typeof guideSchema>;

export const newGuideSchema = guideSchema.extend({
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string({ error: () => 'errors.required' })
      .min(1, 'errors.required')
      .max(80)
      .regex(SLUG, 'guides.errors.slug'),
  ),
  lang: z.enum(LANGUAGES, { error: () => 'errors.unknownOption' }),
});
export type NewGuideInput = z.infer<typeof newGuideSchema>;

/** A new guide's preview needs its language (how the page is read), not yet a free slug. */
export const newGuidePreviewSchema = guideSchema.extend({
  lang: z.enum(LANGUAGES, { error: () => 'errors.unknownOption' }),
});

export const searchSchema = z.object({ q: requiredText(100) });

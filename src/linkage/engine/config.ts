// The comparison config: one JSON shape drives FEBRL, any CSV (`kintrace link`) and the
// platform's person records, so all three use the same engine. Documented in docs/linkage.md.
import { z } from 'zod';

const rule = z.array(z.string().min(1)).min(1);

export const linkageConfigSchema = z.object({
  id: z.string().default('record_id'),
  comparisons: z
    .array(
      z.object({
        type: z.string(),
        field: z.string(),
        name: z.string().optional(),
        tf: z.boolean().optional(),
        swapWith: z.string().optional(),
        cannotLink: z.boolean().optional(),
        /** Comparisons (by name, coarse to fine) within which the tf frequency is taken when they agree. */
        tfWithin: z.array(z.string()).optional(),
      }),
    )
    .min(1),
  /**
   * Rules; a rule given as { rule, maxBlockSize } has its own block-size cap: a broad rule (a
   * surname's sound and a region) that finds typo'd twins among 20,000 records would make
   * blocks of thousands at a million, so there it keeps only the small blocks (rare names) and
   * quietly skips the rest, which narrower rules cover.
   */
  blocking: z.array(z.union([rule, z.object({ rule, maxBlockSize: z.number().int().positive() })])).min(1),
  maxBlockSize: z.number().int().positive().default(5000),
  // Older configs' deterministic/recall/sessions keys are accepted and ignored (stripped): m and
  // λ are now learned by EM over the engine's own candidate pairs (train.ts).
  training: z
    .object({
      randomPairs: z.number().int().positive().default(300_000),
      /** EM runs on the candidate pairs among at most this many randomly sampled records. */
      maxTrainingRecords: z.number().int().positive().default(200_000),
      iterations: z.number().int().positive().default(50),
      seed: z.number().int().default(1),
      /** Weight of the saved model's m as a prior, in matches. */
      priorStrength: z.number().nonnegative().default(100),
      /** Below this many records, use `model` outright (too few pairs to estimate u or λ). */
      minRecords: z.number().int().nonnegative().default(0),
      /**
       * A prior per pair of source lists (source-prior.ts), worth this many matches of the file's
       * average; 0 keeps the source comparison's "same list or not".
       */
      sourcePriorMatches: z.number().nonnegative().default(1),
    })
    .default({
      randomPairs: 300_000,
      maxTrainingRecords: 200_000,
      iterations: 50,
      seed: 1,
      priorStrength: 100,
      minRecords: 0,
      sourcePriorMatches: 1,
    }),
  /** A saved model (see model-io.ts) for inputs too small to train on. */
  model: z
    .object({
      lambda: z.number(),
      records: z.number(),
      comparisons: z.array(
        z.object({ name: z.string(), m: z.record(z.string(), z.number()), u: z.record(z.string(), z.number()) }),
      ),
    })
    .optional(),
  thresholds: z
    .object({
      link: z.number().gt(0).lt(1).default(0.5),
      review: z.number().gt(0).lt(1).default(0.3),
      minAverage: z.number().gte(0).lt(1).default(0.5),
      /** Comparisons of which one must agree for a link; others are capped to the review band. */
      corroborate: z.array(z.string()).default([]),
      /** An uncorroborated pair links after all at or above this probability (names rare enough). */
      uncorroboratedLink: z.number().gt(0).lt(1).optional(),
      /**
       * With a target, the link threshold is lowered from `link` (never below `minLink`) as far
       * as the model's own expected precision over the linked pairs (the mean probability of the
       * pairs at or above the threshold) stays at or above it: a file whose matches are clear
       * links more of its uncertain pairs than one full of namesakes.
       */
      targetPrecision: z.number().gt(0).lt(1).optional(),
      /**
       * Link (and merge clusters) from half the F1 the model expects of its links, at most `link`
       * and never below `minLink`: for calibrated probabilities the threshold that maximises
       * expected F1 is half that F1 (engine.linkThreshold).
       */
      optimiseF1: z.boolean().optional(),
      minLink: z.number().gt(0).lt(1).optional(),
    })
    .default({ link: 0.5, review: 0.3, minAverage: 0.5, corroborate: [] }),
  cluster: z
    .object({
      maxClusterSize: z.number().int().positive().default(200),
      alarmSize: z.number().int().positive().default(50),
      /** Linking deduplicated files: a cluster holds at most one record per source. */
      uniquePerSource: z.boolean().default(false),
      /**
       * After the pairs, two clusters joined by a review-band edge are compared as wholes (each
       * field's mean weight over their cross pairs) and merged when that reaches the link
       * threshold: one record's patronymic and another's birth date vouch together.
       */
      compareClusters: z.boolean().default(true),
    })
    .default({ maxClusterSize: 200, alarmSize: 50, uniquePerSource: false, compareClusters: true }),
});

export type LinkageConfig = z.output<typeof linkageConfigSchema>;
export type LinkageConfigInput = z.input<typeof linkageConfigSchema>;

export const parseLinkageConfig = (input: unknown): LinkageConfig => {
  const result = linkageConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid linkage config: ${problems.join('; ')}`);
  }
  return result.data;
};

/** Every input column the config reads. */
export const configFields = (config: LinkageConfig): string[] => {
  const fields = new Set<string>();
  for (const c of config.comparisons) {
    fields.add(c.field);
    if (c.swapWith) fields.add(c.swapWith);
  }
  for (const spec of config.blocking) {
    const r = Array.isArray(spec) ? spec : spec.rule;
    for (const p of r) for (const f of p.replace(/^\?/, '').split('|')[0].split(/[+~]/)) fields.add(f);
  }
  return [...fields];
};

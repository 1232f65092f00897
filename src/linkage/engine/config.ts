// The comparison config: one JSON shape drives FEBRL, any CSV (`kintrace link`) and the
// platform's person records, so all three use the same engine. Documented in docs/linkage.md.
import { z } from 'zod';

const rule = z.array(z.string().min(1)).min(1);

export const linkageConfigSchema = z
  .object({
    id: z.string().default('record_id'),
    comparisons: z
      .array(
        z
          .object({
            type: z.string(),
            field: z.string(),
            name: z.string().optional(),
            tf: z.boolean().optional(),
            swapWith: z.string().optional(),
            cannotLink: z.boolean().optional(),
            /** Comparisons (by name, coarse to fine) within which the tf frequency is taken when they agree. */
            tfWithin: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .min(1),
    /**
     * Rules; a rule given as { rule, maxBlockSize } has its own block-size cap: a broad rule (a
     * surname's sound and a region) that finds typo'd twins among 20,000 records would make
     * blocks of thousands at a million, so there it keeps only the small blocks (rare names) and
     * quietly skips the rest, which narrower rules cover.
     */
    blocking: z.array(z.union([rule, z.object({ rule, maxBlockSize: z.number().int().positive() }).strict()])).min(1),
    maxBlockSize: z.number().int().positive().default(5000),
    /**
     * The rules' own caps are set for a million records: a smaller file multiplies each by
     * √(1,000,000 / records), at most ×10 (blocking.ts scaledCap). The caps keep blocks from growing
     * quadratically at a million records; in a file of 20,000 a block of 140 namesakes costs
     * nothing, and a cap of 20 there dropped the blocks that find a surname's typo among common
     * names. Off unless a config asks for it (measured on the person config; docs/linkage.md round
     * twenty-eight).
     */
    scaleCaps: z.boolean().default(false),
    /**
     * Add the supplementary rules (supplementaryRules below) to the config's own: on by default,
     * since a hand-written config's blocking is where most of its missed matches are lost.
     */
    autoBlocking: z.boolean().default(true),
    // Older configs' deterministic/recall/sessions keys are accepted and ignored: m and λ are now
    // learned by EM over the engine's own candidate pairs (train.ts).
    training: z
      .object({
        deterministic: z.unknown().optional(),
        recall: z.unknown().optional(),
        sessions: z.unknown().optional(),
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
      .strict()
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
      .strict()
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
        /**
         * Records that copy each other in every compared field (the source list aside) and hold a
         * precise value in each of these comparisons are one man before any scoring
         * (exact-copies.ts); none named, none joined.
         */
        copiesAreOne: z.array(z.string()).default([]),
        /**
         * The share of a merge's cross pairs that may be cannot-link, counted as probability 0 in
         * its average (cluster.ts): a man's record with a mistyped date is outvoted by his other
         * records. 0: any cannot-link pair forbids the merge.
         */
        conflictShare: z.number().min(0).lt(0.5).default(0),
      })
      .strict()
      .default({
        maxClusterSize: 200,
        alarmSize: 50,
        uniquePerSource: false,
        compareClusters: true,
        copiesAreOne: [],
        conflictShare: 0,
      }),
  })
  // A key the schema does not know is a typo ("treshold", "corroborrate"): it was stripped without
  // a word and its setting lost, so it is refused; so is a comparison name nothing is called.
  .strict()
  .superRefine((config, ctx) => {
    const names = config.comparisons.map((c) => c.name ?? c.field);
    const check = (list: readonly string[] | undefined, path: (string | number)[]): void => {
      for (const [i, name] of (list ?? []).entries())
        if (!names.includes(name))
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            message: `no comparison is named "${name}" (comparisons: ${names.join(', ')})`,
          });
    };
    check(config.thresholds.corroborate, ['thresholds', 'corroborate']);
    check(config.cluster.copiesAreOne, ['cluster', 'copiesAreOne']);
    config.comparisons.forEach((c, i) => check(c.tfWithin, ['comparisons', i, 'tfWithin']));
  });

export type LinkageConfig = z.output<typeof linkageConfigSchema>;
export type LinkageConfigInput = z.input<typeof linkageConfigSchema>;

export const parseLinkageConfig = (input: unknown): LinkageConfig => {
  const result = linkageConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid linkage config: ${problems.join('; ')}`);
  }
  const config = result.data;
  if (!config.autoBlocking) return config;
  // Parsing a parsed config again (a second thread builds its engine from it) adds nothing twice.
  const have = new Set(config.blocking.map((r) => JSON.stringify(r)));
  const extra = supplementaryRules(config).filter((r) => !have.has(JSON.stringify(r)));
  return extra.length ? { ...config, blocking: [...config.blocking, ...extra] } : config;
};

/** Names compared as such, at most this many (the first in the config): rules grow as their pairs. */
const AUTO_NAMES = 3;
/** The supplementary rules' own block cap: they look for typos among few records, not many. */
const AUTO_CAP = 20;

/**
 * Rules that find what a config's exact rules miss: two names each with a typo past their first
 * three letters (the first three letters of both), and a name misspelt within its sound with the
 * year of a date. Capped small, so they cost little where names are common. For the generic
 * comparison types (the person config blocks by its own, wider set). The blind registry's config:
 * pair completeness 0.81 → 0.91, F1 0.8908 → 0.9093 (docs/linkage.md, round twenty-four).
 */
export const supplementaryRules = (
  config: Pick<LinkageConfig, 'comparisons'>,
): { rule: string[]; maxBlockSize: number }[] => {
  const names = config.comparisons
    .filter((c) => c.type === 'name')
    .slice(0, AUTO_NAMES)
    .map((c) => c.field);
  const dates = config.comparisons.filter((c) => c.type === 'date').map((c) => c.field);
  const rules: { rule: string[]; maxBlockSize: number }[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      rules.push({ rule: [`${names[i]}|first3`, `${names[j]}|first3`], maxBlockSize: AUTO_CAP });
  for (const n of names)
    for (const d of dates) rules.push({ rule: [`${n}|soundex`, `${d}|year`], maxBlockSize: AUTO_CAP });
  return rules;
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

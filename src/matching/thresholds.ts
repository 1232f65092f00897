import { personConfig } from '../linkage/engine/person-config.ts';

// The probabilities from which a pair of records is worth a person's look, and from which the
// engine would link them: the person config's own. Apart from engine-adapter.ts so that reading
// them does not load the linkage engine, which the app imports only when an organisation's index
// is first built (index-registry.ts): most requests, and most test files, never score a record.

const CONFIG = personConfig();

/** Probabilities from which a pair is worth a person's look, and from which the engine would link. */
export const THRESHOLDS = { review: CONFIG.thresholds?.review ?? 0.5, link: CONFIG.thresholds?.link ?? 0.9 };

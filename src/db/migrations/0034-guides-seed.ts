import type { Kysely } from 'kysely';
import { seedGuides } from '../../guides/guides.seed.ts';

// The first guides (data/guides/<lang>/<slug>.md): general information citing data/appeals-facts.md,
// to be checked by each deployment's lawyers. Editors change them afterwards; this runs once.

export async function up(db: Kysely<unknown>): Promise<void> {
  await seedGuides(db, new Date().toISOString());
}

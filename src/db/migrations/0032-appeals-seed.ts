import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SEED_AUTHORITIES, SEED_TEMPLATES } from '../../appeals/appeals.seed.ts';

// The federal bodies of data/appeals-facts.md §7 and the first version of each letter template.
// Editors change and add to both afterwards (/editor); this runs once, on an empty deployment.

export async function up(db: Kysely<unknown>): Promise<void> {
  const at = new Date().toISOString();
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await k
    .insertInto('authorities')
    .values(
      SEED_AUTHORITIES.map((a) => ({
        id: randomUUID(),
        kind: a.kind,
        name: a.name,
        region_code: null,
        postal_address: null,
        online_url: null,
        notes: a.notes,
        seeded: 1,
        updated_at: at,
      })),
    )
    .execute();
  await k
    .insertInto('appeal_templates')
    .values(SEED_TEMPLATES.map((t) => ({ id: randomUUID(), ...t, version: 1, updated_at: at, updated_by: null })))
    .execute();
}

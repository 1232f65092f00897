import { sql, type Kysely } from 'kysely';

// Matching at work (issue 11). Every person record gets:
// - the organisation that holds it (a case's, or the importing staff member's): staff only ever
//   search, match and merge their own organisation's records (docs/matching.md);
// - where it came from (a case, an imported list, a tip);
// - search keys computed by the linkage engine's normalisers (any script, transliteration,
//   diminutives, feminine forms), filled and kept current by the people domain
//   (`keys_version`: a row with an older version is computed again);
// - the cluster it belongs to (null: alone): a merge never deletes a record, it moves records
//   between clusters and can be undone;
// - its status derived from its own timeline, for the search filter;
// - the penal colony and mobilisation wave that cohorts need;
// - its place in the linkage index (`linkage_seq`): null until the record was scored against the
//   others (a corrected record goes back to null and is scored again).
// Existing persons take their organisation from their case; keys are filled by the next run of
// the matching job.

const TEXT_COLUMNS = [
  'organisation_id',
  'cluster_id',
  'status',
  'surname_nk',
  'surname_gl',
  'surname_phon',
  'given_canon',
  'patronymic_gl',
  'unit_number_key',
  'unit_formation_key',
  'colony',
  'colony_key',
  'mobilisation_wave',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of TEXT_COLUMNS) await db.schema.alterTable('persons').addColumn(column, 'text').execute();
  await db.schema
    .alterTable('persons')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('case'))
    .execute();
  await db.schema.alterTable('persons').addColumn('birth_year', 'integer').execute();
  await db.schema
    .alterTable('persons')
    .addColumn('keys_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('persons').addColumn('linkage_seq', 'integer').execute();

  await sql`UPDATE persons SET organisation_id = (
    SELECT cases.organisation_id FROM cases WHERE cases.person_id = persons.id ORDER BY cases.opened_on LIMIT 1
  )`.execute(db);

  // Every index here slows an import of 100,000 rows: only these. Records still to be scored are
  // found through the last one (a null position), stale keys by one pass after a version bump.
  // Name search: each index starts with the organisation and one key, and carries every other
  // key, the birth year, the region and the id, so a search scores and ranks thousands of
  // namesakes (every Ivanov of a million records) from the index alone and reads only the page's
  // rows from the table.
  const covering = [
    'surname_gl',
    'surname_phon',
    'given_canon',
    'patronymic_gl',
    'surname_nk',
    'birth_year',
    'region_code',
    'id',
  ];
  for (const [name, lead] of [
    ['persons_org_surname', 'surname_gl'],
    ['persons_org_phon', 'surname_phon'],
    ['persons_org_given', 'given_canon'],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('persons')
      .columns(['organisation_id', lead, ...covering.filter((c) => c !== lead)])
      .execute();
  // Most records are alone (no cluster): only the others are indexed.
  await db.schema
    .createIndex('persons_cluster')
    .on('persons')
    .column('cluster_id')
    .where(sql.ref('cluster_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('persons_linkage_seq')
    .on('persons')
    .columns(['organisation_id', 'linkage_seq'])
    .execute();
}

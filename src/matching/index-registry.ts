import type { Queryable } from '../db/database.ts';
import type { ModelParams } from '../linkage/engine/model.ts';
import { indexedRecords } from '../people/person-records.service.ts';
import type { LinkFields, PersonIndex } from './engine-adapter.ts';
import { findModel, saveModel } from './matching.repository.ts';

// One linkage index per organisation per process, kept in memory, built on first use from the
// records already scored (with the organisation's saved model: a restart does not train again)
// and then kept current cheaply: before each use, the records other processes scored since
// ("linkage_seq after the last I know") are added, and a model another process learned from
// review decisions is adopted. No full re-run per new record, ever.

export interface OrgIndex {
  readonly organisationId: string;
  readonly index: PersonIndex;
  /** the highest position in the index order this process has read */
  lastSeq: number;
  /** position each record entered at, as last read or added here */
  readonly seqOf: Map<string, number>;
  modelVersion: number;
}

const PAGE = 20_000;
const registry = new Map<string, Promise<OrgIndex>>();

type IndexedRow = Awaited<ReturnType<typeof indexedRecords>>[number];

export const linkFieldsOf = (r: Omit<LinkFields, 'region_code'> & { region_code: string | null }): LinkFields => ({
  surname: r.surname,
  given_name: r.given_name,
  patronymic: r.patronymic,
  birth_date: r.birth_date,
  region_code: r.region_code,
  unit_number: r.unit_number,
  unit_name: r.unit_name,
});

const loadAll = async (db: Queryable, organisationId: string): Promise<IndexedRow[]> => {
  const rows: IndexedRow[] = [];
  let after = 0;
  for (;;) {
    const page = await indexedRecords(db, organisationId, after, PAGE);
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = Number(page[page.length - 1].linkage_seq);
  }
};

const build = async (db: Queryable, organisationId: string, now: () => string): Promise<OrgIndex> => {
  const rows = await loadAll(db, organisationId);
  // A record corrected since it was scored was re-scored under a new position: keep the latest.
  const latest = new Map<string, IndexedRow>();
  for (const r of rows) latest.set(r.id, r);
  const saved = await findModel(db, organisationId);
  // The engine loads with the first index a process builds (thresholds.ts says why).
  const { PersonIndex } = await import('./engine-adapter.ts');
  const index = PersonIndex.build(
    [...latest.values()].map((r) => ({ id: r.id, fields: linkFieldsOf(r) })),
    saved ? (JSON.parse(saved.params) as ModelParams) : undefined,
  );
  let modelVersion = saved?.version ?? 0;
  // No model yet, or one an older version saved for other comparisons: keep the one just trained.
  if (!saved || !index.savedModelUsed)
    modelVersion = await saveModel(db, {
      organisation_id: organisationId,
      params: JSON.stringify(index.params),
      records: index.size,
      labels: 0,
      updated_at: now(),
    });
  return {
    organisationId,
    index,
    lastSeq: rows.length ? Number(rows[rows.length - 1].linkage_seq) : 0,
    seqOf: new Map([...latest.values()].map((r) => [r.id, Number(r.linkage_seq)])),
    modelVersion,
  };
};

/** Adds what other processes scored since, and their newer model. */
const refresh = async (db: Queryable, idx: OrgIndex): Promise<void> => {
  for (;;) {
    const page = await indexedRecords(db, idx.organisationId, idx.lastSeq, PAGE);
    for (const r of page) {
      const seq = Number(r.linkage_seq);
      if (idx.seqOf.get(r.id) !== seq) {
        idx.index.add(r.id, linkFieldsOf(r));
        idx.seqOf.set(r.id, seq);
      }
      idx.lastSeq = Math.max(idx.lastSeq, seq);
    }
    if (page.length < PAGE) break;
  }
  const saved = await findModel(db, idx.organisationId);
  if (saved && saved.version > idx.modelVersion) {
    idx.index.useParams(JSON.parse(saved.params) as ModelParams);
    idx.modelVersion = saved.version;
  }
  // The prior follows the pool as it grows here too, as in the process that scored the records:
  // else a web process keeps the λ of the pool it started with and scores tips against a
  // likelier match than the job does.
  idx.index.rescale();
};

/** The organisation's index in this process, current with the database. */
export const indexFor = async (db: Queryable, organisationId: string, now: () => string): Promise<OrgIndex> => {
  let entry = registry.get(organisationId);
  if (entry && (await entry).index.outgrown) {
    registry.delete(organisationId);
    entry = undefined;
  }
  if (!entry) {
    entry = build(db, organisationId, now);
    registry.set(organisationId, entry);
    entry.catch(() => registry.delete(organisationId));
  }
  const idx = await entry;
  await refresh(db, idx);
  return idx;
};

/** Drops every index of this process (tests; a database restored from a backup). */
export const forgetIndexes = (): void => registry.clear();

/** Saves a model learned here so other processes and restarts use it. */
export const saveLearnedModel = async (db: Queryable, idx: OrgIndex, labels: number, now: string): Promise<void> => {
  idx.modelVersion = await saveModel(db, {
    organisation_id: idx.organisationId,
    params: JSON.stringify(idx.index.params),
    records: idx.index.size,
    labels,
    updated_at: now,
  });
};

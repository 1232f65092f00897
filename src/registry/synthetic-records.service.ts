import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { isoNow, type Clock } from '../shared/clock.ts';
import type { PartialDate } from '../people/partial-date.ts';
import type { Principal } from '../policy/principal.ts';
import { assertSystemRecords } from '../policy/registry.policy.ts';
import { cellOf, datedColumns, nameColumns } from './public-record.ts';
import type { SourceInput } from './registry.schema.ts';
import { addToCounts, bumpVersion, insertRecords, insertSources, nextSeq } from './registry.repository.ts';
import { forgetVersion } from './registry-version.ts';

// Records that come without a verifier: the synthetic demo (`kintrace demo --persons N`) and the
// benchmarks. The system principal only (src/policy/registry.policy.ts). They go through the same
// tables, tallies and version as published records, marked origin "demo", in batches.

export interface SyntheticRecord {
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_year: number | null;
  region_code: string | null;
  unit_number: string | null;
  unit_name: string | null;
  rank: string | null;
  category: string;
  status: 'dead' | 'missing';
  date: PartialDate | null;
  place: string | null;
  basis: 'official' | 'accepted_alone' | 'two_sources';
  sources: SourceInput[];
}

const BATCH = 500;

export const addSyntheticRecords = async (
  deps: { db: Db; clock: Clock },
  principal: Principal,
  organisationId: string,
  records: SyntheticRecord[],
): Promise<number> => {
  assertSystemRecords(principal);
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    await deps.db.transaction().execute(async (tx) => {
      const now = isoNow(deps.clock);
      await bumpVersion(tx, now);
      let seq = await nextSeq(tx);
      const rows = batch.map((r) => ({
        id: randomUUID(),
        seq: seq++,
        origin: 'demo' as const,
        person_id: null,
        organisation_id: organisationId,
        state: 'published' as const,
        version: 1,
        surname: r.surname,
        given_name: r.given_name,
        patronymic: r.patronymic,
        ...nameColumns(r),
        birth_year: r.birth_year,
        region_code: r.region_code,
        unit_number: r.unit_number,
        unit_name: r.unit_name,
        rank: r.rank,
        category: r.category,
        status: r.status,
        ...datedColumns(r.date),
        event_place: r.place,
        basis: r.basis,
        announced_on: null,
        notice_waiver: null,
        notice_waiver_case: null,
        published_at: now,
        updated_at: now,
        withdrawn_at: null,
        withdraw_reason: null,
      }));
      await insertRecords(tx, rows);
      await insertSources(
        tx,
        rows.flatMap((row, j) =>
          batch[j].sources.map((s, k) => ({
            id: randomUUID(),
            record_id: row.id,
            position: k + 1,
            title: s.title,
            source_date: s.date?.value ?? null,
            source_precision: s.date?.precision ?? null,
            url: s.url,
          })),
        ),
      );
      const cells = new Map<string, ReturnType<typeof cellOf> & { delta: number }>();
      for (const row of rows) {
        const c = cellOf(row);
        const key = `${c.region_code}|${c.category}|${c.period}|${c.status}`;
        const have = cells.get(key);
        if (have) have.delta++;
        else cells.set(key, { ...c, delta: 1 });
      }
      await addToCounts(tx, [...cells.values()]);
    });
  }
  forgetVersion(deps.db);
  return records.length;
};

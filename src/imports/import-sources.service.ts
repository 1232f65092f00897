import type { Queryable } from '../db/database.ts';
import { openText } from '../shared/crypto/index.ts';
import { organisationPrivateKey } from '../accounts/accounts.service.ts';
import type { AuthContext } from '../policy/principal.ts';
import { chunkAad, openImportKey } from './import-keys.ts';
import { findChunk, listRowsOfPersons } from './imports.repository.ts';

// Where a person record that came from a list came from: which list (a source with its name, date
// and kind), which line, and the row's raw values as the file had them (staff only: sealed).

export interface RecordSource {
  personId: string;
  importId: string;
  organisationId: string;
  sourceName: string;
  sourceDate: string | null;
  sourcePrecision: 'year' | 'month' | 'day' | null;
  sourceKind: string;
  line: number;
  recordId: string | null;
}

export const sourcesOfRecords = async (db: Queryable, personIds: string[]): Promise<Map<string, RecordSource>> => {
  const out = new Map<string, RecordSource>();
  for (let i = 0; i < personIds.length; i += 500)
    for (const r of await listRowsOfPersons(db, personIds.slice(i, i + 500)))
      out.set(r.person_id, {
        personId: r.person_id,
        importId: r.import_id,
        organisationId: r.organisation_id,
        sourceName: r.source_name,
        sourceDate: r.source_date,
        sourcePrecision: r.source_date_precision,
        sourceKind: r.source_kind,
        line: r.line,
        recordId: r.record_id,
      });
  return out;
};

/**
 * The raw values of the row a record came from, column by column as in the file, opened with the
 * staff member's organisation key; null when the record did not come from a list of theirs.
 */
export const rawRowOf = async (
  db: Queryable,
  auth: AuthContext,
  personId: string,
): Promise<Array<{ column: string; value: string }> | null> => {
  const [r] = await listRowsOfPersons(db, [personId]);
  if (!r || r.organisation_id !== auth.organisationId) return null;
  const key = openImportKey(r.import_id, r.key_sealed, await organisationPrivateKey(db, auth, r.organisation_id));
  const chunk = await findChunk(db, r.import_id, r.chunk);
  if (!chunk) return null;
  const rows = JSON.parse(openText(key, chunk.data_sealed, chunkAad(r.import_id, r.chunk))) as Record<string, string[]>;
  const values = rows[String(r.line)] ?? [];
  const header = JSON.parse(r.header) as string[];
  return header.map((column, i) => ({ column, value: values[i] ?? '' }));
};

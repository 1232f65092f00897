import type { Generated } from 'kysely';

// Imports of published lists (migration 0021). `*_sealed` columns are AES-256-GCM under the
// import's own key, which is stored only sealed to the organisation's public key (`key_sealed`).

export type ImportState = 'uploaded' | 'running' | 'done' | 'failed';

export interface PersonImportsTable {
  id: string;
  organisation_id: string;
  created_by: string;
  created_at: string;
  source_name: string;
  source_date: string | null;
  source_date_precision: 'year' | 'month' | 'day' | null;
  source_origin: string | null;
  source_kind: string;
  verification: 'reported' | 'corroborated' | 'confirmed';
  /** SHA-256 of the organisation id and the file's bytes */
  file_hash: string;
  file_bytes: number;
  encoding: string;
  /** JSON: the file's column names */
  header: string;
  /** JSON: platform field → column name */
  mapping: string | null;
  state: ImportState;
  total_rows: Generated<number>;
  checked_rows: Generated<number>;
  added_rows: Generated<number>;
  skipped_rows: Generated<number>;
  events_added: Generated<number>;
  error_line: number | null;
  error_key: string | null;
  /** JSON: the error message's parameters (a column name, a limit; never a cell's value) */
  error_params: string | null;
  /** JSON ProblemReport (list-problems.ts): every bad line, the first hundred in full (migration 0026) */
  problems: string | null;
  /** how many lines `problems` counts, for the list of imports (migration 0028) */
  problem_lines: number | null;
  /** JSON WarningReport[]: what was imported otherwise than the list says, with its lines */
  warnings: string | null;
  key_sealed: string;
  heartbeat_at: string | null;
  finished_at: string | null;
}

export interface ImportUploadsTable {
  import_id: string;
  part: number;
  data_sealed: string;
}

export interface ImportRowsTable {
  import_id: string;
  line: number;
  record_id: string | null;
  person_id: string;
  row_hash: string;
  /** the sealed chunk holding the row's raw values */
  chunk: number;
}

/** Raw values of a few hundred rows: JSON { line: values } sealed with the import key. */
export interface ImportChunksTable {
  import_id: string;
  chunk: number;
  data_sealed: string;
}

export interface ImportsTables {
  person_imports: PersonImportsTable;
  import_uploads: ImportUploadsTable;
  import_rows: ImportRowsTable;
  import_chunks: ImportChunksTable;
}

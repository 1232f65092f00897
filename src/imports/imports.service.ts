import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { dayIn, DEFAULT_TIME_ZONE, isoNow, orgDay, type Clock } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { open, seal } from '../shared/crypto/index.ts';
import { lockOrganisation, organisationPrivateKey } from '../accounts/accounts.service.ts';
import { COMMAND_LINE_ROLE, recordAudit } from '../audit/audit.service.ts';
import { insertIncomingRecords, pendingCount } from '../people/person-records.service.ts';
import { formatDay, type PartialDate } from '../people/partial-date.ts';
import { addSourceEvents, statusOfEvents, type SourceEvent } from '../cases/case-links.service.ts';
import type { EventSource } from '../cases/timeline.ts';
import { grantMatchingObject, type MatchingGrant } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { chunkAad, newImportKey, openImportKey, uploadAad } from './import-keys.ts';
import {
  deleteUpload,
  existingRowHashes,
  findDoneByHash,
  findImport,
  insertImport,
  insertChunks,
  insertImportRows,
  insertUploadParts,
  deleteFailedImport,
  listAbandoned,
  listImports,
  listStalled,
  listUploadParts,
  stepImport,
  updateImport,
  type ImportRow,
} from './imports.repository.ts';
import {
  type Encoding,
  ListError,
  MAX_FILE_BYTES,
  decodeList,
  detectEncoding,
  readHeader,
  readList,
} from './list-format.ts';
import { checkList, type CheckedList } from './list-check.ts';
import type { ProblemReport, WarningReport } from './list-problems.ts';
import type { ImportState } from './imports.table.ts';
import { checkMapping, guessMapping, isPlatformHeader, type Mapping } from './row-rules.ts';

// Imports of published lists: an obituary roundup, a rights group's spreadsheet, a list of
// prisoners returned in an exchange, court claims to declare servicemen missing or dead. The list
// becomes a source (name, date, where it came from, its kind and the verification level its
// events get); each row becomes a person record of the importing organisation — no case, no
// family: what the organisation knows from lists — keeping its raw values sealed, and, with a
// status or a date of death, an event from that source. All or nothing per file: the whole list
// is read and checked first (list-check.ts), every bad line noted, and only a list without a
// single bad row is written, in one transaction. A row already imported (same organisation, same
// values) is skipped, so importing a file twice adds nothing. A failed import stays listed, marked
// failed with its lines, until the corrected file is uploaded in its place (`again`).

export interface ImportsDeps {
  db: Db;
  clock: Clock;
  /** the organisation's calendar (TIME_ZONE): the day a list was imported on, what "today" is */
  config?: { timeZone?: string };
  log?: { error(obj: object, msg: string): void };
}

export interface ListMeta {
  sourceName: string;
  sourceDate?: PartialDate;
  sourceOrigin?: string;
  sourceKind: EventSource;
  verification: 'reported' | 'corroborated' | 'confirmed';
}

export interface ImportOutcome {
  state: 'done' | 'failed';
  total: number;
  added: number;
  skipped: number;
  events: number;
  /** the first problem (the whole file's, or its first bad line's) */
  error: { line: number; key: string; params: Record<string, string | number> } | null;
  /** every bad line (the first hundred in full); null when the file could not be read as a list at all */
  problems: ProblemReport | null;
  warnings: WarningReport[];
}

/** An outcome before any row is read (a run's start; a file imported already). */
const emptyOutcome = (state: ImportOutcome['state']): ImportOutcome => ({
  state,
  total: 0,
  added: 0,
  skipped: 0,
  events: 0,
  error: null,
  problems: null,
  warnings: [],
});

/** What a run needs; the key and the bytes live only in this process's memory. */
interface RunJob {
  importId: string;
  organisationId: string;
  actor: { userId: string; role: string };
  key: Buffer;
  bytes: Uint8Array;
  encoding: Encoding;
  mapping: Mapping;
  meta: ListMeta;
}

/** Told how far a run is; the run waits for what it returns (a caller may hold it there). */
export type Progress = (phase: 'checking' | 'writing', done: number, total: number) => void | Promise<void>;

const PART_BYTES = 1 << 20;
/** Rows whose raw values are sealed together (a record page opens one chunk, about 60 KB). */
const CHUNK_ROWS = 256;
const HEARTBEAT_MS = 2000;

const fileHash = (organisationId: string, bytes: Uint8Array): string =>
  createHash('sha256').update(organisationId).update('\u0001').update(bytes).digest('hex');

const rowHash = (organisationId: string, values: string[]): string =>
  createHash('sha256').update(organisationId).update('\u0001').update(JSON.stringify(values)).digest('hex');

const listErrorOf = (err: unknown): ImportOutcome['error'] => {
  if (err instanceof ListError) return { line: err.line, key: err.key, params: err.params };
  return null;
};

/** Raised inside the run when the check found bad lines: nothing is written, they are recorded. */
class BadLines extends Error {
  constructor(readonly checked: CheckedList) {
    super('bad lines');
  }
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads, checks and writes one list. Everything before the final transaction only reads: a bad
 * row anywhere means nothing of the file is written, and the import says every bad line and why.
 */
const runList = async (deps: ImportsDeps, job: RunJob, progress?: Progress): Promise<ImportOutcome> => {
  const now = isoNow(deps.clock);
  const outcome = emptyOutcome('failed');
  let lastBeat = Date.now();
  const beat = async (patch: Parameters<typeof updateImport>[2]) => {
    if (Date.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = Date.now();
    await updateImport(deps.db, job.importId, { ...patch, heartbeat_at: isoNow(deps.clock) });
  };
  try {
    const text = decodeList(job.bytes, job.encoding);
    const ctx = {
      today: orgDay(deps),
      sourceDate: job.meta.sourceDate ?? null,
      verification: job.meta.verification,
    };
    let counted = false;
    const checked = await checkList(text, job.mapping, ctx, {
      hash: (values) => rowHash(job.organisationId, values),
      step: async (done, total) => {
        // The list's total (its rows and the lines that are none), written once at the first
        // step: from then on the page shows how far the check is.
        if (!counted) {
          counted = true;
          await updateImport(deps.db, job.importId, { total_rows: total, heartbeat_at: isoNow(deps.clock) });
        }
        await progress?.('checking', done, total);
        await beat({ checked_rows: done });
        await yieldToOthers();
      },
    });
    outcome.total = checked.total;
    outcome.warnings = checked.warnings;
    await updateImport(deps.db, job.importId, { checked_rows: checked.total, heartbeat_at: isoNow(deps.clock) });
    if (checked.problems.lines > 0) throw new BadLines(checked);
    const read = checked.rows;
    // Rows this organisation already has (an earlier import of the same list, or of an overlapping
    // one), and repeats inside this file, add nothing.
    const known = await existingRowHashes(
      deps.db,
      read.map((r) => r.hash),
    );
    const fresh = read.filter((r) => {
      if (known.has(r.hash)) return false;
      known.add(r.hash);
      return true;
    });
    outcome.skipped = read.length - fresh.length;
    const sourceKind = job.meta.sourceKind;
    const people = fresh.map((r) => {
      const events = r.events.map((e) => ({
        id: '',
        personId: '',
        caseId: null,
        kind: e.kind,
        date: e.date,
        place: null,
        source: sourceKind,
        verification: job.meta.verification,
        createdOn: now,
      }));
      const status = events.length ? statusOfEvents(events) : null;
      return { ...r.person, status: status === 'unknown' ? null : status };
    });
    const chunks: Array<{ import_id: string; chunk: number; data_sealed: string }> = [];
    for (let c = 0; c * CHUNK_ROWS < fresh.length; c++) {
      const part = fresh.slice(c * CHUNK_ROWS, (c + 1) * CHUNK_ROWS);
      const data = JSON.stringify(Object.fromEntries(part.map((r) => [r.line, r.values])));
      chunks.push({ import_id: job.importId, chunk: c, data_sealed: seal(job.key, data, chunkAad(job.importId, c)) });
    }
    await progress?.('writing', 0, fresh.length);
    await deps.db.transaction().execute(async (tx) => {
      // The run's row first, still running: from here until the commit the imports job of any
      // process waits for this write (PostgreSQL: the row's lock; SQLite: the write lock) and then
      // finds it done, however long the write and however old the heartbeat. `running` knows
      // only this process's runs, and `kintrace import` runs in its own. Closed as stalled
      // meanwhile: nothing is written.
      if (!(await stepImport(tx, job.importId, ['running'], { heartbeat_at: isoNow(deps.clock) })))
        throw new ListError(0, 'imports.errors.interrupted');
      const ids = await insertIncomingRecords(tx, job.organisationId, 'import', people, now);
      await insertChunks(tx, chunks);
      await insertImportRows(
        tx,
        fresh.map((r, i) => ({
          import_id: job.importId,
          line: r.line,
          record_id: r.recordId,
          person_id: ids[i],
          row_hash: r.hash,
          chunk: Math.floor(i / CHUNK_ROWS),
        })),
      );
      const events: SourceEvent[] = fresh.flatMap((r, i) =>
        r.events.map((e) => ({
          personId: ids[i],
          kind: e.kind,
          date: e.date,
          source: sourceKind,
          verification: job.meta.verification,
          verifiedBy: job.actor.userId,
        })),
      );
      outcome.events = await addSourceEvents(tx, events, now, orgDay(deps));
      outcome.added = fresh.length;
      const done = await stepImport(tx, job.importId, ['running'], {
        state: 'done',
        added_rows: outcome.added,
        skipped_rows: outcome.skipped,
        events_added: outcome.events,
        warnings: outcome.warnings.length ? JSON.stringify(outcome.warnings) : null,
        finished_at: isoNow(deps.clock),
        heartbeat_at: isoNow(deps.clock),
      });
      // Claimed above: still running (a failure here is a bug, and writes nothing).
      if (!done) throw new ListError(0, 'imports.errors.interrupted');
    });
    await progress?.('writing', fresh.length, fresh.length);
    outcome.state = 'done';
  } catch (err) {
    if (err instanceof BadLines) {
      outcome.problems = err.checked.problems;
      const first = err.checked.problems.shown[0];
      outcome.error = { line: first.line, key: first.problems[0].key, params: first.problems[0].params };
    } else outcome.error = listErrorOf(err);
    if (!outcome.error) {
      deps.log?.error({ err: err instanceof Error ? err.message : String(err) }, 'import failed');
      outcome.error = { line: 0, key: 'imports.errors.failed', params: {} };
    }
    outcome.added = 0;
    outcome.events = 0;
    await stepImport(deps.db, job.importId, ['running'], {
      state: 'failed',
      error_line: outcome.error.line || null,
      error_key: outcome.error.key,
      error_params: JSON.stringify(outcome.error.params),
      problems: outcome.problems ? JSON.stringify(outcome.problems) : null,
      problem_lines: outcome.problems?.lines ?? null,
      warnings: outcome.warnings.length ? JSON.stringify(outcome.warnings) : null,
      finished_at: isoNow(deps.clock),
    });
  } finally {
    await deleteUpload(deps.db, job.importId);
  }
  return outcome;
};

// ---- runs in this process ---------------------------------------------------------------------

/**
 * Every run this process is executing, started from the web or the command line: alive whatever
 * its heartbeat says (a long step can leave it old), so this process's imports job never closes
 * them as interrupted; tests wait on a web run's promise. A run of another process (`kintrace
 * import` beside the server) is known only by its heartbeat, and by the claim its write makes on
 * its row (runList).
 */
const running = new Map<string, Promise<ImportOutcome>>();

/** The run of an import this process is executing, if one is going (tests wait on it). */
export const runningImport = (importId: string): Promise<ImportOutcome> | undefined => running.get(importId);

const execute = (deps: ImportsDeps, job: RunJob, progress?: Progress): Promise<ImportOutcome> => {
  const run = runList(deps, job, progress).finally(() => running.delete(job.importId));
  running.set(job.importId, run);
  return run;
};

const launch = (deps: ImportsDeps, job: RunJob, progress?: Progress): void => {
  const run = execute(deps, job, progress);
  run.catch((err: unknown) => deps.log?.error({ err: String(err) }, 'import run failed'));
};

const metaColumns = (meta: ListMeta) => ({
  source_name: meta.sourceName,
  source_date: meta.sourceDate?.value ?? null,
  source_date_precision: meta.sourceDate?.precision ?? null,
  source_origin: meta.sourceOrigin ?? null,
  source_kind: meta.sourceKind,
  verification: meta.verification,
});

/** Whether the holder may give the list's events this level (as for events: a caseworker corroborates at most). */
const checkLevel = (grant: MatchingGrant, level: ListMeta['verification']): void => {
  const role = grant.auth.role === 'site_admin' ? 'org_admin' : grant.auth.role;
  if (level === 'confirmed' && role === 'caseworker')
    throw new Invalid({ field: 'verification', key: 'cases.errors.levelNotAllowed' });
};

const readUploadHeader = (bytes: Uint8Array): { encoding: Encoding; header: string[] } => {
  if (bytes.length > MAX_FILE_BYTES)
    throw new Invalid({ field: 'file', key: 'imports.errors.tooLarge', params: { max: MAX_FILE_BYTES / 1048576 } });
  try {
    const encoding = detectEncoding(bytes);
    return { encoding, header: readHeader(decodeList(bytes, encoding)).header };
  } catch (err) {
    if (err instanceof ListError) throw new Invalid({ field: 'file', key: err.key, params: err.params });
    throw err;
  }
};

/** The day a list was imported, on the organisation's calendar (as the list of imports shows it). */
const importedOn = (deps: Pick<ImportsDeps, 'config'>, createdAt: string): string =>
  dayIn(createdAt, deps.config?.timeZone ?? DEFAULT_TIME_ZONE);

const checkNotImported = async (deps: ImportsDeps, organisationId: string, hash: string): Promise<void> => {
  const done = await findDoneByHash(deps.db, organisationId, hash);
  if (done)
    throw new Invalid({
      field: 'file',
      key: 'imports.errors.alreadyImported',
      // On the form, the day as every date on the pages reads (07.12.2026), not 2026-12-07.
      params: { name: done.source_name, date: formatDay(importedOn(deps, done.created_at)) },
    });
};

/**
 * The columns of a corrected file, as they were chosen for the one it replaces: all of them when
 * the new file has every column chosen before, else those it has, over the guess.
 */
const carriedMapping = (before: ImportRow | null, header: string[]): Mapping | null => {
  if (!before?.mapping) return null;
  const chosen = Object.entries(JSON.parse(before.mapping) as Mapping);
  const kept = Object.fromEntries(chosen.filter(([, column]) => column && header.includes(column))) as Mapping;
  return Object.keys(kept).length === chosen.length ? kept : { ...guessMapping(header), ...kept };
};

/**
 * A staff member uploads a list. The file waits sealed until it is imported; a list with the
 * platform's own header starts at once, any other (or one whose columns need a decision) goes to
 * the mapping form first. `again`: the failed import this file corrects — its columns are chosen
 * as before, and it leaves the list of imports (it wrote nothing; this one says what is wrong now).
 */
export const uploadList = async (
  deps: ImportsDeps,
  grant: MatchingGrant<'import'>,
  meta: ListMeta,
  bytes: Uint8Array,
  opts: { again?: string } = {},
): Promise<{ importId: string; started: boolean }> => {
  checkLevel(grant, meta.verification);
  const before = opts.again ? await ownImport(deps, grant, opts.again) : null;
  const { encoding, header } = readUploadHeader(bytes);
  const hash = fileHash(grant.organisationId, bytes);
  await checkNotImported(deps, grant.organisationId, hash);
  const mapping = carriedMapping(before, header);
  const importId = randomUUID();
  const at = isoNow(deps.clock);
  let key: Buffer | null = null;
  await deps.db.transaction().execute(async (tx) => {
    const orgKey = await lockOrganisation(tx, grant.organisationId, 'share');
    const made = newImportKey(importId, orgKey);
    key = made.key;
    await insertImport(tx, {
      id: importId,
      organisation_id: grant.organisationId,
      created_by: grant.auth.userId,
      created_at: at,
      ...metaColumns(meta),
      file_hash: hash,
      file_bytes: bytes.length,
      encoding,
      header: JSON.stringify(header),
      mapping: mapping ? JSON.stringify(mapping) : null,
      state: 'uploaded',
      key_sealed: made.sealed,
    });
    if (before?.state === 'failed') await deleteFailedImport(tx, before.id, grant.organisationId);
    const parts: string[] = [];
    for (let p = 0; p * PART_BYTES < bytes.length; p++)
      parts.push(
        seal(made.key, Buffer.from(bytes.subarray(p * PART_BYTES, (p + 1) * PART_BYTES)), uploadAad(importId, p)),
      );
    await insertUploadParts(tx, importId, parts);
  });
  const guess = guessMapping(header);
  if (!isPlatformHeader(header) || checkMapping(guess, header).length > 0) return { importId, started: false };
  await begin(deps, grant, importId, guess, { key: key!, bytes });
  return { importId, started: true };
};

/** The grant for one import of one's own organisation, or NotFound. */
export const authoriseImport = async (db: Queryable, principal: Principal, importId: string) =>
  grantMatchingObject(principal, (await findImport(db, importId))?.organisation_id, 'import');

const ownImport = async (deps: ImportsDeps, grant: MatchingGrant<'import'>, importId: string): Promise<ImportRow> => {
  const row = await findImport(deps.db, importId);
  if (!row || row.organisation_id !== grant.organisationId) throw new NotFound('import');
  return row;
};

const openUpload = async (deps: ImportsDeps, grant: MatchingGrant<'import'>, row: ImportRow) => {
  const key = openImportKey(
    row.id,
    row.key_sealed,
    await organisationPrivateKey(deps.db, grant.auth, row.organisation_id),
  );
  const parts = await listUploadParts(deps.db, row.id);
  if (parts.length === 0) throw new NotFound('upload');
  return { key, bytes: new Uint8Array(Buffer.concat(parts.map((p, i) => open(key, p, uploadAad(row.id, i))))) };
};

export interface MappingForm {
  importRow: ImportView;
  header: string[];
  mapping: Mapping;
  /** what is wrong with the columns as guessed (a date of event with no status), said before the click */
  problems: ReturnType<typeof checkMapping>;
  /** the first rows of the file, to see which column is which (and that the letters are right) */
  samples: string[][];
}

/** The mapping form: the file's columns, a guess, and three rows to recognise them by. */
export const mappingForm = async (
  deps: ImportsDeps,
  grant: MatchingGrant<'import'>,
  importId: string,
): Promise<MappingForm> => {
  const row = await ownImport(deps, grant, importId);
  if (row.state !== 'uploaded') throw new NotFound('upload');
  const { bytes } = await openUpload(deps, grant, row);
  const header = JSON.parse(row.header) as string[];
  const text = decodeList(bytes.subarray(0, 200_000), row.encoding as Encoding);
  let samples: string[][] = [];
  try {
    // Only what fits the first 200 KB; a row cut off there is simply not shown.
    samples = readList(text.slice(0, text.lastIndexOf('\n') + 1))
      .rows.slice(0, 3)
      .map((r) => r.values);
  } catch {
    samples = [];
  }
  const mapping = row.mapping ? (JSON.parse(row.mapping) as Mapping) : guessMapping(header);
  return {
    importRow: viewOf(row),
    header,
    mapping,
    // "Choose the surname" is what the form asks anyway; anything else is said at once.
    problems: checkMapping(mapping, header).filter((p) => p.key !== 'imports.errors.needSurname'),
    samples,
  };
};

const begin = async (
  deps: ImportsDeps,
  grant: MatchingGrant<'import'>,
  importId: string,
  mapping: Mapping,
  opened?: { key: Buffer; bytes: Uint8Array },
  progress?: Progress,
): Promise<void> => {
  const row = await ownImport(deps, grant, importId);
  const header = JSON.parse(row.header) as string[];
  const problems = checkMapping(mapping, header);
  if (problems.length) throw new Invalid(problems);
  const { key, bytes } = opened ?? (await openUpload(deps, grant, row));
  const started = await deps.db.transaction().execute(async (tx) => {
    if (
      !(await stepImport(tx, importId, ['uploaded'], {
        state: 'running',
        mapping: JSON.stringify(mapping),
        heartbeat_at: isoNow(deps.clock),
      }))
    )
      return false;
    await recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'import.started',
      // the list: the audit page links to it for those who may open lists
      subjectId: importId,
      at: isoNow(deps.clock),
    });
    return true;
  });
  // A second click on "import" finds the run already going: nothing more to do.
  if (!started) return;
  launch(
    deps,
    {
      importId,
      organisationId: row.organisation_id,
      actor: { userId: grant.auth.userId, role: grant.auth.role },
      key,
      bytes,
      encoding: row.encoding as Encoding,
      mapping,
      meta: {
        sourceName: row.source_name,
        sourceDate:
          row.source_date && row.source_date_precision
            ? { value: row.source_date, precision: row.source_date_precision }
            : undefined,
        sourceKind: row.source_kind as EventSource,
        verification: row.verification,
      },
    },
    progress,
  );
};

/** Starts an uploaded list with the columns mapped in the form; the run goes on in this process. */
export const startImport = (
  deps: ImportsDeps,
  grant: MatchingGrant<'import'>,
  importId: string,
  mapping: Mapping,
  opts: { progress?: Progress } = {},
) => begin(deps, grant, importId, mapping, undefined, opts.progress);

export interface ImportView {
  id: string;
  sourceName: string;
  sourceDate: string | null;
  sourcePrecision: 'year' | 'month' | 'day' | null;
  sourceOrigin: string | null;
  sourceKind: string;
  verification: string;
  state: ImportRow['state'];
  createdAt: string;
  totalRows: number;
  checkedRows: number;
  addedRows: number;
  skippedRows: number;
  eventsAdded: number;
  error: ImportOutcome['error'];
  problems: ProblemReport | null;
  warnings: WarningReport[];
  encoding: string;
  finishedAt: string | null;
}

const viewOf = (r: ImportRow): ImportView => ({
  id: r.id,
  sourceName: r.source_name,
  sourceDate: r.source_date,
  sourcePrecision: r.source_date_precision,
  sourceOrigin: r.source_origin,
  sourceKind: r.source_kind,
  verification: r.verification,
  state: r.state,
  createdAt: r.created_at,
  totalRows: r.total_rows,
  checkedRows: r.checked_rows,
  addedRows: r.added_rows,
  skippedRows: r.skipped_rows,
  eventsAdded: r.events_added,
  error: r.error_key ? { line: r.error_line ?? 0, key: r.error_key, params: JSON.parse(r.error_params ?? '{}') } : null,
  problems: r.problems ? (JSON.parse(r.problems) as ProblemReport) : null,
  warnings: r.warnings ? (JSON.parse(r.warnings) as WarningReport[]) : [],
  encoding: r.encoding,
  finishedAt: r.finished_at,
});

/** One import's state for its page; `waiting` counts the organisation's records not yet compared. */
export const importStatus = async (deps: ImportsDeps, grant: MatchingGrant<'import'>, importId: string) => {
  const row = await ownImport(deps, grant, importId);
  return { view: viewOf(row), waiting: row.state === 'done' ? await pendingCount(deps.db, grant.organisationId) : 0 };
};

/**
 * The failed import a corrected file replaces, for the upload form (`?again=`): read once, and
 * NotFound unless it is of the principal's organisation.
 */
export const importToCorrect = async (
  deps: ImportsDeps,
  principal: Principal,
  importId: string,
): Promise<ImportView> => {
  const row = await findImport(deps.db, importId);
  grantMatchingObject(principal, row?.organisation_id, 'import');
  return viewOf(row!);
};

/** An import as the list shows it: how many lines are bad, not which. */
export interface ImportListItem {
  id: string;
  sourceName: string;
  sourceDate: string | null;
  sourcePrecision: 'year' | 'month' | 'day' | null;
  state: ImportRow['state'];
  createdAt: string;
  addedRows: number;
  /** how many lines are bad, when the import failed on its lines */
  problemLines: number | null;
}

export const importsOf = async (deps: ImportsDeps, grant: MatchingGrant<'import'>): Promise<ImportListItem[]> =>
  (await listImports(deps.db, grant.organisationId, 100)).map((r) => ({
    id: r.id,
    sourceName: r.source_name,
    sourceDate: r.source_date,
    sourcePrecision: r.source_date_precision,
    state: r.state,
    createdAt: r.created_at,
    addedRows: r.added_rows,
    problemLines: r.problem_lines,
  }));

// ---- the command line -----------------------------------------------------------------------

/**
 * `kintrace import persons FILE.csv`: the operator imports for an organisation, with the same
 * checks; the run happens here with a progress bar instead of in a server process.
 */
export const importForOrganisation = async (
  deps: ImportsDeps,
  principal: Principal,
  organisation: { id: string; publicKey: string },
  meta: ListMeta,
  bytes: Uint8Array,
  opts: { mapping?: Mapping; progress?: Progress } = {},
): Promise<ImportOutcome & { importId: string | null; alreadyImported: { name: string; date: string } | null }> => {
  if (principal.kind !== 'system' || (principal.task !== 'import' && principal.task !== 'admin_cli'))
    throw new NotFound('import');
  const { encoding, header } = readUploadHeader(bytes);
  const hash = fileHash(organisation.id, bytes);
  const done = await findDoneByHash(deps.db, organisation.id, hash);
  if (done)
    return {
      ...emptyOutcome('done'),
      importId: null,
      alreadyImported: { name: done.source_name, date: importedOn(deps, done.created_at) },
    };
  const mapping = opts.mapping ?? guessMapping(header);
  const problems = checkMapping(mapping, header);
  if (problems.length) throw new Invalid(problems);
  const importId = randomUUID();
  const at = isoNow(deps.clock);
  let key: Buffer | null = null;
  await deps.db.transaction().execute(async (tx) => {
    const made = newImportKey(importId, await lockOrganisation(tx, organisation.id, 'share'));
    key = made.key;
    await insertImport(tx, {
      id: importId,
      organisation_id: organisation.id,
      created_by: 'system',
      created_at: at,
      ...metaColumns(meta),
      file_hash: hash,
      file_bytes: bytes.length,
      encoding,
      header: JSON.stringify(header),
      mapping: JSON.stringify(mapping),
      state: 'running',
      key_sealed: made.sealed,
      heartbeat_at: at,
    });
    await recordAudit(tx, {
      actorUserId: 'system',
      actorRole: COMMAND_LINE_ROLE,
      organisationId: organisation.id,
      action: 'import.started',
      subjectId: importId,
      at,
    });
  });
  const outcome = await execute(
    deps,
    {
      importId,
      organisationId: organisation.id,
      actor: { userId: 'system', role: 'system' },
      key: key!,
      bytes,
      encoding,
      mapping,
      meta,
    },
    opts.progress,
  );
  return { ...outcome, importId, alreadyImported: null };
};

/**
 * The imports job: a run left running by a process that stopped (its heartbeat old, and not one
 * this process is executing) is marked failed; abandoned uploads are deleted. The counts are of
 * what this call closed: not a run still going here, nor one that ended or was started meanwhile.
 */
export const maintainImports = async (deps: ImportsDeps): Promise<{ stalled: number; abandoned: number }> => {
  const now = deps.clock.now().getTime();
  const finishedAt = new Date(now).toISOString();
  /** Marks these runs failed if still in `from` and deletes their uploads; how many it closed. */
  const close = async (ids: string[], from: ImportState, errorKey: string): Promise<number> => {
    let closed = 0;
    for (const id of ids) {
      const step = { state: 'failed' as const, error_key: errorKey, error_params: '{}', finished_at: finishedAt };
      if (!(await stepImport(deps.db, id, [from], step))) continue;
      closed++;
      await deleteUpload(deps.db, id);
    }
    return closed;
  };
  const stalled = (await listStalled(deps.db, new Date(now - 10 * 60_000).toISOString())).map((s) => s.id);
  const closedStalled = await close(
    stalled.filter((id) => !running.has(id)),
    'running',
    'imports.errors.interrupted',
  );
  const abandoned = (await listAbandoned(deps.db, new Date(now - 24 * 3600_000).toISOString())).map((a) => a.id);
  return { stalled: closedStalled, abandoned: await close(abandoned, 'uploaded', 'imports.errors.abandoned') };
};

import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { orgDay } from '../shared/clock.ts';
import { Invalid, NotFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { openText, seal } from '../shared/crypto/index.ts';
import { mayRemoveFile, type CaseGrant } from '../policy/case.policy.ts';
import { deleteFile, fileHeads, readFile, storeFile, type OpenedFile } from '../evidence/evidence.service.ts';
import type { CleanedFile } from '../evidence/file-rules.ts';
import type { CasesDeps } from './case-deps.ts';
import { fieldAad, openCaseKey } from './case-keys.ts';
import { findEvent } from './cases.repository.ts';
import { auditCase, stepCase, touchActiveCase } from './case-work.service.ts';
import { postNewsFor } from './case-news.service.ts';
import { deleteNewsAbout } from './case-news.repository.ts';
import {
  deleteCaseFile,
  findCaseFile,
  insertCaseFile,
  listCaseFiles,
  nextCaseFileSeq,
} from './case-files.repository.ts';

// Files attached to a case on its own, with a short description: the photo of a notice, a letter
// from the unit, a death notice the caseworker asked her to photograph. They go through the one
// upload pipeline (src/evidence/), as an appeal's scan does: recognised by content, metadata
// (EXIF, GPS, a PDF's author) stripped, sealed under the case key with the case's scope, so the
// family and the organisation's case staff open them and nobody else. Unlike an authority's
// answer, the upload as it came is not kept: a family's own photo carries where she stood when
// she took it, and no verifier needs that. Attaching is adding to the case, as an event is (the
// 'add_event' grant: either side, while the case is active).

export const caseScope = (caseId: string): string => `case:${caseId}`;
const descriptionAad = (caseId: string, id: string) => fieldAad(caseId, `file:${id}:description`);

export interface CaseFileView {
  /** the stored file's id: the download link's */
  id: string;
  description: string;
  fromFamily: boolean;
  /** the staff member's pseudonym, for staff readers (as on messages); null otherwise */
  author: string | null;
  /** the timeline event it documents, if its sender said so */
  eventId: string | null;
  createdOn: string;
  mime: string;
  size: number;
}

/**
 * Stores a cleaned file (cleaned before: a refused file writes nothing) with its description.
 * A family's file hands the next move to the organisation, as her report does.
 */
export const attachFile = async (
  deps: CasesDeps,
  grant: CaseGrant<'add_event'>,
  input: { summary: string; event?: string },
  file: CleanedFile,
): Promise<string> => {
  const key = await openCaseKey(deps.db, grant);
  const id = randomUUID();
  const caseId = grant.caseId;
  const family = grant.side === 'family';
  let fileId = '';
  await deps.db.transaction().execute(async (tx) => {
    const day = orgDay(deps);
    // The state check comes first (and on PostgreSQL locks the case row for the position below).
    if (family) await stepCase(tx, grant, 'family_replied', { last_activity_on: day });
    else await touchActiveCase(tx, caseId, { last_activity_on: day });
    // Only an event of this case: an id from anywhere else is refused as an unknown choice.
    const event = input.event && isUuid(input.event) ? await findEvent(tx, input.event) : undefined;
    if (input.event && event?.case_id !== caseId) throw new Invalid({ field: 'event', key: 'errors.unknownOption' });
    fileId = await storeFile(tx, {
      scope: caseScope(caseId),
      caseId,
      sealing: { kind: 'symmetric', key },
      file,
      keepOriginal: false,
      day,
    });
    await insertCaseFile(tx, {
      id,
      case_id: caseId,
      seq: await nextCaseFileSeq(tx, caseId),
      file_id: fileId,
      description_sealed: seal(key, input.summary, descriptionAad(caseId, id)),
      from_family: family ? 1 : 0,
      author_user_id: family ? null : grant.auth.userId,
      event_id: event ? event.id : null,
      created_on: day,
    });
    await postNewsFor(tx, grant.side, { caseId, kind: 'file_added', refId: fileId, day });
    await auditCase(tx, deps, grant, 'file.added');
  });
  return fileId;
};

type CaseFileRow = Awaited<ReturnType<typeof listCaseFiles>>[number];

/** Rows of one case as the pages show them: each description opened, each file's kind and size read. */
const viewsOf = async (
  q: Queryable,
  caseId: string,
  key: Buffer,
  rows: readonly CaseFileRow[],
  staffNames: ReadonlyMap<string, string>,
): Promise<CaseFileView[]> => {
  const heads = await fileHeads(
    q,
    caseScope(caseId),
    rows.map((r) => r.file_id),
    { kind: 'symmetric', key },
  );
  return rows.flatMap((r) => {
    const head = heads.get(r.file_id);
    if (!head) return [];
    return [
      {
        id: r.file_id,
        description: openText(key, r.description_sealed, descriptionAad(caseId, r.id)),
        fromFamily: r.from_family === 1,
        author: r.author_user_id ? (staffNames.get(r.author_user_id) ?? null) : null,
        eventId: r.event_id,
        createdOn: r.created_on,
        mime: head.mime,
        size: head.size,
      },
    ];
  });
};

/**
 * The files of a case for its page (their descriptions, kinds and sizes; no bytes). `staffNames`
 * (staff readers only, as for messages) names who of the staff attached each.
 */
export const caseFilesOf = async (
  q: Queryable,
  caseId: string,
  key: Buffer,
  staffNames: ReadonlyMap<string, string> = new Map(),
): Promise<CaseFileView[]> => viewsOf(q, caseId, key, await listCaseFiles(q, caseId), staffNames);

/**
 * One attached file's clean copy, for whoever may read the case. A staff member opening it reads
 * the case, and is audited as such.
 */
export const readCaseFile = async (deps: CasesDeps, grant: CaseGrant<'read'>, fileId: string): Promise<OpenedFile> => {
  if (!isUuid(fileId) || !(await findCaseFile(deps.db, grant.caseId, fileId))) throw new NotFound('file');
  const key = await openCaseKey(deps.db, grant);
  const file = await readFile(deps.db, { id: fileId, scope: caseScope(grant.caseId) }, { kind: 'symmetric', key });
  if (grant.side === 'staff') await deps.db.transaction().execute((tx) => auditCase(tx, deps, grant, 'case.read'));
  return file;
};

/**
 * A file its own side may remove (mayRemoveFile), as the confirmation page shows it; NotFound
 * for a file of another case or of the other side, so the page asks nothing it could not do.
 */
export const caseFileToRemove = async (
  deps: CasesDeps,
  grant: CaseGrant<'remove_file'>,
  fileId: string,
): Promise<CaseFileView> => {
  const row = isUuid(fileId) ? await findCaseFile(deps.db, grant.caseId, fileId) : undefined;
  if (!row || !mayRemoveFile(grant, { fromFamily: row.from_family === 1 })) throw new NotFound('file');
  // This file alone: the page names one, so only its description is opened.
  const key = await openCaseKey(deps.db, grant);
  const [view] = await viewsOf(deps.db, grant.caseId, key, [row], new Map());
  if (!view) throw new NotFound('file');
  return view;
};

/**
 * Removes a file its own side attached, while the case is active: the row, the sealed bytes and
 * the other side's news of it go in one transaction. Nothing of it is kept: she removes a photo
 * because it should not be there (her face, a neighbour's address), so no copy may stay behind.
 * The audit keeps only that a file was removed.
 */
export const removeCaseFile = async (
  deps: CasesDeps,
  grant: CaseGrant<'remove_file'>,
  fileId: string,
): Promise<void> => {
  if (!isUuid(fileId)) throw new NotFound('file');
  await deps.db.transaction().execute(async (tx) => {
    const row = await findCaseFile(tx, grant.caseId, fileId);
    if (!row || !mayRemoveFile(grant, { fromFamily: row.from_family === 1 })) throw new NotFound('file');
    // The state check (a closed case keeps its files until retention deletes them all).
    await touchActiveCase(tx, grant.caseId, { last_activity_on: orgDay(deps) });
    await deleteCaseFile(tx, row.id);
    await deleteFile(tx, { id: fileId, scope: caseScope(grant.caseId) });
    await deleteNewsAbout(tx, grant.caseId, 'file_added', fileId);
    await auditCase(tx, deps, grant, 'file.removed');
  });
};

import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { DecryptionFailed, openText, openWith, randomKey, seal, sealTo, open } from '../shared/crypto/index.ts';
import { NotFound } from '../shared/errors.ts';
import { cleanFile, sha256, type CleanedFile, type CleanMime, type SourceMime } from './file-rules.ts';
import {
  deleteFileOfScope,
  deleteFilesOfScope,
  dropOriginal,
  findFile,
  insertFile,
  listFileHeads,
} from './evidence.repository.ts';

// The one upload pipeline. A domain hands over the bytes of an upload and the key its owner seals
// with; it gets back a file id. Every file gets its own random key; the bytes (clean copy, and
// the original when kept) are AES-256-GCM under it, and that key is sealed either with a
// symmetric key (a case key: the family and the organisation's staff open it) or to a public key
// (an organisation's X25519 key: an anonymous tip, which the server itself can then no longer
// read). The scope ("case:<id>", "tip:<id>") is bound into every AAD, so a file moved to another
// owner fails to open. Nothing about a file is in clear but its scope, its day and whether an
// original is kept: its type, size and hashes are sealed too — a hash in clear would let whoever
// holds the same letter (the authority that sent it) find the family that uploaded it.

/** How a new file's key is sealed: with a symmetric key (a case key) or to a public key. */
export type SealingKey = { kind: 'symmetric'; key: Buffer } | { kind: 'public'; publicKey: string };
/** How a stored file's key is opened: the same symmetric key, or the private key of the pair. */
export type OpeningKey = { kind: 'symmetric'; key: Buffer } | { kind: 'private'; privateKey: Buffer };

export interface FileMeta {
  mime: CleanMime;
  sourceMime: SourceMime;
  size: number;
  sha256: string;
  originalSize: number;
  /** SHA-256 of the upload as it came: a verifier checks the kept original against it */
  originalSha256: string;
}

export interface FileHead extends FileMeta {
  id: string;
  hasOriginal: boolean;
  createdOn: string;
}

const keyAad = (scope: string, id: string) => `evidence:${scope}:${id}:key`;
const partAad = (scope: string, id: string, part: 'meta' | 'content' | 'original') => `evidence:${scope}:${id}:${part}`;

const sealBytes = (key: Buffer, data: Buffer, aad: string): Buffer => {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([nonce, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
};

const openBytes = (key: Buffer, sealed: Buffer, aad: string): Buffer => {
  if (sealed.length < 28) throw new DecryptionFailed();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new DecryptionFailed();
  }
};

const wrapFileKey = (sealing: SealingKey, fileKey: Buffer, aad: string): string =>
  sealing.kind === 'symmetric' ? seal(sealing.key, fileKey, aad) : sealTo(sealing.publicKey, fileKey, aad);

const unwrapFileKey = (opening: OpeningKey, wrapped: string, aad: string): Buffer =>
  opening.kind === 'symmetric' ? open(opening.key, wrapped, aad) : openWith(opening.privateKey, wrapped, aad);

export interface StoreInput {
  scope: string;
  /** the case whose key seals the file: a purged case takes its files with it */
  caseId: string | null;
  sealing: SealingKey;
  file: CleanedFile;
  /** keep the upload as it came, sealed, beside the clean copy (evidence a verifier may need) */
  keepOriginal: boolean;
  /** the day of the upload (families' activity is kept to the day) */
  day: string;
}

/** Stores a cleaned file inside the caller's transaction and returns its id. */
export const storeFile = async (tx: Queryable, input: StoreInput): Promise<string> => {
  const id = randomUUID();
  const fileKey = randomKey();
  const { scope, file } = input;
  const meta: FileMeta = {
    mime: file.mime,
    sourceMime: file.sourceMime,
    size: file.bytes.length,
    sha256: file.sha256,
    originalSize: file.original.length,
    originalSha256: file.originalSha256,
  };
  await insertFile(tx, {
    id,
    scope,
    case_id: input.caseId,
    key_wrapped: wrapFileKey(input.sealing, fileKey, keyAad(scope, id)),
    meta_sealed: seal(fileKey, JSON.stringify(meta), partAad(scope, id, 'meta')),
    content: sealBytes(fileKey, file.bytes, partAad(scope, id, 'content')),
    original: input.keepOriginal ? sealBytes(fileKey, file.original, partAad(scope, id, 'original')) : null,
    has_original: input.keepOriginal ? 1 : 0,
    created_on: input.day.slice(0, 10),
  });
  return id;
};

/** Cleans an upload (throws Invalid for anything refused) — call before opening the transaction. */
export const prepareUpload = (bytes: Buffer, claimed?: { name?: string; type?: string }): Promise<CleanedFile> =>
  cleanFile(bytes, claimed);

export interface OpenedFile {
  bytes: Buffer;
  mime: string;
  /** a neutral download name: never the uploader's own file name */
  filename: string;
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
  'image/heic': 'heic',
};

/**
 * A stored file's bytes: the clean copy, or the kept original (for verifiers: the caller's
 * policy decides who may ask). The original is checked against its recorded hash.
 */
export const readFile = async (
  db: Queryable,
  ref: { id: string; scope: string },
  opening: OpeningKey,
  which: 'clean' | 'original' = 'clean',
): Promise<OpenedFile> => {
  const row = await findFile(db, ref.id, ref.scope, which === 'original');
  if (!row || (which === 'original' && !row.original)) throw new NotFound('file');
  const fileKey = unwrapFileKey(opening, row.key_wrapped, keyAad(ref.scope, ref.id));
  const meta = JSON.parse(openText(fileKey, row.meta_sealed, partAad(ref.scope, ref.id, 'meta'))) as FileMeta;
  if (which === 'original' && row.original) {
    const bytes = openBytes(fileKey, row.original, partAad(ref.scope, ref.id, 'original'));
    if (sha256(bytes) !== meta.originalSha256) throw new DecryptionFailed();
    return { bytes, mime: meta.sourceMime, filename: `original-${ref.id.slice(0, 8)}.${EXT[meta.sourceMime]}` };
  }
  const bytes = openBytes(fileKey, row.content, partAad(ref.scope, ref.id, 'content'));
  return { bytes, mime: meta.mime, filename: `file-${ref.id.slice(0, 8)}.${EXT[meta.mime]}` };
};

/** What lists show about files (type, size, hashes), without their bytes. */
export const fileHeads = async (
  db: Queryable,
  scope: string,
  ids: string[],
  opening: OpeningKey,
): Promise<Map<string, FileHead>> => {
  const out = new Map<string, FileHead>();
  for (const row of await listFileHeads(db, scope, ids)) {
    const fileKey = unwrapFileKey(opening, row.key_wrapped, keyAad(scope, row.id));
    const meta = JSON.parse(openText(fileKey, row.meta_sealed, partAad(scope, row.id, 'meta'))) as FileMeta;
    out.set(row.id, { ...meta, id: row.id, hasOriginal: row.has_original === 1, createdOn: row.created_on });
  }
  return out;
};

/** Deletes one file, bytes and all (secure_delete zeroes its pages on SQLite). */
export const deleteFile = (tx: Queryable, ref: { id: string; scope: string }): Promise<boolean> =>
  deleteFileOfScope(tx, ref.id, ref.scope);

/** Deletes every file of a scope (a tip that is discarded, say); a purged case's go by cascade. */
export const deleteScope = (tx: Queryable, scope: string): Promise<number> => deleteFilesOfScope(tx, scope);

/** Drops a kept original once no verifier needs it; the clean copy stays. */
export const discardOriginal = (tx: Queryable, ref: { id: string; scope: string }): Promise<boolean> =>
  dropOriginal(tx, ref.id, ref.scope);

export { MAX_UPLOAD_BYTES } from './file-rules.ts';

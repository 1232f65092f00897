import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { Invalid, type FieldProblem } from '../shared/errors.ts';
import { MAX_UPLOAD_BYTES } from './file-rules.ts';
import type { OpenedFile } from './evidence.service.ts';

// Uploads over HTTP: multipart parsing with hard limits, turned into a plain form (fields) and at
// most one file's bytes. Whatever goes wrong while reading the body — no boundary, a body cut
// short, too many parts, a file over the limit — is the sender's fault and becomes Invalid (400,
// with a translated message beside the field), never a 500. A file over the limit is drained, not
// kept, so the browser still gets the answer. Forms that upload carry their CSRF token in the
// query string (the body is not read before the check: src/web/security.ts).

export const registerUploads = async (app: FastifyInstance): Promise<void> => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 30, fieldSize: 20_000, parts: 32, headerPairs: 50 },
  });
};

export interface UploadForm {
  fields: Record<string, string>;
  file: { bytes: Buffer; name: string; type: string } | null;
  /**
   * A file refused while reading (over the size limit): not kept, but the fields are still read so
   * the form comes back with what was typed. Report it with parseUploadFields.
   */
  refused: FieldProblem | null;
}

/**
 * The form's fields parsed, and a file refused while reading reported with their problems (one
 * Invalid): a file over the limit no longer loses everything typed beside it.
 */
export const parseUploadFields = <T>(form: UploadForm, parse: (fields: Record<string, string>) => T): T => {
  let parsed: T;
  try {
    parsed = parse(form.fields);
  } catch (err) {
    if (!(err instanceof Invalid) || !form.refused) throw err;
    throw new Invalid([...err.problems, form.refused]);
  }
  if (form.refused) throw new Invalid(form.refused);
  return parsed;
};

const malformed = () => new Invalid({ field: '_form', key: 'errors.badRequest' });

/**
 * Reads a multipart form; a field that is a file but left empty counts as no file, a file over the
 * limit is `refused` (the caller reports it, with the fields kept: parseUploadFields).
 */
export const readUploadForm = async (req: FastifyRequest): Promise<UploadForm> => {
  if (!req.isMultipart()) throw malformed();
  const fields: Record<string, string> = {};
  let file: UploadForm['file'] = null;
  let tooLarge = false;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += chunk.length;
        if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk as Buffer);
      }
      if (part.file.truncated || size > MAX_UPLOAD_BYTES) tooLarge = true;
      else if (size > 0) file = { bytes: Buffer.concat(chunks), name: part.filename ?? '', type: part.mimetype ?? '' };
    }
  } catch (err) {
    // Busboy's own errors (cut short, malformed headers) and the plugin's limit errors.
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) throw new Invalid({ field: 'file', key: 'evidence.errors.tooMany' });
    throw malformed();
  }
  // Drained to the end, so the fields after the file were read too.
  const refused = tooLarge
    ? { field: 'file', key: 'evidence.errors.tooLarge', params: { mb: MAX_UPLOAD_BYTES / 1048576 } }
    : null;
  return { fields, file, refused };
};

/** Sends a stored file as a download: never shown inline, never cached, never sniffed. */
export const sendFile = (reply: FastifyReply, file: OpenedFile): FastifyReply =>
  reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(file.bytes);

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { Invalid } from '../shared/errors.ts';
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
}

const malformed = () => new Invalid({ field: '_form', key: 'errors.badRequest' });

/** Reads a multipart form; a field that is a file but left empty counts as no file. */
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
  if (tooLarge)
    throw new Invalid({ field: 'file', key: 'evidence.errors.tooLarge', params: { mb: MAX_UPLOAD_BYTES / 1048576 } });
  return { fields, file };
};

/** Sends a stored file as a download: never shown inline, never cached, never sniffed. */
export const sendFile = (reply: FastifyReply, file: OpenedFile): FastifyReply =>
  reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(file.bytes);

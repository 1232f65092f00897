import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { BODY_LIMIT_BYTES } from '../shared/body-limit.ts';
import { Invalid, type FieldProblem } from '../shared/errors.ts';
import { MAX_UPLOAD_BYTES, type CleanedFile } from './file-rules.ts';
import { prepareUpload, type OpenedFile } from './evidence.service.ts';
import { multipartParts } from '../web/multipart-token.ts';

// Uploads over HTTP: multipart parsing with hard limits, turned into a plain form (fields) and at
// most one file, which the form's parseWithFile cleans while it parses the fields — the one way
// every form with a file (a tip, an appeal's step) is read. Whatever goes wrong while reading the body — no boundary, a body cut
// short, too many parts, a file over the limit — is the sender's fault and becomes Invalid (400,
// with a translated message beside the field), never a 500. A file over the limit is drained, not
// kept, so the browser still gets the answer. Forms that upload carry their CSRF token as the
// body's first field, read alone before the check (src/web/multipart-token.ts); the rest is read
// here, from that same reader, only once the check passed.

export const registerUploads = async (app: FastifyInstance): Promise<void> => {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    // A field is read far past any text's limit (in bytes: 20 000 here once kept only 10 000
    // Cyrillic characters): the schema refuses what is too long, with everything typed handed
    // back, rather than busboy cutting it silently. A quarter of a plain form's whole body, not
    // all of it: thirty fields of a megabyte each were 30 MB held per anonymous request.
    limits: {
      fileSize: MAX_UPLOAD_BYTES,
      files: 1,
      fields: 30,
      fieldSize: BODY_LIMIT_BYTES / 4,
      parts: 32,
      headerPairs: 50,
    },
  });
};

type UploadedFile = { bytes: Buffer; name: string; type: string };

/**
 * A form as read: what was typed (`fields`, to show again when it comes back) and at most one
 * file, reached only through `parseWithFile` — so no caller can take the file and forget that it
 * was refused, or report its problems apart from the fields'.
 */
export class UploadForm {
  readonly #file: UploadedFile | null;
  /** a file refused while reading (over the size limit): not kept */
  readonly #refused: FieldProblem | null;

  constructor(
    readonly fields: Record<string, string>,
    file: UploadedFile | null,
    refused: FieldProblem | null,
  ) {
    this.#file = file;
    this.#refused = refused;
  }

  /** whether a file was chosen (even one refused): a form that comes back asks for it again */
  get fileChosen(): boolean {
    return this.#file !== null || this.#refused !== null;
  }

  /**
   * The fields parsed and the file cleaned through the one upload pipeline (recognised by
   * content, its metadata dropped). Bad fields, a file over the limit and a file that is not what
   * it says are reported together (one Invalid), so the form is fixed in one go.
   */
  async parseWithFile<T>(
    parse: (fields: Record<string, string>) => T,
  ): Promise<{ input: T; file: CleanedFile | null }> {
    const problems: FieldProblem[] = [];
    const invalid = (err: unknown) => {
      if (!(err instanceof Invalid)) throw err;
      problems.push(...err.problems);
    };
    let input: T | undefined;
    try {
      input = parse(this.fields);
    } catch (err) {
      invalid(err);
    }
    if (this.#refused) problems.push(this.#refused);
    let cleaned: CleanedFile | null = null;
    if (this.#file) {
      try {
        cleaned = await prepareUpload(this.#file.bytes, { name: this.#file.name, type: this.#file.type });
      } catch (err) {
        invalid(err);
      }
    }
    if (problems.length > 0 || input === undefined) {
      // A good file that came with a bad field is not kept either, and a browser cannot put it
      // back: said at the file, or the form went again without it (a witness's photo was lost).
      if (this.#file && !problems.some((p) => p.field === 'file'))
        problems.push({ field: 'file', key: 'evidence.errors.otherField', notice: 'evidence.chooseAgain' });
      throw new Invalid(problems);
    }
    return { input, file: cleaned };
  }
}

const malformed = () => new Invalid({ field: '_form', key: 'errors.badRequest' });

/**
 * Reads a form that may carry a file: multipart, read to its end (a file over the limit is
 * drained, so the fields after it are read too); a field that is a file but left empty counts as
 * no file. `plain: true` also takes a form without any file (url-encoded) as one with no file.
 * `dropFile: true` (a form refused before it was read: form-not-sent.ts) drains a file without
 * holding a byte of it, and only says one was chosen. Use the file through `parseWithFile`.
 */
export const readUploadForm = async (
  req: FastifyRequest,
  opts: { plain?: boolean; dropFile?: boolean } = {},
): Promise<UploadForm> => {
  if (!req.isMultipart()) {
    if (!opts.plain) throw malformed();
    const fields = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    return new UploadForm(fields, null, null);
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let tooLarge = false;
  let dropped = false;
  try {
    for await (const part of multipartParts(req)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += chunk.length;
        if (!opts.dropFile && size <= MAX_UPLOAD_BYTES) chunks.push(chunk as Buffer);
      }
      if (opts.dropFile) dropped ||= size > 0;
      else if (part.file.truncated || size > MAX_UPLOAD_BYTES) tooLarge = true;
      else if (size > 0) file = { bytes: Buffer.concat(chunks), name: part.filename ?? '', type: part.mimetype ?? '' };
    }
  } catch (err) {
    // Busboy's own errors (cut short, malformed headers) and the plugin's limit errors.
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) throw new Invalid({ field: 'file', key: 'evidence.errors.tooMany' });
    throw malformed();
  }
  const refused = tooLarge
    ? { field: 'file', key: 'evidence.errors.tooLarge', params: { mb: MAX_UPLOAD_BYTES / 1048576 } }
    : dropped
      ? { field: 'file', key: 'common.fileAgain' }
      : null;
  return new UploadForm(fields, file, refused);
};

/** Sends a stored file as a download: never shown inline, never cached, never sniffed. */
export const sendFile = (reply: FastifyReply, file: OpenedFile): FastifyReply =>
  reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(file.bytes);

import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';

// A form that may carry a file (multipart) sends its CSRF token in its body, as its first field:
// PostForm writes the hidden `_csrf` input first, and a browser sends a form's fields in the
// order of the page. The security hook reads that one part before the check (readFirstPart) —
// busboy hands a field over once it is read, and a file part as soon as its headers are, before
// any of its bytes — so no file is read, held or stored before the token is known good, and an
// upload is never buffered whole to find its token. Whoever reads the form afterwards gets the
// same parts from the start (multipartParts), the first one included.
//
// The token once rode in the form's action (`?_csrf=…`), so that nothing of the body was read
// before the check; it then sat in the address bar and the history after a refused upload, and
// on the anonymous tip form.

interface Opened {
  /** the part read before the check (null: the body had none, or could not be read) */
  first: Multipart | null;
  /** why the first part could not be read (no boundary, a body cut short): thrown to the reader */
  failed: { error: unknown } | null;
  rest: AsyncIterator<Multipart> | null;
  /** handed to a reader already: the body is read once, and a second reader gets nothing */
  taken: boolean;
}

const opened = new WeakMap<FastifyRequest, Opened>();

/** The request's one reader of its multipart body, with the route's own limits if it names any. */
const open = (req: FastifyRequest): Opened => {
  let o = opened.get(req);
  if (!o) {
    const parts = req.parts(req.routeOptions.config?.multipartOptions);
    o = { first: null, failed: null, rest: parts[Symbol.asyncIterator](), taken: false };
    opened.set(req, o);
  }
  return o;
};

/** Reads the first part of a multipart body, and only it (called before the CSRF check). */
export const readFirstPart = async (req: FastifyRequest): Promise<void> => {
  const o = open(req);
  if (!o.rest || o.first || o.failed) return;
  try {
    const next = await o.rest.next();
    if (next.done) o.rest = null;
    else o.first = next.value;
  } catch (error) {
    o.failed = { error };
    o.rest = null;
  }
};

/** The token a multipart body carries as its first field; a token anywhere else is not looked for. */
export const firstFieldToken = (req: FastifyRequest): string | undefined => {
  const first = opened.get(req)?.first;
  return first?.type === 'field' && first.fieldname === '_csrf' && typeof first.value === 'string'
    ? first.value
    : undefined;
};

/** The body's parts in order, the one read before the check first; read once, then nothing. */
export async function* multipartParts(req: FastifyRequest): AsyncGenerator<Multipart> {
  const o = open(req);
  if (o.taken) return;
  o.taken = true;
  if (o.first) yield o.first;
  if (o.failed) throw o.failed.error;
  const rest = o.rest;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Whether no reader has had the multipart body yet (the route stopped before reading its form). */
export const partsUnread = (req: FastifyRequest): boolean => !opened.get(req)?.taken;

/**
 * After the answer: what is left of a body nobody read to its end (a refusal) is let through to
 * nowhere, as Node does for a body never touched, so the connection stays usable. Once busboy
 * had begun reading, Node left that to it, and a file part nobody read held the upload still.
 */
export const discardUnread = (req: FastifyRequest): void => {
  if (!opened.has(req) || req.raw.readableEnded) return;
  req.raw.unpipe();
  req.raw.resume();
};

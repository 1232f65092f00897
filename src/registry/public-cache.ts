import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';

// Public registry responses (pages for visitors without a session, the API, the downloads' small
// tables) are the same for everyone until the registry changes. Each is rendered once per
// registry version and kept here with its brotli and gzip forms and a strong ETag per form, so a
// request costs one small query (the version) and a buffer copy; a browser or proxy that already
// has it gets 304. A change anywhere bumps the version and every entry goes stale at once.

export interface Representation {
  type: string;
  hash: string;
  bodies: { identity: Buffer; br: Buffer; gzip: Buffer };
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: the smallest the client accepts (q=0 refuses one). */
export const pickEncoding = (acceptEncoding: string | undefined): Encoding => {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
};

export const represent = (body: string | Buffer, type: string): Representation => {
  const identity = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    type,
    hash: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
    bodies: {
      identity,
      // Quality 9: close to the best ratio at a fraction of 11's time; done once per version.
      br: zlib.brotliCompressSync(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
      gzip: zlib.gzipSync(identity, { level: 9 }),
    },
  };
};

/** Pages may be kept a minute by browsers and proxies; they revalidate cheaply with the ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';
/**
 * What names a person (the list, his page, the persons API and file) is asked for again on every
 * view, answered 304 while the registry's version holds: a record withdrawn because it put a
 * family in danger must not be shown from a browser's or a proxy's copy for two more minutes
 * (QA walk).
 */
export const NAMES_CACHE_CONTROL = 'public, no-cache';

/** Sends a representation, or 304 when the client already holds this exact form. */
export const sendRepresentation = (
  req: FastifyRequest,
  reply: FastifyReply,
  rep: Representation,
  opts: { cacheControl?: string; vary?: string } = {},
): FastifyReply => {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const etag = `"${rep.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  reply
    .header('cache-control', opts.cacheControl ?? PUBLIC_CACHE_CONTROL)
    .header('etag', etag)
    .header('vary', opts.vary ?? 'accept-encoding')
    .type(rep.type);
  const match = req.headers['if-none-match'];
  if (match && (match === '*' || match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)))
    return reply.code(304).send();
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(rep.bodies[encoding]);
};

/** Representations of one database's registry, valid for one version; bounded. */
export class PublicCache {
  private version = -1;
  private bytes = 0;
  private readonly entries = new Map<string, Representation>();
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string, version: number): Representation | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    return this.entries.get(key);
  }

  set(key: string, version: number, rep: Representation): void {
    if (version !== this.version) return;
    const size = rep.bodies.identity.length + rep.bodies.br.length + rep.bodies.gzip.length;
    // Many distinct filters (or a crawler paging through everything) could grow it without end:
    // start again when full.
    if (this.bytes + size > this.maxBytes) {
      this.entries.clear();
      this.bytes = 0;
    }
    this.entries.set(key, rep);
    this.bytes += size;
  }
}

const caches = new WeakMap<Db, PublicCache>();

export const publicCacheOf = (db: Db): PublicCache => {
  let c = caches.get(db);
  if (!c) {
    c = new PublicCache();
    caches.set(db, c);
  }
  return c;
};

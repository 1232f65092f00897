import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Static assets under content-hashed URLs (/assets/site.3f2a….css): a changed file gets a new
// URL, so browsers may keep each one for a year without asking again (immutable). Each is read
// and compressed once at start, with the best settings (brotli 11, gzip 9): over Tor on a cheap
// phone every byte counts and the work is done once, not per request.

export interface Asset {
  url: string;
  type: string;
  hash: string;
  /** the file as written, and its compressed forms */
  bodies: { identity: Buffer; br: Buffer; gzip: Buffer };
}

const here = path.dirname(fileURLToPath(import.meta.url));

export const loadAsset = (file: string, type: string): Asset => {
  const identity = fs.readFileSync(path.join(here, 'assets', file));
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  const ext = path.extname(file);
  return {
    url: `/assets/${path.basename(file, ext)}.${hash}${ext}`,
    type,
    hash,
    bodies: {
      identity,
      br: zlib.brotliCompressSync(identity, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
      }),
      gzip: zlib.gzipSync(identity, { level: 9 }),
    },
  };
};

export const STYLESHEET = loadAsset('site.css', 'text/css; charset=utf-8');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The encoding to send: the smallest the browser accepts (q=0 refuses one). */
export const pickEncoding = (acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' => {
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

const serve = (asset: Asset) => (req: FastifyRequest, reply: FastifyReply) => {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  // A strong validator per representation: the br and gzip bodies are different bytes.
  const etag = `"${asset.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  reply.header('cache-control', IMMUTABLE).header('etag', etag).header('vary', 'accept-encoding').type(asset.type);
  const match = req.headers['if-none-match'];
  if (match && (match === '*' || match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)))
    return reply.code(304).send();
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(asset.bodies[encoding]);
};

export const registerAssets = (app: FastifyInstance, assets: Asset[] = [STYLESHEET]): void => {
  // Fastify answers HEAD for every GET route by itself.
  for (const asset of assets) app.get(asset.url, serve(asset));
};

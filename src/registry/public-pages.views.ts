import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { pageContext, type PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import type { z } from 'zod';
import { registryVersion } from './statistics.service.ts';
import { publicCacheOf, represent, sendRepresentation } from './public-cache.ts';

// How the registry's public pages are served. A visitor without a session gets the page every
// such visitor gets: rendered once per registry version, language and URL, kept compressed
// (public-cache.ts) and sent with public caching headers — no session, no CSRF token, nothing
// personal in it. A logged-in visitor gets it rendered for them (their menu), never cached.

/** The page context of a visitor without a session: no token (the page has no form that needs one). */
const anonymousContext = (req: FastifyRequest): PageContext =>
  pageContext(req, { generateCsrf: () => '' } as unknown as FastifyReply);

/** Language, encoding and session all change what a page URL returns. */
const PAGE_VARY = 'accept-encoding, accept-language, cookie';

/**
 * Sends a public page: from the cache for visitors without a session (`key` names everything the
 * page depends on besides the registry's version and the language), rendered fresh otherwise.
 * `build` reads what the page needs and is only called when the page is not in the cache.
 */
export const sendPublicPage = async (
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  build: () => Promise<(ctx: PageContext) => VNode> | ((ctx: PageContext) => VNode),
  cacheControl?: string,
): Promise<FastifyReply> => {
  if (req.auth) return sendPage(req, reply, await build());
  const db = req.server.deps.db;
  const { version } = await registryVersion(db);
  const cache = publicCacheOf(db);
  const fullKey = `page:${req.lang}:${key}`;
  let rep = cache.get(fullKey, version);
  if (!rep) {
    const view = await build();
    rep = represent(`<!doctype html>${renderToString(view(anonymousContext(req)))}`, 'text/html; charset=utf-8');
    cache.set(fullKey, version, rep);
  }
  return sendRepresentation(req, reply, rep, { vary: PAGE_VARY, cacheControl });
};

/**
 * Parses a page's query string with `schema`, keeping only the keys it knows (a page ignores a
 * stray tracking parameter). Returns the values to echo into the filter form and either the parsed
 * query or the field errors.
 */
export const parsePageQuery = <S extends z.ZodType>(
  schema: S,
  known: readonly string[],
  query: unknown,
): { values: FormValues; parsed: z.infer<S> | null; errors: FormErrors } => {
  const raw = (query ?? {}) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  const values: FormValues = {};
  for (const k of known) {
    if (raw[k] === undefined) continue;
    picked[k] = raw[k];
    if (typeof raw[k] === 'string' && k !== 'lang') values[k] = raw[k] as string;
  }
  try {
    return { values, parsed: parseForm(schema, picked), errors: {} };
  } catch (err) {
    if (err instanceof Invalid) return { values, parsed: null, errors: formErrors(err.problems) };
    throw err;
  }
};

/** A cache key for a parsed filter: its defined values in a fixed order. */
export const filterKey = (o: Record<string, unknown>): string =>
  Object.keys(o)
    .filter((k) => k !== 'lang' && o[k] !== undefined && o[k] !== '')
    .sort()
    .map((k) => `${k}=${String(o[k])}`)
    .join('&');

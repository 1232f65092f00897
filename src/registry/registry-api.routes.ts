import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError, Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { principalOf } from '../policy/principal.ts';
import { apiPerson } from './open-data.ts';
import {
  NAMES_CACHE_CONTROL,
  publicCacheOf,
  represent,
  sendRepresentation,
  type Representation,
} from './public-cache.ts';
import { filterKey } from './public-pages.views.ts';
import { isRecordId } from './publication.service.ts';
import { publicRecord, publicRecords } from './registry-read.service.ts';
import { monthsQuery, noFilters, PERSONS_FILTERS, personsQuery, statisticsQuery } from './registry.schema.ts';
import { monthlyStatistics, registryVersion, statistics } from './statistics.service.ts';

// The read-only JSON API (docs/openapi.yaml). Public, no key; answers are cached per registry
// version with an ETag each; CORS is open for GET. A bad request gets 400 with a message naming
// the parameter (unknown filters, malformed values and ids, pages past the last), never a 500.

const here = path.dirname(fileURLToPath(import.meta.url));
const OPENAPI_FILE = path.join(here, '..', '..', 'docs', 'openapi.yaml');

const API_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag',
  'cross-origin-resource-policy': 'cross-origin',
};

/** A 400 whose message names what was wrong (the i18n text, in the request's language). */
class BadRequest extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly problems: Array<{ parameter: string; message: string }> = [],
  ) {
    super(detail);
  }
}

const parseQuery = <S extends z.ZodType>(req: FastifyRequest, schema: S, allowed: readonly string[]): z.infer<S> => {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(query).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw new BadRequest(
      'unknown_parameter',
      req.t('registry.errors.unknownParameters', { names: unknown.join(', '), allowed: allowed.join(', ') }),
      unknown.map((parameter) => ({ parameter, message: 'unknown' })),
    );
  return parseForm(schema, query);
};

/**
 * Every problem in one sentence each: «region: Неизвестный код региона. per_page: …» — joined with
 * «; » the messages' own full stops read «региона.; per_page» (QA walk 5).
 */
const joinedMessage = (problems: Array<{ parameter: string; message: string }>): string =>
  problems
    .map((p) => {
      const m = p.message.trim();
      return `${p.parameter}: ${/[.!?…]$/.test(m) ? m : `${m}.`}`;
    })
    .join(' ');

const json = (body: unknown): Representation => represent(JSON.stringify(body), 'application/json; charset=utf-8');

/** Answers from the cache when this version's answer to this key is there; `make` is called otherwise. */
const cached = async (
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  make: () => Promise<unknown>,
  cacheControl?: string,
) => {
  const db = req.server.deps.db;
  const { version } = await registryVersion(db);
  const cache = publicCacheOf(db);
  let rep = cache.get(`api:${key}`, version);
  if (!rep) {
    rep = json(await make());
    cache.set(`api:${key}`, version, rep);
  }
  reply.headers(API_HEADERS);
  return sendRepresentation(req, reply, rep, { cacheControl });
};

const POPULATION_SOURCE =
  'Rosstat, 2021 All-Russian population census (VPN-2020), vol. 1, table 1; permanent population on 1 October 2021 (data/SOURCES.md)';

export const registryApiRoutes = async (app: FastifyInstance): Promise<void> => {
  const { db } = app.deps;

  // This plugin's own error handler: JSON with the parameter named. Anything else goes on to the
  // app's handler (which never shows a 5xx's details).
  app.setErrorHandler((error, req, reply) => {
    reply.headers(API_HEADERS).header('cache-control', 'no-store');
    if (error instanceof BadRequest)
      return reply.code(400).send({ error: error.code, message: error.detail, problems: error.problems });
    if (error instanceof Invalid) {
      const problems = error.problems.map((p) => ({ parameter: p.field, message: req.t(p.key, p.params ?? {}) }));
      return reply.code(400).send({
        error: 'invalid_parameter',
        message: joinedMessage(problems),
        problems,
      });
    }
    if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'forbidden'))
      return reply.code(404).send({ error: 'not_found', message: req.t('errors.notFound') });
    throw error;
  });

  app.get('/api/v1/persons', async (req, reply) => {
    const q = parseQuery(req, personsQuery, PERSONS_FILTERS);
    return cached(
      req,
      reply,
      `persons?${filterKey(q)}`,
      async () => {
        const page = await publicRecords(db, principalOf(req.auth), q, q.per_page ?? 50);
        return {
          as_of: (await registryVersion(db)).asOf,
          total: page.total,
          page: page.page,
          per_page: page.perPage,
          pages: page.pages,
          persons: page.records.map(apiPerson),
        };
      },
      NAMES_CACHE_CONTROL,
    );
  });

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id', async (req, reply) => {
    parseQuery(req, noFilters, ['lang']);
    if (!isRecordId(req.params.id))
      throw new BadRequest('invalid_id', req.t('registry.errors.badId'), [
        { parameter: 'id', message: req.t('registry.errors.badId') },
      ]);
    const r = await publicRecord(db, principalOf(req.auth), req.params.id);
    return cached(
      req,
      reply,
      `person:${r.id}`,
      async () => ({
        as_of: (await registryVersion(db)).asOf,
        person: apiPerson(r),
      }),
      NAMES_CACHE_CONTROL,
    );
  });

  app.get('/api/v1/statistics/regions', async (req, reply) => {
    const q = parseQuery(req, statisticsQuery, ['category', 'from', 'to', 'lang']);
    return cached(req, reply, `regions?${filterKey(q)}`, async () => {
      const f = await statistics(db, q);
      return {
        as_of: f.asOf,
        filters: { category: q.category ?? null, from: q.from ?? null, to: q.to ?? null },
        population_source: POPULATION_SOURCE,
        regions: f.regions,
        unknown_region: f.unknownRegion,
        totals: f.totals,
      };
    });
  });

  app.get('/api/v1/statistics/months', async (req, reply) => {
    const q = parseQuery(req, monthsQuery, ['category', 'region', 'from', 'to', 'lang']);
    return cached(req, reply, `months?${filterKey(q)}`, async () => {
      const f = await monthlyStatistics(db, q);
      return {
        as_of: f.asOf,
        filters: { category: q.category ?? null, region: q.region ?? null, from: q.from ?? null, to: q.to ?? null },
        months: f.months,
        years_only: f.yearsOnly,
        undated: f.undated,
      };
    });
  });

  const openapi = represent(fs.readFileSync(OPENAPI_FILE), 'application/yaml; charset=utf-8');
  app.get('/api/v1/openapi.yaml', (req, reply) => {
    reply.headers(API_HEADERS);
    return sendRepresentation(req, reply, openapi, { cacheControl: 'public, max-age=3600' });
  });
};

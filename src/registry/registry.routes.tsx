import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { principalOf } from '../policy/principal.ts';
import { sendPage } from '../web/render.ts';
import { formFailure } from '../web/forms.tsx';
import { methodologyHtml } from './methodology.ts';
import {
  categoriesTable,
  monthsTable,
  regionsTable,
  requestsTable,
  tableJson,
  toCsv,
  type OpenTable,
} from './open-data.ts';
import { NAMES_CACHE_CONTROL, publicCacheOf, represent, sendRepresentation } from './public-cache.ts';
import { filterKey, parsePageQuery, sendPublicPage } from './public-pages.views.ts';
import { publicRecord, publicSearch } from './registry-read.service.ts';
import { personsExport } from './exports.service.ts';
import {
  monthsQuery,
  PERSONS_FILTERS,
  personsQuery,
  statisticsPageQuery,
  statisticsQuery,
  type StatisticsQuery,
} from './registry.schema.ts';
import {
  DATA_TABLES,
  DataPage,
  MethodologyPage,
  PersonPage,
  RegistryListPage,
  backToListOf,
  type DataTable,
} from './registry.views.tsx';
import { monthlyStatistics, registryVersion, requestStatistics, statistics } from './statistics.service.ts';
import { StatisticsPage } from './statistics.views.tsx';
import { formatPartialDate } from '../people/partial-date.ts';

// The public registry's pages and downloads: no account needed, nothing personal in them, cached
// per registry version for visitors without a session. Thin: parse, ask one service, render.

/** What a person's page reads of the search it was opened from (the list's filters and page). */
const BACK_FILTERS = ['region', 'category', 'status', 'from', 'to', 'q', 'page'] as const;
const STAT_FILTERS = ['category', 'from', 'to', 'sort', 'lang'] as const;
const DOWNLOAD_HEADERS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

const sendTable = async (
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  format: 'csv' | 'json',
  make: () => Promise<OpenTable>,
) => {
  const db = req.server.deps.db;
  const { version } = await registryVersion(db);
  const cache = publicCacheOf(db);
  const fullKey = `data:${key}.${format}`;
  let rep = cache.get(fullKey, version);
  if (!rep) {
    const t = await make();
    rep =
      format === 'csv'
        ? represent(toCsv(t.columns, t.rows), 'text/csv; charset=utf-8')
        : represent(JSON.stringify(tableJson(t)), 'application/json; charset=utf-8');
    cache.set(fullKey, version, rep);
  }
  reply.headers(DOWNLOAD_HEADERS);
  reply.header('content-disposition', `attachment; filename="kintrace-registry-${key.split('?')[0]}.${format}"`);
  return sendRepresentation(req, reply, rep);
};

export const registryPublicRoutes = async (app: FastifyInstance): Promise<void> => {
  const { db, config } = app.deps;

  app.get('/registry', async (req, reply) => {
    const { values, parsed, errors } = parsePageQuery(personsQuery, PERSONS_FILTERS, req.query);
    const { asOf } = await registryVersion(db);
    if (!parsed)
      return sendPage(
        req,
        reply,
        (ctx) => <RegistryListPage ctx={ctx} result={null} query={{}} values={values} errors={errors} asOf={asOf} />,
        400,
      );
    try {
      return await sendPublicPage(
        req,
        reply,
        `list?${filterKey(parsed)}`,
        async () => {
          const result = await publicSearch(db, principalOf(req.auth), parsed);
          return (ctx) => (
            <RegistryListPage
              ctx={ctx}
              result={result}
              query={parsed}
              values={formValuesOf(parsed)}
              errors={{}}
              asOf={asOf}
            />
          );
        },
        NAMES_CACHE_CONTROL,
      );
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => (
          <RegistryListPage
            ctx={ctx}
            result={null}
            query={parsed}
            values={values}
            errors={failure.errors}
            asOf={asOf}
          />
        ),
        failure.status,
      );
    }
  });

  app.get<{ Params: { id: string } }>('/registry/persons/:id', async (req, reply) => {
    // A malformed or unknown id is "not found" before anything is cached under it.
    const r = await publicRecord(db, principalOf(req.auth), req.params.id);
    // The list she came from, read with the list's own schema: a filter that does not parse (or
    // a stray parameter) only loses the way back, and the link is rebuilt from the parsed values.
    // The list's links always carry at least its page (fromListOf), so an unfiltered list gets
    // its way back too; a page opened from elsewhere (no list parameter at all) gets none.
    const { parsed } = parsePageQuery(personsQuery, BACK_FILTERS, req.query);
    const fromList = parsed !== null && BACK_FILTERS.some((k) => parsed[k] !== undefined);
    const back = fromList ? backToListOf(parsed, r.id) : null;
    return sendPublicPage(
      req,
      reply,
      `person:${r.id}?${back ?? ''}`,
      () => (ctx) => <PersonPage ctx={ctx} r={r} back={back} />,
      NAMES_CACHE_CONTROL,
    );
  });

  app.get('/registry/statistics', async (req, reply) => {
    const { values, parsed, errors } = parsePageQuery(statisticsPageQuery, STAT_FILTERS, req.query);
    if (!parsed) {
      const requests = await requestStatistics(db);
      return sendPage(
        req,
        reply,
        (ctx) => <StatisticsPage ctx={ctx} figures={null} requests={requests} values={values} errors={errors} />,
        400,
      );
    }
    // The order is the page's, the figures are the filter's: one count serves every order.
    const { sort, ...filters } = parsed;
    return sendPublicPage(req, reply, `statistics?${filterKey(parsed)}`, async () => {
      const figures = await statistics(db, filters);
      const requests = await requestStatistics(db);
      return (ctx) => (
        <StatisticsPage
          ctx={ctx}
          figures={figures}
          requests={requests}
          values={formValuesOf(parsed)}
          errors={{}}
          sort={sort}
        />
      );
    });
  });

  app.get('/registry/methodology', (req, reply) =>
    sendPublicPage(req, reply, 'methodology', () => (ctx) => (
      <MethodologyPage
        ctx={ctx}
        html={methodologyHtml(ctx.lang, {
          threshold: config.registrySuppressionThreshold,
          noticeDays: config.registryNoticeDays,
        })}
      />
    )),
  );

  app.get('/registry/data', (req, reply) => sendPublicPage(req, reply, 'data', () => (ctx) => <DataPage ctx={ctx} />));

  app.get<{ Params: { file: string } }>('/registry/data/:file', async (req, reply) => {
    const m = /^([a-z]+)\.(csv|json)$/.exec(req.params.file);
    const table = m?.[1] as DataTable | undefined;
    if (!m || !table || !DATA_TABLES.includes(table)) throw new NotFound('file');
    const format = m[2] as 'csv' | 'json';
    if (table === 'persons') {
      const { version } = await registryVersion(db);
      const etag = `"persons-v${version}-${format}"`;
      reply
        .headers(DOWNLOAD_HEADERS)
        .header('etag', etag)
        .header('cache-control', NAMES_CACHE_CONTROL)
        .header('content-disposition', `attachment; filename="kintrace-registry-persons.${format}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(Readable.from(personsExport(db, principalOf(req.auth), format)));
    }
    if (table === 'months') {
      const q = parseForm(monthsQuery, pick(req.query, ['category', 'region', 'from', 'to']));
      return sendTable(req, reply, `months?${filterKey(q)}`, format, async () =>
        monthsTable(await monthlyStatistics(db, q)),
      );
    }
    if (table === 'requests')
      return sendTable(req, reply, 'requests', format, async () => requestsTable(await requestStatistics(db)));
    const q: StatisticsQuery = parseForm(statisticsQuery, pick(req.query, ['category', 'from', 'to']));
    // Counted inside `make`, after the cache has read the registry's version: counted before it,
    // a change landing in between was cached under the new version with the old figures.
    return sendTable(req, reply, `${table}?${filterKey(q)}`, format, async () => {
      const f = await statistics(db, q);
      return table === 'regions' ? regionsTable(f) : categoriesTable(f);
    });
  });
};

/** A parsed filter as form values: a cached page shows the filter it was made for, not one visitor's typing. */
const formValuesOf = (q: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(q)
      .filter(([k, v]) => k !== 'lang' && k !== 'page' && v !== undefined)
      .map(([k, v]) => [k, k === 'from' || k === 'to' ? formatPartialDate(String(v), 'month') : String(v)]),
  );

const pick = (query: unknown, keys: string[]): Record<string, unknown> => {
  const q = (query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));
};

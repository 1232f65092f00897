import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { localDateTime, zoneName } from '../web/time.ts';
import {
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName, regionOptions } from '../people/regions.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { REGISTRY_STATUSES } from './publication-rules.ts';
import type { PublicRecord } from './public-record.ts';
import type { SearchPage, Similar } from './registry-read.service.ts';
import { REQUEST_KINDS, type PersonsQuery } from './registry.schema.ts';

// The public pages of the registry: the list with its search, one person's record, the form a
// relative uses to ask for a withdrawal or correction, the open data page. All work without
// JavaScript; filters are GET forms, so every view has its own URL.

/**
 * An ISO time as the rest of the site shows times: "02.03.2026 12:00 (Москва, UTC+3)", in the
 * deployment's zone and naming it (the "as of" of every figure, a record's publication). It was
 * the UTC time, and its UTC day, on a site that everywhere else reads Moscow's (QA walk).
 */
export const formatTime = (ctx: PageContext, iso: string | null): string => {
  if (!iso) return '';
  if (iso.length <= 10) return formatDay(iso);
  return `${localDateTime(iso, ctx.timeZone)} (${zoneName(ctx.timeZone, new Date(iso), ctx.lang)})`;
};

export const RegistryLinks = ({ ctx, current }: { ctx: PageContext; current: string }) => {
  const links: Array<[string, string]> = [
    ['/registry', 'registry'],
    ['/registry/statistics', 'statistics'],
    ['/registry/methodology', 'methodology'],
    ['/registry/data', 'data'],
  ];
  // A line of links, not a <nav> list: the base style lays those out in one row that would not wrap.
  return (
    <p class="registry-links">
      {links.map(([href, key], i) => (
        <>
          {i > 0 && ' · '}
          {href === current ? (
            <strong aria-current="page">{ctx.t(`registry.links.${key}`)}</strong>
          ) : (
            <a href={href}>{ctx.t(`registry.links.${key}`)}</a>
          )}
        </>
      ))}
    </p>
  );
};

export const AsOf = ({ ctx, asOf }: { ctx: PageContext; asOf: string | null }) => (
  <p class="muted">{asOf ? ctx.t('registry.asOf', { time: formatTime(ctx, asOf) }) : ctx.t('registry.asOfNever')}</p>
);

export const fullNameOf = (r: Pick<PublicRecord, 'surname' | 'givenName' | 'patronymic'>): string =>
  [r.surname, r.givenName, r.patronymic].filter(Boolean).join(' ');

const dateText = (ctx: PageContext, r: Pick<PublicRecord, 'date'>): string =>
  r.date ? formatPartialDate(r.date.value, r.date.precision) : ctx.t('registry.person.dateUnknown');

const categoryOptions = (ctx: PageContext) =>
  SERVICE_CATEGORIES.map((c) => ({ value: c, label: ctx.t(`registry.categories.${c}`) }));
const statusOptions = (ctx: PageContext) =>
  REGISTRY_STATUSES.map((s) => ({ value: s, label: ctx.t(`registry.statuses.${s}`) }));

/** The search and filter form of the list (GET: the URL says what is shown). */
const Filters = ({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FormErrors }) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <details open={Object.keys(values).some((k) => k !== 'page' && values[k]) || Object.keys(errors).length > 0}>
      <summary>{t('registry.filters.title')}</summary>
      {/* The list opens at its results: with the filters open above them, a phone's first screen
          after «Показать» was the form again, the records a screen and a half below. */}
      <form method="get" action="/registry#results-h">
        <TextField {...f} name="q" label={t('registry.filters.q')} hint={t('registry.filters.qHint')} maxLength={100} />
        <SelectField
          {...f}
          name="region"
          label={t('registry.filters.region')}
          options={regionOptions(ctx.lang)}
          emptyLabel={t('registry.filters.any')}
        />
        <SelectField
          {...f}
          name="category"
          label={t('registry.filters.category')}
          options={categoryOptions(ctx)}
          emptyLabel={t('registry.filters.any')}
        />
        <SelectField
          {...f}
          name="status"
          label={t('registry.filters.status')}
          options={statusOptions(ctx)}
          emptyLabel={t('registry.filters.any')}
        />
        <TextField
          {...f}
          name="from"
          label={t('registry.filters.from')}
          hint={t('registry.filters.periodHint')}
          maxLength={7}
          inputmode="numeric"
        />
        <TextField {...f} name="to" label={t('registry.filters.to')} maxLength={7} inputmode="numeric" />
        <button type="submit">{t('registry.filters.submit')}</button>{' '}
        <a href="/registry">{t('registry.filters.reset')}</a>
      </form>
    </details>
  );
};

/**
 * One line of the list: name, Latin name, birth year, what happened when, region, category, unit.
 * The unit tells apart two men of one name, year and region, as the similar spellings' warning
 * asks her to (QA walk 12: it asked her to compare the unit, and the list did not show it).
 */
const RecordLine = ({ ctx, r, from }: { ctx: PageContext; r: PublicRecord; from: string }) => {
  const unit = [r.unitNumber, r.unitName].filter(Boolean).join(', ');
  return (
    <li id={`r-${r.id}`}>
      <a href={`/registry/persons/${r.id}?${from}`}>{fullNameOf(r)}</a> <span class="muted">({r.nameLatin})</span>
      {r.birthYear && <>, {r.birthYear}</>}
      <br />
      <small>
        {ctx.t(`registry.statuses.${r.status}`)} · {dateText(ctx, r)}
        {r.region && <> · {regionName(r.region, ctx.lang)}</>} · {ctx.t(`registry.categories.${r.category}`)}
        {unit && <> · {ctx.t('registry.unitInLine', { unit })}</>}
      </small>
    </li>
  );
};

/** A search (its filters and page) as a query string: the list's own links and, on a person's
 * link, the way back to the results (only the public filter travels, never anything of the reader). */
const searchOf = (q: PersonsQuery, page: number): string => {
  const params = new URLSearchParams();
  for (const k of ['q', 'region', 'category', 'status', 'from', 'to'] as const) {
    const v = q[k];
    if (v) params.set(k, v);
  }
  if (page > 1) params.set('page', String(page));
  return params.toString();
};

/**
 * The list a person's link was taken from, as its query: the search and always its page, even the
 * first. An unfiltered first page has no search at all, so without the page number the person's
 * page could not tell it was opened from the list (and gave no way back, QA walk 7).
 */
const fromListOf = (q: PersonsQuery, page: number): string => {
  const s = searchOf(q, 1);
  return `${s ? `${s}&` : ''}page=${page}`;
};

/** Where a person's page links back to: the list she came from, at her line. */
export const backToListOf = (q: PersonsQuery, id: string): string => {
  const s = searchOf(q, q.page ?? 1);
  return `/registry${s ? `?${s}` : ''}#r-${id}`;
};

const pageUrl = (q: PersonsQuery, page: number): string => {
  const s = searchOf(q, page);
  return `${s ? `/registry?${s}` : '/registry'}#results-h`;
};

/**
 * Records whose names are only spelt like the one typed, apart from the results under their own
 * heading and a warning: a mother must not take a near name for her son's.
 */
const SimilarSpellings = ({ ctx, similar, from }: { ctx: PageContext; similar: Similar; from: string }) => (
  <section aria-labelledby="similar-h">
    <h3 id="similar-h">{ctx.t('registry.similar.title')}</h3>
    <div class="notice">
      <p>{ctx.t('registry.similar.warning')}</p>
    </div>
    <ul class="records">
      {similar.records.map((r) => (
        <RecordLine ctx={ctx} r={r} from={from} />
      ))}
    </ul>
    {similar.more && <p>{ctx.t('registry.similar.more', { count: similar.records.length })}</p>}
  </section>
);

export const RegistryListPage = ({
  ctx,
  result,
  query,
  values,
  errors,
  asOf,
}: {
  ctx: PageContext;
  result: SearchPage | null;
  query: PersonsQuery;
  values: FormValues;
  errors: FormErrors;
  asOf: string | null;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.title')}>
      <RegistryLinks ctx={ctx} current="/registry" />
      <p>{t('registry.intro')}</p>
      <AsOf ctx={ctx} asOf={asOf} />
      <FormErrorSummary ctx={ctx} errors={errors} />
      <Filters ctx={ctx} values={values} errors={errors} />
      {result && (
        <section aria-labelledby="results-h">
          {/* «Найдено 0 записей» over a list of names read as a contradiction (QA walk 12): with
              similar spellings below, the heading says that none is spelt exactly so. */}
          <h2 id="results-h">
            {result.total === 0 && result.similar?.records.length
              ? t('registry.noneExact')
              : t('registry.count', { count: result.total })}
          </h2>
          {result.records.length === 0 ? (
            !result.similar?.records.length && (
              <>
                <p>{t('registry.none')}</p>
                {/* Nothing spelt alike either: say how else to search by name. */}
                {values.q?.trim() && <p>{t('registry.noneByName')}</p>}
              </>
            )
          ) : (
            <ol class="records" start={(result.page - 1) * result.perPage + 1}>
              {result.records.map((r) => (
                <RecordLine ctx={ctx} r={r} from={fromListOf(query, result.page)} />
              ))}
            </ol>
          )}
          {result.similar && result.similar.records.length > 0 && (
            <SimilarSpellings ctx={ctx} similar={result.similar} from={fromListOf(query, result.page)} />
          )}
          {result.pages > 1 && (
            <nav aria-label={t('registry.page', { page: result.page, pages: result.pages })}>
              <p>
                {result.page > 1 && (
                  <>
                    <a href={pageUrl(query, result.page - 1)} rel="prev">
                      {t('registry.prev')}
                    </a>{' '}
                    ·{' '}
                  </>
                )}
                {t('registry.page', { page: result.page, pages: result.pages })}
                {result.page < result.pages && (
                  <>
                    {' '}
                    ·{' '}
                    <a href={pageUrl(query, result.page + 1)} rel="next">
                      {t('registry.next')}
                    </a>
                  </>
                )}
              </p>
            </nav>
          )}
        </section>
      )}
    </Layout>
  );
};

/** The facts of one record (the public page, and the verifier's preview). */
export const RecordFacts = ({
  ctx,
  r,
}: {
  ctx: PageContext;
  r: Omit<PublicRecord, 'id' | 'publishedAt' | 'updatedAt' | 'corrections'>;
}) => {
  const { t } = ctx;
  const none = t('registry.person.notGiven');
  const unit = [r.unitNumber, r.unitName].filter(Boolean).join(', ');
  return (
    <dl>
      <dt>{t('registry.person.latin')}</dt>
      <dd lang="en">{r.nameLatin}</dd>
      <dt>{t('registry.person.born')}</dt>
      <dd>{r.birthYear ?? none}</dd>
      <dt>{t('registry.person.region')}</dt>
      <dd>{r.region ? regionName(r.region, ctx.lang) : none}</dd>
      <dt>{t('registry.person.unit')}</dt>
      <dd>{unit || none}</dd>
      <dt>{t('registry.person.category')}</dt>
      <dd>{t(`registry.categories.${r.category}`)}</dd>
      <dt>{t('registry.person.rank')}</dt>
      <dd>{r.rank ?? none}</dd>
      <dt>{t('registry.person.status')}</dt>
      <dd>
        <strong>{t(`registry.statuses.${r.status}`)}</strong>
      </dd>
      <dt>{t('registry.person.date')}</dt>
      <dd>
        {dateText(ctx, r)}
        {/* A month or a year alone is said to be all that is known; a whole date needs no note. */}
        {r.date && r.date.precision !== 'day' && <> ({t(`registry.precision.${r.date.precision}`)})</>}
      </dd>
      <dt>{t('registry.person.place')}</dt>
      <dd>{r.place ?? none}</dd>
      <dt>{t('registry.person.basis')}</dt>
      <dd>{t(`registry.bases.${r.basis}`)}</dd>
    </dl>
  );
};

export const SourcesList = ({ ctx, sources }: { ctx: PageContext; sources: PublicRecord['sources'] }) =>
  sources.length === 0 ? (
    <p>{ctx.t('registry.person.noSources')}</p>
  ) : (
    <ul>
      {sources.map((s) => (
        <li>
          {s.url ? (
            <a href={s.url} rel="nofollow noreferrer noopener">
              {s.title}
            </a>
          ) : (
            s.title
          )}
          {s.date && <> ({formatPartialDate(s.date.value, s.date.precision)})</>}
        </li>
      ))}
    </ul>
  );

/**
 * A person's page. `back` is the list she came from (backToListOf: validated by the route with the
 * list's own filter schema, rebuilt from the parsed values, never echoed as typed): the page links
 * back to those results, at this person's line, without JavaScript or the browser's Back button.
 */
export const PersonPage = ({ ctx, r, back }: { ctx: PageContext; r: PublicRecord; back?: string | null }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={fullNameOf(r)}>
      {back && (
        <p>
          <a href={back}>{t('registry.person.backToResults')}</a>
        </p>
      )}
      <RegistryLinks ctx={ctx} current="" />
      <RecordFacts ctx={ctx} r={r} />
      <h2>{t('registry.person.sources')}</h2>
      <SourcesList ctx={ctx} sources={r.sources} />
      {r.corrections.length > 0 && (
        <>
          <h2>{t('registry.person.corrections')}</h2>
          <ul>
            {r.corrections.map((c) => (
              <li>
                {t('registry.person.correctedOn', { date: formatDay(c.on) })}: {c.note}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="muted">
        {t('registry.person.published', {
          date: formatTime(ctx, r.publishedAt),
          updated: formatTime(ctx, r.updatedAt),
        })}
      </p>
      <p>
        {t('registry.person.request')}{' '}
        <a href={`/registry/persons/${r.id}/request`}>{t('registry.person.requestLink')}</a>
      </p>
    </Layout>
  );
};

export const RequestPage = ({
  ctx,
  r,
  values,
  errors,
}: {
  ctx: PageContext;
  r: PublicRecord;
  values: FormValues;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} heading={t('registry.request.title')}>
      <p>{t('registry.request.about', { name: fullNameOf(r) })}</p>
      <p>{t('registry.request.intro')}</p>
      <p>{t('registry.request.codeIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`/registry/persons/${r.id}/request`}>
        <SelectField
          {...f}
          name="kind"
          label={t('registry.request.kind')}
          required
          options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`registry.request.kinds.${k}`) }))}
        />
        <TextArea
          {...f}
          name="message"
          label={t('registry.request.message')}
          hint={t('registry.request.messageHint')}
          required
          maxLength={3000}
          rows={5}
        />
        <TextField
          {...f}
          name="contact"
          label={t('registry.request.contact')}
          hint={t('registry.request.contactHint')}
          maxLength={300}
        />
        <button type="submit">{t('registry.request.submit')}</button>
      </PostForm>
      <p>
        <a href="/registry/request-status">{t('registry.request.haveCode')}</a>
      </p>
      <p>
        <a href={`/registry/persons/${r.id}`}>{t('registry.person.back')}</a>
      </p>
    </Layout>
  );
};

export const DATA_TABLES = ['persons', 'regions', 'months', 'categories', 'requests'] as const;
export type DataTable = (typeof DATA_TABLES)[number];

export const DataPage = ({ ctx }: { ctx: PageContext }) => {
  const { t } = ctx;
  const api = [
    '/api/v1/persons?region=RU-TY&status=dead&page=1&per_page=100',
    '/api/v1/persons/{id}',
    '/api/v1/statistics/regions?category=mobilised&from=2023&to=2024',
    '/api/v1/statistics/months?region=RU-BU',
  ];
  return (
    <Layout ctx={ctx} heading={t('registry.data.title')}>
      <RegistryLinks ctx={ctx} current="/registry/data" />
      <p>{t('registry.data.intro')}</p>
      <h2>{t('registry.data.downloads')}</h2>
      <ul>
        {DATA_TABLES.map((table) => (
          <li>
            {t(`registry.data.${table}`)}: <a href={`/registry/data/${table}.csv`}>CSV</a> ·{' '}
            <a href={`/registry/data/${table}.json`}>JSON</a>
          </li>
        ))}
      </ul>
      <h2>{t('registry.data.api')}</h2>
      <p>
        {t('registry.data.apiIntro')}
        <a href="/api/v1/openapi.yaml">OpenAPI</a>.
      </p>
      <ul>
        {api.map((a) => (
          <li>
            {/* <wbr> lets a long URL break at its parameters on a phone (no style needed). */}
            <code>
              GET{' '}
              {a.split(/(?=[?&/])/).map((part, i) => (
                <>
                  {i > 0 && <wbr />}
                  {part}
                </>
              ))}
            </code>
          </li>
        ))}
      </ul>
      <p>{t('registry.data.cli')}</p>
    </Layout>
  );
};

export const MethodologyPage = ({ ctx, html }: { ctx: PageContext; html: string }) => (
  <Layout ctx={ctx} heading={ctx.t('registry.methodology.title')}>
    <RegistryLinks ctx={ctx} current="/registry/methodology" />
    {/* Our own document (docs/registry-methodology*.md), rendered once at start: trusted text. */}
    <div dangerouslySetInnerHTML={{ __html: html }} />
  </Layout>
);

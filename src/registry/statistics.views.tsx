import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import {
  BarChart,
  MapLegend,
  MonthSeries,
  numberFormat,
  rateClasses,
  RegionMap,
  STATUS_SERIES,
} from './charts.views.tsx';
import { AsOf, formatTime, RegistryLinks } from './registry.views.tsx';
import type { Figures, RequestFigures } from './statistics.service.ts';
import { REGION_SORTS, type RegionSort } from './registry.schema.ts';

// The statistics page: totals, the map with every region's numbers beneath it, the top regions
// per 100,000, service categories, the monthly series, and the one suppressed table about
// tracing requests. Every chart is followed by a table holding the same numbers.

const name = (ctx: PageContext, r: { name_ru: string; name_en: string }) => (ctx.lang === 'ru' ? r.name_ru : r.name_en);

const downloadQuery = (f: Figures['filters']): string => {
  const p = new URLSearchParams();
  if (f.category) p.set('category', f.category);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  const s = p.toString();
  return s ? `?${s}` : '';
};

const Downloads = ({ ctx, table, query = '' }: { ctx: PageContext; table: string; query?: string }) => (
  <p>
    {ctx.t('registry.statistics.downloads')}: <a href={`/registry/data/${table}.csv${query}`}>CSV</a> ·{' '}
    <a href={`/registry/data/${table}.json${query}`}>JSON</a>
  </p>
);

const Filters = ({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FormErrors }) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <details open={Object.entries(values).some(([k, v]) => k !== 'sort' && v) || Object.keys(errors).length > 0}>
      <summary>{t('registry.statistics.filtersTitle')}</summary>
      {/* The figures, not the form again, are the first screen after «Показать» */}
      <form method="get" action="/registry/statistics#figures">
        {/* the order chosen for the regions outlasts a new filter */}
        {values.sort && <input type="hidden" name="sort" value={values.sort} />}
        <SelectField
          {...f}
          name="category"
          label={t('registry.filters.category')}
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`registry.categories.${c}`) }))}
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
        <a href="/registry/statistics">{t('registry.filters.reset')}</a>
      </form>
    </details>
  );
};

/** The order of the regions: the highest rate first unless the visitor chose another. */
const sortRegions = (ctx: PageContext, regions: Figures['regions'], sort: RegionSort): Figures['regions'] => {
  // Equal figures (every region at 0 on a new site or a narrow filter) read in the page's
  // alphabet; one collator for the sort (localeCompare with a locale builds one per comparison).
  const alphabet = new Intl.Collator(ctx.lang);
  const byName = (a: Figures['regions'][number], b: Figures['regions'][number]) =>
    alphabet.compare(name(ctx, a), name(ctx, b));
  const first = {
    rate: (a: Figures['regions'][number], b: Figures['regions'][number]) =>
      (b.deaths_per_100k ?? -1) - (a.deaths_per_100k ?? -1),
    deaths: (a: Figures['regions'][number], b: Figures['regions'][number]) => b.deaths - a.deaths,
    missing: (a: Figures['regions'][number], b: Figures['regions'][number]) => b.missing - a.missing,
    name: () => 0,
  }[sort];
  return [...regions].sort((a, b) => first(a, b) || byName(a, b));
};

/** The orders as links that keep the filter (no JavaScript); the one in force is not a link. */
const SortLinks = ({ ctx, figures, sort }: { ctx: PageContext; figures: Figures; sort: RegionSort }) => {
  const q = downloadQuery(figures.filters);
  return (
    <p class="sort-links">
      {ctx.t('registry.statistics.sortBy')}:{' '}
      {REGION_SORTS.map((s, i) => (
        <>
          {i > 0 && ' · '}
          {s === sort ? (
            <strong aria-current="true">{ctx.t(`registry.statistics.sorts.${s}`)}</strong>
          ) : (
            <a href={`/registry/statistics${q}${s === 'rate' ? '' : `${q ? '&' : '?'}sort=${s}`}#regions`}>
              {ctx.t(`registry.statistics.sorts.${s}`)}
            </a>
          )}
        </>
      ))}
    </p>
  );
};

const RegionsTable = ({ ctx, figures, sort }: { ctx: PageContext; figures: Figures; sort: RegionSort }) => {
  const { t } = ctx;
  const sorted = sortRegions(ctx, figures.regions, sort);
  // A region with no published record is named in one line under the table, not drawn as a row
  // of zeros: on a phone 85 of them ran to metres of page (the files keep every region). Its
  // line keeps the alphabet whatever the table's order.
  const rows = sorted.filter((r) => r.deaths > 0 || r.missing > 0);
  const none = sortRegions(ctx, figures.regions, 'name')
    .filter((r) => r.deaths === 0 && r.missing === 0)
    .map((r) => name(ctx, r));
  return (
    <>
      {rows.length > 1 && <SortLinks ctx={ctx} figures={figures} sort={sort} />}
      {rows.length > 0 && <RegionFigures ctx={ctx} rows={rows} sort={sort} />}
      {none.length > 0 && (
        <p class="muted">{t('registry.statistics.regionsWithout', { count: none.length, regions: none.join(', ') })}</p>
      )}
    </>
  );
};

/**
 * A region a row, its figures in one line under its name on a phone (table.figures): as a card
 * each, 84 regions with records ran to 17,000 px at 360 px. The headings stay in sight while
 * the table scrolls, so a row of numbers is never read without them.
 */
const RegionFigures = ({ ctx, rows, sort }: { ctx: PageContext; rows: Figures['regions']; sort: RegionSort }) => {
  const { t } = ctx;
  const n = numberFormat(ctx.lang);
  const rate = numberFormat(ctx.lang, 2);
  return (
    <table class="figures stacked" id="regions">
      <caption>
        {t(sort === 'rate' ? 'registry.statistics.regionsTable' : `registry.statistics.regionsBy.${sort}`)}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('registry.statistics.region')}</th>
          <th scope="col" class="num">
            {t('registry.statistics.deaths')}
          </th>
          <th scope="col" class="num">
            {t('registry.statistics.missing')}
          </th>
          <th scope="col" class="num">
            {t('registry.statistics.population', { year: 2021 })}
          </th>
          <th scope="col" class="num">
            {t('registry.statistics.rate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{name(ctx, r)}</th>
            <td>{n.format(r.deaths)}</td>
            <td>{n.format(r.missing)}</td>
            <td>{r.population === null ? '—' : n.format(r.population)}</td>
            <td>{r.deaths_per_100k === null ? '—' : rate.format(r.deaths_per_100k)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const PairTable = ({
  ctx,
  caption,
  head,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  head: string;
  rows: Array<{ label: string; deaths: number; missing: number }>;
}) => {
  const n = numberFormat(ctx.lang);
  // A label and two numbers fit one row at 360 px: a card each ran the months to 6,000 px.
  return (
    <table class="figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {ctx.t('registry.statistics.deaths')}
          </th>
          <th scope="col" class="num">
            {ctx.t('registry.statistics.missing')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td>{n.format(r.deaths)}</td>
            <td>{n.format(r.missing)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const RequestsSection = ({ ctx, requests }: { ctx: PageContext; requests: RequestFigures }) => {
  const { t } = ctx;
  const n = numberFormat(ctx.lang);
  const threshold = requests.threshold ?? 0;
  // Only the regions with a published number are listed; every hidden one, zero included, is
  // "fewer than N, or hidden" (suppression.ts): listed by name, it would still say "someone".
  // (A zero is never published now; one stored by an older version is left out the same way.)
  const shown = requests.regions.filter((r) => (r.open_requests ?? 0) > 0);
  return (
    <section aria-labelledby="requests-h">
      <h2 id="requests-h">{t('registry.statistics.requestsTitle')}</h2>
      {!requests.asOf ? (
        <p>{t('registry.statistics.requestsNever')}</p>
      ) : (
        <>
          <p>{t('registry.statistics.requestsIntro', { threshold })}</p>
          <p class="muted">{t('registry.statistics.requestsAsOf', { time: formatTime(ctx, requests.asOf) })}</p>
          {requests.total === null ? (
            <p>{t('registry.statistics.requestsTotalHidden', { threshold })}</p>
          ) : (
            <>
              <p>{t('registry.statistics.requestsTotal', { total: n.format(requests.total) })}</p>
              <table class="cards">
                <caption>{t('registry.statistics.requestsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registry.statistics.region')}</th>
                    <th scope="col">{t('registry.statistics.openRequests')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr>
                      <th scope="row">{name(ctx, r)}</th>
                      <td data-label={t('registry.statistics.openRequests')}>{n.format(r.open_requests ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="muted">{t('registry.statistics.requestsOther', { threshold })}</p>
            </>
          )}
          <Downloads ctx={ctx} table="requests" />
        </>
      )}
    </section>
  );
};

export const StatisticsPage = ({
  ctx,
  figures,
  requests,
  values,
  errors,
  sort = 'rate',
}: {
  ctx: PageContext;
  figures: Figures | null;
  requests: RequestFigures;
  values: FormValues;
  errors: FormErrors;
  sort?: RegionSort;
}) => {
  const { t } = ctx;
  const n = numberFormat(ctx.lang);
  const rate = numberFormat(ctx.lang, 2);
  return (
    <Layout ctx={ctx} heading={t('registry.statistics.title')}>
      <RegistryLinks ctx={ctx} current="/registry/statistics" />
      <p>{t('registry.statistics.intro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <Filters ctx={ctx} values={values} errors={errors} />
      {figures && <FiguresSection ctx={ctx} figures={figures} sort={sort} />}
      {figures && (
        <p class="muted">
          {t('registry.statistics.nationalRate', {
            rate: rate.format(figures.totals.deaths_per_100k),
            population: n.format(figures.totals.population),
            year: figures.totals.population_year,
          })}
        </p>
      )}
      <RequestsSection ctx={ctx} requests={requests} />
      <p class="muted">{t('registry.statistics.printNote')}</p>
    </Layout>
  );
};

const FiguresSection = ({ ctx, figures, sort }: { ctx: PageContext; figures: Figures; sort: RegionSort }) => {
  const { t } = ctx;
  const n = numberFormat(ctx.lang);
  const classes = rateClasses(figures.regions.map((r) => r.deaths_per_100k));
  const top = [...figures.regions]
    .filter((r) => (r.deaths_per_100k ?? 0) > 0)
    .sort((a, b) => (b.deaths_per_100k ?? 0) - (a.deaths_per_100k ?? 0))
    .slice(0, 15);
  const q = downloadQuery(figures.filters);
  return (
    <>
      <AsOf ctx={ctx} asOf={figures.asOf} />
      <p id="figures">
        <strong>
          {t('registry.statistics.totals', {
            deaths: n.format(figures.totals.deaths),
            missing: n.format(figures.totals.missing),
          })}
        </strong>
      </p>
      <section aria-labelledby="map-h">
        <h2 id="map-h">{t('registry.statistics.mapTitle')}</h2>
        <figure>
          <RegionMap ctx={ctx} regions={figures.regions} classes={classes} id="map" />
          <figcaption>
            <MapLegend ctx={ctx} classes={classes} />
            <small>{t('registry.statistics.mapNote')}</small>
          </figcaption>
        </figure>
        <RegionsTable ctx={ctx} figures={figures} sort={sort} />
        {(figures.unknownRegion.deaths > 0 || figures.unknownRegion.missing > 0) && (
          <p>{t('registry.statistics.unknownRegion', { ...figures.unknownRegion })}</p>
        )}
        <Downloads ctx={ctx} table="regions" query={q} />
      </section>
      {top.length > 0 && (
        <section aria-labelledby="top-h">
          <h2 id="top-h">{t('registry.statistics.topTitle')}</h2>
          <BarChart
            ctx={ctx}
            id="top"
            title={t('registry.statistics.topTitle')}
            digits={2}
            bars={top.map((r) => ({ label: name(ctx, r), values: [r.deaths_per_100k ?? 0] }))}
            series={[STATUS_SERIES(ctx)[0]]}
          />
        </section>
      )}
      <section aria-labelledby="cat-h">
        <h2 id="cat-h">{t('registry.statistics.categoriesTitle')}</h2>
        <BarChart
          ctx={ctx}
          id="cat"
          title={t('registry.statistics.categoriesTitle')}
          bars={figures.categories.map((c) => ({
            label: t(`registry.categories.${c.category}`),
            values: [c.deaths, c.missing],
          }))}
          series={STATUS_SERIES(ctx)}
        />
        <PairTable
          ctx={ctx}
          caption={t('registry.statistics.categoriesTitle')}
          head={t('registry.statistics.category')}
          rows={figures.categories.map((c) => ({ label: t(`registry.categories.${c.category}`), ...c }))}
        />
        <Downloads ctx={ctx} table="categories" query={q} />
      </section>
      <section aria-labelledby="months-h">
        <h2 id="months-h">{t('registry.statistics.monthsTitle')}</h2>
        <p>{t('registry.statistics.monthsDesc')}</p>
        {figures.months.length === 0 ? (
          <p>{t('registry.statistics.noMonths')}</p>
        ) : (
          <>
            <MonthSeries ctx={ctx} id="months" title={t('registry.statistics.monthsTitle')} months={figures.months} />
            <PairTable
              ctx={ctx}
              caption={t('registry.statistics.monthsTitle')}
              head={t('registry.statistics.month')}
              // Read as the site writes a month everywhere else (03.2024), not as the files hold it.
              rows={figures.months.map((m) => ({ label: formatPartialDate(m.month, 'month'), ...m }))}
            />
          </>
        )}
        {figures.yearsOnly.length > 0 && (
          <p>
            {t('registry.statistics.yearsOnly', {
              list: figures.yearsOnly
                .map((y) => `${y.year}: ${n.format(y.deaths)} / ${n.format(y.missing)}`)
                .join('; '),
            })}
          </p>
        )}
        {(figures.undated.deaths > 0 || figures.undated.missing > 0) && (
          <p>{t('registry.statistics.undated', { ...figures.undated })}</p>
        )}
        <Downloads ctx={ctx} table="months" query={q} />
      </section>
    </>
  );
};

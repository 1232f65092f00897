import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { SelectField, TextField, type FormErrors } from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { regionName, regionOptions } from '../people/regions.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { PERSON_STATUSES } from '../cases/status-rules.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import { ORIGINS, searchParams, type PersonSearchQuery } from './search.schema.ts';
import { EXPORT_MAX, type SearchResult } from './search.service.ts';

// The person search: a GET form (no JavaScript), every filter in the URL, results a page at a
// time with links to the next and previous pages.

const values = (q: PersonSearchQuery): Record<string, string> =>
  Object.fromEntries(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

export const SearchForm = ({ ctx, q, errors }: { ctx: PageContext; q: PersonSearchQuery; errors: FormErrors }) => {
  const { t } = ctx;
  const f = { ctx, values: values(q), errors };
  return (
    // No role="search": Pico lays such a form out in one row, wider than a 360 px phone.
    <form method="get" action="/staff/people">
      <TextField {...f} name="q" type="search" label={t('search.q')} maxLength={100} />
      <TextField {...f} name="year" label={t('search.year')} maxLength={4} showLimit={false} inputmode="numeric" />
      <SelectField
        {...f}
        name="region"
        label={t('search.region')}
        options={regionOptions(ctx.lang)}
        emptyLabel={t('search.anyRegion')}
      />
      <TextField {...f} name="unit" label={t('search.unit')} maxLength={100} />
      <SelectField
        {...f}
        name="category"
        label={t('search.category')}
        emptyLabel={t('search.any')}
        options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`people.categories.${c}`) }))}
      />
      <SelectField
        {...f}
        name="status"
        label={t('search.status')}
        emptyLabel={t('search.any')}
        options={PERSON_STATUSES.filter((s) => s !== 'unknown').map((s) => ({
          value: s,
          label: t(`cases.statuses.${s}`),
        }))}
      />
      <SelectField
        {...f}
        name="origin"
        label={t('search.origin')}
        emptyLabel={t('search.any')}
        options={ORIGINS.map((o) => ({ value: o, label: t(`search.origins.${o}`) }))}
      />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
};

export const SearchPage = ({
  ctx,
  q,
  result,
  errors = {},
}: {
  ctx: PageContext;
  q: PersonSearchQuery;
  result: SearchResult | null;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('search.title')}>
      <WorkNav ctx={ctx} current="search" />
      <p>{t('search.intro')}</p>
      <SearchForm ctx={ctx} q={q} errors={errors} />
      <p class="muted">{t('search.historyNote')}</p>
      {!result && <p>{t('search.noQuery')}</p>}
      {result && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">
            {t('search.results')}
            {result.page > 1 && <> · {t('search.page', { page: result.page })}</>}
          </h2>
          {result.rows.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            // On a phone each row becomes a card whose cells carry their column's name (site.css).
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t('search.name')}</th>
                  <th scope="col">{t('search.born')}</th>
                  <th scope="col">{t('search.status')}</th>
                  <th scope="col">{t('people.unit')}</th>
                  <th scope="col">{t('search.region')}</th>
                  <th scope="col">{t('search.origin')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/staff/people/${r.id}`}>
                        {[r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ')}
                      </a>
                      {r.linked > 0 && (
                        <>
                          <br />
                          <small>{t('search.linked', { count: r.linked })}</small>
                        </>
                      )}
                    </td>
                    {/* an empty value is no line of the card (site.css hides an empty cell): no bare label */}
                    <td data-label={r.birth_date ? t('search.born') : undefined}>
                      {formatPartialDate(r.birth_date, r.birth_precision)}
                    </td>
                    <td data-label={t('search.status')}>{t(`cases.statuses.${r.status ?? 'unknown'}`)}</td>
                    <td data-label={r.unit_number || r.unit_name ? t('people.unit') : undefined}>
                      {[r.unit_number, r.unit_name].filter(Boolean).join(', ')}
                    </td>
                    <td data-label={r.region_code ? t('search.region') : undefined}>
                      {regionName(r.region_code, ctx.lang)}
                    </td>
                    <td data-label={t('search.origin')}>{t(`search.origins.${r.origin}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            {result.page > 1 && (
              <a href={`/staff/people?${searchParams(q, { page: result.page - 1 })}`}>{t('search.prev')}</a>
            )}
            {result.page > 1 && result.more && ' · '}
            {result.more && (
              <a href={`/staff/people?${searchParams(q, { page: result.page + 1 })}`}>{t('search.next')}</a>
            )}
          </p>
          {result.rows.length > 0 && (
            <p>
              <a href={`/staff/people.csv?${searchParams({ ...q, page: undefined })}`} download="people.csv">
                {t('search.download')}
              </a>{' '}
              <small>({t('search.downloadNote', { max: EXPORT_MAX })})</small>
            </p>
          )}
        </section>
      )}
    </Layout>
  );
};

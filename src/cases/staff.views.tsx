import { Layout } from '../web/layout.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { PageContext } from '../web/page-context.ts';
import { PostForm, TextField, type FormErrors } from '../web/forms.tsx';
import { regionName } from '../people/regions.ts';
import { isEnded } from './case-lifecycle.ts';
import { QUEUE_FILTERS, TEXT_LIMITS, type QueueFilter } from './cases.schema.ts';
import type { QueuePage as QueuePageData, QueueRow } from './queue.service.ts';
import { statusLine } from './case-status.views.tsx';

// The caseworker's queue. Filters and search are plain GET forms and links: no JavaScript.

/**
 * What waits in a case, each a short phrase of its own on a line under the name: side by side
 * after the name they ran into it and into each other («…Сергеевич семья написала: 3 новых
 * обращение просрочено»), broken in the middle of a phrase on a 360 px phone.
 */
const WaitingMarks = ({
  ctx,
  familyWrote,
  appealOverdue,
}: {
  ctx: PageContext;
  familyWrote: number;
  appealOverdue: boolean;
}) =>
  familyWrote > 0 || appealOverdue ? (
    <span class="marks">
      {familyWrote > 0 && <strong class="new">{ctx.t('cases.familyWrote', { count: familyWrote })}</strong>}{' '}
      {appealOverdue && <strong class="new">{ctx.t('appeals.queueOverdue')}</strong>}
    </span>
  ) : null;

const QueueTable = ({
  ctx,
  rows,
  staffNames,
  overdueAppeals,
}: {
  ctx: PageContext;
  rows: QueueRow[];
  staffNames: Map<string, string>;
  /** cases with an overdue appeal (src/appeals/) */
  overdueAppeals?: Set<string>;
}) => {
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('cases.queueEmpty')}</p>;
  const label = {
    status: t('cases.statusLabel'),
    assignee: t('cases.assignee'),
    activity: t('cases.lastActivity'),
    unit: t('people.unit'),
    region: t('people.region'),
  };
  return (
    // A table on a wide screen; on a phone each row becomes a card (site.css, table.cards) whose
    // cells carry their column's name, so nothing is clipped or scrolls sideways at 360 px.
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">{t('cases.name')}</th>
          <th scope="col">{label.status}</th>
          <th scope="col">{label.assignee}</th>
          <th scope="col">{label.activity}</th>
          <th scope="col">{label.unit}</th>
          <th scope="col">{label.region}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/cases/${r.id}`}>{r.name}</a>
              <WaitingMarks ctx={ctx} familyWrote={r.familyWrote} appealOverdue={overdueAppeals?.has(r.id) ?? false} />
            </td>
            <td data-label={label.status}>
              {statusLine(ctx, r.status, r.pending)}
              {isEnded(r.state) && <> · {t('cases.states.closed')}</>}
              {r.state === 'waiting_on_family' && <> · {t('cases.waitingOnFamilyStaff')}</>}
            </td>
            <td data-label={label.assignee}>
              {r.assignedTo ? (staffNames.get(r.assignedTo) ?? '') : t('cases.nobody')}
            </td>
            <td data-label={label.activity}>{formatDay(r.lastActivityOn)}</td>
            {/* an empty value is no line of the card (site.css hides an empty cell): no bare label */}
            <td data-label={r.unit ? label.unit : undefined}>{r.unit}</td>
            <td data-label={r.regionCode ? label.region : undefined}>{regionName(r.regionCode, ctx.lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

// POST, not GET: a name typed here must not end up in a URL (browser history, a proxy's log).
const SearchForm = ({
  ctx,
  q,
  errors = {},
  after,
}: {
  ctx: PageContext;
  q: string;
  errors?: FormErrors;
  /** the next page of the same search: the same form, continuing after this cursor */
  after?: string;
}) => (
  <PostForm ctx={ctx} action="/staff/search">
    {after && <input type="hidden" name="after" value={after} />}
    <TextField
      ctx={ctx}
      name="q"
      type="search"
      label={ctx.t('cases.search')}
      hint={ctx.t('cases.searchHint')}
      values={{ q }}
      errors={errors}
      maxLength={TEXT_LIMITS.search}
    />
    <button type="submit">{ctx.t('cases.searchSubmit')}</button>
  </PostForm>
);

export const QueuePage = ({
  ctx,
  page,
  filter,
  days,
  staffNames,
  tips,
  appeals,
}: {
  ctx: PageContext;
  page: QueuePageData;
  filter: QueueFilter;
  days: number;
  staffNames: Map<string, string>;
  /** the organisation's anonymous tips waiting (src/tips/) */
  tips?: { new: number; senderWrote: number };
  /** overdue appeals of the organisation (src/appeals/): how many, and which cases */
  appeals?: { overdue: number; cases: Set<string> };
}) => {
  const { t } = ctx;
  // «Анонимные сообщения: 2 новых, 1 с дополнением» — one sentence rather than dot-separated bits.
  const waitingTips = tips
    ? [
        ...(tips.new > 0 ? [t('tips.staff.newCount', { count: tips.new })] : []),
        ...(tips.senderWrote > 0 ? [t('tips.staff.wroteCount', { count: tips.senderWrote })] : []),
      ]
    : [];
  return (
    <Layout ctx={ctx} heading={t('cases.queueTitle')}>
      {tips && (
        <p>
          <a href="/staff/tips">{t('tips.staff.queueLink')}</a>
          {waitingTips.length > 0 && <>: {waitingTips.join(', ')}</>}
        </p>
      )}
      {/* A wrapping line of links rather than a <nav> list: Pico lays those out in one row,
          which overflows a 360 px screen. */}
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      <p aria-label={t('cases.queueTitle')} role="navigation">
        {QUEUE_FILTERS.map((f, i) => (
          <>
            {i > 0 && ' · '}
            <a
              href={`/staff?filter=${f}${f === 'stale' ? `&days=${days}` : ''}`}
              aria-current={f === filter ? 'page' : undefined}
            >
              {f === filter ? <strong>{t(`cases.filters.${f}`)}</strong> : t(`cases.filters.${f}`)}
            </a>
          </>
        ))}
      </p>
      {filter === 'stale' && (
        <form method="get" action="/staff">
          <input type="hidden" name="filter" value="stale" />
          <label>
            {t('cases.staleDays')}
            <input type="number" name="days" min={1} max={365} value={String(days)} />
          </label>
          <button type="submit">{t('cases.show')}</button>
        </form>
      )}
      <SearchForm ctx={ctx} q="" />
      {appeals && (
        <p class={appeals.overdue > 0 ? 'notice' : undefined}>
          <a href="/staff/appeals">{t('appeals.queueLink', { count: appeals.overdue })}</a>
        </p>
      )}
      <h2>{filter === 'stale' ? t('cases.staleHeading', { count: days }) : t(`cases.filters.${filter}`)}</h2>
      <QueueTable ctx={ctx} rows={page.rows} staffNames={staffNames} overdueAppeals={appeals?.cases} />
      {page.next && (
        <p>
          <a
            href={`/staff?filter=${filter}${filter === 'stale' ? `&days=${days}` : ''}&after=${encodeURIComponent(page.next)}`}
          >
            {t('cases.nextPage')}
          </a>
        </p>
      )}
      {ctx.nav.audit && (
        <p>
          <a href="/staff/audit">{t('cases.auditLink')}</a>
        </p>
      )}
    </Layout>
  );
};

export const SearchPage = ({
  ctx,
  q,
  page,
  staffNames,
  errors,
}: {
  ctx: PageContext;
  q: string;
  page: QueuePageData | null;
  staffNames: Map<string, string>;
  errors?: FormErrors;
}) => (
  <Layout ctx={ctx} heading={ctx.t('cases.search')}>
    <SearchForm ctx={ctx} q={q} errors={errors} />
    {page && (
      <>
        <h2>{ctx.t('cases.searchResults')}</h2>
        <QueueTable ctx={ctx} rows={page.rows} staffNames={staffNames} />
        {page.next && (
          <details>
            <summary>{ctx.t('cases.nextPage')}</summary>
            <SearchForm ctx={ctx} q={q} after={page.next} />
          </details>
        )}
      </>
    )}
    <p>
      <a href="/staff">{ctx.t('cases.queueTitle')}</a>
    </p>
  </Layout>
);

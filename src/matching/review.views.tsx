import { Layout } from '../web/layout.tsx';
import { factLine } from './fact-line.views.tsx';
import { longWords } from '../web/long-words.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, type FormErrors } from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { serviceCategoryLabel } from '../people/people.views.tsx';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import type { Contribution } from './engine-adapter.ts';
import type { CandidatePage, CandidateView, QueueFilter, RecordCard } from './review.service.ts';
import { QUEUE_FILTERS } from './review.service.ts';
import { WorkNav } from './work-nav.views.tsx';
import { similarityPercent } from './similarity-percent.ts';
import { DecidedLine, UndoDecisionForm } from './undo-decision.views.tsx';

// The review queue and one pair side by side, with what each field added in words.

const slug = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const strength = (w: number): string =>
  w >= 4 ? 'strongFor' : w >= 1 ? 'for' : w > -1 ? 'neutral' : w > -4 ? 'against' : 'strongAgainst';

/** Levels at which the two values agree: agreeing on a very common value may still count against. */
const AGREEING = new Set([
  'exact',
  'same',
  'same_unit_number',
  'same_formation',
  'same_wording_not_read',
  'swapped_with_given_name',
  'swapped_with_surname',
]);

/** One contribution in words: "Фамилия: та же фамилия в другой форме — за (+5,2)". */
export const contributionText = (ctx: PageContext, c: Contribution): string => {
  const { t } = ctx;
  const field = t(`matching.fields.${c.field}`, { defaultValue: c.field });
  const level =
    c.field === 'prior' ? t('matching.priorText') : t(`matching.levels.${slug(c.level)}`, { defaultValue: c.level });
  const common = c.weight < 0 && AGREEING.has(slug(c.level)) ? ` (${t('matching.commonValue')})` : '';
  const sign = c.weight >= 0 ? '+' : '−';
  // +9,8 on a Russian page, +9.8 on an English one.
  const weight = new Intl.NumberFormat(ctx.lang === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(Math.abs(c.weight));
  return `${field}: ${level}${common} — ${t(`matching.strength.${strength(c.weight)}`)} (${sign}${weight})`;
};

export const nameOf = (card: RecordCard): string => card.name;

/** Where a record came from, with a link to its case or its page. */
export const OriginOf = ({ ctx, card }: { ctx: PageContext; card: RecordCard }) => {
  const { t } = ctx;
  if (card.caseId)
    return (
      <>
        {t(card.caseActive ? 'matching.fromCase' : 'matching.fromCaseClosed')} (
        <a href={`/cases/${card.caseId}`}>{t('matching.openCase')}</a>)
      </>
    );
  if (card.source) return <>{t('matching.fromList', { name: card.source.sourceName, line: card.source.line })}</>;
  return <>{card.record.origin === 'tip' ? t('matching.fromTip') : t(`search.origins.${card.record.origin}`)}</>;
};

const unitOf = (card: RecordCard): string =>
  [card.record.unit_number, card.record.unit_name].filter(Boolean).join(', ');

const Events = ({ ctx, card }: { ctx: PageContext; card: RecordCard }) =>
  card.events.length === 0 ? (
    ctx.t('matching.noEvents')
  ) : (
    <ul>
      {card.events.map((e) => (
        <li>{longWords(factLine(ctx, e))}</li>
      ))}
    </ul>
  );

/** Two records side by side: one row per detail, one column per record. */
export const SideBySide = ({ ctx, left, right }: { ctx: PageContext; left: RecordCard; right: RecordCard }) => {
  const { t } = ctx;
  const rows: Array<[string, (c: RecordCard) => preact.ComponentChildren]> = [
    [t('matching.name'), (c) => <a href={`/staff/people/${c.record.id}`}>{longWords(c.name)}</a>],
    [t('matching.born'), (c) => formatPartialDate(c.record.birth_date, c.record.birth_precision)],
    [t('people.region'), (c) => regionName(c.record.region_code, ctx.lang)],
    [t('people.unit'), unitOf],
    [t('people.rank'), (c) => c.record.rank ?? ''],
    [t('people.serviceCategory'), (c) => serviceCategoryLabel(ctx, c.record.service_category)],
    [t('search.status'), (c) => t(`cases.statuses.${c.record.status ?? 'unknown'}`)],
    [t('matching.origin'), (c) => <OriginOf ctx={ctx} card={c} />],
    [
      t('matching.members'),
      (c) => (c.clusterSize > 1 ? t('matching.cluster', { count: c.clusterSize - 1 }) : t('matching.alone')),
    ],
    [t('matching.events'), (c) => <Events ctx={ctx} card={c} />],
  ];
  return (
    <TwoColumns
      heads={[t('matching.left'), t('matching.right')]}
      rows={rows.map(([label, cell]) => [label, cell(left), cell(right)])}
    />
  );
};

/**
 * Two columns, one per side, each detail's name on a row of its own above them: on a 360 px
 * phone a third column for the names would push the second side off the screen.
 */
export const TwoColumns = ({
  heads,
  rows,
}: {
  heads: [string, string];
  rows: Array<[string, preact.ComponentChildren, preact.ComponentChildren]>;
}) => (
  <table class="pair">
    <thead>
      <tr>
        <th scope="col">{heads[0]}</th>
        <th scope="col">{heads[1]}</th>
      </tr>
    </thead>
    {rows.map(([label, left, right]) => (
      <tbody>
        <tr>
          <th colSpan={2} scope="colgroup">
            {label}
          </th>
        </tr>
        <tr>
          <td>{typeof left === 'string' ? longWords(left) : left}</td>
          <td>{typeof right === 'string' ? longWords(right) : right}</td>
        </tr>
      </tbody>
    ))}
  </table>
);

export const QueuePage = ({
  ctx,
  page,
  filter,
  can,
  notice,
  tips = 0,
}: {
  ctx: PageContext;
  page: CandidatePage;
  filter: QueueFilter;
  can: MatchingAbilities;
  /** a decision undone from the decided list */
  notice?: 'decisionUndone';
  /** tips resembling known records that wait for a decision */
  tips?: number;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('matching.queueTitle')}>
      <WorkNav ctx={ctx} current="matches" />
      {notice && (
        <p class="notice done" role="status">
          {t(`matching.done.${notice}`)}
        </p>
      )}
      <p>{t('matching.queueIntro')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: a wrapping line of links, as the queue's filters */}
      <p role="navigation" aria-label={t('matching.queueTitle')}>
        {QUEUE_FILTERS.map((f, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/staff/matches?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>
              {f === filter ? (
                <strong>{t(`matching.filters.${f}`, { count: page.counts[f] })}</strong>
              ) : (
                t(`matching.filters.${f}`, { count: page.counts[f] })
              )}
            </a>
          </>
        ))}
      </p>
      {tips > 0 && (
        <p>
          <a href="/staff/matches/tips">{t('matching.tips.waiting', { count: tips })}</a>
        </p>
      )}
      {page.rows.length === 0 ? (
        <p>{t('matching.empty')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('matching.pair')}</th>
              <th scope="col">{t('matching.probability')}</th>
              <th scope="col">{t('matching.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/staff/matches/${r.id}`}>
                    {r.left.name} {t('matching.vs')} {r.right.name}
                  </a>
                  {filter === 'decided' && (
                    <>
                      <br />
                      <small>
                        {t(`matching.states.${r.state}`)}
                        {r.decided && (
                          <>
                            {'. '}
                            <DecidedLine ctx={ctx} mark={r.decided} />
                          </>
                        )}
                      </small>
                      {r.decided && can.undo && (
                        <UndoDecisionForm ctx={ctx} id={r.id} merged={r.mergeId !== null} back="decided" />
                      )}
                    </>
                  )}
                </td>
                <td data-label={t('matching.probability')}>{similarityPercent(r.probability)}%</td>
                <td data-label={t('matching.origin')}>
                  <small>
                    <OriginOf ctx={ctx} card={r.left} />
                  </small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next && (
        <p>
          <a href={`/staff/matches?filter=${filter}&after=${encodeURIComponent(page.next)}`}>
            {t('matching.nextPage')}
          </a>
        </p>
      )}
    </Layout>
  );
};

export const PAIR_NOTICES = ['same', 'different', 'unsure', 'undone', 'decisionUndone'] as const;
export type PairNotice = (typeof PAIR_NOTICES)[number];

export const PairPage = ({
  ctx,
  view,
  can,
  notice,
  told,
  errors = {},
}: {
  ctx: PageContext;
  view: CandidateView;
  can: MatchingAbilities;
  notice?: PairNotice;
  told?: number;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  const decidable = view.state === 'pending' ? can.decide : view.state === 'unsure' ? can.decideUnsure : false;
  return (
    <Layout ctx={ctx} heading={t('matching.pairTitle')}>
      <WorkNav ctx={ctx} current="matches" />
      {notice && (
        <p class="notice done" role="status">
          {notice === 'same' && told ? t('matching.done.sameTold', { count: told }) : t(`matching.done.${notice}`)}
          {/* Working down the queue with JavaScript off: the next pair is one tap away, from the
              notice the page opens on, not below the whole pair. */}
          {notice !== 'undone' && notice !== 'decisionUndone' && (
            <>
              {' '}
              <a href="/staff/matches">{t('matching.toQueue')}</a>
            </>
          )}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t('matching.probability')}: <strong>{similarityPercent(view.probability)}%</strong> ·{' '}
        {t(`matching.states.${view.state}`)}
      </p>
      {view.decided && (
        <p>
          <DecidedLine ctx={ctx} mark={view.decided} exact />
        </p>
      )}
      {/* Up here, not below the comparison: a mis-click is put right where the page opens after it. */}
      {view.decided && can.undo && (
        <section aria-labelledby="undo-h">
          <h2 id="undo-h">{t(view.mergeId ? 'matching.undo' : 'matching.undoDecision')}</h2>
          <p class="muted">
            {t(
              view.mergeId
                ? 'matching.undoHint'
                : view.wasUnsure
                  ? 'matching.undoDecisionHintUnsure'
                  : 'matching.undoDecisionHint',
            )}{' '}
            {/* "Different" never moves the model (labels.ts): only a learned "same" stays in it. */}
            {t(view.state === 'same' && view.labelLearned ? 'matching.undoLearnedHint' : 'matching.undoUnlearnedHint')}
          </p>
          {view.mergeId ? (
            // The merge's own form: the record page undoes merges through it as well.
            <PostForm ctx={ctx} action={`/staff/merges/${view.mergeId}/undo`}>
              <input type="hidden" name="candidate" value={view.id} />
              <button type="submit" class="secondary">
                {t('matching.undo')}
              </button>
            </PostForm>
          ) : (
            <UndoDecisionForm ctx={ctx} id={view.id} merged={false} />
          )}
        </section>
      )}
      {view.state === 'withdrawn' && <p class="muted">{t('matching.withdrawnHint')}</p>}
      <SideBySide ctx={ctx} left={view.left} right={view.right} />
      <section aria-labelledby="why-h">
        <h2 id="why-h">{t('matching.why')}</h2>
        <p>{t('matching.whyIntro', { percent: similarityPercent(view.probability) })}</p>
        <ul>
          {view.explain.map((c) => (
            <li>{contributionText(ctx, c)}</li>
          ))}
        </ul>
      </section>
      {decidable && (
        <section aria-labelledby="decide-h">
          <h2 id="decide-h">{t('matching.decide')}</h2>
          <p class="muted">{t(view.state === 'unsure' ? 'matching.unsureHint' : 'matching.decideHint')}</p>
          <PostForm ctx={ctx} action={`/staff/matches/${view.id}`}>
            <button type="submit" name="decision" value="same">
              {t('matching.same')}
            </button>{' '}
            <button type="submit" name="decision" value="different" class="secondary">
              {t('matching.different')}
            </button>{' '}
            {view.state === 'pending' && (
              <button type="submit" name="decision" value="unsure" class="secondary">
                {t('matching.unsure')}
              </button>
            )}
          </PostForm>
        </section>
      )}
      <p>
        <a href="/staff/matches">{t('matching.queueTitle')}</a>
      </p>
    </Layout>
  );
};

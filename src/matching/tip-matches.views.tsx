import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, type FormErrors } from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import { contributionText, OriginOf, TwoColumns } from './review.views.tsx';
import type { RecordCard } from './review.service.ts';
import type { TipMatchSummary, TipMatchView, TipPerson } from './tip-matches.service.ts';
import { WorkNav } from './work-nav.views.tsx';
import { similarityPercent } from './similarity-percent.ts';

// Tips that resemble known records (sealed; only the organisation's staff open them): the list,
// and one tip beside each record it resembles, with what each field added and a decision per
// record. "The same person" sends staff to the tip's page to attach it to that person's case.

export const TipQueuePage = ({ ctx, rows }: { ctx: PageContext; rows: TipMatchSummary[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('matching.tips.title')}>
      <WorkNav ctx={ctx} current="matches" />
      <p>{t('matching.tips.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('matching.tips.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li>
              <a href={`/staff/matches/tips/${r.id}`}>{r.name || t('matching.tips.noName')}</a> —{' '}
              {t('matching.tips.summary', {
                date: formatDay(r.scoredOn),
                percent: similarityPercent(r.best),
                count: r.open,
              })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/staff/matches">{t('matching.queueTitle')}</a>
      </p>
    </Layout>
  );
};

const tipUnit = (p: TipPerson): string => [p.unit_number, p.unit_name].filter(Boolean).join(', ');
const cardUnit = (c: RecordCard): string => [c.record.unit_number, c.record.unit_name].filter(Boolean).join(', ');

/** The tip's person beside one known record: one row per detail, one column for each. */
const Beside = ({ ctx, person, card }: { ctx: PageContext; person: TipPerson; card: RecordCard }) => {
  const { t } = ctx;
  const name = [person.surname, person.given_name, person.patronymic].filter(Boolean).join(' ');
  const rows: Array<[string, preact.ComponentChildren, preact.ComponentChildren]> = [
    [t('matching.name'), name, <a href={`/staff/people/${card.record.id}`}>{card.name}</a>],
    [
      t('matching.born'),
      person.birth_date ? formatPartialDate(person.birth_date.value, person.birth_date.precision) : '',
      formatPartialDate(card.record.birth_date, card.record.birth_precision),
    ],
    [t('people.region'), person.region ?? '', regionName(card.record.region_code, ctx.lang)],
    [t('people.unit'), tipUnit(person), cardUnit(card)],
    [t('matching.origin'), t('matching.fromTip'), <OriginOf ctx={ctx} card={card} />],
  ];
  return <TwoColumns heads={[t('matching.tips.tipColumn'), t('matching.right')]} rows={rows} />;
};

export const TIP_NOTICES = ['same', 'different', 'unsure'] as const;
export type TipNotice = (typeof TIP_NOTICES)[number];

export const TipMatchPage = ({
  ctx,
  view,
  can,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  view: TipMatchView;
  can: MatchingAbilities;
  notice?: TipNotice;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('matching.tips.pageTitle')}>
      <WorkNav ctx={ctx} current="matches" />
      {notice && (
        <p class="notice done" role="status">
          {t(`matching.tips.done.${notice}`)}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t('matching.tips.scoredOn', { date: formatDay(view.scoredOn) })} ·{' '}
        <a href={`/staff/tips/${view.tipId}`}>{t('matching.tips.openTip')}</a>
      </p>
      <p class="muted">{t('matching.tips.sealedNote')}</p>
      {view.candidates.length === 0 && <p>{t('matching.tips.gone')}</p>}
      {view.candidates.map((c, i) => {
        const decidable = c.decision === null ? can.decide : c.decision === 'unsure' ? can.decideUnsure : false;
        return (
          <section aria-labelledby={`cand-${i}`}>
            <h2 id={`cand-${i}`}>
              {c.card.name} — {similarityPercent(c.probability)}%
            </h2>
            <p>{c.decision ? t(`matching.tips.decisions.${c.decision}`) : t('matching.tips.decisions.pending')}</p>
            <Beside ctx={ctx} person={view.person} card={c.card} />
            <details>
              <summary>{t('matching.why')}</summary>
              <ul>
                {c.explain.map((x) => (
                  <li>{contributionText(ctx, x)}</li>
                ))}
              </ul>
            </details>
            {c.decision === 'same' && c.card.caseId && (
              <p>
                <a href={`/staff/tips/${view.tipId}`}>{t('matching.tips.attachHint')}</a>
              </p>
            )}
            {decidable && (
              <PostForm ctx={ctx} action={`/staff/matches/tips/${view.id}`}>
                <input type="hidden" name="person" value={c.personId} />
                <button type="submit" name="decision" value="same">
                  {t('matching.same')}
                </button>{' '}
                <button type="submit" name="decision" value="different" class="secondary">
                  {t('matching.different')}
                </button>{' '}
                {c.decision === null && (
                  <button type="submit" name="decision" value="unsure" class="secondary">
                    {t('matching.unsure')}
                  </button>
                )}
              </PostForm>
            )}
          </section>
        );
      })}
      <p>
        <a href="/staff/matches/tips">{t('matching.tips.title')}</a>
      </p>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import { factLine } from './fact-line.views.tsx';
import type { PageContext } from '../web/page-context.ts';
import { PostForm, SelectField, FormErrorSummary, type FormErrors } from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { localDate } from '../web/time.ts';
import { regionName } from '../people/regions.ts';
import { serviceCategoryLabel } from '../people/people.views.tsx';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import type { IncidentSummary } from '../cohorts/incidents.service.ts';
import type { RecordPage } from './records.service.ts';
import { OriginOf } from './review.views.tsx';
import { WorkNav } from './work-nav.views.tsx';
import { similarityPercent } from './similarity-percent.ts';
import { DecidedLine, UndoDecisionForm } from './undo-decision.views.tsx';

// A person record as staff see it: its details and origin, the other records of its cluster,
// every event with the record it came from, the merges (undoable), pairs still open or kept apart
// (undoable), incidents.

export const RecordPageView = ({
  ctx,
  page,
  can,
  incidents,
  incidentChoices,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  page: RecordPage;
  can: MatchingAbilities;
  incidents: IncidentSummary[];
  incidentChoices: Array<{ id: string; title: string }>;
  notice?: string;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  const r = page.card.record;
  const linked = new Set(incidents.map((i) => i.id));
  const choices = incidentChoices.filter((i) => !linked.has(i.id));
  return (
    <Layout ctx={ctx} heading={t('matching.recordTitle')}>
      <WorkNav ctx={ctx} current="search" />
      {notice && (
        <p class="notice done" role="status">
          {t(notice)}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <dl>
        <dt>{t('matching.name')}</dt>
        <dd>{page.card.name}</dd>
        {r.birth_date && (
          <>
            <dt>{t('matching.born')}</dt>
            <dd>{formatPartialDate(r.birth_date, r.birth_precision)}</dd>
          </>
        )}
        {r.region_code && (
          <>
            <dt>{t('people.region')}</dt>
            <dd>{regionName(r.region_code, ctx.lang)}</dd>
          </>
        )}
        {(r.unit_number || r.unit_name) && (
          <>
            <dt>{t('people.unit')}</dt>
            <dd>{[r.unit_number, r.unit_name].filter(Boolean).join(', ')}</dd>
          </>
        )}
        <dt>{t('people.serviceCategory')}</dt>
        <dd>{serviceCategoryLabel(ctx, r.service_category)}</dd>
        <dt>{t('search.status')}</dt>
        <dd>{t(`cases.statuses.${r.status ?? 'unknown'}`)}</dd>
        <dt>{t('matching.origin')}</dt>
        <dd>
          <OriginOf ctx={ctx} card={page.card} />
        </dd>
      </dl>
      {page.raw && (
        <details>
          <summary>{t('matching.raw')}</summary>
          <dl>
            {page.raw.map((c) => (
              <>
                <dt>{c.column}</dt>
                <dd>{c.value}</dd>
              </>
            ))}
          </dl>
        </details>
      )}
      {page.members.length > 1 && (
        <section aria-labelledby="members-h">
          <h2 id="members-h">{t('matching.members')}</h2>
          <p class="muted">{t('matching.membersIntro')}</p>
          <ul>
            {page.members.map((m) => (
              <li>
                {m.record.id === r.id ? (
                  <strong>{m.name}</strong>
                ) : (
                  <a href={`/staff/people/${m.record.id}`}>{m.name}</a>
                )}{' '}
                — <OriginOf ctx={ctx} card={m} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('matching.timeline')}</h2>
        {page.timeline.length === 0 ? (
          <p>{t('matching.noEvents')}</p>
        ) : (
          <ul>
            {page.timeline.map((e) => (
              <li>
                {factLine(ctx, e)}
                {page.members.length > 1 && (
                  <>
                    <br />
                    <small>
                      {t('matching.fromRecord')} {e.from.name}: <OriginOf ctx={ctx} card={e.from} />
                    </small>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.merges.length > 0 && (
        <section aria-labelledby="merges-h">
          <h2 id="merges-h">{t('matching.merges')}</h2>
          <ul>
            {page.merges.map((m) => (
              <li>
                {t('matching.mergedOn', { date: localDate(m.mergedAt, ctx.timeZone), names: m.moved.join(', ') })}
                {m.undoneAt ? (
                  <> · {t('matching.undoneOn', { date: localDate(m.undoneAt, ctx.timeZone) })}</>
                ) : (
                  can.undo && (
                    <PostForm ctx={ctx} action={`/staff/merges/${m.id}/undo`}>
                      <input type="hidden" name="record" value={r.id} />
                      <button type="submit" class="secondary">
                        {t('matching.undo')}
                      </button>
                    </PostForm>
                  )
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.candidates.length > 0 && (
        <section aria-labelledby="candidates-h">
          <h2 id="candidates-h">{t('matching.candidates')}</h2>
          <ul>
            {page.candidates.map((c) => (
              <li>
                <a href={`/staff/matches/${c.id}`}>{c.otherName}</a> — {similarityPercent(c.probability)}%,{' '}
                {t(`matching.states.${c.state}`)}
                {c.decided && (
                  <>
                    {'. '}
                    <small>
                      <DecidedLine ctx={ctx} mark={c.decided} />
                    </small>
                    {can.undo && <UndoDecisionForm ctx={ctx} id={c.id} merged={false} back={{ record: r.id }} />}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="incidents-h">
        <h2 id="incidents-h">{t('cohorts.incidents.title')}</h2>
        {incidents.length === 0 ? (
          <p>{t('cohorts.incidents.noneForPerson')}</p>
        ) : (
          <ul>
            {incidents.map((i) => (
              <li>
                <a href={`/staff/incidents/${i.id}`}>{i.title}</a> — {formatPartialDate(i.date.value, i.date.precision)}
                {i.place && <>, {i.place}</>}
              </li>
            ))}
          </ul>
        )}
        {can.editIncidents && choices.length > 0 && (
          <PostForm ctx={ctx} action="/staff/incidents/link">
            <input type="hidden" name="person" value={r.id} />
            <SelectField
              ctx={ctx}
              name="incident"
              label={t('cohorts.incidents.linkTo')}
              values={{}}
              errors={errors}
              options={choices.map((c) => ({ value: c.id, label: c.title }))}
            />
            <button type="submit">{t('cohorts.incidents.link')}</button>
          </PostForm>
        )}
      </section>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import { DateField } from '../people/people.views.tsx';
import { factLine } from '../matching/fact-line.views.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FailedFormNotice,
  FormErrorSummary,
  notSentProblem,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { EVENT_KINDS, EVENT_SOURCES, VERIFICATION_LEVELS } from '../cases/timeline.ts';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import type { IncidentPage, IncidentSummary } from './incidents.service.ts';

// Incidents for staff: the list with the form for a new one, and one incident with its people,
// facts and sources.

export type IncidentForm = { name: 'incident' | 'fact' | 'source'; values: FormValues; errors: FormErrors };

const formOf = (form: IncidentForm | undefined, name: IncidentForm['name']) =>
  form?.name === name ? { values: form.values, errors: form.errors } : { values: {}, errors: {} };

const levelOptions = (ctx: PageContext, can: MatchingAbilities) =>
  VERIFICATION_LEVELS.filter((l) => l !== 'confirmed' || can.confirmFacts).map((l) => ({
    value: l,
    label: ctx.t(`cases.levels.${l}`),
  }));

export const IncidentsPage = ({
  ctx,
  incidents,
  can,
  form,
}: {
  ctx: PageContext;
  incidents: IncidentSummary[];
  can: MatchingAbilities;
  form?: IncidentForm;
}) => {
  const { t } = ctx;
  const f = { ctx, ...formOf(form, 'incident') };
  const notSent = notSentProblem(f.errors);
  return (
    <Layout ctx={ctx} heading={t('cohorts.incidents.title')}>
      <WorkNav ctx={ctx} current="incidents" />
      <FailedFormNotice ctx={ctx} at={Object.keys(f.errors).length > 0 ? 'new-h' : undefined} problem={notSent} />
      <p>{t('cohorts.incidents.intro')}</p>
      {incidents.length === 0 ? (
        <p>{t('cohorts.incidents.none')}</p>
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
      {can.editIncidents && (
        <section aria-labelledby="new-h">
          <h2 id="new-h">{t('cohorts.incidents.new')}</h2>
          <FormErrorSummary ctx={ctx} errors={f.errors} />
          <PostForm ctx={ctx} action="/staff/incidents">
            <TextField
              {...f}
              name="title"
              label={t('cohorts.incidents.titleField')}
              hint={t('cohorts.incidents.titleHint')}
              required
              maxLength={120}
            />
            <DateField {...f} name="date" label={t('cohorts.incidents.date')} required />
            <TextField {...f} name="place" label={t('cohorts.incidents.place')} maxLength={120} />
            <TextArea
              {...f}
              name="description"
              label={t('cohorts.incidents.description')}
              hint={t('cohorts.incidents.descriptionHint')}
              maxLength={4000}
            />
            <button type="submit">{t('cohorts.incidents.create')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
};

export const IncidentPageView = ({
  ctx,
  page,
  can,
  form,
  notice,
}: {
  ctx: PageContext;
  page: IncidentPage;
  can: MatchingAbilities;
  form?: IncidentForm;
  notice?: string;
}) => {
  const { t } = ctx;
  const fact = { ctx, ...formOf(form, 'fact') };
  const source = { ctx, ...formOf(form, 'source') };
  // A form far down that came back (a field to correct, or not sent at all: lost CSRF cookie) is
  // said at the top, with the way to it: without JavaScript the page opens at the top.
  const notSent = form ? notSentProblem(form.errors) : undefined;
  const failed = form && Object.keys(form.errors).length > 0;
  return (
    <Layout ctx={ctx} heading={page.title}>
      <WorkNav ctx={ctx} current="incidents" />
      <FailedFormNotice ctx={ctx} at={failed ? `${form.name}s-h` : undefined} problem={notSent} />
      {notice && (
        <p class="notice done" role="status">
          {notice}
        </p>
      )}
      <p>
        {formatPartialDate(page.date.value, page.date.precision)}
        {page.place && <>, {page.place}</>}
      </p>
      {page.description && <p class="prewrap">{page.description}</p>}
      <section aria-labelledby="persons-h">
        <h2 id="persons-h">{t('cohorts.incidents.persons')}</h2>
        {page.persons.length === 0 ? (
          <p>{t('cohorts.incidents.noPersons')}</p>
        ) : (
          <ul>
            {page.persons.map((p) => (
              <li>
                <a href={`/staff/people/${p.record.id}`}>
                  {[p.record.surname, p.record.given_name, p.record.patronymic].filter(Boolean).join(' ')}
                </a>
                {can.editIncidents && (
                  <PostForm ctx={ctx} action={`/staff/incidents/${page.id}/unlink`}>
                    <input type="hidden" name="person" value={p.record.id} />
                    <button type="submit" class="link">
                      {t('cohorts.incidents.unlink')}
                    </button>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="facts-h">
        <h2 id="facts-h">{t('cohorts.incidents.facts')}</h2>
        {page.facts.length === 0 ? (
          <p>{t('cohorts.incidents.noFacts')}</p>
        ) : (
          <ul>
            {page.facts.map((fc) => (
              <li>
                {factLine(ctx, fc)}
                {can.editIncidents && fc.verification !== 'confirmed' && (
                  <PostForm ctx={ctx} action={`/staff/incidents/facts/${fc.id}/verify`}>
                    <SelectField
                      ctx={ctx}
                      name="verification"
                      label={t('cohorts.incidents.verify')}
                      values={{}}
                      errors={{}}
                      options={levelOptions(ctx, can).filter(
                        (o) => VERIFICATION_LEVELS.indexOf(o.value) > VERIFICATION_LEVELS.indexOf(fc.verification),
                      )}
                    />
                    <button type="submit" class="secondary">
                      {t('cohorts.incidents.verify')}
                    </button>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {can.editIncidents && (
          <details open={form?.name === 'fact'}>
            <summary>{t('cohorts.incidents.addFact')}</summary>
            <FormErrorSummary ctx={ctx} errors={fact.errors} />
            <PostForm ctx={ctx} action={`/staff/incidents/${page.id}/facts`}>
              <SelectField
                {...fact}
                name="kind"
                label={t('cohorts.incidents.kind')}
                required
                options={EVENT_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
              />
              <DateField {...fact} name="date" label={t('cohorts.incidents.date')} required />
              <TextField {...fact} name="place" label={t('cohorts.incidents.place')} maxLength={120} />
              <SelectField
                {...fact}
                name="verification"
                label={t('cohorts.incidents.verification')}
                required
                options={levelOptions(ctx, can)}
              />
              <button type="submit">{t('cohorts.incidents.add')}</button>
            </PostForm>
          </details>
        )}
      </section>
      <section aria-labelledby="sources-h">
        <h2 id="sources-h">{t('cohorts.incidents.sources')}</h2>
        {page.sources.length === 0 ? (
          <p>{t('cohorts.incidents.noSources')}</p>
        ) : (
          <ul>
            {page.sources.map((s) => (
              <li>
                {t(`cases.sources.${s.kind}`)}: {s.citation}
                {s.date && (
                  <>
                    {' '}
                    ({formatPartialDate(s.date, s.date.length === 4 ? 'year' : s.date.length === 7 ? 'month' : 'day')})
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {can.editIncidents && (
          <details open={form?.name === 'source'}>
            <summary>{t('cohorts.incidents.addSource')}</summary>
            <FormErrorSummary ctx={ctx} errors={source.errors} />
            <PostForm ctx={ctx} action={`/staff/incidents/${page.id}/sources`}>
              <SelectField
                {...source}
                name="kind"
                label={t('cohorts.incidents.sourceKind')}
                required
                options={EVENT_SOURCES.map((k) => ({ value: k, label: t(`cases.sources.${k}`) }))}
              />
              {/* Shown on every linked family's case page (CaseIncidents): said where it is typed. */}
              <TextField
                {...source}
                name="citation"
                label={t('cohorts.incidents.citation')}
                hint={t('cohorts.incidents.citationHint')}
                required
                maxLength={500}
              />
              <DateField {...source} name="date" label={t('cohorts.incidents.sourceDate')} />
              <button type="submit">{t('cohorts.incidents.add')}</button>
            </PostForm>
          </details>
        )}
      </section>
      <p>
        <a href="/staff/incidents">{t('cohorts.incidents.title')}</a>
      </p>
    </Layout>
  );
};

/** An incident as a linked person's case page shows it (no description: staff only). */
export const CaseIncidents = ({
  ctx,
  incidents,
  staff,
}: {
  ctx: PageContext;
  incidents: IncidentSummary[];
  staff: boolean;
}) => {
  const { t } = ctx;
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="case-incidents-h">
      <h2 id="case-incidents-h">{t(staff ? 'cohorts.incidents.caseTitleStaff' : 'cohorts.incidents.caseTitle')}</h2>
      {incidents.map((i) => {
        // A family reads facts once they are corroborated; with none yet, no empty list.
        const facts = i.facts.filter((f) => staff || f.verification !== 'reported');
        return (
          <article>
            <h3>{staff ? <a href={`/staff/incidents/${i.id}`}>{i.title}</a> : i.title}</h3>
            <p>
              {formatPartialDate(i.date.value, i.date.precision)}
              {i.place && <>, {i.place}</>}
            </p>
            {facts.length > 0 && (
              <ul>
                {facts.map((f) => (
                  <li>{factLine(ctx, f)}</li>
                ))}
              </ul>
            )}
            {i.sources.length > 0 && (
              <p>
                <small>
                  {t('cohorts.incidents.sources')}:{' '}
                  {i.sources.map((s) => `${t(`cases.sources.${s.kind}`)} — ${s.citation}`).join('; ')}
                </small>
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
};

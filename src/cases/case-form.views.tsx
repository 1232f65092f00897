import { isActive, type CaseState } from './case-lifecycle.ts';
import { Layout } from '../web/layout.tsx';
import { OrganisationsAbout } from '../accounts/organisation-about.views.tsx';
import type { OrganisationChoice } from '../accounts/organisation-about.service.ts';
import { formatDay } from '../people/partial-date.ts';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, SelectField, TextArea, type FormErrors, type FormValues } from '../web/forms.tsx';
import { DateField, PersonFields } from '../people/people.views.tsx';
import type { EarlierRequest } from './duplicate-request.ts';
import { CONTACT_MEANS, RELATIONS, TEXT_LIMITS } from './cases.schema.ts';
import { AcknowledgedWarnings, DateWarnings, statusLine } from './case-status.views.tsx';
import type { EventCheck } from './verification-lifecycle.ts';
import type { PersonStatus } from './status-rules.ts';

export const enumOptions = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}`) }));

/** The family already has an open request about this person: a link to it, and a second sending goes through. */
const EarlierRequestNotice = ({ ctx, earlier }: { ctx: PageContext; earlier: EarlierRequest }) => (
  <section class="notice" role="alert" aria-labelledby="earlier-h">
    <h2 id="earlier-h">{ctx.t('cases.duplicate.title')}</h2>
    <p>
      {ctx.t('cases.duplicate.body', { name: earlier.name, date: formatDay(earlier.openedOn) })}{' '}
      <a href={`/cases/${earlier.caseId}`}>{ctx.t('cases.duplicate.link')}</a>
    </p>
    <p>{ctx.t('cases.duplicate.anyway')}</p>
  </section>
);

export const NewCasePage = ({
  ctx,
  organisations,
  values,
  errors,
  earlier,
  warnings,
}: {
  ctx: PageContext;
  organisations: OrganisationChoice[];
  values: FormValues;
  errors: FormErrors;
  /** set when this family already has an open request about the same person */
  earlier?: EarlierRequest;
  /** dates that do not agree (a last contact before the date of birth): sent again, saved */
  warnings?: EventCheck;
}) => {
  const { t } = ctx;
  // With a single organisation on the site there is nothing to choose.
  const f = {
    ctx,
    values:
      organisations.length === 1 && values.organisation === undefined
        ? { ...values, organisation: organisations[0].id }
        : values,
    errors,
  };
  if (organisations.length === 0) {
    return (
      <Layout ctx={ctx} heading={t('cases.newTitle')}>
        <p>{t('cases.noOrganisations')}</p>
        <p>
          <a href="/my/cases">{t('cases.myCasesTitle')}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} heading={t('cases.newTitle')}>
      <p>{t('cases.newIntro')}</p>
      {/* An idle session ends (30 minutes by default) and a form posted after that is lost. */}
      <p class="muted">{t('cases.newTimeout')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      {earlier && <EarlierRequestNotice ctx={ctx} earlier={earlier} />}
      {warnings && <DateWarnings ctx={ctx} check={warnings} advice={t('cases.check.warningsPerson')} />}
      <PostForm ctx={ctx} action="/cases/new">
        {earlier && <input type="hidden" name="duplicate_of" value={earlier.caseId} />}
        {warnings && <AcknowledgedWarnings check={warnings} />}
        {/* Before the choice: read, then chosen (under it, she chose first, QA walk 12). */}
        <OrganisationsAbout ctx={ctx} organisations={organisations} />
        <SelectField
          {...f}
          name="organisation"
          label={t('cases.organisation')}
          required
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          emptyLabel={t('cases.organisationEmpty')}
          hint={t('cases.organisationHint')}
        />
        <PersonFields ctx={ctx} values={values} errors={errors} />
        <fieldset>
          <legend>{t('cases.aboutYou')}</legend>
          <SelectField
            {...f}
            name="relation"
            label={t('cases.relation')}
            required
            options={enumOptions(ctx, 'cases.relations', RELATIONS)}
          />
          <DateField
            {...f}
            name="last_contact_date"
            label={t('cases.lastContactDate')}
            hint={t('cases.lastContactHint')}
          />
          <SelectField
            {...f}
            name="last_contact_means"
            label={t('cases.lastContactMeans')}
            options={enumOptions(ctx, 'cases.means', CONTACT_MEANS)}
          />
          <TextArea
            {...f}
            name="narrative"
            label={t('cases.narrative')}
            hint={t('cases.narrativeHint')}
            required
            maxLength={TEXT_LIMITS.narrative}
            rows={6}
          />
          <TextArea
            {...f}
            name="wants_to_learn"
            label={t('cases.wantsToLearn')}
            required
            maxLength={TEXT_LIMITS.wantsToLearn}
            rows={3}
          />
        </fieldset>
        <button type="submit">{t(earlier ? 'cases.duplicate.submit' : 'cases.open')}</button>
      </PostForm>
    </Layout>
  );
};

export const MyCasesPage = ({
  ctx,
  cases,
}: {
  ctx: PageContext;
  cases: Array<{
    id: string;
    name: string;
    state: CaseState;
    openedOn: string;
    lastActivityOn: string;
    status: PersonStatus;
    pending: PersonStatus | null;
    news: number;
  }>;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('cases.myCasesTitle')}>
      {cases.length === 0 ? (
        <p>{t('cases.myCasesEmpty')}</p>
      ) : (
        <ul>
          {cases.map((c) => (
            <li>
              <a href={`/cases/${c.id}`}>{c.name}</a>
              {c.news > 0 && (
                <>
                  {' '}
                  <strong class="new">{t('cases.news.count', { count: c.news })}</strong>
                </>
              )}
              <br />
              <small>
                {t('cases.statusLabel')}: {statusLine(ctx, c.status, c.pending)} · {t('cases.state')}:{' '}
                {t(`cases.states.${isActive(c.state) ? 'open' : 'closed'}`)} · {t('cases.openedOn')}{' '}
                {formatDay(c.openedOn)}
              </small>
              {c.state === 'waiting_on_family' && (
                <>
                  <br />
                  {/* Straight to the reply: the request's page is long on a phone (QA walk 9). */}
                  <strong>
                    <a href={`/cases/${c.id}#messages`}>{t('cases.waitingOnFamily')}</a>
                  </strong>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        {/* With no request yet this is the only next step: make it look like one. */}
        <a href="/cases/new" role={cases.length === 0 ? 'button' : undefined}>
          {t('cases.newCaseLink')}
        </a>
      </p>
    </Layout>
  );
};

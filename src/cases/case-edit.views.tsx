import { localDate } from '../web/time.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  ConfirmForm,
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { DateField, PersonFields } from '../people/people.views.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { fullName, type PersonRevisionView } from '../people/people.service.ts';
import { enumOptions } from './case-form.views.tsx';
import { CONTACT_MEANS, RELATIONS, TEXT_LIMITS } from './cases.schema.ts';
import type { CaseView } from './cases.service.ts';
import { AcknowledgedWarnings, DateWarnings } from './case-status.views.tsx';
import type { EventCheck } from './verification-lifecycle.ts';

// Correcting a case and withdrawing it: separate pages, so each works without JavaScript and a
// withdrawal is never one stray tap away on the case page.

/** The form's starting values: what is stored now, in the form the fields accept. */
export const editValues = (view: CaseView): FormValues => {
  const p = view.person;
  const v: Record<string, string | null> = {
    surname: p.surname,
    given_name: p.given_name,
    patronymic: p.patronymic,
    birth_date: p.birth_date && formatPartialDate(p.birth_date, p.birth_precision),
    region: p.region_code,
    unit_number: p.unit_number,
    unit_name: p.unit_name,
    rank: p.rank,
    service_category: p.service_category,
    last_contact_date: view.lastContact.date && formatPartialDate(view.lastContact.date, view.lastContact.precision),
    last_contact_means: view.lastContact.means,
    relation: view.relation,
    narrative: view.narrative,
    wants_to_learn: view.wantsToLearn,
  };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? '']));
};

/** Links under the case, for whoever may use them (the case page shows them only while open). */
export const CaseEditLinks = ({ ctx, view }: { ctx: PageContext; view: CaseView }) =>
  !view.can.edit ? null : (
    <p>
      <a href={`/cases/${view.id}/edit`}>{ctx.t('cases.edit.link')}</a>
      {view.can.withdraw && (
        <>
          {' · '}
          <a href={`/cases/${view.id}/withdraw`}>{ctx.t('cases.withdraw.link')}</a>
        </>
      )}
    </p>
  );

const Revisions = ({ ctx, revisions }: { ctx: PageContext; revisions: PersonRevisionView[] }) =>
  revisions.length === 0 ? null : (
    <section aria-labelledby="revisions-h">
      <h2 id="revisions-h">{ctx.t('cases.edit.history')}</h2>
      <p class="muted">{ctx.t('cases.edit.historyIntro')}</p>
      <ul>
        {revisions.map((r) => (
          <li>
            {ctx.t('cases.edit.replaced', {
              date: localDate(r.replaced_at, ctx.timeZone),
              by: ctx.t(`cases.edit.by.${r.replaced_by === 'family' ? 'family' : 'staff'}`),
            })}
            :{' '}
            {[
              fullName(r),
              r.birth_date && formatPartialDate(r.birth_date, r.birth_precision),
              r.region_code && regionName(r.region_code, ctx.lang),
              [r.unit_number, r.unit_name].filter(Boolean).join(', '),
              r.rank,
              ctx.t(`people.categories.${r.service_category}`),
            ]
              .filter(Boolean)
              .join(' · ')}
          </li>
        ))}
      </ul>
    </section>
  );

const Closed = ({ ctx, caseId, heading }: { ctx: PageContext; caseId: string; heading: string }) => (
  <Layout ctx={ctx} heading={heading}>
    <p class="notice">{ctx.t('cases.edit.closed')}</p>
    <p>
      <a href={`/cases/${caseId}`}>{ctx.t('cases.edit.back')}</a>
    </p>
  </Layout>
);

export const EditCasePage = (p: {
  ctx: PageContext;
  caseId: string;
  open: boolean;
  /** which side's words the page uses (the policy's CaseAbilities.voice) */
  voice: 'family' | 'staff';
  /** the form offers the last contact (the policy's correct_last_contact: the requester's own word) */
  lastContact: boolean;
  values: FormValues;
  errors: FormErrors;
  revisions: PersonRevisionView[];
  /** a date of birth that makes an event impossible: sent again, saved */
  warnings?: EventCheck;
  /** saved by someone else since the form was opened: the form is back, as typed */
  changed?: boolean;
}) => {
  const { ctx } = p;
  const t = ctx.t;
  if (!p.open) return <Closed ctx={ctx} caseId={p.caseId} heading={t('cases.edit.title')} />;
  const f = { ctx, values: p.values, errors: p.errors };
  const family = p.voice === 'family';
  return (
    <Layout ctx={ctx} heading={t('cases.edit.title')}>
      <p>{t(family ? 'cases.edit.introFamily' : 'cases.edit.introStaff')}</p>
      <FormErrorSummary ctx={ctx} errors={p.errors} />
      {p.changed && (
        <p>
          <a href={`/cases/${p.caseId}`} target="_blank" rel="noopener noreferrer">
            {t('cases.edit.seeCurrent')}
          </a>
        </p>
      )}
      {p.warnings && <DateWarnings ctx={ctx} check={p.warnings} advice={t('cases.check.warningsPerson')} />}
      <PostForm ctx={ctx} action={`/cases/${p.caseId}/edit`}>
        {p.warnings && <AcknowledgedWarnings check={p.warnings} />}
        {p.values.seen && <input type="hidden" name="seen" value={p.values.seen} />}
        <PersonFields ctx={ctx} values={p.values} errors={p.errors} staff={!family} />
        <fieldset>
          <legend>{t(family ? 'cases.detailsFamily' : 'cases.details')}</legend>
          <SelectField
            {...f}
            name="relation"
            label={t(family ? 'cases.relation' : 'cases.relationStaff')}
            required
            options={enumOptions(ctx, 'cases.relations', RELATIONS)}
          />
          {p.lastContact && (
            <>
              <input type="hidden" name="with_last_contact" value="1" />
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
              <p class="muted">{t('cases.edit.lastContactNote')}</p>
            </>
          )}
          <TextArea
            {...f}
            name="narrative"
            label={t(family ? 'cases.narrative' : 'cases.narrativeStaff')}
            required
            maxLength={TEXT_LIMITS.narrative}
            rows={6}
          />
          <TextArea
            {...f}
            name="wants_to_learn"
            label={t(family ? 'cases.wantsToLearn' : 'cases.wantsToLearnStaff')}
            required
            maxLength={TEXT_LIMITS.wantsToLearn}
            rows={3}
          />
        </fieldset>
        <button type="submit">{t('cases.edit.submit')}</button>
      </PostForm>
      <p>
        <a href={`/cases/${p.caseId}`}>{t('cases.edit.cancel')}</a>
      </p>
      <Revisions ctx={ctx} revisions={p.revisions} />
    </Layout>
  );
};

export const WithdrawPage = (p: {
  ctx: PageContext;
  caseId: string;
  open: boolean;
  retention: CaseView['retention'];
  errors: FormErrors;
}) => {
  const { ctx } = p;
  const t = ctx.t;
  if (!p.open) return <Closed ctx={ctx} caseId={p.caseId} heading={t('cases.withdraw.title')} />;
  return (
    <Layout ctx={ctx} heading={t('cases.withdraw.title')}>
      {/* The only field is the hidden confirmation: name its error in words, not as a count. */}
      {p.errors.confirm ? (
        <p role="alert" class="form-errors">
          {t(p.errors.confirm.key)}
        </p>
      ) : (
        <FormErrorSummary ctx={ctx} errors={p.errors} />
      )}
      <p>{t('cases.withdraw.what')}</p>
      {/* Withdrawing starts the retention clock like any close (docs/retention.md): say when. */}
      {p.retention && (
        <p>{t('cases.withdraw.retention', { count: p.retention.days, date: formatDay(p.retention.ifClosedToday) })}</p>
      )}
      <p>{t('cases.withdraw.again')}</p>
      <ConfirmForm
        ctx={ctx}
        action={`/cases/${p.caseId}/withdraw`}
        submit={t('cases.withdraw.submit')}
        back={{ href: `/cases/${p.caseId}`, label: t('cases.withdraw.cancel') }}
      />
    </Layout>
  );
};

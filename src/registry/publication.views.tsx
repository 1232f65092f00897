import { Layout } from '../web/layout.tsx';
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
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import type { PublicationView } from './publication.service.ts';
import type { Desk } from './desk.service.ts';
import type { Snapshot, PublicSource } from './public-record.ts';
import type { RecordRow } from './registry.repository.ts';
import { fullNameOf, RecordFacts, SourcesList } from './registry.views.tsx';
import { SOURCE_ROWS, WAIVER_REASONS, WITHDRAW_REASONS, type SourceInput } from './registry.schema.ts';

// The verifier's pages: the desk, one case's publication (checks, preview, the steps), one
// record (correct, withdraw), and relatives' requests. What each page offers comes from the
// abilities the policy and the record's lifecycle computed (view.can); views test no role.

export const PUBLICATION_NOTICES = ['announced', 'waived', 'published', 'corrected', 'withdrawn', 'closed'] as const;
export type PublicationNotice = (typeof PUBLICATION_NOTICES)[number];

export interface PublicationForm {
  name: 'waive' | 'publish' | 'correct' | 'withdraw';
  values: FormValues;
  errors: FormErrors;
}

const Done = ({ ctx, notice }: { ctx: PageContext; notice?: PublicationNotice }) =>
  notice ? (
    <p class="notice done" role="status">
      {ctx.t(`registry.publication.done.${notice}`)}
    </p>
  ) : null;

const formState = (form: PublicationForm | undefined, name: PublicationForm['name'], start: FormValues = {}) =>
  form?.name === name ? { values: form.values, errors: form.errors } : { values: start, errors: {} as FormErrors };

/** Source rows as form values (to start a correction from what is published). */
export const sourceValues = (sources: SourceInput[] | PublicSource[]): FormValues => {
  const out: FormValues = {};
  sources.forEach((s, i) => {
    out[`source_title_${i + 1}`] = s.title;
    out[`source_date_${i + 1}`] = s.date ? formatPartialDate(s.date.value, s.date.precision) : '';
    out[`source_url_${i + 1}`] = s.url ?? '';
  });
  return out;
};

const SourceFields = ({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FormErrors }) => {
  const rows = Math.max(
    SOURCE_ROWS,
    Object.keys(values).filter((k) => k.startsWith('source_title_') && values[k]).length,
  );
  return (
    <>
      <p>
        <small>{ctx.t('registry.publication.sourcesHint')}</small>
      </p>
      {[...Array(Math.min(rows, 5)).keys()].map((i) => (
        <fieldset>
          <TextField
            ctx={ctx}
            values={values}
            errors={errors}
            name={`source_title_${i + 1}`}
            label={ctx.t('registry.publication.sourceTitle', { n: i + 1 })}
            required={i === 0}
            maxLength={300}
          />
          <TextField
            ctx={ctx}
            values={values}
            errors={errors}
            name={`source_date_${i + 1}`}
            label={ctx.t('registry.publication.sourceDate')}
            maxLength={20}
          />
          <TextField
            ctx={ctx}
            values={values}
            errors={errors}
            name={`source_url_${i + 1}`}
            label={ctx.t('registry.publication.sourceUrl')}
            maxLength={500}
            type="url"
          />
        </fieldset>
      ))}
    </>
  );
};

const Check = ({ ctx, ok, children }: { ctx: PageContext; ok: boolean; children: preact.ComponentChildren }) => (
  <li>
    <strong>{ok ? `✓ ${ctx.t('registry.publication.ok')}` : `✗ ${ctx.t('registry.publication.notOk')}`}</strong>:{' '}
    {children}
  </li>
);

const previewOf = (s: Snapshot, sources: SourceInput[]) => ({
  surname: s.surname,
  givenName: s.given_name,
  patronymic: s.patronymic,
  nameLatin: s.name_latin,
  birthYear: s.birth_year,
  region: s.region_code,
  unitNumber: s.unit_number,
  unitName: s.unit_name,
  rank: s.rank,
  category: s.category,
  status: s.status as 'dead' | 'missing',
  date: s.event_date && s.event_precision ? { value: s.event_date, precision: s.event_precision } : null,
  place: s.event_place,
  basis: s.basis,
  sources,
});

export const PublicationPage = ({
  ctx,
  view,
  form,
  notice,
  noticeDays,
}: {
  ctx: PageContext;
  view: PublicationView;
  form?: PublicationForm;
  notice?: PublicationNotice;
  noticeDays: number;
}) => {
  const { t } = ctx;
  const q = view.qualification;
  const has = (p: string) => q.problems.includes(p as never);
  const n = view.notice;
  // the families still owed their days: a recorded reason waives its own family's only
  const waiting = n.cases.filter((c) => !c.waived);
  const lastTold = waiting
    .map((c) => c.on)
    .filter(Boolean)
    .sort()
    .pop();
  // Asked again once every family was told, the step tells no one twice and restarts no days: it
  // takes the record from the case's timeline again, and says so.
  const allTold = waiting.length > 0 && waiting.every((c) => c.on);
  const errors = form?.errors ?? {};
  return (
    <Layout ctx={ctx} heading={t('registry.publication.title')}>
      <Done ctx={ctx} notice={notice} />
      <NotSent ctx={ctx} form={form} />
      {errors._form && !notSentProblem(errors) && <FormErrorSummary ctx={ctx} errors={errors} />}
      <p>
        <strong>
          {[view.facts.person.surname, view.facts.person.given_name, view.facts.person.patronymic]
            .filter(Boolean)
            .join(' ')}
        </strong>{' '}
        · <a href={`/cases/${view.ref.caseId}`}>{t('registry.publication.caseLink')}</a>
        {view.record?.state === 'published' && (
          <>
            {' '}
            · <a href={`/registry/persons/${view.record.id}`}>{t('registry.publication.publicLink')}</a> ·{' '}
            <a href={`/staff/registry/records/${view.record.id}`}>{t('registry.desk.manageRecord')}</a>
          </>
        )}
      </p>
      {view.otherOrganisation && <p class="notice">{t('registry.publication.otherOrganisation')}</p>}
      <section aria-labelledby="checks-h">
        <h2 id="checks-h">{t('registry.publication.checks')}</h2>
        <ul class="checks">
          <Check ctx={ctx} ok={!has('status_not_published')}>
            {t('registry.publication.checkStatus', { status: t(`cases.statuses.${view.facts.status.status}`) })}
            {has('status_not_published') && <> — {t('registry.problems.status_not_published')}</>}
          </Check>
          <Check ctx={ctx} ok={q.basis !== null}>
            {q.basis
              ? t('registry.publication.checkBasis', { basis: t(`registry.bases.${q.basis}`) })
              : t('registry.problems.not_confirmed')}
          </Check>
          <Check ctx={ctx} ok={!has('open_discrepancy')}>
            {has('open_discrepancy')
              ? t('registry.problems.open_discrepancy')
              : t('registry.publication.checkDiscrepancy')}
          </Check>
          <Check ctx={ctx} ok={!has('unverified_report')}>
            {has('unverified_report')
              ? t('registry.problems.unverified_report')
              : t('registry.publication.checkPending')}
          </Check>
          <Check ctx={ctx} ok={!has('family_opted_out')}>
            {has('family_opted_out') ? t('registry.problems.family_opted_out') : t('registry.publication.checkFamily')}
          </Check>
          <Check ctx={ctx} ok={n.satisfied}>
            {t('registry.publication.checkNotice')}.{' '}
            {n.waiver && (
              <>{t('registry.publication.noticeWaived', { reason: t(`registry.publication.waivers.${n.waiver}`) })} </>
            )}
            {waiting.length > 0 &&
              (lastTold && n.publishableFrom
                ? t('registry.publication.noticeTold', {
                    date: formatDay(lastTold),
                    from: formatDay(n.publishableFrom),
                  })
                : t('registry.publication.noticeNotTold'))}
            {waiting.length > 0 && lastTold && (
              <>
                {' '}
                {t(
                  waiting.every((c) => c.seen)
                    ? 'registry.publication.noticeSeen'
                    : 'registry.publication.noticeNotSeen',
                )}
              </>
            )}
          </Check>
        </ul>
      </section>
      {view.preview && (
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">{t('registry.publication.preview')}</h2>
          <p>
            <strong>{fullNameOf(previewOf(view.preview, view.sources))}</strong>
          </p>
          <RecordFacts ctx={ctx} r={previewOf(view.preview, view.sources)} />
          {view.sources.length > 0 && <SourcesList ctx={ctx} sources={view.sources} />}
        </section>
      )}
      {/* Nothing to press yet: say what to do and where, rather than end the page on a ✗. */}
      {!view.can.announce &&
        !view.can.publish &&
        view.record?.state !== 'published' &&
        !view.otherOrganisation &&
        !has('family_opted_out') && (
          <p class="notice">
            {t('registry.publication.nothingYet')}{' '}
            <a href={`/cases/${view.ref.caseId}`}>{t('registry.publication.openCase')}</a>
          </p>
        )}
      {view.can.announce && (
        <section aria-labelledby="announce-h">
          <h2 id="announce-h">
            {t(allTold ? 'registry.publication.announcedAlready' : 'registry.publication.announce')}
          </h2>
          <p>
            {allTold
              ? t('registry.publication.announceAgainHint')
              : t('registry.publication.announceHint', { count: noticeDays })}
          </p>
          <PostForm ctx={ctx} action={`/staff/registry/cases/${view.ref.caseId}/announce`}>
            <button type="submit" class={allTold ? 'secondary' : undefined}>
              {t(allTold ? 'registry.publication.announceAgain' : 'registry.publication.announce')}
            </button>
          </PostForm>
          <h3 id="waive-h">{t('registry.publication.waive')}</h3>
          <PostForm ctx={ctx} action={`/staff/registry/cases/${view.ref.caseId}/waive`}>
            <SelectField
              ctx={ctx}
              {...formState(form, 'waive')}
              name="reason"
              label={t('registry.publication.waiveReason')}
              required
              options={WAIVER_REASONS.map((r) => ({ value: r, label: t(`registry.publication.waivers.${r}`) }))}
            />
            <button type="submit" class="secondary">
              {t('registry.publication.waiveSubmit')}
            </button>
          </PostForm>
        </section>
      )}
      {view.can.publish && (
        <section aria-labelledby="publish-h">
          <h2 id="publish-h">{t('registry.publication.publish')}</h2>
          {form?.name === 'publish' && <FormErrorSummary ctx={ctx} errors={form.errors} />}
          <PostForm ctx={ctx} action={`/staff/registry/cases/${view.ref.caseId}/publish`}>
            <SourceFields ctx={ctx} {...formState(form, 'publish', sourceValues(view.sources))} />
            <button type="submit">{t('registry.publication.publish')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
};

/**
 * A form far down that came back — not sent at all (lost CSRF cookie), or with a field to fix:
 * said at the top, with the way to it. On a phone the page reloads at its top, and a verifier who
 * left a source without its title saw nothing there and took the record for published.
 */
const NotSent = ({ ctx, form }: { ctx: PageContext; form?: PublicationForm }) => {
  const problem = form && notSentProblem(form.errors);
  // a whole-form problem (not qualified any more…) is already said in full at the top
  const failed = problem || (form && Object.keys(form.errors).some((k) => k !== '_form'));
  return (
    <FailedFormNotice ctx={ctx} at={failed && form ? `${form.name}-h` : undefined} problem={problem || undefined} />
  );
};

/** One record of the organisation: what is public, and the forms to correct or withdraw it. */
export const RecordPage = ({
  ctx,
  record,
  sources,
  corrections,
  can,
  form,
  notice,
}: {
  ctx: PageContext;
  record: RecordRow;
  sources: PublicSource[];
  corrections: Array<{ corrected_on: string; note: string }>;
  can: { correct: boolean; withdraw: boolean };
  form?: PublicationForm;
  notice?: PublicationNotice;
}) => {
  const { t } = ctx;
  const r = {
    surname: record.surname,
    givenName: record.given_name,
    patronymic: record.patronymic,
    nameLatin: record.name_latin,
    birthYear: record.birth_year,
    region: record.region_code,
    unitNumber: record.unit_number,
    unitName: record.unit_name,
    rank: record.rank,
    category: record.category,
    status: record.status as 'dead' | 'missing',
    date:
      record.event_date && record.event_precision
        ? { value: record.event_date, precision: record.event_precision }
        : null,
    place: record.event_place,
    basis: record.basis,
    sources,
  };
  const correct = formState(form, 'correct', sourceValues(sources));
  return (
    <Layout ctx={ctx} heading={fullNameOf(r)}>
      <Done ctx={ctx} notice={notice} />
      <NotSent ctx={ctx} form={form} />
      <p>
        {t('registry.desk.record')}:{' '}
        <strong>{t(`registry.desk.states.${record.state}`, { date: formatDay(record.announced_on ?? '') })}</strong>
        {record.state === 'withdrawn' && record.withdraw_reason && (
          <> ({t(`registry.publication.withdrawReasons.${record.withdraw_reason}`)})</>
        )}
        {record.state === 'published' && (
          <>
            {' '}
            · <a href={`/registry/persons/${record.id}`}>{t('registry.publication.publicLink')}</a>
          </>
        )}
      </p>
      <RecordFacts ctx={ctx} r={r} />
      <SourcesList ctx={ctx} sources={sources} />
      {corrections.length > 0 && (
        <>
          <h2>{t('registry.publication.history')}</h2>
          <ul>
            {corrections.map((c) => (
              <li>
                {formatDay(c.corrected_on)}: {c.note}
              </li>
            ))}
          </ul>
        </>
      )}
      {can.correct && (
        <section aria-labelledby="correct-h">
          <h2 id="correct-h">{t('registry.publication.correct')}</h2>
          <p>{t('registry.publication.correctHint')}</p>
          {form?.name === 'correct' && <FormErrorSummary ctx={ctx} errors={form.errors} />}
          <PostForm ctx={ctx} action={`/staff/registry/records/${record.id}/correct`}>
            <SourceFields ctx={ctx} {...correct} />
            <TextArea
              ctx={ctx}
              {...correct}
              name="note"
              label={t('registry.publication.note')}
              required
              maxLength={1000}
              rows={3}
            />
            <button type="submit">{t('registry.publication.correctSubmit')}</button>
          </PostForm>
        </section>
      )}
      {can.withdraw && (
        <section aria-labelledby="withdraw-h">
          <h2 id="withdraw-h">{t('registry.publication.withdraw')}</h2>
          <PostForm ctx={ctx} action={`/staff/registry/records/${record.id}/withdraw`}>
            <SelectField
              ctx={ctx}
              {...formState(form, 'withdraw')}
              name="reason"
              label={t('registry.publication.withdrawReason')}
              required
              options={WITHDRAW_REASONS.map((w) => ({
                value: w,
                label: t(`registry.publication.withdrawReasons.${w}`),
              }))}
            />
            <button type="submit" class="secondary">
              {t('registry.publication.withdrawSubmit')}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
};

export const DeskPage = ({ ctx, desk }: { ctx: PageContext; desk: Desk }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.desk.title')}>
      <p>
        {t('registry.desk.intro')} <a href="/registry/methodology">{t('registry.links.methodology')}</a>
      </p>
      <p>
        {desk.newRequests > 0 ? (
          <a href="/staff/registry/requests">{t('registry.desk.requests', { count: desk.newRequests })}</a>
        ) : (
          <>
            {t('registry.desk.noRequests')} <a href="/staff/registry/requests">{t('registry.requests.title')}</a>
          </>
        )}
      </p>
      <h2>{t('registry.desk.candidates')}</h2>
      {desk.candidates.length === 0 ? (
        <p>{t('registry.desk.noCandidates')}</p>
      ) : (
        <ul>
          {desk.candidates.map((c) => (
            <li>
              <a href={`/staff/registry/cases/${c.caseId}`}>{c.name}</a> · {t(`cases.statuses.${c.status}`)} ·{' '}
              {c.record
                ? t(`registry.desk.states.${c.record.state}`, { date: formatDay(c.record.announcedOn ?? '') })
                : t('registry.desk.states.none')}
              {c.doNotPublish && (
                <>
                  {' '}
                  · <strong>{t('registry.desk.familyOptedOut')}</strong>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('registry.desk.records')}</h2>
      {desk.records.length === 0 ? (
        <p>{t('registry.desk.noRecords')}</p>
      ) : (
        <ul>
          {desk.records.map((r) => (
            <li>
              <a href={`/staff/registry/records/${r.id}`}>
                {[r.surname, r.given_name, r.patronymic].filter(Boolean).join(' ')}
              </a>{' '}
              · {t(`registry.desk.states.${r.state}`, { date: formatDay(r.announced_on ?? '') })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

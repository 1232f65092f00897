import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { localDate } from '../web/time.ts';
import { FormErrorSummary, PostForm, SelectField, TextArea, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { RequestDetail } from './request-answer.service.ts';
import { decisionOf, decisionsFrom, publicStateOf } from './request-lifecycle.ts';
import type { RequestView } from './requests.service.ts';

// The organisation's requests from relatives: the queue, and one request's page where staff
// decide it and write the answer the relative reads with their receipt code.

export const REQUEST_NOTICES = ['closed', 'answered'] as const;
export type RequestNotice = (typeof REQUEST_NOTICES)[number];

const Done = ({ ctx, notice }: { ctx: PageContext; notice?: RequestNotice }) =>
  notice ? (
    <p class="notice done" role="status">
      {ctx.t(`registry.requests.notices.${notice}`)}
    </p>
  ) : null;

const StateLine = ({ ctx, r }: { ctx: PageContext; r: Pick<RequestView, 'state' | 'outcome'> }) => (
  <>
    {ctx.t('registry.requests.state')}: {ctx.t(`registry.status.states.${publicStateOf(r.state, r.outcome)}`)}
  </>
);

/** The relative added words with the code that nobody opened yet (the list), or how many they added. */
const AddedLine = ({ ctx, r }: { ctx: PageContext; r: Pick<RequestView, 'relativeWrote' | 'additions'> }) =>
  r.additions > 0 ? (
    <p>
      {r.relativeWrote && (
        <>
          <strong class="new">{ctx.t('registry.requests.relativeWrote')}</strong>{' '}
        </>
      )}
      {ctx.t('registry.requests.additions', { count: r.additions })}
    </p>
  ) : null;

/** What the relative wrote, and how to reach them if they said: on the list and on its own page. */
const Written = ({ ctx, r }: { ctx: PageContext; r: Pick<RequestView, 'message' | 'contact'> }) => (
  <>
    <p class="prewrap">{r.message}</p>
    <p>
      {ctx.t('registry.requests.contact')}: {r.contact ?? ctx.t('registry.requests.noContact')}
    </p>
  </>
);

export const RequestsPage = ({
  ctx,
  fresh,
  handled,
  notice,
}: {
  ctx: PageContext;
  fresh: RequestView[];
  handled: RequestView[];
  notice?: RequestNotice;
}) => {
  const { t } = ctx;
  const item = (r: RequestView, open: boolean) => (
    <li>
      <p>
        <strong>{t(`registry.request.kinds.${r.kind}`)}</strong> ·{' '}
        {t('registry.requests.received', { date: formatDay(r.createdOn) })} ·{' '}
        <a href={`/staff/registry/records/${r.recordId}`}>{t('registry.requests.record')}</a>
      </p>
      <Written ctx={ctx} r={r} />
      <AddedLine ctx={ctx} r={r} />
      <p>
        <StateLine ctx={ctx} r={r} />
        {r.answeredOn && <> · {t('registry.requests.answeredOn', { date: formatDay(r.answeredOn) })}</>}
      </p>
      <p>
        <a href={`/staff/registry/requests/${r.id}`}>{t('registry.requests.openOne')}</a>
      </p>
      {open ? (
        <PostForm ctx={ctx} action={`/staff/registry/requests/${r.id}/close`}>
          <button type="submit" class="secondary">
            {t('registry.requests.close')}
          </button>
        </PostForm>
      ) : (
        r.handledAt && (
          <p class="muted">{t('registry.requests.handled', { date: localDate(r.handledAt, ctx.timeZone) })}</p>
        )
      )}
    </li>
  );
  return (
    <Layout ctx={ctx} heading={t('registry.requests.title')}>
      <Done ctx={ctx} notice={notice} />
      <p>{t('registry.requests.intro')}</p>
      <h2>{t('registry.requests.new')}</h2>
      {fresh.length === 0 ? <p>{t('registry.requests.none')}</p> : <ul>{fresh.map((r) => item(r, true))}</ul>}
      <h2>{t('registry.requests.done')}</h2>
      {handled.length === 0 ? <p>{t('registry.requests.none')}</p> : <ul>{handled.map((r) => item(r, false))}</ul>}
    </Layout>
  );
};

export interface AnswerForm {
  values: FormValues;
  errors: FormErrors;
}

export const RequestDetailPage = ({
  ctx,
  r,
  form,
  notice,
}: {
  ctx: PageContext;
  r: RequestDetail;
  form?: AnswerForm;
  notice?: RequestNotice;
}) => {
  const { t } = ctx;
  const values = form?.values ?? { decision: decisionOf(r.state, r.outcome) ?? '', answer: r.answer ?? '' };
  const f = { ctx, values, errors: form?.errors ?? {} };
  return (
    <Layout ctx={ctx} heading={t(`registry.request.kinds.${r.kind}`)}>
      <Done ctx={ctx} notice={notice} />
      <p>
        {t('registry.requests.received', { date: formatDay(r.createdOn) })} ·{' '}
        <a href={`/staff/registry/records/${r.recordId}`}>{t('registry.requests.record')}</a>
      </p>
      <Written ctx={ctx} r={r} />
      {r.added.length > 0 && (
        <section aria-labelledby="added-h">
          <h2 id="added-h">{t('registry.requests.addedTitle')}</h2>
          {r.relativeWrote && (
            <p class="notice" role="status">
              {t('registry.requests.relativeWroteNotice')}
            </p>
          )}
          <ol>
            {r.added.map((a) => (
              <li>
                <p class="muted">{t('registry.requests.addedOn', { date: formatDay(a.createdOn) })}</p>
                <p class="prewrap">{a.message}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p>
        <StateLine ctx={ctx} r={r} />
      </p>
      <h2>{t('registry.requests.answerTitle')}</h2>
      <p>{t(r.answerable ? 'registry.requests.answerIntro' : 'registry.requests.noReceipt')}</p>
      {r.answer && r.answeredOn && (
        <p class="muted">{t('registry.requests.answeredOn', { date: formatDay(r.answeredOn) })}</p>
      )}
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      <PostForm ctx={ctx} action={`/staff/registry/requests/${r.id}`}>
        <SelectField
          {...f}
          name="decision"
          label={t('registry.requests.decision')}
          required
          options={decisionsFrom(r.state).map((d) => ({ value: d, label: t(`registry.requests.decisions.${d}`) }))}
        />
        {r.answerable && (
          <TextArea
            {...f}
            name="answer"
            label={t('registry.requests.answer')}
            hint={t('registry.requests.answerHint')}
            maxLength={3000}
            rows={6}
          />
        )}
        <button type="submit">{t('registry.requests.save')}</button>
      </PostForm>
      <p>
        <a href="/staff/registry/requests">{t('registry.requests.back')}</a>
      </p>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import { DateField } from '../people/people.views.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FailedFormNotice,
  FormErrorSummary,
  notSentProblem,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { EVENT_KINDS } from '../cases/timeline.ts';
import type { QueueRow } from '../cases/queue.service.ts';
import type { TipQueuePage } from './tip-staff.service.ts';
import type { TipView } from './tip-view.service.ts';
import { TIP_CLOSE_REASONS, TIP_FILTERS, type TipFilter } from './tips.schema.ts';
import {
  formOf,
  Notice,
  TipContentList,
  TipFiles,
  TipPosts,
  type TipFormState,
  type TipNotice,
} from './tips.views.tsx';

// The organisation's pages for tips: the list and one tip. What a page offers is `view.can`
// (src/policy/tips.policy.ts), never a role test.

const options = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}`) }));

export const TipQueuePageView = ({
  ctx,
  page,
  filter,
}: {
  ctx: PageContext;
  page: TipQueuePage;
  filter: TipFilter;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('tips.staff.queueTitle')}>
      {/* A wrapping line of links, as on the case queue: a <nav> list overflows a 360 px screen. */}
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      <p aria-label={t('tips.staff.queueTitle')} role="navigation">
        {TIP_FILTERS.map((f, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/staff/tips?filter=${f}`} aria-current={f === filter ? 'page' : undefined}>
              {f === filter ? <strong>{t(`tips.staff.filters.${f}`)}</strong> : t(`tips.staff.filters.${f}`)}
            </a>
          </>
        ))}
      </p>
      <p>
        <a href="/staff">{t('nav.staff')}</a>
      </p>
      {page.rows.length === 0 ? (
        <p>{t('tips.staff.empty')}</p>
      ) : (
        <ul>
          {page.rows.map((r) => (
            <li>
              <a href={`/staff/tips/${r.id}`}>{r.name || t('tips.staff.noName')}</a>
              {r.senderWrote && (
                <>
                  {' '}
                  <strong class="new">{t('tips.staff.senderWrote')}</strong>
                </>
              )}
              <br />
              <small>
                {t(`tips.states.${r.state}`)} · {t('tips.staff.received')} {formatDay(r.receivedOn)} ·{' '}
                {t('tips.staff.lastActivity')} {formatDay(r.lastActivityOn)}
              </small>
              {r.summary && <p class="muted">{r.summary}</p>}
            </li>
          ))}
        </ul>
      )}
      {page.next && (
        <p>
          <a href={`/staff/tips?filter=${filter}&after=${encodeURIComponent(page.next)}`}>{t('tips.staff.next')}</a>
        </p>
      )}
    </Layout>
  );
};

const AttachForm = ({
  ctx,
  view,
  candidates,
  form,
}: {
  ctx: PageContext;
  view: TipView;
  candidates: QueueRow[];
  form?: TipFormState;
}) => {
  const { t } = ctx;
  const state = formOf(form, 'attach');
  const c = view.content;
  // The form starts from what the sender wrote; the caseworker edits it before the family reads it.
  const values =
    form?.name === 'attach'
      ? state.values
      : {
          date: c.event_date ? formatPartialDate(c.event_date.value, c.event_date.precision) : '',
          place: c.place ?? '',
          description: c.what_happened,
        };
  const f = { ctx, values, errors: state.errors };
  return (
    <section aria-labelledby="attach-h">
      <h2 id="attach-h">{t('tips.staff.attachTitle')}</h2>
      <p class="muted">{t('tips.staff.attachIntro')}</p>
      {form?.name === 'attach' && <FormErrorSummary ctx={ctx} errors={state.errors} />}
      <PostForm ctx={ctx} action={`/staff/tips/${view.id}/attach`}>
        <fieldset>
          <legend>{t('tips.staff.candidates')}</legend>
          {candidates.length === 0 ? (
            <p>{t('tips.staff.noCandidates')}</p>
          ) : (
            candidates.map((r) => (
              <label>
                <input type="radio" name="case_ref" value={r.id} checked={values.case_ref === r.id} />{' '}
                <a href={`/cases/${r.id}`}>{r.name}</a>
                {r.unit && <> · {r.unit}</>} · {t('cases.openedOn')} {formatDay(r.openedOn)}
              </label>
            ))
          )}
          {state.errors.case_ref && (
            <small class="field-error" role="alert">
              {t(state.errors.case_ref.key)}
            </small>
          )}
        </fieldset>
        <TextField
          {...f}
          name="case_link"
          label={t('tips.staff.caseLink')}
          hint={t('tips.staff.caseLinkHint')}
          maxLength={300}
        />
        <SelectField
          {...f}
          name="kind"
          label={t('tips.staff.eventKind')}
          required
          options={options(ctx, 'cases.kinds', EVENT_KINDS)}
        />
        <DateField {...f} name="date" label={t('tips.staff.eventDate')} required />
        <TextField {...f} name="place" label={t('tips.staff.eventPlace')} maxLength={200} />
        <TextArea
          {...f}
          name="description"
          label={t('tips.staff.eventDescription')}
          hint={t('tips.staff.eventDescriptionHint')}
          maxLength={3000}
          rows={5}
        />
        <button type="submit">{t('tips.staff.attachSubmit')}</button>
      </PostForm>
    </section>
  );
};

export const StaffTipPage = ({
  ctx,
  view,
  candidates,
  linkNames = new Map(),
  form,
  notice,
  matchId = null,
}: {
  ctx: PageContext;
  view: TipView;
  candidates: QueueRow[];
  /** the person's name of each case it went into (none for a case that is gone) */
  linkNames?: Map<string, string>;
  form?: TipFormState;
  notice?: TipNotice;
  /** the comparison with known records, when the tip resembled any (src/matching/) */
  matchId?: string | null;
}) => {
  const { t } = ctx;
  const reply = formOf(form, 'reply');
  const close = formOf(form, 'close');
  // A reply or an attachment that was not sent at all (lost CSRF cookie), or a form that came
  // back with a field to fix, is said here, at the top, with the way down to the form that holds
  // what was typed: the page comes back scrolled to its top, the forms are far below.
  const notSent = form && notSentProblem(form.errors);
  const fieldToFix = form && Object.keys(form.errors).some((k) => k !== '_form');
  return (
    <Layout ctx={ctx} heading={t('tips.staff.tipTitle')}>
      <Notice ctx={ctx} notice={notice} />
      {notSent || fieldToFix ? (
        <FailedFormNotice ctx={ctx} at={`${form.name}-h`} problem={notSent || undefined} />
      ) : (
        form?.errors._form && <FormErrorSummary ctx={ctx} errors={form.errors} />
      )}
      <p>
        {t('tips.state')}: <strong>{t(`tips.states.${view.state}`)}</strong> · {t('tips.staff.received')}{' '}
        {formatDay(view.receivedOn)}
        {view.closeReason && <> · {t('tips.closedBecause', { reason: t(`tips.closeReasons.${view.closeReason}`) })}</>}
      </p>
      {matchId && (
        <p>
          <a href={`/staff/matches/tips/${matchId}`}>{t('tips.staff.resemblesKnown')}</a>
        </p>
      )}
      {view.unseen && (
        <p class="notice" role="status">
          {t('tips.staff.senderWroteNotice')}
        </p>
      )}
      {view.retention.deletesOn && (
        <p class="notice">
          {t('tips.retention', { count: view.retention.days, date: formatDay(view.retention.deletesOn) })}
        </p>
      )}
      <TipContentList ctx={ctx} content={view.content} staff />
      <TipFiles ctx={ctx} files={view.files} href={(id) => `/staff/tips/${view.id}/files/${id}`} />
      {view.links.length > 0 && (
        <section aria-labelledby="links-h">
          <h2 id="links-h">{t('tips.staff.attachedTo')}</h2>
          <ul>
            {view.links.map((l) => (
              <li>
                {linkNames.has(l.caseId) ? (
                  <a href={`/cases/${l.caseId}#event-${l.eventId}`}>{linkNames.get(l.caseId)}</a>
                ) : (
                  t('tips.staff.caseGone')
                )}{' '}
                · {formatDay(l.on)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <TipPosts
        ctx={ctx}
        view={view}
        olderHref={(b) => `/staff/tips/${view.id}?before=${b}#posts`}
        fileHref={(id) => `/staff/tips/${view.id}/files/${id}`}
      />
      {view.can.reply && (
        <section aria-labelledby="reply-h">
          <h2 id="reply-h">{t('tips.staff.replyTitle')}</h2>
          <PostForm ctx={ctx} action={`/staff/tips/${view.id}/reply`}>
            <TextArea
              ctx={ctx}
              {...reply}
              name="body"
              label={t('tips.staff.replyBody')}
              hint={t('tips.staff.replyHint')}
              required
              maxLength={5000}
              rows={4}
            />
            <button type="submit">{t('tips.staff.replySubmit')}</button>
          </PostForm>
        </section>
      )}
      {view.can.attach && <AttachForm ctx={ctx} view={view} candidates={candidates} form={form} />}
      {view.can.close && (
        <section aria-labelledby="close-h">
          <h2 id="close-h">{t('tips.staff.closeTitle')}</h2>
          <PostForm ctx={ctx} action={`/staff/tips/${view.id}/close`}>
            <SelectField
              ctx={ctx}
              {...close}
              name="reason"
              label={t('tips.staff.closeReason')}
              required
              options={options(ctx, 'tips.closeReasons', TIP_CLOSE_REASONS)}
            />
            <p>
              <small>
                {t('tips.staff.closeWarning', {
                  count: view.retention.days,
                  date: formatDay(view.retention.ifClosedToday),
                })}
              </small>
            </p>
            <button type="submit" class="secondary">
              {t('tips.staff.closeSubmit')}
            </button>
          </PostForm>
        </section>
      )}
      {view.can.reopen && (
        <PostForm ctx={ctx} action={`/staff/tips/${view.id}/reopen`}>
          <button type="submit">{t('tips.staff.reopenSubmit')}</button>
        </PostForm>
      )}
    </Layout>
  );
};

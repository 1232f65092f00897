import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { DateField, PersonSummary } from '../people/people.views.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { enumOptions } from './case-form.views.tsx';
import { CaseEditLinks } from './case-edit.views.tsx';
import { Status } from './case-status.views.tsx';
import { CLOSE_REASONS, TEXT_LIMITS } from './cases.schema.ts';
import type { CaseView, EventView, PostView } from './cases.service.ts';
import { EVENT_KINDS, EVENT_SOURCES, VERIFICATION_LEVELS, levelRank, type Verification } from './timeline.ts';

// One page for the family and for staff. What differs is decided by `view.viewer`, and the
// view model itself never carries staff notes for a family (see getCaseForViewer).

export interface FormState {
  /** which form on the page the values and errors belong to */
  name: 'event' | 'message' | 'note' | 'assign' | 'close' | 'verify';
  values: FormValues;
  errors: FormErrors;
}

/** What just succeeded (post/redirect/get carries it as ?done=…), to confirm it on the page. */
export const CASE_NOTICES = [
  'event',
  'message',
  'note',
  'assigned',
  'verified',
  'closed',
  'reopened',
  'edited',
  'withdrawn',
] as const;
export type CaseNotice = (typeof CASE_NOTICES)[number];

interface Props {
  ctx: PageContext;
  view: CaseView;
  maxLevel: Verification;
  form?: FormState;
  notice?: CaseNotice;
}

const formFor = (props: Props, name: FormState['name']) =>
  props.form?.name === name
    ? { values: props.form.values, errors: props.form.errors }
    : { values: {} as FormValues, errors: {} as FormErrors };

const VerifyForm = ({ props, e }: { props: Props; e: EventView }) => {
  const { ctx } = props;
  const higher = VERIFICATION_LEVELS.filter(
    (l) => levelRank(l) > levelRank(e.verification) && levelRank(l) <= levelRank(props.maxLevel),
  );
  if (higher.length === 0 || props.view.state !== 'open') return null;
  const error =
    props.form?.name === 'verify' && props.form.values.event === e.id ? props.form.errors.verification : undefined;
  return (
    <PostForm ctx={ctx} action={`/staff/events/${e.id}/verify`}>
      <input type="hidden" name="event" value={e.id} />
      {higher.map((l) => (
        <button type="submit" name="verification" value={l} class="secondary outline">
          {ctx.t('cases.markAs', { level: ctx.t(`cases.levels.${l}`) })}
        </button>
      ))}
      {error && (
        <small class="field-error" role="alert">
          {ctx.t(error.key)}
        </small>
      )}
    </PostForm>
  );
};

const Timeline = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="timeline-h" id="timeline">
      <h2 id="timeline-h">{t('cases.timeline')}</h2>
      {view.events.length === 0 ? (
        <p>{t('cases.noEvents')}</p>
      ) : (
        <ol>
          {view.events.map((e) => (
            <li id={`event-${e.id}`}>
              <strong>
                {formatPartialDate(e.date.value, e.date.precision)} — {t(`cases.kinds.${e.kind}`)}
              </strong>
              {e.place && <> · {e.place}</>}
              <br />
              <small>
                {t('cases.source')}: {t(`cases.sources.${e.source}`)} · {t('cases.verification')}:{' '}
                <em>{t(`cases.levels.${e.verification}`)}</em>
                {e.addedByFamily && <> · {t('cases.addedByFamily')}</>}
              </small>
              {e.description && <p>{e.description}</p>}
              {view.viewer === 'staff' && <VerifyForm props={props} e={e} />}
            </li>
          ))}
        </ol>
      )}
      {view.state === 'open' && <AddEventForm props={props} />}
    </section>
  );
};

const AddEventForm = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const state = formFor(props, 'event');
  // A family's report usually comes from the family: preselect it, they can change it.
  const f = {
    ctx,
    errors: state.errors,
    values: view.viewer === 'family' && props.form?.name !== 'event' ? { source: 'family' } : state.values,
  };
  const levels = VERIFICATION_LEVELS.filter((l) => levelRank(l) <= levelRank(props.maxLevel));
  return (
    <details open={props.form?.name === 'event'}>
      <summary>{t('cases.addEvent')}</summary>
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      <PostForm ctx={ctx} action={`/cases/${view.id}/events`}>
        <SelectField
          {...f}
          name="kind"
          label={t('cases.eventKind')}
          required
          options={enumOptions(ctx, 'cases.kinds', EVENT_KINDS)}
        />
        <DateField {...f} name="date" label={t('cases.eventDate')} required />
        <TextField {...f} name="place" label={t('cases.place')} maxLength={TEXT_LIMITS.eventPlace} />
        <SelectField
          {...f}
          name="source"
          label={t('cases.source')}
          required
          options={enumOptions(ctx, 'cases.sources', EVENT_SOURCES)}
        />
        {view.viewer === 'staff' && (
          <SelectField
            {...f}
            name="verification"
            label={t('cases.verification')}
            options={enumOptions(ctx, 'cases.levels', levels)}
          />
        )}
        <TextArea
          {...f}
          name="description"
          label={t('cases.description')}
          hint={t('cases.descriptionHint')}
          maxLength={TEXT_LIMITS.eventDescription}
        />
        <button type="submit">{t('cases.addEventSubmit')}</button>
      </PostForm>
    </details>
  );
};

const Posts = ({ ctx, posts, empty }: { ctx: PageContext; posts: PostView[]; empty: string }) =>
  posts.length === 0 ? (
    <p>{empty}</p>
  ) : (
    <ol class="posts">
      {posts.map((p) => (
        <li>
          <small>
            <strong>{p.fromFamily ? ctx.t('cases.fromFamily') : (p.author ?? ctx.t('cases.fromStaff'))}</strong> ·{' '}
            {formatDay(p.at)}
          </small>
          <p class="prewrap">{p.body}</p>
        </li>
      ))}
    </ol>
  );

const PostFormFor = ({
  props,
  name,
  action,
  label,
  submit,
  hint,
}: {
  props: Props;
  name: 'message' | 'note';
  action: string;
  label: string;
  submit: string;
  hint?: string;
}) => {
  const f = { ctx: props.ctx, ...formFor(props, name) };
  return (
    <PostForm ctx={props.ctx} action={action}>
      <TextArea {...f} name="body" label={label} hint={hint} required maxLength={TEXT_LIMITS.post} rows={3} />
      <button type="submit">{submit}</button>
    </PostForm>
  );
};

/** Who works the case: at the top of a staff member's page, where the queue leads them. */
const Assignment = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const assignable = view.staff.filter((s) => ['caseworker', 'verifier', 'org_admin'].includes(s.role));
  return (
    <section aria-labelledby="assign-h">
      <h2 id="assign-h">{t('cases.assign')}</h2>
      <p>
        {t('cases.assignee')}: {view.assignee ? view.assignee.pseudonym : t('cases.nobody')}
      </p>
      {view.state === 'open' &&
        ctx.auth &&
        view.assignee?.id !== ctx.auth.userId &&
        assignable.some((s) => s.id === ctx.auth?.userId) && (
          <PostForm ctx={ctx} action={`/staff/cases/${view.id}/assign`}>
            <input type="hidden" name="assignee" value={ctx.auth.userId} />
            <button type="submit">{t('cases.takeCase')}</button>
          </PostForm>
        )}
      {view.state === 'open' && (
        <PostForm ctx={ctx} action={`/staff/cases/${view.id}/assign`}>
          <SelectField
            ctx={ctx}
            {...formFor(props, 'assign')}
            name="assignee"
            label={t('cases.assignTo')}
            required
            requiredMark={false}
            options={assignable.map((s) => ({ value: s.id, label: s.pseudonym }))}
          />
          <button type="submit" class="secondary">
            {t('cases.assignSubmit')}
          </button>
        </PostForm>
      )}
    </section>
  );
};

const StaffWork = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <>
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">{t('cases.notes')}</h2>
        <Posts ctx={ctx} posts={view.notes} empty={t('cases.noNotes')} />
        {view.state === 'open' && (
          <PostFormFor
            props={props}
            name="note"
            action={`/staff/cases/${view.id}/notes`}
            label={t('cases.noteBody')}
            submit={t('cases.addNote')}
          />
        )}
      </section>
      <section aria-labelledby="close-h">
        {view.state === 'open' ? (
          <>
            <h2 id="close-h">{t('cases.close')}</h2>
            <PostForm ctx={ctx} action={`/staff/cases/${view.id}/close`}>
              <SelectField
                ctx={ctx}
                {...formFor(props, 'close')}
                name="reason"
                label={t('cases.closeReason')}
                required
                requiredMark={false}
                options={enumOptions(ctx, 'cases.closeReasons', CLOSE_REASONS)}
              />
              {/* Closing starts the retention clock: say so before, with the date (docs/retention.md). */}
              {view.retention && (
                <p>
                  {t('cases.retention.closeWarning', {
                    count: view.retention.days,
                    date: formatDay(view.retention.ifClosedToday),
                  })}
                </p>
              )}
              <button type="submit" class="secondary">
                {t('cases.closeSubmit')}
              </button>
            </PostForm>
          </>
        ) : (
          <>
            <h2 id="close-h">{t('cases.reopen')}</h2>
            <PostForm ctx={ctx} action={`/staff/cases/${view.id}/reopen`}>
              <button type="submit">{t('cases.reopenSubmit')}</button>
            </PostForm>
          </>
        )}
      </section>
    </>
  );
};

export const CasePage = (props: Props) => {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('cases.caseTitle')}>
      {props.notice && (
        <p class="notice done" role="status">
          {t(`cases.done.${props.notice}`)}
        </p>
      )}
      <p>
        {t('cases.state')}: <strong>{t(`cases.states.${view.state}`)}</strong> · {t('cases.openedOn')}{' '}
        {formatDay(view.openedOn)} · {t('cases.lastActivityOn')} {formatDay(view.lastActivityOn)}
        {view.state === 'open' && view.waitingOn === 'family' && (
          <>
            {' '}
            · <strong>{t(view.viewer === 'family' ? 'cases.waitingOnFamily' : 'cases.waitingOnFamilyStaff')}</strong>
          </>
        )}
      </p>
      {/* The family learns that someone has taken the request, never who. */}
      {view.viewer === 'family' && view.state === 'open' && (
        <p>{t(view.assignee ? 'cases.familyAssigned' : 'cases.familyUnassigned')}</p>
      )}
      {view.state === 'closed' && (
        <p class="notice" role="status">
          {view.closeReason && (
            <>{t('cases.closedBecause', { reason: t(`cases.closeReasons.${view.closeReason}`) })} </>
          )}
          {t(
            view.viewer !== 'family'
              ? 'cases.closedNotice'
              : view.closeReason === 'withdrawn'
                ? 'cases.closedNoticeWithdrawn'
                : 'cases.closedNoticeFamily',
          )}
          {view.viewer === 'family' && (
            <>
              {' '}
              <a href="/cases/new">{t('cases.newCaseLink')}</a>
            </>
          )}
        </p>
      )}
      {view.viewer === 'family' && view.state === 'open' && !view.messages.some((m) => !m.fromFamily) && (
        <section class="notice" aria-labelledby="next-h">
          <h2 id="next-h">{t('cases.next.title')}</h2>
          <p>{t('cases.next.body')}</p>
          <p>{t('cases.next.noNotifications')}</p>
        </section>
      )}
      {view.state === 'closed' && view.retention?.deletesOn && (
        <p class="notice">
          {t('cases.retention.deletesOn', { date: formatDay(view.retention.deletesOn) })}
          {view.viewer === 'family' && <> {t('cases.retention.accountToo', { count: view.retention.days })}</>}
        </p>
      )}
      {props.form?.errors._form && <FormErrorSummary ctx={ctx} errors={props.form.errors} />}
      {view.viewer === 'staff' && <Assignment props={props} />}
      <PersonSummary ctx={ctx} person={view.person} />
      <CaseEditLinks ctx={ctx} view={view} />
      <Status ctx={ctx} view={view} />
      <Timeline props={props} />
      <section aria-labelledby="messages-h" id="messages">
        <h2 id="messages-h">{t('cases.messages')}</h2>
        <Posts ctx={ctx} posts={view.messages} empty={t('cases.noMessages')} />
        {view.state === 'open' && (
          <PostFormFor
            props={props}
            name="message"
            action={`/cases/${view.id}/messages`}
            label={t(view.viewer === 'family' ? 'cases.messageBody' : 'cases.messageBodyStaff')}
            hint={t(view.viewer === 'family' ? 'cases.messageHint' : 'cases.messageHintStaff')}
            submit={t('cases.send')}
          />
        )}
      </section>
      <section aria-labelledby="details-h">
        <h2 id="details-h">{t(view.viewer === 'family' ? 'cases.detailsFamily' : 'cases.details')}</h2>
        <dl>
          <dt>{t(view.viewer === 'family' ? 'cases.relation' : 'cases.relationStaff')}</dt>
          <dd>{t(`cases.relations.${view.relation}`)}</dd>
          {view.lastContact.date && (
            <>
              <dt>{t(view.viewer === 'family' ? 'cases.lastContactDate' : 'cases.lastContactDateStaff')}</dt>
              <dd>
                {formatPartialDate(view.lastContact.date, view.lastContact.precision)}
                {view.lastContact.means && <> ({t(`cases.means.${view.lastContact.means}`)})</>}
              </dd>
            </>
          )}
          <dt>{t(view.viewer === 'family' ? 'cases.narrative' : 'cases.narrativeStaff')}</dt>
          <dd class="prewrap">{view.narrative}</dd>
          <dt>{t(view.viewer === 'family' ? 'cases.wantsToLearn' : 'cases.wantsToLearnStaff')}</dt>
          <dd class="prewrap">{view.wantsToLearn}</dd>
        </dl>
        {view.viewer === 'family' && view.state === 'open' && view.retention && (
          <p>
            <small>{t('cases.retention.whileOpen', { count: view.retention.days })}</small>
          </p>
        )}
      </section>
      {view.viewer === 'staff' && <StaffWork props={props} />}
    </Layout>
  );
};

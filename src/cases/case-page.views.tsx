import type { ComponentChildren } from 'preact';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FailedFormNotice,
  notSentProblem,
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
import { localDate, localDateTime } from '../web/time.ts';
import { enumOptions } from './case-form.views.tsx';
import { CaseEditLinks } from './case-edit.views.tsx';
import { Status } from './case-status.views.tsx';
import { TEXT_LIMITS } from './cases.schema.ts';
import { CASE_PAGE_SIZE, type CaseView, type EventView, type PostView } from './cases.service.ts';
import { isActive } from './case-lifecycle.ts';
import { CaseFiles, EventFiles } from './case-files.views.tsx';
import { EVENT_KINDS, EVENT_SOURCES, VERIFICATION_LEVELS, levelRank, type Verification } from './timeline.ts';

// One page for the family and for staff. What it offers is decided by `view.can` (the policy's
// abilities: src/policy/case.policy.ts), and which side's wording it speaks by `view.can.voice`;
// the view model itself never carries staff notes for a family (see getCaseForViewer).

export interface FormState {
  /** which form on the page the values and errors belong to */
  name: 'event' | 'message' | 'note' | 'assign' | 'close' | 'verify' | 'file';
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
  'resolved',
  'closed',
  'reopened',
  'edited',
  'withdrawn',
  'file',
  'file_removed',
] as const;
export type CaseNotice = (typeof CASE_NOTICES)[number];

interface Props {
  ctx: PageContext;
  view: CaseView;
  form?: FormState;
  /**
   * The anchor of a form of another domain's section that came back with errors (the cohorts
   * form): the top of the page says so and leads there, as for the page's own forms.
   */
  failedAt?: string;
  notice?: CaseNotice;
  /** sections other domains add to the case (appeals; linked records, incidents, cohorts), rendered after the timeline */
  sections?: ComponentChildren;
}

/** Where each form of the page is, for the link from the top of the page when it came back with errors. */
const FORM_ANCHORS: Record<FormState['name'], (values: FormValues) => string> = {
  event: () => 'add-event',
  message: () => 'messages',
  note: () => 'notes-h',
  assign: () => 'assign-h',
  close: () => 'close-h',
  verify: (values) => (values.event ? `event-${values.event}` : 'timeline'),
  file: () => 'add-file',
};

/**
 * Where the form that came back with errors is, for the notice at the top of the page
 * (FailedFormNotice). A whole-form problem is shown further down in full instead — except a form
 * not sent at all, which kept what was typed: that is said at the top, with the way to it.
 */
const failedFormAnchor = (props: Props): string | undefined =>
  props.failedAt ??
  (props.form &&
  Object.keys(props.form.errors).length > 0 &&
  (!props.form.errors._form || notSentProblem(props.form.errors))
    ? FORM_ANCHORS[props.form.name](props.form.values)
    : undefined);

const formFor = (props: Props, name: FormState['name']) =>
  props.form?.name === name
    ? { values: props.form.values, errors: props.form.errors }
    : { values: {} as FormValues, errors: {} as FormErrors };

/**
 * Staff's level actions on one event: one click for a level that changes nothing grave; a link to
 * the confirmation page (sources, open discrepancies, a reason) for a death, a capture or a
 * detention; a link to correct the level (verifiers); the history of levels.
 */
const LevelActions = ({ props, e }: { props: Props; e: EventView }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const quick = view.can.verify ? e.raises.filter((r) => !r.confirm) : [];
  const confirm = view.can.confirm ? e.raises.filter((r) => r.confirm) : [];
  const error =
    props.form?.name === 'verify' && props.form.values.event === e.id ? props.form.errors.verification : undefined;
  return (
    <>
      {quick.length > 0 && (
        <PostForm ctx={ctx} action={`/staff/events/${e.id}/verify`}>
          <input type="hidden" name="event" value={e.id} />
          {quick.map((r) => (
            <button type="submit" name="verification" value={r.level} class="secondary">
              {t('cases.markAs', { level: t(`cases.levels.${r.level}`) })}
            </button>
          ))}
          {error && (
            <small class="field-error" role="alert">
              {t(error.key)}
            </small>
          )}
        </PostForm>
      )}
      {/* A grave change opens its confirmation page (a GET: nothing changes until that page's form). */}
      {confirm.map((r) => (
        <form method="get" action={`/staff/events/${e.id}/confirm`} class="inline">
          <input type="hidden" name="level" value={r.level} />
          <button type="submit" class="secondary">
            {t('cases.confirmAs', { level: t(`cases.levels.${r.level}`) })}
          </button>
        </form>
      ))}
      {view.can.revise && (
        <p>
          <a href={`/staff/events/${e.id}/revise`}>{t('cases.reviseLink')}</a>
        </p>
      )}
      {view.can.seeLevelHistory && e.history.length > 0 && <LevelHistory ctx={ctx} history={e.history} />}
    </>
  );
};

/** Every change of an event's level, with who and why (staff only). */
export const LevelHistory = ({ ctx, history }: { ctx: PageContext; history: EventView['history'] }) => (
  <details>
    <summary>{ctx.t('cases.levelHistory', { count: history.length })}</summary>
    <ol>
      {history.map((h) => (
        <li>
          <small>
            {localDateTime(h.at, ctx.timeZone)} · {h.by} · {ctx.t(`cases.levelSteps.${h.step}`)}:{' '}
            {h.from ? `${ctx.t(`cases.levels.${h.from}`)} → ` : ''}
            {ctx.t(`cases.levels.${h.to}`)}
          </small>
          {h.reason && (
            <p class="prewrap">
              {ctx.t('cases.reasonLabel')}: {h.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  </details>
);

const Timeline = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="timeline-h" id="timeline">
      <h2 id="timeline-h">{t('cases.timeline')}</h2>
      {view.timeline.start > 0 && (
        <p>
          <a href={`/cases/${view.id}?events_before=${view.timeline.start}#timeline`}>
            {t('cases.paging.earlierEvents')}
          </a>
        </p>
      )}
      {view.events.length === 0 ? (
        <p>{t('cases.noEvents')}</p>
      ) : (
        <ol start={view.timeline.start + 1}>
          {view.events.slice(view.timeline.start, view.timeline.end).map((e) => (
            <li id={`event-${e.id}`} class={e.corrected ? 'corrected' : undefined}>
              {view.news.eventIds.includes(e.id) && <NewMark ctx={ctx} />}
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
              {e.setAside && (
                <>
                  <br />
                  <small>
                    <strong>{t('cases.setAside')}</strong>
                  </small>
                </>
              )}
              {e.corrected && (
                <>
                  <br />
                  <small>
                    {e.correctedTo
                      ? t(view.can.voice === 'family' ? 'cases.correctedOwn' : 'cases.corrected', {
                          date: formatPartialDate(e.correctedTo.value, e.correctedTo.precision),
                        })
                      : t(view.can.voice === 'family' ? 'cases.clearedOwn' : 'cases.cleared')}
                  </small>
                </>
              )}
              {e.description && <p class="prewrap">{e.description}</p>}
              <EventFiles ctx={ctx} caseId={view.id} files={view.files} eventId={e.id} />
              <LevelActions props={props} e={e} />
            </li>
          ))}
        </ol>
      )}
      {view.pagedBack.events && (
        <p>
          <a
            href={`/cases/${view.id}?events_before=${Math.min(view.events.length, view.timeline.end + CASE_PAGE_SIZE)}#timeline`}
          >
            {t('cases.paging.laterEvents')}
          </a>
        </p>
      )}
      {view.can.addEvent && <AddEventForm props={props} />}
    </section>
  );
};

/** The fields of an event (the case page's form and the check page's). */
export const EventFields = ({
  ctx,
  values,
  errors,
  levels,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  /** the levels the holder may set; families (only "reported") get no choice */
  levels: readonly Verification[];
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <>
      <SelectField
        {...f}
        name="kind"
        label={t('cases.eventKind')}
        required
        options={enumOptions(ctx, 'cases.kinds', EVENT_KINDS)}
      />
      <DateField {...f} name="date" label={t('cases.eventDate')} hint={t('cases.eventDateHint')} required />
      <TextField {...f} name="place" label={t('cases.place')} maxLength={TEXT_LIMITS.eventPlace} />
      <SelectField
        {...f}
        name="source"
        label={t('cases.source')}
        required
        options={enumOptions(ctx, 'cases.sources', EVENT_SOURCES)}
      />
      {/* Only those who may set more than "reported" choose a level: families always report. */}
      {levels.length > 1 && (
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
    </>
  );
};

/** The levels a holder may set on a new event. */
export const levelsUpTo = (max: Verification): Verification[] =>
  VERIFICATION_LEVELS.filter((l) => levelRank(l) <= levelRank(max));

const AddEventForm = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const state = formFor(props, 'event');
  // A family's report usually comes from the family: preselect it, they can change it.
  const values = view.can.voice === 'family' && props.form?.name !== 'event' ? { source: 'family' } : state.values;
  return (
    <details open={props.form?.name === 'event'} id="add-event">
      <summary>{t('cases.addEvent')}</summary>
      <FormErrorSummary ctx={ctx} errors={state.errors} />
      <PostForm ctx={ctx} action={`/cases/${view.id}/events`}>
        <EventFields ctx={ctx} values={values} errors={state.errors} levels={levelsUpTo(view.can.maxVerification)} />
        <button type="submit">{t('cases.addEventSubmit')}</button>
      </PostForm>
    </details>
  );
};

const Paging = ({
  ctx,
  caseId,
  param,
  anchor,
  older,
  back,
}: {
  ctx: PageContext;
  caseId: string;
  param: 'messages_before' | 'notes_before';
  anchor: string;
  older: number | null;
  back: boolean;
}) =>
  older === null && !back ? null : (
    <p>
      {older !== null && <a href={`/cases/${caseId}?${param}=${older}#${anchor}`}>{ctx.t('cases.paging.older')}</a>}
      {older !== null && back && ' · '}
      {back && <a href={`/cases/${caseId}#${anchor}`}>{ctx.t('cases.paging.newest')}</a>}
    </p>
  );

/** "New": what appeared since this side's last visit (case-news.service.ts). Text, not colour alone. */
const NewMark = ({ ctx }: { ctx: PageContext }) => (
  <>
    <strong class="new">{ctx.t('cases.news.new')}</strong>{' '}
  </>
);

const Posts = ({
  ctx,
  posts,
  empty,
  fresh = [],
  familyReads = false,
}: {
  ctx: PageContext;
  posts: PostView[];
  empty: string;
  fresh?: string[];
  /** the family reads: her own messages are hers, «Вы» (QA walk 9: «Семья» read as another family) */
  familyReads?: boolean;
}) =>
  posts.length === 0 ? (
    <p>{empty}</p>
  ) : (
    <ol class="posts">
      {posts.map((p) => (
        <li>
          {fresh.includes(p.id) && <NewMark ctx={ctx} />}
          <small>
            <strong>
              {p.fromFamily
                ? ctx.t(familyReads ? 'cases.fromYou' : 'cases.fromFamily')
                : (p.author ?? ctx.t('cases.fromStaff'))}
            </strong>{' '}
            · {localDate(p.at, ctx.timeZone)}
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
  return (
    <section aria-labelledby="assign-h">
      <h2 id="assign-h">{t('cases.assign')}</h2>
      <p>
        {t('cases.assignee')}: {view.assignee ? view.assignee.pseudonym : t('cases.nobody')}
      </p>
      {view.can.assign && ctx.auth && view.viewerAssignable && view.assignee?.id !== ctx.auth.userId && (
        <PostForm ctx={ctx} action={`/staff/cases/${view.id}/assign`}>
          <input type="hidden" name="assignee" value={ctx.auth.userId} />
          <button type="submit">{t('cases.takeCase')}</button>
        </PostForm>
      )}
      {view.can.assign && (
        <PostForm ctx={ctx} action={`/staff/cases/${view.id}/assign`}>
          <SelectField
            ctx={ctx}
            {...formFor(props, 'assign')}
            name="assignee"
            label={t('cases.assignTo')}
            required
            requiredMark={false}
            options={view.assignable.map((s) => ({ value: s.id, label: s.pseudonym }))}
          />
          <button type="submit" class="secondary">
            {t('cases.assignSubmit')}
          </button>
        </PostForm>
      )}
    </section>
  );
};

/** Closing is confirmed on its own page: the case page only leads there. */
const CloseLink = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  return (
    <>
      <h2 id="close-h">{ctx.t('cases.close')}</h2>
      <p>
        <a href={`/staff/cases/${view.id}/close`}>{ctx.t('cases.closeLink')}</a>
      </p>
    </>
  );
};

const StaffWork = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  return (
    <>
      {view.can.seeNotes && (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">{t('cases.notes')}</h2>
          <Paging
            ctx={ctx}
            caseId={view.id}
            param="notes_before"
            anchor="notes-h"
            older={view.olderNotes}
            back={view.pagedBack.notes}
          />
          <Posts ctx={ctx} posts={view.notes} empty={t('cases.noNotes')} />
          {view.can.note && (
            <PostFormFor
              props={props}
              name="note"
              action={`/staff/cases/${view.id}/notes`}
              label={t('cases.noteBody')}
              submit={t('cases.addNote')}
            />
          )}
        </section>
      )}
      {(view.can.close || view.can.reopen) && (
        <section aria-labelledby="close-h">
          {view.can.close && <CloseLink props={props} />}
          {view.can.reopen && (
            <>
              <h2 id="close-h">{t('cases.reopen')}</h2>
              <PostForm ctx={ctx} action={`/staff/cases/${view.id}/reopen`}>
                <button type="submit">{t('cases.reopenSubmit')}</button>
              </PostForm>
            </>
          )}
        </section>
      )}
    </>
  );
};

/**
 * What is new since this side's last visit, in words, at the top of the page. New messages and
 * events link down to their place: without JavaScript the reply sat 3,000 px below «1 новое
 * сообщение», nothing saying where (QA walk 9).
 */
const WhatsNew = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const { news } = view;
  const lines: Array<{ text: string; href?: string }> = [];
  if (news.status) lines.push({ text: t('cases.news.status', { status: t(`cases.statuses.${news.status}`) }) });
  if (news.messageIds.length)
    lines.push({ text: t('cases.news.messages', { count: news.messageIds.length }), href: '#messages' });
  if (news.eventIds.length)
    lines.push({ text: t('cases.news.events', { count: news.eventIds.length }), href: '#timeline' });
  for (const item of news.items) lines.push({ text: t(`cases.news.kinds.${item.kind}`) });
  if (lines.length === 0) return null;
  // Several facts from one merge or incident are one line, not the same line repeated.
  const once = lines.filter((l, i) => lines.findIndex((o) => o.text === l.text) === i);
  return (
    <section class="notice news" aria-labelledby="news-h">
      <h2 id="news-h">{t('cases.news.title')}</h2>
      <ul>
        {once.map((l) => (
          <li>{l.href ? <a href={l.href}>{l.text}</a> : l.text}</li>
        ))}
      </ul>
    </section>
  );
};

/** Open or closed, and whose move it is: what the page says at its top. */
const StateLine = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const family = view.can.voice === 'family';
  return (
    <p>
      {t('cases.state')}: <strong>{t(`cases.states.${isActive(view.state) ? 'open' : 'closed'}`)}</strong> ·{' '}
      {t('cases.openedOn')} {formatDay(view.openedOn)} · {t('cases.lastActivityOn')} {formatDay(view.lastActivityOn)}
      {view.state === 'waiting_on_family' && (
        <>
          {' '}
          ·{' '}
          <strong>
            {family ? <a href="#messages">{t('cases.waitingOnFamily')}</a> : t('cases.waitingOnFamilyStaff')}
          </strong>
        </>
      )}
    </p>
  );
};

const EndedNotice = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const family = view.can.voice === 'family';
  return (
    <p class="notice" role="status">
      {view.closeReason && <>{t('cases.closedBecause', { reason: t(`cases.closeReasons.${view.closeReason}`) })} </>}
      {view.closeNote && (
        <>
          <span class="prewrap">{view.closeNote}</span>{' '}
        </>
      )}
      {t(
        !family
          ? 'cases.closedNotice'
          : view.state === 'withdrawn'
            ? 'cases.closedNoticeWithdrawn'
            : 'cases.closedNoticeFamily',
      )}
      {family && (
        <>
          {' '}
          <a href="/cases/new">{t('cases.newCaseLink')}</a>
        </>
      )}
    </p>
  );
};

const Details = ({ props }: { props: Props }) => {
  const { ctx, view } = props;
  const { t } = ctx;
  // The family reads "your son…", staff "the requester's…": the same facts in each side's words.
  const say = (familyKey: string, staffKey: string) => t(view.can.voice === 'family' ? familyKey : staffKey);
  return (
    <section aria-labelledby="details-h">
      <h2 id="details-h">{say('cases.detailsFamily', 'cases.details')}</h2>
      <dl>
        <dt>{say('cases.relation', 'cases.relationStaff')}</dt>
        <dd>{t(`cases.relations.${view.relation}`)}</dd>
        {view.lastContact.date && (
          <>
            <dt>{say('cases.lastContactDate', 'cases.lastContactDateStaff')}</dt>
            <dd>
              {formatPartialDate(view.lastContact.date, view.lastContact.precision)}
              {view.lastContact.means && <> ({t(`cases.means.${view.lastContact.means}`)})</>}
            </dd>
          </>
        )}
        <dt>{say('cases.narrative', 'cases.narrativeStaff')}</dt>
        <dd class="prewrap">{view.narrative}</dd>
        <dt>{say('cases.wantsToLearn', 'cases.wantsToLearnStaff')}</dt>
        <dd class="prewrap">{view.wantsToLearn}</dd>
      </dl>
      {view.can.voice === 'family' && isActive(view.state) && view.retention && (
        <p>
          <small>{t('cases.retention.whileOpen', { count: view.retention.days })}</small>
        </p>
      )}
    </section>
  );
};

export const CasePage = (props: Props) => {
  const { ctx, view } = props;
  const { t } = ctx;
  const family = view.can.voice === 'family';
  const active = isActive(view.state);
  return (
    <Layout ctx={ctx} heading={t('cases.caseTitle')}>
      {props.notice && (
        <p class="notice done" role="status">
          {t(`cases.done.${props.notice}`)}
        </p>
      )}
      <FailedFormNotice
        ctx={props.ctx}
        at={failedFormAnchor(props)}
        problem={props.form && notSentProblem(props.form.errors)}
      />
      <StateLine props={props} />
      <WhatsNew props={props} />
      {/* The family learns that someone has taken the request, never who. */}
      {family && active && <p>{t(view.assigned ? 'cases.familyAssigned' : 'cases.familyUnassigned')}</p>}
      {!active && <EndedNotice props={props} />}
      {family && active && !view.messages.some((m) => !m.fromFamily) && (
        <section class="notice" aria-labelledby="next-h">
          <h2 id="next-h">{t('cases.next.title')}</h2>
          <p>{t('cases.next.body')}</p>
          <p>{t('cases.next.noNotifications')}</p>
        </section>
      )}
      {!active && view.retention?.deletesOn && (
        <p class="notice">
          {t('cases.retention.deletesOn', { date: formatDay(view.retention.deletesOn) })}
          {family && <> {t('cases.retention.accountToo', { count: view.retention.days })}</>}
        </p>
      )}
      {props.form?.errors._form && !notSentProblem(props.form.errors) && (
        <FormErrorSummary ctx={ctx} errors={props.form.errors} />
      )}
      {view.can.seeAssignee && <Assignment props={props} />}
      <PersonSummary ctx={ctx} person={view.person} />
      <CaseEditLinks ctx={ctx} view={view} />
      {/* The public registry: the family's own choice; the verifier's publication page. */}
      {(view.can.choosePublication || ctx.nav.registryDesk) && (
        <p>
          <a href={view.can.choosePublication ? `/cases/${view.id}/publication` : `/staff/registry/cases/${view.id}`}>
            {t(view.can.choosePublication ? 'registry.family.link' : 'registry.publication.title')}
          </a>
        </p>
      )}
      <Status ctx={ctx} view={view} />
      <Timeline props={props} />
      <CaseFiles ctx={props.ctx} view={props.view} form={formFor(props, 'file')} open={props.form?.name === 'file'} />
      {props.sections}
      <section aria-labelledby="messages-h" id="messages">
        <h2 id="messages-h">{t('cases.messages')}</h2>
        <Paging
          ctx={ctx}
          caseId={view.id}
          param="messages_before"
          anchor="messages"
          older={view.olderMessages}
          back={view.pagedBack.messages}
        />
        <Posts
          ctx={ctx}
          posts={view.messages}
          empty={t('cases.noMessages')}
          fresh={view.news.messageIds}
          familyReads={view.can.voice === 'family'}
        />
        {view.can.message && (
          <PostFormFor
            props={props}
            name="message"
            action={`/cases/${view.id}/messages`}
            label={t(family ? 'cases.messageBody' : 'cases.messageBodyStaff')}
            hint={t(family ? 'cases.messageHint' : 'cases.messageHintStaff')}
            submit={t('cases.send')}
          />
        )}
      </section>
      <Details props={props} />
      <StaffWork props={props} />
    </Layout>
  );
};

import { localDate } from '../web/time.ts';
import type { ComponentChildren } from 'preact';
import { FileLink } from '../evidence/evidence.views.tsx';
import { Layout } from '../web/layout.tsx';
import { OrganisationsAbout } from '../accounts/organisation-about.views.tsx';
import type { OrganisationChoice } from '../accounts/organisation-about.service.ts';
import type { PageContext } from '../web/page-context.ts';
import {
  FormErrorSummary,
  ConfirmForm,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  TextToCopy,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { PersonFields, DateField } from '../people/people.views.tsx';
import type { TipContent } from './tip-keys.ts';
import type { TipPostView, TipView } from './tip-view.service.ts';
import type { FileHead } from '../evidence/evidence.service.ts';
import { ReceiptCodeText } from '../web/receipt-code.tsx';
import { isLocalOnly } from '../web/local-address.ts';
import { quoted } from '../web/quotes.ts';
import { HOW_KNOWN } from './tips.schema.ts';

// The sender's pages: the form, the receipt (shown once), the code prompt and their own tip.
// Every page works without JavaScript and on a 360 px phone. Nothing here names the sender.

const options = (ctx: PageContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`${prefix}.${v}`) }));

export const TIP_NOTICES = ['added', 'deleted', 'left', 'replied', 'attached', 'closed', 'reopened'] as const;
export type TipNotice = (typeof TIP_NOTICES)[number];

export const Notice = ({ ctx, notice }: { ctx: PageContext; notice?: TipNotice }) =>
  notice ? (
    <p class="notice done" role="status">
      {ctx.t(`tips.done.${notice}`)}
    </p>
  ) : null;

/**
 * A form that may carry one file: multipart, its CSRF token the body's first field, checked
 * before the file is read (web/multipart-token.ts) — never in the action, where it would stay
 * in the address bar and the history of an anonymous sender.
 */
const UploadForm = ({ ctx, action, children }: { ctx: PageContext; action: string; children: ComponentChildren }) => (
  <PostForm ctx={ctx} action={action} enctype="multipart/form-data">
    {children}
  </PostForm>
);

const FileField = ({ ctx, errors }: { ctx: PageContext; errors: FormErrors }) => (
  <label>
    {ctx.t('tips.file')}
    <input
      type="file"
      name="file"
      accept="image/jpeg,image/png,image/heic,application/pdf"
      aria-invalid={errors.file ? 'true' : undefined}
      aria-describedby={errors.file ? 'file-error file-hint' : 'file-hint'}
    />
    <small id="file-hint">{ctx.t('tips.fileHint')}</small>
    {errors.file && (
      <small id="file-error" class="field-error">
        {ctx.t(errors.file.key, errors.file.params ?? {})} {ctx.t('evidence.chooseAgain')}
      </small>
    )}
  </label>
);

const Warning = ({ ctx }: { ctx: PageContext }) => (
  <section class="notice" aria-labelledby="warning-h">
    <h2 id="warning-h">{ctx.t('tips.warningTitle')}</h2>
    <ul>
      <li>{ctx.t('tips.warning1')}</li>
      <li>{ctx.t('tips.warning2')}</li>
      <li>{ctx.t('tips.warning3')}</li>
      <li>{ctx.t('tips.warning4')}</li>
    </ul>
  </section>
);

export const NewTipPage = ({
  ctx,
  organisations,
  values,
  errors,
}: {
  ctx: PageContext;
  organisations: OrganisationChoice[];
  values: FormValues;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  if (organisations.length === 0)
    return (
      <Layout ctx={ctx} heading={t('tips.newTitle')}>
        <p>{t('tips.noOrganisations')}</p>
      </Layout>
    );
  const f = {
    ctx,
    errors,
    values:
      organisations.length === 1 && values.organisation === undefined
        ? { ...values, organisation: organisations[0].id }
        : values,
  };
  return (
    <Layout ctx={ctx} heading={t('tips.newTitle')}>
      {/* First on the page: on a phone the intro and the warning fill the whole first screen. */}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>{t('tips.newIntro')}</p>
      <Warning ctx={ctx} />
      <p>
        <a href="/tip">{t('tips.haveCode')}</a>
      </p>
      <UploadForm ctx={ctx} action="/tips/new">
        {/* Before the choice: read, then chosen (under it, she chose first, QA walk 12). */}
        <OrganisationsAbout ctx={ctx} organisations={organisations} />
        <SelectField
          {...f}
          name="organisation"
          label={t('tips.organisation')}
          hint={organisations.length > 1 ? t('tips.organisationHint') : undefined}
          required
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          emptyLabel={t('tips.organisationEmpty')}
        />
        <PersonFields ctx={ctx} values={f.values} errors={errors} tip />
        <fieldset>
          <legend>{t('tips.whatLegend')}</legend>
          <TextArea
            {...f}
            name="what_happened"
            label={t('tips.whatHappened')}
            hint={t('tips.whatHappenedHint')}
            required
            maxLength={5000}
            rows={6}
          />
          <DateField {...f} name="event_date" label={t('tips.eventDate')} hint={t('tips.eventDateHint')} />
          <TextField {...f} name="place" label={t('tips.place')} hint={t('tips.placeHint')} maxLength={200} />
          <SelectField
            {...f}
            name="how_known"
            label={t('tips.howKnown')}
            required
            options={options(ctx, 'tips.how', HOW_KNOWN)}
          />
          <FileField ctx={ctx} errors={errors} />
        </fieldset>
        <button type="submit">{t('tips.submit')}</button>
      </UploadForm>
    </Layout>
  );
};

export const ReceiptPage = ({
  ctx,
  code,
  organisation,
  tipUrl,
}: {
  ctx: PageContext;
  code: string;
  organisation: string;
  tipUrl: string;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('tips.receiptTitle')}>
      <p role="status">{t('tips.receiptIntro', { organisation: quoted(ctx.lang, organisation) })}</p>
      <section class="notice" aria-labelledby="code-h">
        <h2 id="code-h">{t('tips.receiptCode')}</h2>
        <p>
          <ReceiptCodeText code={code} />
        </p>
        <p>
          <strong>{t('tips.receiptKeep')}</strong>
        </p>
      </section>
      {/* Without PUBLIC_URL the address is the server's own (127.0.0.1), which opens on no
          sender's phone: the page is named instead of an address she would write down wrong. */}
      <p>{isLocalOnly(tipUrl) ? t('tips.receiptUseHere') : t('tips.receiptUse', { page: tipUrl })}</p>
      <p>{t('tips.receiptNoCopy')}</p>
      <p>
        <strong>
          <a href="/tip">{t('tips.receiptDone')}</a>
        </strong>
      </p>
    </Layout>
  );
};

/**
 * What a sender sent after their visit had ended: nothing was done, and the page says so — an
 * addition is handed back to copy, a deletion is said not to have happened.
 */
export interface VisitEnded {
  action: 'add' | 'delete';
  /** what they wrote (an addition), or '' */
  body: string;
  /** the visit's idle time, which the explanation names */
  idleMinutes: number;
}

export const CodePage = ({
  ctx,
  values,
  errors,
  notice,
  ended,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  notice?: TipNotice;
  ended?: VisitEnded;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('tips.codeTitle')}>
      <Notice ctx={ctx} notice={notice} />
      {ended && (
        <section class="notice">
          <p role="alert">
            {t(ended.action === 'delete' ? 'tips.visitEnded.notDeleted' : 'tips.visitEnded.explain', {
              minutes: ended.idleMinutes,
            })}
          </p>
          {ended.body && <TextToCopy label={t('tips.visitEnded.yourText')} text={ended.body} />}
        </section>
      )}
      <p>{t('tips.codeIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/tip/open">
        <TextField
          ctx={ctx}
          values={values}
          errors={errors}
          name="code"
          label={t('tips.code')}
          hint={t('tips.codeHint')}
          required
          maxLength={80}
          autocomplete="off"
        />
        <button type="submit">{t('tips.open')}</button>
      </PostForm>
      <p>
        <a href="/tips/new">{t('tips.newTipLink')}</a>
      </p>
    </Layout>
  );
};

/** The sender's words as they wrote them; every value is escaped by the renderer. */
export const TipContentList = ({ ctx, content, staff }: { ctx: PageContext; content: TipContent; staff?: boolean }) => {
  const { t } = ctx;
  const p = content.person;
  const name = [p.surname, p.given_name, p.patronymic].filter(Boolean).join(' ');
  const unit = [p.unit_number, p.unit_name].filter(Boolean).join(', ');
  const none = <em>{t('tips.staff.notGiven')}</em>;
  return (
    <dl>
      <dt>{t(staff ? 'tips.staff.about' : 'tips.person')}</dt>
      <dd>{name || none}</dd>
      {p.birth_date && (
        <>
          <dt>{t('tips.birthDate')}</dt>
          <dd>{formatPartialDate(p.birth_date.value, p.birth_date.precision)}</dd>
        </>
      )}
      {p.region && (
        <>
          <dt>{t('tips.region')}</dt>
          <dd>{regionName(p.region, ctx.lang)}</dd>
        </>
      )}
      {unit && (
        <>
          <dt>{t('tips.unit')}</dt>
          <dd>{unit}</dd>
        </>
      )}
      <dt>{t(staff ? 'tips.staff.what' : 'tips.whatHappened')}</dt>
      <dd class="prewrap">{content.what_happened}</dd>
      <dt>{t(staff ? 'tips.staff.when' : 'tips.eventDate')}</dt>
      <dd>{content.event_date ? formatPartialDate(content.event_date.value, content.event_date.precision) : none}</dd>
      <dt>{t(staff ? 'tips.staff.where' : 'tips.place')}</dt>
      <dd>{content.place || none}</dd>
      <dt>{t(staff ? 'tips.staff.how' : 'tips.howKnown')}</dt>
      <dd>{t(`tips.how.${content.how_known}`)}</dd>
    </dl>
  );
};

export const TipPosts = ({
  ctx,
  view,
  olderHref,
  fileHref,
}: {
  ctx: PageContext;
  view: TipView;
  olderHref: (before: number) => string;
  fileHref: (fileId: string) => string;
}) => {
  const { t } = ctx;
  const staff = view.can.voice === 'staff';
  const who = (p: TipPostView) =>
    p.fromSender
      ? t(staff ? 'tips.fromSender' : 'tips.fromYou')
      : staff
        ? (p.author ?? t('tips.fromOrganisation'))
        : t('tips.fromOrganisation');
  return (
    <section aria-labelledby="posts-h" id="posts">
      <h2 id="posts-h">{t('tips.conversation')}</h2>
      {view.olderBefore !== null && (
        <p>
          <a href={olderHref(view.olderBefore)}>{t('tips.older')}</a>
        </p>
      )}
      {view.posts.length === 0 ? (
        <p>{t(staff ? 'tips.staff.noPosts' : 'tips.noPosts')}</p>
      ) : (
        <ol class="posts">
          {view.posts.map((p) => (
            <li>
              <small>
                <strong>{who(p)}</strong> · {localDate(p.at, ctx.timeZone)}
              </small>
              {p.body && <p class="prewrap">{p.body}</p>}
              {p.file && (
                <p>
                  <FileLink ctx={ctx} file={p.file} href={fileHref(p.file.id)} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

export const TipFiles = ({
  ctx,
  files,
  href,
}: {
  ctx: PageContext;
  files: FileHead[];
  href: (fileId: string) => string;
}) =>
  files.length === 0 ? null : (
    <>
      <h3>{ctx.t('tips.files')}</h3>
      <ul>
        {files.map((f) => (
          <li>
            <FileLink ctx={ctx} file={f} href={href(f.id)} />
          </li>
        ))}
      </ul>
      <p class="muted">{ctx.t('evidence.stripped')}</p>
    </>
  );

export interface TipFormState {
  name: 'add' | 'reply' | 'attach' | 'close';
  values: FormValues;
  errors: FormErrors;
}

export const formOf = (form: TipFormState | undefined, name: TipFormState['name']) =>
  form?.name === name ? { values: form.values, errors: form.errors } : { values: {}, errors: {} };

export const SenderTipPage = ({
  ctx,
  view,
  form,
  notice,
}: {
  ctx: PageContext;
  view: TipView;
  form?: TipFormState;
  notice?: TipNotice;
}) => {
  const { t } = ctx;
  const add = formOf(form, 'add');
  return (
    <Layout ctx={ctx} heading={t('tips.tipTitle')}>
      <Notice ctx={ctx} notice={notice} />
      {form?.errors._form && <FormErrorSummary ctx={ctx} errors={form.errors} />}
      <p>
        {t('tips.sentTo', {
          organisation: quoted(ctx.lang, view.organisationName),
          date: formatDay(view.receivedOn),
        })}
      </p>
      <p>
        {t('tips.state')}: <strong>{t(`tips.states.${view.state}`)}</strong>
      </p>
      {view.unseen && (
        <p class="notice" role="status">
          <strong>{t('tips.replyWaiting')}</strong>
        </p>
      )}
      {view.state === 'closed' && (
        <p class="notice">
          {view.closeReason && <>{t('tips.closedBecause', { reason: t(`tips.closeReasons.${view.closeReason}`) })} </>}
          {t('tips.closedSender')}
          {view.retention.deletesOn && (
            <> {t('tips.retention', { count: view.retention.days, date: formatDay(view.retention.deletesOn) })}</>
          )}
        </p>
      )}
      <TipPosts
        ctx={ctx}
        view={view}
        olderHref={(b) => `/tip?before=${b}#posts`}
        fileHref={(id) => `/tip/files/${id}`}
      />
      {view.can.add && (
        <section aria-labelledby="add-h">
          <h2 id="add-h">{t('tips.addTitle')}</h2>
          {form?.name === 'add' && <FormErrorSummary ctx={ctx} errors={add.errors} />}
          <UploadForm ctx={ctx} action="/tip/add">
            <TextArea
              ctx={ctx}
              {...add}
              name="body"
              label={t('tips.addBody')}
              hint={t('tips.addHint')}
              maxLength={5000}
              rows={4}
            />
            <FileField ctx={ctx} errors={add.errors} />
            <button type="submit">{t('tips.addSubmit')}</button>
          </UploadForm>
        </section>
      )}
      <section aria-labelledby="wrote-h">
        <h2 id="wrote-h">{t('tips.whatYouWrote')}</h2>
        <TipContentList ctx={ctx} content={view.content} />
        <TipFiles ctx={ctx} files={view.files} href={(id) => `/tip/files/${id}`} />
      </section>
      <PostForm ctx={ctx} action="/tip/leave">
        <button type="submit" class="secondary">
          {t('tips.leave')}
        </button>
        <p>
          <small>{t('tips.leaveHint')}</small>
        </p>
      </PostForm>
      {view.can.delete && (
        <p>
          <a href="/tip/delete">{t('tips.deleteLink')}</a>
        </p>
      )}
    </Layout>
  );
};

export const DeleteTipPage = ({ ctx, errors }: { ctx: PageContext; errors: FormErrors }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('tips.deleteTitle')}>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>{t('tips.deleteExplain')}</p>
      <p>{t('tips.deleteCopies')}</p>
      <ConfirmForm
        ctx={ctx}
        action="/tip/delete"
        submit={t('tips.deleteConfirm')}
        danger
        back={{ href: '/tip', label: t('common.cancel') }}
      />
    </Layout>
  );
};

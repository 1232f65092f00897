import { Layout } from '../web/layout.tsx';
import { DayField } from './day-field.views.tsx';
import { FileLink, UploadField } from '../evidence/evidence.views.tsx';
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
import { formatDay } from '../people/partial-date.ts';
import { renderMarkdown } from '../shared/markdown.ts';
import { MAX_UPLOAD_BYTES } from '../evidence/evidence.service.ts';
import { CHANNELS, daysLeft, type LegalDate } from './deadline-rules.ts';
import { isWaiting, RECORDED_STEPS, stepsOpen } from './appeal-lifecycle.ts';
import type { AppealView } from './appeals.service.ts';
import type { LetterToPrint } from './appeals-print.service.ts';
import { letterLabels } from './letter-labels.views.ts';
import { backToCaseKey, DaysLeft } from './appeals.views.tsx';
import type { CaseSide } from '../policy/case.policy.ts';

// One appeal: the letter, its legal dates with the days left, what came from the authority (with
// scans), and the forms for the next step. What is offered comes from `view.can` (the policy's
// abilities) and the lifecycle's open steps; the page never tests a role.

export interface AppealFormState {
  name: 'send' | 'step' | 'print' | 'sign' | 'close' | 'discard';
  values: FormValues;
  errors: FormErrors;
}

export const APPEAL_NOTICES = ['drafted', 'edited', 'sent', 'recorded', 'closed', 'signed'] as const;
export type AppealNotice = (typeof APPEAL_NOTICES)[number];

interface Props {
  ctx: PageContext;
  view: AppealView;
  form?: AppealFormState;
  notice?: AppealNotice;
  /** who reads the page: staff print a letter the family signs, not one in their own name */
  side?: CaseSide;
}

/**
 * A letter's text as HTML: sanitised Markdown (a letter can hold no markup, src/shared/markdown.ts)
 * with every line break she typed kept, as the PDF keeps them. `markdown` is the body with what
 * she typed made literal (letterSource), never the stored body itself.
 */
export const letterHtml = (body: string): string => renderMarkdown(body, { breaks: true }).html;

/** The heading a form of the page sits under (closing and discarding share the end section). */
const formAnchor = (name: AppealFormState['name']): string =>
  name === 'close' || name === 'discard' ? 'end-h' : `${name}-h`;

const formFor = (p: Props, name: AppealFormState['name']) =>
  p.form?.name === name
    ? { values: p.form.values, errors: p.form.errors }
    : { values: {} as FormValues, errors: {} as FormErrors };

const Dated = ({ ctx, d }: { ctx: PageContext; d: LegalDate }) => (
  <>
    {formatDay(d.date)}
    {d.estimated && <> ({ctx.t('appeals.estimate')})</>}
  </>
);

const Deadlines = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const d = view.deadlines;
  if (!d || !view.sentOn) return null;
  const open = isWaiting(view.state) || view.state === 'overdue';
  return (
    <section aria-labelledby="dates-h" class="notice">
      <h2 id="dates-h">{t('appeals.dates.title')}</h2>
      <dl class="explain">
        <dt>{t('appeals.dates.sent')}</dt>
        <dd>
          {formatDay(view.sentOn)} · {t(`appeals.channels.${view.channel}`)}
        </dd>
        {/* A day still to come is not «поступило» (QA walk 11): it is when the letter should arrive. */}
        <dt>{t(d.arrival.date > view.today ? 'appeals.dates.arrivalDue' : 'appeals.dates.arrival')}</dt>
        <dd>
          <Dated ctx={ctx} d={d.arrival} />
        </dd>
        <dt>{t('appeals.dates.registerBy')}</dt>
        <dd>
          <Dated ctx={ctx} d={d.registerBy} />
          {view.registeredOn && <> · {t('appeals.dates.registeredOn', { date: formatDay(view.registeredOn) })}</>}
        </dd>
        {d.forwardBy && open && (
          <>
            <dt>{t('appeals.dates.forwardBy')}</dt>
            <dd>
              <Dated ctx={ctx} d={d.forwardBy} />
            </dd>
          </>
        )}
        {view.forwardedOn && (
          <>
            <dt>{t('appeals.dates.forwarded')}</dt>
            <dd>{formatDay(view.forwardedOn)}</dd>
          </>
        )}
        <dt>{t('appeals.answerBy')}</dt>
        <dd>
          {open ? (
            <DaysLeft ctx={ctx} answerBy={{ ...d.answerBy, daysLeft: daysLeft(view.today, d.answerBy.date) }} />
          ) : (
            <Dated ctx={ctx} d={d.answerBy} />
          )}
          {view.extensionDays && <> · {t('appeals.dates.extended', { count: view.extensionDays })}</>}
        </dd>
        {view.answeredOn && (
          <>
            <dt>{t('appeals.dates.answered')}</dt>
            <dd>{formatDay(view.answeredOn)}</dd>
          </>
        )}
      </dl>
      {d.answerBy.estimated && <p class="muted">{t('appeals.dates.estimateExplained')}</p>}
      <p class="muted">{t('appeals.dates.law')}</p>
    </section>
  );
};

/** What to do next, with a prefilled draft: after a deadline passed, or after an unsatisfying answer. */
const NextStep = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  if (!view.can.write || (view.state !== 'overdue' && view.state !== 'answered')) return null;
  const link = (template: string) => `/cases/${view.caseId}/appeals/new?template=${template}&follows=${view.id}`;
  return (
    <section aria-labelledby="next-h" class="notice">
      <h2 id="next-h">{t(view.state === 'overdue' ? 'appeals.next.overdueTitle' : 'appeals.next.answeredTitle')}</h2>
      <p>{t(view.state === 'overdue' ? 'appeals.next.overdue' : 'appeals.next.answered')}</p>
      <ul>
        {view.state === 'overdue' && (
          <li>
            <a href={link('no_answer')}>{t('appeals.next.complaint')}</a>
          </li>
        )}
        <li>
          <a href={link('prosecutor')}>{t('appeals.next.prosecutor')}</a>
        </li>
        <li>
          <a href={link('ombudsman')}>{t('appeals.next.ombudsman')}</a>
        </li>
      </ul>
    </section>
  );
};

/**
 * The hint left in a draft: said where she would print or send, with the way to fix it, instead
 * of a form that would only be refused (the services refuse it too).
 */
const HintLeft = ({ p, text }: { p: Props; text: string }) => (
  <p class="notice">
    {p.ctx.t(text)}
    {p.view.can.write && !p.view.collectiveId && (
      <>
        {' '}
        <a href={`/appeals/${p.view.id}/edit`}>{p.ctx.t('appeals.editDraft')}</a>
      </>
    )}
  </p>
);

/**
 * The letter still has blank lines: said where she would print or mark it sent, naming them, with
 * the way to fill them. Not refused: a family may fill a blank by hand on the printed letter.
 */
const BlanksLeft = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  if (view.blanks.length === 0) return null;
  const [open, close] = ctx.lang === 'ru' ? ['«', '»'] : ['“', '”'];
  return (
    <p class="notice">
      {ctx.t('appeals.blanks.left')} <span lang="ru">{view.blanks.map((b) => `${open}${b}${close}`).join(', ')}</span>.{' '}
      {ctx.t('appeals.blanks.fill')}
      {view.can.write && !view.collectiveId && (
        <>
          {' '}
          <a href={`/appeals/${view.id}/edit`}>{ctx.t('appeals.editDraft')}</a>
        </>
      )}
    </p>
  );
};

const Letter = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  return (
    <section aria-labelledby="letter-h">
      <h2 id="letter-h">{t('appeals.letter')}</h2>
      {ctx.lang !== 'ru' && <p class="notice">{t('appeals.inRussian')}</p>}
      <p>
        {t('appeals.to')}: <strong>{view.letter.addressee}</strong>
        {view.letter.address && (
          <>
            <br />
            <span class="prewrap">{view.letter.address}</span>
          </>
        )}
      </p>
      {view.ownWordsLeft && !view.collectiveId && <p class="notice">{t('appeals.narrative.leftInDraft')}</p>}
      {/* Russian whatever the page's language: a screen reader reads it in Russian. */}
      <article class="letter-body" lang="ru">
        <div dangerouslySetInnerHTML={{ __html: letterHtml(view.markdown) }} />
      </article>
      {view.state === 'draft' && view.can.write && !view.collectiveId && (
        <p>
          <a href={`/appeals/${view.id}/edit`}>{t('appeals.editDraft')}</a>
        </p>
      )}
    </section>
  );
};

const History = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  if (view.steps.length === 0) return null;
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t('appeals.history')}</h2>
      <ol>
        {view.steps.map((s) => (
          <li id={`step-${s.id}`}>
            <strong>
              {formatDay(s.on)} — {t(`appeals.stepKinds.${s.kind}`)}
            </strong>
            {s.number && (
              <>
                {' '}
                · {t('appeals.number')}: {s.number}
              </>
            )}
            {s.addressee && (
              <>
                {' '}
                · {t('appeals.newAddressee')}: {s.addressee}
              </>
            )}
            {s.days && <> · {t('appeals.dates.extended', { count: s.days })}</>}
            {s.registeredOn && <> · {t('appeals.dates.registeredOn', { date: formatDay(s.registeredOn) })}</>}
            {s.summary && <p class="prewrap">{s.summary}</p>}
            {s.file && (
              <p>
                <FileLink ctx={ctx} file={s.file} href={`/appeals/${view.id}/files/${s.file.id}`} />
                <br />
                <small>{t('evidence.stripped')}</small>
                {view.can.original && s.file.hasOriginal && (
                  <>
                    <br />
                    <a href={`/appeals/${view.id}/files/${s.file.id}/original`}>{t('evidence.downloadOriginal')}</a>
                    <br />
                    <small>{t('evidence.originalKept', { hash: s.file.originalSha256 })}</small>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
};

const SendForm = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  return (
    <section aria-labelledby="send-h">
      <h2 id="send-h">{t('appeals.send.title')}</h2>
      {view.ownWordsLeft ? (
        <HintLeft p={p} text="appeals.narrative.fixFirst" />
      ) : (
        <>
          <BlanksLeft p={p} />
          <SendFields p={p} />
        </>
      )}
    </section>
  );
};

const SendFields = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const f = { ctx, ...formFor(p, 'send') };
  return (
    <>
      <p>{t('appeals.send.intro')}</p>
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      <PostForm ctx={ctx} action={`/appeals/${view.id}/send`}>
        <SelectField
          {...f}
          name="channel"
          label={t('appeals.send.channel')}
          required
          options={CHANNELS.map((c) => ({ value: c, label: t(`appeals.channels.${c}`) }))}
        />
        <DayField {...f} name="sent_on" label={t('appeals.send.sentOn')} required />
        <DayField
          {...f}
          name="delivered_on"
          label={t('appeals.send.deliveredOn')}
          hint={t('appeals.send.deliveredHint')}
        />
        <TextField
          {...f}
          name="tracking"
          label={t('appeals.send.tracking')}
          hint={t('appeals.send.trackingHint')}
          maxLength={100}
        />
        <button type="submit">{t('appeals.send.submit')}</button>
      </PostForm>
    </>
  );
};

const StepForm = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const f = { ctx, ...formFor(p, 'step') };
  const open = stepsOpen(view.state).filter((s) => (RECORDED_STEPS as readonly string[]).includes(s));
  const steps = open.filter((s) => s !== 'extend' || view.extensionDays === null);
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="step-h">
      <h2 id="step-h">{t('appeals.step.title')}</h2>
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      {/* Multipart: PostForm's token is the body's first field, checked before the scan is read. */}
      <PostForm ctx={ctx} action={`/appeals/${view.id}/steps`} enctype="multipart/form-data">
        <fieldset>
          <legend>{t('appeals.step.what')}</legend>
          {steps.map((s) => (
            <label>
              <input type="radio" name="step" value={s} checked={f.values.step === s} required />{' '}
              {t(`appeals.step.kinds.${s}`)}
            </label>
          ))}
          {f.errors.step && <small class="field-error">{t(f.errors.step.key)}</small>}
        </fieldset>
        <DayField {...f} name="on" label={t('appeals.step.on')} hint={t('appeals.step.onHint')} required />
        <TextField {...f} name="number" label={t('appeals.step.number')} maxLength={100} />
        <TextField
          {...f}
          name="addressee"
          label={t('appeals.step.addressee')}
          hint={t('appeals.step.addresseeHint')}
          maxLength={300}
        />
        <DayField
          {...f}
          name="registered_on"
          label={t('appeals.step.registeredOn')}
          hint={t('appeals.step.registeredOnHint')}
        />
        <TextField
          {...f}
          type="number"
          name="days"
          label={t('appeals.step.days')}
          hint={t('appeals.step.daysHint')}
          maxLength={2}
        />
        <TextArea
          {...f}
          name="summary"
          label={t('appeals.step.summary')}
          hint={t('appeals.step.summaryHint')}
          maxLength={5000}
          rows={4}
        />
        <UploadField
          ctx={ctx}
          label={t('appeals.step.file')}
          hint={t('appeals.step.fileHint', { mb: MAX_UPLOAD_BYTES / 1048576 })}
          error={f.errors.file}
        />
        <button type="submit">{t('appeals.step.submit')}</button>
      </PostForm>
    </section>
  );
};

const PrintForm = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  return (
    <section aria-labelledby="print-h">
      <h2 id="print-h">{t('appeals.print.title')}</h2>
      {view.ownWordsLeft ? (
        <HintLeft p={p} text={view.collectiveId ? 'appeals.errors.collectiveHintLeft' : 'appeals.narrative.fixFirst'} />
      ) : (
        <>
          <BlanksLeft p={p} />
          <PrintFields p={p} />
        </>
      )}
    </section>
  );
};

const PrintFields = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const stored = view.sender;
  const state = formFor(p, 'print');
  // A family that signed a collective copy is not asked again, empty, for what she signed with;
  // «remember» stays hers to tick (the signature is not the address kept for the next letters).
  const signed = view.signature;
  const values =
    p.form?.name === 'print'
      ? state.values
      : stored
        ? {
            full_name: stored.fullName,
            postal_address: stored.postalAddress,
            email: stored.email ?? '',
            remember: 'yes',
          }
        : signed
          ? { full_name: signed.fullName, postal_address: signed.postalAddress }
          : {};
  const f = { ctx, values, errors: state.errors };
  return (
    <>
      {/* «ваши фамилия… адрес» told a lawyer to sign the family's letter in her own name */}
      <p>{t(p.side === 'staff' ? 'appeals.staffVoice.printIntro' : 'appeals.print.intro')}</p>
      <p class="muted">{t('appeals.print.anonymous')}</p>
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      <PostForm ctx={ctx} action={`/appeals/${view.id}/print`}>
        <TextField
          {...f}
          name="full_name"
          label={t('appeals.print.fullName')}
          required
          maxLength={200}
          autocomplete="off"
        />
        <TextArea {...f} name="postal_address" label={t('appeals.print.address')} required maxLength={500} rows={2} />
        <TextField
          {...f}
          name="email"
          label={t('appeals.print.email')}
          hint={t('appeals.print.emailHint')}
          maxLength={200}
        />
        <label>
          <input type="checkbox" name="remember" value="yes" checked={values.remember === 'yes'} />{' '}
          {t('appeals.print.remember')}
          <br />
          <small>{t('appeals.print.rememberHint')}</small>
        </label>
        <button type="submit" name="format" value="html">
          {t('appeals.print.html')}
        </button>{' '}
        <button type="submit" name="format" value="pdf" class="secondary">
          {t('appeals.print.pdf')}
        </button>
      </PostForm>
    </>
  );
};

const SignForm = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  if (view.signedOn)
    return <p class="notice done">{t('appeals.collective.signedOn', { date: formatDay(view.signedOn) })}</p>;
  return (
    <section aria-labelledby="sign-h">
      <h2 id="sign-h">{t('appeals.collective.signTitle')}</h2>
      {/* No name and address typed for nothing: the letter with the hint is not signed. */}
      {view.ownWordsLeft ? <p class="notice">{t('appeals.collective.hintLeftFamily')}</p> : <SignFields p={p} />}
    </section>
  );
};

const SignFields = ({ p }: { p: Props }) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const f = { ctx, ...formFor(p, 'sign') };
  return (
    <>
      <p>{t('appeals.collective.signIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={f.errors} />
      <PostForm ctx={ctx} action={`/appeals/${view.id}/sign`}>
        <TextField {...f} name="full_name" label={t('appeals.print.fullName')} required maxLength={200} />
        <TextArea {...f} name="postal_address" label={t('appeals.print.address')} required maxLength={500} rows={2} />
        <label>
          <input type="checkbox" name="consent" value="yes" /> {t('appeals.collective.consent')}
          {f.errors.consent && <small class="field-error">{t(f.errors.consent.key)}</small>}
        </label>
        <button type="submit">{t('appeals.collective.sign')}</button>
      </PostForm>
    </>
  );
};

export const AppealPage = (p: Props) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const steps = stepsOpen(view.state);
  // A collective draft is the staff's to discard, and a draft is discarded, not closed: with
  // neither, the section would be a bare heading (a family's copy of a collective draft had one).
  const canDiscard = steps.includes('discard') && !view.collectiveId;
  const printable = view.can.print && (!view.collectiveId || !!view.signedOn);
  const canClose = view.state !== 'draft' && (steps.includes('close') || steps.includes('discard'));
  return (
    // The letter's own heading is long (it breaks mid-word as a 360 px h1): the page says what it is.
    <Layout ctx={ctx} heading={t('appeals.appealHeading')}>
      {p.notice && (
        <p class="notice done" role="status">
          {t(`appeals.done.${p.notice}`)}
        </p>
      )}
      <p>
        {t('appeals.stateLabel')}:{' '}
        <strong class={view.state === 'overdue' ? 'late' : undefined}>{t(`appeals.states.${view.state}`)}</strong>
        {view.collectiveId && <> · {t('appeals.collective.label')}</>} ·{' '}
        <a href={`/cases/${view.caseId}#appeals`}>{t(backToCaseKey(p.side))}</a>
      </p>
      {/* A form far down that came back (a field to correct, or not sent at all: lost CSRF cookie):
          without JavaScript the page opens at the top, above the letter, where nothing said so. */}
      {p.form && notSentProblem(p.form.errors) ? (
        <FailedFormNotice ctx={ctx} at={formAnchor(p.form.name)} problem={notSentProblem(p.form.errors)} />
      ) : p.form?.errors._form ? (
        <FormErrorSummary ctx={ctx} errors={p.form.errors} />
      ) : (
        <FailedFormNotice
          ctx={ctx}
          at={p.form && Object.keys(p.form.errors).length > 0 ? formAnchor(p.form.name) : undefined}
          // Printing saves nothing: «Не сохранено» over a name left out read as a letter lost (QA walk 9).
          problem={p.form?.name === 'print' ? { field: '_form', key: 'appeals.print.notReady' } : undefined}
        />
      )}
      <NextStep p={p} />
      <Deadlines p={p} />
      <Letter p={p} />
      <History p={p} />
      {view.can.sign && view.collectiveId && view.state === 'draft' && <SignForm p={p} />}
      {/* A draft is printed before it is sent: «Отметить, что письмо отправлено» with its required
          fields above «Распечатать» read as the way to send it (QA walk 9). Once sent, the answers
          come first. */}
      {printable && view.state === 'draft' && <PrintForm p={p} />}
      {view.can.write && view.state === 'draft' && !view.collectiveId && <SendForm p={p} />}
      {view.can.write && view.state !== 'draft' && <StepForm p={p} />}
      {printable && view.state !== 'draft' && <PrintForm p={p} />}
      {view.can.write && (canDiscard || canClose) && (
        <section aria-labelledby="end-h">
          {/* «Закрыть» over «Удалить черновик» alone read as closing the page. */}
          <h2 id="end-h">{t(canClose ? 'appeals.end.title' : 'appeals.end.discardTitle')}</h2>
          {canDiscard && (
            <PostForm ctx={ctx} action={`/appeals/${view.id}/discard`}>
              <button type="submit" class="secondary">
                {t('appeals.end.discard')}
              </button>
            </PostForm>
          )}
          {canClose && (
            <PostForm ctx={ctx} action={`/appeals/${view.id}/close`}>
              <p>{t('appeals.end.closeHint')}</p>
              <button type="submit" class="secondary">
                {t('appeals.end.close')}
              </button>
            </PostForm>
          )}
        </section>
      )}
    </Layout>
  );
};

/**
 * The letter alone, for the printer (A4, the print stylesheet hides the site around it). The
 * letter goes to a Russian authority: its own words («Кому», «От», «Подпись», «Дата») are Russian
 * whatever the page's language, as its text is (letterLabels); only the instructions around it
 * follow the reader.
 */
export const PrintPage = ({ ctx, appealId, letter }: { ctx: PageContext; appealId: string; letter: LetterToPrint }) => {
  const { t } = ctx;
  const labels = letterLabels(letter.othersCount);
  const signers = letter.signatories ?? (letter.sender ? [letter.sender] : []);
  return (
    <Layout ctx={ctx}>
      <p class="no-print notice">
        {t('appeals.print.howTo')} <a href={`/appeals/${appealId}`}>{t('appeals.print.back')}</a>
      </p>
      {ctx.lang !== 'ru' && <p class="no-print notice">{t('appeals.inRussian')}</p>}
      <article class="letter" lang="ru">
        <div class="letter-head">
          <p>
            {labels.to}: {letter.addressee}
            {letter.address && (
              <>
                <br />
                <span class="prewrap">{letter.address}</span>
              </>
            )}
          </p>
          {letter.sender && (
            <p>
              {labels.from}: {letter.sender.fullName}
              <br />
              <span class="prewrap">{letter.sender.postalAddress}</span>
              {letter.sender.email && (
                <>
                  <br />
                  {letter.sender.email}
                </>
              )}
            </p>
          )}
        </div>
        <h1 class="letter-title">{letter.subject}</h1>
        <div dangerouslySetInnerHTML={{ __html: letterHtml(letter.markdown) }} />
        {signers.map((s) => (
          <p class="signature">
            {s.fullName}, {s.postalAddress}
            <br />
            {labels.signature} ____________________ {labels.date}: {letter.date}
          </p>
        ))}
      </article>
    </Layout>
  );
};

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
import { formatDay } from '../people/partial-date.ts';
import type { AppealSummary } from './appeals.service.ts';
import type { AuthorityView, TemplateView } from './directory.service.ts';
import { AUTHORITY_KINDS } from './appeals.seed.ts';
import type { DueAppeal } from './appeals-queue.service.ts';
import type { CaseSide } from '../policy/case.policy.ts';

// Appeals on the case page, the first steps of a new letter, and the staff's list of deadlines.
// Plain forms and links: no JavaScript.

/** "in 12 days" / "today" / "3 days late", and "estimate" when it rests on an assumption. */
export const DaysLeft = ({
  ctx,
  answerBy,
}: {
  ctx: PageContext;
  answerBy: { date: string; estimated: boolean; daysLeft: number };
}) => {
  const { t } = ctx;
  const n = answerBy.daysLeft;
  return (
    <>
      {formatDay(answerBy.date)}
      {answerBy.estimated && <> ({t('appeals.estimate')})</>} —{' '}
      <strong class={n < 0 ? 'late' : undefined}>
        {n > 0
          ? t('appeals.daysLeft', { count: n })
          : n === 0
            ? t('appeals.dueToday')
            : t('appeals.daysLate', { count: -n })}
      </strong>
    </>
  );
};

/** The way back: to «вашему запросу», as she calls it everywhere else; staff go back to «делу». */
export const backToCaseKey = (side?: CaseSide): string =>
  side === 'staff' ? 'appeals.staffVoice.backToCase' : 'appeals.backToCase';

export const CaseAppealsSection = ({
  ctx,
  caseId,
  appeals,
  canWrite,
}: {
  ctx: PageContext;
  caseId: string;
  appeals: AppealSummary[];
  canWrite: boolean;
}) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="appeals-h" id="appeals">
      <h2 id="appeals-h">{t('appeals.title')}</h2>
      {appeals.length === 0 ? (
        <p>{t('appeals.none')}</p>
      ) : (
        <ul>
          {appeals.map((a) => (
            <li>
              <a href={`/appeals/${a.id}`}>{a.subject}</a> — {a.addressee}
              <br />
              <small>
                {/* a separator only between two things: a draft said «черновик ·» with nothing after;
                    the state only when the dates do not say it («отправлено · отправлено 27.11») */}
                {[
                  !(a.state === 'answered' && a.answeredOn) && !(a.state === 'sent' && a.sentOn) && (
                    <span class={a.state === 'overdue' ? 'late' : undefined}>{t(`appeals.states.${a.state}`)}</span>
                  ),
                  a.sentOn && t('appeals.sentOn', { date: formatDay(a.sentOn) }),
                  a.answerBy && (
                    <>
                      {t('appeals.answerBy')}: <DaysLeft ctx={ctx} answerBy={a.answerBy} />
                    </>
                  ),
                  a.answeredOn && t('appeals.answeredOn', { date: formatDay(a.answeredOn) }),
                ]
                  .filter(Boolean)
                  .map((part, i) => (
                    <>
                      {i > 0 && ' · '}
                      {part}
                    </>
                  ))}
              </small>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <p>
          <a href={`/cases/${caseId}/appeals/new`}>{t('appeals.write')}</a>
        </p>
      )}
    </section>
  );
};

export const authorityOptions = (ctx: PageContext, list: AuthorityView[]) =>
  AUTHORITY_KINDS.flatMap((kind) =>
    list
      .filter((a) => a.kind === kind)
      .map((a) => ({ value: a.id, label: `${ctx.t(`appeals.kinds.${kind}`)}: ${a.name}` })),
  );

/** Step one: which letter, to whom. A GET form: nothing typed here is secret. */
export const NewAppealPage = ({
  ctx,
  caseId,
  templates,
  authorities,
  values,
  errors,
  side = 'family',
}: {
  ctx: PageContext;
  caseId: string;
  templates: TemplateView[];
  authorities: AuthorityView[];
  values: FormValues;
  errors: FormErrors;
  /** who writes: the family in her own words, or staff for her («рассказ семьи», not «ваш рассказ») */
  side?: CaseSide;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} heading={t('appeals.newTitle')}>
      <p>{t(side === 'staff' ? 'appeals.staffVoice.newIntro' : 'appeals.newIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      {/* novalidate: a letter not chosen is said by the server, in the page's language, at the field. */}
      <form method="get" action={`/cases/${caseId}/appeals/new`} novalidate>
        <input type="hidden" name="next" value="1" />
        <fieldset aria-describedby={errors.template ? 'template-error' : undefined}>
          <legend>{t('appeals.whichLetter')}</legend>
          {errors.template && (
            <small id="template-error" class="field-error">
              {t(errors.template.key)}
            </small>
          )}
          {templates
            .filter((tp) => tp.key !== 'collective')
            .map((tp) => (
              <label>
                <input type="radio" name="template" value={tp.key} checked={values.template === tp.key} required />{' '}
                <strong>{ctx.lang === 'ru' ? tp.titleRu : tp.titleEn}</strong>
                <br />
                <small>{ctx.lang === 'ru' ? tp.guidanceRu : tp.guidanceEn}</small>
              </label>
            ))}
        </fieldset>
        <SelectField
          {...f}
          name="authority"
          label={t('appeals.authority')}
          hint={t('appeals.authorityHint')}
          options={authorityOptions(ctx, authorities)}
          emptyLabel={t('appeals.ownAuthority')}
        />
        {values.follows && <input type="hidden" name="follows" value={values.follows} />}
        <button type="submit">{t('appeals.continue')}</button>
      </form>
      <p>
        <a href={`/cases/${caseId}#appeals`}>{t(backToCaseKey(side))}</a>
      </p>
    </Layout>
  );
};

/** The letter itself, editable before it is saved (a new draft, or a draft changed later). */
export const DraftForm = ({
  ctx,
  action,
  values,
  errors,
  lockedText,
}: {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors: FormErrors;
  /** a collective appeal's text is the same for every family: shown, not edited */
  lockedText?: boolean;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <PostForm ctx={ctx} action={action}>
      <FormErrorSummary ctx={ctx} errors={errors} />
      {/* The templates are Russian, as the letter must be: an English page says why. */}
      {ctx.lang !== 'ru' && <p class="notice">{t('appeals.inRussian')}</p>}
      {['template', 'authority', 'follows', 'narrative'].map(
        (k) => values[k] && <input type="hidden" name={k} value={values[k]} />,
      )}
      <TextField {...f} name="addressee" label={t('appeals.addressee')} required maxLength={300} />
      <TextArea
        {...f}
        name="address"
        label={t('appeals.address')}
        hint={t('appeals.addressHint')}
        maxLength={500}
        rows={2}
      />
      <TextField {...f} name="subject" label={t('appeals.subject')} required maxLength={300} />
      {lockedText ? (
        <input type="hidden" name="body" value={values.body} />
      ) : (
        <TextArea
          {...f}
          name="body"
          label={t('appeals.body')}
          hint={t('appeals.bodyHint')}
          required
          maxLength={20000}
          rows={16}
        />
      )}
      <p class="muted">{t('appeals.noSenderHere')}</p>
      <button type="submit">{t('appeals.saveDraft')}</button>
    </PostForm>
  );
};

/**
 * The family's account in a new letter: left out unless the writer asks for it, with a warning
 * beside the choice (a GET form, like step one: it fills the letter again). Every way to a new
 * draft passes here, the follow-up letters of an overdue or answered appeal included.
 */
const NarrativeChoice = ({
  ctx,
  caseId,
  values,
  inserted,
  side,
}: {
  ctx: PageContext;
  caseId: string;
  values: FormValues;
  inserted: boolean;
  side: CaseSide;
}) => {
  // staff write for the family: the same choice, said about her account, not theirs
  const t = (key: string) => ctx.t(side === 'staff' ? key.replace('appeals.narrative.', 'appeals.staffVoice.') : key);
  const kept = (['template', 'authority', 'follows'] as const).filter((k) => values[k]);
  const without = `/cases/${caseId}/appeals/new?${new URLSearchParams(kept.map((k) => [k, values[k]])).toString()}`;
  return (
    <section aria-labelledby="narrative-h">
      <h2 id="narrative-h">{t('appeals.narrative.title')}</h2>
      {inserted ? (
        <>
          <p class="notice">{t('appeals.narrative.inserted')}</p>
          <p>
            <a href={without}>{t('appeals.narrative.remove')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('appeals.narrative.leftOut')}</p>
          <form method="get" action={`/cases/${caseId}/appeals/new`}>
            {kept.map((k) => (
              <input type="hidden" name={k} value={values[k]} />
            ))}
            <label>
              <input type="checkbox" name="narrative" value="yes" required aria-describedby="narrative-warning" />{' '}
              {t('appeals.narrative.insertLabel')}
            </label>
            <p id="narrative-warning" class="notice">
              {t('appeals.narrative.warning')}
            </p>
            <button type="submit" class="secondary">
              {t('appeals.narrative.insert')}
            </button>
          </form>
        </>
      )}
    </section>
  );
};

export const DraftPage = ({
  ctx,
  caseId,
  action,
  values,
  errors,
  guidance,
  narrative,
  side = 'family',
}: {
  ctx: PageContext;
  caseId: string;
  action: string;
  values: FormValues;
  errors: FormErrors;
  guidance?: string;
  /** a new letter from a template that has the family's account in it */
  narrative?: { inserted: boolean };
  side?: CaseSide;
}) => (
  <Layout ctx={ctx} heading={ctx.t('appeals.draftTitle')}>
    {guidance && <p class="notice">{guidance}</p>}
    {narrative && (
      <NarrativeChoice ctx={ctx} caseId={caseId} values={values} inserted={narrative.inserted} side={side} />
    )}
    <DraftForm ctx={ctx} action={action} values={values} errors={errors} />
    <p>
      <a href={`/cases/${caseId}#appeals`}>{ctx.t(backToCaseKey(side))}</a>
    </p>
  </Layout>
);

/** How far ahead the deadlines list can look (its `days`, 1–90, in the address). */
const DUE_RANGES = [7, 30, 90];

/** The organisation's appeals that are overdue or due soon: where a caseworker follows up. */
export const StaffAppealsPage = ({ ctx, rows, days }: { ctx: PageContext; rows: DueAppeal[]; days: number }) => {
  const { t } = ctx;
  const overdue = rows.filter((r) => r.state === 'overdue');
  const soon = rows.filter((r) => r.state !== 'overdue');
  const Table = ({ list }: { list: DueAppeal[] }) =>
    list.length === 0 ? (
      <p>{t('appeals.staff.none')}</p>
    ) : (
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('cases.name')}</th>
            <th scope="col">{t('appeals.answerBy')}</th>
            <th scope="col">{t('appeals.stateLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr>
              <td>
                <a href={`/appeals/${r.id}`}>{r.name}</a>
                {r.addressee && (
                  <>
                    <br />
                    <small>
                      {t('appeals.to')}: {r.addressee}
                    </small>
                  </>
                )}
                {r.sent && (
                  <>
                    <br />
                    <small>
                      {t('appeals.sentOn', { date: formatDay(r.sent.on) })}
                      {r.sent.channel && ` ${t(`appeals.channels.${r.sent.channel}`)}`}
                    </small>
                  </>
                )}
              </td>
              <td data-label={t('appeals.answerBy')}>{r.answerBy && <DaysLeft ctx={ctx} answerBy={r.answerBy} />}</td>
              <td data-label={t('appeals.stateLabel')}>{t(`appeals.states.${r.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <Layout ctx={ctx} heading={t('appeals.staff.title')}>
      <p>{t('appeals.staff.intro')}</p>
      <h2>{t('appeals.staff.overdue', { count: overdue.length })}</h2>
      <Table list={overdue} />
      <h2>{t('appeals.staff.soon', { count: days })}</h2>
      {/* A letter sent today is answered in a month or more: without a wider window the list
          showed it nowhere, and the caseworker could not see that its deadline was being kept. */}
      <p>
        {t('appeals.staff.range')}{' '}
        {DUE_RANGES.map((d, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/staff/appeals?days=${d}`} aria-current={d === days ? 'page' : undefined}>
              {d === days ? (
                <strong>{t('appeals.staff.rangeDays', { count: d })}</strong>
              ) : (
                t('appeals.staff.rangeDays', { count: d })
              )}
            </a>
          </>
        ))}
      </p>
      <Table list={soon} />
      <p>
        <a href="/staff">{t('cases.queueTitle')}</a> · <a href="/staff/collective">{t('appeals.collective.title')}</a>
      </p>
    </Layout>
  );
};

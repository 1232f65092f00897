import { localDate } from '../web/time.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FailedFormNotice,
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import {
  HIDE_REASONS,
  waveOf,
  type BoardPost,
  type BoardSummary,
  type BoardView,
  type CaseCohort,
  type CaseCohorts,
  type Cohort,
} from './cohorts.service.ts';
import type { FamilyName } from './board-names.service.ts';
import { NAME_MAX } from './family-names.ts';
import { warningAsked } from './opt-in-warning.ts';

// Cohorts on the case page (the family's setting and counts), a board (with the family's name on
// it), and the staff's list.

/**
 * A formation's key ("155 обрмп") as the page's language names it: "155-я отдельная бригада
 * морской пехоты", and in English "Marine Brigade 155 (155 обрмп)" (the Russian abbreviation kept,
 * as on her papers). A named formation or an unknown type keeps the plain form. Russian said
 * «Соединение 1 та» to a mother who had typed «1-я танковая армия» (QA walk 9).
 */
const formationName = (ctx: PageContext, key: string): string => {
  const space = key.indexOf(' ');
  const [number, type] = [key.slice(0, Math.max(space, 0)), key.slice(space + 1)];
  const named = /^\d+$/.test(number) ? ctx.t(`cohorts.formationTypes.${type}`, { defaultValue: '' }) : '';
  // The Russian ordinal agrees with the type's first word: «отдельная …», «бригада» → «155-я»,
  // «мотострелковый …», «полк» → «27-й» (every type of the list starts with its gender).
  const ordinal = `${number}-${/[ая]$/.test(named.split(' ')[0]) ? 'я' : 'й'}`;
  return named
    ? ctx.t('cohorts.kinds.formationNamed', { type: named, number, value: key, ordinal })
    : ctx.t('cohorts.kinds.formation', { value: key });
};

/** "Воинская часть 12345", "Колония № 6 (Пермский край)", "Мобилизованные 09.2022, Ростовская область". */
export const cohortName = (ctx: PageContext, c: Cohort): string => {
  const value = c.kind === 'mobilised' ? formatPartialDate(c.value, c.value.length === 7 ? 'month' : 'year') : c.value;
  const region = c.region ? regionName(c.region, ctx.lang) : '';
  const base = c.kind === 'formation' ? formationName(ctx, c.value) : ctx.t(`cohorts.kinds.${c.kind}`, { value });
  return region ? `${base}${c.kind === 'colony' ? ` (${region})` : `, ${region}`}` : base;
};

/** The saved wave as the form shows it: "09.2022" (or "2022"). */
const waveText = (saved: string | null): string => {
  const wave = waveOf(saved);
  return wave ? formatPartialDate(wave, wave.length === 7 ? 'month' : 'year') : '';
};

export const CaseCohortsSection = ({
  ctx,
  caseId,
  data,
  staff,
  form,
}: {
  ctx: PageContext;
  caseId: string;
  data: CaseCohorts;
  staff: boolean;
  form?: { values: FormValues; errors: FormErrors };
}) => {
  const { t } = ctx;
  const values: FormValues = form?.values ?? {
    colony: data.colony ?? '',
    mobilisation_wave: waveText(data.mobilisationWave),
  };
  const errors = form?.errors ?? {};
  const showCounts = staff || data.optedIn;
  // What a family shares beyond its unit; once it joined, the form is only for correcting these
  // (a contract soldier's family would get a bare tick box and «Сохранить» that saves nothing).
  const asksColony = data.serviceCategory === 'convict_recruit' || !!data.colony;
  const asksWave = data.serviceCategory === 'mobilised' || !!data.mobilisationWave;
  // Joining takes the tick; correcting the month on the boards she is on does not (opt-in-warning.ts).
  const asksTick = warningAsked(data.optedIn, data.cohorts, { wave: asksWave, colony: asksColony });
  return (
    <section aria-labelledby="cohorts-h" id="cohorts">
      <h2 id="cohorts-h">{t('cohorts.sectionTitle')}</h2>
      {!staff && <p>{t('cohorts.introFamily')}</p>}
      {!staff && <p>{t(data.optedIn ? 'cohorts.optedIn' : 'cohorts.notOptedIn')}</p>}
      {showCounts &&
        (data.cohorts.length === 0 ? (
          <p>{t(staff ? 'cohorts.noneStaff' : 'cohorts.none')}</p>
        ) : (
          <ul>
            {data.cohorts.map((c) => (
              <li>
                {cohortName(ctx, c)}: {c.others > 0 ? t('cohorts.others', { count: c.others }) : t('cohorts.noOthers')}
                {c.boardId && (staff || data.optedIn) && (
                  <BoardState ctx={ctx} caseId={caseId} data={data} cohort={c} staff={staff} />
                )}
              </li>
            ))}
          </ul>
        ))}
      {data.canChange && (
        <>
          <p class="notice">{t('cohorts.warning')}</p>
          <FormErrorSummary ctx={ctx} errors={errors} />
          {(!data.optedIn || asksColony || asksWave) && (
            <PostForm ctx={ctx} action={`/cases/${caseId}/cohorts`}>
              <input type="hidden" name="opt_in" value="yes" />
              {asksColony && (
                <TextField
                  ctx={ctx}
                  values={values}
                  errors={errors}
                  name="colony"
                  label={t('cohorts.colony')}
                  hint={t('cohorts.colonyHint')}
                  maxLength={60}
                />
              )}
              {asksWave && (
                <TextField
                  ctx={ctx}
                  values={values}
                  errors={errors}
                  name="mobilisation_wave"
                  label={t('cohorts.wave')}
                  hint={t('cohorts.waveHint')}
                  maxLength={20}
                />
              )}
              {asksTick && (
                <>
                  {/* on the boards already, she is told why the tick is back */}
                  {data.optedIn && <p>{t('cohorts.understoodAgain')}</p>}
                  <label>
                    <input
                      type="checkbox"
                      name="understood"
                      value="yes"
                      aria-invalid={errors.understood ? 'true' : undefined}
                      aria-describedby={errors.understood ? 'understood-error' : undefined}
                    />{' '}
                    {t('cohorts.understood')}
                  </label>
                  {errors.understood && (
                    <small id="understood-error" class="field-error">
                      {t(errors.understood.key)}
                    </small>
                  )}
                </>
              )}
              <button type="submit">{data.optedIn ? t('cohorts.save') : t('cohorts.optInLabel')}</button>
            </PostForm>
          )}
          {data.optedIn && (
            <PostForm ctx={ctx} action={`/cases/${caseId}/cohorts`}>
              <input type="hidden" name="opt_in" value="no" />
              <button type="submit" class="secondary">
                {/* Opting out leaves every board: said so when she is on more than one. */}
                {t(data.cohorts.length > 1 ? 'cohorts.optOutAll' : 'cohorts.optOut')}
              </button>
            </PostForm>
          )}
        </>
      )}
    </section>
  );
};

/** Where the case's family stands on one board of its cohorts, and what may be done from here. */
const BoardState = ({
  ctx,
  caseId,
  data,
  cohort: c,
  staff,
}: {
  ctx: PageContext;
  caseId: string;
  data: CaseCohorts;
  cohort: CaseCohort;
  staff: boolean;
}) => {
  const { t } = ctx;
  const board = `/cohorts/${c.boardId}`;
  if (c.off?.side === 'family')
    return staff ? (
      <> · {t('cohorts.members.staffLeft', { date: formatDay(c.off.on) })}</>
    ) : (
      <>
        <br />
        {t('cohorts.members.youLeft', { date: formatDay(c.off.on) })}
        {data.canChange && (
          <PostForm ctx={ctx} action={`${board}/rejoin`}>
            <button type="submit" class="secondary">
              {t('cohorts.members.rejoin')}
            </button>
          </PostForm>
        )}
      </>
    );
  if (c.off?.side === 'staff')
    return staff ? (
      <>
        {' '}
        · {t('cohorts.members.staffRemoved', { date: formatDay(c.off.on) })}{' '}
        <a href={board}>{t('cohorts.openBoard')}</a>
      </>
    ) : (
      <>
        <br />
        {t('cohorts.members.youWereRemoved', { date: formatDay(c.off.on) })}
      </>
    );
  return (
    <>
      {' '}
      · {c.ready ? <a href={board}>{t('cohorts.openBoard')}</a> : <small>{t('cohorts.boardPending')}</small>}
      {data.canRemove && data.optedIn && (
        <>
          {' '}
          · <a href={`${board}/remove?case=${caseId}`}>{t('cohorts.members.removeLink')}</a>
        </>
      )}
    </>
  );
};

/** A form of the board page that came back with errors, with what was typed. */
export interface BoardForm {
  name: 'post' | 'name';
  values: FormValues;
  errors: FormErrors;
}

/** Where each form of the board is, for the link from the top of the page when it came back with errors. */
const FORM_ANCHORS: Record<BoardForm['name'], string> = { post: 'post-h', name: 'name-h' };

/** How a family shows on a board: the name it chose there, else «Семья 4821». */
export const familyName = (ctx: PageContext, n: FamilyName): string =>
  n.chosen ?? ctx.t('cohorts.familyLabel', { number: n.label });

const Author = ({ ctx, post }: { ctx: PageContext; post: BoardPost }) => (
  <>
    <strong>
      {post.fromFamily
        ? post.family
          ? familyName(ctx, post.family)
          : ctx.t('cohorts.aFamily')
        : (post.author ?? ctx.t('cohorts.fromOrganisation'))}
    </strong>
    {post.mine && <> ({ctx.t('cohorts.you')})</>}
  </>
);

/** The family's name on this board: what others read, and the form to choose another. */
const NameSection = ({ ctx, view, form }: { ctx: PageContext; view: BoardView; form: BoardForm | undefined }) => {
  const { t } = ctx;
  const me = view.me;
  if (!me || !view.can.chooseName) return null;
  const label = t('cohorts.familyLabel', { number: me.label });
  const values = form?.name === 'name' ? form.values : { display_name: me.chosen ?? '' };
  const errors = form?.name === 'name' ? form.errors : {};
  return (
    <section aria-labelledby="name-h">
      <h2 id="name-h">{t('cohorts.name.title')}</h2>
      <p>{t(me.chosen ? 'cohorts.name.nowChosen' : 'cohorts.name.nowLabel', { name: familyName(ctx, me) })}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`/cohorts/${view.id}/name`}>
        <TextField
          ctx={ctx}
          values={values}
          errors={errors}
          name="display_name"
          label={t('cohorts.name.field')}
          hint={t('cohorts.name.hint', { label })}
          maxLength={NAME_MAX}
        />
        <button type="submit">{t('cohorts.name.save')}</button>
      </PostForm>
    </section>
  );
};

export const BoardPage = ({
  ctx,
  view,
  notice,
  form,
}: {
  ctx: PageContext;
  view: BoardView;
  notice?: string;
  form?: BoardForm;
}) => {
  const { t } = ctx;
  const post = form?.name === 'post' ? form : { values: {} as FormValues, errors: {} as FormErrors };
  // Without JavaScript the page comes back at its top: say there that the form below failed.
  const failed = form && Object.keys(form.errors).length > 0 ? FORM_ANCHORS[form.name] : undefined;
  return (
    <Layout ctx={ctx} heading={`${t('cohorts.boardTitle')}: ${cohortName(ctx, view.cohort)}`}>
      {view.can.moderate && <WorkNav ctx={ctx} current="cohorts" />}
      {/* The board says she can leave or come back from her request's page: the way there. */}
      {view.caseId && (
        <p>
          <a href={`/cases/${view.caseId}#cohorts`}>{t('cohorts.backToCase')}</a>
        </p>
      )}
      {notice && (
        <p class="notice done" role="status">
          {t(`cohorts.done.${notice}`, { name: view.me ? familyName(ctx, view.me) : '' })}
        </p>
      )}
      <FailedFormNotice ctx={ctx} at={failed} problem={form?.errors._form} />
      <p>{t('cohorts.boardIntro', { count: view.families })}</p>
      {view.locked ? (
        <p class="notice">{t('cohorts.boardLocked')}</p>
      ) : (
        <>
          {view.me && view.can.chooseName && view.myNameResetOn && (
            <p class="notice">
              {t('cohorts.name.wasReset', { date: formatDay(view.myNameResetOn), name: familyName(ctx, view.me) })}{' '}
              <a href="#name-h">{t('cohorts.name.chooseAnother')}</a>
            </p>
          )}
          {view.me && view.can.chooseName && !view.myNameResetOn && (
            <p>
              {t('cohorts.name.youAre')} <strong>{familyName(ctx, view.me)}</strong>.{' '}
              <a href="#name-h">{t('cohorts.name.change')}</a>
            </p>
          )}
          {view.posts.length === 0 && <p>{t('cohorts.noPosts')}</p>}
          {view.posts.map((p) => (
            <article id={`post-${p.id}`} class="post">
              <header>
                <Author ctx={ctx} post={p} /> <small>{localDate(p.on, ctx.timeZone)}</small>
              </header>
              {p.hidden && !view.can.seeHidden ? (
                <p>
                  <em>
                    {p.hidden.reason === 'left'
                      ? t('cohorts.hiddenByAuthor')
                      : t('cohorts.hidden', { reason: t(`cohorts.reasons.${p.hidden.reason}`) })}
                  </em>
                </p>
              ) : (
                <p class="prewrap">{p.body}</p>
              )}
              {p.hidden && view.can.seeHidden && (
                <p>
                  <small>
                    {t('cohorts.hiddenStaff', {
                      reason: t(`cohorts.reasons.${p.hidden.reason}`),
                      date: localDate(p.hidden.at, ctx.timeZone),
                    })}
                  </small>
                </p>
              )}
              {view.can.moderate &&
                (p.hidden ? (
                  <PostForm ctx={ctx} action={`/cohorts/${view.id}/posts/${p.id}/restore`}>
                    <button type="submit" class="secondary">
                      {t('cohorts.restore')}
                    </button>
                  </PostForm>
                ) : (
                  <PostForm ctx={ctx} action={`/cohorts/${view.id}/posts/${p.id}/hide`}>
                    <SelectField
                      ctx={ctx}
                      name="reason"
                      label={t('cohorts.hideReason')}
                      values={{ reason: 'personal_data' }}
                      errors={{}}
                      options={HIDE_REASONS.map((r) => ({ value: r, label: t(`cohorts.reasons.${r}`) }))}
                    />
                    <button type="submit" class="secondary">
                      {t('cohorts.hide')}
                    </button>
                  </PostForm>
                ))}
              {view.can.resetNames && p.family?.chosen && (
                <PostForm ctx={ctx} action={`/cohorts/${view.id}/posts/${p.id}/reset-name`}>
                  <button type="submit" class="secondary">
                    {t('cohorts.resetName')}
                  </button>
                </PostForm>
              )}
              {p.removable && (
                <p>
                  <a href={`/cohorts/${view.id}/remove?post=${p.id}`}>{t('cohorts.members.removeLink')}</a>
                </p>
              )}
            </article>
          ))}
          {view.can.post && (
            <section aria-labelledby="post-h">
              <h2 id="post-h">{t('cohorts.write')}</h2>
              {!view.can.moderate && <p class="notice">{t('cohorts.warning')}</p>}
              {view.me && <p>{t('cohorts.name.postingAs', { name: familyName(ctx, view.me) })}</p>}
              <FormErrorSummary ctx={ctx} errors={post.errors} />
              <PostForm ctx={ctx} action={`/cohorts/${view.id}/posts`}>
                <TextArea
                  ctx={ctx}
                  values={post.values}
                  errors={post.errors}
                  name="body"
                  label={t('cohorts.post')}
                  hint={t('cohorts.postHint')}
                  required
                  maxLength={2000}
                />
                <button type="submit">{t('cohorts.send')}</button>
              </PostForm>
            </section>
          )}
          <NameSection ctx={ctx} view={view} form={form} />
          <RemovedFamilies ctx={ctx} view={view} />
        </>
      )}
      {view.can.leave && (
        <section aria-labelledby="leave-h">
          <h2 id="leave-h">{t('cohorts.members.leaveTitle')}</h2>
          <p>{t('cohorts.members.leaveIntro')}</p>
          {/* Opens the page that confirms it (a GET: nothing changes until that page's form). */}
          <form method="get" action={`/cohorts/${view.id}/leave`}>
            <button type="submit" class="secondary">
              {t('cohorts.members.leave')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
};

/** Staff: the families removed from this board, each with the way back. */
const RemovedFamilies = ({ ctx, view }: { ctx: PageContext; view: BoardView }) => {
  const { t } = ctx;
  if (!view.can.removeFamilies || view.removed.length === 0) return null;
  return (
    <section aria-labelledby="removed-h">
      <h2 id="removed-h">{t('cohorts.members.removedTitle')}</h2>
      <p>{t('cohorts.members.removedIntro')}</p>
      <ul>
        {view.removed.map((r) => (
          <li>
            <strong>{r.family ? familyName(ctx, r.family) : t('cohorts.aFamily')}</strong>:{' '}
            {t('cohorts.members.removedOn', {
              date: formatDay(r.on),
              reason: t(`cohorts.removeReasons.${r.reason}`),
            })}
            <PostForm ctx={ctx} action={`/cohorts/${view.id}/readmit`}>
              <input type="hidden" name="exit" value={r.exitId} />
              <button type="submit" class="secondary">
                {t('cohorts.members.readmit')}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const StaffBoardsPage = ({ ctx, boards }: { ctx: PageContext; boards: BoardSummary[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('cohorts.staffBoardsTitle')}>
      <WorkNav ctx={ctx} current="cohorts" />
      <p>{t('cohorts.staffBoardsIntro')}</p>
      {boards.length === 0 ? (
        <p>{t('cohorts.noBoards')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('cohorts.boardTitle')}</th>
              <th scope="col">{t('cohorts.families')}</th>
              <th scope="col">{t('cohorts.posts')}</th>
            </tr>
          </thead>
          <tbody>
            {boards.map((b) => (
              <tr>
                <td>
                  <a href={`/cohorts/${b.id}`}>{cohortName(ctx, b.cohort)}</a>
                </td>
                <td data-label={t('cohorts.families')}>{b.families}</td>
                <td data-label={t('cohorts.posts')}>{b.posts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};

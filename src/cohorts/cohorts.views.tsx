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
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { regionName } from '../people/regions.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import {
  HIDE_REASONS,
  waveOf,
  type BoardSummary,
  type BoardView,
  type CaseCohorts,
  type Cohort,
} from './cohorts.service.ts';

// Cohorts on the case page (the family's setting and counts), a board, and the staff's list.

/** "Воинская часть 12345", "Колония № 6 (Пермский край)", "Мобилизованные 09.2022, Ростовская область". */
export const cohortName = (ctx: PageContext, c: Cohort): string => {
  const value = c.kind === 'mobilised' ? formatPartialDate(c.value, c.value.length === 7 ? 'month' : 'year') : c.value;
  const region = c.region ? regionName(c.region, ctx.lang) : '';
  const base = ctx.t(`cohorts.kinds.${c.kind}`, { value });
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
                  <>
                    {' '}
                    ·{' '}
                    {c.ready ? (
                      <a href={`/cohorts/${c.boardId}`}>{t('cohorts.openBoard')}</a>
                    ) : (
                      <small>{t('cohorts.boardPending')}</small>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
      {data.canChange && (
        <>
          <p class="notice">{t('cohorts.warning')}</p>
          <FormErrorSummary ctx={ctx} errors={errors} />
          <PostForm ctx={ctx} action={`/cases/${caseId}/cohorts`}>
            <input type="hidden" name="opt_in" value="yes" />
            {(data.serviceCategory === 'convict_recruit' || data.colony) && (
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
            {(data.serviceCategory === 'mobilised' || data.mobilisationWave) && (
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
            <button type="submit">{data.optedIn ? t('cohorts.save') : t('cohorts.optInLabel')}</button>
          </PostForm>
          {data.optedIn && (
            <PostForm ctx={ctx} action={`/cases/${caseId}/cohorts`}>
              <input type="hidden" name="opt_in" value="no" />
              <button type="submit" class="secondary">
                {t('cohorts.optOut')}
              </button>
            </PostForm>
          )}
        </>
      )}
    </section>
  );
};

export const BoardPage = ({
  ctx,
  view,
  notice,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: BoardView;
  notice?: string;
  errors?: FormErrors;
  values?: FormValues;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={`${t('cohorts.boardTitle')}: ${cohortName(ctx, view.cohort)}`}>
      {view.can.moderate && <WorkNav ctx={ctx} current="cohorts" />}
      {notice && (
        <p class="notice done" role="status">
          {t(`cohorts.done.${notice}`)}
        </p>
      )}
      <p>{t('cohorts.boardIntro', { count: view.families })}</p>
      {view.locked ? (
        <p class="notice">{t('cohorts.boardLocked')}</p>
      ) : (
        <>
          {view.posts.length === 0 && <p>{t('cohorts.noPosts')}</p>}
          {view.posts.map((p) => (
            <article id={`post-${p.id}`}>
              <header>
                <strong>{p.fromFamily ? p.author : (p.author ?? t('cohorts.fromOrganisation'))}</strong>{' '}
                <small>{formatDay(p.on)}</small>
              </header>
              {p.hidden && !view.can.seeHidden ? (
                <p>
                  <em>{t('cohorts.hidden', { reason: t(`cohorts.reasons.${p.hidden.reason}`) })}</em>
                </p>
              ) : (
                <p class="prewrap">{p.body}</p>
              )}
              {p.hidden && view.can.seeHidden && (
                <p>
                  <small>
                    {t('cohorts.hiddenStaff', {
                      reason: t(`cohorts.reasons.${p.hidden.reason}`),
                      date: formatDay(p.hidden.at),
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
            </article>
          ))}
          {view.can.post && (
            <section aria-labelledby="post-h">
              <h2 id="post-h">{t('cohorts.write')}</h2>
              {!view.can.moderate && <p class="notice">{t('cohorts.warning')}</p>}
              <FormErrorSummary ctx={ctx} errors={errors} />
              <PostForm ctx={ctx} action={`/cohorts/${view.id}/posts`}>
                <TextArea
                  ctx={ctx}
                  values={values}
                  errors={errors}
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
        </>
      )}
    </Layout>
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

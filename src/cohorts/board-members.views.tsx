import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, SelectField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { REMOVE_REASONS, type LeavePage, type RemovalPage } from './board-members.service.ts';
import { cohortName, familyName } from './cohorts.views.tsx';

// The two pages that confirm a family going off a board: the family leaving it, and staff removing
// a family. Each says what happens, and what does not, before anything is done; a stray tap on the
// board page only opens them.

export const LeaveBoardPage = ({ ctx, page, values }: { ctx: PageContext; page: LeavePage; values: FormValues }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('cohorts.members.leaveHeading', { board: cohortName(ctx, page.cohort) })}>
      <ul>
        <li>{t('cohorts.members.leaveWhat')}</li>
        <li>{t('cohorts.members.leaveCase')}</li>
        <li>{t('cohorts.members.leaveBack')}</li>
      </ul>
      <PostForm ctx={ctx} action={`/cohorts/${page.boardId}/leave`}>
        <input type="hidden" name="confirm" value="yes" />
        {page.posts > 0 && (
          <label>
            <input type="checkbox" name="hide_posts" value="yes" checked={values.hide_posts === 'yes'} />{' '}
            {t('cohorts.members.hidePosts', { count: page.posts })}
          </label>
        )}
        {page.posts > 0 && <p class="muted">{t('cohorts.members.hidePostsHint')}</p>}
        <button type="submit" class="secondary">
          {t('cohorts.members.leaveSubmit')}
        </button>
      </PostForm>
      <p>
        <a href={`/cohorts/${page.boardId}`}>{t('cohorts.members.stay')}</a>
      </p>
    </Layout>
  );
};

export const RemoveFamilyPage = ({
  ctx,
  page,
  values,
  errors,
}: {
  ctx: PageContext;
  page: RemovalPage;
  values: FormValues;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  const family = page.family ? familyName(ctx, page.family) : t('cohorts.aFamily');
  // The page is about one family: the other language shows the same one (the form's POST has no GET).
  const about = values.post
    ? `post=${encodeURIComponent(values.post)}`
    : `case=${encodeURIComponent(values.case ?? '')}`;
  return (
    <Layout
      ctx={ctx}
      heading={t('cohorts.members.removeHeading', { board: cohortName(ctx, page.cohort) })}
      languageSwitchTo={`/cohorts/${page.boardId}/remove?${about}`}
    >
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t('cohorts.members.removeWho')} <strong>{family}</strong>
        {page.posts > 0 ? ` (${t('cohorts.members.postsCount', { count: page.posts })})` : ''}.
      </p>
      {page.leftAlready && <p class="notice">{t('cohorts.members.removeLeftAlready')}</p>}
      <ul>
        <li>{t('cohorts.members.removeKeys')}</li>
        <li>{t('cohorts.members.removePosts')}</li>
        <li>{t('cohorts.members.removeCase')}</li>
        <li>{t('cohorts.members.removeBack')}</li>
      </ul>
      <PostForm ctx={ctx} action={`/cohorts/${page.boardId}/remove`}>
        <input type="hidden" name="confirm" value="yes" />
        {values.post && <input type="hidden" name="post" value={values.post} />}
        {!values.post && values.case && <input type="hidden" name="case" value={values.case} />}
        <SelectField
          ctx={ctx}
          values={values}
          errors={errors}
          name="reason"
          label={t('cohorts.members.reason')}
          hint={t('cohorts.members.reasonHint')}
          required
          emptyLabel={t('cohorts.members.chooseReason')}
          options={REMOVE_REASONS.map((r) => ({ value: r, label: t(`cohorts.removeReasons.${r}`) }))}
        />
        <button type="submit">{t('cohorts.members.removeSubmit')}</button>
      </PostForm>
      <p>
        <a href={`/cohorts/${page.boardId}`}>{t('cohorts.members.cancel')}</a>
      </p>
    </Layout>
  );
};

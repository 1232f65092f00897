import { localDate } from '../web/time.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, type FormErrors } from '../web/forms.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { FamilyPublicationView } from './publication.service.ts';

// The family's page about the public registry, reached from her case: what would be published,
// what is being prepared or is public now, and her choice. Two plain radio buttons and a button.

const CHOICES = ['allow', 'do_not_publish'] as const;

export const FamilyPublicationPage = ({
  ctx,
  caseId,
  view,
  saved,
  errors = {},
}: {
  ctx: PageContext;
  caseId: string;
  view: FamilyPublicationView;
  saved: boolean;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  const current = view.doNotPublish ? 'do_not_publish' : 'allow';
  return (
    <Layout ctx={ctx} heading={t('registry.family.title')}>
      {saved && (
        <p class="notice done" role="status">
          {t('registry.family.saved')}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>{t('registry.family.intro')}</p>
      <p>{t('registry.family.before')}</p>
      {view.record?.state === 'announced' && (
        <p class="notice">
          {t('registry.family.stateAnnounced', { date: formatDay(view.record.announcedOn ?? '') })}
          {/* how long she has to think it over: the family did not learn it anywhere */}
          {view.record.notBefore && <> {t('registry.family.notBefore', { date: formatDay(view.record.notBefore) })}</>}
        </p>
      )}
      {view.record?.state === 'published' && (
        <p class="notice">
          {t('registry.family.statePublished', { date: localDate(view.record.publishedAt ?? '', ctx.timeZone) })}{' '}
          <a href={`/registry/persons/${view.record.id}`}>{t('registry.family.viewRecord')}</a>
        </p>
      )}
      <p>
        <strong>{t('registry.family.current', { choice: t(`registry.family.choices.${current}`) })}</strong>
      </p>
      <PostForm ctx={ctx} action={`/cases/${caseId}/publication`}>
        <fieldset>
          <legend>{t('registry.family.choice')}</legend>
          {CHOICES.map((c) => (
            <label>
              <input type="radio" name="choice" value={c} checked={c === current} /> {t(`registry.family.choices.${c}`)}
            </label>
          ))}
          <small>{t('registry.family.doNotPublishHint')}</small>
        </fieldset>
        <button type="submit">{t('registry.family.submit')}</button>
      </PostForm>
      <p>
        <a href={`/cases/${caseId}`}>{t('cases.edit.back')}</a>
      </p>
    </Layout>
  );
};

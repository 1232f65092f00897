import { Layout } from '../web/layout.tsx';
import { FormErrorSummary, PostForm, TextArea, type FormErrors, type FormValues } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import { ORGANISATION_ABOUT_MAX } from './accounts.schema.ts';
import type { OrganisationAbout, OrganisationChoice } from './organisation-about.service.ts';

// What each organisation says of itself, above the choice of organisation on the request and tip
// forms, and the admin's form that writes it (organisation-about.service.ts).

/** The words in the reader's language, else in the other one (an organisation may write only Russian). */
const aboutIn = (lang: string, about: OrganisationAbout): string | null =>
  lang === 'en' ? (about.en ?? about.ru) : (about.ru ?? about.en);

/** Who is who: each organisation that wrote about itself, by name. Nothing when none did. */
export const OrganisationsAbout = ({
  ctx,
  organisations,
}: {
  ctx: PageContext;
  organisations: OrganisationChoice[];
}) => {
  const described = organisations.flatMap((o) => {
    const about = aboutIn(ctx.lang, o.about);
    return about ? [{ name: o.name, about }] : [];
  });
  if (described.length === 0) return null;
  return (
    // Above the choice, inside the form: open, and folded away by whoever has read it.
    <details open class="org-about">
      <summary>{ctx.t('accounts.about.whoIsWho', { count: described.length })}</summary>
      <dl>
        {described.map((o) => (
          <>
            <dt>{o.name}</dt>
            <dd class="prewrap">{o.about}</dd>
          </>
        ))}
      </dl>
    </details>
  );
};

export const OrganisationAboutPage = ({
  ctx,
  organisationId,
  name,
  values,
  errors,
  saved,
}: {
  ctx: PageContext;
  organisationId: string;
  name: string;
  values: FormValues;
  errors: FormErrors;
  saved: boolean;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.about.title')}>
    {saved && (
      <p class="notice" role="status">
        {ctx.t('accounts.about.saved')}
      </p>
    )}
    <FormErrorSummary ctx={ctx} errors={errors} />
    <p>
      {ctx.t('accounts.fields.organisation')}: <strong>{name}</strong>
    </p>
    <p>{ctx.t('accounts.about.intro')}</p>
    <p class="muted">{ctx.t('accounts.about.caution')}</p>
    <PostForm ctx={ctx} action="/admin/about">
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextArea
        ctx={ctx}
        name="about_ru"
        label={ctx.t('accounts.about.ru')}
        hint={ctx.t('accounts.about.hintRu')}
        maxLength={ORGANISATION_ABOUT_MAX}
        rows={6}
        values={values}
        errors={errors}
      />
      <TextArea
        ctx={ctx}
        name="about_en"
        label={ctx.t('accounts.about.en')}
        hint={ctx.t('accounts.about.hintEn')}
        maxLength={ORGANISATION_ABOUT_MAX}
        rows={4}
        values={values}
        errors={errors}
      />
      <button type="submit">{ctx.t('accounts.about.save')}</button>
    </PostForm>
    <p>
      <a href={`/admin/invites?org=${organisationId}`}>{ctx.t('accounts.about.back')}</a>
    </p>
  </Layout>
);

import { Layout } from '../web/layout.tsx';
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
import { regionName, regionOptions } from '../people/regions.ts';
import { localDate } from '../web/time.ts';
import { AUTHORITY_KINDS } from './appeals.seed.ts';
import type { AuthorityView, TemplateView } from './directory.service.ts';
import { PLACEHOLDERS } from './template-rules.ts';

// The editors' pages: the directory of authorities and the letter templates. (Guides: src/guides/.)

export const EditorHome = ({ ctx }: { ctx: PageContext }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('appeals.editor.title')}>
      <p>{t('appeals.editor.intro')}</p>
      <ul>
        <li>
          <a href="/editor/guides">{t('guides.editor.title')}</a>
        </li>
        <li>
          <a href="/editor/templates">{t('appeals.editor.templates')}</a>
        </li>
        <li>
          <a href="/editor/authorities">{t('appeals.editor.authorities')}</a>
        </li>
      </ul>
    </Layout>
  );
};

const AuthorityFields = ({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FormErrors }) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <>
      <SelectField
        {...f}
        name="kind"
        label={t('appeals.editor.kind')}
        required
        options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(`appeals.kinds.${k}`) }))}
      />
      <TextField {...f} name="name" label={t('appeals.editor.name')} required maxLength={300} />
      <SelectField
        {...f}
        name="region"
        label={t('people.region')}
        hint={t('appeals.editor.regionHint')}
        options={regionOptions(ctx.lang)}
      />
      <TextArea {...f} name="postal_address" label={t('appeals.editor.postalAddress')} maxLength={500} rows={2} />
      <TextField
        {...f}
        name="online_url"
        label={t('appeals.editor.onlineUrl')}
        hint={t('appeals.editor.onlineUrlHint')}
        maxLength={300}
      />
      <TextArea {...f} name="notes" label={t('appeals.editor.notes')} maxLength={3000} rows={3} />
    </>
  );
};

export const AuthoritiesPage = ({
  ctx,
  list,
  values,
  errors,
}: {
  ctx: PageContext;
  list: AuthorityView[];
  values: FormValues;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  // The form is below the whole directory: a form not sent at all is said at the top.
  const notSent = notSentProblem(errors);
  return (
    <Layout ctx={ctx} heading={t('appeals.editor.authorities')}>
      <FailedFormNotice ctx={ctx} at={notSent ? 'add-h' : undefined} problem={notSent} />
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('appeals.editor.name')}</th>
            <th scope="col">{t('appeals.editor.kind')}</th>
            <th scope="col">{t('people.region')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr>
              <td>
                <a href={`/editor/authorities/${a.id}`}>{a.name}</a>
              </td>
              <td data-label={t('appeals.editor.kind')}>{t(`appeals.kinds.${a.kind}`)}</td>
              <td data-label={t('people.region')}>
                {a.regionCode ? regionName(a.regionCode, ctx.lang) : t('appeals.editor.federal')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="add-h">{t('appeals.editor.add')}</h2>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/editor/authorities">
        <AuthorityFields ctx={ctx} values={values} errors={errors} />
        <button type="submit">{t('appeals.editor.addSubmit')}</button>
      </PostForm>
    </Layout>
  );
};

export const AuthorityPage = ({
  ctx,
  id,
  values,
  errors,
  saved,
}: {
  ctx: PageContext;
  id: string;
  values: FormValues;
  errors: FormErrors;
  saved?: boolean;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={values.name || t('appeals.editor.authorities')}>
      {saved && (
        <p class="notice done" role="status">
          {t('appeals.editor.saved')}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`/editor/authorities/${id}`}>
        <AuthorityFields ctx={ctx} values={values} errors={errors} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
      <p>
        <a href="/editor/authorities">{t('appeals.editor.authorities')}</a>
      </p>
    </Layout>
  );
};

export const TemplatesPage = ({ ctx, list }: { ctx: PageContext; list: TemplateView[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('appeals.editor.templates')}>
      <p>{t('appeals.editor.templatesIntro')}</p>
      <ul>
        {list.map((tp) => (
          <li>
            <a href={`/editor/templates/${tp.key}`}>{ctx.lang === 'ru' ? tp.titleRu : tp.titleEn}</a>{' '}
            <small>
              {t('appeals.editor.version', { n: tp.version })} · {localDate(tp.updatedAt, ctx.timeZone)}
            </small>
          </li>
        ))}
      </ul>
    </Layout>
  );
};

export const TemplatePage = ({
  ctx,
  keyName,
  values,
  errors,
  versions,
  saved,
}: {
  ctx: PageContext;
  keyName: string;
  values: FormValues;
  errors: FormErrors;
  versions: Array<{ version: number; updated_at: string }>;
  saved?: boolean;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} heading={values.title_ru || keyName}>
      {saved && (
        <p class="notice done" role="status">
          {t('appeals.editor.saved')}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`/editor/templates/${keyName}`}>
        <input type="hidden" name="base" value={values.base ?? '0'} />
        <TextField {...f} name="title_ru" label={t('appeals.editor.titleRu')} required maxLength={200} />
        <TextField {...f} name="title_en" label={t('appeals.editor.titleEn')} required maxLength={200} />
        <TextArea {...f} name="guidance_ru" label={t('appeals.editor.guidanceRu')} required maxLength={3000} rows={3} />
        <TextArea {...f} name="guidance_en" label={t('appeals.editor.guidanceEn')} required maxLength={3000} rows={3} />
        <TextArea
          {...f}
          name="body"
          label={t('appeals.editor.body')}
          hint={t('appeals.editor.bodyHint')}
          required
          maxLength={20000}
          rows={16}
        />
        <button type="submit">{t('appeals.editor.saveVersion')}</button>
      </PostForm>
      <details>
        <summary>{t('appeals.editor.placeholders')}</summary>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li>
              <code>{`{{${p}}}`}</code> — {t(`appeals.placeholders.${p.replace('.', '_')}`)}
            </li>
          ))}
        </ul>
      </details>
      <h2>{t('appeals.editor.versions')}</h2>
      <ul>
        {versions.map((v) => (
          <li>
            {t('appeals.editor.version', { n: v.version })} · {localDate(v.updated_at, ctx.timeZone)}
          </li>
        ))}
      </ul>
      <p>
        <a href="/editor/templates">{t('appeals.editor.templates')}</a>
      </p>
    </Layout>
  );
};

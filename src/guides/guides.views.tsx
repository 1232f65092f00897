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
import { localDate, localDateTime } from '../web/time.ts';
import type { SearchHit } from './guide-search.service.ts';
import type { EditorGuideItem, GuideListItem, GuideText, GuideView } from './guides.service.ts';

// The knowledge base, public, and the editors' pages for it. The guides' HTML was sanitised when
// it was saved (src/shared/markdown.ts); the search is a POST, so what someone looked for never
// sits in a URL, a browser history or a proxy's log.

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A guide's stored HTML with each table in a box of its own that scrolls sideways (site.css
 * .table-scroll): in a guide, table cells keep their words whole, so a table wider than a phone
 * scrolls there and not the page. Added when the page is shown, so every stored version has it.
 * The HTML was sanitised on save: a literal "<table>" in it is a tag (text and attributes have
 * their "<" escaped), and the box is focusable to be scrolled by keyboard.
 */
const withScrollingTables = (ctx: PageContext, html: string): string =>
  html
    .replace(
      /<table>/g,
      `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttr(ctx.t('guides.table'))}"><table>`,
    )
    .replace(/<\/table>/g, '</table></div>');

const SearchForm = ({ ctx, q = '', errors = {} }: { ctx: PageContext; q?: string; errors?: FormErrors }) => (
  <PostForm ctx={ctx} action="/guides/search">
    <TextField
      ctx={ctx}
      name="q"
      type="search"
      label={ctx.t('guides.search')}
      values={{ q }}
      errors={errors}
      maxLength={100}
    />
    <button type="submit">{ctx.t('guides.searchSubmit')}</button>
  </PostForm>
);

export const GuidesPage = ({ ctx, list }: { ctx: PageContext; list: GuideListItem[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('guides.title')}>
      <p>{t('guides.intro')}</p>
      <SearchForm ctx={ctx} />
      {list.length === 0 ? (
        <p>{t('guides.none')}</p>
      ) : (
        <ul>
          {list.map((g) => (
            <li>
              <a href={`/guides/${g.slug}`}>{g.title}</a>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t('guides.disclaimer')}</p>
    </Layout>
  );
};

/** A guide as its readers see it: on its public page, and in an editor's preview before saving. */
const GuideBody = ({ ctx, guide }: { ctx: PageContext; guide: GuideView }) => {
  const { t } = ctx;
  return (
    <>
      {guide.lang !== ctx.lang && <p class="notice">{t('guides.onlyOther')}</p>}
      {guide.other && guide.other.lang !== guide.lang && guide.lang === ctx.lang && (
        <p>
          <a
            href={`/guides/${guide.slug}?lang=${guide.other.lang}`}
            hrefLang={guide.other.lang}
            lang={guide.other.lang}
          >
            {guide.other.title}
          </a>
        </p>
      )}
      {guide.toc.length > 1 && (
        // A section, not a <nav>: Pico lays a nav's list out in one row, which overflows a phone.
        <section aria-labelledby="toc-h" class="toc">
          <h2 id="toc-h">{t('guides.toc')}</h2>
          <ol>
            {guide.toc.map((e) => (
              <li class={`toc-${e.level}`}>
                <a href={`#${e.id}`}>{e.text}</a>
              </li>
            ))}
          </ol>
        </section>
      )}
      <article lang={guide.lang} class="guide">
        <div dangerouslySetInnerHTML={{ __html: withScrollingTables(ctx, guide.html) }} />
      </article>
    </>
  );
};

export const GuidePage = ({ ctx, guide }: { ctx: PageContext; guide: GuideView }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={guide.title}>
      <GuideBody ctx={ctx} guide={guide} />
      <p class="muted">{t('guides.updated', { date: localDate(guide.editedAt, ctx.timeZone), n: guide.version })}</p>
      <p>
        <a href="/guides">{t('guides.all')}</a>
      </p>
    </Layout>
  );
};

export const SearchPage = ({
  ctx,
  q,
  hits,
  partial = false,
  errors,
}: {
  ctx: PageContext;
  q: string;
  hits: SearchHit[] | null;
  /** no guide holds every word: the hits hold some of them */
  partial?: boolean;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('guides.search')}>
      <SearchForm ctx={ctx} q={q} errors={errors} />
      {hits && (
        <>
          <h2>{t('guides.results', { count: hits.length })}</h2>
          {partial && <p>{t('guides.partial')}</p>}
          <ul>
            {hits.map((h) => (
              <li>
                <a href={`/guides/${h.slug}${h.lang !== ctx.lang ? `?lang=${h.lang}` : ''}`}>{h.title}</a>
                {h.lang !== ctx.lang && <small> ({h.lang === 'ru' ? 'Русский' : 'English'})</small>}
                <br />
                <small>{h.snippet}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/guides">{t('guides.all')}</a>
      </p>
    </Layout>
  );
};

export const EditorGuidesPage = ({ ctx, list }: { ctx: PageContext; list: EditorGuideItem[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('guides.editor.title')}>
      <p>
        <a href="/editor/guides/new">{t('guides.editor.new')}</a>
      </p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('guides.editor.guideTitle')}</th>
            <th scope="col">{t('guides.editor.lang')}</th>
            <th scope="col">{t('guides.editor.version')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((g) => (
            <tr>
              <td>
                <a href={`/editor/guides/${g.id}`}>{g.title}</a> <small>/{g.slug}</small>
              </td>
              <td data-label={t('guides.editor.lang')}>{g.lang}</td>
              <td data-label={t('guides.editor.version')}>
                {g.version === 0 ? (
                  <a href={`/editor/guides/${g.id}/history`}>{t('guides.editor.unpublished')}</a>
                ) : (
                  <>
                    <a href={`/editor/guides/${g.id}/history`}>{g.version}</a> · {localDate(g.editedAt, ctx.timeZone)}
                  </>
                )}
                {g.draft !== null && <> · {t('guides.editor.draftN', { n: g.draft })}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/editor">{t('appeals.editor.title')}</a>
      </p>
    </Layout>
  );
};

interface GuideFormProps {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors: FormErrors;
  isNew: boolean;
  /** another editor's version, saved while this one edited: the form is based on it now */
  newer?: GuideText;
}

/**
 * The guide's form. «Предпросмотр» posts the same fields to the preview (formaction: no
 * JavaScript), which shows the guide as readers would and this form again, filled in;
 * «Сохранить черновик» (a saved guide's only) saves without publishing; only «Сохранить и
 * опубликовать» publishes. Preview comes first, so Enter in a field previews rather than saves.
 */
const GuideForm = ({ ctx, action, values, errors, isNew, newer }: GuideFormProps) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <PostForm ctx={ctx} action={action}>
      <input type="hidden" name="base" value={values.base ?? '0'} />
      {isNew && (
        <>
          <TextField
            {...f}
            name="slug"
            label={t('guides.editor.slug')}
            hint={t('guides.editor.slugHint')}
            required
            maxLength={80}
          />
          <SelectField
            {...f}
            name="lang"
            label={t('guides.editor.lang')}
            required
            options={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
          />
        </>
      )}
      <TextField {...f} name="title" label={t('guides.editor.guideTitle')} required maxLength={200} />
      <TextArea
        {...f}
        name="markdown"
        label={t('guides.editor.markdown')}
        hint={t('guides.editor.markdownHint')}
        required
        maxLength={100000}
        rows={24}
      />
      <button type="submit" class="secondary" formaction={`${action}/preview`}>
        {t('guides.editor.preview')}
      </button>{' '}
      <button type="submit" class="secondary" name="draft" value="1">
        {t('guides.editor.saveDraft')}
      </button>{' '}
      <button type="submit">
        {newer ? t('guides.editor.saveOver', { n: newer.version }) : t('guides.editor.save')}
      </button>
    </PostForm>
  );
};

/** Another editor's version, under the form she came back to: to read, and to take from by hand. */
const NewerVersionShown = ({ ctx, newer }: { ctx: PageContext; newer: GuideText }) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="newer-h" class="newer">
      <h2 id="newer-h">{t('guides.editor.newerTitle', { n: newer.version })}</h2>
      <p class="muted">
        {t(newer.draft ? 'guides.editor.newerSavedDraft' : 'guides.editor.newerSaved', {
          when: localDateTime(newer.editedAt, ctx.timeZone),
        })}
      </p>
      <dl>
        <dt>{t('guides.editor.guideTitle')}</dt>
        <dd>{newer.title}</dd>
        <dt>{t('guides.editor.markdown')}</dt>
        <dd>
          <pre class="prewrap">{newer.markdown}</pre>
        </dd>
      </dl>
    </section>
  );
};

export const GuideFormPage = ({
  saved,
  draftOf,
  ...form
}: GuideFormProps & {
  /** what was just saved */
  saved?: 'published' | 'draft';
  /** the form holds a draft: its version, and the published one readers see (0: none yet) */
  draftOf?: { version: number; published: number; slug: string; lang: string };
}) => {
  const { ctx, values, errors, isNew, newer } = form;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={isNew ? t('guides.editor.new') : values.title || t('guides.editor.title')}>
      {saved && (
        <p class="notice done" role="status">
          {saved !== 'draft'
            ? t('guides.editor.saved')
            : draftOf?.published
              ? t('guides.editor.draftSaved', { published: draftOf.published })
              : t('guides.editor.draftSavedNew')}
        </p>
      )}
      {draftOf && saved !== 'draft' && (
        <p class="notice">
          {draftOf.published
            ? t('guides.editor.isDraft', { n: draftOf.version, published: draftOf.published })
            : t('guides.editor.isDraftNew', { n: draftOf.version })}
        </p>
      )}
      {draftOf && draftOf.published > 0 && (
        <p>
          <a href={`/guides/${draftOf.slug}?lang=${draftOf.lang}`}>
            {t('guides.editor.readPublished', { n: draftOf.published })}
          </a>
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      {newer && (
        <p>
          <a href="#newer-h">{t('guides.editor.newerLink', { n: newer.version })}</a>
        </p>
      )}
      <GuideForm {...form} />
      {newer && <NewerVersionShown ctx={ctx} newer={newer} />}
      <p>
        <a href="/editor/guides">{t('guides.editor.title')}</a>
      </p>
    </Layout>
  );
};

/** The guide as readers would see it with the editor's unsaved text, then the form to go on. */
export const GuidePreviewPage = ({ guide, ...form }: Omit<GuideFormProps, 'errors'> & { guide: GuideView }) => {
  const { ctx } = form;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={guide.title}>
      <p class="notice" role="status">
        <strong>{t('guides.editor.previewNotice')}</strong> <a href="#edit-h">{t('guides.editor.previewToForm')}</a>
      </p>
      <GuideBody ctx={ctx} guide={guide} />
      <h2 id="edit-h">{t('guides.editor.previewEdit')}</h2>
      <GuideForm {...form} errors={{}} />
      <p>
        <a href="/editor/guides">{t('guides.editor.title')}</a>
      </p>
    </Layout>
  );
};

export const HistoryPage = ({
  ctx,
  guide,
  versions,
}: {
  ctx: PageContext;
  guide: GuideView;
  versions: Array<{ version: number; title: string; edited_at: string }>;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('guides.editor.history', { title: guide.title })}>
      <ol reversed>
        {versions.map((v) => (
          <li>
            <a href={`/editor/guides/${guide.id}/versions/${v.version}`}>
              {t('guides.editor.versionN', { n: v.version })}: {v.title}
            </a>{' '}
            · {localDate(v.edited_at, ctx.timeZone)}
            {/* a version after the published one was saved as a draft and never published */}
            {v.version === guide.version && <> · {t('guides.editor.publishedMark')}</>}
            {v.version > guide.version && <> · {t('guides.editor.draftMark')}</>}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/editor/guides/${guide.id}`}>{t('guides.editor.edit')}</a> ·{' '}
        <a href="/editor/guides">{t('guides.editor.title')}</a>
      </p>
    </Layout>
  );
};

export const VersionPage = ({
  ctx,
  guideId,
  v,
}: {
  ctx: PageContext;
  guideId: string;
  v: { version: number; title: string; html: string; markdown: string; editedAt: string };
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={`${t('guides.editor.versionN', { n: v.version })}: ${v.title}`}>
      <p class="muted">{localDate(v.editedAt, ctx.timeZone)}</p>
      <article class="guide" dangerouslySetInnerHTML={{ __html: withScrollingTables(ctx, v.html) }} />
      <details>
        <summary>{t('guides.editor.markdown')}</summary>
        <pre class="prewrap">{v.markdown}</pre>
      </details>
      <p>
        <a href={`/editor/guides/${guideId}/history`}>{t('guides.editor.back')}</a>
      </p>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatDay, formatPartialDate } from '../people/partial-date.ts';
import { EVENT_SOURCES, VERIFICATION_LEVELS } from '../cases/timeline.ts';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import { MAX_FILE_BYTES } from './list-format.ts';
import { PLATFORM_FIELDS } from './row-rules.ts';
import type { ImportView, MappingForm } from './imports.service.ts';

// Imports for staff: the list of lists, the upload form, the mapping form, and one import's page,
// which refreshes itself while the import runs (a meta refresh: no JavaScript).

const sourceDate = (v: ImportView): string => formatPartialDate(v.sourceDate, v.sourcePrecision);

export const ImportsPage = ({ ctx, imports }: { ctx: PageContext; imports: ImportView[] }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('imports.title')}>
      <WorkNav ctx={ctx} current="imports" />
      <p>{t('imports.intro')}</p>
      <p>
        <a href="/staff/imports/new">
          <strong>{t('imports.new')}</strong>
        </a>
      </p>
      <h2>{t('imports.list')}</h2>
      {imports.length === 0 ? (
        <p>{t('imports.none')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('imports.columns.name')}</th>
              <th scope="col">{t('imports.columns.date')}</th>
              <th scope="col">{t('imports.columns.state')}</th>
              <th scope="col">{t('imports.columns.added')}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr>
                <td>
                  <a href={`/staff/imports/${i.id}`}>{i.sourceName}</a>
                </td>
                <td data-label={t('imports.columns.date')}>{sourceDate(i) || formatDay(i.createdAt)}</td>
                <td data-label={t('imports.columns.state')}>{t(`imports.states.${i.state}`)}</td>
                <td data-label={t('imports.columns.added')}>{i.state === 'done' ? i.addedRows : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};

export const UploadPage = ({
  ctx,
  can,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  can: MatchingAbilities;
  values?: FormValues;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} heading={t('imports.new')}>
      <WorkNav ctx={ctx} current="imports" />
      <FormErrorSummary ctx={ctx} errors={errors} />
      {/* Multipart bodies are read after the CSRF check, so the token also travels in the URL. */}
      <PostForm
        ctx={ctx}
        action={`/staff/imports?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
      >
        <TextField
          {...f}
          name="source_name"
          label={t('imports.sourceName')}
          hint={t('imports.sourceNameHint')}
          required
          maxLength={200}
        />
        <TextField
          {...f}
          name="source_date"
          label={t('imports.sourceDate')}
          hint={t('imports.sourceDateHint')}
          maxLength={20}
        />
        <TextField
          {...f}
          name="source_origin"
          label={t('imports.sourceOrigin')}
          hint={t('imports.sourceOriginHint')}
          maxLength={500}
        />
        <SelectField
          {...f}
          name="source_kind"
          label={t('imports.sourceKind')}
          required
          options={EVENT_SOURCES.filter((k) => k !== 'family').map((k) => ({
            value: k,
            label: t(`cases.sources.${k}`),
          }))}
        />
        <SelectField
          {...f}
          values={{ verification: 'reported', ...values }}
          name="verification"
          label={t('imports.verification')}
          hint={t('imports.verificationHint')}
          options={VERIFICATION_LEVELS.filter((l) => l !== 'confirmed' || can.confirmFacts).map((l) => ({
            value: l,
            label: t(`cases.levels.${l}`),
          }))}
        />
        <label>
          {t('imports.file')} <span class="req">({t('common.required')})</span>
          <input
            type="file"
            name="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-invalid={errors.file ? 'true' : undefined}
            aria-describedby={errors.file ? 'file-error file-hint' : 'file-hint'}
          />
          <small id="file-hint">{t('imports.fileHint')}</small>
          {errors.file && (
            <small id="file-error" class="field-error">
              {t(errors.file.key, { max: MAX_FILE_BYTES / 1048576, ...(errors.file.params ?? {}) })}
            </small>
          )}
        </label>
        <button type="submit">{t('imports.upload')}</button>
      </PostForm>
      <p>
        <a href="/staff/imports">{t('imports.back')}</a>
      </p>
    </Layout>
  );
};

export const MapPage = ({ ctx, form, errors = {} }: { ctx: PageContext; form: MappingForm; errors?: FormErrors }) => {
  const { t } = ctx;
  const values = Object.fromEntries(Object.entries(form.mapping).map(([k, v]) => [k, v ?? ''])) as FormValues;
  const options = form.header.map((h) => ({ value: h, label: h }));
  return (
    <Layout ctx={ctx} heading={t('imports.mapTitle')}>
      <WorkNav ctx={ctx} current="imports" />
      <p>
        <strong>{form.importRow.sourceName}</strong> · {t('imports.encoding')}: {form.importRow.encoding}
      </p>
      <p>{t('imports.mapIntro')}</p>
      <h2>{t('imports.samples')}</h2>
      {form.samples.length === 0 ? (
        <p>{t('imports.noSamples')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              {form.header.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {form.samples.map((row) => (
              <tr>
                {form.header.map((h, i) => (
                  <td data-label={h}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`/staff/imports/${form.importRow.id}/map`}>
        {PLATFORM_FIELDS.map((field) => (
          <SelectField
            ctx={ctx}
            values={values}
            errors={errors}
            name={field}
            label={t(`imports.fields.${field}`)}
            required={false}
            emptyLabel={t('imports.notUsed')}
            options={options}
          />
        ))}
        <button type="submit">{t('imports.startImport')}</button>
      </PostForm>
    </Layout>
  );
};

export const ImportPage = ({ ctx, view, waiting }: { ctx: PageContext; view: ImportView; waiting: number }) => {
  const { t } = ctx;
  const running = view.state === 'running';
  return (
    <Layout ctx={ctx} heading={view.sourceName} refreshSeconds={running ? 2 : undefined}>
      <WorkNav ctx={ctx} current="imports" />
      <p>
        {sourceDate(view) && <>{sourceDate(view)} · </>}
        {t(`cases.sources.${view.sourceKind}`)} · {t(`cases.levels.${view.verification}`)}
        {view.sourceOrigin && (
          <>
            <br />
            {view.sourceOrigin}
          </>
        )}
      </p>
      <p role="status">
        {t('imports.state')}: <strong>{t(`imports.states.${view.state}`)}</strong>
      </p>
      {view.state === 'uploaded' && (
        <p>
          <a href={`/staff/imports/${view.id}/map`}>{t('imports.mapTitle')}</a>
        </p>
      )}
      {running && (
        <>
          <p>
            {view.totalRows === 0
              ? t('imports.starting')
              : view.checkedRows < view.totalRows
                ? t('imports.checking', { done: view.checkedRows, total: view.totalRows })
                : t('imports.writing')}
          </p>
          {view.totalRows > 0 && (
            <progress value={String(view.checkedRows)} max={String(view.totalRows)} aria-label={t('imports.state')} />
          )}
          <p class="muted">{t('imports.refreshing')}</p>
        </>
      )}
      {view.state === 'done' && (
        <>
          <p>{t('imports.result', { added: view.addedRows, skipped: view.skippedRows, events: view.eventsAdded })}</p>
          {waiting > 0 && <p>{t('imports.waiting', { count: waiting })}</p>}
          <p>
            <a href="/staff/matches">{t('imports.queueLink')}</a>
          </p>
        </>
      )}
      {view.state === 'failed' && view.error && (
        <div class="notice" role="alert">
          <p>{t('imports.failedIntro')}</p>
          <p>
            <strong>
              {view.error.line
                ? t('imports.errorAt', { line: view.error.line, reason: t(view.error.key, view.error.params) })
                : t(view.error.key, view.error.params)}
            </strong>
          </p>
        </div>
      )}
      <p>
        <a href="/staff/imports">{t('imports.back')}</a>
      </p>
    </Layout>
  );
};

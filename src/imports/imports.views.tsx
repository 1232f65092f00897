import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { localDate } from '../web/time.ts';
import { EVENT_SOURCES, VERIFICATION_LEVELS } from '../cases/timeline.ts';
import type { MatchingAbilities } from '../policy/matching.policy.ts';
import { WorkNav } from '../matching/work-nav.views.tsx';
import { MAX_FILE_BYTES } from './list-format.ts';
import { PLATFORM_FIELDS } from './row-rules.ts';
import type { ImportListItem, ImportView, MappingForm } from './imports.service.ts';
import { lineReasons, linesNotShown, warningText, type WarningReport } from './list-problems.ts';

// Imports for staff: the list of lists, the upload form, the mapping form, and one import's page,
// which refreshes itself while the import runs (a meta refresh: no JavaScript). A failed import
// lists every bad line (the first hundred) and offers the form for its corrected file, filled in.

const sourceDate = (v: Pick<ImportView, 'sourceDate' | 'sourcePrecision'>): string =>
  formatPartialDate(v.sourceDate, v.sourcePrecision);

/** The state as the list shows it: a failed import says so in red, with how many lines are at fault. */
const StateCell = ({ ctx, item }: { ctx: PageContext; item: ImportListItem }) =>
  item.state === 'failed' ? (
    <strong class="late">
      {item.problemLines !== null
        ? ctx.t('imports.failedLines', { count: item.problemLines })
        : ctx.t('imports.states.failed')}
    </strong>
  ) : (
    ctx.t(`imports.states.${item.state}`)
  );

export const ImportsPage = ({ ctx, imports }: { ctx: PageContext; imports: ImportListItem[] }) => {
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
              <th scope="col">{t('imports.columns.listDate')}</th>
              <th scope="col">{t('imports.columns.uploaded')}</th>
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
                {/* Two dates, each under its own name: the one column that showed the list's own date
                    or, when it had none, the upload day read as one and the same thing. */}
                <td data-label={t('imports.columns.listDate')}>{sourceDate(i) || '—'}</td>
                <td data-label={t('imports.columns.uploaded')}>{localDate(i.createdAt, ctx.timeZone)}</td>
                <td data-label={t('imports.columns.state')}>
                  <StateCell ctx={ctx} item={i} />
                </td>
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
  again = null,
}: {
  ctx: PageContext;
  can: MatchingAbilities;
  values?: FormValues;
  errors?: FormErrors;
  /** the failed import this upload corrects */
  again?: ImportView | null;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  // A browser never keeps a chosen file when the page comes back with a problem: say so, plainly,
  // at the top and at the file itself — everything else is filled in as it was.
  const chooseAgain = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} heading={t(again ? 'imports.againTitle' : 'imports.new')}>
      <WorkNav ctx={ctx} current="imports" />
      <FormErrorSummary ctx={ctx} errors={errors} />
      {chooseAgain && (
        <p class="notice" id="file-again">
          <strong>{t('imports.chooseFileAgain')}</strong> {t('imports.fieldsKept')}
        </p>
      )}
      {again && (
        <p>{t('imports.againIntro', { name: again.sourceName, date: localDate(again.createdAt, ctx.timeZone) })}</p>
      )}
      {/* Multipart: PostForm's token is the body's first field, checked before the list is read. */}
      <PostForm ctx={ctx} action="/staff/imports" enctype="multipart/form-data">
        {again && <input type="hidden" name="again" value={again.id} />}
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
            aria-invalid={chooseAgain ? 'true' : undefined}
            aria-describedby={[errors.file ? 'file-error' : '', chooseAgain ? 'file-again-here' : '', 'file-hint']
              .filter(Boolean)
              .join(' ')}
          />
          {errors.file && (
            <small id="file-error" class="field-error">
              {t(errors.file.key, { max: MAX_FILE_BYTES / 1048576, ...(errors.file.params ?? {}) })}
            </small>
          )}
          {chooseAgain && (
            <small id="file-again-here" class="field-error">
              {t('imports.chooseFileAgain')}
            </small>
          )}
          <small id="file-hint">{t('imports.fileHint')}</small>
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

/** What failed: every bad line (the first hundred), or the one reason the file as a whole was refused. */
const Failure = ({ ctx, view }: { ctx: PageContext; view: ImportView }) => {
  const { t } = ctx;
  const report = view.problems;
  const error = view.error!;
  const hidden = report ? linesNotShown(report) : 0;
  return (
    <>
      <div class="notice" role="alert">
        <p>{t('imports.failedIntro')}</p>
        <p>
          <strong>
            {report
              ? t('imports.linesWithErrors', { count: report.lines })
              : error.line
                ? t('imports.errorAt', { line: error.line, reason: t(error.key, error.params) })
                : t(error.key, error.params)}
          </strong>
        </p>
        {/* "every line, all at once" is not true of a file the reader had to stop in */}
        {report && (
          <p>
            {report.unreadAfter !== null
              ? t('imports.fixReadSoFar', { line: report.unreadAfter })
              : t('imports.fixAll')}
          </p>
        )}
        {/* On the first screen: a hundred lines below it would push it far down a phone. */}
        <p>
          <a href={`/staff/imports/new?again=${view.id}`}>
            <strong>{t('imports.uploadCorrected')}</strong>
          </a>
          <br />
          <small class="muted">{t('imports.uploadCorrectedHint')}</small>
        </p>
      </div>
      {report && (
        <>
          <h2 id="bad-lines">{t('imports.badLines')}</h2>
          <p class="muted">{t('imports.rowNumbersHint')}</p>
          <ul aria-labelledby="bad-lines">
            {report.shown.map((l) => (
              <li>{t('imports.errorAt', { line: l.line, reason: lineReasons(t, l) })}</li>
            ))}
          </ul>
          {hidden > 0 && <p>{t('imports.moreLines', { count: hidden })}</p>}
          {report.unreadAfter !== null && (
            <p class="notice">{t('imports.unreadAfter', { line: report.unreadAfter })}</p>
          )}
        </>
      )}
    </>
  );
};

/** What was imported otherwise than the list says, each kind once with its lines. */
const Warnings = ({ ctx, warnings }: { ctx: PageContext; warnings: WarningReport[] }) => {
  const { t } = ctx;
  return (
    <>
      <h2 id="warnings">{t('imports.warningsTitle')}</h2>
      <ul aria-labelledby="warnings">
        {warnings.map((w) => (
          <li>{warningText(t, w)}</li>
        ))}
      </ul>
    </>
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
      {view.state === 'failed' && view.error && <Failure ctx={ctx} view={view} />}
      {view.warnings.length > 0 && <Warnings ctx={ctx} warnings={view.warnings} />}
      <p>
        <a href="/staff/imports">{t('imports.back')}</a>
      </p>
    </Layout>
  );
};

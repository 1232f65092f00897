import type { PageContext } from '../web/page-context.ts';
import { Layout } from '../web/layout.tsx';
import {
  ConfirmForm,
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { formatDay } from '../people/partial-date.ts';
import { MAX_UPLOAD_BYTES } from '../evidence/evidence.service.ts';
import { FileLink, UploadField } from '../evidence/evidence.views.tsx';
import { TEXT_LIMITS } from './cases.schema.ts';
import type { CaseView } from './cases.service.ts';
import type { CaseFileView } from './case-files.service.ts';
import { eventLabel } from './case-status.views.tsx';

// The case page's files (case-files.service.ts): their list and the form to attach one.

/**
 * Photos and scans attached to the case on its own, each with what it is (case-files.service.ts),
 * and the form to attach one: multipart, its token the body's first field (PostForm), so it works
 * without JavaScript. A file refused comes back with the description as typed and says to choose
 * the file again (a browser cannot give a chosen file back).
 */
export const CaseFiles = ({
  ctx,
  view,
  form,
  open,
}: {
  ctx: PageContext;
  view: CaseView;
  /** the form as sent back with a mistake, else empty */
  form: { values: FormValues; errors: FormErrors };
  /** open the form: it came back with a mistake */
  open: boolean;
}) => {
  const { t } = ctx;
  if (view.files.length === 0 && !view.can.addEvent) return null;
  const f = { ctx, ...form };
  const fileError = f.errors.file;
  const family = view.can.voice === 'family';
  return (
    <section aria-labelledby="files-h" id="files">
      <h2 id="files-h">{t('cases.files.title')}</h2>
      <p>{t('cases.files.intro')}</p>
      {view.files.length === 0 ? (
        <p>{t('cases.files.none')}</p>
      ) : (
        <ul class="posts">
          {view.files.map((file) => (
            <li id={`file-${file.id}`}>
              <p class="prewrap">{file.description}</p>
              <small>
                <strong>
                  {file.fromFamily
                    ? t(family ? 'cases.fromYou' : 'cases.fromFamily')
                    : (file.author ?? t('cases.fromStaff'))}
                </strong>{' '}
                · {t('cases.files.added', { date: formatDay(file.createdOn) })}
              </small>
              {file.eventId && (
                <>
                  <br />
                  <small>
                    {t('cases.files.forEvent')}:{' '}
                    <a href={`#event-${file.eventId}`}>
                      {eventLabel(
                        ctx,
                        view.events.find((e) => e.id === file.eventId),
                      )}
                    </a>
                  </small>
                </>
              )}
              <br />
              <FileLink ctx={ctx} file={file} href={`/cases/${view.id}/files/${file.id}`} />
              {/* Each side removes only what it added (mayRemoveFile), on a page that asks first. */}
              {file.removable && (
                <>
                  {' · '}
                  <a href={`/cases/${view.id}/files/${file.id}/remove`}>{t('cases.files.remove')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.files.length > 0 && (
        <p>
          <small>{t('evidence.stripped')}</small>
        </p>
      )}
      {view.can.addEvent && (
        <details open={open} id="add-file">
          <summary>{t('cases.files.add')}</summary>
          <FormErrorSummary ctx={ctx} errors={f.errors} />
          <PostForm ctx={ctx} action={`/cases/${view.id}/files`} enctype="multipart/form-data">
            <TextArea
              {...f}
              name="summary"
              label={t('cases.files.description')}
              hint={t('cases.files.descriptionHint')}
              required
              maxLength={TEXT_LIMITS.fileDescription}
              rows={2}
            />
            {/* Which event it documents: a death notice for «гибель», so a verifier sees it there. */}
            {view.events.some((e) => !e.corrected) && (
              <SelectField
                {...f}
                name="event"
                label={t('cases.files.event')}
                hint={t('cases.files.eventHint')}
                emptyLabel={t('cases.files.noEvent')}
                options={view.events
                  .filter((e) => !e.corrected)
                  .map((e) => ({ value: e.id, label: eventLabel(ctx, e) }))
                  .reverse()}
              />
            )}
            <UploadField
              ctx={ctx}
              label={t('cases.files.file')}
              hint={t('cases.files.fileHint', { mb: MAX_UPLOAD_BYTES / 1048576 })}
              error={fileError}
              id="case-file"
              required
              again={fileError?.key !== 'cases.files.errors.noFile'}
            />
            <button type="submit">{t('cases.files.submit')}</button>
          </PostForm>
        </details>
      )}
    </section>
  );
};

/**
 * The files that document one timeline event (their sender said so when attaching them), under
 * the event on the case page and on a verifier's confirmation page.
 */
export const EventFiles = ({
  ctx,
  caseId,
  files,
  eventId,
}: {
  ctx: PageContext;
  caseId: string;
  files: readonly CaseFileView[];
  eventId: string;
}) => {
  const mine = files.filter((f) => f.eventId === eventId);
  if (mine.length === 0) return null;
  return (
    <ul class="event-files" aria-label={ctx.t('cases.files.ofEvent')}>
      {mine.map((f) => (
        <li>
          {ctx.t('cases.files.document')}: {f.description} —{' '}
          <FileLink ctx={ctx} file={f} href={`/cases/${caseId}/files/${f.id}`} />
        </li>
      ))}
    </ul>
  );
};

/**
 * Asks before a file is removed: which file, that it is gone for both sides, and a way back.
 * The only field is the hidden confirmation, so a stray click on the case page removes nothing.
 */
export const RemoveFilePage = ({
  ctx,
  caseId,
  file,
  side,
}: {
  ctx: PageContext;
  caseId: string;
  file: CaseFileView;
  /** who removes it: the page names who else will no longer see it */
  side: 'family' | 'staff';
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('cases.files.removeTitle')}>
      <p class="prewrap">
        <strong>{file.description}</strong>
      </p>
      <p>
        {t('cases.files.addedOn', { date: formatDay(file.createdOn) })} ·{' '}
        <FileLink ctx={ctx} file={file} href={`/cases/${caseId}/files/${file.id}`} />
      </p>
      <p>{t(side === 'family' ? 'cases.files.removeWhatFamily' : 'cases.files.removeWhatStaff')}</p>
      <ConfirmForm
        ctx={ctx}
        action={`/cases/${caseId}/files/${file.id}/remove`}
        submit={t('cases.files.removeSubmit')}
        back={{ href: `/cases/${caseId}#files`, label: t('cases.files.removeCancel') }}
      />
    </Layout>
  );
};

import type { FieldProblem } from '../shared/errors.ts';
import type { PageContext } from '../web/page-context.ts';

// What every page that takes or gives out an uploaded file shows of it (a request's files, an
// appeal's answer scan, a tip's files): one field and one link, so they read alike everywhere.

/** What the upload pipeline takes (file-rules.ts): by type, and by name for phones that give none. */
export const UPLOAD_ACCEPT = 'image/jpeg,image/png,image/heic,application/pdf,.jpg,.jpeg,.png,.heic,.pdf';

/** A link to a stored file: its kind and size, never the uploader's file name. */
export const FileLink = ({
  ctx,
  file,
  href,
}: {
  ctx: PageContext;
  file: { mime: string; size: number };
  href: string;
}) => (
  <a href={href}>
    {ctx.t('evidence.download')} (
    {ctx.t('evidence.size', {
      kind: ctx.t(`evidence.kinds.${file.mime}`),
      size: Math.max(1, Math.round(file.size / 1024)),
    })}
    )
  </a>
);

/**
 * The file field of an upload form. A browser cannot give a chosen file back, so an error says to
 * choose it again (`again`: unless the error is that none was chosen).
 */
export const UploadField = ({
  ctx,
  label,
  hint,
  error,
  id = 'file',
  required = false,
  again = true,
}: {
  ctx: PageContext;
  label: string;
  hint: string;
  error: FieldProblem | undefined;
  /** the prefix of the hint's and the error's ids, unique on the page */
  id?: string;
  required?: boolean;
  again?: boolean;
}) => (
  <label>
    {label}
    {required && (
      <>
        {' '}
        <span class="req">({ctx.t('common.required')})</span>
      </>
    )}
    <input
      type="file"
      name="file"
      accept={UPLOAD_ACCEPT}
      required={required}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
    />
    <small id={`${id}-hint`}>{hint}</small>
    {error && (
      <small class="field-error" id={`${id}-error`}>
        {ctx.t(error.key, error.params ?? {})}
        {again && <> {ctx.t('evidence.chooseAgain')}</>}
      </small>
    )}
  </label>
);

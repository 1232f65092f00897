import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, SelectField, TextArea, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatDay } from '../people/partial-date.ts';
import { enumOptions } from './case-form.views.tsx';
import { CLOSE_REASONS, TEXT_LIMITS } from './cases.schema.ts';
import type { CaseView } from './cases.service.ts';

// Closing a case is confirmed on its own page, like a family's withdrawal: a stray tap on the
// case page closes nothing. The page says what closing does (the family sees it, nothing more can
// be added, the retention clock starts) and «другое» asks for a few words the family will read.

export const ClosePage = (p: {
  ctx: PageContext;
  caseId: string;
  open: boolean;
  retention: CaseView['retention'];
  values: FormValues;
  errors: FormErrors;
}) => {
  const { ctx } = p;
  const { t } = ctx;
  const back = `/cases/${p.caseId}`;
  if (!p.open)
    return (
      <Layout ctx={ctx} heading={t('cases.closePage.title')}>
        <p class="notice">{t('cases.closePage.notOpen')}</p>
        <p>
          <a href={back}>{t('cases.edit.back')}</a>
        </p>
      </Layout>
    );
  const f = { ctx, values: p.values, errors: p.errors };
  return (
    <Layout ctx={ctx} heading={t('cases.closePage.title')}>
      <FormErrorSummary ctx={ctx} errors={p.errors} />
      <p>{t('cases.closePage.what')}</p>
      {/* Closing starts the retention clock: say so before, with the date (docs/retention.md). */}
      {p.retention && (
        <p>
          {t('cases.retention.closeWarning', { count: p.retention.days, date: formatDay(p.retention.ifClosedToday) })}
        </p>
      )}
      <PostForm ctx={ctx} action={`/staff/cases/${p.caseId}/close`}>
        <input type="hidden" name="confirm" value="yes" />
        <SelectField
          {...f}
          name="reason"
          label={t('cases.closeReason')}
          required
          options={enumOptions(ctx, 'cases.closeReasons', CLOSE_REASONS)}
        />
        <TextArea
          {...f}
          name="note"
          label={t('cases.closePage.note')}
          hint={t('cases.closePage.noteHint')}
          maxLength={TEXT_LIMITS.closeNote}
          rows={3}
        />
        <button type="submit" class="secondary">
          {t('cases.closePage.submit')}
        </button>
      </PostForm>
      <p>
        <a href={back}>{t('cases.closePage.cancel')}</a>
      </p>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FailedFormNotice,
  FormErrorSummary,
  PostForm,
  TextArea,
  TextField,
  TextToCopy,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { ReceiptCodeText } from '../web/receipt-code.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { RequestStatus } from './request-receipt.service.ts';

// A relative's pages after a removal or correction request: the receipt code (shown once), the
// form that asks for it, and the request's state with the staff's answer and a form to add to
// it. No account, no JavaScript; nothing here names the relative.

const STATUS_PATH = '/registry/request-status';
export const ADD_PATH = `${STATUS_PATH}/add`;

/** What the code form says after an addition went (the code is asked for again: nothing kept it). */
export const STATUS_NOTICES = ['added'] as const;
export type StatusNotice = (typeof STATUS_NOTICES)[number];

/** An addition that could not be sent (the code was refused or locked meanwhile): given back to copy, at the top as a tip's (tips.views.tsx CodePage). */
const Unsent = ({ ctx, text }: { ctx: PageContext; text: string }) => (
  <section class="notice">
    <p role="alert">
      <strong>{ctx.t('registry.status.unsentTitle')}</strong>
    </p>
    <TextToCopy label={ctx.t('registry.status.unsentText')} text={text} />
  </section>
);

export const RequestReceiptPage = ({ ctx, code, statusUrl }: { ctx: PageContext; code: string; statusUrl: string }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.receipt.title')}>
      <p role="status">{t('registry.receipt.intro')}</p>
      <section class="notice" aria-labelledby="code-h">
        <h2 id="code-h">{t('registry.receipt.code')}</h2>
        <p>
          <ReceiptCodeText code={code} />
        </p>
        <p>
          <strong>{t('registry.receipt.keep')}</strong>
        </p>
      </section>
      <p>{t('registry.receipt.use', { page: statusUrl })}</p>
      <p>{t('registry.receipt.noCopy')}</p>
      <p>{t('registry.receipt.family')}</p>
      <p>
        <strong>
          <a href={STATUS_PATH}>{t('registry.receipt.done')}</a>
        </strong>
      </p>
    </Layout>
  );
};

export const RequestCodePage = ({
  ctx,
  values,
  errors,
  notice,
  unsent,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  notice?: StatusNotice;
  unsent?: string;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.status.codeTitle')}>
      {notice && (
        <p class="notice done" role="status">
          {t(`registry.status.notices.${notice}`)}
        </p>
      )}
      {unsent && <Unsent ctx={ctx} text={unsent} />}
      <p>{t('registry.status.codeIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={STATUS_PATH}>
        <TextField
          ctx={ctx}
          values={values}
          errors={errors}
          name="code"
          label={t('registry.status.code')}
          hint={t('registry.status.codeHint')}
          required
          maxLength={80}
          autocomplete="off"
        />
        <button type="submit">{t('registry.status.open')}</button>
      </PostForm>
      <p>
        <a href="/registry">{t('registry.status.toRegistry')}</a>
      </p>
    </Layout>
  );
};

export interface AddForm {
  values: FormValues;
  errors: FormErrors;
}

/**
 * The request as the relative reads it, and the form to add to it. The page is the answer to the
 * code form and keeps nothing, so the add form carries the code back (normalised) in a hidden
 * field, in the body of a POST like the code form's own: never in a URL, never stored; the
 * addition proves it again (request-receipt.service.ts), wrong and locked codes as on the code form.
 */
export const RequestStatusPage = ({
  ctx,
  status,
  code,
  form,
}: {
  ctx: PageContext;
  status: RequestStatus;
  code: string;
  form?: AddForm;
}) => {
  const { t } = ctx;
  const errors = form?.errors ?? {};
  const f = { ctx, values: form?.values ?? {}, errors };
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} heading={t('registry.status.title')}>
      <FailedFormNotice ctx={ctx} at={failed ? 'add-h' : undefined} problem={errors._form} />
      <dl>
        <dt>{t('registry.request.kind')}</dt>
        <dd>{t(`registry.request.kinds.${status.kind}`)}</dd>
        <dt>{t('registry.status.sentOn')}</dt>
        <dd>{formatDay(status.createdOn)}</dd>
        <dt>{t('registry.status.state')}</dt>
        <dd>
          <strong>{t(`registry.status.states.${status.state}`)}</strong>
        </dd>
        {status.addedOn.length > 0 && (
          <>
            <dt>{t('registry.status.addedOn')}</dt>
            <dd>{status.addedOn.map((d) => formatDay(d)).join(', ')}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="answer-h">
        <h2 id="answer-h">{t('registry.status.answer')}</h2>
        {status.answer ? (
          <>
            {status.answeredOn && (
              <p class="muted">{t('registry.status.answeredOn', { date: formatDay(status.answeredOn) })}</p>
            )}
            <p class="prewrap">{status.answer}</p>
          </>
        ) : (
          <p>{t('registry.status.noAnswer')}</p>
        )}
      </section>
      <section aria-labelledby="add-h">
        <h2 id="add-h">{t('registry.status.addTitle')}</h2>
        <p>{t('registry.status.addIntro')}</p>
        <FormErrorSummary ctx={ctx} errors={errors} />
        <PostForm ctx={ctx} action={ADD_PATH}>
          <input type="hidden" name="code" value={code} />
          <TextArea
            {...f}
            name="message"
            label={t('registry.status.addMessage')}
            hint={t('registry.status.addHint')}
            required
            maxLength={3000}
            rows={5}
          />
          <button type="submit">{t('registry.status.addSubmit')}</button>
        </PostForm>
      </section>
      <p>{t('registry.status.comeBack')}</p>
      <p>
        <a href={STATUS_PATH}>{t('registry.status.another')}</a>
      </p>
    </Layout>
  );
};

import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { ReceiptCodeText } from '../web/receipt-code.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { RequestStatus } from './request-receipt.service.ts';

// A relative's pages after a removal or correction request: the receipt code (shown once), the
// form that asks for it, and the request's state with the staff's answer. No account, no
// JavaScript; nothing here names the relative.

const STATUS_PATH = '/registry/request-status';

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
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.status.codeTitle')}>
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

export const RequestStatusPage = ({ ctx, status }: { ctx: PageContext; status: RequestStatus }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('registry.status.title')}>
      <dl>
        <dt>{t('registry.request.kind')}</dt>
        <dd>{t(`registry.request.kinds.${status.kind}`)}</dd>
        <dt>{t('registry.status.sentOn')}</dt>
        <dd>{formatDay(status.createdOn)}</dd>
        <dt>{t('registry.status.state')}</dt>
        <dd>
          <strong>{t(`registry.status.states.${status.state}`)}</strong>
        </dd>
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
      <p>{t('registry.status.comeBack')}</p>
      <p>
        <a href={STATUS_PATH}>{t('registry.status.another')}</a>
      </p>
    </Layout>
  );
};

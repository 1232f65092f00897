import type { ComponentChildren } from 'preact';
import { isLocalOnly } from '../web/local-address.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { FirstSteps } from './first-steps.service.ts';

const Step = ({ ctx, done, children }: { ctx: PageContext; done: boolean; children: ComponentChildren }) => (
  <li>
    {done && <span class="done-mark">✓ {ctx.t('accounts.firstSteps.done')}: </span>}
    {children}
  </li>
);

/** What the first administrator sees after setting up 2FA, instead of an empty list. */
export const FirstStepsPage = ({
  ctx,
  steps,
  siteUrl,
  workUrl,
}: {
  ctx: PageContext;
  steps: FirstSteps;
  siteUrl: string;
  workUrl: string;
}) => {
  const t = (key: string, opts?: Record<string, unknown>) => ctx.t(`accounts.firstSteps.${key}`, opts ?? {});
  return (
    <Layout ctx={ctx} heading={t('title')}>
      <p>{t('intro')}</p>
      <ol class="steps">
        <Step ctx={ctx} done>
          {t('twoFactor')}
        </Step>
        <Step ctx={ctx} done={steps.organisation}>
          {steps.organisation ? (
            t('organisationDone')
          ) : (
            <>
              {t('organisationTodo')} <a href="/admin/organisations">{t('organisationAction')}</a>
            </>
          )}
        </Step>
        <Step ctx={ctx} done={steps.staff}>
          {steps.staff ? (
            t('staffDone')
          ) : steps.canInvite ? (
            <>
              {t('staffTodo')} {steps.pendingInvites > 0 && t('pending', { count: steps.pendingInvites })}{' '}
              <a href="/admin/invites">{t('staffAction')}</a>
            </>
          ) : (
            t('staffTodoNoKey')
          )}
        </Step>
        <li>
          {t('families')} <code class="secret">{siteUrl}/</code>
          {isLocalOnly(siteUrl) && <p class="notice">{ctx.t('accounts.admin.localOnly')}</p>}
        </li>
      </ol>
      <p>
        <a href={workUrl}>{t('toWork')}</a>
      </p>
    </Layout>
  );
};

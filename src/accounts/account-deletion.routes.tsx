import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantEraseOwnAccount } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { casesOfFamily } from '../cases/cases.service.ts';
import { requireUser } from '../web/guards.ts';
import { formErrors, ConfirmForm, FormErrorSummary, type FormErrors } from '../web/forms.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { clearSessionCookie } from './accounts.plugin.ts';
import { deleteOwnFamilyAccount } from './account-deletion.service.ts';

// A family deletes its account and every case at once: one page that says exactly what goes,
// one button. Afterwards the browser is told to forget the site's cookies and storage.

const confirmSchema = z.object({ confirm: z.literal('yes', { error: 'accounts.deleteAccount.confirmRequired' }) });

const ConfirmPage = ({
  ctx,
  cases,
  errors,
}: {
  ctx: PageContext;
  cases: Array<{ id: string; name: string }>;
  errors: FormErrors;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('accounts.deleteAccount.confirmTitle')}>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <p>{t('accounts.deleteAccount.whatGoes')}</p>
      <ul>
        <li>{t('accounts.deleteAccount.goesAccount')}</li>
        {/* A family without requests is not told "0 requests —" over an empty list. */}
        {cases.length > 0 && (
          <li>
            {t('accounts.deleteAccount.goesCases', { count: cases.length })}
            <ul>
              {cases.map((c) => (
                <li>
                  <a href={`/cases/${c.id}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </li>
        )}
        <li>{t('accounts.deleteAccount.goesCodes')}</li>
      </ul>
      {cases.length > 0 && <p>{t('accounts.deleteAccount.organisationSees')}</p>}
      <p>
        <strong>{t('accounts.deleteAccount.noUndo')}</strong>
      </p>
      <ConfirmForm
        ctx={ctx}
        action="/account/delete"
        submit={t('accounts.deleteAccount.submit')}
        danger
        back={{ href: '/account', label: t('common.cancel') }}
      />
    </Layout>
  );
};

export const accountDeletionRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  app.get('/account/delete', async (req, reply) => {
    const auth = grantEraseOwnAccount(principalOf(requireUser(req)));
    const cases = await casesOfFamily(deps.db, auth);
    return sendPage(req, reply, (ctx) => <ConfirmPage ctx={ctx} cases={cases} errors={{}} />);
  });

  app.post('/account/delete', async (req, reply) => {
    const principal = principalOf(requireUser(req));
    const auth = grantEraseOwnAccount(principal);
    try {
      parseForm(confirmSchema, req.body);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const cases = await casesOfFamily(deps.db, auth);
      return sendPage(
        req,
        reply,
        (ctx) => <ConfirmPage ctx={ctx} cases={cases} errors={formErrors(err.problems)} />,
        400,
      );
    }
    const { cases } = await deleteOwnFamilyAccount(deps, principal);
    clearSessionCookie(app, reply);
    reply.header('clear-site-data', '"cookies", "storage"');
    // The account is gone: this page is shown to nobody in particular.
    req.auth = null;
    return sendPage(req, reply, (ctx) => (
      <Layout ctx={ctx} heading={ctx.t('accounts.deleteAccount.doneTitle')}>
        <p role="status">
          {cases > 0
            ? ctx.t('accounts.deleteAccount.done', { count: cases })
            : ctx.t('accounts.deleteAccount.doneAccountOnly')}
        </p>
        <p>
          <a href="/">{ctx.t('common.home')}</a>
        </p>
      </Layout>
    ));
  });
};

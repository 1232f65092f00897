import { Layout } from '../web/layout.tsx';
import { FormErrorSummary, PostForm, TextField, type FormErrors } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { AuthContext } from '../policy/principal.ts';
import { CodeField, PassphraseFields } from './auth.views.tsx';
import { TYPED_PASSPHRASE_MAX } from './accounts.schema.ts';

// The account page (passphrase, recovery codes, 2FA status) and the 2FA setup page.

/** "JBSW Y3DP EHPK 3PXP": a key read aloud or typed on a phone keyboard, four letters at a time. */
export const groupsOfFour = (key: string): string => key.match(/.{1,4}/g)?.join(' ') ?? '';

const CurrentPassphrase = ({ ctx, errors, name }: { ctx: PageContext; errors: FormErrors; name: string }) => (
  <TextField
    ctx={ctx}
    name={name}
    type="password"
    label={ctx.t('accounts.fields.currentPassphrase')}
    values={{}}
    errors={errors}
    required
    maxLength={TYPED_PASSPHRASE_MAX}
    showLimit={false}
    autocomplete="current-password"
  />
);

export interface AccountPageProps {
  ctx: PageContext;
  auth: AuthContext;
  remainingCodes: number;
  otherSessions: number;
  /** which form the errors belong to */
  form?: 'passphrase' | 'codes';
  errors?: FormErrors;
  notice?: string;
  /** the policy lets this account delete itself with every case (families) */
  canDeleteAccount?: boolean;
}

export const AccountPage = ({
  ctx,
  auth,
  remainingCodes,
  otherSessions,
  form,
  errors = {},
  notice,
  canDeleteAccount = false,
}: AccountPageProps) => {
  const t = ctx.t;
  const pe = form === 'passphrase' ? errors : {};
  const ce = form === 'codes' ? errors : {};
  return (
    <Layout ctx={ctx} heading={t('accounts.account.title')}>
      {notice && (
        <p class="notice" role="status">
          {t(notice)}
        </p>
      )}
      <p>
        {t('accounts.account.signedInAs')} <strong>{auth.pseudonym}</strong> ({t(`accounts.roles.${auth.role}`)})
      </p>
      <section aria-labelledby="twofa-h">
        <h2 id="twofa-h">{t('accounts.twoFactor.title')}</h2>
        <p>
          {auth.totpEnabled
            ? t('accounts.twoFactor.on')
            : t(ctx.nav.familyAccount ? 'accounts.twoFactor.offFamily' : 'accounts.twoFactor.offStaff')}
        </p>
        <p>
          <a href="/account/2fa">{auth.totpEnabled ? t('accounts.twoFactor.change') : t('accounts.twoFactor.setUp')}</a>
        </p>
      </section>
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t('accounts.account.sessionsTitle')}</h2>
        <p>{t('accounts.account.otherSessions', { count: otherSessions })}</p>
        {otherSessions > 0 && (
          <PostForm ctx={ctx} action="/account/sessions">
            <button type="submit" class="secondary">
              {t('accounts.account.endOthers')}
            </button>
          </PostForm>
        )}
      </section>
      <section aria-labelledby="pass-h">
        <h2 id="pass-h">{t('accounts.account.changePassphrase')}</h2>
        <FormErrorSummary ctx={ctx} errors={pe} />
        <PostForm ctx={ctx} action="/account/passphrase">
          <CurrentPassphrase ctx={ctx} errors={pe} name="current" />
          <PassphraseFields
            ctx={ctx}
            errors={pe}
            labelKey="accounts.fields.newPassphrase"
            staff={ctx.nav.familyAccount ? false : ctx.nav.siteAdminAccount ? 'siteAdmin' : true}
          />
          <button type="submit">{t('accounts.account.changePassphraseSubmit')}</button>
        </PostForm>
      </section>
      {ctx.nav.familyAccount && (
        <section aria-labelledby="codes-h">
          <h2 id="codes-h">{t('accounts.codes.title')}</h2>
          <p>{t('accounts.codes.remaining', { count: remainingCodes })}</p>
          <FormErrorSummary ctx={ctx} errors={ce} />
          <PostForm ctx={ctx} action="/account/recovery-codes">
            <CurrentPassphrase ctx={ctx} errors={ce} name="passphrase" />
            <button type="submit" class="secondary">
              {t('accounts.codes.regenerate')}
            </button>
          </PostForm>
        </section>
      )}
      {canDeleteAccount && (
        <section aria-labelledby="delete-h">
          <h2 id="delete-h">{t('accounts.deleteAccount.title')}</h2>
          <p>{t('accounts.deleteAccount.intro')}</p>
          <p>
            <a href="/account/delete">{t('accounts.deleteAccount.link')}</a>
          </p>
        </section>
      )}
    </Layout>
  );
};

export interface TwoFactorPageProps {
  ctx: PageContext;
  auth: AuthContext;
  /** present once the passphrase was entered: the new secret to scan, tap or type */
  pending: { secret: string; uri: string; qr: string } | null;
  errors?: FormErrors;
}

export const TwoFactorPage = ({ ctx, auth, pending, errors = {} }: TwoFactorPageProps) => {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} heading={t('accounts.twoFactor.setupTitle')}>
      {!auth.secondFactorDone && !auth.totpEnabled && (
        <p class="notice" role="status">
          {t('accounts.twoFactor.required')}
        </p>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} />
      {pending ? (
        <>
          <ol>
            <li>{t('accounts.twoFactor.step1')}</li>
            <li>{t('accounts.twoFactor.step2')}</li>
          </ol>
          {/* On a phone the QR code cannot be scanned by that same phone: a link opens the app
              installed on it, and the key can be typed in groups of four. */}
          <p>
            {t('accounts.twoFactor.samePhone')} <a href={pending.uri}>{t('accounts.twoFactor.openApp')}</a>
          </p>
          <p>
            {t('accounts.twoFactor.manual')} <code class="secret">{groupsOfFour(pending.secret)}</code>
          </p>
          <p>{t('accounts.twoFactor.otherDevice')}</p>
          <img src={pending.qr} alt={t('accounts.twoFactor.qrAlt')} width={220} height={220} />
          <PostForm ctx={ctx} action="/account/2fa/confirm">
            <CodeField ctx={ctx} errors={errors} />
            <button type="submit">{t('accounts.twoFactor.confirm')}</button>
          </PostForm>
        </>
      ) : (
        <>
          <p>{t('accounts.twoFactor.reauth')}</p>
          <PostForm ctx={ctx} action="/account/2fa/passphrase">
            <TextField
              ctx={ctx}
              name="passphrase"
              type="password"
              label={t('accounts.fields.currentPassphrase')}
              values={{}}
              errors={errors}
              required
              maxLength={TYPED_PASSPHRASE_MAX}
              showLimit={false}
              autocomplete="current-password"
            />
            <button type="submit">{t('accounts.twoFactor.continue')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
};

import { RETURN_FIELD, returnPath } from '../web/return-to.ts';
import { Layout } from '../web/layout.tsx';
import { FormErrorSummary, PostForm, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import { RESUME_FIELD, ResumeCarried } from '../web/resume-typed.tsx';
import {
  CODE_MAX,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
  PSEUDONYM_MAX,
  RECOVERY_CODE_MAX,
  TYPED_PASSPHRASE_MAX,
  TYPED_PSEUDONYM_MAX,
} from './accounts.schema.ts';

// Pages for registering, logging in, the second factor and recovery. Passphrase fields are
// never refilled; pseudonyms are. Pseudonym and passphrase hints tell people what not to use.

interface FormPage {
  ctx: PageContext;
  values?: FormValues;
  errors?: FormErrors;
}

// The hint says who can help with a forgotten passphrase: families have recovery codes, staff an
// admin's reset link, and the first administrator nobody at all. A site admin is no organisation
// admin's to reset (policy/organisation.policy.ts mayResetAccount): told so on /account, not sent
// to an administrator who cannot help (QA walk 7).
type PassphraseAudience = boolean | 'firstAdmin' | 'siteAdmin';
const passphraseHintKey = (staff: PassphraseAudience): string =>
  staff === 'firstAdmin'
    ? 'accounts.hints.passphraseFirstAdmin'
    : staff === 'siteAdmin'
      ? 'accounts.hints.passphraseSiteAdmin'
      : staff
        ? 'accounts.hints.passphraseStaff'
        : 'accounts.hints.passphrase';

const PassphraseFields = ({
  ctx,
  errors,
  name = 'passphrase',
  labelKey = 'accounts.fields.passphrase',
  staff = false,
}: {
  ctx: PageContext;
  errors: FormErrors;
  name?: string;
  labelKey?: string;
  staff?: PassphraseAudience;
}) => (
  <>
    <TextField
      ctx={ctx}
      name={name}
      type="password"
      label={ctx.t(labelKey)}
      values={{}}
      errors={errors}
      required
      maxLength={PASSPHRASE_MAX}
      autocomplete="new-password"
      hint={ctx.t(passphraseHintKey(staff), { min: PASSPHRASE_MIN })}
    />
    <TextField
      ctx={ctx}
      name="confirm"
      type="password"
      label={ctx.t('accounts.fields.confirm')}
      values={{}}
      errors={errors}
      required
      maxLength={PASSPHRASE_MAX}
      showLimit={false}
      autocomplete="new-password"
    />
  </>
);

export const PseudonymField = ({
  ctx,
  values,
  errors,
  fresh,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  fresh?: boolean;
}) => (
  <TextField
    ctx={ctx}
    name="pseudonym"
    label={ctx.t('accounts.fields.pseudonym')}
    values={values}
    errors={errors}
    required
    // A new pseudonym may have 40 characters (the field used to take 160); one typed to log in
    // is only bounded, since spaces are collapsed before it is looked up.
    maxLength={fresh ? PSEUDONYM_MAX : TYPED_PSEUDONYM_MAX}
    showLimit={fresh === true}
    autocomplete="username"
    hint={fresh ? ctx.t('accounts.hints.pseudonym') : undefined}
  />
);

export const NewAccountFields = ({
  ctx,
  values,
  errors,
  staff,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  staff?: PassphraseAudience;
}) => (
  <>
    <PseudonymField ctx={ctx} values={values} errors={errors} fresh />
    <PassphraseFields ctx={ctx} errors={errors} staff={staff} />
  </>
);

export const RegisterPage = ({ ctx, values = {}, errors = {} }: FormPage) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.register.title')}>
    <p>{ctx.t('accounts.register.intro')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action="/register">
      <NewAccountFields ctx={ctx} values={values} errors={errors} />
      <button type="submit">{ctx.t('accounts.register.submit')}</button>
    </PostForm>
    <p>
      <a href="/login">{ctx.t('accounts.register.haveAccount')}</a>
    </p>
  </Layout>
);

// The codes are useless without the pseudonym, which people forget as easily: show it with them.
export const RecoveryCodesPage = ({
  ctx,
  codes,
  again,
  next,
  pseudonym,
}: {
  ctx: PageContext;
  codes: string[];
  /** the one-time token with which the language link shows the codes again */
  again: string;
  next: string;
  pseudonym: string;
}) => (
  <Layout
    ctx={ctx}
    heading={ctx.t('accounts.codes.title')}
    languageSwitchTo={`${ctx.path}?again=${encodeURIComponent(again)}`}
  >
    <p class="notice" role="alert">
      {ctx.t('accounts.codes.once')}
    </p>
    <p>
      {ctx.t('accounts.codes.pseudonym')} <strong class="pseudonym">{pseudonym}</strong>
    </p>
    <p>{ctx.t('accounts.codes.explain')}</p>
    <ol>
      {codes.map((c) => (
        <li>
          <code class="secret">{c}</code>
        </li>
      ))}
    </ol>
    <p>
      {/* biome-ignore lint/a11y/useSemanticElements: a link that leaves the page, styled as the page's one action */}
      <a href={next} role="button">
        {ctx.t('accounts.codes.done')}
      </a>
    </p>
  </Layout>
);

/** The page to return to after the log-in (return-to.ts), carried through the form. */
const ReturnCarried = ({ value }: { value: string | undefined }) => {
  const back = returnPath(value);
  return back ? <input type="hidden" name={RETURN_FIELD} value={back} /> : null;
};

export const LoginPage = ({ ctx, values = {}, errors = {} }: FormPage) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.login.title')}>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action="/login">
      <PseudonymField ctx={ctx} values={values} errors={errors} />
      <TextField
        ctx={ctx}
        name="passphrase"
        type="password"
        label={ctx.t('accounts.fields.passphrase')}
        values={{}}
        errors={errors}
        required
        maxLength={TYPED_PASSPHRASE_MAX}
        showLimit={false}
        autocomplete="current-password"
      />
      <ReturnCarried value={values[RETURN_FIELD]} />
      <ResumeCarried ctx={ctx} resume={values[RESUME_FIELD]} />
      <button type="submit">{ctx.t('accounts.login.submit')}</button>
    </PostForm>
    <p>
      <a href="/recover">{ctx.t('accounts.login.forgot')}</a> ·{' '}
      <a href="/register">{ctx.t('accounts.login.noAccount')}</a>
    </p>
    {/* Only for one sent here from a page she was opening: under a wrong passphrase, or after
        her own quick exit or log-out, «the session ended by itself» would not be true. */}
    {values[RETURN_FIELD] && Object.keys(errors).length === 0 && (
      <p class="muted">{ctx.t('accounts.login.sessionHint')}</p>
    )}
  </Layout>
);

export const CodeField = ({ ctx, errors }: { ctx: PageContext; errors: FormErrors }) => (
  <TextField
    ctx={ctx}
    name="code"
    label={ctx.t('accounts.fields.code')}
    values={{}}
    errors={errors}
    required
    maxLength={CODE_MAX}
    showLimit={false}
    autocomplete="one-time-code"
    inputmode="numeric"
    hint={ctx.t('accounts.hints.code')}
  />
);

export const SecondFactorPage = ({ ctx, values = {}, errors = {} }: FormPage) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.twoFactor.loginTitle')}>
    <p>{ctx.t('accounts.twoFactor.loginIntro')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action="/login/2fa">
      <CodeField ctx={ctx} errors={errors} />
      <ReturnCarried value={values[RETURN_FIELD]} />
      <ResumeCarried ctx={ctx} resume={values[RESUME_FIELD]} />
      <button type="submit">{ctx.t('accounts.twoFactor.loginSubmit')}</button>
    </PostForm>
    {/* A family has no administrator to turn to: its way back in is a recovery code. */}
    {ctx.nav.familyAccount ? (
      <p class="muted">
        {ctx.t('accounts.twoFactor.lostDeviceFamily')}{' '}
        <a href="/recover">{ctx.t('accounts.twoFactor.useRecoveryCode')}</a>
      </p>
    ) : (
      // No organisation admin may reset a site admin (mayResetAccount): not sent to one (QA walk 7).
      <p class="muted">
        {ctx.t(ctx.nav.siteAdminAccount ? 'accounts.twoFactor.lostDeviceSiteAdmin' : 'accounts.twoFactor.lostDevice')}
      </p>
    )}
  </Layout>
);

export const RecoverPage = ({ ctx, values = {}, errors = {} }: FormPage) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.recover.title')}>
    <p>{ctx.t('accounts.recover.intro')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action="/recover">
      <PseudonymField ctx={ctx} values={values} errors={errors} />
      <TextField
        ctx={ctx}
        name="code"
        label={ctx.t('accounts.fields.recoveryCode')}
        values={values}
        errors={errors}
        required
        maxLength={RECOVERY_CODE_MAX}
        showLimit={false}
        hint={ctx.t('accounts.hints.recoveryCode')}
      />
      <PassphraseFields ctx={ctx} errors={errors} labelKey="accounts.fields.newPassphrase" />
      <button type="submit">{ctx.t('accounts.recover.submit')}</button>
    </PostForm>
    <p class="muted">{ctx.t('accounts.recover.staff')}</p>
    <p>
      <a href="/login">{ctx.t('accounts.recover.backToLogin')}</a>
    </p>
  </Layout>
);

export { PassphraseFields };

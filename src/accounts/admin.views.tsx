import { Layout } from '../web/layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';
import { localDateTime, zoneName } from '../web/time.ts';
import { quoted } from '../web/quotes.ts';
import { INVITABLE_ROLES, ORGANISATION_NAME_MAX } from './accounts.schema.ts';
import { isLocalOnly } from '../web/local-address.ts';
import { NewAccountFields, PassphraseFields } from './auth.views.tsx';

// Administration pages: organisations (site admin), invites and staff (organisation admin), and
// the pages reached from single-use links (invite, reset, first setup).

/** In the deployment's time zone, named: an admin passing a link on must know until when it works. */
const when = (ctx: PageContext, iso: string): string =>
  `${localDateTime(iso, ctx.timeZone)} (${zoneName(ctx.timeZone, new Date(iso), ctx.lang)})`;

export const OrganisationsPage = ({
  ctx,
  organisations,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  organisations: Array<{ id: string; name: string }>;
  values?: FormValues;
  errors?: FormErrors;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.admin.organisationsTitle')}>
    {organisations.length === 0 ? (
      <p>{ctx.t('accounts.admin.noOrganisations')}</p>
    ) : (
      <ul>
        {organisations.map((o) => (
          <li>
            <a href={`/admin/invites?org=${o.id}`}>{o.name}</a>
          </li>
        ))}
      </ul>
    )}
    <h2>{ctx.t('accounts.admin.createOrganisation')}</h2>
    <p>{ctx.t('accounts.admin.createOrganisationHint')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action="/admin/organisations">
      <TextField
        ctx={ctx}
        name="name"
        label={ctx.t('accounts.fields.organisationName')}
        values={values}
        errors={errors}
        required
        maxLength={ORGANISATION_NAME_MAX}
      />
      <button type="submit">{ctx.t('accounts.admin.createOrganisation')}</button>
    </PostForm>
    <p>
      <a href="/admin/invites">{ctx.t('accounts.admin.invitesTitle')}</a>
    </p>
  </Layout>
);

export interface InvitesPageProps {
  ctx: PageContext;
  organisations: Array<{ id: string; name: string }>;
  selected: string;
  /** each member with what the policy lets the viewer do to them */
  staff: Array<{
    id: string;
    pseudonym: string;
    role: string;
    /** whether they have set up their second factor (staff without one cannot work yet) */
    twoFactorSet: boolean;
    mayReset: boolean;
    mayRemove: boolean;
  }>;
  pending: Array<{ id: string; kind: string; role: string; expires_at: string }>;
  /** whether the organisation has written what it says to families (the link says so) */
  aboutWritten: boolean;
  /** after a rotation (on demand or by a removal): unused links were revoked */
  rotated?: boolean;
  /** a staff member was just removed (the key was then rotated) */
  removed?: boolean;
  values?: FormValues;
  errors?: FormErrors;
}

export const InvitesPage = ({
  ctx,
  organisations,
  selected,
  staff,
  pending,
  rotated,
  removed,
  aboutWritten,
  values = {},
  errors = {},
}: InvitesPageProps) => {
  const t = ctx.t;
  const roleOptions = INVITABLE_ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }));
  return (
    <Layout ctx={ctx} heading={t('accounts.admin.invitesTitle')}>
      {removed && (
        <p class="notice" role="status">
          {t('accounts.admin.removed')}
        </p>
      )}
      {rotated && (
        <p class="notice" role="status">
          {t('accounts.admin.rotated')}
        </p>
      )}
      {organisations.length === 1 && (
        <p>
          {t('accounts.fields.organisation')}: <strong>{organisations[0].name}</strong>
        </p>
      )}
      {organisations.length > 1 && (
        <form method="get" action="/admin/invites">
          <SelectField
            ctx={ctx}
            name="org"
            label={t('accounts.fields.organisation')}
            values={{ org: selected }}
            errors={{}}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          {/* «Отправить» sent nothing anywhere: the button opens the chosen organisation (QA walk 7). */}
          <button type="submit" class="secondary">
            {t('accounts.admin.showOrganisation')}
          </button>
        </form>
      )}
      {/* Families choosing an organisation read it above the choice (organisation-about.views.tsx). */}
      <p>
        <a href={`/admin/about?org=${selected}`}>
          {aboutWritten ? t('accounts.about.link') : t('accounts.about.linkNone')}
        </a>
      </p>
      <h2>{t('accounts.admin.createInvite')}</h2>
      {/* A first-time administrator did not know which role to give (QA walk 7): what each may do. */}
      <p>{t('accounts.admin.rolesIntro')}</p>
      <ul>
        {INVITABLE_ROLES.map((r) => (
          <li>
            <strong>{t(`accounts.roles.${r}`)}</strong> — {t(`accounts.admin.roleDoes.${r}`)}
          </li>
        ))}
      </ul>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/admin/invites">
        <input type="hidden" name="organisationId" value={selected} />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('accounts.fields.role')}
          values={values}
          errors={errors}
          required
          requiredMark={false}
          options={roleOptions}
        />
        <button type="submit">{t('accounts.admin.createInvite')}</button>
      </PostForm>
      <h2>{t('accounts.admin.staffTitle')}</h2>
      {staff.length === 0 ? (
        <p>{t('accounts.admin.noStaff')}</p>
      ) : (
        <ul>
          {staff.map((s) => (
            <li>
              {s.pseudonym} ({t(`accounts.roles.${s.role}`)}) —{' '}
              {/* In words, not a colour or an icon: whoever has not finished the setup cannot work. */}
              {s.twoFactorSet ? (
                t('accounts.admin.twoFactorSet')
              ) : (
                <strong>{t('accounts.admin.twoFactorMissing')}</strong>
              )}{' '}
              {s.mayReset && (
                <PostForm ctx={ctx} action="/admin/invites/reset">
                  <input type="hidden" name="userId" value={s.id} />
                  <button type="submit" class="link">
                    {t('accounts.admin.resetAction')}
                  </button>
                </PostForm>
              )}
              {s.mayRemove && (
                <PostForm ctx={ctx} action="/admin/invites/remove">
                  <input type="hidden" name="userId" value={s.id} />
                  <button type="submit" class="link">
                    {t('accounts.admin.remove')}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {staff.some((s) => !s.twoFactorSet) && <p>{t('accounts.admin.twoFactorMissingExplain')}</p>}
      <h2>{t('accounts.admin.pendingTitle')}</h2>
      {pending.length === 0 ? (
        <p>{t('accounts.admin.noPending')}</p>
      ) : (
        <ul>
          {pending.map((p) => (
            <li>
              {p.kind === 'reset' ? t('accounts.admin.resetLink') : t(`accounts.roles.${p.role}`)} —{' '}
              {t('accounts.admin.expires', { at: when(ctx, p.expires_at) })}{' '}
              <PostForm ctx={ctx} action="/admin/invites/revoke">
                <input type="hidden" name="inviteId" value={p.id} />
                <button type="submit" class="link">
                  {t('accounts.admin.revoke')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      {/* The log was linked only under the case queue, where an administrator managing staff did
          not look (QA walk 7); it is the log of the admin's own organisation. */}
      {ctx.nav.audit && ctx.auth?.organisationId === selected && (
        <p>
          <a href="/staff/audit">{t('accounts.admin.auditLink')}</a>
        </p>
      )}
      <h2>{t('accounts.admin.keyTitle')}</h2>
      <p>{t('accounts.admin.keyExplain')}</p>
      <PostForm ctx={ctx} action="/admin/invites/rotate">
        <input type="hidden" name="organisationId" value={selected} />
        <button type="submit" class="secondary">
          {t('accounts.admin.rotate')}
        </button>
      </PostForm>
    </Layout>
  );
};

export const LinkCreatedPage = ({
  ctx,
  url,
  expiresAt,
  reset,
  invite,
  back,
}: {
  ctx: PageContext;
  url: string;
  expiresAt: string;
  reset?: boolean;
  /** an invitation: the organisation and the role of the account it creates */
  invite?: { organisation: string; role: string };
  back: string;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.admin.linkCreated')}>
    {invite && (
      <p>
        {ctx.t('accounts.admin.inviteFor', {
          organisation: quoted(ctx.lang, invite.organisation),
          role: ctx.t(`accounts.roles.${invite.role}`),
        })}
      </p>
    )}
    <p class="notice" role="status">
      {ctx.t('accounts.admin.linkOnce', { at: when(ctx, expiresAt) })}
    </p>
    {reset && <p>{ctx.t('accounts.admin.resetExplain')}</p>}
    <p>
      <code class="secret">{url}</code>
    </p>
    {isLocalOnly(url) && (
      <p class="notice" role="note">
        {ctx.t('accounts.admin.localOnly')}
      </p>
    )}
    <p>
      <a href={back}>{ctx.t('accounts.admin.back')}</a>
    </p>
  </Layout>
);

export const InviteAcceptPage = ({
  ctx,
  token,
  organisation,
  role,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  token: string;
  organisation: string;
  role: string;
  values?: FormValues;
  errors?: FormErrors;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.invite.title')}>
    <p>{ctx.t('accounts.invite.intro', { organisation: quoted(ctx.lang, organisation) })}</p>
    {/* Apart and in bold: inside the sentence the role was read past (QA walk 6). */}
    <p>
      {ctx.t('accounts.invite.role')}: <strong>{ctx.t(`accounts.roles.${role}`)}</strong>
    </p>
    <p>{ctx.t('accounts.invite.choose')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action={`/invite/${token}`}>
      <NewAccountFields ctx={ctx} values={values} errors={errors} staff />
      <button type="submit">{ctx.t('accounts.invite.submit')}</button>
    </PostForm>
  </Layout>
);

export const ResetAcceptPage = ({
  ctx,
  token,
  pseudonym,
  errors = {},
}: {
  ctx: PageContext;
  token: string;
  pseudonym: string;
  errors?: FormErrors;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.invite.resetTitle')}>
    <p>{ctx.t('accounts.invite.resetIntro', { pseudonym })}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action={`/reset/${token}`}>
      <PassphraseFields ctx={ctx} errors={errors} labelKey="accounts.fields.newPassphrase" staff />
      <button type="submit">{ctx.t('accounts.invite.resetSubmit')}</button>
    </PostForm>
  </Layout>
);

export const SetupPage = ({
  ctx,
  token,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  token: string;
  values?: FormValues;
  errors?: FormErrors;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.setup.title')}>
    <p>{ctx.t('accounts.setup.intro')}</p>
    <FormErrorSummary ctx={ctx} errors={errors} />
    <PostForm ctx={ctx} action={`/setup/${token}`}>
      <NewAccountFields ctx={ctx} values={values} errors={errors} staff="firstAdmin" />
      <TextField
        ctx={ctx}
        name="organisation"
        label={ctx.t('accounts.fields.organisationName')}
        values={values}
        errors={errors}
        maxLength={ORGANISATION_NAME_MAX}
        hint={ctx.t('accounts.setup.organisationHint')}
      />
      <button type="submit">{ctx.t('accounts.setup.submit')}</button>
    </PostForm>
  </Layout>
);

// Used for invite, reset and first-setup links alike: the heading must not say "invitation". A
// first-setup link has nobody to ask for a new one (QA walk 7: «Попросите новую»): its page says
// where a new one comes from, and to log in if the administrator was created already.
export const LinkInvalidPage = ({ ctx, setup = false }: { ctx: PageContext; setup?: boolean }) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.invite.invalidTitle')}>
    <p role="alert">{ctx.t(setup ? 'accounts.setup.invalid' : 'accounts.invite.invalid')}</p>
    <p>{setup ? <a href="/login">{ctx.t('accounts.setup.logIn')}</a> : <a href="/">{ctx.t('common.home')}</a>}</p>
  </Layout>
);

/** Removing someone is not undoable: without JavaScript, a second form confirms it. */
export const ConfirmRemovePage = ({
  ctx,
  userId,
  pseudonym,
}: {
  ctx: PageContext;
  userId: string;
  pseudonym: string;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.admin.removeTitle')}>
    <p>{ctx.t('accounts.admin.removeExplain', { pseudonym })}</p>
    <p>{ctx.t('accounts.admin.removeRotates')}</p>
    <PostForm ctx={ctx} action="/admin/invites/remove">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit">{ctx.t('accounts.admin.removeConfirm')}</button>
    </PostForm>
    <p>
      <a href="/admin/invites">{ctx.t('common.cancel')}</a>
    </p>
  </Layout>
);

/** Replacing the organisation key revokes every unused link: said before, confirmed by a second form. */
export const ConfirmRotatePage = ({
  ctx,
  organisationId,
  name,
}: {
  ctx: PageContext;
  organisationId: string;
  name: string;
}) => (
  <Layout ctx={ctx} heading={ctx.t('accounts.admin.rotateTitle')}>
    <p>
      {ctx.t('accounts.fields.organisation')}: <strong>{name}</strong>
    </p>
    <p>{ctx.t('accounts.admin.rotateExplain')}</p>
    <p>{ctx.t('accounts.admin.rotateLimit')}</p>
    <PostForm ctx={ctx} action="/admin/invites/rotate">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit">{ctx.t('accounts.admin.rotateConfirm')}</button>
    </PostForm>
    <p>
      <a href={`/admin/invites?org=${organisationId}`}>{ctx.t('common.cancel')}</a>
    </p>
  </Layout>
);

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { echoValues, type FormErrors } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import type { EchoForm } from '../web/form-echo.ts';
import { redirect, sendPage } from '../web/render.ts';
import { NotFound } from '../shared/errors.ts';
import { principalOf, type AuthContext, type StaffRole } from '../policy/principal.ts';
import {
  grantSiteAdmin,
  manageableOrganisations,
  mayAdministerSite,
  mayAdministerStaff,
  mayRemoveAccount,
  mayResetAccount,
} from '../policy/organisation.policy.ts';
import { acceptInviteSchema, inviteSchema, organisationSchema, resetSchema, setupSchema } from './accounts.schema.ts';
import { accountFacts, listOrganisations, organisationsOfUser, staffOfOrganisation } from './accounts.service.ts';
import {
  createInvite,
  createOrganisationWithInvite,
  createResetLink,
  pendingInvites,
  removeStaff,
  revokeLink,
} from './staff.service.ts';
import { acceptInvite, acceptReset, findLink } from './invites.service.ts';
import { checkSetupToken, completeSetup } from './first-run.service.ts';
import { requireStaff } from '../web/guards.ts';
import { replaceSessionCookie } from './accounts.plugin.ts';
import { formFailure } from '../web/forms.tsx';
import { rotateOrganisationKey } from './org-key-rotation.service.ts';
import { organisationAboutWritten } from './organisation-about.service.ts';
import {
  ConfirmRemovePage,
  ConfirmRotatePage,
  InviteAcceptPage,
  InvitesPage,
  LinkCreatedPage,
  LinkInvalidPage,
  OrganisationsPage,
  ResetAcceptPage,
  SetupPage,
} from './admin.views.tsx';

// Organisations, invites, reset links, and the pages behind single-use links. Single-use tokens
// are the only secrets ever put in a URL; unknown, used and expired links look the same.

// What the session-ended page names when these forms arrive after the session ended (web/form-echo.ts).
const ORGANISATION_ECHO: EchoForm = { name: { label: 'accounts.fields.organisationName' } };
const INVITE_ECHO: EchoForm = { role: { label: 'accounts.fields.role', choice: 'accounts.roles' } };

/** A site or organisation admin; what they may manage is decided per organisation below. */
const requireAdmin = (req: FastifyRequest): AuthContext => {
  const auth = requireStaff(req);
  if (!mayAdministerStaff(principalOf(auth))) throw new NotFound();
  return auth;
};

const requireSiteAdmin = (req: FastifyRequest): AuthContext => grantSiteAdmin(principalOf(requireStaff(req)));

const tokenParam = (req: FastifyRequest): string => String((req.params as { token?: string }).token ?? '');

export const adminRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = () => app.deps;
  const linkUrl = (kind: string, token: string) => `${app.deps.config.publicUrl}/${kind}/${token}`;
  /** A link opens a new session, then 2FA setup follows. */
  const startSession = async (req: FastifyRequest, reply: FastifyReply, cookie: string) => {
    await replaceSessionCookie(app, req, reply, cookie);
    return redirect(reply, '/account/2fa');
  };
  const invalidLink = (req: FastifyRequest, reply: FastifyReply, setup = false) =>
    sendPage(req, reply, (ctx) => <LinkInvalidPage ctx={ctx} setup={setup} />, 404);

  // ---- organisations (site admin) -------------------------------------------------------
  const showOrganisations = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values = {},
    errors: FormErrors = {},
    status = 200,
  ) => {
    const organisations = await listOrganisations(deps().db);
    return sendPage(
      req,
      reply,
      (ctx) => <OrganisationsPage ctx={ctx} organisations={organisations} values={values} errors={errors} />,
      status,
    );
  };

  app.get('/admin/organisations', (req, reply) => {
    requireSiteAdmin(req);
    return showOrganisations(req, reply);
  });

  app.post('/admin/organisations', { config: { echo: ORGANISATION_ECHO } }, async (req, reply) => {
    const auth = requireSiteAdmin(req);
    try {
      const { name } = parseForm(organisationSchema, req.body);
      const link = await createOrganisationWithInvite(deps(), auth, name);
      return sendPage(req, reply, (ctx) => (
        <LinkCreatedPage
          ctx={ctx}
          url={linkUrl('invite', link.token)}
          expiresAt={link.expiresAt}
          // whom the link is for, as on an invite's page (QA walk 7: it said nothing of it here)
          invite={{ organisation: name, role: 'org_admin' }}
          back="/admin/organisations"
        />
      ));
    } catch (err) {
      const f = formFailure(err, 'name');
      if (!f) throw err;
      return showOrganisations(req, reply, echoValues(req.body), f.errors, f.status);
    }
  });

  // ---- invites and staff (organisation admin, or a site admin holding the org key) --------
  /** The organisations whose key this admin holds and which the policy lets them manage. */
  const manageable = async (auth: AuthContext) =>
    manageableOrganisations(principalOf(auth), await organisationsOfUser(deps().db, auth.userId));

  const showInvites = async (
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: unknown,
    values = {},
    errors: FormErrors = {},
    status = 200,
  ) => {
    const rotated = (req.query as Record<string, unknown> | undefined)?.rotated === '1';
    const removed = (req.query as Record<string, unknown> | undefined)?.removed === '1';
    const auth = requireAdmin(req);
    const organisations = await manageable(auth);
    if (organisations.length === 0)
      return mayAdministerSite(principalOf(auth))
        ? redirect(reply, '/admin/organisations')
        : Promise.reject(new NotFound());
    const selected =
      organisations.find((o) => o.id === orgId)?.id ??
      organisations.find((o) => o.id === auth.organisationId)?.id ??
      organisations[0].id;
    const [members, pending, aboutWritten] = await Promise.all([
      staffOfOrganisation(deps().db, selected),
      pendingInvites(deps(), selected),
      organisationAboutWritten(deps().db, selected),
    ]);
    // What the page offers for each member is the policy's answer, not the view's reading of roles.
    const principal = principalOf(auth);
    const staff = members.map((s) => {
      const facts = { id: s.id, role: s.role, organisationId: selected, disabled: false };
      return { ...s, mayReset: mayResetAccount(principal, facts), mayRemove: mayRemoveAccount(principal, facts) };
    });
    return sendPage(
      req,
      reply,
      (ctx) => (
        <InvitesPage
          ctx={ctx}
          organisations={organisations}
          selected={selected}
          staff={staff}
          pending={pending}
          rotated={rotated}
          removed={removed}
          aboutWritten={aboutWritten}
          values={values}
          errors={errors}
        />
      ),
      status,
    );
  };

  app.get('/admin/invites', (req, reply) => showInvites(req, reply, (req.query as Record<string, unknown>).org));

  app.post('/admin/invites', { config: { echo: INVITE_ECHO } }, async (req, reply) => {
    const auth = requireAdmin(req);
    const orgId = (req.body as Record<string, unknown> | undefined)?.organisationId;
    try {
      const input = parseForm(inviteSchema, req.body);
      const link = await createInvite(deps(), auth, {
        organisationId: input.organisationId,
        role: input.role as StaffRole,
      });
      // The admin hands the link on: the page says whom it is for (QA walk 6).
      const org = (await manageable(auth)).find((o) => o.id === input.organisationId);
      return sendPage(req, reply, (ctx) => (
        <LinkCreatedPage
          ctx={ctx}
          url={linkUrl('invite', link.token)}
          expiresAt={link.expiresAt}
          invite={{ organisation: org?.name ?? '', role: input.role }}
          back={`/admin/invites?org=${input.organisationId}`}
        />
      ));
    } catch (err) {
      const f = formFailure(err);
      if (!f) throw err;
      return showInvites(req, reply, orgId, echoValues(req.body), f.errors, f.status);
    }
  });

  app.post('/admin/invites/reset', async (req, reply) => {
    const auth = requireAdmin(req);
    const { userId } = parseForm(z.object({ userId: z.string().min(1).max(64) }), req.body);
    const link = await createResetLink(deps(), auth, userId);
    return sendPage(req, reply, (ctx) => (
      <LinkCreatedPage
        ctx={ctx}
        url={linkUrl('reset', link.token)}
        expiresAt={link.expiresAt}
        reset
        back="/admin/invites"
      />
    ));
  });

  app.post('/admin/invites/remove', async (req, reply) => {
    const auth = requireAdmin(req);
    const { userId, confirm } = parseForm(
      z.object({ userId: z.string().min(1).max(64), confirm: z.literal('yes').optional() }),
      req.body,
    );
    const target = await accountFacts(deps().db, userId);
    // Nothing about an account outside the admin's organisations is shown, not even its name.
    const held = (await manageable(auth)).some((o) => o.id === target?.organisationId);
    if (!target || !held || !mayRemoveAccount(principalOf(auth), target)) throw new NotFound();
    if (!confirm)
      return sendPage(req, reply, (ctx) => (
        <ConfirmRemovePage ctx={ctx} userId={userId} pseudonym={target.pseudonym} />
      ));
    await removeStaff(deps(), auth, userId);
    // Removal rotates the organisation key and revokes unused links: the page says so.
    return redirect(reply, `/admin/invites?org=${target.organisationId ?? ''}&removed=1&rotated=1`);
  });

  app.post('/admin/invites/rotate', async (req, reply) => {
    const auth = requireAdmin(req);
    const { organisationId, confirm } = parseForm(
      z.object({ organisationId: z.string().min(1).max(64), confirm: z.literal('yes').optional() }),
      req.body,
    );
    const org = (await manageable(auth)).find((o) => o.id === organisationId);
    if (!org) throw new NotFound();
    // Not undoable and it revokes every unused link: without JavaScript, a second form confirms.
    if (!confirm)
      return sendPage(req, reply, (ctx) => <ConfirmRotatePage ctx={ctx} organisationId={org.id} name={org.name} />);
    await rotateOrganisationKey(deps(), auth, org.id);
    return redirect(reply, `/admin/invites?org=${org.id}&rotated=1`);
  });

  app.post('/admin/invites/revoke', async (req, reply) => {
    const auth = requireAdmin(req);
    const { inviteId } = parseForm(z.object({ inviteId: z.string().min(1).max(64) }), req.body);
    await revokeLink(deps(), auth, inviteId);
    return redirect(reply, '/admin/invites');
  });

  // ---- single-use links ------------------------------------------------------------------
  const limit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/invite/:token', async (req, reply) => {
    const link = await findLink(deps(), tokenParam(req), 'invite').catch(() => null);
    if (!link) return invalidLink(req, reply);
    return sendPage(req, reply, (ctx) => (
      <InviteAcceptPage ctx={ctx} token={tokenParam(req)} organisation={link.organisation_name} role={link.role} />
    ));
  });

  app.post('/invite/:token', { config: limit }, async (req, reply) => {
    const token = tokenParam(req);
    const link = await findLink(deps(), token, 'invite').catch(() => null);
    if (!link) return invalidLink(req, reply);
    try {
      const input = parseForm(acceptInviteSchema, req.body);
      const { cookie } = await acceptInvite(deps(), token, input);
      return startSession(req, reply, cookie);
    } catch (err) {
      if (err instanceof NotFound) return invalidLink(req, reply);
      const f = formFailure(err, 'pseudonym');
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => (
          <InviteAcceptPage
            ctx={ctx}
            token={token}
            organisation={link.organisation_name}
            role={link.role}
            values={echoValues(req.body)}
            errors={f.errors}
          />
        ),
        f.status,
      );
    }
  });

  app.get('/reset/:token', async (req, reply) => {
    const link = await findLink(deps(), tokenParam(req), 'reset').catch(() => null);
    if (!link) return invalidLink(req, reply);
    return sendPage(req, reply, (ctx) => (
      <ResetAcceptPage ctx={ctx} token={tokenParam(req)} pseudonym={link.target_pseudonym ?? ''} />
    ));
  });

  app.post('/reset/:token', { config: limit }, async (req, reply) => {
    const token = tokenParam(req);
    const link = await findLink(deps(), token, 'reset').catch(() => null);
    if (!link) return invalidLink(req, reply);
    try {
      const input = parseForm(resetSchema, req.body);
      const { cookie } = await acceptReset(deps(), token, input);
      return startSession(req, reply, cookie);
    } catch (err) {
      if (err instanceof NotFound) return invalidLink(req, reply);
      const f = formFailure(err);
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <ResetAcceptPage ctx={ctx} token={token} pseudonym={link.target_pseudonym ?? ''} errors={f.errors} />,
        f.status,
      );
    }
  });

  app.get('/setup/:token', async (req, reply) => {
    const ok = await checkSetupToken(deps(), tokenParam(req)).then(
      () => true,
      () => false,
    );
    if (!ok) return invalidLink(req, reply, true);
    return sendPage(req, reply, (ctx) => <SetupPage ctx={ctx} token={tokenParam(req)} />);
  });

  app.post('/setup/:token', { config: limit }, async (req, reply) => {
    const token = tokenParam(req);
    const ok = await checkSetupToken(deps(), token).then(
      () => true,
      () => false,
    );
    if (!ok) return invalidLink(req, reply, true);
    try {
      const input = parseForm(setupSchema, req.body);
      const { cookie } = await completeSetup(deps(), token, input);
      return startSession(req, reply, cookie);
    } catch (err) {
      if (err instanceof NotFound) return invalidLink(req, reply, true);
      const f = formFailure(err, 'pseudonym');
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <SetupPage ctx={ctx} token={token} values={echoValues(req.body)} errors={f.errors} />,
        f.status,
      );
    }
  });
};

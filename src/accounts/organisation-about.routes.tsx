import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { echoValues, formFailure, type FormErrors, type FormValues } from '../web/forms.tsx';
import type { EchoForm } from '../web/form-echo.ts';
import { redirect, sendPage } from '../web/render.ts';
import { requireStaff } from '../web/guards.ts';
import { parseForm } from '../shared/validation.ts';
import { grantManage, manageableOrganisations } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { organisationsOfUser } from './accounts.service.ts';
import { organisationAboutSchema } from './accounts.schema.ts';
import { organisationAbout, saveOrganisationAbout } from './organisation-about.service.ts';
import { OrganisationAboutPage } from './organisation-about.views.tsx';

// The admin's page for what the organisation says of itself to families (organisation-about.service.ts).
// An organisation admin writes their own; a site admin any whose key they hold, as on /admin/invites.

const ABOUT_ECHO: EchoForm = { about_ru: { label: 'accounts.about.ru' }, about_en: { label: 'accounts.about.en' } };

export const organisationAboutRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = () => app.deps;

  /** The policy's grant for the organisation named in the request, among those the admin holds. */
  const grantFor = async (req: FastifyRequest, orgId: unknown) => {
    const auth = requireStaff(req);
    const held = manageableOrganisations(principalOf(auth), await organisationsOfUser(deps().db, auth.userId));
    const chosen = held.find((o) => o.id === orgId) ?? (orgId === undefined ? held[0] : undefined);
    return grantManage(principalOf(auth), chosen?.id ?? '', !!chosen);
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: unknown,
    values?: FormValues,
    errors: FormErrors = {},
    status = 200,
  ) => {
    const grant = await grantFor(req, orgId);
    const { name, about } = await organisationAbout(deps().db, grant);
    const saved = (req.query as Record<string, unknown> | undefined)?.saved === '1';
    const shown = values ?? { about_ru: about.ru ?? '', about_en: about.en ?? '' };
    return sendPage(
      req,
      reply,
      (ctx) => (
        <OrganisationAboutPage
          ctx={ctx}
          organisationId={grant.organisationId}
          name={name}
          values={shown}
          errors={errors}
          saved={saved && !values}
        />
      ),
      status,
    );
  };

  app.get('/admin/about', (req, reply) => show(req, reply, (req.query as Record<string, unknown>).org));

  app.post('/admin/about', { config: { echo: ABOUT_ECHO } }, async (req, reply) => {
    const orgId = (req.body as Record<string, unknown> | undefined)?.organisationId;
    const grant = await grantFor(req, typeof orgId === 'string' ? orgId : '');
    try {
      const input = parseForm(organisationAboutSchema, req.body);
      await saveOrganisationAbout(deps(), grant, { ru: input.about_ru ?? null, en: input.about_en ?? null });
      return redirect(reply, `/admin/about?org=${grant.organisationId}&saved=1`);
    } catch (err) {
      const f = formFailure(err);
      if (!f) throw err;
      return show(req, reply, grant.organisationId, echoValues(req.body), f.errors, f.status);
    }
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { grantAppealQueue } from '../policy/appeals.policy.ts';
import { isUuid } from '../shared/ids.ts';
import { NotFound } from '../shared/errors.ts';
import { dueAppeals, withAddressees } from './appeals-queue.service.ts';
import {
  collectiveCaseChoices,
  collectivesOf,
  collectiveToPrint,
  collectiveView,
  createCollective,
  sendCollective,
} from './collective.service.ts';
import { collectiveSchema, collectiveSendSchema } from './appeals.schema.ts';
import { appealsDeps, todayOf } from './appeals.service.ts';
import { authorities, authorityById, currentTemplate } from './directory.service.ts';
import { sendLetterPdf } from './letter-download.views.ts';
import { StaffAppealsPage } from './appeals.views.tsx';
import { PrintPage } from './appeal-page.views.tsx';
import { CollectiveListPage, CollectivePage, NewCollectivePage } from './staff-appeals.views.tsx';

// The caseworkers' side of appeals: deadlines to follow up across the organisation, and
// collective appeals. Case-working staff only (src/policy/appeals.policy.ts grantAppealQueue).

type IdParams = { Params: { id: string } };
const daysQuery = z.object({ days: z.coerce.number().int().min(1).max(90).catch(7) });

export const staffAppealsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = appealsDeps(app.deps);
  const staffOf = (req: Parameters<typeof requireStaffPrincipal>[0]) => grantAppealQueue(requireStaffPrincipal(req));
  const uuid = (id: string) => {
    if (!isUuid(id)) throw new NotFound('collective');
    return id;
  };

  app.get('/staff/appeals', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const staff = grantAppealQueue(principal);
    const { days } = daysQuery.parse(req.query ?? {});
    const rows = await withAddressees(deps, principal, await dueAppeals(deps, staff, days));
    return sendPage(req, reply, (ctx) => <StaffAppealsPage ctx={ctx} rows={rows} days={days} />);
  });

  app.get('/staff/collective', async (req, reply) => {
    const staff = staffOf(req);
    const list = await collectivesOf(deps, staff);
    return sendPage(req, reply, (ctx) => <CollectiveListPage ctx={ctx} list={list} />);
  });

  app.get('/staff/collective/new', async (req, reply) => {
    const staff = staffOf(req);
    const [cases, auths, template] = [
      await collectiveCaseChoices(deps, staff),
      await authorities(deps.db),
      await currentTemplate(deps.db, 'collective'),
    ];
    const values = {
      subject: template?.titleRu ?? '',
      body: (template?.body ?? '').replace(/\{\{[^}]*\}\}/g, '________________'),
    };
    return sendPage(req, reply, (ctx) => (
      <NewCollectivePage ctx={ctx} cases={cases} authorities={auths} values={values} errors={{}} />
    ));
  });

  /** The new collective appeal's form again, as typed (the families ticked come from the body). */
  const newCollectivePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    staff: ReturnType<typeof staffOf>,
    form: { values: FormValues; errors: FormErrors; status: number },
  ) => {
    const [cases, auths] = [await collectiveCaseChoices(deps, staff), await authorities(deps.db)];
    const raw = (req.body as Record<string, unknown>)?.cases;
    const chosen = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v): v is string => typeof v === 'string');
    return sendPage(
      req,
      reply,
      (ctx) => (
        <NewCollectivePage
          ctx={ctx}
          cases={cases}
          authorities={auths}
          values={form.values}
          picked={chosen}
          errors={form.errors}
        />
      ),
      form.status,
    );
  };

  // A collective letter takes long to word: a lost CSRF cookie gives it back (form-not-sent.ts).
  const collectiveNotSent = keepTyped(async (req, reply, kept) => newCollectivePage(req, reply, staffOf(req), kept));

  /**
   * An authority chosen from the directory gives the addressee and the address left empty (no
   * JavaScript fills them in as the choice is made): the choice alone came back with «Заполните
   * это поле» at the addressee.
   */
  const withAuthority = async (body: unknown): Promise<Record<string, unknown>> => {
    const form = { ...((body ?? {}) as Record<string, unknown>) };
    const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
    if (typeof form.authority !== 'string' || !isUuid(form.authority) || !blank(form.addressee)) return form;
    const authority = await authorityById(deps.db, form.authority);
    if (!authority) return form;
    form.addressee = authority.name;
    if (blank(form.address)) form.address = authority.postalAddress ?? '';
    return form;
  };

  app.post('/staff/collective', { config: { csrfFailed: collectiveNotSent } }, async (req, reply) => {
    const staff = staffOf(req);
    try {
      const id = await createCollective(deps, staff, parseForm(collectiveSchema, await withAuthority(req.body)));
      return redirect(reply, `/staff/collective/${id}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return newCollectivePage(req, reply, staff, {
        values: echoValues(req.body),
        errors: formErrors(err.problems),
        status: 400,
      });
    }
  });

  app.get<IdParams>('/staff/collective/:id', async (req, reply) => {
    const staff = staffOf(req);
    const view = await collectiveView(deps, staff, uuid(req.params.id));
    return sendPage(req, reply, (ctx) => <CollectivePage ctx={ctx} view={view} />);
  });

  app.post<IdParams>('/staff/collective/:id/send', async (req, reply) => {
    const staff = staffOf(req);
    const id = uuid(req.params.id);
    try {
      await sendCollective(deps, staff, id, parseForm(collectiveSendSchema(todayOf(deps)), req.body));
      return redirect(reply, `/staff/collective/${id}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const view = await collectiveView(deps, staff, id);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <CollectivePage ctx={ctx} view={view} values={echoValues(req.body)} errors={formErrors(err.problems)} />
        ),
        400,
      );
    }
  });

  app.post<IdParams>('/staff/collective/:id/print', async (req, reply) => {
    const staff = staffOf(req);
    const id = uuid(req.params.id);
    try {
      const { letter, appealId } = await collectiveToPrint(deps, staff, id);
      if ((req.body as Record<string, unknown>)?.format === 'pdf') {
        return sendLetterPdf(reply, letter, `collective-${id.slice(0, 8)}.pdf`);
      }
      return sendPage(req, reply, (ctx) => <PrintPage ctx={ctx} appealId={appealId} letter={letter} />);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const view = await collectiveView(deps, staff, id);
      return sendPage(
        req,
        reply,
        (ctx) => <CollectivePage ctx={ctx} view={view} errors={formErrors(err.problems)} />,
        400,
      );
    }
  });
};

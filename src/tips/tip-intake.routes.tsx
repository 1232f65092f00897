import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from '../shared/clock.ts';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { echoValues, formErrors, type FormErrors } from '../web/forms.tsx';
import { notSentErrors, typedBack } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { readUploadForm } from '../evidence/evidence.plugin.ts';
import { submitTip, tipOrganisations } from './tip-intake.service.ts';
import { endTipSession, takeReceiptCode, TIP_COOKIE, tipSessionHash } from './tip-sessions.service.ts';
import { getTipForViewer } from './tip-view.service.ts';
import { tipSchema } from './tips.schema.ts';
import { NewTipPage, ReceiptPage } from './tips.views.tsx';
import { limit, type TipVisits } from './tip-visit.routes.tsx';

// Sending a tip: the form, and the receipt code shown once. Thin handlers: parse, call one
// service, render.

export const tipIntakeRoutes = (app: FastifyInstance, visits: TipVisits): void => {
  const deps = app.deps;
  const { cookieOpts, visitOf, senderAccess } = visits;
  // The day as the user's own calendar has it (a date typed just after Moscow midnight is today, not the future).
  const today = () => localDay(deps.clock, deps.config.timeZone);

  app.get('/tips/new', async (req, reply) => {
    const organisations = await tipOrganisations(deps);
    return sendPage(req, reply, (ctx) => (
      <NewTipPage ctx={ctx} organisations={organisations} values={{}} errors={{}} />
    ));
  });

  const newTipForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    fields: Record<string, unknown>,
    errors: FormErrors,
    status: number,
  ) => {
    const organisations = await tipOrganisations(deps);
    return sendPage(
      req,
      reply,
      (ctx) => <NewTipPage ctx={ctx} organisations={organisations} values={echoValues(fields)} errors={errors} />,
      status,
    );
  };

  /** The new tip form sent after the browser lost its CSRF cookie: back, filled in, nothing stored. */
  const newTipNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields, fileChosen } = await typedBack(req);
    return newTipForm(req, reply, fields, notSentErrors(fileChosen), 403);
  };

  app.post('/tips/new', { config: { ...limit(20), csrfFailed: newTipNotSent } }, async (req, reply) => {
    let fields: Record<string, unknown> = {};
    try {
      // Multipart with at most one file (the page's form), or a plain form without one.
      const form = await readUploadForm(req, { plain: true });
      fields = form.fields;
      const { input, file } = await form.parseWithFile((typed) => parseForm(tipSchema(today()), typed));
      const sent = await submitTip(deps, input, { file, log: req.log });
      // A visit of its own: any earlier one on this browser (another tip) ends.
      const previous = tipSessionHash(req.cookies[TIP_COOKIE]);
      if (previous) await endTipSession(deps.db, previous);
      reply.setCookie(TIP_COOKIE, sent.cookie, cookieOpts);
      return redirect(reply, '/tip/receipt');
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return newTipForm(req, reply, fields, formErrors(err.problems), 400);
    }
  });

  // The code, once: read and erased in the same request. A reload lands on the tip itself.
  app.get('/tip/receipt', async (req, reply) => {
    const visit = await visitOf(req, reply);
    const code = visit?.receiptPending ? await takeReceiptCode(deps.db, visit) : null;
    if (!visit || !code) return redirect(reply, '/tip');
    const { access } = await senderAccess(req, reply, 'read');
    const view = await getTipForViewer(deps, access);
    return sendPage(req, reply, (ctx) => (
      <ReceiptPage ctx={ctx} code={code} organisation={view.organisationName} tipUrl={`${deps.config.publicUrl}/tip`} />
    ));
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound, RateLimited } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { notSentErrors, typedBack } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { readUploadForm, sendFile } from '../evidence/evidence.plugin.ts';
import { addToTip, deleteTip, openTipWithCode } from './tip-sender.service.ts';
import { endTipSession, TIP_COOKIE, tipSessionHash } from './tip-sessions.service.ts';
import { readTipFile } from './tip-view.service.ts';
import { receiptSchema, deleteTipSchema, tipAddSchema } from './tips.schema.ts';
import { CodePage, DeleteTipPage } from './tips.views.tsx';
import { limit, type TipVisits } from './tip-visit.routes.tsx';

// The sender's own pages, with the receipt code: the tip and the answers, adding more, the files,
// deleting it, leaving. Thin handlers: parse, authorise, call one service, render.

export const tipSenderRoutes = (app: FastifyInstance, visits: TipVisits): void => {
  const deps = app.deps;
  const { cookieOpts, visitOf, senderAccess, visitEnded, noticeOf, renderSenderTip } = visits;

  app.get('/tip', async (req, reply) => {
    const visit = await visitOf(req, reply);
    if (visit) {
      try {
        const { access } = await senderAccess(req, reply, 'read');
        return await renderSenderTip(req, reply, access);
      } catch (err) {
        // The tip was deleted or purged since: the visit ends with it.
        if (!(err instanceof NotFound)) throw err;
        await endTipSession(deps.db, visit.idHash);
        reply.clearCookie(TIP_COOKIE, cookieOpts);
      }
    }
    return sendPage(req, reply, (ctx) => <CodePage ctx={ctx} values={{}} errors={{}} notice={noticeOf(req)} />);
  });

  app.post('/tip/open', { config: limit(30) }, async (req, reply) => {
    try {
      const { code } = parseForm(receiptSchema, req.body);
      const cookie = await openTipWithCode(deps, code, tipSessionHash(req.cookies[TIP_COOKIE]));
      reply.setCookie(TIP_COOKIE, cookie, cookieOpts);
      return redirect(reply, '/tip');
    } catch (err) {
      if (!(err instanceof Invalid) && !(err instanceof RateLimited)) throw err;
      const errors =
        err instanceof Invalid ? formErrors(err.problems) : { _form: { field: '_form', key: 'tips.errors.locked' } };
      // The code typed is never shown back (it may be right but locked, or one character off).
      return sendPage(
        req,
        reply,
        (ctx) => <CodePage ctx={ctx} values={{}} errors={errors} />,
        err instanceof RateLimited ? 429 : 400,
      );
    }
  });

  /**
   * An addition sent after the browser lost its CSRF cookie: back on the tip page, filled in,
   * nothing added; when the visit's cookie went with it, on the code form as after a visit ended.
   */
  const addNotSent = async (req: FastifyRequest, reply: FastifyReply) => {
    const { fields, fileChosen } = await typedBack(req);
    // 403 all the same: the form failed its CSRF check, whatever else is true.
    const ended = () => visitEnded(req, reply, 'add', fields.body?.trim() ?? '', 403);
    if (!(await visitOf(req, reply))) return ended();
    try {
      const { access } = await senderAccess(req, reply, 'read');
      const form = { name: 'add' as const, values: echoValues(fields), errors: notSentErrors(fileChosen) };
      return await renderSenderTip(req, reply, access, form, 403);
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      return ended();
    }
  };

  app.post('/tip/add', { config: { ...limit(60), csrfFailed: addNotSent } }, async (req, reply) => {
    // The visit ended while the sender wrote (the idle time, the hour): nothing can be added
    // without the key it held, but what they wrote comes back with the code form.
    if (!(await visitOf(req, reply))) {
      let body = '';
      try {
        body = (await readUploadForm(req, { plain: true })).fields.body?.trim() ?? '';
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
      }
      return visitEnded(req, reply, 'add', body);
    }
    const { access, visit } = await senderAccess(req, reply, 'add');
    req.server.postingLimiter.check(`tip:${visit.tipId}`);
    let fields: Record<string, unknown> = {};
    try {
      // Multipart with at most one file (the page's form), or a plain form without one.
      const form = await readUploadForm(req, { plain: true });
      fields = form.fields;
      const { input, file } = await form.parseWithFile((typed) => parseForm(tipAddSchema, typed));
      await addToTip(deps, access, input.body, file);
      return redirect(reply, '/tip?done=added#posts');
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const read = await senderAccess(req, reply, 'read');
      return renderSenderTip(
        req,
        reply,
        read.access,
        { name: 'add', values: echoValues(fields), errors: formErrors(err.problems) },
        400,
      );
    }
  });

  app.get<{ Params: { fileId: string } }>('/tip/files/:fileId', async (req, reply) => {
    const { access } = await senderAccess(req, reply, 'read');
    return sendFile(reply, await readTipFile(deps, access, req.params.fileId));
  });

  app.get('/tip/delete', async (req, reply) => {
    await senderAccess(req, reply, 'delete');
    return sendPage(req, reply, (ctx) => <DeleteTipPage ctx={ctx} errors={{}} />);
  });

  app.post('/tip/delete', async (req, reply) => {
    // Ended while they hesitated: "not found" would read as "deleted". It was not; they are told.
    if (!(await visitOf(req, reply))) return visitEnded(req, reply, 'delete', '');
    const { access } = await senderAccess(req, reply, 'delete');
    try {
      parseForm(deleteTipSchema, req.body);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return sendPage(req, reply, (ctx) => <DeleteTipPage ctx={ctx} errors={formErrors(err.problems)} />, 400);
    }
    await deleteTip(deps, access);
    reply.clearCookie(TIP_COOKIE, cookieOpts);
    return redirect(reply, '/tip?done=deleted');
  });

  // Never limited: leaving must always work.
  app.post('/tip/leave', async (req, reply) => {
    const idHash = tipSessionHash(req.cookies[TIP_COOKIE]);
    if (idHash) await endTipSession(deps.db, idHash);
    reply.clearCookie(TIP_COOKIE, cookieOpts);
    reply.header('clear-site-data', '"cache"');
    return redirect(reply, '/tip?done=left');
  });
};

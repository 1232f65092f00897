import type { FastifyInstance } from 'fastify';
import { parseForm } from '../shared/validation.ts';
import { requirePrincipal } from '../web/guards.ts';
import { readUploadForm, sendFile } from '../evidence/evidence.plugin.ts';
import { authoriseAppeal } from './appeals-access.service.ts';
import { appealFile, closeAppeal, recordStep, sendAppeal } from './appeal-steps.service.ts';
import { todayOf } from './appeals.service.ts';
import { sendSchema, stepSchema } from './appeals.schema.ts';
import type { AppealPages, IdParams } from './appeal-page.routes.ts';
import { STEP_ECHO } from './appeals.echo.ts';

// Following an appeal once written: its page, the day it was sent, what came back from the
// authority (with its scan), closing it, and the scans themselves. Thin handlers.

type FileParams = { Params: { id: string; fileId: string } };

export const appealTrackRoutes = (app: FastifyInstance, pages: AppealPages): void => {
  const { deps, renderAppeal, appealForm, notSent } = pages;
  const today = () => todayOf(deps);

  app.get<IdParams>('/appeals/:id', async (req, reply) => {
    const { grant } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'read');
    return renderAppeal(req, reply, grant, req.params.id);
  });

  app.post<IdParams>('/appeals/:id/send', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'send', async () => {
      await sendAppeal(deps, grant, appeal.id, parseForm(sendSchema(today()), req.body));
      return `/appeals/${appeal.id}?done=sent`;
    });
  });

  // What came from the authority, with its scan: a multipart form (src/evidence/evidence.plugin.ts).
  app.post<IdParams>(
    '/appeals/:id/steps',
    { config: { echo: STEP_ECHO, csrfFailed: notSent('step', 'write') } },
    async (req, reply) => {
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
      let fields: Record<string, string> = {};
      return appealForm(
        req,
        reply,
        grant,
        appeal.id,
        'step',
        async () => {
          const form = await readUploadForm(req);
          fields = form.fields;
          // The file cleaned (or refused, with the fields' problems) before the transaction: a bad
          // file writes nothing.
          const { input, file } = await form.parseWithFile((typed) => parseForm(stepSchema(today()), typed));
          await recordStep(deps, grant, appeal.id, input, file);
          return `/appeals/${appeal.id}?done=recorded#history-h`;
        },
        () => fields,
      );
    },
  );

  app.post<IdParams>('/appeals/:id/close', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'write');
    return appealForm(req, reply, grant, appeal.id, 'close', async () => {
      await closeAppeal(deps, grant, appeal.id);
      return `/appeals/${appeal.id}?done=closed`;
    });
  });

  app.get<FileParams>('/appeals/:id/files/:fileId', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'read');
    return sendFile(reply, await appealFile(deps, grant, appeal.id, req.params.fileId, 'clean'));
  });

  app.get<FileParams>('/appeals/:id/files/:fileId/original', async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'original');
    return sendFile(reply, await appealFile(deps, grant, appeal.id, req.params.fileId, 'original'));
  });
};

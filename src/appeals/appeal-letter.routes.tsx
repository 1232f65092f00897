import type { FastifyInstance } from 'fastify';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requirePrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { sendPage } from '../web/render.ts';
import { authoriseAppeal } from './appeals-access.service.ts';
import { printLetter, signAppeal } from './appeals-print.service.ts';
import { sendLetterPdf } from './letter-download.views.ts';
import { printSchema, signSchema } from './appeals.schema.ts';
import { PrintPage } from './appeal-page.views.tsx';
import type { AppealPages, IdParams } from './appeal-page.routes.ts';

// The letter on paper: a family signing a collective appeal with her name and address, and
// printing a letter (a page or a PDF). Thin handlers.

export const appealLetterRoutes = (app: FastifyInstance, pages: AppealPages): void => {
  const { deps, renderAppeal, appealForm, notSent } = pages;

  app.post<IdParams>('/appeals/:id/sign', { config: { csrfFailed: notSent('sign', 'sign') } }, async (req, reply) => {
    const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'sign');
    return appealForm(req, reply, grant, appeal.id, 'sign', async () => {
      await signAppeal(deps, grant, appeal.id, parseForm(signSchema, req.body));
      return `/appeals/${appeal.id}?done=signed`;
    });
  });

  // POST: the sender's name and address must never be in a URL. The answer is the letter itself.
  app.post<IdParams>(
    '/appeals/:id/print',
    { config: { csrfFailed: notSent('print', 'print') } },
    async (req, reply) => {
      const { grant, appeal } = await authoriseAppeal(deps.db, requirePrincipal(req), req.params.id, 'print');
      try {
        const input = parseForm(printSchema, req.body);
        const letter = await printLetter(deps, grant, appeal.id, input);
        if (input.format === 'pdf') {
          return sendLetterPdf(reply, letter, `appeal-${appeal.id.slice(0, 8)}.pdf`);
        }
        return sendPage(req, reply, (ctx) => <PrintPage ctx={ctx} appealId={appeal.id} letter={letter} />);
      } catch (err) {
        if (!(err instanceof Invalid)) throw err;
        return renderAppeal(
          req,
          reply,
          grant,
          appeal.id,
          { name: 'print', values: echoValues(req.body), errors: formErrors(err.problems) },
          400,
        );
      }
    },
  );
};

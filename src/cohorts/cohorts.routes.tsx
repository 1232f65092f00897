import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantBoardsOfOrganisation } from '../policy/cohort.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { requirePrincipal, requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { keepTyped } from '../web/form-not-sent.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { renderCase } from '../cases/case-page.routes.ts';
import {
  authoriseBoard,
  authoriseOptIn,
  boardsOf,
  boardView,
  letWaitingFamiliesIn,
  moderatePost,
  postOnBoard,
  setOptIn,
} from './cohorts.service.ts';
import { resetBoardName, setBoardName } from './board-names.service.ts';
import { boardNameSchema, boardPostSchema, hideSchema, optInSchema } from './cohorts.schema.ts';
import { BoardPage, StaffBoardsPage, type BoardForm } from './cohorts.views.tsx';
import { BOARD_NAME_ECHO, BOARD_POST_ECHO, HIDE_ECHO, OPT_IN_ECHO } from './cohorts.echo.ts';

// A family's cohort setting on its case, the boards (families of the cohort and the
// organisation's staff), a family's name on a board, moderation (of posts and of names), and the
// staff's list of boards.

type IdParams = { Params: { id: string } };
type PostParams = { Params: { id: string; postId: string } };

const NOTICES = ['posted', 'hidden', 'restored', 'named', 'unnamed', 'nameReset', 'removed', 'readmitted'] as const;

export const cohortsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  app.post<IdParams>('/cases/:id/cohorts', { config: { echo: OPT_IN_ECHO } }, async (req, reply) => {
    const principal = requirePrincipal(req);
    const grant = await authoriseOptIn(deps.db, principal, req.params.id);
    try {
      const input = parseForm(optInSchema, req.body);
      // Whether the tick was needed is the service's (opt-in-warning.ts): joining, yes; a month
      // corrected on the boards she is on, no.
      await setOptIn(deps, grant, {
        optIn: input.opt_in === 'yes',
        colony: input.colony,
        mobilisationWave: input.mobilisation_wave,
        understood: input.understood === 'yes',
      });
      return redirect(reply, `/cases/${req.params.id}#cohorts`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const read = await authoriseCase(deps.db, principal, req.params.id, 'read');
      return renderCase(req, reply, read, undefined, 400, {
        values: echoValues(req.body),
        errors: formErrors(err.problems),
      });
    }
  });

  const renderBoard = async (
    req: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    boardId: string,
    form?: BoardForm,
    status = form ? 400 : 200,
  ) => {
    const view = await boardView(deps, await authoriseBoard(deps.db, principal, boardId, 'read'));
    const done = (req.query as Record<string, unknown>)?.done;
    const notice = form ? undefined : NOTICES.find((n) => n === done);
    return sendPage(req, reply, (ctx) => <BoardPage ctx={ctx} view={view} notice={notice} form={form} />, status);
  };

  /** A post sent with a lost CSRF cookie: the board again, the post as typed, nothing posted. */
  const postNotSent = keepTyped(async (req, reply, kept) => {
    const principal = requirePrincipal(req);
    const boardId = (req.params as { id: string }).id;
    await authoriseBoard(deps.db, principal, boardId, 'post');
    return renderBoard(
      req,
      reply,
      principal,
      boardId,
      { name: 'post', values: kept.values, errors: kept.errors },
      kept.status,
    );
  });

  app.get<IdParams>('/cohorts/:id', async (req, reply) =>
    renderBoard(req, reply, requirePrincipal(req), req.params.id),
  );

  const postForm = { echo: BOARD_POST_ECHO, csrfFailed: postNotSent };

  app.post<IdParams>('/cohorts/:id/posts', { config: postForm }, async (req, reply) => {
    const principal = requirePrincipal(req);
    const grant = await authoriseBoard(deps.db, principal, req.params.id, 'post');
    try {
      await postOnBoard(deps, grant, parseForm(boardPostSchema, req.body).body);
      return redirect(reply, `/cohorts/${req.params.id}?done=posted`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return renderBoard(req, reply, principal, req.params.id, {
        name: 'post',
        values: echoValues(req.body),
        errors: formErrors(err.problems),
      });
    }
  });

  app.post<IdParams>('/cohorts/:id/name', { config: { echo: BOARD_NAME_ECHO } }, async (req, reply) => {
    const principal = requirePrincipal(req);
    const grant = await authoriseBoard(deps.db, principal, req.params.id, 'name');
    try {
      const done = await setBoardName(deps, grant, parseForm(boardNameSchema, req.body).display_name);
      return redirect(reply, `/cohorts/${req.params.id}?done=${done}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return renderBoard(req, reply, principal, req.params.id, {
        name: 'name',
        values: echoValues(req.body),
        errors: formErrors(err.problems),
      });
    }
  });

  app.post<PostParams>('/cohorts/:id/posts/:postId/hide', { config: { echo: HIDE_ECHO } }, async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'moderate');
    await moderatePost(deps, grant, req.params.postId, { reason: parseForm(hideSchema, req.body).reason });
    return redirect(reply, `/cohorts/${req.params.id}?done=hidden#post-${req.params.postId}`);
  });

  app.post<PostParams>('/cohorts/:id/posts/:postId/restore', async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'moderate');
    await moderatePost(deps, grant, req.params.postId, null);
    return redirect(reply, `/cohorts/${req.params.id}?done=restored#post-${req.params.postId}`);
  });

  // Moderation of names: the family that wrote the post shows as its label again.
  app.post<PostParams>('/cohorts/:id/posts/:postId/reset-name', async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'reset_name');
    await resetBoardName(deps, grant, req.params.postId);
    return redirect(reply, `/cohorts/${req.params.id}?done=nameReset#post-${req.params.postId}`);
  });

  app.get('/staff/cohorts', async (req, reply) => {
    const grant = grantBoardsOfOrganisation(requireStaffPrincipal(req));
    await letWaitingFamiliesIn(deps, grant);
    const boards = await boardsOf(deps, grant.organisationId);
    return sendPage(req, reply, (ctx) => <StaffBoardsPage ctx={ctx} boards={boards} />);
  });
};

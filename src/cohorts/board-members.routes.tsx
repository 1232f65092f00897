import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import type { BoardGrant } from '../policy/cohort.policy.ts';
import { requirePrincipal, requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, type FormErrors, type FormValues } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { authoriseBoard } from './cohorts.service.ts';
import {
  leaveBoard,
  leavePage,
  readmitFamily,
  rejoinBoard,
  removalPage,
  removeFamily,
  type RemovalTarget,
} from './board-members.service.ts';
import { leaveSchema, readmitSchema, removeFamilySchema } from './cohorts.schema.ts';
import { LeaveBoardPage, RemoveFamilyPage } from './board-members.views.tsx';
import { LEAVE_ECHO, REMOVE_ECHO } from './cohorts.echo.ts';

// A family's place on one board: leaving it (confirmed) and coming back, from its case page; staff
// removing a family (confirmed, with a reason) and letting it back. A form without the
// confirmation (an old page's, a forged one) only shows the page that asks for it.

type IdParams = { Params: { id: string } };

/** The family a removal is about: a post of it on the board, or its case (from the case page). */
const targetOf = (v: FormValues): RemovalTarget => {
  if (v.post) return { post: v.post };
  if (v.case) return { case: v.case };
  throw new NotFound('post');
};

export const boardMembersRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  const showLeave = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: BoardGrant<'leave'>,
    values: FormValues,
  ) => {
    const page = await leavePage(deps.db, grant);
    return sendPage(req, reply, (ctx) => <LeaveBoardPage ctx={ctx} page={page} values={values} />);
  };

  app.get<IdParams>('/cohorts/:id/leave', async (req, reply) =>
    showLeave(req, reply, await authoriseBoard(deps.db, requirePrincipal(req), req.params.id, 'leave'), {}),
  );

  app.post<IdParams>('/cohorts/:id/leave', { config: { echo: LEAVE_ECHO } }, async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requirePrincipal(req), req.params.id, 'leave');
    const values = echoValues(req.body);
    if (values.confirm !== 'yes') return showLeave(req, reply, grant, values);
    const input = parseForm(leaveSchema, req.body);
    const caseId = await leaveBoard(deps, grant, { hidePosts: input.hide_posts === 'yes' });
    return redirect(reply, `/cases/${caseId}#cohorts`);
  });

  app.post<IdParams>('/cohorts/:id/rejoin', async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requirePrincipal(req), req.params.id, 'rejoin');
    const caseId = await rejoinBoard(deps, grant);
    return redirect(reply, `/cases/${caseId}#cohorts`);
  });

  const showRemoval = async (
    req: FastifyRequest,
    reply: FastifyReply,
    grant: BoardGrant<'remove_family'>,
    values: FormValues,
    errors: FormErrors = {},
  ) => {
    const page = await removalPage(deps, grant, targetOf(values));
    return sendPage(
      req,
      reply,
      (ctx) => <RemoveFamilyPage ctx={ctx} page={page} values={values} errors={errors} />,
      Object.keys(errors).length ? 400 : 200,
    );
  };

  app.get<IdParams>('/cohorts/:id/remove', async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'remove_family');
    const q = echoValues(req.query);
    return showRemoval(req, reply, grant, { post: q.post ?? '', case: q.case ?? '' });
  });

  app.post<IdParams>('/cohorts/:id/remove', { config: { echo: REMOVE_ECHO } }, async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'remove_family');
    const values = echoValues(req.body);
    if (values.confirm !== 'yes') return showRemoval(req, reply, grant, values);
    try {
      const input = parseForm(removeFamilySchema, req.body);
      await removeFamily(deps, grant, targetOf(values), input.reason);
      return redirect(reply, `/cohorts/${req.params.id}?done=removed`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return showRemoval(req, reply, grant, values, formErrors(err.problems));
    }
  });

  app.post<IdParams>('/cohorts/:id/readmit', async (req, reply) => {
    const grant = await authoriseBoard(deps.db, requireStaffPrincipal(req), req.params.id, 'remove_family');
    await readmitFamily(deps, grant, parseForm(readmitSchema, req.body).exit);
    return redirect(reply, `/cohorts/${req.params.id}?done=readmitted#removed-h`);
  });
};

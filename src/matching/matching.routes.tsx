import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantMatching, matchingAbilities } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { formFailure } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { incidentsAround, incidentsOf } from '../cohorts/incidents.service.ts';
import { authoriseMerge, authoriseRecord, recordPage } from './records.service.ts';
import {
  authoriseCandidate,
  authoriseDecision,
  authoriseUndoDecision,
  candidateView,
  type CandidateView,
  DECISIONS,
  decide,
  QUEUE_FILTERS,
  reviewQueue,
  undoDecision,
  undoMerge,
} from './review.service.ts';
import { PAIR_NOTICES, PairPage, QueuePage, type PairNotice } from './review.views.tsx';
import { RecordPageView } from './record.views.tsx';
import {
  authoriseTipMatch,
  decideTipMatch,
  openTipMatchCount,
  TIP_DECISIONS,
  tipMatchQueue,
  tipMatchView,
} from './tip-matches.service.ts';
import { TIP_NOTICES, TipMatchPage, TipQueuePage } from './tip-matches.views.tsx';

// The review queue, one pair, a decision, undoing a decision or a merge, and a person record's page. Thin:
// parse, authorise (src/policy/matching.policy.ts through the services' authorise*), call one
// service, render.

type IdParams = { Params: { id: string } };

const queueQuery = z.object({
  filter: z.enum(QUEUE_FILTERS).catch('pending'),
  after: z.string().max(80).optional().catch(undefined),
});
const decisionSchema = z.object({ decision: z.enum(DECISIONS, { error: 'errors.unknownOption' }) });
const undoSchema = z.object({
  candidate: z.string().uuid().optional().catch(undefined),
  record: z.string().uuid().optional().catch(undefined),
});

// Where the undo button was: the queue's decided list, a record's page, or (neither) the pair's page.
const undoDecisionSchema = z.object({
  back: z.literal('decided').optional().catch(undefined),
  record: z.string().uuid().optional().catch(undefined),
});

const tipDecisionSchema = z.object({
  person: z.string().uuid({ error: 'errors.unknownOption' }),
  decision: z.enum(TIP_DECISIONS as [string, ...string[]], { error: 'errors.unknownOption' }),
});

const noticeOf = (req: FastifyRequest): PairNotice | undefined => {
  const done = (req.query as Record<string, unknown>)?.done;
  return PAIR_NOTICES.find((n) => n === done);
};

/** A pair's page again, with why a decision or its undoing was refused said at the top. */
const pairRefused = (
  req: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  view: CandidateView,
  failure: NonNullable<ReturnType<typeof formFailure>>,
) =>
  sendPage(
    req,
    reply,
    (ctx) => (
      <PairPage
        ctx={ctx}
        view={view}
        can={matchingAbilities(principal)}
        errors={{ _form: Object.values(failure.errors)[0] }}
      />
    ),
    failure.status,
  );

export const matchingRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  app.get('/staff/matches', async (req, reply) => {
    const grant = grantMatching(requireStaffPrincipal(req), 'review');
    const { filter, after } = queueQuery.parse(req.query ?? {});
    const page = await reviewQueue(deps, grant, filter, after);
    const tips = await openTipMatchCount(deps, grant);
    const notice = (req.query as Record<string, unknown>)?.done === 'decisionUndone' ? 'decisionUndone' : undefined;
    return sendPage(req, reply, (ctx) => (
      <QueuePage
        ctx={ctx}
        page={page}
        filter={filter}
        can={matchingAbilities(requireStaffPrincipal(req))}
        notice={notice}
        tips={tips}
      />
    ));
  });

  // Tips resembling known records: sealed, opened with the organisation's key for its staff only.
  app.get('/staff/matches/tips', async (req, reply) => {
    const grant = grantMatching(requireStaffPrincipal(req), 'review');
    const rows = await tipMatchQueue(deps, grant);
    return sendPage(req, reply, (ctx) => <TipQueuePage ctx={ctx} rows={rows} />);
  });

  app.get<IdParams>('/staff/matches/tips/:id', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = await authoriseTipMatch(deps.db, principal, req.params.id, 'review');
    const view = await tipMatchView(deps, grant, req.params.id);
    const done = (req.query as Record<string, unknown>)?.done;
    return sendPage(req, reply, (ctx) => (
      <TipMatchPage
        ctx={ctx}
        view={view}
        can={matchingAbilities(principal)}
        notice={TIP_NOTICES.find((n) => n === done)}
      />
    ));
  });

  app.post<IdParams>('/staff/matches/tips/:id', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const review = await authoriseTipMatch(deps.db, principal, req.params.id, 'review');
    try {
      const { person, decision } = parseForm(tipDecisionSchema, req.body);
      // A record someone was unsure about takes a verifier; the service checks which it was.
      const can = matchingAbilities(principal);
      const grant = await authoriseTipMatch(
        deps.db,
        principal,
        req.params.id,
        can.decideUnsure ? 'decide_unsure' : 'decide',
      );
      await decideTipMatch(deps, grant, req.params.id, person, decision as (typeof TIP_DECISIONS)[number]);
      return redirect(reply, `/staff/matches/tips/${req.params.id}?done=${decision}`);
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      const view = await tipMatchView(deps, review, req.params.id);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <TipMatchPage
            ctx={ctx}
            view={view}
            can={matchingAbilities(principal)}
            errors={{ _form: Object.values(failure.errors)[0] }}
          />
        ),
        failure.status,
      );
    }
  });

  app.get<IdParams>('/staff/matches/:id', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = await authoriseCandidate(deps.db, principal, req.params.id);
    const view = await candidateView(deps, grant, req.params.id);
    const told = Number((req.query as Record<string, unknown>)?.told) || 0;
    return sendPage(req, reply, (ctx) => (
      <PairPage ctx={ctx} view={view} can={matchingAbilities(principal)} notice={noticeOf(req)} told={told} />
    ));
  });

  app.post<IdParams>('/staff/matches/:id', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const review = await authoriseCandidate(deps.db, principal, req.params.id);
    try {
      const { decision } = parseForm(decisionSchema, req.body);
      const grant = await authoriseDecision(deps.db, principal, req.params.id, decision);
      const { told } = await decide(deps, grant, req.params.id, decision);
      return redirect(reply, `/staff/matches/${req.params.id}?done=${decision}${told ? `&told=${told}` : ''}`);
    } catch (err) {
      const failure = formFailure(err);
      if (!failure) throw err;
      return pairRefused(req, reply, principal, await candidateView(deps, review, req.params.id), failure);
    }
  });

  // Takes a "different" (or any) decision back: the pair returns to the queue, its label is withdrawn.
  app.post<IdParams>('/staff/matches/:id/undo', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = await authoriseUndoDecision(deps.db, principal, req.params.id);
    const { back, record } = undoDecisionSchema.parse(req.body ?? {});
    try {
      await undoDecision(deps, grant, req.params.id);
    } catch (err) {
      // Undone meanwhile by someone else: the pair's page says what it is now, and why.
      const failure = formFailure(err);
      if (!failure) throw err;
      const grant = await authoriseCandidate(deps.db, principal, req.params.id);
      return pairRefused(req, reply, principal, await candidateView(deps, grant, req.params.id), failure);
    }
    if (record) return redirect(reply, `/staff/people/${record}?done=decisionUndone`);
    if (back) return redirect(reply, '/staff/matches?filter=decided&done=decisionUndone');
    return redirect(reply, `/staff/matches/${req.params.id}?done=decisionUndone`);
  });

  app.post<IdParams>('/staff/merges/:id/undo', async (req, reply) => {
    const grant = await authoriseMerge(deps.db, requireStaffPrincipal(req), req.params.id);
    const { candidate, record } = undoSchema.parse(req.body ?? {});
    try {
      await undoMerge(deps, grant, req.params.id);
    } catch (err) {
      // Undone meanwhile by someone else: the page says so, nothing else to do.
      if (!(err instanceof Conflict)) throw err;
    }
    if (record) return redirect(reply, `/staff/people/${record}?done=undone`);
    return redirect(reply, candidate ? `/staff/matches/${candidate}?done=undone` : '/staff/matches');
  });

  app.get<IdParams>('/staff/people/:id', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = await authoriseRecord(deps.db, principal, req.params.id);
    const page = await recordPage(deps, grant, req.params.id);
    const incidents = await incidentsAround(deps.db, [req.params.id]);
    const choices = (await incidentsOf(deps, grant)).map((i) => ({ id: i.id, title: i.title }));
    const done = (req.query as Record<string, unknown>)?.done;
    const notice =
      done === 'undone' || done === 'decisionUndone'
        ? `matching.done.${done}`
        : done === 'linked'
          ? 'cohorts.incidents.done.linked'
          : undefined;
    return sendPage(req, reply, (ctx) => (
      <RecordPageView
        ctx={ctx}
        page={page}
        can={matchingAbilities(principal)}
        incidents={incidents}
        incidentChoices={choices}
        notice={notice}
      />
    ));
  });
};

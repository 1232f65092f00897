import type { AccessWorld } from './world.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { caseInput } from '../../src/cases/cases.fixtures.ts';
import { runMatching } from '../../src/matching/scoring.service.ts';
import { decide, authoriseDecision } from '../../src/matching/review.service.ts';
import { scoreTipPrivately, tipMatchView } from '../../src/matching/tip-matches.service.ts';
import { uploadList } from '../../src/imports/imports.service.ts';
import { addFact, createIncident } from '../../src/cohorts/incidents.service.ts';
import {
  authoriseBoard,
  authoriseOptIn,
  cohortsOfCase,
  postOnBoard,
  setOptIn,
} from '../../src/cohorts/cohorts.service.ts';
import { setBoardName } from '../../src/cohorts/board-names.service.ts';
import { leaveBoard } from '../../src/cohorts/board-members.service.ts';
import { NotFound } from '../../src/shared/errors.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { grantMatching } from '../../src/policy/matching.policy.ts';
import { principalOf, systemPrincipal } from '../../src/policy/principal.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';

// Objects of issue 11 in organisation A for the access matrix: person records, a pending pair and
// a merge, an uploaded list, an incident with a fact, a families' board with a post. Built once
// per world; `fresh*` make a new object for requests that change it.

export interface Issue11Objects {
  personId: string;
  pendingPair: string;
  mergeId: string;
  importId: string;
  incidentId: string;
  factId: string;
  boardId: string;
  postId: string;
  /** a tip that resembled a known record of A (sealed), and that record */
  tipMatchId: string;
  tipMatchPerson: string;
  freshUpload(): Promise<string>;
  freshFact(): Promise<string>;
  /** the author of `postId` (the owner) shows under a name she chose (for its reset) */
  freshName(): Promise<void>;
  /**
   * the other family, whose case is in the board's cohort, is off the board by its own choice (it
   * may come back): so it is, from the start and after each time it came back
   */
  freshLeft(): Promise<void>;
}

const built = new WeakMap<AccessWorld, Promise<Issue11Objects>>();

const build = async (w: AccessWorld): Promise<Issue11Objects> => {
  const db = w.t.opened.db;
  const deps = { db, clock: w.t.clock };
  const staff = principalOf(w.users.verifier.auth);
  // Three requests about one soldier (the owner's "Сазонтьев" is left alone: no page may show it
  // to those who cannot read that case).
  const make = (surname: string, given: string) =>
    openCase(
      deps,
      w.users.otherFamily.auth,
      caseInput(w.orgA.id, { surname, given_name: given, narrative: 'для проверки доступа' }),
    );
  const a = await make('Трофимов', 'Глеб');
  await make('Trofimov', 'Gleb');
  await make('Трофимов', 'Глеб');
  await runMatching(deps, systemPrincipal('scheduler'));
  const pairs = await db
    .selectFrom('match_candidates')
    .select('id')
    .where('organisation_id', '=', w.orgA.id)
    .where('state', '=', 'pending')
    .orderBy('id')
    .execute();
  if (pairs.length < 2) throw new Error(`expected two pairs, found ${pairs.length}`);
  const merged = await decide(deps, await authoriseDecision(db, staff, pairs[1].id, 'same'), pairs[1].id, 'same');
  const person = await db.selectFrom('cases').select('person_id').where('id', '=', a.caseId).executeTakeFirstOrThrow();
  const freshUpload = async () =>
    (
      await uploadList(
        deps,
        grantMatching(staff, 'import'),
        { sourceName: 'Проверка доступа', sourceKind: 'news', verification: 'reported' },
        new TextEncoder().encode(`Фамилия;Имя\nПопов;${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'а')}\n`),
      )
    ).importId;
  const incidentId = await createIncident(deps, grantMatching(staff, 'incident_edit'), {
    title: 'Проверка доступа',
    date: parsePartialDate('2026')!,
  });
  const freshFact = async () => {
    await addFact(deps, grantMatching(staff, 'incident_edit'), incidentId, {
      kind: 'missing',
      date: parsePartialDate('2026')!,
      verification: 'reported',
    });
    const f = await db
      .selectFrom('incident_facts')
      .select('id')
      .where('incident_id', '=', incidentId)
      .orderBy('added_at', 'desc')
      .execute();
    return f[0].id;
  };
  // The owner joins the families of her son's unit on a request of her own that no other spec
  // edits (the world's case is corrected by an allowed edit, which may drop its unit); a board is
  // made and she posts on it.
  const owner = principalOf(w.users.owner.auth);
  const joined = await openCase(
    deps,
    w.users.owner.auth,
    caseInput(w.orgA.id, { surname: 'Лаптев', unit_number: 'в/ч 54321', narrative: 'когорта' }),
  );
  await setOptIn(deps, await authoriseOptIn(db, owner, joined.caseId), { optIn: true });
  const cohorts = await cohortsOfCase(deps, await authoriseCase(db, owner, joined.caseId, 'read'));
  const boardId = cohorts.cohorts[0].boardId!;
  await postOnBoard(
    deps,
    await authoriseBoard(db, principalOf(w.users.owner.auth), boardId, 'post'),
    'Есть кто из роты связи?',
  );
  const post = await db
    .selectFrom('cohort_posts')
    .select('id')
    .where('board_id', '=', boardId)
    .executeTakeFirstOrThrow();
  // A tip about Трофимов Глеб: scored, sealed, in A's queue of tips.
  await scoreTipPrivately(deps, {
    tipId: '00000000-0000-4000-8000-0000000071f5',
    organisationId: w.orgA.id,
    person: { surname: 'Trofimov', given_name: 'Gleb' },
  });
  const tipRow = await db
    .selectFrom('tip_matches')
    .select('id')
    .where('organisation_id', '=', w.orgA.id)
    .executeTakeFirstOrThrow();
  const tipView = await tipMatchView(deps, grantMatching(staff, 'review'), tipRow.id);
  // The other family has a case in the same unit, joined the board and left it on its own: only
  // it may come back (the owner, on the board, has nothing to come back to).
  const other = principalOf(w.users.otherFamily.auth);
  const hers = await openCase(
    deps,
    w.users.otherFamily.auth,
    caseInput(w.orgA.id, { surname: 'Ершова', given_name: 'Зоя', unit_number: 'в/ч 54321', narrative: 'когорта' }),
  );
  await setOptIn(deps, await authoriseOptIn(db, other, hers.caseId), { optIn: true });
  const freshLeft = async () => {
    try {
      await leaveBoard(deps, await authoriseBoard(db, other, boardId, 'leave'), { hidePosts: false });
    } catch (err) {
      // Off the board already: nothing to do.
      if (!(err instanceof NotFound)) throw err;
    }
  };
  await freshLeft();
  let names = 0;
  return {
    personId: person.person_id,
    tipMatchId: tipRow.id,
    tipMatchPerson: tipView.candidates[0].personId,
    pendingPair: pairs[0].id,
    mergeId: merged.mergeId!,
    importId: await freshUpload(),
    incidentId,
    factId: await freshFact(),
    boardId,
    postId: post.id,
    freshUpload,
    freshFact,
    freshLeft,
    // A new name each time: a name staff reset may not be chosen again by the same family.
    freshName: async () => {
      names += 1;
      await setBoardName(deps, await authoriseBoard(db, owner, boardId, 'name'), `Мама из Шахт ${names}`);
    },
  };
};

export const issue11 = (w: AccessWorld): Promise<Issue11Objects> => {
  let p = built.get(w);
  if (!p) {
    p = build(w);
    built.set(w, p);
  }
  return p;
};

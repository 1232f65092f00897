import { randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { orgDay, isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { DecryptionFailed, openOptional, seal } from '../shared/crypto/index.ts';
import {
  lockOrganisation,
  organisationPrivateKey,
  staffOfOrganisation,
  userPublicKey,
} from '../accounts/accounts.service.ts';
import {
  clusterMembers,
  clusterOf,
  cohortFieldsOf,
  getRecords,
  setCohortDetails,
} from '../people/person-records.service.ts';
import { caseRefs, type CaseRef } from '../cases/case-links.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import {
  boardAbilities,
  grantBoard,
  mayOptIn,
  type BoardAbilities,
  type BoardAction,
  type BoardGrant,
  type BoardsGrant,
} from '../policy/cohort.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { boardKeyFor, newBoardKey, openBoardKey, postAad, wrapBoardKey } from './cohort-keys.ts';
import {
  deleteOptIn,
  findBoard,
  findBoardByKey,
  findOptIn,
  findPost,
  findWrap,
  insertBoard,
  insertOptIn,
  insertPost,
  insertExits,
  insertWrap,
  listBoards,
  listExitsOfFamily,
  listExitsOfOrganisation,
  listOptInCases,
  listPosts,
  listWrappedCases,
  listWrappedCasesOfOrganisation,
  listWrapsOfCase,
  lockBoardRow,
  nextPostSeq,
  setPostHidden,
} from './cohorts.repository.ts';
import { incidentLinksOf, incidentTitles } from './incidents.service.ts';
import { familyNamesOn, pendingNameReset, type BoardFamily, type FamilyName } from './board-names.service.ts';
import { auditCohort } from './cohorts.audit.ts';
import { warningNeeded } from './opt-in-warning.ts';
import {
  keyFromWrap,
  keyUnchanged,
  keyWithoutLostCopies,
  lockedBoardKey,
  rotateBoardKey,
} from './board-key-rotation.ts';
import { isUuid } from '../shared/ids.ts';

// Cohorts: the families whose soldiers share a unit (by its number, or its formation), a penal
// colony (convict recruits), a mobilisation wave and region (the mobilised), or an incident. A
// family opts in on its case; it then sees how many other opted-in families share each cohort —
// never who — and may post on the cohort's board under a name of that board alone, never its
// login pseudonym (family-names.ts). Boards belong to one organisation: its staff read and
// moderate them; families of another organisation are another cohort. Posts are sealed with the
// board's key (cohort-keys.ts).

export interface CohortsDeps {
  db: Db;
  clock: Clock;
  /** the calendar that dates what families do and see (orgDay) */
  config?: { timeZone?: string };
}

export type CohortKind = 'unit' | 'formation' | 'colony' | 'mobilised' | 'incident';

export interface Cohort {
  key: string;
  kind: CohortKind;
  /** what identifies it: a unit number, a formation, "RU-PER:6", "2022-09 RU-ROS", an incident's title */
  value: string;
  region: string | null;
}

type CohortFields = Awaited<ReturnType<typeof cohortFieldsOf>>[number];

/**
 * A mobilisation wave as an ISO month ("2022-09") or year ("2022"). Also reads the text as typed
 * ("09.2022"), which is what the opt-in form stored before it kept the ISO value.
 */
export const waveOf = (text: string | null): string | null => {
  const d = text ? parsePartialDate(text) : null;
  return d ? d.value.slice(0, 7) : null;
};

/** The cohorts a record belongs to (plus the incidents linked to its cluster). */
export const cohortsOfFields = (f: CohortFields, incidents: Array<{ id: string; title: string }>): Cohort[] => {
  const out: Cohort[] = [];
  if (f.unit_number_key)
    out.push({ key: `unit:${f.unit_number_key}`, kind: 'unit', value: f.unit_number_key, region: null });
  if (f.unit_formation_key)
    out.push({
      key: `formation:${f.unit_formation_key}`,
      kind: 'formation',
      value: f.unit_formation_key,
      region: null,
    });
  if (f.service_category === 'convict_recruit' && f.colony_key) {
    const [region, colony] = f.colony_key.split(':');
    out.push({ key: `colony:${f.colony_key}`, kind: 'colony', value: colony, region: region === '?' ? null : region });
  }
  const wave = waveOf(f.mobilisation_wave);
  if (f.service_category === 'mobilised' && wave && f.region_code)
    out.push({ key: `mobilised:${wave}:${f.region_code}`, kind: 'mobilised', value: wave, region: f.region_code });
  for (const i of incidents) out.push({ key: `incident:${i.id}`, kind: 'incident', value: i.title, region: null });
  return out;
};

interface Member extends CaseRef {
  cohorts: Cohort[];
}

/** The cohorts of some cases (their records' fields and their clusters' incidents). */
const cohortsOfCases = async (db: Queryable, refs: CaseRef[]): Promise<Member[]> => {
  if (refs.length === 0) return [];
  const fields = new Map(
    (
      await cohortFieldsOf(
        db,
        refs.map((r) => r.personId),
      )
    ).map((f) => [f.id, f]),
  );
  const records = await getRecords(
    db,
    refs.map((r) => r.personId),
  );
  const around = new Map<string, string[]>();
  for (const r of refs) {
    const rec = records.get(r.personId);
    around.set(
      r.personId,
      rec?.cluster_id ? (await clusterMembers(db, clusterOf(rec))).map((m) => m.id) : [r.personId],
    );
  }
  const links = await incidentLinksOf(db, [...new Set([...around.values()].flat())]);
  const titles = await incidentTitles(db, [...new Set(links.map((l) => l.incident_id))]);
  return refs.flatMap((r) => {
    const f = fields.get(r.personId);
    if (!f) return [];
    const members = new Set(around.get(r.personId));
    const incidents = [...new Set(links.filter((l) => members.has(l.person_id)).map((l) => l.incident_id))].map(
      (id) => ({
        id,
        title: titles.get(id) ?? '',
      }),
    );
    return [{ ...r, cohorts: cohortsOfFields(f, incidents) }];
  });
};

/** Every active, opted-in case of an organisation with its cohorts. */
const membersOf = async (db: Queryable, organisationId: string): Promise<Member[]> => {
  const refs = (await caseRefs(db, await listOptInCases(db, organisationId))).filter(
    (r) => r.active && r.organisationId === organisationId,
  );
  return cohortsOfCases(db, refs);
};

/** A family off one board (board-members.service.ts): it left on its own, or staff removed it. */
export interface BoardExit {
  /** one of its rows, to name it in a form (staff letting it back) */
  id: string;
  side: 'family' | 'staff';
  reason: string | null;
  /** the day it left or was removed */
  on: string;
  /** the cases through which it was there (its label and name went with one of them) */
  caseIds: string[];
}

type ExitRow = { id: string; user_id: string; case_id: string; side: string; reason: string | null; left_on: string };

/** Per account, whether it is off the board: staff's removal outweighs the family's own leaving. */
const exitsByFamily = (rows: ExitRow[]): Map<string, BoardExit> => {
  const out = new Map<string, BoardExit>();
  for (const r of rows) {
    const have = out.get(r.user_id);
    const side = r.side === 'staff' ? 'staff' : 'family';
    if (!have) out.set(r.user_id, { id: r.id, side, reason: r.reason, on: r.left_on, caseIds: [r.case_id] });
    else {
      have.caseIds.push(r.case_id);
      if (side === 'staff' && have.side !== 'staff')
        Object.assign(have, { id: r.id, side, reason: r.reason, on: r.left_on });
    }
  }
  return out;
};

/** The families off each board of an organisation, by board and account. */
const exitsOfOrganisation = async (db: Queryable, organisationId: string) => {
  const byBoard = new Map<string, ExitRow[]>();
  for (const r of await listExitsOfOrganisation(db, organisationId))
    byBoard.set(r.board_id, [...(byBoard.get(r.board_id) ?? []), r]);
  return new Map([...byBoard].map(([board, rows]) => [board, exitsByFamily(rows)]));
};

/** The members of one board: in its cohort, and not off it. */
const onBoard = (members: Member[], cohortKey: string, off: Map<string, BoardExit> | undefined): Member[] =>
  members.filter((m) => m.cohorts.some((c) => c.key === cohortKey) && !off?.has(m.requesterUserId));

/**
 * A family's active, opted-in cases in a board's cohort, whether it is on the board or off it
 * (board-members.service.ts): the cases through which it is there, or would be.
 */
export const familyCasesInCohort = async (
  db: Queryable,
  board: { organisation_id: string; cohort_key: string },
  userId: string,
): Promise<string[]> =>
  (await membersOf(db, board.organisation_id))
    .filter((m) => m.requesterUserId === userId && m.cohorts.some((c) => c.key === board.cohort_key))
    .map((m) => m.caseId);

/** A case of the board's organisation whose person belongs to the board's cohort (opted in or not). */
export const caseOfCohort = async (
  db: Queryable,
  board: { organisation_id: string; cohort_key: string },
  caseId: string,
): Promise<CaseRef | undefined> => {
  const [ref] = isUuid(caseId) ? await caseRefs(db, [caseId]) : [];
  if (!ref || ref.organisationId !== board.organisation_id) return undefined;
  const [me] = await cohortsOfCases(db, [ref]);
  return me?.cohorts.some((c) => c.key === board.cohort_key) ? ref : undefined;
};

/** Whether a family is off a board, and how. */
export const exitOf = async (db: Queryable, boardId: string, userId: string): Promise<BoardExit | undefined> =>
  exitsByFamily((await listExitsOfFamily(db, boardId, userId)).map((r) => ({ ...r, user_id: userId }))).get(userId);

// ---- a family's setting on its case ----------------------------------------------------------

export interface OptInGrant {
  caseId: string;
  personId: string;
  organisationId: string;
  userId: string;
  userPrivateKey: Buffer;
}

/** Whether the principal may change the cohort setting of this case (the requesting family). */
export const authoriseOptIn = async (db: Queryable, principal: Principal, caseId: string): Promise<OptInGrant> => {
  const [ref] = await caseRefs(db, [caseId]);
  if (!ref || !mayOptIn(principal, { caseId, requesterUserId: ref.requesterUserId, active: ref.active }))
    throw new NotFound('case');
  const auth = principal.kind === 'account' ? principal.auth : null;
  return {
    caseId,
    personId: ref.personId,
    organisationId: ref.organisationId,
    userId: ref.requesterUserId,
    userPrivateKey: auth!.userPrivateKey,
  };
};

/**
 * A board for the cohort, created sealed to the organisation when it has none yet. A family's
 * opt-in makes it: its day (`day`), as the family's activity is kept, never the second.
 */
const boardFor = async (tx: Tx, organisationId: string, cohortKey: string, day: string) => {
  const existing = await findBoardByKey(tx, organisationId, cohortKey);
  if (existing) return { board: existing, key: null as Buffer | null };
  const id = randomUUID();
  const made = newBoardKey(id, await lockOrganisation(tx, organisationId, 'share'));
  const row = { id, organisation_id: organisationId, cohort_key: cohortKey, key_sealed: made.sealed, created_at: day };
  await insertBoard(tx, row);
  return { board: { ...row, label_root_sealed: null }, key: made.key };
};

/**
 * Opts a case in (with the colony and mobilisation wave the cohorts need) or out. Opting out
 * removes the family's keys to every board; its posts stay until its case is purged.
 * `understood` is the form's tick under the warning: refused when the save needs it.
 */
export const setOptIn = async (
  deps: CohortsDeps,
  grant: OptInGrant,
  input: { optIn: boolean; colony?: string; mobilisationWave?: string; understood?: boolean },
): Promise<void> => {
  const at = isoNow(deps.clock);
  const who = { userId: grant.userId, role: 'family', organisationId: grant.organisationId };
  await deps.db.transaction().execute(async (tx) => {
    if (!input.optIn) {
      if (await findOptIn(tx, grant.caseId)) {
        // The keys the family held, opened before its copies go: each board's is then replaced.
        const held = (await listWrapsOfCase(tx, grant.caseId)).map((w) => ({
          boardId: w.board_id,
          key: keyFromWrap(w.board_id, w.wrapped, grant.userPrivateKey),
        }));
        await deleteOptIn(tx, grant.caseId);
        for (const { boardId, key } of held) {
          if (!key) continue;
          await lockBoardRow(tx, boardId);
          const board = await findBoard(tx, boardId);
          if (board) await rotateBoardKey(tx, board, key);
        }
        await auditCohort(tx, who, 'cohort.opted_out', at, grant.caseId);
      }
      return;
    }
    const refs = (await caseRefs(tx, [grant.caseId])) as CaseRef[];
    const wasIn = (await findOptIn(tx, grant.caseId)) !== undefined;
    const before = wasIn ? ((await cohortsOfCases(tx, refs))[0]?.cohorts ?? []) : [];
    await setCohortDetails(tx, grant.personId, {
      colony: input.colony ?? null,
      mobilisationWave: input.mobilisationWave ?? null,
    });
    const [me] = await cohortsOfCases(tx, refs);
    // The form's tick, when the save needs it (opt-in-warning.ts); thrown inside the transaction,
    // so the details just written go back with it. Callers with no form (seeds) send no tick.
    if (input.understood === false && warningNeeded(wasIn, before, me?.cohorts ?? []))
      throw new Invalid({ field: 'understood', key: 'cohorts.errors.understood' });
    if (!wasIn) {
      await insertOptIn(tx, {
        case_id: grant.caseId,
        organisation_id: grant.organisationId,
        opted_in_on: orgDay(deps),
      });
      await auditCohort(tx, who, 'cohort.opted_in', at, grant.caseId);
    }
    const publicKey = await userPublicKey(tx, grant.userId);
    for (const c of me?.cohorts ?? []) {
      const { board, key } = await boardFor(tx, grant.organisationId, c.key, orgDay(deps));
      // A family off this board stays off it through this case too: a new case, or opting in
      // again, does not bring back a family staff removed; and this case's row keeps it off
      // should the earlier case be purged first.
      const off = await exitOf(tx, board.id, grant.userId);
      if (off) {
        if (!off.caseIds.includes(grant.caseId))
          await insertExits(tx, [
            {
              id: randomUUID(),
              board_id: board.id,
              user_id: grant.userId,
              case_id: grant.caseId,
              side: off.side,
              reason: off.reason,
              left_on: off.on,
            },
          ]);
        continue;
      }
      // A board made now: its key is here, so the family gets its copy at once. On an older
      // board the next holder to open it (staff, or a family already in) hands it over.
      if (key && !(await findWrap(tx, board.id, grant.caseId)))
        await insertWrap(tx, {
          board_id: board.id,
          case_id: grant.caseId,
          user_id: grant.userId,
          wrapped: wrapBoardKey(board.id, key, publicKey),
        });
    }
  });
};

export interface CaseCohort extends Cohort {
  /** other opted-in families of this organisation in the cohort */
  others: number;
  boardId: string | null;
  /** the family's key to the board is there (false: waiting for staff or a member to hand it over) */
  ready: boolean;
  /** the case's family is off this board: it left on its own, or staff removed it; the day */
  off: { side: 'family' | 'staff'; on: string } | null;
}

export interface CaseCohorts {
  optedIn: boolean;
  /** the family may change the setting (its own active case) */
  canChange: boolean;
  /** staff may remove the case's family from its boards (on the board's own page, confirmed) */
  canRemove: boolean;
  colony: string | null;
  mobilisationWave: string | null;
  serviceCategory: string;
  /** counts are shown to an opted-in family and to staff */
  cohorts: CaseCohort[];
}

/**
 * Hands the board key to every opted-in family of the board that has none yet: whoever opens the
 * board and holds its key (staff, or a family already in) does it, so nobody waits for long.
 */
const handOver = async (
  tx: Tx,
  board: { id: string; cohort_key: string; organisation_id: string },
  key: Buffer,
  members: Member[],
) => {
  const have = await listWrappedCases(tx, board.id);
  let handed = 0;
  for (const m of members)
    if (m.cohorts.some((c) => c.key === board.cohort_key) && !have.has(m.caseId)) {
      await insertWrap(tx, {
        board_id: board.id,
        case_id: m.caseId,
        user_id: m.requesterUserId,
        wrapped: wrapBoardKey(board.id, key, await userPublicKey(tx, m.requesterUserId)),
      });
      handed++;
    }
  return handed;
};

/**
 * Whoever opened a board with its key hands that key to the board's waiting families. Not with a
 * key replaced since it was read (the next page hands over the new one); a copy that went with
 * its destroyed case has the key replaced before anyone is handed it. The board and key as they
 * are after it.
 */
type BoardRow = NonNullable<Awaited<ReturnType<typeof findBoard>>>;

const openToWaiting = async (
  db: Db,
  read: BoardRow,
  opened: Buffer,
  members: Member[],
): Promise<{ board: BoardRow; key: Buffer; handed: number }> => {
  let after = { board: read, key: opened, handed: 0 };
  await db.transaction().execute(async (tx) => {
    await lockBoardRow(tx, read.id);
    if (!(await keyUnchanged(tx, read.id, read.key_sealed))) return;
    const { board, key } = await keyWithoutLostCopies(tx, read, opened);
    after = { board, key, handed: members.length ? await handOver(tx, board, key, members) : 0 };
  });
  return after;
};

/**
 * Staff let in every family waiting for a board of their organisation, from their queue and the
 * boards list. A family whose copy of a board's key waits for a holder was otherwise let in only
 * when staff opened her case or the board, or another family opened it: one that joined an older
 * board alone waited until someone happened by. Boards nobody waits for are not touched. The
 * number of copies handed over.
 */
export const letWaitingFamiliesIn = async (deps: CohortsDeps, grant: BoardsGrant): Promise<number> => {
  const members = await membersOf(deps.db, grant.organisationId);
  if (members.length === 0) return 0;
  const exits = await exitsOfOrganisation(deps.db, grant.organisationId);
  let orgKey: Buffer | null = null;
  let handed = 0;
  const boards = await listBoards(deps.db, grant.organisationId);
  // Which families hold a copy, for every board at once: most visits find nobody waiting.
  const copies = await listWrappedCasesOfOrganisation(deps.db, grant.organisationId);
  for (const board of boards) {
    const on = onBoard(members, board.cohort_key, exits.get(board.id));
    const have = copies.get(board.id) ?? new Set<string>();
    if (!on.some((m) => !have.has(m.caseId))) continue;
    orgKey ??= await organisationPrivateKey(deps.db, grant.auth, grant.organisationId);
    handed += (await openToWaiting(deps.db, board, openBoardKey(board.id, board.key_sealed, orgKey), on)).handed;
  }
  return handed;
};

/** What the case page shows about cohorts, for the family or the staff. */
export const cohortsOfCase = async (deps: CohortsDeps, grant: CaseGrant): Promise<CaseCohorts> => {
  const [ref] = await caseRefs(deps.db, [grant.caseId]);
  if (!ref) throw new NotFound('case');
  const optedIn = (await findOptIn(deps.db, grant.caseId)) !== undefined;
  const [me] = await cohortsOfCases(deps.db, [ref]);
  const [f] = await cohortFieldsOf(deps.db, [ref.personId]);
  const records = await getRecords(deps.db, [ref.personId]);
  const rec = records.get(ref.personId);
  const staff = grant.side === 'staff';
  const showCounts = staff || optedIn;
  const members = showCounts ? await membersOf(deps.db, grant.organisationId) : [];
  const boards = new Map((await listBoards(deps.db, grant.organisationId)).map((b) => [b.cohort_key, b]));
  const exits = await exitsOfOrganisation(deps.db, grant.organisationId);
  const cohorts: CaseCohort[] = [];
  for (const c of me?.cohorts ?? []) {
    const board = boards.get(c.key) ?? null;
    const off = board ? exits.get(board.id) : undefined;
    const mine = off?.get(ref.requesterUserId);
    const ready = board && !mine ? staff || (await findWrap(deps.db, board.id, grant.caseId)) !== undefined : false;
    cohorts.push({
      ...c,
      // Counted as the board counts them: a family off the board is not one of them.
      others: (board
        ? onBoard(members, c.key, off)
        : members.filter((m) => m.cohorts.some((x) => x.key === c.key))
      ).filter((m) => m.caseId !== grant.caseId).length,
      boardId: board?.id ?? null,
      ready,
      off: mine ? { side: mine.side, on: mine.on } : null,
    });
  }
  // Staff opening a case hand its family (and any other waiting member) the keys of its boards.
  if (staff && members.length) {
    const orgKey = await organisationPrivateKey(deps.db, grant.auth, grant.organisationId);
    await deps.db.transaction().execute(async (tx) => {
      for (const c of cohorts) {
        const board = c.boardId ? boards.get(c.key) : undefined;
        if (!board) continue;
        await lockBoardRow(tx, board.id);
        if (await keyUnchanged(tx, board.id, board.key_sealed))
          await handOver(
            tx,
            board,
            openBoardKey(board.id, board.key_sealed, orgKey),
            onBoard(members, board.cohort_key, exits.get(board.id)),
          );
      }
    });
  }
  return {
    optedIn,
    canChange: grant.side === 'family' && ref.active,
    canRemove: staff,
    colony: rec?.colony ?? null,
    mobilisationWave: rec?.mobilisation_wave ?? null,
    serviceCategory: f?.service_category ?? 'unknown',
    cohorts: showCounts ? cohorts : cohorts.map((c) => ({ ...c, others: 0 })),
  };
};

// ---- boards ---------------------------------------------------------------------------------

/** The grant to a board: its organisation's staff, or a family with an opted-in case in it. */
export const authoriseBoard = async <A extends BoardAction>(
  db: Queryable,
  principal: Principal,
  boardId: string,
  action: A,
): Promise<BoardGrant<A>> => {
  const board = isUuid(boardId) ? await findBoard(db, boardId) : undefined;
  if (!board) throw new NotFound('board');
  let memberCaseIds: string[] = [];
  let leftCaseIds: string[] = [];
  if (principal.kind === 'account' && principal.auth.role === 'family') {
    const cases = await familyCasesInCohort(db, board, principal.auth.userId);
    const off = cases.length ? await exitOf(db, board.id, principal.auth.userId) : undefined;
    memberCaseIds = off ? [] : cases;
    leftCaseIds = off?.side === 'family' ? cases : [];
  }
  return grantBoard(principal, { boardId, organisationId: board.organisation_id, memberCaseIds, leftCaseIds }, action);
};

export interface BoardPost {
  id: string;
  fromFamily: boolean;
  /** a family's name on this board: never its login pseudonym (family-names.ts) */
  family: FamilyName | null;
  /** a staff member's pseudonym, for staff only (families read "the organisation") */
  author: string | null;
  /** the reader's own post */
  mine: boolean;
  body: string | null;
  on: string;
  hidden: { reason: string; at: string } | null;
  /** staff may remove the family that wrote it from the board (not already removed) */
  removable: boolean;
}

export interface BoardView {
  id: string;
  /** the reading family's request, through which it is on the board (null for staff) */
  caseId: string | null;
  cohort: Cohort;
  /** opted-in families in the cohort (for staff: how many the board serves) */
  families: number;
  locked: boolean;
  posts: BoardPost[];
  /** how the reading family shows on this board (null for staff, and while the board is locked) */
  me: FamilyName | null;
  /** the day staff reset the reading family's name here, until it saves a name again (else null) */
  myNameResetOn: string | null;
  /** for staff: the families they removed from the board, to let one back (empty for families) */
  removed: Array<{ exitId: string; family: FamilyName | null; on: string; reason: string }>;
  can: BoardAbilities;
}

export const cohortOfKey = async (db: Queryable, key: string): Promise<Cohort> => {
  const [kind, ...rest] = key.split(':');
  if (kind === 'incident') {
    const id = rest.join(':');
    return { key, kind: 'incident', value: (await incidentTitles(db, [id])).get(id) ?? '', region: null };
  }
  if (kind === 'colony') return { key, kind: 'colony', value: rest[1] ?? '', region: rest[0] === '?' ? null : rest[0] };
  if (kind === 'mobilised') return { key, kind: 'mobilised', value: rest[0], region: rest[1] ?? null };
  return { key, kind: kind as CohortKind, value: rest.join(':'), region: null };
};

export const boardView = async (deps: CohortsDeps, grant: BoardGrant<'read'>): Promise<BoardView> => {
  const found = await findBoard(deps.db, grant.boardId);
  if (!found) throw new NotFound('board');
  let board = found;
  let key = await boardKeyFor(deps.db, grant, board);
  const off = (await exitsOfOrganisation(deps.db, board.organisation_id)).get(board.id) ?? new Map<string, BoardExit>();
  const members = onBoard(await membersOf(deps.db, board.organisation_id), board.cohort_key, off);
  if (key) ({ board, key } = await openToWaiting(deps.db, board, key, members));
  const can = boardAbilities(grant);
  // Staff see the families they removed, to let one back; families see none of it.
  const removed = can.removeFamilies ? [...off].filter(([, e]) => e.side === 'staff') : [];
  const rows = key ? await listPosts(deps.db, board.id) : [];
  const reader = grant.side === 'family' ? grant.auth.userId : null;
  // Families in the order they first posted, the reading family last: a family the board shows
  // for the first time is given its label in that order, and keeps it.
  const shown: BoardFamily[] = [
    ...rows.flatMap((r) => (r.from_family === 1 && r.case_id ? [{ userId: r.author_user_id, caseId: r.case_id }] : [])),
    ...(grant.side === 'family' ? [{ userId: grant.auth.userId, caseId: grant.caseId }] : []),
    ...removed.map(([userId, e]) => ({ userId, caseId: e.caseIds[0] })),
  ];
  const families = key ? await familyNamesOn(deps.db, board, key, shown) : new Map<string, FamilyName>();
  const staffNames = can.seeStaffNames
    ? new Map((await staffOfOrganisation(deps.db, board.organisation_id)).map((s) => [s.id, s.pseudonym]))
    : new Map<string, string>();
  const posts = rows.map((r): BoardPost => {
    const hidden = r.hidden_at ? { reason: r.hidden_reason ?? 'other', at: r.hidden_at } : null;
    let body: string | null = null;
    if (!hidden || can.seeHidden) {
      try {
        body = openOptional(key as Buffer, r.body_sealed, postAad(board.id, r.id));
      } catch (err) {
        if (!(err instanceof DecryptionFailed)) throw err;
      }
    }
    return {
      id: r.id,
      fromFamily: r.from_family === 1,
      family: r.from_family === 1 ? (families.get(r.author_user_id) ?? null) : null,
      author: r.from_family === 1 ? null : (staffNames.get(r.author_user_id) ?? null),
      mine: r.author_user_id === grant.auth.userId,
      body,
      on: r.created_on,
      hidden,
      removable: can.removeFamilies && r.from_family === 1 && off.get(r.author_user_id)?.side !== 'staff',
    };
  });
  return {
    id: board.id,
    caseId: grant.caseId,
    cohort: await cohortOfKey(deps.db, board.cohort_key),
    families: members.length,
    locked: key === null,
    posts,
    me: reader ? (families.get(reader) ?? null) : null,
    myNameResetOn: reader && key ? await pendingNameReset(deps.db, board.id, reader) : null,
    removed: removed.map(([userId, e]) => ({
      exitId: e.id,
      family: families.get(userId) ?? null,
      on: e.on,
      reason: e.reason ?? 'other',
    })),
    can,
  };
};

export const postOnBoard = async (deps: CohortsDeps, grant: BoardGrant<'post'>, body: string): Promise<void> => {
  const board = await findBoard(deps.db, grant.boardId);
  if (!board) throw new NotFound('board');
  const family = grant.side === 'family';
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    // The key as it is under the lock: a family's leaving may have replaced it meanwhile.
    const { key } = await lockedBoardKey(tx, grant, board.id);
    if (!key) throw new Invalid({ field: 'body', key: 'cohorts.errors.noKeyYet' });
    const id = randomUUID();
    await insertPost(tx, {
      id,
      board_id: board.id,
      seq: await nextPostSeq(tx, board.id),
      case_id: grant.caseId,
      author_user_id: grant.auth.userId,
      from_family: family ? 1 : 0,
      body_sealed: seal(key, body, postAad(board.id, id)),
      // A family's activity is kept to the day (threat model).
      created_on: family ? orgDay(deps) : at,
    });
    await auditCohort(
      tx,
      { userId: grant.auth.userId, role: grant.auth.role, organisationId: board.organisation_id },
      'cohort.posted',
      at,
      null,
    );
  });
};

export const HIDE_REASONS = ['personal_data', 'threat', 'informer', 'spam', 'off_topic', 'other'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

export const moderatePost = async (
  deps: CohortsDeps,
  grant: BoardGrant<'moderate'>,
  postId: string,
  hide: { reason: HideReason } | null,
): Promise<void> => {
  const at = isoNow(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    const post = isUuid(postId) ? await findPost(tx, postId) : undefined;
    if (!post || post.board_id !== grant.boardId) throw new NotFound('post');
    if (!(await setPostHidden(tx, postId, hide ? { reason: hide.reason, by: grant.auth.userId, at } : null)))
      throw new Conflict(hide ? 'cohorts.errors.alreadyHidden' : 'cohorts.errors.notHidden');
    await auditCohort(
      tx,
      { userId: grant.auth.userId, role: grant.auth.role, organisationId: grant.organisationId },
      hide ? 'cohort.post_hidden' : 'cohort.post_restored',
      at,
      null,
      // the board, never the post: the audit page links to the board for those who may read it
      grant.boardId,
    );
  });
};

export interface BoardSummary {
  id: string;
  cohort: Cohort;
  families: number;
  posts: number;
}

/** Staff: the organisation's boards with how many opted-in families each serves. */
export const boardsOf = async (deps: CohortsDeps, organisationId: string): Promise<BoardSummary[]> => {
  const members = await membersOf(deps.db, organisationId);
  const exits = await exitsOfOrganisation(deps.db, organisationId);
  const out: BoardSummary[] = [];
  for (const b of await listBoards(deps.db, organisationId))
    out.push({
      id: b.id,
      cohort: await cohortOfKey(deps.db, b.cohort_key),
      families: onBoard(members, b.cohort_key, exits.get(b.id)).length,
      posts: (await listPosts(deps.db, b.id)).length,
    });
  return out;
};

import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { destroyCase } from '../cases/retention.service.ts';
import { takeNews } from '../cases/case-news.service.ts';
import { rotateOrganisationKey } from '../accounts/org-key-rotation.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { DecryptionFailed, openWith } from '../shared/crypto/index.ts';
import { resetBoardName, setBoardName } from './board-names.service.ts';
import { resetNameAad } from './cohort-keys.ts';
import {
  authoriseBoard,
  authoriseOptIn,
  boardView,
  cohortsOfCase,
  moderatePost,
  postOnBoard,
  setOptIn,
} from './cohorts.service.ts';
import { addFact, addSource, createIncident, incidentPage, incidentsAround, linkPerson } from './incidents.service.ts';

// Cohorts and incidents below the web, on both databases: opting in, counts without names, a
// board sealed to its families and the organisation, keys handed over, moderation, incidents
// linked to persons telling every family of a confirmed fact, and all of it surviving a rotation
// of the organisation key.

describe.each(DIALECTS)('cohorts and incidents (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const ids = {} as { third: string; board: string; incident: string; label: string };

  it('counts the other opted-in families of a unit, never naming them, and hands over the board key', async () => {
    // The world's two cases share the unit в/ч 12345; a third family joins them.
    const third = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Орлов', narrative: 'третья' }),
    );
    ids.third = third.caseId;
    const before = await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(before.optedIn).toBe(false);
    // "155-я бригада" names no formation type: only the unit number makes a cohort.
    expect(before.cohorts.map((c) => c.key)).toEqual(['unit:12345']);
    expect(before.cohorts[0].others).toBe(0);
    await setOptIn(deps(), await authoriseOptIn(s.t.opened.db, principalOf(s.w.family.auth), s.w.caseId), {
      optIn: true,
    });
    await setOptIn(deps(), await authoriseOptIn(s.t.opened.db, principalOf(s.w.otherFamily.auth), third.caseId), {
      optIn: true,
    });
    const mine = await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(mine.cohorts[0]).toMatchObject({ key: 'unit:12345', others: 1, ready: true });
    ids.board = mine.cohorts[0].boardId!;
    // The family that opted in first made the board: its row keeps the day, as the family's own
    // records do (cohort_optins), not the second it opted in.
    const board = await s.t.opened.db
      .selectFrom('cohort_boards')
      .select('created_at')
      .where('id', '=', ids.board)
      .executeTakeFirstOrThrow();
    expect(board.created_at).toBe(s.t.clock.now().toISOString().slice(0, 10));
    // The second family joined an existing board: its copy of the key waits for a holder.
    const theirs = await cohortsOfCase(deps(), await grantFor(s.t, s.w.otherFamily, third.caseId, 'read'));
    expect(theirs.cohorts[0]).toMatchObject({ others: 1, ready: false });
    await cohortsOfCase(deps(), await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'));
    const after = await cohortsOfCase(deps(), await grantFor(s.t, s.w.otherFamily, third.caseId, 'read'));
    expect(after.cohorts[0].ready).toBe(true);
    // Staff cannot opt a family in; the family of another case cannot either.
    await expect(authoriseOptIn(s.t.opened.db, principalOf(s.w.caseworker.auth), s.w.caseId)).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(authoriseOptIn(s.t.opened.db, principalOf(s.w.otherFamily.auth), s.w.caseId)).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('lets the cohort families and the staff read the board, sealed; nobody else', async () => {
    const family = principalOf(s.w.family.auth);
    await postOnBoard(
      deps(),
      await authoriseBoard(s.t.opened.db, family, ids.board, 'post'),
      'Кто-нибудь знает про роту связи?',
    );
    const other = await boardView(
      deps(),
      await authoriseBoard(s.t.opened.db, principalOf(s.w.otherFamily.auth), ids.board, 'read'),
    );
    // Never under the login pseudonym (an informer could guess the account or lock it): under
    // the board's label for the family, the same for every reader of the board.
    expect(other.posts.map((p) => [p.family?.chosen, p.author, p.mine, p.body])).toEqual([
      [null, null, false, 'Кто-нибудь знает про роту связи?'],
    ]);
    expect(other.posts[0].family?.label).toMatch(/^[1-9]\d{3}$/);
    expect(JSON.stringify(other)).not.toContain(s.w.family.pseudonym);
    ids.label = other.posts[0].family!.label;
    const own = await boardView(deps(), await authoriseBoard(s.t.opened.db, family, ids.board, 'read'));
    expect(own.me).toEqual({ label: ids.label, chosen: null });
    expect(own.posts[0]).toMatchObject({ mine: true, family: { label: ids.label } });
    // The other family has a label of its own before it has posted.
    expect(other.me?.label).toMatch(/^[1-9]\d{3}$/);
    expect(other.me?.label).not.toBe(ids.label);
    const raw = await s.t.opened.db.selectFrom('cohort_posts').select(['body_sealed', 'created_on']).execute();
    expect(raw[0].body_sealed).not.toContain('роту');
    expect(raw[0].created_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const staff = await authoriseBoard(s.t.opened.db, principalOf(s.w.caseworker.auth), ids.board, 'post');
    await postOnBoard(deps(), staff, 'Мы направили запрос в часть.');
    const seen = await boardView(deps(), await authoriseBoard(s.t.opened.db, family, ids.board, 'read'));
    // A family reads the organisation's post without the staff member's pseudonym.
    expect(seen.posts[1]).toMatchObject({ fromFamily: false, author: null, body: 'Мы направили запрос в часть.' });
    for (const who of [s.w.otherOrgCaseworker, s.w.otherOrgAdmin, s.w.editor])
      await expect(authoriseBoard(s.t.opened.db, principalOf(who.auth), ids.board, 'read')).rejects.toBeInstanceOf(
        NotFound,
      );
    await expect(authoriseBoard(s.t.opened.db, family, ids.board, 'moderate')).rejects.toBeInstanceOf(NotFound);
    // Staff hide a post with a reason: families see that it was hidden, not what it said.
    await moderatePost(
      deps(),
      await authoriseBoard(s.t.opened.db, principalOf(s.w.caseworker.auth), ids.board, 'moderate'),
      seen.posts[0].id,
      { reason: 'personal_data' },
    );
    const hidden = await boardView(
      deps(),
      await authoriseBoard(s.t.opened.db, principalOf(s.w.otherFamily.auth), ids.board, 'read'),
    );
    expect(hidden.posts[0]).toMatchObject({ body: null, hidden: { reason: 'personal_data' } });
    const forStaff = await boardView(
      deps(),
      await authoriseBoard(s.t.opened.db, principalOf(s.w.verifier.auth), ids.board, 'read'),
    );
    expect(forStaff.posts[0].body).toBe('Кто-нибудь знает про роту связи?');
    // Staff read the family under the same label: they do not need its login either.
    expect(forStaff.posts[0].family).toEqual({ label: ids.label, chosen: null });
    expect(JSON.stringify(forStaff)).not.toContain(s.w.family.pseudonym);
  });

  it('links persons to an incident; a confirmed fact reaches every linked family, once', async () => {
    const caseworker = grantMatching(principalOf(s.w.caseworker.auth), 'incident_edit');
    ids.incident = await createIncident(deps(), caseworker, {
      title: 'Обстрел подвала',
      date: parsePartialDate('03.2026')!,
      place: 'Авдеевка',
      description: 'Свидетель рассказал о пятерых офицерах',
    });
    const persons = await s.t.opened.db
      .selectFrom('cases')
      .select(['id', 'person_id'])
      .where('id', 'in', [s.w.caseId, ids.third])
      .execute();
    for (const p of persons) await linkPerson(deps(), caseworker, ids.incident, p.person_id);
    await addSource(deps(), caseworker, ids.incident, { kind: 'news', citation: 'Статья о подвале, 12.03.2026' });
    for (const c of [s.w.caseId, ids.third]) await takeNews(s.t.opened.db, c, 'family');
    // A caseworker may not confirm; a verifier may, and both families are told.
    await expect(
      addFact(deps(), caseworker, ids.incident, {
        kind: 'missing',
        date: parsePartialDate('03.2026')!,
        verification: 'confirmed',
      }),
    ).rejects.toThrow();
    const verifier = grantMatching(principalOf(s.w.verifier.auth), 'incident_confirm');
    const { told } = await addFact(deps(), verifier, ids.incident, {
      kind: 'missing',
      date: parsePartialDate('03.2026')!,
      verification: 'confirmed',
    });
    expect(told).toBe(2);
    for (const c of [s.w.caseId, ids.third])
      expect((await takeNews(s.t.opened.db, c, 'family')).items.map((i) => i.kind)).toEqual(['incident']);
    const around = await incidentsAround(s.t.opened.db, [persons[0].person_id]);
    expect(around.map((i) => [i.title, i.facts.length, i.sources.length])).toEqual([['Обстрел подвала', 1, 1]]);
    // The families of the incident form a cohort of their own.
    const cohorts = await cohortsOfCase(deps(), await grantFor(s.t, s.w.family, s.w.caseId, 'read'));
    expect(cohorts.cohorts.find((c) => c.kind === 'incident')).toMatchObject({ value: 'Обстрел подвала', others: 1 });
    // The description is staff-only and sealed.
    const raw = await s.t.opened.db.selectFrom('incidents').select('description_sealed').executeTakeFirstOrThrow();
    expect(raw.description_sealed).not.toContain('офицерах');
    expect(
      (await incidentPage(deps(), grantMatching(principalOf(s.w.caseworker.auth), 'search'), ids.incident)).description,
    ).toBe('Свидетель рассказал о пятерых офицерах');
  });

  it("lets a family choose its name on a board, never its login, a label or another family's name", async () => {
    const family = principalOf(s.w.family.auth);
    const name = async (who: typeof family, text: string | undefined) =>
      setBoardName(deps(), await authoriseBoard(s.t.opened.db, who, ids.board, 'name'), text);
    const refusal = (text: string, who = family) =>
      name(who, text).then(
        () => null,
        (err: unknown) => (err instanceof Invalid ? err.problems[0] : err),
      );
    expect(await refusal(s.w.family.pseudonym)).toEqual({ field: 'display_name', key: 'cohorts.errors.nameIsLogin' });
    expect(await refusal(`Это ${s.w.family.pseudonym.toUpperCase()}`)).toMatchObject({
      key: 'cohorts.errors.nameIsLogin',
    });
    expect(await refusal('Семья 1234')).toMatchObject({ key: 'cohorts.errors.nameReserved' });
    expect(await refusal('Организация')).toMatchObject({ key: 'cohorts.errors.nameReserved' });
    expect(await refusal('Модерация')).toMatchObject({ key: 'cohorts.errors.nameReserved' });
    // The name of the organisation whose board it is reads as its staff too.
    expect(await refusal(s.w.orgA.name.toUpperCase())).toMatchObject({ key: 'cohorts.errors.nameReserved' });
    expect(await name(family, 'Мама из Шахт')).toBe('named');
    // The post written before shows the new name: names are read when the page is made.
    const other = principalOf(s.w.otherFamily.auth);
    const seen = await boardView(deps(), await authoriseBoard(s.t.opened.db, other, ids.board, 'read'));
    expect(seen.posts[0].family).toEqual({ label: ids.label, chosen: 'Мама из Шахт' });
    const raw = await s.t.opened.db.selectFrom('cohort_names').select(['name_sealed', 'set_on']).execute();
    expect(raw).toHaveLength(1);
    expect(raw[0].name_sealed).not.toContain('Шахт');
    expect(raw[0].set_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Another family of the board cannot take it, however spelt; staff have no name to choose.
    expect(await refusal('мама  из шахт', other)).toMatchObject({ key: 'cohorts.errors.nameTaken' });
    await expect(
      authoriseBoard(s.t.opened.db, principalOf(s.w.caseworker.auth), ids.board, 'name'),
    ).rejects.toBeInstanceOf(NotFound);
    // An empty name gives the family its label back, the same as before.
    expect(await name(family, undefined)).toBe('unnamed');
    const back = await boardView(deps(), await authoriseBoard(s.t.opened.db, other, ids.board, 'read'));
    expect(back.posts[0].family).toEqual({ label: ids.label, chosen: null });
    expect(await name(family, 'Мама из Шахт')).toBe('named');
  });

  it('keeps boards and incidents readable after the organisation key is replaced', async () => {
    await rotateOrganisationKey(
      { db: s.t.opened.db, clock: s.t.clock, config: s.t.config },
      s.w.admin.auth,
      s.w.orgA.id,
    );
    const view = await boardView(
      deps(),
      await authoriseBoard(s.t.opened.db, principalOf(s.w.verifier.auth), ids.board, 'read'),
    );
    expect(view.posts.map((p) => p.body)).toContain('Мы направили запрос в часть.');
    // The board key is only re-sealed: the family keeps its label and its name.
    expect(view.posts[0].family).toEqual({ label: ids.label, chosen: 'Мама из Шахт' });
    const page = await incidentPage(deps(), grantMatching(principalOf(s.w.caseworker.auth), 'search'), ids.incident);
    expect(page.description).toBe('Свидетель рассказал о пятерых офицерах');
  });

  it("lets the organisation's staff give a family its label back, audited; nobody else", async () => {
    const db = s.t.opened.db;
    const read = async (who: typeof s.w.family) =>
      boardView(deps(), await authoriseBoard(db, principalOf(who.auth), ids.board, 'read'));
    const named = (await read(s.w.caseworker)).posts[0];
    expect(named.family).toEqual({ label: ids.label, chosen: 'Мама из Шахт' });
    // The staff post has no family name to reset.
    const staffPost = (await read(s.w.caseworker)).posts.find((p) => !p.fromFamily)!;
    // Families (the named one too) and other organisations' staff may not; it is not even there.
    for (const who of [s.w.family, s.w.otherFamily, s.w.editor, s.w.otherOrgCaseworker, s.w.otherOrgAdmin])
      await expect(authoriseBoard(db, principalOf(who.auth), ids.board, 'reset_name')).rejects.toBeInstanceOf(NotFound);
    const grant = await authoriseBoard(db, principalOf(s.w.verifier.auth), ids.board, 'reset_name');
    await expect(resetBoardName(deps(), grant, staffPost.id)).rejects.toBeInstanceOf(NotFound);
    await expect(resetBoardName(deps(), grant, 'no-such-post')).rejects.toBeInstanceOf(NotFound);
    const before = await db.selectFrom('audit_log').select('id').execute();
    await resetBoardName(deps(), grant, named.id);
    // Every reader sees the label again; the family does too, and may choose another name.
    expect((await read(s.w.otherFamily)).posts[0].family).toEqual({ label: ids.label, chosen: null });
    expect((await read(s.w.family)).me).toEqual({ label: ids.label, chosen: null });
    expect(await db.selectFrom('cohort_names').select('user_id').execute()).toEqual([]);
    const entries = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_role', 'action', 'case_id'])
      .where(
        'id',
        'not in',
        before.map((r) => r.id),
      )
      .execute();
    expect(entries).toEqual([
      { actor_user_id: s.w.verifier.id, actor_role: 'verifier', action: 'cohort.name_reset', case_id: null },
    ]);
    // Reset once: a second staff member's click finds nothing to reset, and writes nothing.
    await expect(resetBoardName(deps(), grant, named.id)).rejects.toBeInstanceOf(Conflict);
    expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length + 1);
    const family = await authoriseBoard(db, principalOf(s.w.family.auth), ids.board, 'name');
    expect(await setBoardName(deps(), family, 'Мама Кости')).toBe('named');
  });

  it('tells the family its name was reset, and refuses that name from it again, however spelt', async () => {
    const db = s.t.opened.db;
    const read = async (who: typeof s.w.family) =>
      boardView(deps(), await authoriseBoard(db, principalOf(who.auth), ids.board, 'read'));
    const family = await authoriseBoard(db, principalOf(s.w.family.auth), ids.board, 'name');
    const refusal = (text: string) =>
      setBoardName(deps(), family, text).then(
        () => null,
        (err: unknown) => (err instanceof Invalid ? err.problems[0] : err),
      );
    expect((await read(s.w.family)).myNameResetOn).toBeNull();
    const post = (await read(s.w.caseworker)).posts[0];
    expect(post.family?.chosen).toBe('Мама Кости');
    const staff = await authoriseBoard(db, principalOf(s.w.caseworker.auth), ids.board, 'reset_name');
    await resetBoardName(deps(), staff, post.id);
    // The family's page says when; staff and the other families are told nothing of it.
    const today = s.t.clock.now().toISOString().slice(0, 10);
    expect(await read(s.w.family)).toMatchObject({ me: { label: ids.label, chosen: null }, myNameResetOn: today });
    expect((await read(s.w.otherFamily)).myNameResetOn).toBeNull();
    expect((await read(s.w.caseworker)).myNameResetOn).toBeNull();
    // Kept of the name: the name sealed to the family alone, the day, the case it came through.
    const kept = await db.selectFrom('cohort_name_resets').selectAll().execute();
    expect(kept).toHaveLength(2); // this one and the reset of «Мама из Шахт» before
    const last = kept.find((r) => r.answered === 0)!;
    expect(last).toMatchObject({ board_id: ids.board, user_id: s.w.family.id, case_id: s.w.caseId, reset_on: today });
    expect(JSON.stringify(kept)).not.toMatch(/Кости|Шахт/i);
    // Nothing else of it: no fingerprint under the board key, which every family of the board
    // holds (an informer with a copy of the database would test guesses of a short name).
    expect(Object.keys(last).sort()).toEqual([
      'answered',
      'board_id',
      'case_id',
      'id',
      'name_sealed',
      'reset_on',
      'user_id',
    ]);
    const sealed = last.name_sealed as string;
    const aad = resetNameAad(ids.board, s.w.family.id);
    expect(openWith(s.w.family.auth.userPrivateKey, sealed, aad).toString('utf8')).toBe('Мама Кости');
    expect(() => openWith(s.w.otherFamily.auth.userPrivateKey, sealed, aad)).toThrow(DecryptionFailed);
    // The very same name, or one a reader would take for it, is refused on the field; so is the
    // name reset before. Nothing changes, and the notice stays.
    // (the third with a Latin K, o and c)
    for (const again of ['Мама Кости', 'мама  кости', 'МАМА Kocти', 'Мама из Шахт'])
      expect(await refusal(again), again).toEqual({ field: 'display_name', key: 'cohorts.errors.nameWasReset' });
    expect((await read(s.w.family)).myNameResetOn).toBe(today);
    // Another family's choices are its own: it may take a name reset for this one.
    const other = await authoriseBoard(db, principalOf(s.w.otherFamily.auth), ids.board, 'name');
    expect(await setBoardName(deps(), other, 'Мама Кости')).toBe('named');
    expect(await setBoardName(deps(), other, undefined)).toBe('unnamed');
    // Another name: saved, and the notice goes (the refusal of the old names stays).
    expect(await setBoardName(deps(), family, 'Мама с Дона')).toBe('named');
    expect(await read(s.w.family)).toMatchObject({ me: { chosen: 'Мама с Дона' }, myNameResetOn: null });
    expect(await refusal('Мама Кости')).toMatchObject({ key: 'cohorts.errors.nameWasReset' });
  });

  it("deletes what is kept of a family's reset names with the case through which they were chosen", async () => {
    const db = s.t.opened.db;
    const resets = () => db.selectFrom('cohort_name_resets').select('case_id').execute();
    expect((await resets()).map((r) => r.case_id)).toContain(s.w.caseId);
    const purged = await db
      .selectFrom('cases')
      .select(['id', 'person_id'])
      .where('id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => destroyCase(tx, purged));
    expect((await resets()).map((r) => r.case_id)).not.toContain(s.w.caseId);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createFamily, login } from '../../test/helpers/factories.ts';
import { DAY } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { auditForOrganisation } from '../audit/audit.service.ts';
import { buildWorld, caseInput, grantFor, type World } from './cases.fixtures.ts';
import { addEvent } from './events.service.ts';
import { addNote, closeCase, reopenCase, sendMessage } from './case-work.service.ts';
import { getCaseForViewer, openCase } from './cases.service.ts';
import { deletionDay, describeReport, retentionCutoff, runRetention } from './retention.service.ts';

// Retention on both engines: what a purge destroys, what it keeps and when, and that a dry run
// and a reopened case are left alone. Time moves on the app's ManualClock.

const DAYS = 90;
const date = (s: string) => parsePartialDate(s) ?? undefined;

describe.each(DIALECTS)('retention (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  const deps = () => ({ db: t.opened.db, clock: t.clock });
  const db = () => t.opened.db;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** A case with something in every sealed place, then closed today. */
  const closedCase = async (marker: string) => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { narrative: `История ${marker}` }));
    await sendMessage(deps(), await grantFor(t, w.family, caseId, 'message'), `Сообщение ${marker}`);
    await addNote(deps(), await grantFor(t, w.caseworker, caseId, 'note'), `Заметка ${marker}`);
    const staff = await grantFor(t, w.verifier, caseId, 'add_event');
    await addEvent(
      deps(),
      staff,
      {
        kind: 'death_confirmed',
        date: date('2026-02-01'),
        source: 'official',
        description: `Описание ${marker}`,
        place: 'Ростов',
        verification: 'confirmed',
      },
      // A death confirmed on adding needs a reason, sealed with the case key in the history of levels.
      { reason: `Причина ${marker}` },
    );
    await addEvent(deps(), await grantFor(t, w.family, caseId, 'add_event'), {
      kind: 'wounded',
      date: date('2026-01-20'),
      source: 'witness',
      description: `Рассказ ${marker}`,
      place: undefined,
      verification: undefined,
    });
    // «другое» with its few words, sealed with the case key too.
    await closeCase(deps(), await grantFor(t, w.caseworker, caseId, 'close'), 'other', `Пояснение ${marker}`);
    const personId = (
      await db().selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow()
    ).person_id;
    return { caseId, personId };
  };

  const sealedOf = async (caseId: string): Promise<string[]> => {
    const c = await db()
      .selectFrom('cases')
      .select(['narrative_sealed', 'relation_sealed', 'wants_sealed', 'last_contact_means_sealed', 'close_note_sealed'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const rows = [
      ...Object.values(c),
      ...(await db().selectFrom('case_key_wraps').select('wrapped').where('case_id', '=', caseId).execute()).map(
        (r) => r.wrapped,
      ),
      ...(await db().selectFrom('case_messages').select('body_sealed').where('case_id', '=', caseId).execute()).map(
        (r) => r.body_sealed,
      ),
      ...(await db().selectFrom('case_notes').select('body_sealed').where('case_id', '=', caseId).execute()).map(
        (r) => r.body_sealed,
      ),
      ...(await db().selectFrom('events').select('description_sealed').where('case_id', '=', caseId).execute()).map(
        (r) => r.description_sealed,
      ),
      ...(await db().selectFrom('event_levels').select('reason_sealed').where('case_id', '=', caseId).execute()).map(
        (r) => r.reason_sealed,
      ),
    ];
    return rows.filter((v): v is string => typeof v === 'string' && v.length > 0);
  };

  const rowsOf = async (caseId: string) => ({
    cases: (await db().selectFrom('cases').select('id').where('id', '=', caseId).execute()).length,
    wraps: (await db().selectFrom('case_key_wraps').select('case_id').where('case_id', '=', caseId).execute()).length,
    messages: (await db().selectFrom('case_messages').select('id').where('case_id', '=', caseId).execute()).length,
    notes: (await db().selectFrom('case_notes').select('id').where('case_id', '=', caseId).execute()).length,
    events: (await db().selectFrom('events').select('id').where('case_id', '=', caseId).execute()).length,
    levels: (await db().selectFrom('event_levels').select('id').where('case_id', '=', caseId).execute()).length,
  });

  const tableSizes = async () => {
    const out: Record<string, number> = {};
    for (const table of [
      'persons',
      'cases',
      'case_key_wraps',
      'case_messages',
      'case_notes',
      'events',
      'event_levels',
      'audit_log',
    ] as const) {
      out[table] = Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    return out;
  };

  it('a dry run counts what is due and changes nothing', async () => {
    const { caseId } = await closedCase('DRY');
    t.clock.advance((DAYS + 1) * DAY);
    const before = await tableSizes();
    const sealed = await sealedOf(caseId);
    const report = await runRetention(deps(), { days: DAYS, dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      cases: 1,
      keyWraps: 2,
      messages: 1,
      notes: 1,
      persons: 1,
      eventsKept: 0,
    });
    // last contact, the confirmed death and the family's report
    expect(report.eventsDeleted).toBe(3);
    expect(await tableSizes()).toEqual(before);
    expect(await sealedOf(caseId)).toEqual(sealed);
    expect((await getCaseForViewer(deps(), await grantFor(t, w.family, caseId))).narrative).toBe('История DRY');
    // The real run does exactly what the dry run announced.
    const real = await runRetention(deps(), { days: DAYS });
    expect({ ...real, dryRun: true, walTruncated: undefined }).toEqual({ ...report, walTruncated: undefined });
  });

  it('purges a case closed longer than the period: rows, ciphertexts and access gone, a content-free audit entry left', async () => {
    const { caseId, personId } = await closedCase('PURGE');
    const sealed = await sealedOf(caseId);
    expect(sealed.length).toBeGreaterThanOrEqual(9);
    t.clock.advance(DAYS * DAY);
    const report = await runRetention(deps(), { days: DAYS });
    expect(report.cases).toBe(1);
    expect(await rowsOf(caseId)).toEqual({ cases: 0, wraps: 0, messages: 0, notes: 0, events: 0, levels: 0 });
    expect(await db().selectFrom('persons').select('id').where('id', '=', personId).execute()).toEqual([]);
    expect(await db().selectFrom('events').select('id').where('person_id', '=', personId).execute()).toEqual([]);

    const dump = JSON.stringify(await db().selectFrom('audit_log').selectAll().execute());
    for (const s of [...sealed, 'PURGE']) expect(dump).not.toContain(s);
    const purged = (await auditForOrganisation(db(), w.orgA.id)).filter(
      (a) => a.caseId === caseId && a.action === 'case.purged',
    );
    expect(purged).toHaveLength(1);
    // The audit page's rows name an entry's subject (a list, a board) for its links; a purge has none.
    expect(purged[0]).toMatchObject({ actorUserId: 'system', actorRole: 'system', subjectId: null });
    expect(Object.keys(purged[0]!).sort()).toEqual([
      'action',
      'actorRole',
      'actorUserId',
      'at',
      'caseId',
      'id',
      'subjectId',
      'tipId',
    ]);

    if (dialect === 'sqlite') {
      expect(report.walTruncated).toBe(true);
      // What a seized disk would show: the database file and its write-ahead log.
      const raw = Buffer.concat(fs.readdirSync(t.dataDir).map((f) => fs.readFileSync(path.join(t.dataDir, f))));
      for (const s of sealed) expect(raw.includes(Buffer.from(s)), 'a ciphertext is still on disk').toBe(false);
      expect(raw.includes(Buffer.from(caseId))).toBe(true); // the audit entry, on purpose
    }

    // Nobody can reach it any more, through the services or the pages.
    await expect(grantFor(t, w.family, caseId)).rejects.toBeInstanceOf(NotFound);
    await expect(grantFor(t, w.caseworker, caseId)).rejects.toBeInstanceOf(NotFound);
    await expect(grantFor(t, w.admin, caseId)).rejects.toBeInstanceOf(NotFound);
    const familyCookies = await login(t.app, w.family.pseudonym, w.family.passphrase);
    expect((await t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: familyCookies })).statusCode).toBe(
      404,
    );
    const mine = await t.app.inject({ method: 'GET', url: '/my/cases', cookies: familyCookies });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain(caseId);
    const staffCookies = await login(t.app, w.caseworker.pseudonym, w.caseworker.passphrase, w.caseworker.totpSecret);
    expect((await t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: staffCookies })).statusCode).toBe(
      404,
    );
  });

  it('leaves a case still inside its period alone, and purges it on its deletion day', async () => {
    const { caseId } = await closedCase('INSIDE');
    const closedOn = t.clock.now().toISOString().slice(0, 10);
    t.clock.advance((DAYS - 1) * DAY);
    await runRetention(deps(), { days: DAYS });
    expect(await rowsOf(caseId)).toEqual({ cases: 1, wraps: 2, messages: 1, notes: 1, events: 3, levels: 1 });
    expect((await getCaseForViewer(deps(), await grantFor(t, w.family, caseId))).narrative).toBe('История INSIDE');
    t.clock.advance(DAY);
    expect(t.clock.now().toISOString().slice(0, 10)).toBe(deletionDay(closedOn, DAYS));
    await runRetention(deps(), { days: DAYS });
    expect((await rowsOf(caseId)).cases).toBe(0);
  });

  it('never purges a reopened case, however long ago it was first closed', async () => {
    const { caseId } = await closedCase('REOPEN');
    t.clock.advance(30 * DAY);
    await reopenCase(deps(), await grantFor(t, w.caseworker, caseId, 'reopen'));
    t.clock.advance(2 * DAYS * DAY);
    await runRetention(deps(), { days: DAYS });
    expect(await rowsOf(caseId)).toEqual({ cases: 1, wraps: 2, messages: 1, notes: 1, events: 3, levels: 1 });
    expect((await getCaseForViewer(deps(), await grantFor(t, w.caseworker, caseId))).notes[0]?.body).toBe(
      'Заметка REOPEN',
    );
  });

  it('keeps the person and the verified facts, bare, while another case is about the same person', async () => {
    const first = await closedCase('SHARED');
    const { caseId: secondId } = await openCase(deps(), w.otherFamily.auth, caseInput(w.orgA.id));
    // Two requests about one soldier, as a confirmed linkage merge will leave them.
    await db().updateTable('cases').set({ person_id: first.personId }).where('id', '=', secondId).execute();
    await db().updateTable('events').set({ person_id: first.personId }).where('case_id', '=', secondId).execute();
    t.clock.advance(DAYS * DAY);
    const report = await runRetention(deps(), { days: DAYS });
    expect(report).toMatchObject({ cases: 1, eventsKept: 1, eventsDeleted: 2, persons: 0 });
    expect(await rowsOf(first.caseId)).toEqual({ cases: 0, wraps: 0, messages: 0, notes: 0, events: 0, levels: 0 });
    const kept = await db()
      .selectFrom('events')
      .selectAll()
      .where('person_id', '=', first.personId)
      .where('case_id', 'is', null)
      .execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      kind: 'death_confirmed',
      verification: 'confirmed',
      source: 'official',
      place: 'Ростов',
      description_sealed: null,
      verified_by: null,
      added_by_family: 0,
    });
    expect(kept[0]!.verified_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The other family's case is untouched.
    expect((await getCaseForViewer(deps(), await grantFor(t, w.otherFamily, secondId))).person.surname).toBe('Иванов');

    // When the last case about the person goes, nothing of the person remains.
    await closeCase(deps(), await grantFor(t, w.caseworker, secondId, 'close'), 'death_confirmed');
    t.clock.advance(DAYS * DAY);
    expect(await runRetention(deps(), { days: DAYS })).toMatchObject({
      cases: 1,
      persons: 1,
      eventsKept: 0,
      eventsDeleted: 2,
    });
    expect(await db().selectFrom('events').select('id').where('person_id', '=', first.personId).execute()).toEqual([]);
    expect(await db().selectFrom('persons').select('id').where('id', '=', first.personId).execute()).toEqual([]);
  });

  it('one case that cannot be purged is rolled back and counted; the others still go', async () => {
    // A row of some other (future) domain still pointing at the first case's person.
    await sql`CREATE TABLE retention_blocker (person_id text NOT NULL REFERENCES persons(id))`.execute(db());
    const blocked = await closedCase('BLOCKED');
    const free = await closedCase('FREE');
    await sql`INSERT INTO retention_blocker (person_id) VALUES (${blocked.personId})`.execute(db());
    t.clock.advance(DAYS * DAY);
    expect(await runRetention(deps(), { days: DAYS, dryRun: true })).toMatchObject({ cases: 1, failed: 1 });
    expect((await rowsOf(free.caseId)).cases).toBe(1);
    const report = await runRetention(deps(), { days: DAYS });
    expect(report).toMatchObject({ cases: 1, failed: 1 });
    expect(report.failures).toHaveLength(1);
    expect(report.failures![0]).not.toContain(blocked.caseId);
    expect(await rowsOf(blocked.caseId)).toEqual({ cases: 1, wraps: 2, messages: 1, notes: 1, events: 3, levels: 1 });
    expect((await getCaseForViewer(deps(), await grantFor(t, w.caseworker, blocked.caseId))).narrative).toBe(
      'История BLOCKED',
    );
    expect((await rowsOf(free.caseId)).cases).toBe(0);
    expect(describeReport(report)).toMatch(/FAILED 1 case\(s\) or account\(s\), rolled back, retried on the next run/);
    await sql`DROP TABLE retention_blocker`.execute(db());
    expect(await runRetention(deps(), { days: DAYS })).toMatchObject({ cases: 1, failed: 0 });
  });

  it('deletes a family account with no case left and no login for the period; a login or a case keeps it', async () => {
    const userRow = (id: string) => db().selectFrom('users').select('id').where('id', '=', id).execute();
    const gone = await createFamily(db(), { clock: t.clock });
    const loggedIn = await createFamily(db(), { clock: t.clock });
    const withOpenCase = await createFamily(db(), { clock: t.clock });
    const staffBefore = (await db().selectFrom('users').select('id').where('role', '<>', 'family').execute()).length;
    for (const f of [gone, loggedIn]) {
      const { caseId } = await openCase(deps(), f.auth, caseInput(w.orgA.id));
      await closeCase(deps(), await grantFor(t, w.caseworker, caseId, 'close'), 'withdrawn');
    }
    await openCase(deps(), withOpenCase.auth, caseInput(w.orgA.id));
    t.clock.advance(30 * DAY);
    await login(t.app, loggedIn.pseudonym, loggedIn.passphrase);
    t.clock.advance((DAYS - 30) * DAY);
    const dry = await runRetention(deps(), { days: DAYS, dryRun: true });
    expect(dry.accounts).toBe(1);
    expect(await userRow(gone.id)).toHaveLength(1);
    const report = await runRetention(deps(), { days: DAYS });
    expect(report).toMatchObject({ cases: 2, accounts: 1, failed: 0 });
    expect(await userRow(gone.id)).toEqual([]);
    for (const table of ['sessions', 'recovery_codes'] as const) {
      expect(await db().selectFrom(table).select('user_id').where('user_id', '=', gone.id).execute()).toEqual([]);
    }
    expect(await userRow(loggedIn.id)).toHaveLength(1);
    expect(await userRow(withOpenCase.id)).toHaveLength(1);
    expect((await db().selectFrom('users').select('id').where('role', '<>', 'family').execute()).length).toBe(
      staffBefore,
    );
    await expect(login(t.app, gone.pseudonym, gone.passphrase)).rejects.toThrow(/login failed/);
    // Counted from the login, the second account's period ends 30 days later.
    t.clock.advance(30 * DAY);
    expect(await runRetention(deps(), { days: DAYS })).toMatchObject({ accounts: 1 });
    expect(await userRow(loggedIn.id)).toEqual([]);
    expect(await userRow(withOpenCase.id)).toHaveLength(1);
  });
});

describe('retention dates', () => {
  it('counts whole days from the closing day, across months and leap years', () => {
    expect(deletionDay('2026-03-02', 90)).toBe('2026-05-31');
    expect(deletionDay('2028-02-01', 29)).toBe('2028-03-01');
    expect(retentionCutoff('2026-05-31', 90)).toBe('2026-03-02');
  });

  it('refuses a period under one day', async () => {
    await expect(
      runRetention({ db: undefined as never, clock: { now: () => new Date() } }, { days: 0 }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { DAY } from '../shared/clock.ts';
import { DecryptionFailed } from '../shared/crypto/index.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantQueue } from '../policy/organisation.policy.ts';
import { principalOf, type AuthContext } from '../policy/principal.ts';
import { auditForOrganisation } from '../audit/audit.service.ts';
import { buildWorld, caseInput, grantFor, NARRATIVE, type World } from './cases.fixtures.ts';
import { addEvent, confirmEvent, resolveDiscrepancy, reviseEvent, verifyEvent } from './events.service.ts';
import { NeedsCheck, warningSignature } from './verification-lifecycle.ts';
import { addNote, assignCase, closeCase, reopenCase, sendMessage } from './case-work.service.ts';
import { caseQueue, casesStats, searchCases } from './queue.service.ts';
import { casesOfFamily, getCaseForViewer, openCase } from './cases.service.ts';

const date = (s: string) => parsePartialDate(s) ?? undefined;
const queueOf = (auth: AuthContext) => grantQueue(principalOf(auth));

describe.each(DIALECTS)('cases service (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  const deps = () => ({ db: t.opened.db, clock: t.clock });
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('opens a case the family and the organisation can both read', async () => {
    const asFamily = await getCaseForViewer(deps(), await grantFor(t, w.family, w.caseId));
    expect(asFamily.narrative).toBe(NARRATIVE);
    expect(asFamily.person.surname).toBe('Иванов');
    expect(asFamily.events.map((e) => [e.kind, e.verification, e.date.value])).toEqual([
      ['last_contact', 'reported', '2026-01-10'],
    ]);
    expect(asFamily.status).toEqual({
      status: 'unknown',
      basisEventId: null,
      pending: 'no_contact',
      pendingBasisEventId: asFamily.events[0].id,
    });
    const asStaff = await getCaseForViewer(deps(), await grantFor(t, w.caseworker, w.caseId));
    expect(asStaff.relation).toBe('mother');
    expect(asStaff.lastContact.means).toBe('phone');
  });

  it('keeps no plaintext of what the family said in the database rows', async () => {
    await sendMessage(deps(), await grantFor(t, w.family, w.caseId, 'message'), 'СООБЩЕНИЕ-МАРКЕР');
    await addNote(deps(), await grantFor(t, w.caseworker, w.caseId, 'note'), 'ЗАМЕТКА-МАРКЕР');
    await addEvent(deps(), await grantFor(t, w.family, w.caseId, 'add_event'), {
      kind: 'missing',
      date: date('2026-01-20'),
      source: 'witness',
      description: 'ОПИСАНИЕ-МАРКЕР',
      place: 'Курская обл.',
      verification: undefined,
    });
    const dump = JSON.stringify([
      await t.opened.db.selectFrom('cases').selectAll().execute(),
      await t.opened.db.selectFrom('case_messages').selectAll().execute(),
      await t.opened.db.selectFrom('case_notes').selectAll().execute(),
      await t.opened.db.selectFrom('events').selectAll().execute(),
      await t.opened.db.selectFrom('case_key_wraps').selectAll().execute(),
      await t.opened.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    for (const marker of [
      'МАРКЕР-НАРРАТИВ',
      'СООБЩЕНИЕ-МАРКЕР',
      'ЗАМЕТКА-МАРКЕР',
      'ОПИСАНИЕ-МАРКЕР',
      'mother',
      'phone',
      'Где он сейчас',
    ])
      expect(dump).not.toContain(marker);
    expect(dump).toContain('Курская обл.'); // place stays in clear on purpose
    if (dialect === 'sqlite') {
      // The raw files too (database, WAL): what a seized disk would show.
      const raw = Buffer.concat(fs.readdirSync(t.dataDir).map((f) => fs.readFileSync(path.join(t.dataDir, f))));
      expect(raw.includes(Buffer.from('Курская обл.'))).toBe(true);
      for (const marker of ['МАРКЕР-НАРРАТИВ', 'СООБЩЕНИЕ-МАРКЕР', 'ЗАМЕТКА-МАРКЕР', 'ОПИСАНИЕ-МАРКЕР'])
        expect(raw.includes(Buffer.from(marker)), marker).toBe(false);
    }
  });

  it('binds each ciphertext to its case and field', async () => {
    const a = await t.opened.db
      .selectFrom('cases')
      .select('narrative_sealed')
      .where('id', '=', w.caseId)
      .executeTakeFirstOrThrow();
    await t.opened.db
      .updateTable('cases')
      .set({ wants_sealed: a.narrative_sealed })
      .where('id', '=', w.caseId)
      .execute();
    await expect(getCaseForViewer(deps(), await grantFor(t, w.family, w.caseId))).rejects.toBeInstanceOf(
      DecryptionFailed,
    );
    // Put a good value back for the other tests.
    const other = await openCase(deps(), w.family.auth, caseInput(w.orgA.id));
    const b = await t.opened.db
      .selectFrom('cases')
      .select('wants_sealed')
      .where('id', '=', other.caseId)
      .executeTakeFirstOrThrow();
    await t.opened.db.updateTable('cases').set({ wants_sealed: b.wants_sealed }).where('id', '=', w.caseId).execute();
    await expect(getCaseForViewer(deps(), await grantFor(t, w.family, w.caseId))).rejects.toBeInstanceOf(
      DecryptionFailed,
    );
  });

  it('lets families only report, caseworkers corroborate and verifiers confirm', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id));
    const fam = await grantFor(t, w.family, caseId, 'add_event');
    const { eventId } = await addEvent(deps(), fam, {
      kind: 'captured',
      date: date('2026-02'),
      source: 'family',
      verification: 'confirmed',
      place: undefined,
      description: undefined,
    });
    const cw = await grantFor(t, w.caseworker, caseId, 'verify');
    // A family gets no grant to verify at all (the policy), so the service never sees one.
    await expect(grantFor(t, w.family, caseId, 'verify')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(verifyEvent(deps(), cw, eventId, 'confirmed')).rejects.toMatchObject({ kind: 'invalid' });
    // A capture is never one click: the confirmation page, with a reason.
    await expect(verifyEvent(deps(), cw, eventId, 'corroborated')).rejects.toBeInstanceOf(NeedsCheck);
    const cwConfirm = await grantFor(t, w.caseworker, caseId, 'confirm');
    await expect(confirmEvent(deps(), cwConfirm, eventId, 'corroborated', '')).rejects.toMatchObject({
      problems: [{ field: 'reason', key: 'cases.errors.reasonRequired' }],
    });
    await confirmEvent(deps(), cwConfirm, eventId, 'corroborated', 'Сослуживец прислал видео');
    await expect(verifyEvent(deps(), cw, eventId, 'corroborated')).rejects.toMatchObject({ kind: 'invalid' });
    // Raising a capture already counted changes no status: one click for a verifier.
    await verifyEvent(deps(), await grantFor(t, w.verifier, caseId, 'verify'), eventId, 'confirmed');
    // A wounding is not grave: one click for a caseworker.
    const { eventId: wound } = await addEvent(deps(), fam, {
      kind: 'wounded',
      date: date('2026-01-20'),
      source: 'family',
      verification: undefined,
      place: undefined,
      description: undefined,
    });
    await verifyEvent(deps(), cw, wound, 'corroborated');
    const history = await getCaseForViewer(deps(), await grantFor(t, w.verifier, caseId));
    expect(history.events.find((x) => x.id === eventId)?.history).toMatchObject([
      {
        from: 'reported',
        to: 'corroborated',
        step: 'confirmed',
        by: w.caseworker.pseudonym,
        reason: 'Сослуживец прислал видео',
      },
      { from: 'corroborated', to: 'confirmed', step: 'verified', by: w.verifier.pseudonym, reason: null },
    ]);
    const view = await getCaseForViewer(deps(), await grantFor(t, w.family, caseId));
    const e = view.events.find((x) => x.id === eventId);
    expect(e?.verification).toBe('confirmed');
    expect(view.status.status).toBe('captured');
    await expect(
      addEvent(deps(), await grantFor(t, w.caseworker, caseId, 'add_event'), {
        kind: 'released',
        date: date('2026-02-20'),
        source: 'official',
        verification: 'confirmed',
        place: undefined,
        description: undefined,
      }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('shows an official date of death contradicting the family as a discrepancy, both kept', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id));
    const fam = await grantFor(t, w.family, caseId, 'add_event');
    const { eventId: familyDeath } = await addEvent(deps(), fam, {
      kind: 'death_reported',
      date: date('2026-01-25'),
      source: 'witness',
      place: undefined,
      description: undefined,
      verification: undefined,
    });
    const notice = {
      kind: 'death_confirmed' as const,
      date: date('2025-12-01'),
      source: 'official' as const,
      verification: 'confirmed' as const,
      place: undefined,
      description: undefined,
    };
    const staff = await grantFor(t, w.verifier, caseId, 'add_event');
    // Flagged when entered: a second date of death, and a last contact after it; and a death
    // needs a reason. Nothing is saved until the verifier confirms.
    const stopped = await addEvent(deps(), staff, notice).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(NeedsCheck);
    const check = (stopped as NeedsCheck).check;
    expect(check.grave).toBe(true);
    const ack = check.warnings.map((d) => warningSignature(d, check.eventId));
    expect(ack.map((a) => a.split(':')[0]).sort()).toEqual(['alive_after_death', 'death_dates']);
    expect((await getCaseForViewer(deps(), await grantFor(t, w.family, caseId))).events).toHaveLength(2);
    await expect(addEvent(deps(), staff, notice, { acknowledged: ack })).rejects.toBeInstanceOf(NeedsCheck);
    await expect(addEvent(deps(), staff, notice, { reason: 'Извещение военкомата' })).rejects.toBeInstanceOf(
      NeedsCheck,
    );
    const { eventId: official } = await addEvent(deps(), staff, notice, {
      acknowledged: ack,
      reason: 'Извещение военкомата',
    });
    const view = await getCaseForViewer(deps(), await grantFor(t, w.family, caseId));
    expect(view.events).toHaveLength(3);
    expect(view.discrepancies.map((d) => d.rule).sort()).toEqual(['alive_after_death', 'death_dates']);
    expect(view.discrepancies.every((d) => d.officialVersusOther && d.open)).toBe(true);
    // A confirmed notice, but contradicted: disputed, never "dead", in the family's list too.
    expect(view.status.status).toBe('disputed_death');
    expect((await casesOfFamily(t.opened.db, w.family.auth)).find((c) => c.id === caseId)?.status).toBe(
      'disputed_death',
    );

    // Resolved by a verifier with a reason, both versions kept: the family's witness date set
    // aside, and the last call judged compatible (the official date is the one the unit gave).
    const resolve = await grantFor(t, w.verifier, caseId, 'resolve');
    await expect(grantFor(t, w.caseworker, caseId, 'resolve')).rejects.toMatchObject({ kind: 'not_found' });
    const [dates, alive] = ['death_dates', 'alive_after_death'].map(
      (r) => view.discrepancies.find((d) => d.rule === r)!,
    );
    await resolveDiscrepancy(deps(), resolve, { key: dates.key, setAsideEventId: familyDeath, reason: 'Дата со слов' });
    await expect(
      resolveDiscrepancy(deps(), resolve, { key: dates.key, setAsideEventId: null, reason: 'ещё раз' }),
    ).rejects.toMatchObject({ problems: [{ field: '_form', key: 'cases.errors.discrepancyNotOpen' }] });
    await expect(
      resolveDiscrepancy(deps(), resolve, { key: alive.key, setAsideEventId: familyDeath, reason: 'не то событие' }),
    ).rejects.toMatchObject({ problems: [{ field: 'outcome', key: 'errors.unknownOption' }] });
    expect((await getCaseForViewer(deps(), await grantFor(t, w.family, caseId))).status.status).toBe('disputed_death');
    await resolveDiscrepancy(deps(), resolve, { key: alive.key, setAsideEventId: null, reason: 'Звонок из плена?' });
    const settled = await getCaseForViewer(deps(), await grantFor(t, w.family, caseId));
    expect(settled.status.status).toBe('dead');
    expect(settled.events).toHaveLength(3);
    expect(settled.events.find((e) => e.id === familyDeath)?.setAside).toBe(true);
    // The family learns the verdict, never the reason; staff read both.
    expect(settled.discrepancies.map((d) => [d.open, d.verdict?.reason])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    expect(JSON.stringify(settled)).not.toContain('Дата со слов');
    const asStaff = await getCaseForViewer(deps(), await grantFor(t, w.caseworker, caseId));
    expect(asStaff.discrepancies.map((d) => d.verdict?.reason).sort()).toEqual(['Дата со слов', 'Звонок из плена?']);

    // A mistaken confirmation is revised down by a verifier, with a reason; the levels stay on record.
    const revise = await grantFor(t, w.verifier, caseId, 'revise');
    await expect(grantFor(t, w.caseworker, caseId, 'revise')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(reviseEvent(deps(), revise, official, 'reported', '')).rejects.toMatchObject({ kind: 'invalid' });
    await reviseEvent(deps(), revise, official, 'reported', 'Извещение о другом человеке');
    const revised = await getCaseForViewer(deps(), await grantFor(t, w.verifier, caseId));
    expect(revised.status.status).toBe('unknown');
    expect(revised.status.pending).toBe('reported_dead');
    expect(revised.events.find((e) => e.id === official)?.history.map((h) => [h.step, h.from, h.to, h.reason])).toEqual(
      [
        ['added', null, 'confirmed', 'Извещение военкомата'],
        ['revised', 'confirmed', 'reported', 'Извещение о другом человеке'],
      ],
    );
    // Reasons are sealed: no plaintext in the rows.
    const raw = JSON.stringify([
      await t.opened.db.selectFrom('event_levels').selectAll().execute(),
      await t.opened.db.selectFrom('discrepancy_resolutions').selectAll().execute(),
    ]);
    for (const marker of ['Извещение военкомата', 'Дата со слов', 'Звонок из плена?', 'о другом человеке'])
      expect(raw).not.toContain(marker);
  });

  it('never gives staff notes to the family', async () => {
    await addNote(deps(), await grantFor(t, w.caseworker, w.otherCaseId, 'note'), 'секрет сотрудника');
    const asFamily = await getCaseForViewer(deps(), await grantFor(t, w.otherFamily, w.otherCaseId));
    expect(JSON.stringify(asFamily)).not.toContain('секрет сотрудника');
    expect(asFamily.notes).toEqual([]);
    const asStaff = await getCaseForViewer(deps(), await grantFor(t, w.caseworker, w.otherCaseId));
    expect(asStaff.notes.map((n) => n.body)).toEqual(['секрет сотрудника']);
  });

  it('filters the queue: unassigned, mine, waiting on the family, no activity for N days', async () => {
    const q = queueOf(w.caseworker.auth);
    const start = t.clock.now();
    const { caseId: a } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Ёлкин' }));
    const { caseId: b } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Сидоров' }));
    await assignCase(deps(), await grantFor(t, w.caseworker, a, 'assign'), w.caseworker.id);
    await sendMessage(deps(), await grantFor(t, w.caseworker, a, 'message'), 'Ответьте, пожалуйста');
    const ids = async (f: Parameters<typeof caseQueue>[2], days?: number) =>
      (await caseQueue(deps(), q, f, { days })).rows.map((r) => r.id);
    expect(await ids('mine')).toEqual([a]);
    // The queue shows the derived status: a family's last contact is only reported, so unknown.
    expect((await caseQueue(deps(), q, 'mine')).rows.map((r) => r.status)).toEqual(['unknown']);
    expect(await ids('unassigned')).toContain(b);
    expect(await ids('unassigned')).not.toContain(a);
    expect(await ids('waiting')).toEqual([a]);
    t.clock.advance(10 * DAY);
    await sendMessage(deps(), await grantFor(t, w.family, a, 'message'), 'Отвечаю');
    expect(await ids('waiting')).toEqual([]);
    const stale = await ids('stale', 7);
    expect(stale).toContain(b);
    expect(stale).not.toContain(a);
    expect(await ids('stale', 30)).toEqual([]);
    expect((await caseQueue(deps(), queueOf(w.otherOrgCaseworker.auth), 'open')).rows).toEqual([]);
    // search by name (ё/е folded) and by unit, inside the organisation only
    const found = async (g: typeof q, query: string) => (await searchCases(deps(), g, query)).rows.map((r) => r.id);
    expect(await found(q, 'елкин')).toEqual([a]);
    expect(await found(q, '12345 сидоров')).toEqual([b]);
    expect(await found(queueOf(w.otherOrgCaseworker.auth), 'елкин')).toEqual([]);
    expect(await found(q, '%')).toEqual([]);
    t.clock.set(start);
  });

  it('keeps every message when several arrive at once, in one order', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id));
    const fam = await grantFor(t, w.family, caseId, 'message');
    const cw = await grantFor(t, w.caseworker, caseId, 'message');
    await Promise.all(Array.from({ length: 6 }, (_, i) => sendMessage(deps(), i % 2 ? fam : cw, `сообщение ${i}`)));
    const view = await getCaseForViewer(deps(), await grantFor(t, w.family, caseId));
    expect(view.messages.map((m) => m.body).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `сообщение ${i}`));
  });

  it('closes with a reason and reopens; a closed case takes nothing new', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id));
    const cw = await grantFor(t, w.caseworker, caseId, 'close');
    await closeCase(deps(), cw, 'duplicate');
    await expect(closeCase(deps(), cw, 'duplicate')).rejects.toMatchObject({ kind: 'invalid' });
    await expect(sendMessage(deps(), await grantFor(t, w.family, caseId, 'message'), 'ещё')).rejects.toMatchObject({
      kind: 'invalid',
    });
    const closed = await getCaseForViewer(deps(), await grantFor(t, w.family, caseId));
    expect([closed.state, closed.closeReason]).toEqual(['closed', 'duplicate']);
    expect((await caseQueue(deps(), queueOf(w.caseworker.auth), 'closed')).rows.map((r) => r.id)).toContain(caseId);
    const again = await grantFor(t, w.caseworker, caseId, 'reopen');
    await reopenCase(deps(), again);
    await expect(reopenCase(deps(), again)).rejects.toMatchObject({ kind: 'invalid' });
    expect((await getCaseForViewer(deps(), await grantFor(t, w.family, caseId))).state).toBe('open');
  });

  it('audits every staff read and change, families to the day, never content', async () => {
    const rows = await auditForOrganisation(t.opened.db, w.orgA.id, 1000);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'case.opened',
      'case.read',
      'case.assigned',
      'message.sent',
      'note.added',
      'event.added',
      'event.verified',
      'event.confirmed',
      'event.revised',
      'discrepancy.resolved',
      'case.closed',
      'case.reopened',
      'case.searched',
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(rows.filter((r) => r.actorRole === 'family').every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.at))).toBe(true);
    expect(rows.some((r) => r.actorRole === 'family' && r.action === 'case.read')).toBe(false);
    // Organisation B saw only its own caseworker's (empty) search, nothing of A's cases.
    const b = await auditForOrganisation(t.opened.db, w.orgB.id);
    expect(b.map((r) => [r.action, r.caseId, r.actorUserId])).toEqual([
      ['case.searched', null, w.otherOrgCaseworker.id],
    ]);
  });

  it('counts for kintrace stats', async () => {
    const s = await casesStats(t.opened.db);
    expect(s.cases).toBeGreaterThanOrEqual(2);
    expect(s.persons).toBe(s.cases);
    expect(s.users).toBe(8);
    expect(s.events).toBeGreaterThan(0);
  });
});

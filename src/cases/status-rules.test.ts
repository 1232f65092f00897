import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../people/partial-date.ts';
import { discrepancyKey, findDiscrepancies, judgeDiscrepancies } from './discrepancies.ts';
import { deriveStatus } from './status-rules.ts';
import { NeedsCheck, checkChange, guardLevelStep, unacknowledged, warningSignature } from './verification-lifecycle.ts';
import type { EventKind, EventSource, TimelineEvent, Verification } from './timeline.ts';

let n = 0;
const ev = (
  kind: EventKind,
  date: string,
  verification: Verification = 'corroborated',
  source: EventSource = 'family',
): TimelineEvent => {
  const d = parsePartialDate(date);
  if (!d) throw new Error(`bad test date ${date}`);
  return { id: `e${++n}-${kind}`, kind, date: d, source, verification };
};

describe('status rules', () => {
  it('is unknown without events', () => {
    expect(deriveStatus([])).toEqual({
      status: 'unknown',
      basisEventId: null,
      pending: null,
      pendingBasisEventId: null,
    });
  });

  it('counts only corroborated and confirmed events; reported ones are pending', () => {
    const missing = ev('missing', '2024-03-10', 'reported');
    expect(deriveStatus([missing])).toEqual({
      status: 'unknown',
      basisEventId: null,
      pending: 'missing',
      pendingBasisEventId: missing.id,
    });
    const corroborated = { ...missing, verification: 'corroborated' as const };
    expect(deriveStatus([corroborated])).toEqual({
      status: 'missing',
      basisEventId: missing.id,
      pending: null,
      pendingBasisEventId: null,
    });
  });

  it('maps each kind to its status, ignoring kinds that say nothing about the present', () => {
    const cases: Array<[EventKind, string]> = [
      ['last_contact', 'no_contact'],
      ['deployed', 'serving'],
      ['transferred', 'serving'],
      ['wounded', 'wounded'],
      ['hospitalised', 'wounded'],
      ['detained', 'detained'],
      ['captured', 'captured'],
      ['missing', 'missing'],
      ['death_reported', 'reported_dead'],
      ['body_returned', 'body_returned'],
      ['refusal_filed', 'refusal_filed'],
      ['released', 'released'],
      ['returned_home', 'returned_home'],
      ['belongings_returned', 'unknown'],
      ['official_notice', 'unknown'],
      ['other', 'unknown'],
    ];
    for (const [kind, status] of cases) expect(deriveStatus([ev(kind, '2024-05-01')]).status, kind).toBe(status);
  });

  it('needs a confirmed "death confirmed" event for "dead"', () => {
    expect(deriveStatus([ev('death_confirmed', '2024-05-01', 'corroborated')]).status).toBe('reported_dead');
    expect(deriveStatus([ev('death_confirmed', '2024-05-01', 'confirmed')]).status).toBe('dead');
  });

  it('lets the latest verified event win', () => {
    const s = deriveStatus([ev('deployed', '2023-10-01'), ev('missing', '2024-02-12'), ev('wounded', '2024-01-20')]);
    expect(s.status).toBe('missing');
  });

  it('breaks overlapping dates by precedence: released beats captured beats missing', () => {
    expect(deriveStatus([ev('captured', '2024-05-12'), ev('released', '2024')]).status).toBe('released');
    expect(deriveStatus([ev('missing', '2024-03-10'), ev('captured', '2024')]).status).toBe('captured');
    expect(deriveStatus([ev('missing', '03.2024'), ev('released', '2024-06-01'), ev('captured', '2024')]).status).toBe(
      'released',
    );
    expect(deriveStatus([ev('returned_home', '2024-08-01'), ev('released', '2024-08-01')]).status).toBe(
      'returned_home',
    );
  });

  it('lets a later capture follow an earlier release', () => {
    expect(deriveStatus([ev('released', '2023-05-01'), ev('captured', '2024-02-01')]).status).toBe('captured');
  });

  it('keeps a confirmed death over later reports of missing', () => {
    const death = ev('death_confirmed', '2024-03-01', 'confirmed', 'official');
    const s = deriveStatus([death, ev('missing', '2024-04-01'), ev('missing', '2024-05-01', 'confirmed')]);
    expect(s).toEqual({ status: 'dead', basisEventId: death.id, pending: null, pendingBasisEventId: null });
  });

  it('reads a death contradicted by a later capture as disputed until a verifier resolves it', () => {
    const death = ev('death_confirmed', '2024-03-01', 'confirmed', 'official');
    const captured = ev('captured', '2024-05-01');
    const s = deriveStatus([death, ev('missing', '2024-04-01'), captured]);
    expect(s).toEqual({ status: 'disputed_death', basisEventId: death.id, pending: null, pendingBasisEventId: null });
    const key = `alive_after_death:${death.id}:${captured.id}`;
    // Both versions stand (the capture was the unit's mistake, say): the death holds.
    expect(deriveStatus([death, captured], { resolutions: [{ key, setAsideEventId: null }] }).status).toBe('dead');
    // The death report set aside: it stays on the timeline, the capture sets the status.
    expect(deriveStatus([death, captured], { resolutions: [{ key, setAsideEventId: death.id }] })).toMatchObject({
      status: 'captured',
      basisEventId: captured.id,
    });
  });

  it('overrides a confirmed death only with a confirmed release or return home', () => {
    const death = ev('death_confirmed', '2024-03-01', 'confirmed', 'official');
    const home = ev('returned_home', '2024-09-01', 'corroborated');
    // A corroborated return after a confirmed death does not override it, and contradicts it.
    expect(deriveStatus([death, home]).status).toBe('disputed_death');
    const key = `alive_after_death:${death.id}:${home.id}`;
    expect(deriveStatus([death, home], { resolutions: [{ key, setAsideEventId: home.id }] }).status).toBe('dead');
    expect(deriveStatus([death, ev('returned_home', '2024-09-01', 'confirmed')]).status).toBe('returned_home');
  });

  it('puts a body returned after the death it follows', () => {
    const s = deriveStatus([
      ev('death_confirmed', '2024-03-01', 'confirmed'),
      ev('body_returned', '2024-06-01'),
      ev('missing', '2024-07-01'),
    ]);
    expect(s.status).toBe('body_returned');
  });

  it('lets death confirmed override missing on the same month', () => {
    expect(deriveStatus([ev('missing', '2024-03-05'), ev('death_confirmed', '03.2024', 'confirmed')]).status).toBe(
      'dead',
    );
  });

  it('shows an unverified family report as pending next to the verified status', () => {
    const s = deriveStatus([
      ev('missing', '2024-03-10', 'confirmed', 'official'),
      ev('captured', '2024-04-01', 'reported'),
    ]);
    expect(s.status).toBe('missing');
    expect(s.pending).toBe('captured');
  });
});

describe('discrepancies', () => {
  it('flags two different dates of death, official first, and keeps both', () => {
    const family = ev('death_reported', '2024-03-01', 'reported', 'family');
    const official = ev('death_confirmed', '2024-05-20', 'confirmed', 'official');
    expect(findDiscrepancies([family, official])).toEqual([
      { rule: 'death_dates', eventIds: [official.id, family.id], officialVersusOther: true },
    ]);
  });

  it('does not flag dates of death that may be the same day', () => {
    expect(
      findDiscrepancies([
        ev('death_reported', '03.2024'),
        ev('death_confirmed', '2024-03-14', 'confirmed', 'official'),
      ]),
    ).toEqual([]);
  });

  it('flags an official date of death before a later last contact', () => {
    const official = ev('death_confirmed', '2024-02-01', 'confirmed', 'official');
    const call = ev('last_contact', '2024-02-20', 'reported', 'family');
    expect(findDiscrepancies([call, official])).toEqual([
      { rule: 'alive_after_death', eventIds: [official.id, call.id], officialVersusOther: true },
    ]);
  });

  it('does not treat a body or belongings returned after death as a contradiction', () => {
    expect(
      findDiscrepancies([
        ev('death_confirmed', '2024-02-01'),
        ev('body_returned', '2024-05-01'),
        ev('belongings_returned', '2024-06-01'),
      ]),
    ).toEqual([]);
  });

  it('flags two non-official versions too, marking them as such', () => {
    const d = findDiscrepancies([
      ev('death_reported', '2024-01-01', 'reported', 'witness'),
      ev('death_reported', '2024-06-01', 'reported', 'news'),
    ]);
    expect(d).toHaveLength(1);
    expect(d[0].officialVersusOther).toBe(false);
  });
});

describe('the truth of a death (issue 9)', () => {
  it('never reads an official death as confirmed while a deployment and a call after it contradict it', () => {
    // The walk: a verifier confirmed a notice dated 20.09.2024 while the page flagged a confirmed
    // deployment in 10.2024 and a last contact in 11.2024.
    const notice = ev('death_confirmed', '20.09.2024', 'confirmed', 'official');
    const deployed = ev('deployed', '10.2024', 'confirmed', 'official');
    const call = ev('last_contact', '11.2024', 'reported', 'family');
    const s = deriveStatus([deployed, call, notice]);
    expect(s.status).toBe('disputed_death');
    expect(s.status).not.toBe('dead');
    expect(findDiscrepancies([deployed, call, notice]).map((d) => d.rule)).toEqual([
      'alive_after_death',
      'alive_after_death',
    ]);
  });

  it('shows a reported death next to a verified deployment instead of «на службе» alone', () => {
    const deployed = ev('deployed', '10.2024', 'corroborated');
    const death = ev('death_reported', '12.2024', 'reported', 'witness');
    expect(deriveStatus([deployed, death])).toEqual({
      status: 'serving',
      basisEventId: deployed.id,
      pending: 'reported_dead',
      pendingBasisEventId: death.id,
    });
  });

  it('never lets a later, lesser report hide a reported death', () => {
    const death = ev('death_reported', '2024-03-01', 'reported', 'witness');
    const s = deriveStatus([death, ev('missing', '2024-06-01', 'corroborated', 'official')]);
    expect(s).toMatchObject({ status: 'missing', pending: 'reported_dead', pendingBasisEventId: death.id });
    // At the level that counts, too: the unit listing him as missing later does not undo it.
    const counted = ev('death_reported', '2024-03-01', 'corroborated', 'witness');
    expect(deriveStatus([counted, ev('missing', '2024-06-01', 'corroborated', 'official')]).status).toBe(
      'reported_dead',
    );
    // A release at least as sure as the report overrides it (and is flagged).
    expect(deriveStatus([counted, ev('released', '2024-08-01', 'corroborated')]).status).toBe('released');
  });

  it('flags a death dated before the person was recruited or left prison', () => {
    // Yulia's son: the ministry's letter gave the day he left prison as the day he died.
    const prison = ev('released_from_prison', '2023-04-10', 'confirmed', 'official');
    const letter = ev('death_confirmed', '2023-04-09', 'confirmed', 'official');
    expect(findDiscrepancies([prison, letter])).toEqual([
      { rule: 'death_before_service', eventIds: [letter.id, prison.id], officialVersusOther: false },
    ]);
    expect(deriveStatus([prison, letter]).status).toBe('disputed_death');
    const recruited = ev('recruited', '2023-09', 'reported', 'family');
    const early = ev('death_reported', '2023-08-15', 'reported', 'news');
    expect(findDiscrepancies([recruited, early]).map((d) => d.rule)).toEqual(['death_before_service']);
    // The same day may be both: not flagged.
    expect(findDiscrepancies([prison, ev('death_reported', '04.2023')])).toEqual([]);
  });

  it('flags events before the date of birth and service under 18, against the birth date', () => {
    const birth = parsePartialDate('12.05.2006')!;
    const before = ev('last_contact', '2005', 'reported', 'family');
    const young = ev('deployed', '03.2024', 'corroborated', 'official');
    const adult = ev('deployed', '06.2024', 'corroborated', 'official');
    expect(findDiscrepancies([before, young, adult], { birth })).toEqual([
      { rule: 'before_birth', eventIds: [before.id], officialVersusOther: false },
      { rule: 'under_18_at_service', eventIds: [young.id], officialVersusOther: true },
    ]);
    // May 2024 may be the day he turned 18: not certainly under 18.
    expect(findDiscrepancies([ev('recruited', '05.2024')], { birth })).toEqual([]);
    // A year of birth only: under 18 only when certain (born in 2005, he may be 18 in 2023).
    expect(findDiscrepancies([ev('recruited', '2023')], { birth: parsePartialDate('2005')! })).toEqual([]);
    expect(findDiscrepancies([ev('recruited', '2023')], { birth: parsePartialDate('2006')! })).toHaveLength(1);
    // Without a birth date nothing is compared with it.
    expect(findDiscrepancies([before, young])).toEqual([]);
  });

  it('keeps resolved discrepancies and set-aside events out of what is open', () => {
    const a = ev('death_reported', '2024-01-01', 'reported', 'witness');
    const b = ev('death_confirmed', '2024-06-01', 'confirmed', 'official');
    const call = ev('last_contact', '2024-03-01', 'reported', 'family');
    const all = [a, b, call];
    expect(judgeDiscrepancies(all).open).toHaveLength(2);
    // Setting the witness's date aside settles both discrepancies it is in.
    const j = judgeDiscrepancies(all, {}, [{ key: discrepancyKey(findDiscrepancies(all)[0]), setAsideEventId: a.id }]);
    expect(j.open).toEqual([]);
    expect([...j.setAside]).toEqual([a.id]);
    expect(j.found).toHaveLength(2);
  });
});

describe('the verification lifecycle', () => {
  const timeline = () => {
    const deployed = ev('deployed', '2024-01', 'corroborated');
    const death = ev('death_confirmed', '2024-06-01', 'reported', 'official');
    const captured = ev('captured', '2024-05-01', 'reported', 'witness');
    const wounded = ev('wounded', '2024-02-01', 'reported', 'family');
    return { deployed, death, captured, wounded, all: [deployed, death, captured, wounded] };
  };
  const at = (events: TimelineEvent[], id: string, level: Verification) =>
    events.map((e) => (e.id === id ? { ...e, verification: level } : e));

  it('calls a change grave when it counts a death or sets a capture or detention', () => {
    const t = timeline();
    expect(checkChange(t.all, at(t.all, t.death.id, 'corroborated'), t.death.id, {}).grave).toBe(true);
    expect(checkChange(t.all, at(t.all, t.captured.id, 'corroborated'), t.captured.id, {})).toMatchObject({
      grave: true,
      statusBefore: 'serving',
      statusAfter: 'captured',
    });
    expect(checkChange(t.all, at(t.all, t.wounded.id, 'corroborated'), t.wounded.id, {}).grave).toBe(false);
    // A report at "reported" changes no status: never grave.
    const added = ev('death_reported', '2024-07-01', 'reported');
    expect(checkChange(t.all, [...t.all, added], added.id, {}).grave).toBe(false);
  });

  it('warns about the contradictions a new event brings, and lets a second submit save it', () => {
    const t = timeline();
    const letter = ev('death_confirmed', '2023-12-01', 'reported', 'official');
    const check = checkChange(t.all, [...t.all, letter], letter.id, { birth: parsePartialDate('1990')! });
    const signatures = check.warnings.map((d) => warningSignature(d, letter.id));
    expect(signatures).toEqual([
      `death_dates:${t.death.id}`,
      `alive_after_death:${t.deployed.id}`,
      `alive_after_death:${t.captured.id}`,
      `alive_after_death:${t.wounded.id}`,
    ]);
    expect(unacknowledged(check, letter.id, signatures)).toEqual([]);
    expect(unacknowledged(check, letter.id, signatures.slice(1))).toHaveLength(1);
    const born = ev('last_contact', '1989', 'reported', 'family');
    const early = checkChange(t.all, [...t.all, born], born.id, { birth: parsePartialDate('1990')! });
    expect(early.warnings.map((d) => warningSignature(d, born.id))).toEqual(['before_birth']);
  });

  it('guards every step: one click never makes a grave change, a correction needs a reason', () => {
    const t = timeline();
    const grave = checkChange(t.all, at(t.all, t.death.id, 'confirmed'), t.death.id, {});
    const quiet = checkChange(t.all, at(t.all, t.wounded.id, 'corroborated'), t.wounded.id, {});
    const base = { from: 'reported' as const, to: 'confirmed' as const, max: 'confirmed' as const };
    expect(() => guardLevelStep('verified', { ...base, check: grave })).toThrow(NeedsCheck);
    expect(() => guardLevelStep('confirmed', { ...base, check: grave })).toThrow(
      expect.objectContaining({ problems: [{ field: 'reason', key: 'cases.errors.reasonRequired' }] }),
    );
    expect(() => guardLevelStep('confirmed', { ...base, check: grave, reason: 'Акт о смерти' })).not.toThrow();
    expect(() => guardLevelStep('verified', { ...base, to: 'corroborated', check: quiet })).not.toThrow();
    expect(() => guardLevelStep('confirmed', { ...base, max: 'corroborated', check: grave, reason: 'x' })).toThrow(
      expect.objectContaining({ problems: [{ field: 'verification', key: 'cases.errors.levelNotAllowed' }] }),
    );
    // Down: only a correction.
    const down = { from: 'confirmed' as const, to: 'reported' as const, max: 'confirmed' as const, check: grave };
    expect(() => guardLevelStep('confirmed', { ...down, reason: 'x' })).toThrow(
      expect.objectContaining({ problems: [{ field: 'verification', key: 'cases.errors.notHigher' }] }),
    );
    expect(() => guardLevelStep('revised', down)).toThrow(
      expect.objectContaining({ problems: [{ field: 'reason', key: 'cases.errors.reasonRequired' }] }),
    );
    expect(() => guardLevelStep('revised', { ...down, reason: 'Извещение оказалось о другом человеке' })).not.toThrow();
    expect(() => guardLevelStep('revised', { ...down, to: 'confirmed', reason: 'x' })).toThrow(
      expect.objectContaining({ problems: [{ field: 'verification', key: 'cases.errors.sameLevel' }] }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../people/partial-date.ts';
import { findDiscrepancies } from './discrepancies.ts';
import { deriveStatus } from './status-rules.ts';
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

  it('keeps a confirmed death over later reports of missing or captured', () => {
    const death = ev('death_confirmed', '2024-03-01', 'confirmed', 'official');
    const s = deriveStatus([death, ev('missing', '2024-04-01'), ev('captured', '2024-05-01')]);
    expect(s).toEqual({ status: 'dead', basisEventId: death.id, pending: null, pendingBasisEventId: null });
  });

  it('overrides a confirmed death only with a confirmed release or return home', () => {
    const death = ev('death_confirmed', '2024-03-01', 'confirmed', 'official');
    expect(deriveStatus([death, ev('returned_home', '2024-09-01', 'corroborated')]).status).toBe('dead');
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

import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../people/partial-date.ts';
import { findDiscrepancies } from './discrepancies.ts';
import { familyLastContact, nextReportSeq } from './last-contact.ts';
import { deriveStatus } from './status-rules.ts';
import type { TimelineEvent, Verification } from './timeline.ts';

// docs/status-rules.md, rule 8: the family's own last contact is what she says now.

let n = 0;
const own = (date: string, reportSeq: number | null, over: Partial<TimelineEvent> = {}): TimelineEvent => {
  const d = parsePartialDate(date);
  if (!d) throw new Error(`bad test date ${date}`);
  return {
    id: `c${++n}`,
    kind: 'last_contact',
    date: d,
    source: 'family',
    verification: 'reported',
    byFamily: true,
    reportSeq,
    ...over,
  };
};
const staffSaw = (date: string, verification: Verification): TimelineEvent =>
  own(date, null, { source: 'witness', byFamily: false, verification });

describe('the family’s last contact', () => {
  it('is her latest report, even when its date is earlier; the others are corrected to it', () => {
    const reports = [own('10.2026', 1), own('15.10.2026', 2), own('05.11.2026', 3), own('01.09.2026', 4)];
    const { current, corrected } = familyLastContact(reports);
    expect(current?.date).toEqual({ value: '2026-09-01', precision: 'day' });
    expect([...corrected.keys()]).toEqual(reports.slice(0, 3).map((e) => e.id));
    for (const e of corrected.values()) expect(e?.id).toBe(reports[3].id);
    const s = deriveStatus(reports);
    expect(s.pending).toBe('no_contact');
    expect(s.pendingBasisEventId).toBe(reports[3].id);
    // Whatever order the rows come in.
    expect(familyLastContact([...reports].reverse()).current?.id).toBe(reports[3].id);
  });

  it('a corrected report no longer counts, even one a caseworker corroborated', () => {
    const first = own('10.01.2026', 1, { verification: 'corroborated' });
    const fixed = own('15.12.2025', 2);
    expect(deriveStatus([first])).toMatchObject({ status: 'no_contact', basisEventId: first.id });
    expect(deriveStatus([first, fixed])).toEqual({
      status: 'unknown',
      basisEventId: null,
      pending: 'no_contact',
      pendingBasisEventId: fixed.id,
    });
  });

  it('leaves other sources to the rules: a later contact staff verified still wins', () => {
    const witness = staffSaw('20.02.2026', 'corroborated');
    const reports = [own('10.01.2026', 1), own('01.12.2025', 2)];
    const s = deriveStatus([witness, ...reports]);
    expect(s).toMatchObject({ status: 'no_contact', basisEventId: witness.id, pending: null });
    expect(familyLastContact([witness, ...reports]).current?.id).toBe(reports[1].id);
    expect(familyLastContact([witness, ...reports]).corrected.has(witness.id)).toBe(false);
  });

  it('a staff member recording a family-sourced contact is not her report', () => {
    const byStaff = own('20.01.2026', null, { byFamily: false });
    const hers = own('10.01.2026', 1);
    expect(familyLastContact([byStaff, hers]).corrected.size).toBe(0);
    expect(deriveStatus([byStaff, hers]).pendingBasisEventId).toBe(byStaff.id);
  });

  it('two families never correct each other on a person’s record', () => {
    const a = own('10.01.2026', 1, { caseId: 'A' });
    const b = own('01.12.2025', 1, { caseId: 'B' });
    const a2 = own('05.01.2026', 2, { caseId: 'A' });
    const { corrected } = familyLastContact([a, b, a2]);
    expect([...corrected.keys()]).toEqual([a.id]);
  });

  it('reports made before the numbering are older than any numbered one; among them the latest date', () => {
    const old1 = own('10.2025', null);
    const old2 = own('05.11.2025', null);
    expect(familyLastContact([old2, old1]).current?.id).toBe(old2.id);
    const fixed = own('01.09.2025', nextReportSeq([old1, old2]));
    expect(fixed.reportSeq).toBe(1);
    expect(familyLastContact([old1, old2, fixed]).current?.id).toBe(fixed.id);
    expect(nextReportSeq([old1, own('01.2026', 3)])).toBe(4);
  });

  it('a report she replaced raises no discrepancy, against a death or her date of birth', () => {
    const death = own('12.2025', null, { kind: 'death_confirmed', source: 'official', byFamily: false });
    const wrong = own('10.01.2026', 1);
    const typo = own('03.1997', 2);
    const birth = parsePartialDate('12.05.1998');
    expect(findDiscrepancies([death, wrong]).map((d) => d.rule)).toEqual(['alive_after_death']);
    expect(findDiscrepancies([death, wrong, typo], { birth }).map((d) => d.rule)).toEqual(['before_birth']);
    expect(findDiscrepancies([death, wrong, typo, own('15.11.2025', 3)], { birth })).toEqual([]);
    // Her current report still does, and so does a last contact from another source.
    const witness = own('20.01.2026', null, { source: 'witness', byFamily: false });
    expect(findDiscrepancies([death, wrong, witness, own('15.11.2025', 2)]).map((d) => d.eventIds[1])).toEqual([
      witness.id,
    ]);
  });

  it('her clearing of the date replaces the reports before it, and her next report replaces it', () => {
    // She gave two dates, then emptied the field: that took number 3 on her case.
    const cleared = { clearedSeq: 3, caseId: 'A' };
    const mine = [own('10.01.2026', 1, cleared), own('15.01.2026', 2, cleared)];
    const other = own('01.12.2025', 1, { caseId: 'B' });
    const { current, corrected } = familyLastContact([...mine, other]);
    expect(current?.id).toBe(other.id);
    expect([...corrected.entries()]).toEqual([
      [mine[0].id, null],
      [mine[1].id, null],
    ]);
    expect(familyLastContact(mine).current).toBeNull();
    const s = deriveStatus(mine);
    expect([s.status, s.pending]).toEqual(['unknown', null]);
    expect(nextReportSeq(mine)).toBe(4);
    const again = own('10.01.2026', 4, cleared);
    expect(familyLastContact([...mine, again]).current?.id).toBe(again.id);
    expect(familyLastContact([...mine, again]).corrected.get(mine[0].id)?.id).toBe(again.id);
  });

  it('is none when she gave no date', () => {
    expect(familyLastContact([staffSaw('20.02.2026', 'reported')])).toEqual({ current: null, corrected: new Map() });
  });
});

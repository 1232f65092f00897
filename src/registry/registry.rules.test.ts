import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../people/partial-date.ts';
import { deriveStatus } from '../cases/status-rules.ts';
import { findDiscrepancies } from '../cases/discrepancies.ts';
import type { PublicEvent } from '../cases/publication-facts.service.ts';
import { periodOf, qualify } from './publication-rules.ts';
import { suppress } from './suppression.ts';
import { safeCell, toCsv } from './open-data.ts';
import { simplify } from './region-map.ts';

// The pure rules of the registry: publication (P1–P4), suppression of small counts, safe CSV.

let n = 0;
const ev = (kind: string, date: string, source: string, verification: string): PublicEvent => ({
  id: `e${++n}`,
  kind: kind as PublicEvent['kind'],
  date: parsePartialDate(date)!,
  source: source as PublicEvent['source'],
  verification: verification as PublicEvent['verification'],
  place: null,
});

const facts = (events: PublicEvent[], doNotPublish = false) => ({
  events,
  status: deriveStatus(events),
  discrepancies: findDiscrepancies(events),
  cases: [{ caseId: 'c', organisationId: 'o', state: 'open' as const, doNotPublish }],
});

describe('publication rules', () => {
  it('accepts an official document, a source accepted alone, or two independent sources', () => {
    expect(qualify(facts([ev('death_confirmed', '2026-01-20', 'official', 'confirmed')]))).toMatchObject({
      status: 'dead',
      basis: 'official',
      problems: [],
    });
    expect(qualify(facts([ev('death_confirmed', '2026-01', 'news', 'confirmed')]))).toMatchObject({
      basis: 'accepted_alone',
      date: { value: '2026-01', precision: 'month' },
    });
    const two = qualify(
      facts([
        ev('missing', '2025-05', 'witness', 'corroborated'),
        ev('missing', '2025-05-12', 'rights_group', 'corroborated'),
      ]),
    );
    expect(two).toMatchObject({ status: 'missing', basis: 'two_sources', problems: [] });
  });

  it('refuses a single witness, two reports of one kind of source, "other", and other statuses', () => {
    expect(qualify(facts([ev('missing', '2025-05', 'witness', 'confirmed')])).problems).toEqual(['not_confirmed']);
    expect(
      qualify(
        facts([
          ev('missing', '2025-05', 'witness', 'corroborated'),
          ev('missing', '2025-05', 'witness', 'corroborated'),
        ]),
      ).problems,
    ).toEqual(['not_confirmed']);
    expect(
      qualify(
        facts([ev('missing', '2025-05', 'other', 'corroborated'), ev('missing', '2025-05', 'news', 'corroborated')]),
      ).problems,
    ).toEqual(['not_confirmed']);
    // A news report is accepted alone for a death, not for a disappearance.
    expect(qualify(facts([ev('missing', '2025-05', 'news', 'confirmed')])).problems).toEqual(['not_confirmed']);
    expect(qualify(facts([ev('captured', '2025-05', 'official', 'confirmed')])).problems).toContain(
      'status_not_published',
    );
  });

  it('refuses while anything is contested or the family said no', () => {
    const death = ev('death_confirmed', '2026-01-20', 'official', 'confirmed');
    // D1: a second, incompatible date of death (even only reported by the family).
    expect(qualify(facts([death, ev('death_reported', '2025-11', 'family', 'reported')])).problems).toContain(
      'open_discrepancy',
    );
    // An unverified report that would change a disappearance into a death.
    expect(
      qualify(
        facts([
          ev('missing', '2025-05', 'official', 'confirmed'),
          ev('death_reported', '2025-08', 'family', 'reported'),
        ]),
      ).problems,
    ).toEqual(['unverified_report']);
    expect(qualify(facts([death], true)).problems).toEqual(['family_opted_out']);
  });

  it('counts a record under its month, its year, or no period', () => {
    expect(periodOf(parsePartialDate('12.05.2024'))).toBe('2024-05');
    expect(periodOf(parsePartialDate('05.2024'))).toBe('2024-05');
    expect(periodOf(parsePartialDate('2024'))).toBe('2024');
    expect(periodOf(null)).toBe('');
  });
});

describe('suppression of small counts', () => {
  const table = (o: Record<string, number>) => new Map(Object.entries(o));
  const hiddenOf = (t: ReturnType<typeof suppress>) => [...t.cells].filter(([, v]) => v === null).map(([k]) => k);

  it('hides cells under the threshold and shows zeros', () => {
    const t = suppress(table({ a: 40, b: 3, c: 0, d: 2, e: 12 }), 5);
    expect(hiddenOf(t)).toEqual(['b', 'd']);
    expect(t.cells.get('c')).toBe(0);
    expect(t.total).toBe(57);
  });

  it('hides a second cell when one alone could be worked out from the total', () => {
    const t = suppress(table({ a: 40, b: 3, e: 12, f: 9 }), 5);
    expect(hiddenOf(t).sort()).toEqual(['b', 'f']);
    // Whoever subtracts gets only the sum of at least two cells, and at least the threshold.
    const shown = [...t.cells.values()].reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(t.total! - shown).toBeGreaterThanOrEqual(5);
  });

  it('hides more while the hidden cells together stay under the threshold', () => {
    const t = suppress(table({ a: 40, b: 1, c: 1, d: 6, e: 30 }), 5);
    expect(hiddenOf(t).sort()).toEqual(['b', 'c', 'd']);
  });

  it('hides the whole table when the total is small', () => {
    const t = suppress(table({ a: 2, b: 1 }), 5);
    expect(t.total).toBeNull();
    expect(hiddenOf(t)).toEqual(['a', 'b']);
  });

  it('never leaves a single hidden cell or a hidden sum under the threshold (random tables)', () => {
    for (let seed = 1; seed < 300; seed++) {
      const counts = new Map<string, number>();
      for (let i = 0; i < 10; i++)
        counts.set(`r${i}`, (seed * (i + 7) * 2654435761) % 23 < 9 ? (seed + i) % 6 : (seed * i) % 40);
      const t = suppress(counts, 5);
      if (t.total === null) continue;
      const hidden = hiddenOf(t);
      if (hidden.length === 0) continue;
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hidden.reduce((s, k) => s + counts.get(k)!, 0)).toBeGreaterThanOrEqual(5);
      for (const [k, v] of counts) if (v > 0 && v < 5) expect(t.cells.get(k)).toBeNull();
    }
  });
});

describe('open data', () => {
  it('makes every text cell a spreadsheet would run inert, and leaves numbers alone', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+7 999', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(String(safeCell(bad)).startsWith("'")).toBe(true);
    expect(safeCell('Иванов')).toBe('Иванов');
    expect(safeCell(-3)).toBe(-3);
    const csv = toCsv(['a', 'b'], [{ a: '=1+1', b: 5 }]);
    expect(csv).toBe("\ufeffa,b\r\n'=1+1,5\r\n");
  });

  it('simplifies a ring within the tolerance', () => {
    const ring: Array<[number, number]> = Array.from({ length: 100 }, (_, i) => [i, i % 2 === 0 ? 0 : 0.1]);
    expect(simplify(ring, 0.5)).toEqual([
      [0, 0],
      [99, 0.1],
    ]);
  });
});

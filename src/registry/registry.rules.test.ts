import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../people/partial-date.ts';
import { deriveStatus } from '../cases/status-rules.ts';
import { findDiscrepancies } from '../cases/discrepancies.ts';
import type { PublicEvent } from '../cases/publication-facts.service.ts';
import { periodOf, qualify } from './publication-rules.ts';
import { suppress } from './suppression.ts';
import { safeCell, toCsv } from './open-data.ts';
import { simplify } from './region-map.ts';
import { rateClasses } from './charts.views.tsx';
import fc from 'fast-check';

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

  it('hides cells under the threshold, zeros too: a shown zero would make "hidden" mean "someone"', () => {
    const t = suppress(table({ a: 40, b: 3, c: 0, d: 2, e: 12 }), 5);
    expect(hiddenOf(t)).toEqual(['b', 'c', 'd']);
    expect(t.total).toBe(57);
  });

  it('hides the smallest count beside hidden zeros, so the subtraction cannot show them zero', () => {
    const t = suppress(table({ a: 40, b: 0, c: 7, d: 0 }), 5);
    expect(hiddenOf(t).sort()).toEqual(['b', 'c', 'd']);
    expect(t.cells.get('a')).toBe(40);
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
      for (const [k, v] of counts) if (v < 5) expect(t.cells.get(k)).toBeNull();
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

// The map's classes are quantiles of the regions' rates. Rates are rounded to two decimals, so with
// few published deaths many regions share one (0.04 for one death in two or three million): the
// quantile breaks fell on that value, the legend listed classes like «0,04 — 0,04» that held no
// region, and a region at 0.04 was painted in a class whose legend range did not contain it.
describe('map classes', () => {
  const holds = (rates: Array<number | null>) => {
    const c = rateClasses(rates);
    const values = rates.filter((r): r is number => r !== null && r > 0);
    for (let i = 1; i < c.bounds.length; i++) expect(c.bounds[i]).toBeGreaterThan(c.bounds[i - 1]);
    for (const v of values) {
      const i = c.of(v);
      expect(v, `rate ${v} in class ${i} of ${c.bounds}`).toBeGreaterThanOrEqual(c.bounds[i]);
      if (i + 1 < c.bounds.length) expect(v, `rate ${v} in class ${i} of ${c.bounds}`).toBeLessThan(c.bounds[i + 1]);
    }
    // every class the legend lists holds at least one region
    for (let i = 0; i < c.bounds.length; i++)
      expect(
        values.some((v) => c.of(v) === i),
        `class ${i} of ${c.bounds}`,
      ).toBe(true);
    expect(c.of(0)).toBe(-1);
    expect(c.of(null)).toBe(-1);
    return c;
  };

  it('keeps equal rates in one class the legend names, with no empty class', () => {
    const c = holds([0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.05, 0, null]);
    expect(c.of(0.04)).toBe(0);
    holds([0.04, 0.04, 0.04, 0.04, 0.05, 0.1, 0.2, 0.5]);
    expect(holds([0.3, 0.3, 0.3]).bounds).toEqual([0.3]);
    expect(holds([]).bounds).toEqual([]);
  });

  it('holds for any set of rates, ties and all (random)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 60 }).map((n) => n / 100)), { maxLength: 85 }),
        (rates) => {
          holds(rates);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { generateRecords, planRecords } from './generator.ts';
import { NoiseTally, RATE_OF } from './noise-tally.ts';
import { SOURCE_BY_ID, SOURCES, type SourceId } from './sources.ts';

// One sample of 8,000 records; each noise kind's observed rate must sit within a few binomial
// standard deviations of the rate its source's profile sets.
const tally = new NoiseTally();
const records = [...generateRecords(planRecords(2024, 8000), undefined, tally)];
const bySource = (id: SourceId) => records.filter((r) => r.row.source === id);
const share = (items: readonly unknown[], test: (x: never) => boolean): number =>
  items.filter((x) => test(x as never)).length / items.length;
const close = (observed: number, expected: number, n: number): void => {
  const sigma = Math.sqrt((expected * (1 - expected)) / n);
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(4.5 * sigma + 0.01);
};

describe('noise rates', () => {
  it('applies every kind of noise at its profile rate, wherever it can apply', () => {
    let checked = 0;
    for (const [key, { tried, applied }] of tally.counts) {
      const [source, kind] = key.split(':') as [SourceId, keyof typeof RATE_OF];
      if (tried < 100) continue;
      close(applied / tried, RATE_OF[kind](SOURCE_BY_ID.get(source)!), tried);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    const kinds = new Set([...tally.counts].filter(([, c]) => c.applied > 0).map(([k]) => k.split(':')[1]));
    expect([...kinds].sort()).toEqual(Object.keys(RATE_OF).sort());
  });

  it('leaves birth dates, regions and units empty as often as each source does', () => {
    for (const source of SOURCES) {
      const rows = bySource(source.id).map((r) => r.row);
      close(
        share(rows, (r: { birth_date: string }) => r.birth_date === ''),
        source.birth.modes.share('missing'),
        rows.length,
      );
      close(
        share(rows, (r: { region: string }) => r.region === ''),
        source.region.share('missing'),
        rows.length,
      );
      // One man in ten has no known unit in any source.
      const unitKnown = 0.9 * (1 - source.unit.styles.share('missing'));
      close(
        share(rows, (r: { unit: string }) => r.unit !== ''),
        unitKnown,
        rows.length,
      );
    }
  });

  it('writes exchange lists mostly in Latin and the other sources in Cyrillic', () => {
    const latin = (r: { row: { surname: string; given_name: string } }) =>
      /[a-z]/i.test(r.row.surname + r.row.given_name) && !/[а-яё]/i.test(r.row.surname + r.row.given_name);
    close(share(bySource('exchange_list'), latin), 0.8, bySource('exchange_list').length);
    expect(share(bySource('court_claim'), latin)).toBe(0);
  });

  it('makes obituary birth years from an age at death: the true year or one more', () => {
    const years = bySource('obituary').filter((r) => /^\d{4}$/.test(r.row.birth_date));
    const diffs = years.map((r) => Number(r.row.birth_date) - r.person.birth.y);
    expect(diffs.every((d) => d >= 0 && d <= 2)).toBe(true);
    expect(share(diffs, (d: number) => d === 1)).toBeGreaterThan(0.2);
  });

  it('drops the patronymic from most obituaries and almost no court claims', () => {
    const missing = (id: SourceId) =>
      share(
        bySource(id).filter((r) => r.person.patronymic !== '' && r.row.given_name !== ''),
        (r: { row: { patronymic: string } }) => r.row.patronymic === '',
      );
    expect(missing('obituary')).toBeGreaterThan(0.65);
    expect(missing('court_claim')).toBeLessThan(0.05);
  });
});

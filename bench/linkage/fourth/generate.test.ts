import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateInMemory, PEOPLE_HEADER, TRUTH_HEADER } from './generate.ts';

const N = 2000;

function toCsv(header: string, lines: string[]): string {
  return `${header}\n${lines.join('\n')}\n`;
}

describe('fourth independent linkage generator', () => {
  const a = generateInMemory({ n: N, seed: 42 });

  it('is a pure function of n and seed', () => {
    const b = generateInMemory({ n: N, seed: 42 });
    expect(b.people).toEqual(a.people);
    expect(b.truth).toEqual(a.truth);
    const c = generateInMemory({ n: N, seed: 43 });
    expect(c.people).not.toEqual(a.people);
    // no state leaks from one run into the next
    const d = generateInMemory({ n: N, seed: 42 });
    expect(d.people).toEqual(a.people);
    expect(generateInMemory({ n: 500, seed: 42 }).people.length).toBe(500);
  });

  it('writes exactly n well-formed CSV rows under the agreed header', () => {
    expect(PEOPLE_HEADER).toBe('record_id,source,surname,given_name,patronymic,birth_date,region,unit');
    const rows: string[][] = parse(toCsv(PEOPLE_HEADER, a.people), { relax_column_count: false });
    expect(rows[0]).toEqual(PEOPLE_HEADER.split(','));
    expect(rows.length).toBe(N + 1);
    for (const r of rows) expect(r.length).toBe(8);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    expect(ids.size).toBe(N);
    // every record names a source and has something in the name fields
    for (const r of rows.slice(1)) {
      expect(r[1]).toMatch(/^[a-z_]+:\d+$/);
      expect(`${r[2]}${r[3]}`.trim().length).toBeGreaterThan(0);
    }
  });

  it('has a truth row for every record and several records for some men', () => {
    const people: string[][] = parse(toCsv(PEOPLE_HEADER, a.people)).slice(1);
    const truth: string[][] = parse(toCsv(TRUTH_HEADER, a.truth));
    expect(truth[0]).toEqual(['record_id', 'person_id']);
    const map = new Map(truth.slice(1).map((r) => [r[0], r[1]]));
    expect(map.size).toBe(N);
    for (const r of people) expect(map.has(r[0])).toBe(true);
    const perPerson = new Map<string, number>();
    for (const pid of map.values()) perPerson.set(pid, (perPerson.get(pid) ?? 0) + 1);
    const multi = [...perPerson.values()].filter((c) => c > 1).length;
    expect(multi).toBeGreaterThan(perPerson.size * 0.2);
    expect(perPerson.size).toBe(a.stats.persons);
    expect(a.stats.records).toBe(N);
  });

  it('uses the variety of sources and writing habits it claims', () => {
    const text = a.people.join('\n');
    for (const src of ['news_obituary', 'rights_list', 'exchange_list', 'missing_chat', 'foreign_media']) {
      expect(text).toContain(`${src}:`);
    }
    expect(text).toMatch(/в\/ч ?\d{5}/); // military unit numbers
    expect(text).toMatch(/[A-Z][a-z]+,[A-Z][a-z]+/); // Latin transliteration
    expect(text).toMatch(
      /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/,
    );
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type Generated, generate, HEADER, peopleChunks, truthChunks } from './generate.ts';

const N = 2000;

function render(g: Generated): { people: string; truth: string } {
  return { people: [...peopleChunks(g)].join(''), truth: [...truthChunks(g)].join('') };
}

const g = generate({ n: N, seed: 7 });
const out = render(g);
const rows: string[][] = parse(out.people, { relax_column_count: false });
const truth: string[][] = parse(out.truth);
const data = rows.slice(1);
const col = (i: number): string[] => data.map((r) => r[i]);

describe('fifth generator', () => {
  it('writes the exact header, n rows of 8 columns, LF line ends and sequential record ids', () => {
    expect(out.people.split('\n')[0]).toBe(HEADER);
    expect(data).toHaveLength(N);
    for (const r of rows) expect(r).toHaveLength(8);
    expect(out.people.includes('\r')).toBe(false);
    expect(col(0)).toEqual(Array.from({ length: N }, (_, i) => `R${i + 1}`));
  });

  it('puts every record in the truth exactly once', () => {
    expect(truth[0]).toEqual(['record_id', 'person_id']);
    expect(truth.slice(1).map((r) => r[0])).toEqual(col(0));
    for (const r of truth.slice(1)) expect(r[1]).toMatch(/^P\d+$/);
  });

  it('is a pure function of n and seed', () => {
    const again = render(generate({ n: N, seed: 7 }));
    expect(again.people).toBe(out.people);
    expect(again.truth).toBe(out.truth);
    const other = render(generate({ n: N, seed: 8 }));
    expect(other.people).not.toBe(out.people);
  });

  it('has men with several records and a long tail', () => {
    const per = new Map<string, number>();
    for (const r of truth.slice(1)) per.set(r[1], (per.get(r[1]) ?? 0) + 1);
    const counts = [...per.values()];
    const mean = N / per.size;
    expect(mean).toBeGreaterThan(1.7);
    expect(mean).toBeLessThan(2.6);
    expect(counts.filter((c) => c >= 2).length).toBeGreaterThan(per.size * 0.3);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(8);
  });

  it('uses many source kinds and publications, named kind:number', () => {
    const sources = new Set(col(1));
    for (const s of sources) expect(s).toMatch(/^[a-z]+:\d{4}$/);
    const kinds = new Set([...sources].map((s) => s.split(':')[0]));
    expect(kinds.size).toBeGreaterThanOrEqual(14);
    expect(sources.size).toBeGreaterThan(150);
  });

  it('writes names in many ways: scripts, cases, layouts, letter case', () => {
    const names = data.map((r) => `${r[2]}|${r[3]}|${r[4]}`);
    expect(names.some((s) => /^[A-Za-z][A-Za-z' -]+\|/.test(s))).toBe(true); // Latin transliteration
    expect(names.some((s) => /[іїєІЇЄ]/.test(s))).toBe(true); // Ukrainian spelling
    expect(data.some((r) => r[2].split(' ').length >= 3 && r[3] === '')).toBe(true); // whole name in one field
    expect(data.some((r) => /^[А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]\.$/.test(r[2]))).toBe(true); // "Иванов И.И."
    expect(data.some((r) => /^[А-ЯЁ]{3,}$/.test(r[2]) && /[а-яё]/.test(r[3]))).toBe(true); // upper-case surname
    expect(data.some((r) => /(ова|ева|ина)$/.test(r[2]) && /(ича)$/.test(r[4]))).toBe(true); // genitive
    expect(data.some((r) => r[2] === '' && r[3] !== '')).toBe(true); // no surname
    expect(data.some((r) => /угли|оглы|уулу/.test(r[2] + r[4]))).toBe(true);
  });

  it('writes birth dates in many forms and sometimes not at all', () => {
    const d = col(5);
    expect(d.some((x) => /^\d{2}\.\d{2}\.\d{4}$/.test(x))).toBe(true);
    expect(d.some((x) => /^\d{4}-\d{2}-\d{2}$/.test(x))).toBe(true);
    expect(d.some((x) => /^\d{4}$/.test(x))).toBe(true);
    expect(d.some((x) => /г\.\s?р\./.test(x))).toBe(true);
    expect(d.some((x) => /^\d{2} (год|года|лет)$/.test(x) || /^\(\d{2}\)$/.test(x))).toBe(true);
    expect(d.some((x) => /^\d{1,2} [а-я]+ \d{4}/.test(x))).toBe(true);
    expect(d.filter((x) => x === '').length).toBeGreaterThan(N * 0.05);
  });

  it('writes regions and units in many forms', () => {
    const reg = col(6);
    const unit = col(7);
    expect(reg.some((x) => / обл\.$/.test(x))).toBe(true);
    expect(reg.some((x) => /р-н|район|кожуун|улус/.test(x))).toBe(true);
    expect(reg.some((x) => /^(г\. )?[А-ЯЁ][а-яё-]+$/.test(x))).toBe(true);
    expect(reg.some((x) => /^[A-Z][a-z]/.test(x))).toBe(true);
    expect(unit.some((x) => /в\/ч ?№?\d{5}/.test(x))).toBe(true);
    expect(unit.some((x) => /\d+ ?(ОМСБр|ОБрМП|омсбр|обрмп|МСД|ТД|ДШД|ВДД|МСП|мсп)/.test(x))).toBe(true);
    expect(unit.some((x) => /Вагнер|Шторм|БАРС|Ахмат|Wagner|Storm/.test(x))).toBe(true);
  });

  it('applies each kind of noise somewhere', () => {
    const present = [
      'copied',
      'name.case',
      'name.diminutive',
      'name.given_first',
      'name.initials',
      'name.latin',
      'name.no_patronymic',
      'name.one_field',
      'name.typo',
      'name.ukrainian',
      'name.upper_surname',
      'name.yo_dropped',
      'name.ocr',
      'date.age',
      'date.missing',
      'date.year_only',
      'region.missing',
      'region.other_place',
      'unit.missing',
      'unit.other',
    ];
    for (const t of present) expect(g.tagCounts.get(t) ?? 0, t).toBeGreaterThan(0);
    // rare kinds: at least most of them show up in 2,000 records
    const rare = [
      'date.dm_swap',
      'date.digit',
      'name.swap_fields',
      'name.phonetic',
      'name.variant',
      'name.homoglyph',
      'name.fem_patronymic',
      'unit.vch_digit',
    ];
    expect(rare.filter((t) => (g.tagCounts.get(t) ?? 0) > 0).length).toBeGreaterThanOrEqual(5);
  });
});

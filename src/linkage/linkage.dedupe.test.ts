import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dedupeCommand } from './linkage.cli.ts';
import { runLinkage, writePairs } from './linkage.run.ts';
import { personConfig } from './engine/person-config.ts';
import { translator } from '../web/i18n/i18n.ts';

const dir = mkdtempSync(join(tmpdir(), 'kintrace-dedupe-'));
const root = join(import.meta.dirname, '../..');

// Known answer: A (3 records: Cyrillic, passport Latin with diminutive, swapped day/month),
// B (his brother: same surname, patronymic, region, unit; other name and birth date),
// C (a namesake of A born on another day), D (2 records, one with initials only).
const INPUT = `record_id,source,surname,given_name,patronymic,birth_date,region,unit,notes
a1,mother,Иванов,Александр,Сергеевич,12.03.1995,Бурятия,в/ч 12345,extra column ignored
a2,tip,IVANOV,Sasha,Sergeevich,1995-03-12,Republic of Buryatia,12345,
a3,list,Иванов,Александр,Сергеевич,03.12.1995,RU-BU,,
b1,mother,Иванов,Дмитрий,Сергеевич,01.07.1997,Бурятия,в/ч 12345,
c1,obit,Иванов,Александр,Сергеевич,20.10.1988,Москва,,
d1,list,Дашиев,Баир,Цыренович,1990-05-05,Бурятия,,
d2,tip,Dashiev,Bair,Ts.,05.05.1990,,,
e1,list,,,,,,,
`;

const clusters = (file: string): string[][] => {
  const rows = parse(readFileSync(file), { columns: true }) as { record_id: string; cluster_id: string }[];
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.cluster_id, [...(by.get(r.cluster_id) ?? []), r.record_id]);
  return [...by.values()].map((c) => c.sort()).sort((x, y) => x[0].localeCompare(y[0]));
};

describe('kintrace dedupe', () => {
  it('reports each phase of the run as it ends, in order (what bench/linkage/phases.ts times)', async () => {
    const input = join(dir, 'phases.csv');
    writeFileSync(input, INPUT);
    const phases: string[] = [];
    const result = await runLinkage({
      files: [input],
      config: personConfig(),
      progress: false,
      onPhase: (phase, engine, detail) => {
        expect(engine.data.size).toBe(8);
        phases.push(detail ? `${phase} ${detail}` : phase);
      },
    });
    expect(phases).toEqual(['read', 'normalise', 'train', 'score 1 thread(s)', 'cluster 1 thread(s)']);
    expect(result.clusters.clusterOf).toHaveLength(8);
  });
  it('says on the terminal when it trains and when it clusters, which have no bar', async () => {
    const input = join(dir, 'said.csv');
    writeFileSync(input, INPUT);
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    try {
      await runLinkage({ files: [input], config: personConfig(), progress: true, say: translator('en') });
    } finally {
      write.mockRestore();
    }
    expect(said.join('')).toContain('training the model on 8 records');
    expect(said.join('')).toMatch(/clustering \d+ scored pairs/);
  });
  it('finds the known clusters and keeps brothers and namesakes apart', async () => {
    const input = join(dir, 'people.csv');
    writeFileSync(input, INPUT);
    const out = join(dir, 'clusters.csv');
    const pairs = join(dir, 'pairs.csv');
    await dedupeCommand(input, { out, pairs });
    expect(clusters(out)).toEqual([['a1', 'a2', 'a3'], ['b1'], ['c1'], ['d1', 'd2'], ['e1']]);
    const written = parse(readFileSync(pairs), { columns: true }) as Record<string, string>[];
    const a12 = written.find((r) => r.left_id === 'a1' && r.right_id === 'a2')!;
    expect(Number(a12.probability)).toBeGreaterThan(0.9);
    expect(a12.given_name_level).toBe('same full name (diminutive, variant)');
    expect(Number(a12.birth_date_weight)).toBeGreaterThan(0);
  });

  it('links at an explicit threshold as given, not from the F1 the model expects', async () => {
    const input = join(dir, 'people-threshold.csv');
    writeFileSync(input, INPUT);
    const base = personConfig();
    const config = { ...base, thresholds: { ...base.thresholds, optimiseF1: true, minLink: 0.3 } };
    const chosen = await runLinkage({ files: [input], config, progress: false });
    expect(chosen.clusters.linkThreshold).toBeLessThanOrEqual(0.5);
    const given = await runLinkage({ files: [input], config, progress: false, threshold: 0.8 });
    expect(given.clusters.linkThreshold).toBe(0.8);
  });

  it('writes the review pairs in record order, whatever order the threads scored them in', async () => {
    const input = join(dir, 'people-review.csv');
    writeFileSync(input, INPUT);
    // Kept apart by a reviewer's decisions, the likely pairs are left for review.
    const decisionsFile = join(dir, 'apart.csv');
    writeFileSync(decisionsFile, 'left_id,right_id,decision\na1,a2,different\na1,a3,different\nd1,d2,different\n');
    const result = await runLinkage({ files: [input], config: personConfig(), progress: false, decisionsFile });
    expect(result.clusters.review.length).toBeGreaterThanOrEqual(3);
    result.clusters.review.reverse();
    const file = join(dir, 'review-pairs.csv');
    await writePairs(file, result);
    const index = new Map(result.engine.data.ids.map((id, i) => [id, i]));
    const review = (parse(readFileSync(file), { columns: true }) as Record<string, string>[])
      .filter((r) => r.status === 'review')
      .map((r) => [index.get(r.left_id)!, index.get(r.right_id)!].sort((x, y) => x - y));
    expect(review.length).toBe(result.clusters.review.length);
    const inOrder = [...review].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(review).toEqual(inOrder);
  });

  it('applies human decisions', async () => {
    const input = join(dir, 'people.csv');
    writeFileSync(input, INPUT);
    const decisions = join(dir, 'decisions.csv');
    writeFileSync(decisions, 'left_id,right_id,decision\na1,a3,different\nd1,e1,same\n');
    const out = join(dir, 'clusters2.csv');
    await dedupeCommand(input, { out, decisions });
    const got = clusters(out);
    expect(got.find((c) => c.includes('a1'))).not.toContain('a3');
    expect(got.find((c) => c.includes('d1'))).toContain('e1');
  });

  it('keeps namesakes of one region apart whose birth years are a generation apart, in a small file', async () => {
    // Too few records to train on: the saved model decides, and a full name in one region
    // outweighed a birth year 35 years off ("different" was all it said).
    const input = join(dir, 'namesakes.csv');
    writeFileSync(
      input,
      'record_id,source,surname,given_name,patronymic,birth_date,region\n' +
        'f1,list,Иванов,Иван,Иванович,12.03.1960,Тыва\nf2,tip,Иванов,Иван,Иванович,1995,Тыва\n' +
        'g1,list,Петров,Сергей,Олегович,1990,Бурятия\ng2,tip,Петров,Сергей,Олегович,01.02.1990,Бурятия\n',
    );
    const out = join(dir, 'namesakes-out.csv');
    await dedupeCommand(input, { out });
    expect(clusters(out)).toEqual([['f1'], ['f2'], ['g1', 'g2']]);
  });

  it('handles a file with a single record (or none)', async () => {
    for (const body of ['record_id,surname\nx1,Иванов\n', 'record_id,surname\n']) {
      const input = join(dir, 'one.csv');
      writeFileSync(input, body);
      const out = join(dir, 'one-out.csv');
      await dedupeCommand(input, { out, pairs: join(dir, 'one-pairs.csv') });
      expect(readFileSync(out, 'utf8').trim().split('\n').slice(1)).toEqual(body.includes('x1') ? ['x1,x1'] : []);
    }
  });

  it('exits non-zero with a line-numbered message on a malformed file', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'record_id,surname\n1,Иванов\n2,Петров,лишнее\n');
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin/kintrace.mjs'), 'dedupe', bad, '--out', join(dir, 'x.csv')],
      { encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    // The operator's language: Russian unless asked for English.
    expect(run.stderr).toMatch(/^ошибка: .*bad\.csv, строка 3: 3 ячейки, а в заголовке 2\n$/);
    const english = spawnSync(
      process.execPath,
      [join(root, 'bin/kintrace.mjs'), '--lang', 'en', 'dedupe', bad, '--out', join(dir, 'x.csv')],
      { encoding: 'utf8' },
    );
    expect(english.stderr).toMatch(/^error: .*bad\.csv, line 3: 3 columns where the header has 2\n$/);
  });
});

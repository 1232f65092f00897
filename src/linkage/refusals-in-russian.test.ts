// What `dedupe`, `link` and `evaluate` say of a malformed input is read by a rights group's
// volunteer, in Russian unless she asked for English. Each malformed input below is run: its
// refusal must carry words (not a message built in English), and said in Russian it must be
// Russian, with its line, and no catalogue key or English sentence left in it (a key missing from
// the Russian catalogue reads as the key; one missing from the English falls back to Russian).
// Every key of linkage.csv.* must be met here, so that a new message cannot skip the check.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCommand, linkCommand } from './linkage.cli.ts';
import { evaluateFiles } from './linkage.evaluate.ts';
import { saidIn } from './said.test-helper.ts';
import { HEADER, people, tempFiles } from './person-files.test-helper.ts';
import { type Words, wordsOf } from '../shared/said.ts';

const { dir, write } = tempFiles('kintrace-refusals-');
const PEOPLE = write('people.csv', people(4));

const dedupe = (name: string, text: string | Buffer): Promise<unknown> =>
  dedupeCommand(write(name, text), { out: join(dir, 'out.csv') });
const decisions = (name: string, text: string): Promise<unknown> =>
  dedupeCommand(PEOPLE, { out: join(dir, 'out.csv'), decisions: write(name, text) });
const config = write(
  'config.json',
  JSON.stringify({ id: 'id', comparisons: [{ type: 'name', field: 'name' }], blocking: [['name']] }),
);
const link = (name: string, text: string): Promise<unknown> =>
  linkCommand([write(name, text)], { config, out: join(dir, 'links.csv') });
const linkTwo = (decided: string): Promise<unknown> =>
  linkCommand([write('a.csv', 'id,name\n1,Анна\n2,Борис\n'), write('b.csv', 'id,name\n1,Анна\n3,Вера\n')], {
    config,
    out: join(dir, 'links.csv'),
    decisions: write('two-decisions.csv', `left_id,right_id,decision\n${decided}`),
  });
const CLUSTERS = write('clusters.csv', 'record_id,cluster_id\n1,1\n2,1\n');
const evaluate = (name: string, text: string, clusters = CLUSTERS): Promise<unknown> =>
  evaluateFiles(write(name, text), clusters);
const folder = join(dir, 'folder.csv');
mkdirSync(folder);

/** Each malformed input: its name, the run refused, and the line the refusal must name (null: none). */
const CASES: [string, () => Promise<unknown>, number | null][] = [
  ['no such file', () => dedupeCommand(join(dir, 'nowhere.csv'), { out: join(dir, 'out.csv') }), null],
  ['a folder', () => dedupeCommand(folder, { out: join(dir, 'out.csv') }), null],
  ['an empty file', () => dedupe('empty.csv', ''), 1],
  ['UTF-16', () => dedupe('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')])), 1],
  ['a spreadsheet', () => dedupe('book.csv', Buffer.from('PK\u0003\u0004rest')), 1],
  ['not text', () => dedupe('binary.csv', Buffer.from('record_id\n\u0000\u0001\n')), 1],
  [
    'another encoding',
    () => dedupe('latin.csv', Buffer.from([...Buffer.from('record_id,x\n1,'), 0x81, 0x82, 0x0a])),
    1,
  ],
  [
    'a line in another encoding',
    () => dedupe('pasted.csv', Buffer.concat([Buffer.from(people(3)), Buffer.from([0x34, 0x2c, 0xcf, 0xe5, 0x0a])])),
    5,
  ],
  [
    'a quote never closed',
    () =>
      dedupe(
        'open.csv',
        people(5, (i, l) => (i === 2 ? '2,a,"Иванов,Иван,,1990,,' : l)),
      ),
    3,
  ],
  [
    'a closing quote followed by text, the row running on',
    () =>
      dedupe(
        'runs-on.csv',
        people(6, (i, l) => (i === 2 ? '2,a,"Иванов,Иван' : i === 4 ? '4,a,Ф"4,И,,,,' : l)),
      ),
    3,
  ],
  [
    'a quote inside a cell',
    () =>
      dedupe(
        'inside.csv',
        people(3, (i, l) => (i === 2 ? '2,a,Ива"нов,Иван,,1990,,' : l)),
      ),
    3,
  ],
  [
    'too few cells',
    () =>
      dedupe(
        'cells.csv',
        people(3, (i, l) => (i === 2 ? '2,a,Петров' : l)),
      ),
    3,
  ],
  [
    'a quote swallowing rows',
    () =>
      dedupe(
        'stray.csv',
        people(8, (i, l) => (i === 2 ? '2,a,"Иванов' : i === 5 ? '5,a,Ф5",Иван,,1990,,' : l)),
      ),
    3,
  ],
  [
    'an overlong cell',
    () =>
      dedupe(
        'long.csv',
        people(3, (i, l) => (i === 2 ? l.replace('Иван', 'я'.repeat(1001)) : l)),
      ),
    3,
  ],
  [
    'a duplicate id',
    () =>
      dedupe(
        'dup.csv',
        people(3, (i, l) => (i === 3 ? l.replace(/^3,/, '1,') : l)),
      ),
    4,
  ],
  [
    'an empty id',
    () =>
      dedupe(
        'noid.csv',
        people(3, (i, l) => (i === 2 ? l.replace(/^2,/, ',') : l)),
      ),
    3,
  ],
  ['two columns of one field', () => dedupe('two.csv', 'record_id,Фамилия,surname\n1,Иванов,Иванов\n'), 1],
  ['three columns of one field', () => dedupe('three.csv', 'ФИО,Фамилия,surname\nИванов Иван,Иванов,Иванов\n'), 1],
  ['a compared column twice', () => link('twice.csv', 'id,name,NAME\n1,Анна,Анна\n'), 1],
  ['no id column', () => link('no-id.csv', 'name\nАнна\n'), 1],
  ['no compared column', () => link('none.csv', 'id,фамилия\n1,Анна\n'), null],
  ['decisions without a decision column', () => decisions('d-short.csv', 'left_id,right_id\n1,2\n'), 1],
  ['a decision on no record', () => decisions('d-none.csv', 'left_id,right_id,decision\n1,99,same\n'), 2],
  ['a decision neither same nor different', () => decisions('d-word.csv', 'left_id,right_id,decision\n1,2,да\n'), 2],
  ['a different naming one record', () => decisions('d-self.csv', 'left_id,right_id,decision\n1,1,different\n'), 2],
  [
    'a different against a same',
    () => decisions('d-ds.csv', 'left_id,right_id,decision\n1,2,same\n1,2,different\n'),
    3,
  ],
  [
    'a same against a different',
    () => decisions('d-sd.csv', 'left_id,right_id,decision\n1,2,different\n1,2,same\n'),
    3,
  ],
  [
    'a same joining two kept apart',
    () => decisions('d-chain.csv', 'left_id,right_id,decision\n1,3,different\n1,2,same\n2,3,same\n'),
    4,
  ],
  ['a left id not of the first file', () => linkTwo('3,1,same\n'), 2],
  ['a right id not of the second file', () => linkTwo('1,2,same\n'), 2],
  ['a contradiction across two files', () => linkTwo('1,1,same\n1,1,different\n'), 3],
  ['a truth file without a label column', () => evaluate('t-label.csv', 'record_id,who\n1,A\n'), 1],
  [
    'a clusters file without cluster_id',
    () => evaluate('t-ok.csv', 'record_id,person_id\n1,A\n', write('c.csv', 'record_id,x\n1,1\n')),
    1,
  ],
  ['an empty label', () => evaluate('t-empty.csv', 'record_id,person_id\n1,A\n2,\n'), 3],
  ['a duplicate labelled id', () => evaluate('t-dup.csv', 'record_id,person_id\n1,A\n1,B\n'), 3],
  ['no labelled records', () => evaluate('t-none.csv', 'record_id,person_id\n'), null],
  ['a labelled record not clustered', () => evaluate('t-miss.csv', 'record_id,person_id\n1,A\n9,B\n'), null],
  ['labelled records not clustered', () => evaluate('t-misses.csv', 'record_id,person_id\n1,A\n8,B\n9,B\n'), null],
];

/**
 * Refusals no input of a test can bring about, said from their words: csv-parse's own complaint
 * for a case readCsv's options leave it none, and an input edited while it was being linked.
 */
const UNREACHED: Words[] = [
  // csv-parse's own words are kept as they are (here a code, so that they read as no sentence).
  {
    key: 'linkage.csv.atLine',
    params: { file: 'a.csv', line: 3, problem: { key: 'linkage.csv.unreadable', params: { detail: 'CSV_X' } } },
  },
  { key: 'linkage.csv.changedDuringRun', params: { file: 'a.csv' } },
  // A cell of 1,001 characters and a quote swallowing 21 lines: the plural forms counts never met above.
  { key: 'linkage.csv.overlong', params: { column: 'surname', count: 1001, max: 1000 } },
  { key: 'linkage.csv.swallowed', params: { column: 'surname', count: 21 } },
  { key: 'linkage.csv.duplicateColumn', params: { count: 5, column: 'name', names: 'name, NAME, Name, nAme, naMe' } },
];

/** What is left of a message once the file paths and what it quotes of the file are taken out. */
const ownWords = (message: string): string =>
  message
    .replaceAll(dir, '')
    .replace(/[\w/.-]+\.(csv|json)\b/g, '')
    .replace(/«[^«»]*»|"[^"]*"|\((?:есть|found): [^)]*\)/g, '');

/** The keys of words and of the words among their values. */
const keysOf = (w: Words): string[] => [
  w.key,
  ...Object.values(w.params ?? {}).flatMap((v) => (typeof v === 'object' ? keysOf(v) : [])),
];

const refusalOf = async (run: () => Promise<unknown>): Promise<unknown> =>
  run().then(
    () => new Error('not refused'),
    (err: unknown) => err,
  );

const catalogueKeys = (lang: string): string[] =>
  Object.keys(
    JSON.parse(readFileSync(join(import.meta.dirname, `../web/i18n/${lang}/linkage.json`), 'utf8')).linkage.csv,
  ).map((k) => `linkage.csv.${k.replace(/_(one|few|many|other)$/, '')}`);

describe('a refusal of a malformed input', () => {
  const met = new Set<string>();

  it.each(CASES)('is said in Russian by default, and in English when asked: %s', async (_name, run, line) => {
    const err = await refusalOf(run);
    const words = wordsOf(err);
    expect(words, String(err)).toBeDefined();
    for (const key of keysOf(words as Words)) met.add(key);
    const ru = saidIn('ru', err);
    const en = saidIn('en', err);
    if (line !== null) {
      expect(ru).toContain(`, строка ${line}: `);
      expect(en).toContain(`, line ${line}: `);
    }
    // No catalogue key, no value left out, no English sentence in the Russian.
    expect(ru).not.toMatch(/linkage\.|\{\{|\}\}|\[object/);
    expect(ownWords(ru)).toMatch(/[а-яё]{3}/i);
    expect(ownWords(ru)).not.toMatch(/[a-z]+[ ,]+[a-z]+[ ,]+[a-z]+/i);
    // And no Russian fallback in the English.
    expect(en).not.toMatch(/linkage\.|\{\{|\}\}|\[object/);
    expect(ownWords(en)).not.toMatch(/[а-яё]/i);
  });

  it.each(UNREACHED.map((w) => [w.key, w] as const))('is said in Russian from its words too: %s', (_key, words) => {
    for (const key of keysOf(words)) met.add(key);
    const ru = saidIn('ru', { words });
    expect(ru).not.toMatch(/linkage\.|\{\{|\}\}|\[object/);
    expect(ownWords(ru)).toMatch(/[а-яё]{3}/i);
    expect(ownWords(saidIn('en', { words }))).not.toMatch(/[а-яё]/i);
  });

  it('is met above for every refusal the catalogue has words for, in both languages', () => {
    expect(new Set(catalogueKeys('ru'))).toEqual(new Set(catalogueKeys('en')));
    expect([...new Set(catalogueKeys('ru'))].filter((k) => !met.has(k))).toEqual([]);
  });
});

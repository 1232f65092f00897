// A rights group's own sheet, saved from Excel with Russian column names, a semicolon and no id
// column, is deduplicated as it is: it used to be refused at line 1 ("no record_id column").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../imports/row-rules.ts';
import { dedupeCommand } from './linkage.cli.ts';
import { readPersonHeader } from './person-columns.ts';
import { inRussian, saidIn } from './said.test-helper.ts';
import type { Lang } from '../shared/lang.ts';

const dedupe = async (text: string): Promise<{ summary: string; clusters: string[][] }> => {
  const dir = mkdtempSync(join(tmpdir(), 'kintrace-columns-'));
  const input = join(dir, 'list.csv');
  writeFileSync(input, text);
  const out = join(dir, 'clusters.csv');
  const summary = await dedupeCommand(input, { lang: 'en', out });
  const clusters = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  return { summary, clusters };
};

describe('a person sheet read by its own column names', () => {
  it('reads Russian and English names in any case, spacing or ё, and leaves other columns alone', () => {
    const { header, renamed, wholeName } = readPersonHeader([
      '№',
      'Фамилия',
      'ИМЯ',
      'Отчество:',
      'Дата  рождения',
      'Субъект РФ',
      'Воинская_часть',
      'Источник',
      'Примечание',
    ]);
    expect(header).toEqual([
      'record_id',
      'surname',
      'given_name',
      'patronymic',
      'birth_date',
      'region',
      'unit',
      'source',
      'Примечание',
    ]);
    expect(renamed.map((r) => r.field)).toEqual(header.slice(0, 8));
    expect(wholeName).toBe(false);
    expect(readPersonHeader(['First Name', 'last_name', 'DOB']).header).toEqual([
      'given_name',
      'surname',
      'birth_date',
    ]);
  });

  it('refuses two columns of one field, naming both, rather than drop one without a word', () => {
    const refusal = (header: string[], lang: Lang): string => {
      try {
        readPersonHeader(header);
      } catch (err) {
        return saidIn(lang, err);
      }
      return 'read';
    };
    expect(refusal(['Фамилия', 'surname'], 'ru')).toBe(
      'столбцы «Фамилия» и «surname» оба читаются как surname: оставьте один из них',
    );
    expect(refusal(['Фамилия', 'surname'], 'en')).toBe(
      'the columns "Фамилия" and "surname" both read as surname: keep one',
    );
    expect(refusal(['ФИО', 'Фамилия', 'Имя'], 'ru')).toMatch('«ФИО» и «Фамилия» оба читаются как surname');
    expect(refusal(['ФИО', 'Отчество'], 'ru')).toMatch('«ФИО» и «Отчество» оба читаются как patronymic');
  });

  it('deduplicates a semicolon sheet with Russian names and no id column, naming records by their row', async () => {
    const { summary, clusters } = await dedupe(
      [
        'Фамилия;Имя;Отчество;Дата рождения;Регион;Воинская часть',
        'Кузнецов;Андрей;Сергеевич;12.03.1991;Пермский край;в/ч 12345',
        'Петров;Дмитрий;Олегович;05.07.1988;Бурятия;',
        'КУЗНЕЦОВ;Андрей;Сергеевич;12.03.1991;Пермь;',
        '"Сидоров";"Илья";"";"1990";"";""',
      ].join('\n'),
    );
    expect(summary).toContain('"Фамилия" → surname');
    expect(summary).toContain('no id column, so records are named by their row in the sheet');
    // Rows 2 and 4 are one man; the ids are the sheet's row numbers.
    expect(clusters).toEqual([
      ['2', '2'],
      ['3', '3'],
      ['4', '2'],
      ['5', '5'],
    ]);
  });

  it('reads a whole-name column («ФИО») as surname, given name and patronymic', async () => {
    const { summary, clusters } = await dedupe(
      [
        'ID,ФИО,Дата рождения,Регион',
        'a,Кузнецов Андрей Сергеевич,12.03.1991,Пермский край',
        'b,Кузнецов Андрей Сергеевич,12.03.1991,',
        'c,Кузнецов Андрей Викторович,12.03.1991,Пермский край',
      ].join('\n'),
    );
    expect(summary).toContain('"ФИО" → surname, given_name, patronymic (a whole name)');
    expect(summary).not.toContain('given_name, patronymic (compared as empty');
    // Another patronymic is another man: the whole name was taken apart, not compared as a surname.
    expect(clusters).toEqual([
      ['a', 'a'],
      ['b', 'a'],
      ['c', 'c'],
    ]);
  });

  it('reads an age column as the birth date where the sheet has none, and leaves it beside one', async () => {
    expect(readPersonHeader(['Фамилия', 'Возраст', 'Дата рождения']).header).toEqual([
      'surname',
      'Возраст',
      'birth_date',
    ]);
    const { summary, clusters } = await dedupe(
      [
        'Фамилия,Имя,Отчество,Возраст,Регион',
        'Кузнецов,Андрей,Сергеевич,33,Пермский край',
        'Кузнецов,Андрей,Сергеевич,33 года,Пермский край',
        'Кузнецов,Андрей,Сергеевич,54,Пермский край',
      ].join('\n'),
    );
    expect(summary).toContain('"Возраст" → birth_date (an age)');
    // 33 and 54 are two men of one name; the same age is one.
    expect(clusters).toEqual([
      ['2', '2'],
      ['3', '2'],
      ['4', '4'],
    ]);
  });

  it('keeps an id column when there is one, and refuses an empty id in it at its line', async () => {
    await expect(inRussian(dedupe('Номер,Фамилия,Имя\n1,Иванов,Иван\n,Петров,Пётр\n'))).rejects.toThrow(
      /строка 3: пустая ячейка в столбце «record_id»/,
    );
  });

  it('writes the sheet back with each row’s cluster, in its own separator, for Excel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-sheet-'));
    const input = join(dir, 'list.csv');
    writeFileSync(
      input,
      [
        'Фамилия;Имя;Отчество;Дата рождения;Примечание',
        'Кузнецов;Андрей;Сергеевич;12.03.1991;со слов матери',
        ';;;;',
        'Петров;Дмитрий;Олегович;05.07.1988;"=1+1"',
        'КУЗНЕЦОВ;Андрей;Сергеевич;12.03.1991;',
      ].join('\r\n'),
    );
    const sheet = join(dir, 'sheet.csv');
    await dedupeCommand(input, { lang: 'en', sheet });
    const text = readFileSync(sheet, 'utf8');
    // A byte-order mark, so that Excel reads UTF-8 rather than its own code page.
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).trim().split('\n')).toEqual([
      'Фамилия;Имя;Отчество;Дата рождения;Примечание;cluster_id;cluster_size',
      'Кузнецов;Андрей;Сергеевич;12.03.1991;со слов матери;2;2',
      // The blank row is skipped as the run skipped it; a formula is written as text.
      "Петров;Дмитрий;Олегович;05.07.1988;'=1+1;4;1",
      'КУЗНЕЦОВ;Андрей;Сергеевич;12.03.1991;;2;2',
    ]);
  });

  it('asks for an output when neither --out nor --sheet is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-sheet-'));
    const input = join(dir, 'list.csv');
    writeFileSync(input, 'Фамилия,Имя\nИванов,Иван\n');
    await expect(dedupeCommand(input, { lang: 'en' })).rejects.toThrow(/--out clusters\.csv, or --sheet/);
  });

  it('is the list importer’s reading of the same header', () => {
    expect(guessMapping(['ФИО', 'Дата_рождения', 'Воинская часть', 'список'])).toEqual({
      full_name: 'ФИО',
      birth_date: 'Дата_рождения',
      unit: 'Воинская часть',
      source: 'список',
    });
  });
});

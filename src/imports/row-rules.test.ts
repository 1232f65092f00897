// A list's dates as spreadsheets and databases write them reach the timeline at their precision.
import { describe, expect, it } from 'vitest';
import { checkMapping, guessMapping, listDate, readRow, type ListContext } from './row-rules.ts';

describe('a list date', () => {
  it('reads the forms lists use, keeping what is known', () => {
    expect(listDate('12.05.1998')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('12 мая 1998')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('05.1998')).toEqual({ value: '1998-05', precision: 'month' });
    expect(listDate('1998 г.р.')).toEqual({ value: '1998', precision: 'year' });
  });
  it('reads a date cell exported with its time of day, as a serial number or in compact form', () => {
    expect(listDate('12.05.1998 0:00:00')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('1998-05-12 00:00:00')).toEqual({ value: '1998-05-12', precision: 'day' });
    expect(listDate('32874')).toEqual({ value: '1990-01-01', precision: 'day' });
    expect(listDate('19980512')).toEqual({ value: '1998-05-12', precision: 'day' });
  });
  it("reads a scanned list's letters for digits where the rest is a date", () => {
    expect(listDate('02.О8.1984')).toEqual({ value: '1984-08-02', precision: 'day' });
    expect(listDate('I991')).toEqual({ value: '1991', precision: 'year' });
  });
  it('refuses what is no date', () => {
    for (const s of ['31.02.1998 0:00:00', '0:00:00', 'весной', '19981312']) expect(listDate(s), s).toBeNull();
  });
});

// A row is read column by column: every column at fault is named at once (not the first only),
// a date of death is a death, and what is imported otherwise than the row says is a warning.
describe('a row of a list', () => {
  const header = ['Фамилия', 'Имя', 'Дата рождения', 'Регион', 'Статус', 'Дата', 'Дата гибели'];
  const mapping = guessMapping(header);
  const ctx: ListContext = { today: '2026-03-02', sourceDate: null, verification: 'reported' };
  const row = (values: string[], c: ListContext = ctx) => readRow(7, values, header, mapping, c);

  it('finds the death date, status and event date columns by their Russian names', () => {
    expect(mapping).toMatchObject({ status: 'Статус', event_date: 'Дата', death_date: 'Дата гибели' });
  });

  it('names every bad column of the row, each once, never its value', () => {
    const r = row(['Петров2', '=1+1', '31.02.1990', '', 'улетел', '', '2090']);
    expect(r.problems).toEqual([
      { key: 'imports.errors.formula', params: { column: 'Имя' } },
      { key: 'imports.errors.nameChars', params: { column: 'Фамилия' } },
      { key: 'imports.errors.date', params: { column: 'Дата рождения' } },
      { key: 'imports.errors.futureDate', params: { column: 'Дата гибели' } },
      { key: 'imports.errors.status', params: { column: 'Статус' } },
    ]);
    expect(JSON.stringify(r.problems)).not.toContain('Петров');
  });

  it('makes a death of a date of death, at the level of the list, once when the status says the same', () => {
    expect(row(['Петров', 'Иван', '', '', '', '', '12.01.2026']).events).toEqual([
      { kind: 'death_reported', date: { value: '2026-01-12', precision: 'day' } },
    ]);
    const confirmed = { ...ctx, verification: 'confirmed' as const };
    expect(row(['Петров', 'Иван', '', '', 'погиб', '', '12.01.2026'], confirmed).events).toEqual([
      { kind: 'death_confirmed', date: { value: '2026-01-12', precision: 'day' } },
    ]);
    // Missing in December, dead in January: both are kept.
    expect(row(['Петров', 'Иван', '', '', 'пропал', '12.2025', '01.2026']).events.map((e) => e.kind)).toEqual([
      'missing',
      'death_reported',
    ]);
  });

  it('warns of a region it does not know and of a date with no status, with nothing lost', () => {
    const r = row(['Петров', 'Иван', '', 'ЛНР', '', '05.2025', '']);
    expect(r.problems).toEqual([]);
    expect(r.person.region_code).toBeNull();
    expect(r.events).toEqual([]);
    expect(r.warnings).toEqual([
      { key: 'imports.warnings.region', params: { column: 'Регион' } },
      { key: 'imports.warnings.dateWithoutStatus', params: { column: 'Дата', status: 'Статус' } },
    ]);
    expect(row(['Петров', 'Иван', '', 'Ростовская область', '', '', '']).warnings).toEqual([]);
  });
});

// A list with the whole name in one column («ФИО»): a name that is wrong is said by that column,
// the one the user has in the file, never by a field of the platform ("surname") they never saw.
describe('a row of a list with the name in one column', () => {
  const header = ['ФИО', 'Дата рождения'];
  const mapping = guessMapping(header);
  const ctx: ListContext = { today: '2026-03-02', sourceDate: null, verification: 'reported' };
  const row = (values: string[]) => readRow(7, values, header, mapping, ctx);

  it('names the ФИО column for a name it cannot read, once', () => {
    expect(mapping.full_name).toBe('ФИО');
    expect(row(['Сидоров Иван, мл.', '1999']).problems).toEqual([
      { key: 'imports.errors.nameChars', params: { column: 'ФИО' } },
    ]);
    expect(row(['Петров Иван2 Ильич', '1999']).problems).toEqual([
      { key: 'imports.errors.nameChars', params: { column: 'ФИО' } },
    ]);
    expect(row(['', '1999']).problems).toEqual([{ key: 'imports.errors.required', params: { column: 'ФИО' } }]);
  });
});

describe('the columns chosen for a list', () => {
  it('refuses a date of event with no status column, naming the column', () => {
    const header = ['Фамилия', 'Дата гибели'];
    expect(checkMapping({ surname: 'Фамилия', event_date: 'Дата гибели' }, header)).toEqual([
      { field: 'event_date', key: 'imports.errors.dateNeedsStatus', params: { column: 'Дата гибели' } },
    ]);
    expect(checkMapping({ surname: 'Фамилия', death_date: 'Дата гибели' }, header)).toEqual([]);
  });
});

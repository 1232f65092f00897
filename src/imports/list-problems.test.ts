import { describe, expect, it } from 'vitest';
import { translator } from '../web/i18n/i18n.ts';
import { lineReasons, linesNotShown, warningText } from './list-problems.ts';

// A list's problems and warnings in words, as the import's page and `kintrace import` both say
// them (one wording: they were written out twice).

const ru = translator('ru');
const en = translator('en');

describe('a list’s problems in words', () => {
  it('say a line’s problems, and how many more the line has', () => {
    const line = {
      problems: [
        { key: 'imports.errors.required', params: { column: 'surname' } },
        { key: 'imports.errors.date', params: { column: 'birth_date' } },
      ],
      more: 0,
    };
    expect(lineReasons(ru, line)).toBe(
      'пустой столбец «surname»; в столбце «birth_date» не дата или такого дня нет (например, 31.02)',
    );
    expect(lineReasons(en, { ...line, more: 3 })).toBe(
      'column "surname" is empty; column "birth_date" is not a date, or no such day exists (31.02, say); and 3 more errors on this line',
    );
    expect(linesNotShown({ lines: 130, shown: [], unreadAfter: null })).toBe(130);
  });

  it('say a warning with its lines, and how many more lines', () => {
    const w = { key: 'imports.warnings.region', params: { column: 'Регион' }, count: 1, lines: [5] };
    expect(warningText(ru, w)).toBe(
      'Регион в столбце «Регион» не распознан: у записи нет кода региона (в статистике по регионам её не будет), в исходной строке он сохранён. Строка 5.',
    );
    expect(warningText(en, { ...w, count: 105, lines: [5, 7] })).toMatch(
      /the raw row keeps it\. Lines: 5, 7 and 103 more\.$/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { BLANK, checkTemplate, fillTemplate, placeholdersIn } from './template-rules.ts';

const problem = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof Invalid) return err.problems[0];
    throw err;
  }
  return null;
};

describe('letter templates', () => {
  it('accepts the named placeholders and refuses an unknown one when saved, naming it', () => {
    expect(problem(() => checkTemplate('Прошу сообщить о {{ person.full_name }}, {{today}}'))).toBeNull();
    expect(problem(() => checkTemplate('О {{person.fullname}}'))).toEqual({
      field: 'body',
      key: 'appeals.errors.unknownPlaceholder',
      params: { name: '{{person.fullname}}' },
    });
    // Every unknown name at once, not one per save.
    expect(problem(() => checkTemplate('О {{person.fullname}}, в/ч {{unit}}, {{person.fullname}}'))).toEqual({
      field: 'body',
      key: 'appeals.errors.unknownPlaceholders',
      params: { names: '{{person.fullname}}, {{unit}}' },
    });
    expect(problem(() => checkTemplate('О {{person.full_name'))?.key).toBe('appeals.errors.brokenPlaceholder');
    expect(problem(() => checkTemplate('О }} {{today}}'))?.key).toBe('appeals.errors.brokenPlaceholder');
  });

  it('fills from the case, leaving a blank for what is not known', () => {
    const text = 'Сын: {{person.full_name}}, в/ч {{person.unit}}, звание {{person.rank}}.';
    expect(placeholdersIn(text)).toEqual(['person.full_name', 'person.unit', 'person.rank']);
    expect(
      fillTemplate(text, {
        'person.full_name': 'Иванов Пётр Сергеевич',
        'person.unit': 'в/ч 12345',
        'person.rank': null,
      }),
    ).toBe(`Сын: Иванов Пётр Сергеевич, в/ч в/ч 12345, звание ${BLANK}.`);
  });
});

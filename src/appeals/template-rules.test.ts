import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { BLANK, blanksIn, checkTemplate, fillTemplate, placeholdersIn } from './template-rules.ts';

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

  // A letter printed and marked sent with «звание ________» in it, without a word (QA walk 5):
  // the page names what is blank from the words before each line.
  it('names what a filled letter still leaves blank', () => {
    const body = fillTemplate(
      'Прошу сообщить о положении военнослужащего: {{person.full_name}}, дата рождения {{person.birth_date}}, воинская часть {{person.unit}}, звание {{person.rank}}.\n\nОтвет прошу направить до ____ (дата).',
      { 'person.full_name': 'Иванов Пётр Сергеевич', 'person.unit': 'в/ч 12345' },
    );
    expect(blanksIn(body)).toEqual(['дата рождения', 'звание', 'Ответ прошу направить до']);
    expect(blanksIn(`**Военнослужащий:** ${BLANK}`)).toEqual(['Военнослужащий']);
    expect(blanksIn('Всё вписано, в/ч 12345, звание рядовой.')).toEqual([]);
    expect(blanksIn('под_черкивание и __init__ — не пропуски')).toEqual([]);
  });
});

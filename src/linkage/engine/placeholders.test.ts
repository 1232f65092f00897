import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset.ts';
import { levelOf } from './levels.test-helper.ts';
import { isPlaceholder } from './placeholders.ts';

describe('placeholder cells', () => {
  it('reads the words and marks that say nothing is known', () => {
    for (const cell of [
      'не указано',
      'Не указано.',
      'НЕТ ДАННЫХ',
      'н/д',
      'NaN',
      'неизвестно',
      '?',
      '???',
      '-',
      '—',
      '…',
    ])
      expect(isPlaceholder(cell)).toBe(true);
    for (const cell of ['невідомо', 'Unknown', 'N/A', 'none', 'без  отчества']) expect(isPlaceholder(cell)).toBe(true);
  });
  it('leaves names, initials, dates and units alone', () => {
    for (const cell of [
      'Нестеров',
      'Нет',
      'На',
      'А.',
      'Неизвестнов',
      'Н.Д.',
      'НД',
      'Nan',
      '1990',
      '01.02.1990',
      'в/ч 12345',
      'Н.',
      'Недоуказано',
    ])
      expect(isPlaceholder(cell)).toBe(cell === 'Нет');
  });
  it('are interned as no value in every field', () => {
    const data = new Dataset(['surname', 'patronymic']);
    data.add('a', { surname: 'Колобов', patronymic: 'не указано' });
    data.add('b', { surname: '?', patronymic: 'Алексеевич' });
    expect(data.column('patronymic').at(0)).toBe(-1);
    expect(data.column('surname').at(1)).toBe(-1);
    expect(data.column('patronymic').at(1)).toBeGreaterThanOrEqual(0);
  });
  it('make no cannot-link against a real patronymic, and no agreement with each other', () => {
    const p = { type: 'person-patronymic', field: 'p' };
    expect(levelOf(p, { p: 'не указано' }, { p: 'Алексеевич' })).toBe('null');
    expect(levelOf(p, { p: 'нет данных' }, { p: 'нет данных' })).toBe('null');
    const unit = { type: 'unit', field: 'u' };
    expect(levelOf(unit, { u: 'н/д' }, { u: 'н/д' })).toBe('null');
  });
});

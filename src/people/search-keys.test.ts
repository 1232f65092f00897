import { describe, expect, it } from 'vitest';
import { personSearchKeys } from './search-keys.ts';

const person = (unit_number: string | null, unit_name: string | null) => ({
  surname: 'Соболев',
  given_name: 'Аркадий',
  patronymic: null,
  birth_date: null,
  region_code: null,
  unit_number,
  unit_name,
  colony: null,
});

describe('personSearchKeys: a unit number and a unit name are two parts', () => {
  it('keeps the open unit number and takes none of its digits for a regiment', () => {
    // The demo's «Часть: 22222, танковый полк» put the family on the board of «Соединение 2 тп».
    const keys = personSearchKeys(person('22222', 'танковый полк'));
    expect(keys.unit_number_key).toBe('22222');
    expect(keys.unit_formation_key).toBeNull();
  });

  it('still reads a numbered formation beside the number', () => {
    const keys = personSearchKeys(person('12345', '55 омсбр'));
    expect(keys.unit_number_key).toBe('12345');
    expect(keys.unit_formation_key).toBe('55 омсбр');
  });
});

import { describe, expect, it } from 'vitest';
import { splitFullName } from './full-names.ts';

const parts = (surname: string, given: string, patronymic: string) => ({ surname, given, patronymic });

describe('splitFullName', () => {
  it('splits a full name written in the surname field, in either order', () => {
    expect(splitFullName('Иванов Иван Иванович', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('Иван Иванович Иванов', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('ПЕТРОВ Сергей Андреевич', '', '')).toEqual(parts('ПЕТРОВ', 'Сергей', 'Андреевич'));
    expect(splitFullName('Petrov Sergey Andreevich', '', '')).toEqual(parts('Petrov', 'Sergey', 'Andreevich'));
    expect(splitFullName('Петров Сергей', '', '')).toEqual(parts('Петров', 'Сергей', ''));
    expect(splitFullName('Сергей Петров', '', '')).toEqual(parts('Петров', 'Сергей', ''));
    expect(splitFullName('Алиев Мамед Гусейн оглы', '', '')).toEqual(parts('Алиев', 'Мамед', 'Гусейн оглы'));
    expect(splitFullName('Асанов Нурлан Рустам уулу', '', '')).toEqual(parts('Асанов', 'Нурлан', 'Рустам уулу'));
  });

  it('reads the order from where the patronymic stands when the given name is not in the lists', () => {
    expect(splitFullName('Доржиев Баир Цыренович', '', '')).toEqual(parts('Доржиев', 'Баир', 'Цыренович'));
    expect(splitFullName('Баир Цыренович Доржиев', '', '')).toEqual(parts('Доржиев', 'Баир', 'Цыренович'));
    expect(splitFullName('Ооржак Айдыс Маадырович', '', '')).toEqual(parts('Ооржак', 'Айдыс', 'Маадырович'));
    // A surname with a patronymic's ending is read by the known given name beside it.
    expect(splitFullName('Бабич Пётр Ильич', '', '')).toEqual(parts('Бабич', 'Пётр', 'Ильич'));
  });

  it('reads commas between the words as spaces', () => {
    expect(splitFullName('Иванов,Иван,Иванович', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('Иванов, Иван Иванович', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
  });

  it('splits initials after or before the surname', () => {
    expect(splitFullName('Иванов И.И.', '', '')).toEqual(parts('Иванов', 'И.', 'И.'));
    expect(splitFullName('Иванов И. И.', '', '')).toEqual(parts('Иванов', 'И.', 'И.'));
    expect(splitFullName('И.И. Иванов', '', '')).toEqual(parts('Иванов', 'И.', 'И.'));
    expect(splitFullName('И.И.Иванов', '', '')).toEqual(parts('Иванов', 'И.', 'И.'));
    expect(splitFullName('Иванов И.', '', '')).toEqual(parts('Иванов', 'И.', ''));
  });

  it('splits the patronymic off a given-name field', () => {
    expect(splitFullName('Иванов', 'Иван Иванович', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('Алиев', 'Мамед Гусейн оглы', '')).toEqual(parts('Алиев', 'Мамед', 'Гусейн оглы'));
  });

  it('leaves alone what is already apart, and what would be a guess', () => {
    expect(splitFullName('Иванов', 'Иван', 'Иванович')).toBeNull();
    expect(splitFullName('Иванов Иван Иванович', '', 'Иванович')).toBeNull();
    expect(splitFullName('Кара-оол', 'Ай-Кежик', '')).toBeNull();
    // Two given names, or a two-word name nobody can read: no split.
    expect(splitFullName('Магомед Расул', '', '')).toBeNull();
    expect(splitFullName('Ван Дер Берг', '', '')).toBeNull();
    expect(splitFullName('Иванов', 'Магомед Расул', '')).toBeNull();
  });
});

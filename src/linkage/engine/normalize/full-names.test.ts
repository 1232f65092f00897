import { describe, expect, it } from 'vitest';
import { givenAndPatronymicInPlace, splitFullName } from './full-names.ts';

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

  it('leaves a rank before the name and a call sign after it out', () => {
    expect(splitFullName('ряд. Пермяков Алексей Валерьевич', '', '')).toEqual(
      parts('Пермяков', 'Алексей', 'Валерьевич'),
    );
    expect(splitFullName('гв. рядовой Лебедев Юрий', '', '')).toEqual(parts('Лебедев', 'Юрий', ''));
    expect(splitFullName('мл.с-т Константин Андреевич Зубов', '', '')).toEqual(
      parts('Зубов', 'Константин', 'Андреевич'),
    );
    expect(splitFullName('ст. лейтенант Гайнуллин И.Р.', '', '')).toEqual(parts('Гайнуллин', 'И.', 'Р.'));
    expect(splitFullName('к-н Мартынов', 'Евгений', '')).toEqual(parts('Мартынов', 'Евгений', ''));
    expect(splitFullName('Осипов', 'Даниил, позывной «Зверь»', 'Артурович')).toEqual(
      parts('Осипов', 'Даниил', 'Артурович'),
    );
    expect(splitFullName('Бобров', 'Егор (Призрак)', 'Денисович')).toEqual(parts('Бобров', 'Егор', 'Денисович'));
    // A rank inside or after a whole name, as posts copy it, and a memorial formula.
    expect(splitFullName('Артур старший сержант Капустин', '', '')).toEqual(parts('Капустин', 'Артур', ''));
    expect(splitFullName('Олег Эдуардович пр-к Золехов', '', '')).toEqual(parts('Золехов', 'Олег', 'Эдуардович'));
    expect(splitFullName('Иванов Иван Иванович, старший сержант', '', '')).toEqual(parts('Иванов', 'Иван', 'Иванович'));
    expect(splitFullName('Станислав Сергеевич ВЕЧНАЯ ПАМЯТЬ Иванов', '', '')).toEqual(
      parts('Иванов', 'Станислав', 'Сергеевич'),
    );
    expect(splitFullName('Капитанов Иван Петрович', '', '')).toEqual(parts('Капитанов', 'Иван', 'Петрович'));
    // A surname that begins like a rank, or a rank alone, stays.
    expect(splitFullName('Майоров Иван', '', '')).toEqual(parts('Майоров', 'Иван', ''));
    expect(splitFullName('Майор', 'Иван', '')).toBeNull();
    // A name that is all in quotes is the name, not a call sign.
    expect(splitFullName('«Иванов»', 'Иван', '')).toBeNull();
  });

  it('splits a whole name in the given-name field, names in an oblique case, and a surname in capitals', () => {
    expect(splitFullName('', 'Кирилл Солодев', '')).toEqual(parts('Солодев', 'Кирилл', ''));
    expect(splitFullName('', 'Коваленко Ярослав Андреевич', '')).toEqual(parts('Коваленко', 'Ярослав', 'Андреевич'));
    expect(splitFullName('', 'Иван Иванович', '')).toEqual(parts('', 'Иван', 'Иванович'));
    // name-cases.ts reads these back to the nominative once they are apart.
    expect(splitFullName('Бойко Алексея', '', '')).toEqual(parts('Бойко', 'Алексея', ''));
    expect(splitFullName('Андрею Ерёмину', '', '')).toEqual(parts('Ерёмину', 'Андрею', ''));
    expect(splitFullName('', 'Жукова Дмитрия Евгеньевича', '')).toEqual(parts('Жукова', 'Дмитрия', 'Евгеньевича'));
    expect(splitFullName('Дроздкина', 'Максима Андреевича', '')).toEqual(parts('Дроздкина', 'Максима', 'Андреевича'));
    expect(splitFullName('SANHINOV Abdullo', '', '')).toEqual(parts('SANHINOV', 'Abdullo', ''));
    expect(splitFullName('ПОНОМАРЕНКО Артур Дмитриевиу', '', '')).toEqual(parts('ПОНОМАРЕНКО', 'Артур', 'Дмитриевиу'));
    expect(splitFullName('Дмитрий Долгих', '', '')).toEqual(parts('Долгих', 'Дмитрий', ''));
    expect(splitFullName('Роман Бородін', '', '')).toEqual(parts('Бородін', 'Роман', ''));
    expect(splitFullName('VAKHRAMIN Oleksandr Volodymyrovych', '', '')).toEqual(
      parts('VAKHRAMIN', 'Oleksandr', 'Volodymyrovych'),
    );
    expect(splitFullName('Собиров Жасур Тохир угли', '', '')).toEqual(parts('Собиров', 'Жасур', 'Тохир угли'));
    // A patronymic written with a soft sign, as it is often misspelt.
    expect(splitFullName('Соколов Андрей Викторовичь', '', '')).toEqual(parts('Соколов', 'Андрей', 'Викторовичь'));
    // A given name no list knows beside a word only a surname ends so; not beside one a given name may end so.
    expect(splitFullName('Магомедшапи Гасанов', '', '')).toEqual(parts('Гасанов', 'Магомедшапи', ''));
    expect(splitFullName('Камалутдин Гасанов', '', '')).toBeNull();
    // A known given name beside a word that is neither a given name nor a patronymic, either order.
    expect(splitFullName('', 'Олейник Тимур', '')).toEqual(parts('Олейник', 'Тимур', ''));
    expect(splitFullName('Женя Шмелен', '', '')).toEqual(parts('Шмелен', 'Женя', ''));
    expect(splitFullName('Иван Петрович', '', '')).toBeNull();
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

describe('givenAndPatronymicInPlace', () => {
  it("puts back a given name and a patronymic entered in each other's fields", () => {
    expect(givenAndPatronymicInPlace('Петрович', 'Сергей')).toEqual(['Сергей', 'Петрович']);
    expect(givenAndPatronymicInPlace('ИЛЬИЧ', 'ИВАН')).toEqual(['ИВАН', 'ИЛЬИЧ']);
  });
  it('moves a patronymic alone in the given-name field to its own', () => {
    expect(givenAndPatronymicInPlace('Владимирович', '')).toEqual(['', 'Владимирович']);
    expect(givenAndPatronymicInPlace('ПЕТРОВНА', ' ')).toEqual(['', 'ПЕТРОВНА']);
    expect(givenAndPatronymicInPlace('Денич', '')).toBeNull(); // Денис mistyped
  });
  it('puts them back when the given name is mistyped, unknown or an initial', () => {
    expect(givenAndPatronymicInPlace('Владимирович', 'Пазел')).toEqual(['Пазел', 'Владимирович']);
    expect(givenAndPatronymicInPlace('Цыренович', 'Баир')).toEqual(['Баир', 'Цыренович']);
    expect(givenAndPatronymicInPlace('Петрович', 'С.')).toEqual(['С.', 'Петрович']);
  });
  it('leaves them where they belong, or where it is not sure', () => {
    expect(givenAndPatronymicInPlace('Сергей', 'Петрович')).toBeNull();
    expect(givenAndPatronymicInPlace('Сергей', '')).toBeNull();
    expect(givenAndPatronymicInPlace('Петрович', 'Иванович')).toBeNull();
    // A patronymic mistyped at its end is still a patronymic, not a given name.
    expect(givenAndPatronymicInPlace('Петрович', 'Владимирови')).toBeNull();
    expect(givenAndPatronymicInPlace('Петрович', 'Сергеевн')).toBeNull();
    expect(givenAndPatronymicInPlace('Петрович', 'Иван-Петр2')).toBeNull();
  });
});

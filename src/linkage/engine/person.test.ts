import { describe, expect, it } from 'vitest';
import { levelOf } from './levels.test-helper.ts';

describe('person comparisons: every level', () => {
  it('surname', () => {
    const s = { type: 'person-surname', field: 's', swapWith: 'g' };
    expect(levelOf(s, { s: 'Иванов' }, { s: 'IVANOV' })).toBe('exact');
    expect(levelOf(s, { s: 'Иванов', g: 'Олег' }, { s: 'Олег', g: 'Иванов' })).toBe('swapped with given name');
    expect(levelOf(s, { s: 'Иванов' }, { s: 'Иванова' })).toBe('other gender form');
    expect(levelOf(s, { s: 'Иванов' }, { s: 'Иваньков' })).toBe('one edit');
    expect(levelOf(s, { s: 'Иванов' }, { s: 'Петров' })).toBe('different');
    expect(levelOf(s, { s: '' }, { s: 'Петров' })).toBe('null');
  });
  it('surname: phonetic and Jaro–Winkler bands', () => {
    const s = { type: 'person-surname', field: 's' };
    const phonetic = levelOf(s, { s: 'Шевчук' }, { s: 'Шевчюкк' });
    expect(['one edit', 'same phonetic key']).toContain(phonetic);
    expect(levelOf(s, { s: 'Кузнецов' }, { s: 'Кузменцов' })).toMatch(/jaro|phonetic|edit/);
  });
  it('given name', () => {
    const s = { type: 'person-given', field: 'g', swapWith: 's' };
    expect(levelOf(s, { g: 'Александр' }, { g: 'Aleksandr' })).toBe('exact');
    expect(levelOf(s, { g: 'Олег', s: 'Иванов' }, { g: 'Иванов', s: 'Олег' })).toBe('swapped with surname');
    expect(levelOf(s, { g: 'Александр' }, { g: 'Саша' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Дмитрий' }, { g: 'Дима' })).toBe('same full name (diminutive, variant)');
    // A known name misspelt by one letter is read as the name (given-name-typos.ts).
    expect(levelOf(s, { g: 'Александр' }, { g: 'Алексанр' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Дитрий' }, { g: 'Дима' })).toBe('same full name (diminutive, variant)');
    // A short form of several names is each of them, not a different name from the second.
    expect(levelOf(s, { g: 'Слава' }, { g: 'Ярослав' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Слава' }, { g: 'Дмитрий' })).toBe('different full names');
    // Гоша is said for Игорь as well as Георгий; Мухаммад is Магомед in another transcription.
    expect(levelOf(s, { g: 'Гоша' }, { g: 'Игорь' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Мухаммад' }, { g: 'Магомед' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Александр' }, { g: 'А.' })).toBe('initial agrees');
    expect(levelOf(s, { g: 'Александр' }, { g: 'Б.' })).toBe('initials differ');
    expect(levelOf(s, { g: 'Александр' }, { g: 'Дмитрий' })).toBe('different full names');
    // Only a shared surname makes two given names two people; garbled records are not vetoed.
    expect(levelOf(s, { g: 'Александр', s: 'Иванов' }, { g: 'Дмитрий', s: 'Иванова' })).toBe('different full names');
    expect(levelOf(s, { g: 'Бавидин', s: 'Стас' }, { g: 'Сатнисвлав', s: 'Бавидин' })).toBe(
      'different full names, other surname',
    );
    // With one letter wrong the name is read (Сатнислав: Станислав), and the swap is seen.
    expect(levelOf(s, { g: 'Бавидин', s: 'Стас' }, { g: 'Сатнислав', s: 'Бавидин' })).toBe('swapped with surname');
    expect(levelOf(s, { g: 'Станислав' }, { g: 'Стансилваа' })).toBe('two edits or alike');
    // A short form typed in haste is alike its full name, not a second man (given-name-typos.ts).
    expect(levelOf(s, { g: 'Михаил' }, { g: 'Ммша' })).toBe('two edits or alike');
    expect(levelOf(s, { g: 'Вовк' }, { g: 'Владимир' })).toBe('two edits or alike');
    expect(levelOf(s, { g: 'Вячеслав' }, { g: 'Слваа' })).toBe('same full name (diminutive, variant)'); // by the letters
    expect(levelOf(s, { g: 'Сошаа' }, { g: 'Сергей' })).toBe('different full names');
    // A man's name in an oblique case is read as the name (given-name-typos.ts), not two men
    // beside a short form of it.
    expect(levelOf(s, { g: 'Александром' }, { g: 'Саша' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Дмитрием' }, { g: 'Дима' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Алексея' }, { g: 'Андрей' })).toBe('different full names');
    // A slip the keys fold into two letters is read by the letters as typed: Ниолай is Коля's name.
    expect(levelOf(s, { g: 'Ниолай' }, { g: 'Коля' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Александр' }, { g: 'Алексей' })).toBe('different full names');
    // Read by the letters as typed (two letters swapped), as a misspelt name read by its key is.
    expect(levelOf(s, { g: 'Александр' }, { g: 'Алкесандр' })).toBe('same full name (diminutive, variant)');
    expect(levelOf(s, { g: 'Алексей' }, { g: 'Алекесй' })).toBe('same full name (diminutive, variant)');
  });
  it('patronymic, with cannot-link on two different full patronymics', () => {
    const s = { type: 'person-patronymic', field: 'p', cannotLink: true };
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'Sergeyevich' })).toBe('exact');
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'Сергеевна' })).toBe('other gender form or one edit');
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'С.' })).toBe('initial agrees');
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'Сергеевиш' })).toBe('other gender form or one edit');
    expect(levelOf(s, { p: 'Владимирович' }, { p: 'Владимировчи' })).toMatch(/one edit|jaro/);
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'Петрович' })).toBe('different full patronymics');
    expect(levelOf(s, { p: 'Сергеевич' }, { p: 'П.' })).toBe('initials differ');
  });
  it('birth date (partial dates, swaps, ±1 year)', () => {
    const s = { type: 'person-date', field: 'd', cannotLink: true };
    expect(levelOf(s, { d: '12.03.1995' }, { d: '1995-03-12' })).toBe('exact');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '03.12.1995' })).toBe(
      'day/month swapped, one-digit typo, or a year off on the same day',
    );
    expect(levelOf(s, { d: '12.03.1995' }, { d: '1995' })).toBe('agrees to the lower precision');
    expect(levelOf(s, { d: '1995' }, { d: '1996' })).toBe('year ±1');
    // A year reckoned from an age is two or three off as often as not: its own level, not "different".
    expect(levelOf(s, { d: '1972' }, { d: '11.06.1969' })).toBe('two or three years apart');
    expect(levelOf(s, { d: '1998' }, { d: '2000' })).toBe('two or three years apart');
    expect(levelOf(s, { d: '1980' }, { d: '1976' })).toBe('different');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '14.05.1997' })).toBe('different full dates');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '28.03.1995' })).toBe('within a month');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '20.07.1995' })).toBe('within a year');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '20.07.1997' })).toBe('different full dates');
    // The same day a year apart is a miscounted year, not a man born 365 days later.
    const typo = 'day/month swapped, one-digit typo, or a year off on the same day';
    expect(levelOf(s, { d: '11.03.1980' }, { d: '11.03.1979' })).toBe(typo);
    expect(levelOf(s, { d: '11.05.1999' }, { d: '11 мая 2000 г.' })).toBe(typo);
    // A dotted date with a month of 19 is a typo of a Russian date, not an American one.
    expect(levelOf(s, { d: '05.19.1996' }, { d: '05.10.1996' })).toBe(typo);
  });
  it('a birth date no serviceman can have (a death or call-up date in the wrong column) is no birth date', () => {
    const s = { type: 'person-date', field: 'd', cannotLink: true };
    expect(levelOf(s, { d: '12.03.2023' }, { d: '12.03.1990' })).toBe('null');
    expect(levelOf(s, { d: '2024' }, { d: '1990' })).toBe('null');
    expect(levelOf(s, { d: '05.05.2008' }, { d: '05.05.2008' })).toBe('exact');
    // A program's empty date (01.01.1900, the Unix epoch) or a year no serviceman was born in.
    expect(levelOf(s, { d: '01.01.1900' }, { d: '1990' })).toBe('null');
    expect(levelOf(s, { d: '01.01.1970' }, { d: '12.03.1990' })).toBe('null');
    expect(levelOf(s, { d: '1937' }, { d: '1990' })).toBe('null');
    expect(levelOf(s, { d: '1970' }, { d: '1970' })).toBe('exact');
    expect(levelOf(s, { d: '02.01.1970' }, { d: '02.01.1970' })).toBe('exact');
  });
  it('1 January, what forms put where only the year is known, agrees with any day of its year', () => {
    const s = { type: 'person-date', field: 'd', cannotLink: true };
    expect(levelOf(s, { d: '01.01.1990' }, { d: '17.08.1990' })).toBe('agrees to the lower precision');
    expect(levelOf(s, { d: '01.01.1990' }, { d: '1990' })).toBe('exact');
    expect(levelOf(s, { d: '01.01.1990' }, { d: '17.08.1985' })).not.toBe('agrees to the lower precision');
  });

  it('birth years ten and more apart, a side only a year, are two men unless one digit slipped', () => {
    const s = { type: 'person-date', field: 'd', cannotLink: true };
    expect(levelOf(s, { d: '12.03.1960' }, { d: '1995' })).toBe('years far apart');
    expect(levelOf(s, { d: '1980' }, { d: '1969' })).toBe('years far apart');
    // Closer years, or a slip of one digit or two neighbours swapped, stay "different".
    expect(levelOf(s, { d: '1980' }, { d: '1973' })).toBe('different');
    expect(levelOf(s, { d: '1977' }, { d: '1967' })).toBe('different');
    expect(levelOf(s, { d: '1985' }, { d: '1958' })).toBe('different');
  });

  it('birth date against an age: about the same age within three years, ages apart, or years far apart', () => {
    const s = { type: 'person-date', field: 'd', cannotLink: true };
    // 35 in a list of 2022–2026: born 1986–1991.
    expect(levelOf(s, { d: '35 лет' }, { d: '12.03.1989' })).toBe('about the same age');
    expect(levelOf(s, { d: '(35)' }, { d: '1987' })).toBe('about the same age');
    expect(levelOf(s, { d: '35-летний' }, { d: '37 лет' })).toBe('about the same age');
    expect(levelOf(s, { d: '35 лет' }, { d: '1980' })).toBe('ages apart');
    // The list's year is unknown (2022–2026), so ages are far apart only well beyond it: 13 years,
    // as two birth years ten apart make two men.
    expect(levelOf(s, { d: 'aged 22' }, { d: '55 лет' })).toBe('years far apart');
    expect(levelOf(s, { d: '33' }, { d: '54' })).toBe('years far apart');
    expect(levelOf(s, { d: '35 лет' }, { d: '12.03.1970' })).toBe('years far apart');
    expect(levelOf(s, { d: '35 лет' }, { d: '1977' })).toBe('ages apart');
    // Unless one age is the other with a digit slipped: 35 and 53, 35 and 55.
    expect(levelOf(s, { d: '35 лет' }, { d: '53 года' })).toBe('ages apart');
    expect(levelOf(s, { d: '35' }, { d: '55' })).toBe('ages apart');
  });
  it('region and unit', () => {
    const r = { type: 'region', field: 'r' };
    expect(levelOf(r, { r: 'Бурятия' }, { r: 'RU-BU' })).toBe('same');
    expect(levelOf(r, { r: 'Бурятия' }, { r: 'Москва' })).toBe('different');
    expect(levelOf(r, { r: 'nowhere at all' }, { r: 'Москва' })).toBe('null');
    // A place the reader cannot place agrees with the same place written alike, and says nothing
    // against any other: the village may lie in the region the other record names.
    expect(levelOf(r, { r: 'с. Хунзах' }, { r: 'Хунзах' })).toBe('same wording, not read');
    expect(levelOf(r, { r: 'РБ' }, { r: 'рб' })).toBe('same wording, not read');
    expect(levelOf(r, { r: 'Белорецкий р-н' }, { r: 'Белорецкий район' })).toBe('same wording, not read');
    expect(levelOf(r, { r: 'с. Хунзах' }, { r: 'с. Ботлих' })).toBe('null');
    expect(levelOf(r, { r: 'с. Хунзах' }, { r: 'Республика Дагестан' })).toBe('null');
    expect(levelOf(r, { r: 'РБ' }, { r: 'Республика Бурятия' })).toBe('null');
    const u = { type: 'unit', field: 'u' };
    expect(levelOf(u, { u: 'в/ч 12345' }, { u: 'military unit 12345' })).toBe('same unit number');
    expect(levelOf(u, { u: '55 омсбр' }, { u: '55th Motor Rifle Brigade' })).toBe('same formation');
    expect(levelOf(u, { u: 'в/ч 12345' }, { u: 'в/ч 54321' })).toBe('different');
    // A field post number and an open unit number are two numberings: one unit has one of each.
    expect(levelOf(u, { u: 'п/п 12345' }, { u: 'в/ч 54321' })).toBe('null');
    expect(levelOf(u, { u: 'п/п 12345' }, { u: 'п/п 54321' })).toBe('different');
    // A formation without its type is the same as one of its family with that number, no other.
    expect(levelOf(u, { u: '55-я бригада' }, { u: '55 омсбр' })).toBe('same formation');
    expect(levelOf(u, { u: '20 армия' }, { u: '20-я общевойсковая армия' })).toBe('same formation');
    expect(levelOf(u, { u: '55 бригада' }, { u: '55th brigade' })).toBe('same formation');
    expect(levelOf(u, { u: '55 бригада' }, { u: '64 омсбр' })).toBe('different');
    expect(levelOf(u, { u: '1009 полк' }, { u: '1010 мсп' })).toBe('different');
    // An army and a brigade: the brigade may serve in that army.
    expect(levelOf(u, { u: '20 армия' }, { u: '55 омсбр' })).toBe('null');
    expect(levelOf(u, { u: '55 бригада' }, { u: 'в/ч 12345' })).toBe('null');
    // An ordinal alone ("служил в 55-й") agrees with the formations of its gender and number.
    expect(levelOf(u, { u: '«55-я»' }, { u: '55 омсбр' })).toBe('same formation');
    expect(levelOf(u, { u: '55-я' }, { u: '55-я бригада' })).toBe('same formation');
    expect(levelOf(u, { u: '1009-й' }, { u: '1009 мсп' })).toBe('same formation');
    expect(levelOf(u, { u: '55-я' }, { u: '64 омсбр' })).toBe('null');
    // A name alone is the unit's name.
    expect(levelOf(u, { u: 'Гранит' }, { u: 'ЧВК «Гранит»' })).toBe('same formation');
    // A unit the normaliser cannot read agrees only when written the same way; else it says nothing.
    expect(levelOf(u, { u: 'морпехи' }, { u: 'Морпехи!' })).toBe('same wording, not read');
    expect(levelOf(u, { u: 'морпехи' }, { u: 'штурмовики' })).toBe('null');
    expect(levelOf(u, { u: 'морпехи' }, { u: '55 омсбр' })).toBe('null');
  });
});

// A man's name in the genitive or dative is read back to the nominative only when the case is sure.
import { describe, expect, it } from 'vitest';
import { nominativeName } from './name-cases.ts';

const read = (surname: string, given: string, patronymic = ''): string | null => {
  const r = nominativeName({ surname, given, patronymic });
  return r ? [r.surname, r.given, r.patronymic].filter(Boolean).join(' ') : null;
};

describe('nominativeName', () => {
  it('reads back the genitive and the dative of every kind of surname and given name', () => {
    expect(read('Иванова', 'Сергея', 'Петровича')).toBe('Иванов Сергей Петрович');
    expect(read('Иванову', 'Сергею', 'Петровичу')).toBe('Иванов Сергей Петрович');
    expect(read('Покровского', 'Игоря')).toBe('Покровский Игорь');
    expect(read('Крайнему', 'Игорю')).toBe('Крайний Игорь');
    expect(read('Белого', 'Льва', 'Николаевича')).toBe('Белый Лев Николаевич');
    expect(read('Шевчука', 'Павла')).toBe('Шевчук Павел');
    expect(read('Бойко', 'Никиты')).toBe('Бойко Никита');
    expect(read('Седых', 'Ильи')).toBe('Седых Илья');
    expect(read('Смирнову', 'Коле')).toBe('Смирнов Коля');
    expect(read('Мамедова', 'Руслана', 'Али оглы')).toBe('Мамедов Руслан Али оглы');
    expect(read('Ондара', 'Айдыса', 'Кара-ооловича')).toBe('Ондар Айдыс Кара-оолович');
  });

  it('reads back the instrumental ("связь с Колесниковым Евгением потеряна")', () => {
    expect(read('Колесниковым', 'Евгением', 'Станиславовичем')).toBe('Колесников Евгений Станиславович');
    expect(read('Соколышевым', 'Русланом')).toBe('Соколышев Руслан');
    expect(read('Пушкиным', 'Павлом')).toBe('Пушкин Павел');
    expect(read('Покровским', 'Игорем')).toBe('Покровский Игорь');
    expect(read('Шевчуком', 'Никитой')).toBe('Шевчук Никита');
    expect(read('Седых', 'Ильёй')).toBe('Седых Илья');
    // Nominative names that end as the instrumental does stay as written.
    expect(read('Иванов', 'Сергей')).toBeNull();
    expect(read('Ким', 'Сергеем')).toBeNull();
    expect(read('Ивановым', 'Сергея')).toBeNull();
  });

  it('reads back the prepositional ("сведения о Зайцеве Константине Эдуардовиче")', () => {
    expect(read('Зайцеве', 'Константине', 'Эдуардовиче')).toBe('Зайцев Константин Эдуардович');
    expect(read('Карасеве', 'Михаиле')).toBe('Карасев Михаил');
    expect(read('Шевчуке', 'Павле')).toBe('Шевчук Павел');
    expect(read('Иванове', 'Евгении')).toBe('Иванов Евгений');
    expect(read('Бойко', 'Иване')).toBe('Бойко Иван');
    // The dative and the prepositional share Никите; the surname says which.
    expect(read('Иванову', 'Никите')).toBe('Иванов Никита');
    expect(read('Иванове', 'Никите')).toBe('Иванов Никита');
    // Евгении is also the genitive of a woman's name: without a man's field it stays.
    expect(read('Иванова', 'Евгении')).toBeNull();
  });

  it('keeps the capitals as written', () => {
    expect(read('ИВАНОВА', 'СЕРГЕЯ', 'ПЕТРОВИЧА')).toBe('ИВАНОВ СЕРГЕЙ ПЕТРОВИЧ');
  });

  it('leaves names in the nominative, women, mixed cases and Latin script alone', () => {
    expect(read('Иванов', 'Никита')).toBeNull();
    expect(read('Иванова', 'Никита')).toBeNull();
    expect(read('Зайцев', 'Илья', 'Петрович')).toBeNull();
    expect(read('Иванова', 'Анна')).toBeNull();
    // Юлия, Яна: a woman's name, or a man's (Юлий, Ян) in the genitive. A woman's is likelier.
    expect(read('Иванова', 'Юлия')).toBeNull();
    expect(read('Бойко', 'Яна')).toBeNull();
    // Александра is a woman's name too: read back only when another field says it is a man's.
    expect(read('Иванова', 'Александра')).toBeNull();
    expect(read('Иванова', 'Александра', 'Петровича')).toBe('Иванов Александр Петрович');
    expect(read('Покровского', 'Александра')).toBe('Покровский Александр');
    // One field in the genitive, another in the nominative or the dative: not sure of anything.
    expect(read('Иванов', 'Сергея')).toBeNull();
    expect(read('Иванову', 'Сергея')).toBeNull();
    expect(read('Иванова', 'Сергея', 'Петрович')).toBeNull();
    expect(read('Ivanova', 'Sergeya')).toBeNull();
  });
});

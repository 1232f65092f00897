import { describe, expect, it } from 'vitest';
import { russianPatronymic, ukrainianPatronymic } from './index.ts';

describe('patronymic formation', () => {
  it('forms Russian patronymics, including the irregular ones', () => {
    const cases: Record<string, string> = {
      Сергей: 'Сергеевич',
      Юрий: 'Юрьевич',
      Дмитрий: 'Дмитриевич',
      Николай: 'Николаевич',
      Игорь: 'Игоревич',
      Илья: 'Ильич',
      Никита: 'Никитич',
      Павел: 'Павлович',
      Пётр: 'Петрович',
      Михаил: 'Михайлович',
      Иван: 'Иванович',
      Магомед: 'Магомедович',
      Шамиль: 'Шамилевич',
      Бато: 'Батоевич',
      Доржи: 'Доржиевич',
      Муса: 'Мусаевич',
      'Кан-оол': 'Кан-оолович',
    };
    for (const [father, p] of Object.entries(cases)) expect(russianPatronymic(father).male, father).toBe(p);
    expect(russianPatronymic('Иван').female).toBe('Ивановна');
    expect(russianPatronymic('Илья').female).toBe('Ильинична');
  });

  it('forms Ukrainian patronymics', () => {
    expect(ukrainianPatronymic('Олександр').male).toBe('Олександрович');
    expect(ukrainianPatronymic('Сергій').male).toBe('Сергійович');
    expect(ukrainianPatronymic('Дмитро').male).toBe('Дмитрович');
    expect(ukrainianPatronymic('Микола').male).toBe('Миколайович');
    expect(ukrainianPatronymic('Василь').male).toBe('Васильович');
    expect(ukrainianPatronymic('Олександр').female).toBe('Олександрівна');
  });
});

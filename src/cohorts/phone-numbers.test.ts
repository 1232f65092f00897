import { describe, expect, it } from 'vitest';
import { containsPhoneNumber } from './phone-numbers.ts';

describe('containsPhoneNumber', () => {
  it.each([
    'звоните мне +7 916 123-45-67',
    '8 (916) 123-45-67',
    '89161234567',
    'мой номер 916 123 45 67, пишите',
    '+380 67 123 45 67',
    '8-495-123-45-67',
  ])('finds a phone number in «%s»', (text) => expect(containsPhoneNumber(text)).toBe(true));

  it.each([
    'в/ч 12345, 155-я бригада',
    'последний звонок 01.02.2025 в 12:00',
    'призван 09.2022, колония № 6',
    'в/ч 12345 п/п 67890',
    'нас 12 семей из 2 батальонов',
  ])('leaves «%s» alone', (text) => expect(containsPhoneNumber(text)).toBe(false));
});

import { describe, expect, it } from 'vitest';
import { translator } from '../web/i18n/i18n.ts';
import type { PageContext } from '../web/page-context.ts';
import { cohortName } from './cohorts.views.tsx';

// A group's name on the case page: in English a formation is named in English, its Russian
// abbreviation kept beside it as on her papers ("Formation 155 обрмп" read as neither language).

const ctx = (lang: 'ru' | 'en') => ({ t: translator(lang), lang }) as PageContext;
const formation = (value: string) => ({ key: `formation:${value}`, kind: 'formation' as const, value, region: null });

describe("a formation group's name", () => {
  it('is named in English on an English page, the Russian abbreviation beside it', () => {
    expect(cohortName(ctx('en'), formation('155 обрмп'))).toBe('Marine Brigade 155 (155 обрмп)');
    expect(cohortName(ctx('en'), formation('20 оа'))).toBe('Combined Arms Army 20 (20 оа)');
  });

  it('is written out in Russian as she would write it (QA walk 9: «Соединение 1 та» for «1-я танковая армия»)', () => {
    expect(cohortName(ctx('ru'), formation('1 та'))).toBe('1-я танковая армия');
    expect(cohortName(ctx('ru'), formation('155 обрмп'))).toBe('155-я отдельная бригада морской пехоты');
    expect(cohortName(ctx('ru'), formation('27 мсп'))).toBe('27-й мотострелковый полк');
    expect(cohortName(ctx('ru'), formation('3 ак'))).toBe('3-й армейский корпус');
    expect(cohortName(ctx('ru'), formation('90 дивизия'))).toBe('90-я дивизия');
  });

  it('stays plain for a named formation or an unknown type', () => {
    expect(cohortName(ctx('ru'), formation('шторм z'))).toBe('Соединение шторм z');
    expect(cohortName(ctx('en'), formation('шторм z'))).toBe('Formation шторм z');
    expect(cohortName(ctx('en'), formation('12 отряд'))).toBe('Formation 12 отряд');
  });
});

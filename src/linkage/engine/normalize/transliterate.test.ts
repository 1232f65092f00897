import { describe, expect, it } from 'vitest';
import { transliterate } from './index.ts';

describe('transliterate (Cyrillic → Latin, per system)', () => {
  const cases: Array<[Parameters<typeof transliterate>[1], string, string]> = [
    ['icao9303', 'Юлия Щукина', 'Iuliia Shchukina'],
    ['icao9303', 'Подъячев Ксения', 'Podieiachev Kseniia'],
    ['icao9303', 'Кузнецов Артём', 'Kuznetsov Artem'],
    ['gostr52535', 'Кузнецов Юлия', 'Kuznetcov Iuliia'],
    ['mvd1997', 'Юлия Дмитрий', 'Yuliya Dmitriy'],
    ['mvd1997', 'Елена Андреева', 'Yelena Andreyeva'],
    ['bgnpcgn', 'Ёлкин Григорьев', "Yëlkin Grigor'yev"],
    ['bgnpcgn', 'Артём Подъячев', 'Artëm Pod"yachev'],
    ['gost779b', 'Цыганов Щукин Михаил', "Cy'ganov Shhukin Mixail"],
    ['gost779b', 'Кузнецов Эдуард Юрий', "Kuzneczov E'duard Yurij"],
    ['iso9', 'Щукин Юрий Вячеслав', 'Ŝukin Ûrij Vâčeslav'],
    ['ukraine2010', 'Олександр Сергій Григорій', 'Oleksandr Serhii Hryhorii'],
    ['ukraine2010', 'Згурський Юрій Євген', 'Zghurskyi Yurii Yevhen'],
    ['ukraine2010', 'Андрієнко Їжак Ярослав', 'Andriienko Yizhak Yaroslav'],
    ['informal', 'Дмитрий Александр Юрий', 'Dmitry Alexandr Yury'],
  ];
  it.each(cases)('%s: %s', (system, cyr, latin) => {
    expect(transliterate(cyr, system)).toBe(latin);
  });

  it('keeps capitalisation, spacing and punctuation', () => {
    expect(transliterate('ИВАНОВ Пётр-Иван, в/ч', 'icao9303')).toBe('IVANOV Petr-Ivan, v/ch');
    expect(transliterate('ЩУКИН', 'icao9303')).toBe('SHCHUKIN');
    expect(transliterate('', 'iso9')).toBe('');
  });
});

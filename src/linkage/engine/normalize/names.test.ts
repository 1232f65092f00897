import { describe, expect, it } from 'vitest';
import {
  canonicalGivenName,
  givenNameReadings,
  initialOf,
  isKnownGivenName,
  isInitial,
  nameKey,
  patronymicGenderless,
  surnameGenderless,
} from './index.ts';

const g = (s: string) => canonicalGivenName(nameKey(s, 'given'));
const sk = (s: string) => surnameGenderless(nameKey(s, 'surname'));
const pk = (s: string) => patronymicGenderless(nameKey(s, 'patronymic'));

describe('nameKey', () => {
  it('folds ё/е, й/и, ь/ъ, case and Latin look-alikes typed in a Cyrillic word', () => {
    expect(nameKey('Фёдоров', 'surname')).toBe(nameKey('ФЕДОРОВ', 'surname'));
    expect(nameKey('Григорьев', 'surname')).toBe(nameKey('Григорев', 'surname'));
    expect(nameKey('Ивaнов', 'surname')).toBe(nameKey('Иванов', 'surname')); // Latin "a"
    expect(nameKey('Подъячев', 'surname')).toBe(nameKey('Подьячев', 'surname'));
  });

  it("reads the digits a scan's OCR puts for letters in a Cyrillic word", () => {
    const same = (a: string, b: string) => expect(nameKey(a, 'surname'), a).toBe(nameKey(b, 'surname'));
    same('Р0БЕКИН', 'Робекин');
    same('Смирн0в', 'Смирнов');
    same('Сь1чев', 'Сычев');
    same('Ка3аков', 'Казаков');
    same('Ло6анов', 'Лобанов');
    // Digits in a word without Cyrillic letters are no OCR of Cyrillic.
    expect(nameKey('Sm0rnov', 'surname')).not.toBe(nameKey('Smornov', 'surname'));
  });

  it('reads informal Latin spellings', () => {
    const same = (a: string, b: string) => expect(nameKey(a, 'given')).toBe(nameKey(b, 'given'));
    for (const v of ['Aleksandr', 'Alexandr', 'ALEKSANDR']) same(v, 'Александр');
    for (const v of ['Dmitry', 'Dmitriy', 'Dmitrii', 'Dmitri', 'Dmitrij']) same(v, 'Дмитрий');
    for (const v of ['Yuri', 'Yury', 'Iurii', 'Yuriy', 'Jurij']) same(v, 'Юрий');
    for (const v of ['Aleksey', 'Alexei', 'Aleksei', 'Alexey', 'Aleksej']) same(v, 'Алексей');
    for (const v of ['Semyon', 'Semen', 'Semion']) same(v, 'Семён');
    for (const v of ['Pyotr', 'Petr', 'Piotr']) same(v, 'Пётр');
    for (const v of ['Vyacheslav', 'Viacheslav', 'Vjacheslav']) same(v, 'Вячеслав');
    for (const v of ['Mikhail', 'Mihail', 'Mixail']) same(v, 'Михаил');
    same('Evgeniy', 'Евгений');
    same('Yevgeny', 'Евгений');
    expect(nameKey('Kuznetsov', 'surname')).toBe(nameKey('Кузнецов', 'surname'));
    expect(nameKey('Kuznezov', 'surname')).not.toBe(''); // z for ц is not read as ц (z = з)
    expect(nameKey('Shchukin', 'surname')).toBe(nameKey('Schukin', 'surname'));
    expect(nameKey('Shhukin', 'surname')).toBe(nameKey('Щукин', 'surname'));
    expect(nameKey('Tzyganov', 'surname')).toBe(nameKey('Цыганов', 'surname'));
    expect(nameKey('Czyganov', 'surname')).toBe(nameKey('Цыганов', 'surname'));
    expect(nameKey('Pod`yachev', 'surname')).toBe(nameKey('Подъячев', 'surname'));
  });

  it('works for Buryat, Tuvan, Dagestani and Ossetian names', () => {
    const same = (a: string, b: string, k: 'surname' | 'given' = 'surname') =>
      expect(nameKey(a, k)).toBe(nameKey(b, k));
    same('Tsyrenov', 'Цыренов');
    same('Tsirenov', 'Цыренов');
    same('Dorzhiev', 'Доржиев');
    same('Dorjiev', 'Доржиев'); // informal j for ж, read between a consonant and i
    same('Gadjiev', 'Гаджиев');
    same('Mongush', 'Монгуш');
    same('Oorzhak', 'Ооржак');
    same('Orzhak', 'Ооржак');
    same('Magomedov', 'Магомедов');
    same('Gadzhiev', 'Гаджиев');
    same('Gadzhiyev', 'Гаджиев');
    same('Abdulkhalikov', 'Абдулхаликов');
    same('Abdulhalikov', 'Абдулхаликов');
    same('Dzagoev', 'Дзагоев');
    same('Guriev', 'Гуриев');
    same('Гурьев', 'Гуриев'); // ь and и before е are folded together
    for (const [a, b] of [
      ['Bair', 'Баир'],
      ['Zhargal', 'Жаргал'],
      ['Ayas', 'Аяс'],
      ['Shamil', 'Шамиль'],
      ['Magomed', 'Магомед'],
      ['Mahomed', 'Магомед'],
      ['Alan', 'Алан'],
      ['Soslan', 'Сослан'],
    ])
      same(a, b, 'given');
    same('Цырендоржиев', 'ЦЫРЕНДОРЖИЕВ');
    same('Батоhоев', 'Батоһоев'); // Buryat һ typed as Latin h
    same('Бадмаев', 'Бадмаев');
    same('Түмэн', 'Тумэн');
    same('Ўладзімір', 'Уладзимир'); // Belarusian ў and і
  });

  it('reads Azerbaijani, Turkish and Polish Latin letters, and German tsch, rather than dropping them', () => {
    // Read as English, Məmmədov was «мдов» and Ağayev «аев»: no Cyrillic spelling could meet them.
    const same = (a: string, b: string): void => expect(nameKey(a, 'surname')).toBe(nameKey(b, 'surname'));
    same('Ağayev', 'Агаев');
    same('Əliyev', 'Алиев');
    same('Ismayılov', 'Исмаилов');
    same('Cəfərov', 'Джафаров');
    same('Qasımov', 'Гасымов');
    same('Çelik', 'Челик');
    same('Łukin', 'Лукин');
    same('Tschaikowski', 'Чайковский');
    same('Tschernow', 'Чернов');
    same('AĞAYEV', 'Агаев');
    // Close enough for a typo's level, if not one key: ə is а or е in Russian (Мамедов).
    expect(nameKey('Məmmədov', 'surname')).toBe('мамадов');
  });

  it('returns empty for empty and placeholder values', () => {
    for (const v of ['', '   ', '-', 'неизвестно', 'N/A', 'нет', '...']) expect(nameKey(v, 'surname')).toBe('');
  });

  it('joins multi-part names the same way whatever the separator', () => {
    expect(nameKey('Петров-Водкин', 'surname')).toBe(nameKey('Petrov Vodkin', 'surname'));
  });
});

describe('canonicalGivenName', () => {
  it('maps diminutives to full names', () => {
    expect(g('Саша')).toBe(nameKey('Александр', 'given'));
    expect(g('Дима')).toBe(nameKey('Дмитрий', 'given'));
    expect(g('Лёша')).toBe(nameKey('Алексей', 'given'));
    expect(g('Sasha')).toBe(nameKey('Александр', 'given'));
    expect(g('Вова')).toBe(g('Володя'));
    expect(g('Серёжа')).toBe(nameKey('Сергей', 'given'));
    expect(g('Мага')).toBe(nameKey('Магомед', 'given'));
    // Comrades' forms: Серый, Паха, Ромыч, Дэн.
    expect(g('Серый')).toBe(nameKey('Сергей', 'given'));
    expect(g('Паха')).toBe(nameKey('Павел', 'given'));
    expect(g('Ромыч')).toBe(nameKey('Роман', 'given'));
    expect(g('Дэн')).toBe(nameKey('Денис', 'given'));
  });

  it('knows given names of the republics that the Russian list lacks', () => {
    for (const name of ['Айнур', 'Ленар', 'Баатар', 'Зорикто', 'Кежик', 'Сылдыс', 'Мовсар', 'Астемир'])
      expect(isKnownGivenName(nameKey(name, 'given')), name).toBe(true);
  });

  it('maps Ukrainian forms and their romanisation to the Russian name', () => {
    expect(g('Олександр')).toBe(nameKey('Александр', 'given'));
    expect(g('Oleksandr')).toBe(nameKey('Александр', 'given'));
    expect(g('Сергій')).toBe(nameKey('Сергей', 'given'));
    expect(g('Serhii')).toBe(nameKey('Сергей', 'given'));
    expect(g('Serhiy')).toBe(nameKey('Сергей', 'given'));
    expect(g('Dmytro')).toBe(nameKey('Дмитрий', 'given'));
    expect(g('Mykola')).toBe(nameKey('Николай', 'given'));
    expect(g('Andrii')).toBe(nameKey('Андрей', 'given'));
    expect(g('Yevhen')).toBe(nameKey('Евгений', 'given'));
    expect(g('Ihor')).toBe(nameKey('Игорь', 'given'));
  });

  it('maps Belarusian forms and their passport romanisation to the Russian name', () => {
    const pairs: [string, string][] = [
      ['Аляксандр', 'Александр'],
      ['Aliaksandr', 'Александр'],
      ['Siarhei', 'Сергей'],
      ['Dzmitry', 'Дмитрий'],
      ['Зміцер', 'Дмитрий'],
      ['Mikalai', 'Николай'],
      ['Yauhen', 'Евгений'],
      ['Uladzimir', 'Владимир'],
      ['Рыгор', 'Григорий'],
      ['Hienadz', 'Геннадий'],
    ];
    for (const [form, russian] of pairs) expect(g(form), form).toBe(nameKey(russian, 'given'));
    // Belarusian Янка is Иван, but the same word is a Russian girl's Яна: not taken.
    expect(g('Янка')).not.toBe(nameKey('Иван', 'given'));
  });

  it('maps English names and Western informal spellings to the Russian name', () => {
    expect(g('Alexander')).toBe(nameKey('Александр', 'given'));
    expect(g('Constantin')).toBe(nameKey('Константин', 'given'));
    expect(g('Nicolai')).toBe(nameKey('Николай', 'given'));
    expect(g('Michail')).toBe(nameKey('Михаил', 'given'));
    expect(g('Jargal')).toBe(nameKey('Жаргал', 'given'));
    expect(g('Djamal')).toBe(nameKey('Джамал', 'given'));
  });

  it('lists every reading of an ambiguous diminutive, the canonical one first', () => {
    const r = givenNameReadings(nameKey('Слава', 'given'));
    expect(r[0]).toBe(nameKey('Вячеслав', 'given'));
    expect(r).toContain(nameKey('Владислав', 'given'));
    expect(r).toContain(nameKey('Ярослав', 'given'));
    expect(givenNameReadings(nameKey('Сеня', 'given'))).toContain(nameKey('Семён', 'given'));
    expect(givenNameReadings(nameKey('Тима', 'given'))).toContain(nameKey('Тимур', 'given'));
    expect(givenNameReadings(nameKey('Дима', 'given'))).toEqual([nameKey('Дмитрий', 'given')]);
    expect(givenNameReadings(nameKey('Иван', 'given'))).toEqual([nameKey('Иван', 'given')]);
  });

  it('reads a colloquial suffix on a known name or short form', () => {
    expect(g('Ромка')).toBe(nameKey('Роман', 'given'));
    expect(g('Вовчик')).toBe(nameKey('Владимир', 'given'));
    expect(g('Максимка')).toBe(nameKey('Максим', 'given'));
    expect(g('Женёк')).toBe(nameKey('Евгений', 'given'));
    expect(g('Сашок')).toBe(nameKey('Александр', 'given'));
    expect(g('Толян')).toBe(nameKey('Анатолий', 'given'));
    expect(g('Костик')).toBe(nameKey('Константин', 'given'));
    expect(g('Никитос')).toBe(nameKey('Никита', 'given'));
    expect(g('Romka')).toBe(nameKey('Роман', 'given'));
    // Full names that end like a suffix stay themselves; a short stem reads nothing.
    expect(g('Роман')).toBe(nameKey('Роман', 'given'));
    expect(g('Руслан')).toBe(nameKey('Руслан', 'given'));
    expect(g('Степан')).toBe(nameKey('Степан', 'given'));
    expect(g('Эрик')).toBe(nameKey('Эрик', 'given'));
  });

  it('leaves full and unknown names alone', () => {
    expect(g('Александр')).toBe(nameKey('Александр', 'given'));
    expect(g('Баир')).toBe(nameKey('Баир', 'given'));
    expect(canonicalGivenName('')).toBe('');
  });
});

describe('gender forms', () => {
  it('strips feminine surname endings', () => {
    expect(sk('Иванова')).toBe(sk('Иванов'));
    expect(sk('Ivanova')).toBe(sk('Иванов'));
    expect(sk('Петровская')).toBe(sk('Петровский'));
    expect(sk('Petrovskaya')).toBe(sk('Petrovskiy'));
    expect(sk('Петровська')).toBe(sk('Петровський'));
    expect(sk('Ильина')).toBe(sk('Ильин'));
    expect(sk('Толстая')).toBe(sk('Толстой'));
    expect(sk('Синяя')).toBe(sk('Синий'));
    expect(sk('Белая')).toBe(sk('Белый'));
    expect(sk('Цыренова')).toBe(sk('Цыренов'));
    expect(sk('Цой')).toBe(nameKey('Цой', 'surname')); // too short to be an adjective
    expect(sk('Шевченко')).toBe(nameKey('Шевченко', 'surname'));
  });

  it('makes male and female patronymics one key', () => {
    expect(pk('Иванович')).toBe(pk('Ивановна'));
    expect(pk('Андреевич')).toBe(pk('Андреевна'));
    expect(pk('Ильич')).toBe(pk('Ильинична'));
    expect(pk('Никитич')).toBe(pk('Никитична'));
    expect(pk('Ivanovich')).toBe(pk('Ивановна'));
    expect(pk('Иванович')).not.toBe(pk('Петрович'));
    // A father's name with the Turkic particle is the same father as the Russian form.
    expect(pk('Гусейн оглы')).toBe(pk('Гусейнович'));
    expect(pk('Рустам уулу')).toBe(pk('Рустамович'));
    expect(pk('Asan uly')).toBe(pk('Асанович'));
    expect(pk('Рустам уулу')).not.toBe(pk('Асан улы'));
  });

  it('maps Ukrainian patronymics and their romanisation to the Russian key', () => {
    expect(pk('Олександрович')).toBe(pk('Александрович'));
    expect(pk('Олександрівна')).toBe(pk('Александровна'));
    expect(pk('Сергійович')).toBe(pk('Сергеевич'));
    expect(pk('Serhiiovych')).toBe(pk('Sergeevich'));
    expect(pk('Миколайович')).toBe(pk('Николаевич'));
    expect(pk('Dmytrovych')).toBe(pk('Дмитриевич'));
    expect(pk('Юрійович')).toBe(pk('Юрьевич'));
    expect(pk('Юриевич')).toBe(pk('Юрьевич'));
  });
});

describe('initials', () => {
  it('recognises initials-only input', () => {
    for (const v of ['А.', 'A', 'А.В.', 'A. V.', 'Yu.', 'Zh.', 'в.']) expect(isInitial(v)).toBe(true);
    for (const v of ['Ян', 'Али', 'Иванович', '', 'AV']) expect(isInitial(v)).toBe(false);
  });

  it('gives the first letter of a key in any script', () => {
    expect(initialOf(nameKey('Иванович', 'patronymic'))).toBe(initialOf(nameKey('И.', 'patronymic')));
    expect(initialOf(nameKey('Юрьевич', 'patronymic'))).toBe(initialOf(nameKey('Yu.', 'patronymic')));
    expect(initialOf(nameKey('Zhukov', 'surname'))).toBe(initialOf(nameKey('Ж', 'surname')));
    expect(initialOf(nameKey('Yu.', 'patronymic'))).not.toBe(initialOf(nameKey('Иванович', 'patronymic')));
    expect(initialOf(nameKey('Я.', 'patronymic'))).toBe(initialOf(nameKey('Yakovlevich', 'patronymic')));
    expect(initialOf(nameKey('Ц.', 'surname'))).toBe(initialOf(nameKey('Tsyrenov', 'surname')));
    expect(initialOf(nameKey('Ц.', 'surname'))).not.toBe(initialOf(nameKey('Тимуров', 'surname')));
    expect(initialOf(nameKey('Щ', 'surname'))).toBe(initialOf(nameKey('Shchukin', 'surname')));
    expect(initialOf('')).toBe('');
  });
});

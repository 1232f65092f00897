import { describe, expect, it } from 'vitest';
import { formationAgreement, formationsCompatible, parseUnit, parseUnitLoose } from './index.ts';
import { stormWording } from './units.ts';

describe('parseUnit', () => {
  it('reads open unit numbers however they are written', () => {
    for (const s of [
      'в/ч 12345',
      'вч12345',
      'В/Ч 12345',
      'в.ч. 12345',
      'войсковая часть 12345',
      'military unit 12345',
      'Military Unit No. 12345',
      'unit 12345',
      'v/ch 12345',
      '12345',
      'в/ч №12345',
    ]) {
      expect(parseUnit(s), s).toEqual({ number: '12345', formation: null });
    }
    // The sub-unit letter is dropped: "в/ч 12345" and "в/ч 12345-А" must not compare as different.
    expect(parseUnit('В/Ч 12345-А')).toEqual({ number: '12345', formation: null });
    expect(parseUnit('в/ч 12345-A')).toEqual({ number: '12345', formation: null }); // Latin A
    expect(parseUnit('в/ч 12345 А')).toEqual({ number: '12345', formation: null });
  });

  it('reads formation names in Russian and English to one key', () => {
    for (const s of [
      '55 омсбр',
      '55-я омсбр',
      '55 ОМСБр',
      '55-я отдельная мотострелковая бригада',
      '55-я отдельная гвардейская мотострелковая бригада',
      '55th Motor Rifle Brigade',
      '55th Separate Motor Rifle Brigade',
      '55 OMSBr',
      '55 мсбр',
      '55th Guards Motorized Rifle Brigade',
    ]) {
      expect(parseUnit(s), s).toEqual({ number: null, formation: '55 омсбр' });
    }
    expect(parseUnit('76 дшд').formation).toBe('76 дшд');
    expect(parseUnit('76-я гвардейская десантно-штурмовая дивизия').formation).toBe('76 дшд');
    expect(parseUnit('76th Guards Air Assault Division').formation).toBe('76 дшд');
    expect(parseUnit('155 обрмп').formation).toBe('155 обрмп');
    expect(parseUnit('155th Naval Infantry Brigade').formation).toBe('155 обрмп');
    expect(parseUnit('2-я отдельная бригада специального назначения').formation).toBe('2 обрспн');
    expect(parseUnit('20 гв. оа').formation).toBe('20 оа');
    expect(parseUnit('20th Combined Arms Army').formation).toBe('20 оа');
    expect(parseUnit('1 тд').formation).toBe('1 тд');
    expect(parseUnit('1st Tank Division').formation).toBe('1 тд');
    expect(parseUnit('1-я танковая армия').formation).toBe('1 та');
  });

  it('keeps field post numbers apart from unit numbers', () => {
    expect(parseUnit('п/п 12345').number).toBe('пп 12345');
    expect(parseUnit('полевая почта 12345').number).toBe('пп 12345');
    expect(parseUnit('field post 12345').number).toBe('пп 12345');
    expect(parseUnit('в/ч 12345').number).not.toBe(parseUnit('п/п 12345').number);
  });

  it('reads both when both are given', () => {
    expect(parseUnit('в/ч 12345 (55 омсбр)')).toEqual({ number: '12345', formation: '55 омсбр' });
    expect(parseUnit('55 омсбр, в/ч 12345')).toEqual({ number: '12345', formation: '55 омсбр' });
    expect(parseUnit('55th Motor Rifle Brigade (military unit 12345)')).toEqual({
      number: '12345',
      formation: '55 омсбр',
    });
  });

  it('keeps a number with only a generic word as a vague formation (loose parse only)', () => {
    expect(parseUnit('193 бригада').formation).toBeNull();
    expect(parseUnitLoose('193 бригада').formation).toBe('193 бригада');
    expect(parseUnitLoose('193-я бригада').formation).toBe('193 бригада');
    expect(parseUnitLoose('91st brigade').formation).toBe('91 бригада');
    expect(parseUnitLoose('180 полк').formation).toBe('180 полк');
    expect(parseUnitLoose('55 омсбр').formation).toBe('55 омсбр');
    expect(formationsCompatible('193 бригада', '193 омсбр')).toBe(true);
    expect(formationsCompatible('193 омсбр', '193 бригада')).toBe(true);
    expect(formationsCompatible('193 полк', '193 омсбр')).toBe(false);
    expect(formationsCompatible('193 бригада', '194 омсбр')).toBe(false);
    expect(formationsCompatible('55 омсбр', '55 омсбр')).toBe(true);
    expect(formationsCompatible('55 омсбр', '55 мсп')).toBe(false);
  });

  it('keys a unit written with its sub-units by the formation a family would name', () => {
    // Without this, "55 омсбр" and "3 мсб 55 омсбр" compared as two different units.
    expect(parseUnit('1 батальон 55 омсбр').formation).toBe('55 омсбр');
    expect(parseUnit('3 мсб 55 омсбр').formation).toBe('55 омсбр');
    expect(parseUnit('2 рота 1 батальона 138 омсбр').formation).toBe('138 омсбр');
    expect(parseUnit('2 мсб 1 МСП').formation).toBe('1 мсп');
    expect(parseUnit('71 мсп 42 мсд').formation).toBe('71 мсп');
    expect(parseUnit('42 мсд 71 мсп').formation).toBe('71 мсп');
    expect(parseUnit('55 омсбр 20 оа').formation).toBe('55 омсбр');
    // A regiment's number with an ordinal ending is not an open unit number.
    expect(parseUnit('1-й батальон 1009-го мсп')).toEqual({ number: null, formation: '1009 мсп' });
    // A battalion beside an open unit number is that unit's sub-unit.
    expect(parseUnit('в/ч 12345 1 мсб')).toEqual({ number: '12345', formation: null });
    expect(parseUnit('1 мсб').formation).toBe('1 мсб');
  });

  it('reads short forms, a number before its marker and units transliterated from Russian', () => {
    expect(parseUnit('12345 в/ч')).toEqual({ number: '12345', formation: null });
    for (const s of [
      '55-ya otdelnaya motostrelkovaya brigada',
      '55 otd. motostrelkovaya brigada',
      '55 мотострелковая бр.',
      'м/с бригада 55',
      '55 м/с бр',
    ])
      expect(parseUnit(s), s).toEqual({ number: null, formation: '55 омсбр' });
    // A four-digit number after a regiment's type word is the regiment's, not an open unit number.
    for (const s of ['мотострелковый полк 1009', '1009 м/с полк'])
      expect(parseUnit(s), s).toEqual({ number: null, formation: '1009 мсп' });
    expect(parseUnit('в/ч 3179').number).toBe('3179');
  });

  it('reads vague types past honorifics, before the number, and field posts in Latin', () => {
    for (const s of ['12-я отдельная бригада', '12 obr', 'Brigade 12', '12 Bde'])
      expect(parseUnitLoose(s).formation, s).toBe('12 бригада');
    expect(parseUnitLoose('76th VDV Division').formation).toBe('76 дивизия');
    expect(parseUnit('p/p 12345').number).toBe('пп 12345');
    expect(parseUnit('field post office 12345').number).toBe('пп 12345');
    // The open number wins over the same unit's field post number.
    expect(parseUnit('в/ч 12345 п/п 67890').number).toBe('12345');
  });

  it('reads formations named by their honorific or garrison', () => {
    for (const s of [
      'Таманская дивизия',
      'в Таманской',
      '2-я гвардейская мотострелковая Таманская дивизия',
      'Tamanskaya division',
    ])
      expect(parseUnit(s).formation, s).toBe('2 мсд');
    expect(parseUnit('Кантемировская').formation).toBe('4 тд');
    expect(parseUnit('Печенгская бригада').formation).toBe('200 омсбр');
    expect(parseUnit('Псковская дивизия ВДВ').formation).toBe('76 дшд');
    expect(parseUnit('Псковская десантная дивизия').formation).toBe('76 дшд');
    // A garrison's name alone is a region, not a formation; a number given wins.
    expect(parseUnit('Псковская область').formation).toBeNull();
    expect(parseUnit('234 дшп, Псковская дивизия').formation).toBe('234 дшп');
  });

  it('reads a unit number with a thousands space, and one airborne key per number', () => {
    expect(parseUnit('в/ч 12 345').number).toBe('12345');
    expect(parseUnit('76 ВДД').formation).toBe(parseUnit('76-я гв. десантно-штурмовая дивизия').formation);
    expect(parseUnit('331 пдп').formation).toBe(parseUnit('331 дшп').formation);
    expect(parseUnit('98 вдд').formation).not.toBe(parseUnit('76 дшд').formation);
  });

  it('reads formations known by a name', () => {
    for (const s of ['ЧВК Вагнер', 'ЧВК «Вагнер»', 'Wagner PMC', 'вагнеровец', 'ЧВК W', 'ЧВКW', 'ЧВК «W»', 'ЧВК В.'])
      expect(parseUnit(s).formation, s).toBe('чвк вагнер');
    expect(parseUnit('спецназ «Ахмат»').formation).toBe('ахмат');
    for (const s of ['БАРС-13', 'барс 13', '13-й БАРС', 'отряд БАРС 13'])
      expect(parseUnit(s).formation, s).toBe('барс 13');
    expect(parseUnit('БАРС-13').formation).not.toBe(parseUnit('БАРС-14').formation);
    // BARS without a number is the whole reserve: no detachment, nothing to differ from "БАРС-13".
    for (const s of ['БАРС', 'отряд БАРС', 'BARS']) expect(parseUnit(s).formation, s).toBeNull();
    expect(parseUnit('ЧВК Wolf').formation).not.toBe('чвк вагнер');
    expect(parseUnit('ЧВК «Вега»').formation).not.toBe('чвк вагнер');
    // A unit named after a man: his genitive after "имени" is his name alone.
    for (const s of ['батальон имени Шаймуратова', 'батальон им. Шаймуратова', 'батальон «имени Шаймуратова»'])
      expect(parseUnit(s).formation, s).toBe(parseUnit('Шаймуратов').formation);
    // A battalion is a sub-unit of the separate battalion or the named unit beside it.
    expect(parseUnit('4 мсб 99 ошб').formation).toBe('99 ошб');
    expect(parseUnit('1 мсб ЧВК «Сокол-М»').formation).toBe(parseUnit('Сокол-М').formation);
    expect(parseUnit('батальон «Восток»').formation).toBe('восток');
    expect(parseUnit('Vostok battalion').formation).toBe('восток');
    expect(parseUnit('Дальний Восток').formation).toBeNull();
    expect(parseUnit('ЧВК Редут').formation).toBe('чвк редут');
    expect(parseUnit('Пятнашка').formation).toBe('пятнашка');
    // Storm units serve inside numbered regiments: no key of their own.
    expect(parseUnit('Шторм Z').formation).toBeNull();
    expect(parseUnit('Шторм Z, 1 мсп').formation).toBe('1 мсп');
  });

  it('reads a unit by a name of its own: in quotes, or capitalised after the unit kind', () => {
    for (const s of ['ЧВК «Гранит»', 'чвк «Гранит», 3 отряд', '2 шо ЧВК «Гранит»', 'ЧВК Гранит', 'PMC Granit'])
      expect(parseUnit(s).formation, s).toBe('«гранит»');
    for (const s of ['батальон «Сокол»', 'б-н "Сокол"', 'добровольческий батальон «Сокол»', '«Сокол»', 'отряд Сокол'])
      expect(parseUnit(s).formation, s).toBe('«сокол»');
    expect(parseUnit('ЧВК «Гранит-М»').formation).not.toBe('«гранит»');
    // A kind with an ordinary word is no name; storm units have none (see above); beside an open
    // unit number the number speaks.
    expect(parseUnit('батальон связи').formation).toBeNull();
    expect(parseUnit('рота «Шторм Z»').formation).toBeNull();
    expect(parseUnit('в/ч 12345 «Сокол»')).toEqual({ number: '12345', formation: null });
  });

  it("reads a name alone in the unit field, or before its kind in English order, as the unit's name", () => {
    for (const s of ['Гранит', '«Гранит»', 'Granit PMC', 'Гранит ЧВК'])
      expect(parseUnit(s).formation, s).toBe('«гранит»');
    expect(parseUnit('Сокол-М').formation).toBe('«сокол-м»');
    // A kind alone, a storm unit, two words (a place more often than a name): no name.
    for (const s of ['ЧВК', 'Полк', 'Шторм', 'Шторм-Z', 'Дальний Восток', 'Херсонское направление'])
      expect(parseUnitLoose(s).formation, s).toBeNull();
  });

  it('reads an ordinal alone as a formation of the kinds its ending allows', () => {
    for (const s of ['132-я', '«132-я»', '132-ая', '132 я']) expect(parseUnitLoose(s).formation, s).toBe('132 -я');
    for (const s of ['27-й', '«27-й»', '27-ый', '27-го']) expect(parseUnitLoose(s).formation, s).toBe('27 -й');
    // Four digits with an ordinal's ending are a regiment's number, not an open unit number.
    expect(parseUnitLoose('1357-ый')).toEqual({ number: null, formation: '1357 -й' });
    // Vague: an exact comparison would call it different from the typed formation.
    expect(parseUnit('132-я').formation).toBeNull();
    expect(formationAgreement('132 -я', '132 омсбр')).toBe('same');
    expect(formationAgreement('132 -я', '132 бригада')).toBe('same');
    expect(formationAgreement('132 -я', '132 мсд')).toBe('same');
    expect(formationAgreement('27 -й', '27 мсп')).toBe('same');
    // "-й" is a regiment, or a brigade in another case ("в 27-й бригаде").
    expect(formationAgreement('27 -й', '27 омсбр')).toBe('same');
    // "-я" is no regiment (полк); another number may be the formation above or below it: no
    // evidence either way.
    expect(formationAgreement('132 -я', '132 полк')).toBe('incomparable');
    expect(formationAgreement('132 -я', '64 омсбр')).toBe('incomparable');
    expect(formationAgreement('27 -й', '64 -й')).toBe('incomparable');
  });

  it('reads separate regiments, mountain brigades, assault, reconnaissance and tank battalions, Latin ordinals', () => {
    expect(parseUnit('105 омсп').formation).toBe('105 мсп');
    expect(parseUnit('34-я горная бригада').formation).toBe('34 омсбр');
    expect(parseUnit('34th mountain brigade').formation).toBe('34 омсбр');
    expect(parseUnit('1 ОШБ').formation).toBe('1 ошб');
    expect(parseUnit('2-й отдельный штурмовой батальон').formation).toBe('2 ошб');
    expect(parseUnit('1 орб').formation).toBe('1 орб');
    expect(parseUnit('3 тб').formation).toBe('3 отб');
    // A battalion is named only when nothing larger is; beside a unit number it is its sub-unit.
    expect(parseUnit('1 ошб 55 омсбр').formation).toBe('55 омсбр');
    expect(parseUnit('в/ч 12345, 1 ошб')).toEqual({ number: '12345', formation: null });
    expect(parseUnit('448 реабр').formation).toBe('448 абр');
    expect(parseUnitLoose('34-ya brigada').formation).toBe('34 бригада');
    expect(parseUnitLoose('1009-y polk').formation).toBe('1009 полк');
    expect(parseUnit('ДШРГ Русич').formation).toBe('русич');
    expect(parseUnit('Española').formation).toBe('эспаньола');
  });

  it('reads the assault brigades apart from the air-assault ones, and as brigades', () => {
    expect(parseUnit('11 ошбр').formation).toBe('11 ошбр');
    expect(parseUnit('1-я отдельная штурмовая бригада').formation).toBe('1 ошбр');
    expect(parseUnit('5th assault brigade').formation).toBe('5 ошбр');
    expect(parseUnit('83-я отдельная десантно-штурмовая бригада').formation).toBe('83 одшбр');
    expect(parseUnit('11 air assault brigade').formation).toBe('11 одшбр');
    expect(formationsCompatible('11 бригада', '11 ошбр')).toBe(true);
    expect(formationsCompatible('11 ошбр', '11 одшбр')).toBe(false);
  });

  it('returns nulls for empty or unrecognised text', () => {
    expect(parseUnit('')).toEqual({ number: null, formation: null });
    expect(parseUnit('неизвестно')).toEqual({ number: null, formation: null });
    expect(parseUnit('55')).toEqual({ number: null, formation: null });
    expect(parseUnit('штаб')).toEqual({ number: null, formation: null });
  });
});

describe('units as Ukrainian sources and storm units are written', () => {
  it('reads a Russian formation named in Ukrainian', () => {
    expect(parseUnit('37 окрема мотострілецька бригада').formation).toBe('37 омсбр');
    expect(parseUnit('42 мотострілецька дивізія').formation).toBe('42 мсд');
    expect(parseUnit('98 повітряно-десантна дивізія').formation).toBe('98 дшд');
    expect(parseUnit('14 окрема бригада спецпризначення').formation).toBe('14 обрспн');
  });
  it('reads its ordinals: "155-та", "98-ма", "2-га", the genitive "155-ї"', () => {
    expect(parseUnit('155-та окрема бригада морської піхоти').formation).toBe('155 обрмп');
    expect(parseUnit('155-ї окремої бригади морської піхоти').formation).toBe('155 обрмп');
    expect(parseUnit('98-ма повітряно-десантна дивізія').formation).toBe('98 дшд');
    expect(parseUnit('2-га окрема бригада спецпризначення').formation).toBe('2 обрспн');
  });
  it('reads artillery, air-defence and rifle regiments, apart from motor rifle ones', () => {
    expect(parseUnit('181 ап').formation).toBe('181 ап');
    expect(parseUnit('960 зрп').formation).toBe('960 зрп');
    expect(parseUnit('806 сп').formation).toBe('806 сп');
    expect(parseUnit('806 стрелковый полк').formation).toBe('806 сп');
    expect(parseUnit('1009 мотострелковый полк').formation).toBe('1009 мсп');
    expect(formationsCompatible('806 полк', '806 сп')).toBe(true);
  });
  it('reads a battalion named after a man', () => {
    expect(parseUnit('батальон имени Шаймуратова').formation).toBe(parseUnit('батальон им. Шаймуратова').formation);
    expect(parseUnit('батальон имени Шаймуратова').formation).not.toBeNull();
  });
  it('gives every spelling of a storm unit one wording, and no formation', () => {
    for (const s of ['Шторм-Z', 'Storm Z', 'Шторм-Зет', 'штурмовая рота Z', 'роты «Шторм-Z»', 'шторм-з'])
      expect(stormWording(s), s).toBe('шторм z');
    for (const s of ['Шторм-V', 'Storm-V', 'отряд «Шторм-V»', 'шторм-в']) expect(stormWording(s), s).toBe('шторм v');
    expect(stormWording('Шторм')).toBeNull();
    expect(parseUnit('Шторм-Z')).toEqual({ number: null, formation: null });
  });
});

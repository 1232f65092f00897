// Every kind of damage and its rate per kind of list: the chance that a record of that kind of
// list is given it. Where it cannot apply (no ё in the name, no second surname, no leading zero)
// nothing changes, so the "changed" count printed by the generator is lower than the rate.
// All rates are the author's judgement of how such lists look, not measurements.
import { KINDS, type Kind } from './lists.ts';

// biome-ignore format: one line per noise kind
const SPEC: [string, string, string][] = [
  // name
  ['surname_alt', 'his other surname (earlier one, one part of a double one, or "Иванов (Петров)")', 'all .4'],
  ['variant_spelling', 'another official spelling (Рустам/Рустем, Валерьевич/Валериевич, Саркисян/Саргсян)', 'all .05 form .08 ua_pow .08 wanted .07'],
  ['patronymic_missing', 'no patronymic', 'vk .25 media .3 graves .15 official .01 form .06 wanted .3 sheet .1 ocr .05 petition .1 ua_pow .45 exchange .05'],
  ['informant_partial', 'filed by a sibling/friend/aunt who knows less: no patronymic or exact date, nicknames', 'form .3 wanted .3 petition .1'],
  ['diminutive', 'diminutive for the given name (Саша, Дима)', 'vk .08 wanted .1 form .04 petition .02 media .01 ua_pow .03'],
  ['initials', 'given name and patronymic as initials', 'official .05 sheet .08 ocr .05 exchange .03 media .02 petition .05 graves .02'],
  ['ogly_variant', 'оглы/угли/улы written as -ович, joined or hyphenated', 'all .4'],
  ['hyphen_variant', 'hyphenated names (Турпал-Али, Кара-оол, double surnames) split, joined or with a dash', 'all .3 ua_pow .4'],
  ['case_inflected', 'name copied from a sentence in the genitive/dative/instrumental case', 'vk .12 media .08 wanted .06 form .01 petition .02'],
  ['translit_uk', 'Ukrainian orthography (Олександр Сергійович Кузнєцов)', 'ua_pow .6 media .02'],
  ['translit_latin', 'Latin script (Ukrainian national, ICAO passport or English-media system)', 'ua_pow .12 media .03 exchange .02'],
  ['yo', 'ё written as е', 'vk .6 media .5 graves .5 official .7 form .5 wanted .6 sheet .7 ocr .8 petition .6 ua_pow .3 exchange .7 court .7'],
  ['phonetic', 'written down by ear (unstressed о→а, devoicing, single for double consonants)', 'ua_pow .25 wanted .03 form .02 exchange .02'],
  ['typo', 'one keyboard slip', 'all .02 vk .04 form .05 wanted .04 petition .04 ua_pow .04 sheet .03 official .005'],
  ['ocr', 'OCR confusions (о/0, з/3, б/6, ш/щ, и/н, ы→ьı) or a split word', 'ocr .4 official .03 graves .05'],
  ['homoglyph', 'Latin look-alike letters inside a Cyrillic name', 'all .005 form .02 sheet .02 vk .01 wanted .02 petition .02'],
  ['layout', 'typed with the English keyboard layout on (Bdfyjd)', 'form .005 wanted .005 vk .003 sheet .002'],
  ['rank_title', 'rank before the name or an honorific after it (мл. сержант, Герой России, посмертно)', 'vk .2 media .15 graves .05 official .05 petition .03 exchange .05 court .02'],
  ['callsign', 'call sign added to the name or in place of the given name', 'vk .06 wanted .12 form .04 petition .03 ua_pow .05'],
  ['fio_one_cell', 'whole name in the surname cell of a three-column list', 'vk .15 media .1 wanted .2 form .05 sheet .05 ocr .1 petition .05 ua_pow .2 graves .1 exchange .05 official .03'],
  ['swapped_fields', 'surname and given name swapped (Монгуш Айдыс / Айдыс Монгуш)', 'form .03 sheet .02 ocr .01 petition .02 ua_pow .04 wanted .03 vk .01'],
  ['letter_case', 'all capitals or all lower case', 'form .06 wanted .05 sheet .04 vk .03 petition .04 ocr .02'],
  ['nfd', 'й/ё decomposed into letter + combining mark', 'vk .01 wanted .01 form .01 media .01 sheet .005'],
  ['whitespace', 'stray, non-breaking or zero-width spaces, soft hyphens, line breaks', 'all .02 form .06 sheet .08 vk .05 wanted .05 petition .04 ocr .05'],
  // date
  ['date_missing', 'no birth date', 'vk .25 media .3 graves .05 official .01 form .04 wanted .1 sheet .1 ocr .1 petition .15 ua_pow .1 exchange .15 court .3'],
  ['date_doc_conflict', 'the other birth date in his documents (for men who have one)', 'all .4'],
  ['date_death_instead', 'date of death or of going missing where the birth date should be', 'vk .03 sheet .02 media .02 graves .03 form .01'],
  ['date_lifespan', 'life span: "1990-2023", "12.03.1990 – 05.11.2023"', 'vk .08 graves .6 media .04'],
  ['date_age', 'age instead of a date ("33 года")', 'vk .12 media .2 wanted .05 ua_pow .05'],
  ['date_year_only', 'birth year only ("1990", "1990 г.р.")', 'vk .1 media .2 graves .05 official .01 form .03 wanted .1 sheet .08 ocr .05 petition .05 ua_pow .45 exchange .45 court .3'],
  ['date_partial', 'unknown parts written as 00/__/хх, or month.year', 'sheet .02 ocr .02 form .01 official .02'],
  ['date_prose', 'date inside text ("род. 12.03.1990 в г. Энгельс")', 'vk .06 media .03 wanted .05'],
  ['date_wrong', 'wrong day, month or year (memory, typing)', 'form .03 sheet .02 vk .03 wanted .04 petition .03 ocr .02 ua_pow .04 media .02 official .005 graves .01 exchange .02 court .01'],
  ['date_dm_swap', 'day and month swapped', 'form .015 sheet .02 wanted .02 vk .01 ocr .01 petition .02'],
  ['date_excel_serial', 'Excel serial number (32944)', 'sheet .06'],
  ['date_time_suffix', 'date with a time ("1990-03-12 00:00:00")', 'sheet .08 form .02'],
  ['date_two_digit_year', 'two-digit year (12.03.90)', 'petition .06 ocr .05 form .02 vk .03'],
  // region
  ['region_missing', 'no region', 'vk .2 media .15 graves .05 official .05 form .03 wanted .1 sheet .1 ocr .15 petition .3 ua_pow .25 exchange .2 court .1'],
  ['region_birthplace', 'place of birth instead of home region (for men who moved)', 'all .15 ua_pow .7 graves .6 official .2 vk .3'],
  ['region_city', 'a town instead of the region', 'vk .35 wanted .25 graves .4 media .2 form .1 ua_pow .3 court .6'],
  ['region_informal', 'informal name (Башкирия, ХМАО, Кузбасс, Питер)', 'vk .2 wanted .2 form .15 media .1 sheet .1'],
  ['region_code', 'region code (64, 05)', 'sheet .08'],
  ['region_lost_zero', 'code that lost its leading zero (5 for 05)', 'sheet .5'],
  ['region_old_name', 'Soviet or old name (Чечено-Ингушская АССР, Читинская область)', 'official .15 form .04 ua_pow .05 sheet .02'],
  // unit
  ['unit_missing', 'no unit', 'vk .3 media .4 graves .7 official .05 form .25 wanted .2 sheet .25 ocr .1 ua_pow .3 exchange .5 court .1'],
  ['unit_old', 'his earlier unit (for men who were transferred)', 'all .25'],
  ['unit_name_instead', 'formation name instead of the в/ч number', 'vk .3 media .3 form .15 wanted .2 ua_pow .4 sheet .15 petition .2'],
  ['unit_vague', 'only "мобилизованный", "контракт", "Вагнер", "СВО"', 'vk .2 form .2 wanted .15 sheet .08 media .2 ua_pow .1'],
  ['unit_field_post', 'field-post number (another number for the same unit)', 'form .03 wanted .03 petition .05'],
  ['unit_typo', 'a digit dropped, swapped or changed in the unit number', 'form .04 wanted .04 sheet .03 ocr .06 petition .03 official .005'],
  ['unit_lost_zero', 'unit number that lost its leading zero', 'sheet .6 form .2'],
  ['unit_free_text', 'company, place or status text added to the unit', 'form .08 wanted .1 petition .05 sheet .03'],
  // row
  ['column_shift', 'a cell missing, the rest shifted left', 'sheet .01 ocr .01 form .005'],
  ['apostrophe', "leading apostrophe from an Excel text cell ('12.03.1990)", 'sheet .03'],
  ['placeholder', 'empty cell written as "-", "н/д", "нет данных", "?"', 'sheet .04 form .03 petition .02 ocr .01'],
];

export const NOISES = SPEC.map((s) => s[0]);
export type NoiseKind = string;
export const NOISE_WHAT: Record<string, string> = Object.fromEntries(SPEC.map((s) => [s[0], s[1]]));
export const NOISE_INDEX: Record<string, number> = Object.fromEntries(NOISES.map((k, i) => [k, i]));

/** RATES[kindIndex][noiseIndex] */
export const RATES: Float64Array[] = KINDS.map((kind) => {
  const row = new Float64Array(SPEC.length);
  SPEC.forEach(([, , spec], i) => {
    const parts = spec.split(' ');
    for (let j = 0; j < parts.length; j += 2) {
      if (parts[j] === 'all' || parts[j] === kind) row[i] = Number(parts[j + 1]);
    }
  });
  return row;
});

export function rateOf(kind: Kind, noise: string): number {
  return RATES[KINDS.indexOf(kind)][NOISE_INDEX[noise]];
}

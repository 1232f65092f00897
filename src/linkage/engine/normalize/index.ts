// Public API of the normaliser (the engine imports only this file). Pure: nothing from the app;
// reference tables are read from data/ on first use. Design notes are in names.ts.
export type { NameKind } from './names.ts';
export { nameKey, isInitial, initialOf, wordSkeleton } from './names.ts';
export { canonicalGivenName, givenNameReadings, givenNameVariants, isKnownGivenName } from './given-names.ts';
export { surnameGenderless, patronymicGenderless } from './gender.ts';
export { metaphoneRu, daitchMokotoff } from './phonetic.ts';
export type { TranslitSystem } from './transliterate.ts';
export { transliterate, TRANSLIT_SYSTEMS } from './transliterate.ts';
export type { DatePrecision, PartialDate } from './dates.ts';
export { parseAge, parseBareAge, parseDate, SERVICE_AGES } from './dates.ts';
export { regionCode } from './regions.ts';
export type { UnitKey } from './units.ts';
export { parseUnit, parseUnitLoose, formationsCompatible, formationAgreement, formationFamilyKey } from './units.ts';
export type { PatronymicForms } from './patronymic-forms.ts';
export { russianPatronymic, ukrainianPatronymic } from './patronymic-forms.ts';
export { nicknamesOfOneName } from './english-nicknames.ts';
export { asMansName, nominativeOfOblique } from './name-cases.ts';
export { correctedGivenName, correctedGivenNameOf, lettersOf, misspeltFormOf } from './given-name-typos.ts';

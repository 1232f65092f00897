// The built-in config for the platform's person CSV (`kintrace dedupe`):
// record_id,source,surname,given_name,patronymic,birth_date,region,unit.
// Blocking rules are chosen so that every kind of variation the records carry still meets its
// twin in at least one rule, while no rule makes blocks that grow quadratically at a million
// records (names alone do: every Ivanov Aleksandr in one block).
import type { LinkageConfigInput } from './config.ts';
import type { SavedModel } from './model-io.ts';
import personModel from './person-model.json' with { type: 'json' };

/** The platform's person CSV (`kintrace dedupe`, the list importer's known fields, the generators). */
export const PERSON_CSV_COLUMNS = [
  'record_id',
  'source',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'region',
  'unit',
] as const;

export const personConfig = (): LinkageConfigInput => ({
  id: 'record_id',
  comparisons: [
    // Name frequencies are taken within the surname (given name) and the full name (patronymic),
    // then within the region when both records name the same one: in small pools (Dagestan, Tyva)
    // one full name is shared by hundreds, and only that frequency says how little agreeing on it
    // is worth — also when a record names no region at all.
    { type: 'person-surname', field: 'surname', swapWith: 'given_name', tf: true, tfWithin: ['region'] },
    {
      type: 'person-given',
      field: 'given_name',
      swapWith: 'surname',
      tf: true,
      cannotLink: true,
      tfWithin: ['surname', 'region'],
    },
    // Among the three hundred "Ооржак Саян" at a million records, how many also share the father's
    // name is what a patronymic agreement is worth.
    {
      type: 'person-patronymic',
      field: 'patronymic',
      tf: true,
      cannotLink: true,
      tfWithin: ['surname', 'given_name', 'region'],
    },
    // A shared birth date weighs by its own frequency too: placeholder dates (1 January) and the
    // dense birth years of one mobilisation are shared by many.
    { type: 'person-date', field: 'birth_date', cannotLink: true, tf: true },
    { type: 'region', field: 'region', tf: true },
    { type: 'unit', field: 'unit', tf: true },
    // Whether two records come from the same list: a list seldom names one man twice, though
    // some do (a family writes several requests). What it is worth is learned from the file; a
    // file of one list learns nothing from it.
    { type: 'source', field: 'source' },
  ],
  // Each kind of variation must still meet its twin in some rule, while no rule makes blocks that
  // grow quadratically at a million records (names alone do: every Ivanov Aleksandr in one
  // block). "?x" parts make fallback rules (pairs only where one record lacks x). Rules with their
  // own maxBlockSize are broad, typo-proof ones (a surname's sound with a region or a given name):
  // among 20,000 records nearly every block passes; at a million only the rare names' blocks do,
  // and the narrower rules above them cover the common names. Chosen with
  // bench/linkage/blocking-search.ts on the project's generator; pair completeness per dataset is
  // printed by the benchmark matrix.
  blocking: [
    ['surname+given_name|name-any', 'birth_date|birth-year'],
    { rule: ['surname+given_name|name-any', '?birth_date|birth-year'], maxBlockSize: 200 },
    ['surname|surname-metaphone', 'birth_date|birth-date'],
    ['surname|surname-metaphone', 'given_name|given-initial', 'patronymic|patronymic-initial', 'region|region-code'],
    ['birth_date|birth-date', 'region|region-code'],
    ['surname|surname-genderless', 'unit|unit-number'],
    ['surname|surname-metaphone', 'given_name|given-canonical', 'birth_date|birth-year'],
    { rule: ['surname|surname-prefix4', 'given_name|given-canonical', '?birth_date|birth-year'], maxBlockSize: 200 },
    ['surname|surname-genderless', 'given_name|given-initial', 'birth_date|birth-year'],
    { rule: ['surname|surname-genderless', 'given_name|given-initial', '?birth_date|birth-year'], maxBlockSize: 100 },
    ['given_name|given-canonical', 'patronymic|patronymic-key', 'birth_date|birth-date'],
    // A year off by one on top of swapped names or a surname typo.
    ['surname+given_name|name-any', 'patronymic|patronymic-key'],
    ['given_name|given-canonical', 'patronymic|patronymic-key', 'birth_date|birth-year', 'region|region-code'],
    { rule: ['surname|surname-dm', 'unit|unit-formation-family'], maxBlockSize: 20 },
    { rule: ['surname|surname-dm', 'region|region-code'], maxBlockSize: 20 },
    // The rule above with surname, initial, patronymic and region, for the two in three pairs where
    // a record names no patronymic: at a million records +8,000 true pairs on both blind generators
    // (pair completeness 0.9386 → 0.9475, 0.9456 → 0.9524) for 1.7% more candidate pairs.
    {
      rule: [
        'surname|surname-genderless',
        'given_name|given-initial',
        '?patronymic|patronymic-initial',
        'region|region-code',
      ],
      maxBlockSize: 100,
    },
    // A record that names no given name at all (a tracing request's "Ребров, 1989 г.р.", a
    // cemetery photo's surname and dates): its surname with the birth year, or with the region,
    // or alone where the surname is rare (cap 50). Every rule above needs a given name or its
    // initial. Fourth generator: pair completeness at 20,000 records 0.9342 → 0.9521, at a
    // million 0.9040 → 0.9300 for 5% more candidates.
    {
      rule: ['surname|surname-genderless', 'birth_date|birth-year', '?given_name|given-initial'],
      maxBlockSize: 100,
    },
    { rule: ['surname|surname-genderless', 'region|region-code', '?given_name|given-initial'], maxBlockSize: 100 },
    { rule: ['surname|surname-genderless', '?given_name|given-initial'], maxBlockSize: 50 },
    // A record that names no surname at all (a chat's "Лёха, 45 лет, Ангарск", a video's "Андрій,
    // 33 роки"): its given name within the region, cap 100. Fifth generator: pair completeness at
    // 20,000 records 0.9607 → 0.9691, at a million 0.9416 → 0.9485 for 4% more candidates.
    { rule: ['given_name|given-canonical', 'region|region-code', '?surname|surname-genderless'], maxBlockSize: 100 },
    { rule: ['surname|surname-prefix3', 'given_name|given-initial', 'birth_date|birth-year'], maxBlockSize: 20 },
    { rule: ['surname|surname-suffix3', 'given_name|given-canonical', 'unit|unit-formation-family'], maxBlockSize: 20 },
    {
      rule: ['surname|surname-suffix3', 'given_name|given-canonical', 'birth_date|birth-month-day'],
      maxBlockSize: 20,
    },
    { rule: ['surname|surname-dm', 'given_name|given-canonical'], maxBlockSize: 20 },
    { rule: ['birth_date|birth-month-day', 'unit|unit-formation-family'], maxBlockSize: 20 },
    { rule: ['surname|surname-suffix3', 'given_name|given-canonical', 'region|region-code'], maxBlockSize: 20 },
    // Names in each other's fields with a typo in the surname's tail and no birth year, in a region
    // whose namesakes fill the name's blocks past their caps at a million records: pair completeness
    // 0.9475 → 0.9493 (third generator), 0.9524 → 0.9559 (independent) for 0.7% more candidates.
    {
      rule: ['surname~given_name|surname-prefix4', 'given_name~surname|given-canonical', 'region|region-code'],
      maxBlockSize: 200,
    },
    // A birth year off by one (two-year windows, one shifted) and surname and given name written in
    // each other's fields ("a~b": read b when a holds a known given name and b does not). The
    // surname with a year window alone (cap 50) was dropped: +1 point of pair completeness at a
    // million records for 5 M more candidate pairs (bench/linkage/blocking-check.ts).
    {
      rule: ['surname~given_name|surname-genderless', 'given_name~surname|given-canonical', 'birth_date|birth-year2'],
      maxBlockSize: 200,
    },
    {
      rule: ['surname~given_name|surname-genderless', 'given_name~surname|given-canonical', 'birth_date|birth-year2s'],
      maxBlockSize: 200,
    },
    {
      rule: ['surname~given_name|surname-metaphone', 'given_name~surname|given-canonical', '?birth_date|birth-year'],
      maxBlockSize: 200,
    },
    // A typo in a surname's first or last three letters, no birth year on one side, names possibly
    // swapped: pair completeness at 20,000 records 0.946 → 0.954 (independent generator), 0.984 →
    // 0.990 (own), for 1.5× the candidate pairs there and 1% more at a million (cap 20).
    { rule: ['surname~given_name|surname-suffix3', 'given_name~surname|given-canonical'], maxBlockSize: 20 },
    { rule: ['surname~given_name|surname-prefix3', 'given_name~surname|given-canonical'], maxBlockSize: 20 },
    // Names swapped with a typo on top, or a typo in both names: the unordered pair of the two
    // names' first three letters. Pair completeness at 20,000 records 0.973 → 0.983 (independent),
    // 0.990 → 0.991 (own), +7% candidate pairs there and +3% at a million (cap 20).
    { rule: ['surname+given_name|name-any-prefix3'], maxBlockSize: 20 },
  ],
  maxBlockSize: 2000,
  // The rules' own caps above are for a million records; a smaller file takes larger blocks
  // (√(1,000,000 / records), at most ×10: blocking.ts scaledCap). At 20,000 records the caps of 20
  // dropped the blocks that find a surname's typo among common names: pair completeness 0.951 →
  // 0.972 (sixth generator), 0.950 → 0.967 (eighth), F1 +0.0025 and +0.0018 there, +0.0002 to
  // +0.0007 on five more, −0.0001 to −0.0004 on three (seed 42; docs/linkage.md round
  // twenty-eight). A million records is unchanged.
  scaleCaps: true,
  // Learned by bench/linkage/train-person-model.ts on generated records: EM's prior, and the model
  // itself below minRecords.
  model: personModel as unknown as SavedModel,
  // m and λ by EM on the file's own candidate pairs, the saved model a prior worth 100 matches.
  training: { minRecords: 1000, randomPairs: 400_000, maxTrainingRecords: 200_000, priorStrength: 100 },
  // The model's probabilities are calibrated (measured on three generators and the public sets,
  // names-only pairs included: docs/linkage.md), so a sparse record is not capped: its names'
  // frequencies where it comes from already say how often two such records are one man. A pair
  // links when it is more likely one man than two (0.5, round fourteen). Linking from half the F1
  // the model expects (`optimiseF1`, the F1-optimal threshold for calibrated probabilities) was
  // measured in round fifteen and is not used for person records: +0.004 to +0.005 F1 at a
  // million, but at 20,000 it gave no F1 and took precision below the 0.97 on one of six
  // generator-and-seed files (0.9725 → 0.9699). Until round fourteen the threshold was the lowest
  // at which the model expected 97 links in 100 right (`targetPrecision`, still there for an
  // organisation that wants it).
  thresholds: { link: 0.5, review: 0.5, minAverage: 0.5 },
  // A record copied whole, with a full name and a full birth date, is one man however many copies a
  // file holds (exact-copies.ts); without the patronymic, two of the 450 Монгуш Айдыш of Tyva share
  // a birthday as often as not.
  cluster: {
    maxClusterSize: 200,
    alarmSize: 50,
    uniquePerSource: false,
    copiesAreOne: ['surname', 'given_name', 'patronymic', 'birth_date'],
    // A man found in many lists has a record whose date or patronymic was mistyped past every
    // typo level: one such pair in five of a merge is outvoted by his other records, as it was
    // not when any one pair forbade the merge (round twenty-nine: F1 at 20,000 up on every
    // generator, the eighth by +0.019, precision above 0.97 on all; 0.34 of them cost precision).
    conflictShare: 0.2,
  },
});

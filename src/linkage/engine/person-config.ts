// The built-in config for the platform's person CSV (`kintrace dedupe`):
// record_id,source,surname,given_name,patronymic,birth_date,region,unit.
// Blocking rules are chosen so that every kind of variation the records carry still meets its
// twin in at least one rule, while no rule makes blocks that grow quadratically at a million
// records (names alone do: every Ivanov Aleksandr in one block).
import type { LinkageConfigInput } from './config.ts';
import './person.ts';
import type { SavedModel } from './model-io.ts';
import personModel from './person-model.json' with { type: 'json' };

export const PERSON_FIELDS = ['record_id', 'source', 'surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit'] as const;

export const personConfig = (): LinkageConfigInput => ({
  id: 'record_id',
  comparisons: [
    { type: 'person-surname', field: 'surname', swapWith: 'given_name', tf: true },
    { type: 'person-given', field: 'given_name', swapWith: 'surname', tf: true, cannotLink: true },
    { type: 'person-patronymic', field: 'patronymic', tf: true, cannotLink: true },
    { type: 'person-date', field: 'birth_date', cannotLink: true },
    { type: 'region', field: 'region', tf: true },
    { type: 'unit', field: 'unit', tf: true },
  ],
  blocking: [
    ['surname+given_name|name-any', 'birth_date|birth-year'],
    ['surname+given_name|name-any'],
    ['surname|surname-metaphone', 'birth_date|birth-date'],
    ['given_name|given-canonical', 'patronymic|patronymic-key', 'birth_date|birth-year'],
    ['surname|surname-genderless', 'given_name|given-canonical', 'patronymic|patronymic-key'],
    ['surname|surname-metaphone', 'given_name|given-initial', 'patronymic|patronymic-initial', 'region|region-code'],
    ['birth_date|birth-date', 'region|region-code'],
    ['surname|surname-genderless', 'unit|unit-number'],
    // Typos without a birth date to fall back on.
    ['surname|surname-metaphone', 'given_name|given-canonical'],
    ['surname|surname-prefix4', 'given_name|given-canonical'],
    ['surname|surname-genderless', 'given_name|given-initial'],
  ],
  maxBlockSize: 2000,
  // Trained by bench/linkage/train-person-model.ts on generated records; used below minRecords.
  model: personModel as SavedModel,
  training: {
    minRecords: 5000,
    randomPairs: 1_000_000,
    deterministic: [['surname|surname-key', 'given_name|given-key', 'patronymic|patronymic-key', 'birth_date|birth-date']],
    recall: 0.5,
    sessions: [
      ['surname|surname-genderless', 'given_name|given-canonical'],
      ['birth_date|birth-date'],
      ['patronymic|patronymic-key', 'region|region-code'],
    ],
  },
  thresholds: { link: 0.9, review: 0.5, minAverage: 0.5 },
  cluster: { maxClusterSize: 200, alarmSize: 50, uniquePerSource: false },
});

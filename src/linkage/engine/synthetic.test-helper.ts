// Test helper: a small labelled set of people with noisy duplicates, for training, blocking,
// clustering and incremental tests (fast, deterministic).
import { rng } from './train.ts';
import type { LinkageConfigInput } from './config.ts';

const FIRST = [
  'anna',
  'boris',
  'clara',
  'denis',
  'elena',
  'fedor',
  'galina',
  'igor',
  'julia',
  'kirill',
  'lidia',
  'maxim',
  'nina',
  'oleg',
  'pavel',
  'raisa',
  'semen',
  'tamara',
  'ulyana',
  'viktor',
];
const LAST = [
  'smith',
  'jones',
  'taylor',
  'brown',
  'wilson',
  'evans',
  'thomas',
  'roberts',
  'walker',
  'wright',
  'robinson',
  'thompson',
  'white',
  'hughes',
  'edwards',
  'green',
  'hall',
  'wood',
  'harris',
  'lewis',
  'martin',
  'jackson',
  'clarke',
  'clark',
  'turner',
  'hill',
  'scott',
  'cooper',
  'morris',
  'ward',
];
const CITY = ['york', 'leeds', 'hull', 'bath', 'ely', 'wells', 'derby', 'truro'];

const typo = (s: string, r: () => number): string => {
  const i = Math.floor(r() * s.length);
  return s.slice(0, i) + s.slice(i + 1);
};

export interface SyntheticRow {
  id: string;
  truth: number;
  record: Record<string, string>;
}

export const syntheticPeople = (people: number, seed = 7): SyntheticRow[] => {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const rows: SyntheticRow[] = [];
  for (let p = 0; p < people; p++) {
    const base = {
      first: pick(FIRST),
      last: pick(LAST),
      dob: `${1950 + Math.floor(r() * 50)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      city: pick(CITY),
    };
    const copies = 1 + Math.floor(r() * 3);
    for (let c = 0; c < copies; c++) {
      const rec = { first: base.first, last: base.last, dob: base.dob, city: base.city };
      if (c > 0) {
        if (r() < 0.3) rec.first = typo(rec.first, r);
        if (r() < 0.3) rec.last = typo(rec.last, r);
        if (r() < 0.2) rec.city = '';
        if (r() < 0.1) rec.dob = '';
      }
      rows.push({ id: `p${p}-${c}`, truth: p, record: rec });
    }
  }
  return rows;
};

export const syntheticConfig = (): LinkageConfigInput => ({
  id: 'id',
  comparisons: [
    { type: 'name', field: 'first', tf: true },
    { type: 'name', field: 'last', tf: true },
    { type: 'date', field: 'dob', cannotLink: true },
    { type: 'exact', field: 'city' },
  ],
  blocking: [['last'], ['dob'], ['first', 'city']],
  training: { randomPairs: 50_000 },
});

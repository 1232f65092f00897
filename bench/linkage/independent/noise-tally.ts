import type { Rng } from './prng.ts';
import type { SourceId, SourceProfile } from './sources.ts';

// Counts, per source and noise kind, how often the noise could apply and how often it did, so
// tests (and anyone tuning rates) can compare what was generated with what the profile says.

export type NoiseKind =
  | 'patronymic_missing'
  | 'initials'
  | 'diminutive'
  | 'colloquial'
  | 'name_variant'
  | 'declined'
  | 'feminine_surname'
  | 'typo'
  | 'second_typo'
  | 'yo_kept'
  | 'short_i_as_i'
  | 'latin'
  | 'upper'
  | 'surname_upper'
  | 'lower'
  | 'swap_names'
  | 'one_field'
  | 'day_month_swap'
  | 'date_digit_slip'
  | 'date_wrong'
  | 'year_suffix';

export class NoiseTally {
  readonly counts = new Map<string, { tried: number; applied: number }>();

  note(source: SourceId, kind: NoiseKind, applied: boolean): void {
    const key = `${source}:${kind}`;
    const c = this.counts.get(key) ?? { tried: 0, applied: 0 };
    c.tried++;
    if (applied) c.applied++;
    this.counts.set(key, c);
  }

  get(source: SourceId, kind: NoiseKind): { tried: number; applied: number } {
    return this.counts.get(`${source}:${kind}`) ?? { tried: 0, applied: 0 };
  }
}

/** Rolls one noise decision for one record, and notes it when a tally is attached. */
export class NoiseRoller {
  constructor(
    readonly rng: Rng,
    readonly source: SourceId,
    readonly tally: NoiseTally | null,
  ) {}

  roll(kind: NoiseKind, p: number): boolean {
    const applied = this.rng.chance(p);
    this.tally?.note(this.source, kind, applied);
    return applied;
  }
}

/** The rate a profile sets for each kind of noise (of the records where it can apply). */
export const RATE_OF: Readonly<Record<NoiseKind, (p: SourceProfile) => number>> = {
  patronymic_missing: (p) => p.names.patronymicMissing,
  initials: (p) => p.names.initials,
  diminutive: (p) => p.names.diminutive,
  colloquial: (p) => p.names.colloquial,
  name_variant: (p) => p.names.variant,
  declined: (p) => p.names.declined,
  feminine_surname: (p) => p.names.feminine,
  typo: (p) => p.names.typo,
  second_typo: (p) => p.names.secondTypo,
  yo_kept: (p) => p.names.keepYo,
  short_i_as_i: (p) => p.names.shortIAsI,
  latin: (p) => p.names.latin,
  upper: (p) => p.names.upper,
  surname_upper: (p) => p.names.surnameUpper,
  lower: (p) => p.names.lower,
  swap_names: (p) => p.names.swap,
  one_field: (p) => p.names.oneField,
  day_month_swap: (p) => p.birth.dayMonthSwap,
  date_digit_slip: (p) => p.birth.digitSlip,
  date_wrong: (p) => p.birth.wrong,
  year_suffix: (p) => p.birth.yearWithSuffix,
};

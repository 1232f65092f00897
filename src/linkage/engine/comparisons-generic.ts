// Comparison types for any CSV: exact, name-like strings, numbers/codes, dates, e-mail.
// Level thresholds follow what Splink and FEBRL studies found useful: exact, one edit,
// Jaro–Winkler bands, else.
import type { Comparison, ComparisonFactory, ComparisonSpec, Level } from './comparison.ts';
import { Interner, TokenFeature, type Dataset, type FeatureRegistry, type FieldColumn } from './dataset.ts';
import { clean, damerau, jaroWinkler, PairCache } from './strings.ts';
import { nicknamesOfOneName } from './normalize/index.ts';
import { withoutTitles } from './name-titles.ts';
import { packDate, parseGenericDate, dateLevel, DATE_CONFLICTS, DATE_LEVELS, isAgeYear } from './dates.ts';

/** Base for comparisons on one field through an interned normalised key (null or '': no key). */
export abstract class KeyedComparison implements Comparison {
  readonly name: string;
  readonly fields: string[];
  abstract readonly levels: Level[];
  protected readonly col: FieldColumn;
  protected readonly keys: Interner;
  protected readonly keyOf: TokenFeature;
  protected readonly swapCol: FieldColumn | null;
  protected swapKeyOf: TokenFeature | null = null;
  constructor(
    spec: ComparisonSpec,
    data: Dataset,
    protected readonly features: FeatureRegistry,
    normalise: (raw: string) => string | null,
  ) {
    this.name = spec.name ?? spec.field;
    this.fields = spec.swapWith ? [spec.field, spec.swapWith] : [spec.field];
    this.col = data.column(spec.field);
    this.keys = new Interner(features);
    this.keyOf = new TokenFeature((raw) => this.keys.id(normalise(raw)), features);
    this.swapCol = spec.swapWith ? data.column(spec.swapWith) : null;
    if (this.swapCol) this.swapKeyOf = new TokenFeature((raw) => this.keys.id(normalise(raw)), features);
  }
  sync(): void {
    this.keyOf.sync(this.col);
    if (this.swapCol && this.swapKeyOf) this.swapKeyOf.sync(this.swapCol);
  }
  key(r: number): number {
    const t = this.col.at(r);
    return t < 0 ? -1 : this.keyOf.data[t];
  }
  /** The text of a key id (a source list's name, a region's code). */
  keyText(id: number): string {
    return this.keys.values[id];
  }
  /** How many distinct keys there are so far. */
  keyCount(): number {
    return this.keys.values.length;
  }
  /**
   * True when this field of a and the swap field of b hold each other's values: both exactly, or
   * one exactly and the other one edit apart ("Alfie Kelly" against "eKelly Alfie": a record
   * typed in the wrong columns is typed no more carefully than any other).
   */
  protected swapped(a: number, b: number, ka: number, kb: number): boolean {
    if (!this.swapCol || !this.swapKeyOf) return false;
    const ta = this.swapCol.at(a);
    const tb = this.swapCol.at(b);
    if (ta < 0 || tb < 0) return false;
    const sa = this.swapKeyOf.data[ta];
    const sb = this.swapKeyOf.data[tb];
    if (sb === ka) return sa === kb || this.oneEdit(sa, kb);
    return sa === kb && this.oneEdit(sb, ka);
  }
  private oneEdit(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && damerau(this.keys.values[x], this.keys.values[y], 1) <= 1;
  }
  tfKey(r: number): number {
    return this.key(r);
  }
  abstract level(a: number, b: number): number;
}

class ExactComparison extends KeyedComparison {
  readonly levels: Level[];
  constructor(spec: ComparisonSpec, data: Dataset, features: FeatureRegistry) {
    super(spec, data, features, clean);
    this.levels = [
      { label: 'null' },
      { label: 'exact', tf: spec.tf },
      { label: 'different', cannotLink: spec.cannotLink },
    ];
  }
  level(a: number, b: number): number {
    const ka = this.key(a);
    const kb = this.key(b);
    if (ka < 0 || kb < 0) return 0;
    return ka === kb ? 1 : 2;
  }
}

/**
 * "J" against "John", or "Mary" against "Mary Ann": one value is an initial of the other, or its
 * words are some of the other's (a middle name, a second surname left out). Its weight is learned
 * like any level's; without it such pairs were "different", the strongest evidence against.
 */
const initialOrPart = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.startsWith(short);
  const words = long.split(' ');
  if (words.length < 2) return false;
  // A set, not the list: a value of 10,000 words against another was 10⁸ steps a pair.
  const set = new Set(words);
  return short.split(' ').every((w) => set.has(w));
};

const sameWords = (a: string, b: string): boolean => a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');

/**
 * The same words, one or more of them a given name written full in one value and short in the
 * other ("william henry" and "bill henry", "peggy" and "margaret").
 */
const sameButNicknames = (a: string, b: string): boolean => {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return wa.length === wb.length && wa.every((w, i) => w === wb[i] || nicknamesOfOneName(w, wb[i]));
};

class NameComparison extends KeyedComparison {
  readonly levels: Level[];
  private readonly cache = new PairCache();
  private readonly fuzzy = (ka: number, kb: number): number => {
    const sa = this.keys.values[ka];
    const sb = this.keys.values[kb];
    // A short form before edits: "will" and "bill" are one edit apart and both William.
    if (sameButNicknames(sa, sb)) return 3;
    if (damerau(sa, sb, 1) <= 1) return 4;
    // One field's words in another order ("Smith John" for "John Smith") is a swap within it.
    if (sa.includes(' ') && sameWords(sa, sb)) return 2;
    if (initialOrPart(sa, sb)) return 7;
    const jw = jaroWinkler(sa, sb);
    return jw >= 0.9 ? 5 : jw >= 0.8 ? 6 : 8;
  };
  constructor(spec: ComparisonSpec, data: Dataset, features: FeatureRegistry) {
    super(spec, data, features, (s) => withoutTitles(clean(s).replace(/[^\p{L}\p{N} ]/gu, '')));
    this.levels = [
      { label: 'null' },
      { label: 'exact', tf: spec.tf },
      { label: 'swapped' },
      { label: 'same name, full and short (William, Bill)' },
      { label: 'one edit' },
      { label: 'jaro-winkler ≥ 0.9' },
      { label: 'jaro-winkler ≥ 0.8' },
      { label: 'initial, or one name of the other' },
      { label: 'different' },
    ];
  }
  override sync(): void {
    super.sync();
    this.cache.fit(this.keys.values.length);
  }
  level(a: number, b: number): number {
    const ka = this.key(a);
    const kb = this.key(b);
    if (ka < 0 || kb < 0) return 0;
    if (ka === kb) return 1;
    if (this.swapped(a, b, ka, kb)) return 2;
    return this.cache.get(ka, kb, this.fuzzy);
  }
}

/** Codes and numbers (postcodes, ID numbers, house numbers): exact, one typo, else. */
class NumericComparison extends KeyedComparison {
  readonly levels: Level[];
  constructor(spec: ComparisonSpec, data: Dataset, features: FeatureRegistry) {
    super(spec, data, features, (s) => clean(s).replace(/[\s-]/g, ''));
    this.levels = [{ label: 'null' }, { label: 'exact', tf: spec.tf }, { label: 'one edit' }, { label: 'different' }];
  }
  level(a: number, b: number): number {
    const ka = this.key(a);
    const kb = this.key(b);
    if (ka < 0 || kb < 0) return 0;
    if (ka === kb) return 1;
    return damerau(this.keys.values[ka], this.keys.values[kb], 1) <= 1 ? 2 : 3;
  }
}

class EmailComparison extends KeyedComparison {
  readonly levels: Level[];
  private readonly userOf: TokenFeature;
  private readonly users: Interner;
  constructor(spec: ComparisonSpec, data: Dataset, features: FeatureRegistry) {
    super(spec, data, features, clean);
    this.users = new Interner(features);
    this.userOf = new TokenFeature((raw) => this.users.id(clean(raw).split('@')[0]), features);
    this.levels = [
      { label: 'null' },
      { label: 'exact', tf: spec.tf },
      { label: 'same user name' },
      { label: 'jaro-winkler ≥ 0.88' },
      { label: 'different' },
    ];
  }
  override sync(): void {
    super.sync();
    this.userOf.sync(this.col);
  }
  level(a: number, b: number): number {
    const ka = this.key(a);
    const kb = this.key(b);
    if (ka < 0 || kb < 0) return 0;
    if (ka === kb) return 1;
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (this.userOf.data[ta] === this.userOf.data[tb]) return 2;
    return jaroWinkler(this.keys.values[ka], this.keys.values[kb]) >= 0.88 ? 3 : 4;
  }
}

/** Dates in YYYYMMDD, YYYY-MM-DD, DD.MM.YYYY or partial forms, packed to one int per value. */
export class DateComparison implements Comparison {
  readonly name: string;
  readonly fields: string[];
  readonly levels: Level[];
  private readonly col: FieldColumn;
  private readonly packed: TokenFeature;
  /** Dense id of each date (for term frequencies: 1 January and round years are everyone's). */
  private readonly dateId: TokenFeature | null = null;
  constructor(
    spec: ComparisonSpec,
    data: Dataset,
    features: FeatureRegistry,
    pack: (raw: string) => number = (raw) => packDate(parseGenericDate(raw)),
  ) {
    this.name = spec.name ?? spec.field;
    this.fields = [spec.field];
    this.col = data.column(spec.field);
    this.packed = new TokenFeature(pack, features);
    if (spec.tf) {
      const ids = new Interner(features);
      this.dateId = new TokenFeature((raw) => {
        const p = pack(raw);
        return p < 0 ? -1 : ids.id(String(p));
      }, features);
    }
    // Only two full dates months apart are a conflict; a partial date may just be imprecise.
    this.levels = DATE_LEVELS.map((l, i) =>
      DATE_CONFLICTS.includes(i) && spec.cannotLink
        ? { ...l, cannotLink: true }
        : i === 1 && spec.tf
          ? { ...l, tf: true }
          : l,
    );
  }
  tfKey(r: number): number {
    const t = this.col.at(r);
    return t < 0 || !this.dateId ? -1 : this.dateId.data[t];
  }
  precise(r: number): boolean {
    const t = this.col.at(r);
    const p = t < 0 ? -1 : this.packed.data[t];
    return p >= 0 && p % 100 > 0 && !isAgeYear(p);
  }
  sync(): void {
    this.packed.sync(this.col);
    this.dateId?.sync(this.col);
  }
  level(a: number, b: number): number {
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (ta < 0 || tb < 0) return 0;
    return dateLevel(this.packed.data[ta], this.packed.data[tb]);
  }
}

export const genericComparisons: Record<string, ComparisonFactory> = {
  exact: (s, d, f) => new ExactComparison(s, d, f),
  name: (s, d, f) => new NameComparison(s, d, f),
  numeric: (s, d, f) => new NumericComparison(s, d, f),
  email: (s, d, f) => new EmailComparison(s, d, f),
  date: (s, d, f) => new DateComparison(s, d, f),
};

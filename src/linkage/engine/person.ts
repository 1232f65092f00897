// Comparison types for the platform's person records (Russian servicemen, any script), built on
// the normalisers: one key per name however it was transliterated, diminutives, gender forms,
// initials, swapped surname/given name, partial dates, regions and units.
import { registerComparison, type Comparison, type ComparisonSpec, type Level } from './comparison.ts';
import { Interner, TokenFeature, type Dataset, type FieldColumn } from './dataset.ts';
import { DateComparison } from './comparisons-generic.ts';
import { packDate, parseGenericDate } from './dates.ts';
import { damerau, jaroWinkler, PairCache } from './strings.ts';
import { registerTransform } from './transforms.ts';
import {
  canonicalGivenName,
  daitchMokotoff,
  initialOf,
  isInitial,
  metaphoneRu,
  nameKey,
  parseDate,
  parseUnit,
  patronymicGenderless,
  regionCode,
  surnameGenderless,
} from './normalize/index.ts';

type Kind = 'surname' | 'given' | 'patronymic';

/** Per-token features of a name, derived once per distinct spelling. */
class NameFeatures {
  readonly keys = new Interner();
  readonly alt = new Interner();
  readonly key: TokenFeature;
  /** Genderless form (surname, patronymic), canonical full name (given name) or phonetic key. */
  readonly variant: TokenFeature;
  readonly phonetic: TokenFeature;
  /** Char code of the initial when the value is only an initial, else 0. */
  readonly initial: TokenFeature;
  constructor(kind: Kind) {
    const k = (raw: string): string => nameKey(raw, kind);
    this.key = new TokenFeature((raw) => this.keys.id(k(raw)));
    this.variant = new TokenFeature((raw) => {
      const key = k(raw);
      if (!key) return -1;
      return this.alt.id(kind === 'given' ? canonicalGivenName(key) : kind === 'surname' ? surnameGenderless(key) : patronymicGenderless(key));
    });
    this.phonetic = new TokenFeature((raw) => this.alt.id('~' + metaphoneRu(k(raw))));
    this.initial = new TokenFeature((raw) => (isInitial(raw) ? initialOf(k(raw)).charCodeAt(0) || 0 : 0));
  }
  sync(col: FieldColumn): void {
    this.key.sync(col);
    this.variant.sync(col);
    this.phonetic.sync(col);
    this.initial.sync(col);
  }
}

const LEVELS: Record<Kind, string[]> = {
  surname: ['null', 'exact', 'swapped with given name', 'other gender form', 'one edit', 'same phonetic key', 'jaro-winkler ≥ 0.88', 'different'],
  given: ['null', 'exact', 'swapped with surname', 'same full name (diminutive, variant)', 'one edit', 'initial agrees', 'different'],
  patronymic: ['null', 'exact', 'other gender form or one edit', 'initial agrees', 'jaro-winkler ≥ 0.9', 'different full patronymics', 'initials differ'],
};

class PersonNameComparison implements Comparison {
  readonly name: string;
  readonly fields: string[];
  readonly levels: Level[];
  private readonly col: FieldColumn;
  private readonly f: NameFeatures;
  private readonly swapCol: FieldColumn | null;
  private readonly swapKey: TokenFeature | null;
  private readonly cache = new PairCache();
  private readonly byTokens = (ta: number, tb: number): number => this.tokenLevel(ta, tb);

  constructor(spec: ComparisonSpec, data: Dataset, private readonly kind: Kind) {
    this.name = spec.name ?? spec.field;
    this.col = data.column(spec.field);
    this.swapCol = spec.swapWith ? data.column(spec.swapWith) : null;
    this.fields = spec.swapWith ? [spec.field, spec.swapWith] : [spec.field];
    this.f = new NameFeatures(kind);
    // The other column's values keyed as this kind, so "Иванов" typed in the given-name field
    // meets "Иванов" in the surname field.
    this.swapKey = this.swapCol ? new TokenFeature((raw) => this.f.keys.id(nameKey(raw, kind))) : null;
    this.levels = LEVELS[kind].map((label, i) => ({
      label,
      tf: i === 1 && spec.tf,
      cannotLink: kind === 'patronymic' && i === 5 && spec.cannotLink,
    }));
  }

  sync(): void {
    this.f.sync(this.col);
    if (this.swapCol && this.swapKey) this.swapKey.sync(this.swapCol);
  }

  tfKey(r: number): number {
    const t = this.col.tok.data[r];
    return t < 0 ? -1 : this.f.key.data[t];
  }

  private swapped(a: number, b: number, ka: number, kb: number): boolean {
    if (!this.swapCol || !this.swapKey) return false;
    const sa = this.swapCol.tok.data[a];
    const sb = this.swapCol.tok.data[b];
    return sa >= 0 && sb >= 0 && this.swapKey.data[sb] === ka && this.swapKey.data[sa] === kb;
  }

  level(a: number, b: number): number {
    const ta = this.col.tok.data[a];
    const tb = this.col.tok.data[b];
    if (ta < 0 || tb < 0) return 0;
    const ka = this.f.key.data[ta];
    const kb = this.f.key.data[tb];
    if (ka < 0 || kb < 0) return 0;
    if (ka === kb) return 1;
    // A swap depends on the other field, so it is checked per pair; the rest only on the two
    // spellings, so it is cached.
    if (this.kind !== 'patronymic' && this.swapped(a, b, ka, kb)) return 2;
    return this.cache.get(ta, tb, this.byTokens);
  }

  private tokenLevel(ta: number, tb: number): number {
    const f = this.f;
    const ka = f.key.data[ta];
    const kb = f.key.data[tb];
    const ia = f.initial.data[ta];
    const ib = f.initial.data[tb];
    const sa = f.keys.values[ka];
    const sb = f.keys.values[kb];
    if (this.kind === 'surname') {
      if (f.variant.data[ta] === f.variant.data[tb]) return 3;
      if (damerau(sa, sb, 1) <= 1) return 4;
      if (f.phonetic.data[ta] === f.phonetic.data[tb]) return 5;
      return jaroWinkler(sa, sb) >= 0.88 ? 6 : 7;
    }
    if (this.kind === 'given') {
      if (ia || ib) return (ia || sa.charCodeAt(0)) === (ib || sb.charCodeAt(0)) ? 5 : 6;
      if (f.variant.data[ta] === f.variant.data[tb]) return 3;
      return damerau(sa, sb, 1) <= 1 ? 4 : 6;
    }
    if (ia || ib) return (ia || sa.charCodeAt(0)) === (ib || sb.charCodeAt(0)) ? 3 : 6;
    if (f.variant.data[ta] === f.variant.data[tb] || damerau(sa, sb, 1) <= 1) return 2;
    return jaroWinkler(sa, sb) >= 0.9 ? 4 : 5;
  }
}

/** Region: one ISO 3166-2 code however the region was written. */
class CodeComparison implements Comparison {
  readonly name: string;
  readonly fields: string[];
  readonly levels: Level[];
  private readonly col: FieldColumn;
  private readonly codes = new Interner();
  private readonly code: TokenFeature;
  private readonly formation: TokenFeature | null;
  constructor(spec: ComparisonSpec, data: Dataset, code: (raw: string) => string | null, formation?: (raw: string) => string | null) {
    this.name = spec.name ?? spec.field;
    this.fields = [spec.field];
    this.col = data.column(spec.field);
    this.code = new TokenFeature((raw) => this.codes.id(code(raw)));
    this.formation = formation ? new TokenFeature((raw) => this.codes.id(formation(raw))) : null;
    this.levels = formation
      ? [{ label: 'null' }, { label: 'same unit number', tf: spec.tf }, { label: 'same formation' }, { label: 'different' }]
      : [{ label: 'null' }, { label: 'same', tf: spec.tf }, { label: 'different' }];
  }
  sync(): void {
    this.code.sync(this.col);
    this.formation?.sync(this.col);
  }
  tfKey(r: number): number {
    const t = this.col.tok.data[r];
    return t < 0 ? -1 : this.code.data[t];
  }
  level(a: number, b: number): number {
    const ta = this.col.tok.data[a];
    const tb = this.col.tok.data[b];
    if (ta < 0 || tb < 0) return 0;
    const ca = this.code.data[ta];
    const cb = this.code.data[tb];
    if (!this.formation) return ca < 0 || cb < 0 ? 0 : ca === cb ? 1 : 2;
    if (ca >= 0 && ca === cb) return 1;
    const fa = this.formation.data[ta];
    const fb = this.formation.data[tb];
    if (fa >= 0 && fa === fb) return 2;
    // Different only when both sides say something comparable.
    return (ca >= 0 && cb >= 0) || (fa >= 0 && fb >= 0) ? 3 : 0;
  }
}

// parseUnit runs for the comparison's two features and the blocking key: parse each value once.
const unitCache = new Map<string, { number: string | null; formation: string | null }>();
const unitOf = (raw: string): { number: string | null; formation: string | null } => {
  let u = unitCache.get(raw);
  if (!u) {
    if (unitCache.size > 500_000) unitCache.clear();
    u = parseUnit(raw);
    unitCache.set(raw, u);
  }
  return u;
};

const personDate = (raw: string): number => {
  const d = parseDate(raw);
  if (d && d.precision !== 'none') return packDate(d);
  if (d) return -1;
  // Impossible dates (month 13) may still be a swapped or mistyped real date: keep the digits.
  return packDate(parseGenericDate(raw));
};

registerComparison('person-surname', (s, d) => new PersonNameComparison(s, d, 'surname'));
registerComparison('person-given', (s, d) => new PersonNameComparison(s, d, 'given'));
registerComparison('person-patronymic', (s, d) => new PersonNameComparison(s, d, 'patronymic'));
registerComparison('person-date', (s, d) => new DateComparison(s, d, personDate));
registerComparison('region', (s, d) => new CodeComparison(s, d, regionCode));
registerComparison('unit', (s, d) => new CodeComparison(s, d, (raw) => unitOf(raw).number, (raw) => unitOf(raw).formation));

const nonEmpty = (s: string | null | undefined): string | null => (s ? s : null);
registerTransform('surname-key', (raw) => nonEmpty(nameKey(raw, 'surname')));
registerTransform('surname-genderless', (raw) => nonEmpty(surnameGenderless(nameKey(raw, 'surname'))));
registerTransform('surname-metaphone', (raw) => nonEmpty(metaphoneRu(surnameGenderless(nameKey(raw, 'surname')))));
registerTransform('surname-dm', (raw) => nonEmpty(daitchMokotoff(nameKey(raw, 'surname'))[0]));
registerTransform('given-key', (raw) => nonEmpty(nameKey(raw, 'given')));
registerTransform('given-canonical', (raw) => (isInitial(raw) ? null : nonEmpty(canonicalGivenName(nameKey(raw, 'given')))));
registerTransform('given-initial', (raw) => nonEmpty(initialOf(nameKey(raw, 'given'))));
registerTransform('patronymic-key', (raw) => (isInitial(raw) ? null : nonEmpty(patronymicGenderless(nameKey(raw, 'patronymic')))));
registerTransform('patronymic-initial', (raw) => nonEmpty(initialOf(nameKey(raw, 'patronymic'))));
registerTransform('birth-year', (raw) => {
  const p = personDate(raw);
  return p < 0 ? null : String(Math.floor(p / 10000));
});
registerTransform('birth-date', (raw) => {
  const p = personDate(raw);
  return p < 0 || p % 100 === 0 ? null : String(p);
});
registerTransform('region-code', (raw) => regionCode(raw));
registerTransform('unit-number', (raw) => unitOf(raw).number);

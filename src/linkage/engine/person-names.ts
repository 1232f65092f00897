// Name features for the person comparisons: per-spelling keys (transliteration-proof), variant,
// phonetic and plain forms, and the detector of surname and given name written in each other's
// fields, which both name comparisons share.
import { Interner, TokenFeature, type Dataset, type FeatureRegistry, type FieldColumn } from './dataset.ts';
import { damerau, PairCache } from './strings.ts';
import {
  asMansName,
  correctedGivenNameOf,
  correctedGivenName,
  initialOf,
  isInitial,
  isKnownGivenName,
  lettersOf,
  metaphoneRu,
  nameKey,
  nominativeOfOblique,
  patronymicGenderless,
  surnameGenderless,
} from './normalize/index.ts';

export type Kind = 'surname' | 'given' | 'patronymic';

/** A recognised given name (or a form of one): decides which field of a swapped record is which. */
export const looksLikeGivenName = (raw: string): boolean => {
  const key = nameKey(raw, 'given');
  if (key.length <= 1 || isInitial(raw)) return false;
  // A given name with one letter wrong is still one ("Вечеслав | Ткачёв", "Игшрь | Агафонов").
  return isKnownGivenName(key) || isKnownGivenName(correctedGivenNameOf(raw));
};

/**
 * Whether a record's two name fields hold each other's values, for a field that wants the
 * given-name role or the surname's: a surname field with a known given name beside a given-name
 * field without one ("Александр | Липук"). Arguments are looksLikeGivenName of this field and of
 * the other (1 or 0). Decided per record from the name dictionary alone, so a new record reads as
 * a batch run reads it; blocking keys and name frequencies read the fields by it alike.
 */
export const readsOtherField = (ownGiven: number, otherGiven: number, wantsGiven: boolean): boolean =>
  ownGiven !== otherGiven && (wantsGiven ? ownGiven === 0 : ownGiven === 1);

/** Per-token features of a name, derived once per distinct spelling. */
export class NameFeatures {
  readonly key: TokenFeature;
  /** Genderless form (surname, patronymic) or canonical full name (given name). */
  readonly variant: TokenFeature;
  readonly phonetic: TokenFeature;
  /** Char code of the initial when the value is only an initial, else 0. */
  readonly initial: TokenFeature;
  /**
   * The spelling for edit distances: lower-case Cyrillic as written when it is Cyrillic. The key
   * folds letters (кс → г, й → и), so a typo in the raw text can look like two or three edits
   * between keys ("Алекесй" / "Алексей").
   */
  readonly plain: TokenFeature;
  readonly plains: Interner;
  readonly keys: Interner;
  private readonly alt: Interner;
  constructor(
    private readonly kind: Kind,
    features: FeatureRegistry,
    keys?: Interner,
    alt?: Interner,
  ) {
    // A worker thread builds these in the same order and adopts the features by position.
    this.plains = new Interner(features);
    this.keys = keys ?? new Interner(features);
    const altKeys = alt ?? new Interner(features);
    this.alt = altKeys;
    const k = (raw: string): string => nameKey(raw, kind);
    this.key = new TokenFeature((raw) => this.keys.id(k(raw)), features);
    this.variant = new TokenFeature((raw) => {
      const key = k(raw);
      if (!key) return -1;
      return altKeys.id(
        kind === 'given'
          ? correctedGivenNameOf(raw)
          : kind === 'surname'
            ? surnameGenderless(key)
            : patronymicGenderless(key),
      );
    }, features);
    this.phonetic = new TokenFeature((raw) => altKeys.id(`~${metaphoneRu(k(raw))}`), features);
    this.plain = new TokenFeature((raw) => this.plains.id(/[а-яё]/i.test(raw) ? lettersOf(raw) : k(raw)), features);
    // "Ye" or "Yu" (a Latin digraph for one Cyrillic letter) is an initial too.
    this.initial = new TokenFeature((raw) => {
      const key = k(raw);
      return isInitial(raw) || key.length === 1 ? initialOf(key).charCodeAt(0) || 0 : 0;
    }, features);
  }
  sync(col: FieldColumn): void {
    TokenFeature.syncTogether(col, [this.key, this.plain, this.variant, this.phonetic, this.initial]);
  }
  /**
   * The id of the name a value stands for, for counting how common it is: a given name's full form
   * (Саша, and Александра, a man's name in the genitive: Александр), a surname's genderless form
   * (Мамонтова, a man's surname in the genitive as often as a woman's: Мамонтов). A form that noise
   * makes rare is not a rare name: counted as written, two strangers written alike by the same
   * noise weighed as the only bearers of a rare name. (Patronymics are counted as written.)
   */
  identityId(raw: string): number {
    if (this.kind === 'given') {
      // Counted on the key's reading alone: read by the letters as typed too (correctedGivenNameOf),
      // F1 at 20,000 fell on the seventh and ninth generators (0.9752 → 0.9747, 0.9700 → 0.9697).
      // A man's name in an oblique case (Сергея, Дмитрием) is counted as the name it is.
      const lower = raw.trim().toLowerCase();
      const key = nameKey(nominativeOfOblique(lower) ?? asMansName(lower), 'given');
      return key ? this.alt.id(correctedGivenName(key)) : -1;
    }
    const key = nameKey(raw, this.kind);
    return key ? this.alt.id(surnameGenderless(key)) : -1;
  }
  /** Same name allowing a variant form or one typo (the first letter must agree). */
  near(ta: number, other: NameFeatures, tb: number): boolean {
    const ka = this.key.data[ta];
    const kb = other.key.data[tb];
    if (ka < 0 || kb < 0) return false;
    if (ka === kb || this.variant.data[ta] === other.variant.data[tb]) return true;
    const sa = this.keys.values[ka];
    const sb = other.keys.values[kb];
    return sa.charCodeAt(0) === sb.charCodeAt(0) && (damerau(sa, sb, 1) <= 1 || this.plainEdits(ta, other, tb, 1) <= 1);
  }
  plainEdits(ta: number, other: NameFeatures, tb: number, max: number): number {
    return damerau(this.plains.values[this.plain.data[ta]], other.plains.values[other.plain.data[tb]], max);
  }
}

/**
 * Surname and given name written in each other's fields, with a typo, a gender form or a
 * diminutive on top ("Юра Вмихин" for "Вемихин Юрий"). Shared by both name comparisons so they
 * agree on which pairs are swapped.
 */
export class SwapDetector {
  private readonly asSurname: [NameFeatures, NameFeatures];
  private readonly asGiven: [NameFeatures, NameFeatures];
  constructor(
    private readonly surname: FieldColumn,
    private readonly given: FieldColumn,
    features: FeatureRegistry,
  ) {
    const sk = new Interner(features);
    const sa = new Interner(features);
    const gk = new Interner(features);
    const ga = new Interner(features);
    this.asSurname = [new NameFeatures('surname', features, sk, sa), new NameFeatures('surname', features, sk, sa)];
    this.asGiven = [new NameFeatures('given', features, gk, ga), new NameFeatures('given', features, gk, ga)];
  }
  sync(): void {
    this.asSurname[0].sync(this.surname);
    this.asSurname[1].sync(this.given);
    this.asGiven[0].sync(this.surname);
    this.asGiven[1].sync(this.given);
    this.crossCache.fit(this.surname.strings.length + this.given.strings.length);
    this.nearCache.fit(this.surname.strings.length);
  }
  // Both answers depend on two spellings only, so they are cached per pair of tokens (a surname
  // token is even, a given-name token odd: the two fields' tokens are different spaces).
  private readonly crossCache = new PairCache();
  private readonly nearCache = new PairCache();
  private readonly crossTokens = (x: number, y: number): number => {
    const [ts, tg] = x % 2 === 0 ? [x / 2, (y - 1) / 2] : [y / 2, (x - 1) / 2];
    return this.asSurname[0].near(ts, this.asSurname[1], tg) || this.asGiven[0].near(ts, this.asGiven[1], tg) ? 1 : 0;
  };
  private readonly nearTokens = (x: number, y: number): number =>
    this.asSurname[0].near(x, this.asSurname[0], y) ? 1 : 0;
  private cross(a: number, b: number): boolean {
    const ts = this.surname.at(a);
    const tg = this.given.at(b);
    if (ts < 0 || tg < 0) return false;
    return this.crossCache.get(2 * ts, 2 * tg + 1, this.crossTokens) === 1;
  }
  private lastA = -1;
  private lastB = -1;
  private last = false;
  /** Whether both records have a surname and they are not one surname (a variant or a typo allowed). */
  surnamesDiffer(a: number, b: number): boolean {
    const ta = this.surname.at(a);
    const tb = this.surname.at(b);
    return ta >= 0 && tb >= 0 && this.nearCache.get(ta, tb, this.nearTokens) === 0;
  }
  /** Both name comparisons ask about the same pair in turn: answer the second from memory. */
  swapped(a: number, b: number): boolean {
    if (a === this.lastA && b === this.lastB) return this.last;
    this.lastA = a;
    this.lastB = b;
    this.last = this.cross(a, b) && this.cross(b, a);
    return this.last;
  }
}

/**
 * Per token of a field, 1 when it looks like a given name (looksLikeGivenName): one feature per
 * engine and field, kept in the engine's registry, which blocking keys and both name comparisons
 * read (each built its own before, the same answers two or three times over a million spellings).
 */
export const givenLikeFeature = (features: FeatureRegistry | undefined, field: string): TokenFeature => {
  const make = () => new TokenFeature((raw) => (looksLikeGivenName(raw) ? 1 : 0), features);
  if (!features) return make();
  const key = `given-like\u0000${field}`;
  let f = features.shared.get(key) as TokenFeature | undefined;
  if (!f) features.shared.set(key, (f = make()));
  return f;
};

/** One detector per engine and pair of fields, kept in the engine's own registry. */
export const swapDetector = (
  data: Dataset,
  features: FeatureRegistry,
  surname: string,
  given: string,
): SwapDetector => {
  const key = `swap\u0000${surname}\u0000${given}`;
  let d = features.shared.get(key) as SwapDetector | undefined;
  if (!d) features.shared.set(key, (d = new SwapDetector(data.column(surname), data.column(given), features)));
  return d;
};

// Comparison types for the platform's person records (Russian servicemen, any script), built on
// the normalisers: one key per name however it was transliterated, diminutives, gender forms,
// initials, swapped surname/given name, partial dates, regions and units.
import type { Comparison, ComparisonFactory, ComparisonSpec, Level } from './comparison.ts';
import { Interner, TokenFeature, type Dataset, type FeatureRegistry, type FieldColumn } from './dataset.ts';
import {
  givenLikeFeature,
  NameFeatures,
  readsOtherField,
  swapDetector,
  type Kind,
  type SwapDetector,
} from './person-names.ts';
import { DateComparison, KeyedComparison } from './comparisons-generic.ts';
import { packAge, packDate, parseGenericDate } from './dates.ts';
import { clean, damerau, jaroWinkler, PairCache, wordingOf } from './strings.ts';
import { UnitComparison } from './unit-comparison.ts';
import {
  correctedGivenName,
  misspeltFormOf,
  givenNameReadings,
  parseAge,
  parseBareAge,
  parseDate,
  regionCode,
} from './normalize/index.ts';

const LEVELS: Record<Kind, string[]> = {
  surname: [
    'null',
    'exact',
    'swapped with given name',
    'other gender form',
    'one edit',
    'same phonetic key',
    'jaro-winkler ≥ 0.88',
    'different',
  ],
  given: [
    'null',
    'exact',
    'swapped with surname',
    'same full name (diminutive, variant)',
    'one edit',
    'two edits or alike',
    'initial agrees',
    'initials differ',
    'different full names',
    'different full names, other surname',
  ],
  patronymic: [
    'null',
    'exact',
    'other gender form or one edit',
    'initial agrees',
    'jaro-winkler ≥ 0.85',
    'different full patronymics',
    'initials differ',
  ],
};
/** The level that means "two different people" for each kind (cannot-link when asked). */
const CONFLICT: Record<Kind, number> = { surname: -1, given: 8, patronymic: 5 };

/**
 * Near agreements weighed by the commoner name's frequency (tfOf): a surname in another gender
 * form, one edit, one sound or Jaro–Winkler apart. Measured: surnames only (independent
 * generator F1 0.9260 → 0.9277 at 20,000, 0.7933 → 0.7949 at a million; own 0.9863 → 0.9867);
 * given names and patronymics too lowered F1 at a million (0.7926, 0.7923).
 */
const NEAR: Record<Kind, readonly number[]> = { surname: [3, 4, 5, 6], given: [], patronymic: [] };

/** Whether one given-name key is a short form that may stand for the other's full name. */
const sharesReading = (a: string, b: string): boolean =>
  givenNameReadings(a).includes(correctedGivenName(b)) || givenNameReadings(b).includes(correctedGivenName(a));

/**
 * What a name's frequency is counted on when a record has surname and given name in each other's
 * fields ("Вадим | Соколов"): the other field's value read in this role (readsOtherField, as
 * blocking reads it). Two records swapped alike agree "exactly" on Вадим as a
 * surname, which no one else bears: counted as written, the pair weighed as a rare name.
 */
interface RoleKeys {
  other: FieldColumn;
  /** Per token of this field and of the other: 1 when the value is a known given name. */
  ownGiven: TokenFeature;
  otherGiven: TokenFeature;
  /** Per token of the other field: its frequency key in this comparison's terms. */
  otherKey: TokenFeature;
}

class PersonNameComparison implements Comparison {
  readonly name: string;
  readonly fields: string[];
  readonly levels: Level[];
  private readonly col: FieldColumn;
  private readonly f: NameFeatures;
  private readonly swap: SwapDetector | null;
  /** Per token: the id of the name it stands for, which its frequency is counted on (tfKey). */
  private readonly identity: TokenFeature | null = null;
  private readonly role: RoleKeys | null = null;
  private readonly cache = new PairCache();
  private readonly byTokens = (ta: number, tb: number): number => this.tokenLevel(ta, tb);

  constructor(
    spec: ComparisonSpec,
    data: Dataset,
    features: FeatureRegistry,
    private readonly kind: Kind,
  ) {
    this.name = spec.name ?? spec.field;
    this.col = data.column(spec.field);
    this.fields = spec.swapWith ? [spec.field, spec.swapWith] : [spec.field];
    this.f = new NameFeatures(kind, features);
    this.swap = spec.swapWith
      ? kind === 'given'
        ? swapDetector(data, features, spec.swapWith, spec.field)
        : swapDetector(data, features, spec.field, spec.swapWith)
      : null;
    if (kind !== 'patronymic') this.identity = new TokenFeature((raw) => this.f.identityId(raw), features);
    if (spec.swapWith && kind !== 'patronymic') {
      this.role = {
        other: data.column(spec.swapWith),
        ownGiven: givenLikeFeature(features, spec.field),
        otherGiven: givenLikeFeature(features, spec.swapWith),
        // Read only where readsOtherField says the other field's value takes this role, which
        // already asks whether it is a given name (otherGiven).
        otherKey: new TokenFeature((raw) => this.f.identityId(raw), features),
      };
    }
    this.levels = LEVELS[kind].map((label, i) => {
      const swapped = i === 2 && kind !== 'patronymic';
      return {
        label,
        // A swapped pair shares a name just as an exact one does: a common name says less.
        tf: (i === 1 || swapped || NEAR[kind].includes(i)) && spec.tf,
        // A swap's names weigh by their frequencies against the exact level's u: the swapped
        // level's own u is already the chance that strangers' names cross-agree at all.
        tfOf: NEAR[kind].includes(i) || swapped ? 1 : undefined,
        // One swap detector serves both name comparisons: the surname's swapped level counts it.
        implied: swapped && kind === 'given' && spec.swapWith !== undefined,
        sharesValue: swapped && spec.swapWith !== undefined,
        cannotLink: i === CONFLICT[kind] && spec.cannotLink,
      };
    });
  }

  sync(): void {
    this.f.sync(this.col);
    this.identity?.sync(this.col);
    if (this.role) {
      this.role.ownGiven.sync(this.col);
      TokenFeature.syncTogether(this.role.other, [this.role.otherGiven, this.role.otherKey]);
    }
    this.cache.fit(this.col.strings.length);
    this.swap?.sync();
  }

  tfKey(r: number): number {
    const t = this.col.at(r);
    if (t < 0) return -1;
    if (!this.identity) return this.f.key.data[t];
    const role = this.role;
    if (role) {
      const o = role.other.at(r);
      if (o >= 0 && readsOtherField(role.ownGiven.data[t], role.otherGiven.data[o], this.kind === 'given'))
        return role.otherKey.data[o];
    }
    return this.identity.data[t];
  }

  level(a: number, b: number): number {
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (ta < 0 || tb < 0) return 0;
    const ka = this.f.key.data[ta];
    const kb = this.f.key.data[tb];
    if (ka < 0 || kb < 0) return 0;
    if (ka === kb) return 1;
    // A swap depends on the other field, so it is checked per pair; the rest only on the two
    // spellings, so it is cached.
    if (this.swap?.swapped(a, b)) return 2;
    const l = this.cache.get(ta, tb, this.byTokens);
    // Two different given names are two people (twins, brothers) when the surname is shared;
    // when the surnames differ too the record is as likely garbled or swapped beyond what the
    // swap check sees ("Стас | Бавидин" for Бавидин Станислав): strong evidence, not a veto.
    if (l === CONFLICT.given && this.kind === 'given' && this.swap?.surnamesDiffer(a, b)) return 9;
    return l;
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
      if (damerau(sa, sb, 1) <= 1 || f.plainEdits(ta, f, tb, 1) <= 1) return 4;
      if (f.phonetic.data[ta] === f.phonetic.data[tb]) return 5;
      return jaroWinkler(sa, sb) >= 0.88 ? 6 : 7;
    }
    if (this.kind === 'given') {
      if (ia || ib) return (ia || sa.charCodeAt(0)) === (ib || sb.charCodeAt(0)) ? 6 : 7;
      if (f.variant.data[ta] === f.variant.data[tb]) return 3;
      if (damerau(sa, sb, 1) <= 1) return 4;
      // Only names more than two edits apart (as written) are "different full names" (a
      // cannot-link): brothers and twins differ there, typos rarely do.
      const plainEdits = f.plainEdits(ta, f, tb, 2);
      if (plainEdits <= 1) return 4;
      if (plainEdits === 2 || damerau(sa, sb, 2) === 2) return 5;
      // A typo on top of a diminutive ("Пага" for Паша) still looks alike; brothers' names rarely do.
      if (jaroWinkler(sa, sb) >= 0.85) return 5;
      // A short form of several names is each of them: Слава is Вячеслав first, and Ярослав too.
      if (sharesReading(sa, sb)) return 3;
      // A short form mistyped ("Слваа" beside Вячеслав) is one letter from a form of that name.
      if (misspeltFormOf(sa, sb) || misspeltFormOf(sb, sa)) return 5;
      return 8;
    }
    if (ia || ib) return (ia || sa.charCodeAt(0)) === (ib || sb.charCodeAt(0)) ? 3 : 6;
    if (f.variant.data[ta] === f.variant.data[tb] || damerau(sa, sb, 1) <= 1 || f.plainEdits(ta, f, tb, 1) <= 1)
      return 2;
    return jaroWinkler(sa, sb) >= 0.85 || f.plainEdits(ta, f, tb, 2) <= 2 ? 4 : 5;
  }
}

/**
 * Region (one ISO 3166-2 code however the region was written) and source list (the list's name as
 * written): the same code or not. One class for both, so that the scorer's call of level() sees
 * four classes, not five (a fifth makes the call site megamorphic: scoring 15% slower).
 *
 * A place the region reader cannot place (a village, "с. Хунзах"; an abbreviation two republics
 * share, "РБ") is not nothing: two records that write it alike agree on something, as often as EM
 * finds strangers do (a last level, as the unit's unread wording). Written differently, or against
 * a region that was read, it says nothing: "г. Железногорск" may well be in Красноярский край.
 */
class SameCodeComparison extends KeyedComparison {
  readonly levels: Level[];
  /** With unreadWording: the folded wording of each value the code reads nothing from. */
  private readonly wording: TokenFeature | null;
  constructor(
    spec: ComparisonSpec,
    data: Dataset,
    features: FeatureRegistry,
    code: (raw: string) => string | null,
    unreadWording = false,
  ) {
    super(spec, data, features, code);
    this.levels = [{ label: 'null' }, { label: 'same', tf: spec.tf }, { label: 'different' }];
    this.wording = null;
    if (unreadWording) {
      // Wordings have ids of their own: region codes' ids stay small (term-frequency places need
      // them below PLACES), whatever a file's first rows hold.
      const wordings = new Interner(features);
      this.wording = new TokenFeature((raw) => (code(raw) === null ? wordings.id(placeWording(raw)) : -1), features);
      this.levels.push({ label: 'same wording, not read' });
    }
  }
  override sync(): void {
    super.sync();
    this.wording?.sync(this.col);
  }
  level(a: number, b: number): number {
    const ca = this.key(a);
    const cb = this.key(b);
    if (ca >= 0 && cb >= 0) return ca === cb ? 1 : 2;
    if (!this.wording || ca >= 0 || cb >= 0) return 0;
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (ta < 0 || tb < 0) return 0;
    const wa = this.wording.data[ta];
    return wa >= 0 && wa === this.wording.data[tb] ? 3 : 0;
  }
}

/** Kinds of settlement before or after a place's name, in full or abbreviated, as wordingOf leaves them. */
const SETTLEMENT =
  /(^| )(?:р н|ст ца|р на|г|гор|город|с|село|п|пос|поселок|пгт|д|дер|деревня|ст|станица|аул|х|хутор|мкр|район|района)(?= |$)/gu;

/** An unread place as written, folded: "с. Хунзах" and "Хунзах" agree, "Белорецкий р-н" and "Белорецкий район" too. */
const placeWording = (raw: string): string | null => wordingOf(raw).replace(SETTLEMENT, '').trim() || null;

/**
 * No man born after this serves in 2022–2026 (sixteen in 2024, eighteen in 2026): a later "birth
 * date" is the date of a death, a disappearance or a call-up written in the wrong column, and is
 * no birth date at all rather than a conflict with the real one.
 */
const LATEST_BIRTH_YEAR = 2008;
/** Nor was any man born before this (ninety in 2030): 01.01.1900 is a program's empty date. */
const EARLIEST_BIRTH_YEAR = 1940;
/** The Unix epoch, what a program writes for a date it never had: no man's date in a list. */
const EPOCH = 19700101;

export const personDate = (raw: string): number => {
  const packed = readPersonDate(raw);
  if (packed < 0) return packed;
  const year = Math.floor(packed / 10000);
  // Read as no date at all: as years far apart from the man's own, they kept him from his records.
  if (year > LATEST_BIRTH_YEAR || year < EARLIEST_BIRTH_YEAR || packed === EPOCH) return -1;
  // 1 January is what forms and registers put where only the year is known ("01.01.1990"):
  // it agrees with any day of its year, as a year does, instead of conflicting with the real one.
  return packed % 10000 === 101 ? packed - 101 : packed;
};

const readPersonDate = (raw: string): number => {
  const d = parseDate(raw);
  if (d && d.precision !== 'none') return packDate(d);
  if (d) return -1;
  // "35 лет", "(35)", and "41" alone: an age, a birth year give or take three (dates.ts packAge).
  const age = parseAge(raw) ?? parseBareAge(raw);
  if (age !== null) return packAge(age);
  // Impossible dates (month 13) may still be a swapped or mistyped real date: keep the digits.
  return packDate(parseGenericDate(raw));
};

export const personComparisons: Record<string, ComparisonFactory> = {
  'person-surname': (s, d, f) => new PersonNameComparison(s, d, f, 'surname'),
  'person-given': (s, d, f) => new PersonNameComparison(s, d, f, 'given'),
  'person-patronymic': (s, d, f) => new PersonNameComparison(s, d, f, 'patronymic'),
  'person-date': (s, d, f) => new DateComparison(s, d, f, personDate),
  region: (s, d, f) => new SameCodeComparison(s, d, f, regionCode, true),
  source: (s, d, f) => new SameCodeComparison(s, d, f, clean),
  unit: (s, d, f) => new UnitComparison(s, d, f),
};

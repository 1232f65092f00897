// The unit comparison for person records: open unit numbers ("в/ч 41659") and formations
// ("55 омсбр") as the normaliser reads them (normalize/units.ts).
import type { ComparisonSpec, Level } from './comparison.ts';
import { KeyedComparison } from './comparisons-generic.ts';
import { TokenFeature, type Dataset, type FeatureRegistry } from './dataset.ts';
import { memo } from './normalize/memo.ts';
import { wordingOf } from './strings.ts';
import { NumberFormationAliases } from './unit-aliases.ts';
import { formationAgreement, parseUnit, parseUnitLoose } from './normalize/index.ts';
import { isFieldPostNumber, stormWording } from './normalize/units.ts';

/**
 * Unit: the open unit number and the formation, each compared as a code; a number alone stands
 * for the formation the file's records name with it (unit-aliases.ts) or that confident links
 * taught (learnFromLinks).
 */
export class UnitComparison extends KeyedComparison {
  readonly levels: Level[];
  /** The formation of each value (its open number is the base's key), interned with the numbers. */
  private readonly formation: TokenFeature;
  /** Unit numbers to the formations the file's own records name with them (unit-aliases.ts). */
  private readonly aliases: NumberFormationAliases;
  /** Unit numbers to formations learned from confident links (learnFromLinks), by id. */
  private readonly learnedOf = new Map<number, number>();
  /**
   * A formation whose type is not written ("55 бригада", "20-я армия", "1009 полк"): the same
   * formation as "55 омсбр" or "20 оа" is possible, "64 омсбр" or "55 полк" is not. Kept apart
   * from the exact formations, which compare by key alone.
   */
  private readonly vague: TokenFeature;
  /**
   * The wording of a value the normaliser reads nothing from ("морпехи", "штурмовой отряд"), for
   * a last level: two records that write an unread unit the same way agree on something, as
   * often as its frequency in the file says; two that write it differently say nothing.
   */
  private readonly wording: TokenFeature;
  private readonly agreementCache = new Map<number, number>();
  constructor(
    spec: ComparisonSpec,
    private readonly data: Dataset,
    features: FeatureRegistry,
  ) {
    super(spec, data, features, (raw) => unitOf(raw).number);
    this.formation = new TokenFeature((raw) => this.keys.id(unitOf(raw).formation), features);
    this.vague = new TokenFeature((raw) => {
      const loose = parseUnitLoose(raw).formation;
      return loose && loose !== unitOf(raw).formation ? this.keys.id(loose) : -1;
    }, features);
    this.wording = new TokenFeature((raw) => {
      const unit = unitOf(raw);
      if (unit.number || unit.formation || parseUnitLoose(raw).formation) return -1;
      const text = stormWording(raw) ?? wordingOf(raw);
      return text ? this.keys.id(`≈${text}`) : -1;
    }, features);
    this.aliases = new NumberFormationAliases(this.col, this.keyOf, this.formation);
    this.levels = [
      { label: 'null' },
      { label: 'same unit number', tf: spec.tf },
      { label: 'same formation' },
      { label: 'different' },
      { label: 'same wording, not read', tf: spec.tf },
    ];
  }
  override sync(): void {
    super.sync();
    this.formation.sync(this.col);
    this.vague.sync(this.col);
    this.wording.sync(this.col);
    this.aliases.sync(this.data.size);
  }
  /** The unit number, or the wording of a value read as nothing (the two levels with a frequency). */
  override tfKey(r: number): number {
    const t = this.col.at(r);
    if (t < 0) return -1;
    const n = this.keyOf.data[t];
    return n >= 0 ? n : this.wording.data[t];
  }
  level(a: number, b: number): number {
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (ta < 0 || tb < 0) return 0;
    const ca = this.keyOf.data[ta];
    const cb = this.keyOf.data[tb];
    if (ca >= 0 && ca === cb) return 1;
    // A number alone stands for the formation the file's records name with it.
    let fa = this.formation.data[ta];
    let fb = this.formation.data[tb];
    if (fa < 0) fa = this.formationOfNumber(ca);
    if (fb < 0) fb = this.formationOfNumber(cb);
    if (fa >= 0 && fa === fb) return 2;
    const va = this.vague.data[ta];
    const vb = this.vague.data[tb];
    if (va >= 0 || vb >= 0) {
      const x = va >= 0 ? va : fa;
      const y = vb >= 0 ? vb : fb;
      if (x >= 0 && y >= 0) {
        const agreement = this.agreement(x, y);
        if (agreement !== 0) return agreement;
      }
    }
    // Different only when both sides say something comparable: an open unit number and a field
    // post number ("пп 12345") are two numberings of units, and one unit has one of each.
    const numbersComparable = ca >= 0 && cb >= 0 && this.isFieldPost(ca) === this.isFieldPost(cb);
    if (numbersComparable || (fa >= 0 && fb >= 0)) return 3;
    const wa = this.wording.data[ta];
    return wa >= 0 && wa === this.wording.data[tb] ? 4 : 0;
  }

  private isFieldPost(key: number): boolean {
    return isFieldPostNumber(this.keys.values[key]);
  }

  /** Two formations, one or both without their type: 2 one formation, 3 two, 0 not comparable. */
  private agreement(x: number, y: number): number {
    const key = x < y ? x * 4_194_304 + y : y * 4_194_304 + x;
    let level = this.agreementCache.get(key);
    if (level === undefined) {
      const a = formationAgreement(this.keys.values[x], this.keys.values[y]);
      level = a === 'same' ? 2 : a === 'different' ? 3 : 0;
      this.agreementCache.set(key, level);
    }
    return level;
  }

  /** The formation a unit number stands for: the file's records' alias, else a learned one. */
  private formationOfNumber(n: number): number {
    if (n < 0) return -1;
    const f = this.aliases.of(n);
    return f >= 0 ? f : (this.learnedOf.get(n) ?? -1);
  }

  /** A number-only record against a formation-only one, the number's formation unknown. */
  private numberAgainstFormation(a: number, b: number): number {
    const ta = this.col.at(a);
    const tb = this.col.at(b);
    if (ta < 0 || tb < 0) return -1;
    const numberOnly = (t: number) => this.keyOf.data[t] >= 0 && this.formation.data[t] < 0;
    const formationOnly = (t: number) => this.keyOf.data[t] < 0 && this.formation.data[t] >= 0;
    if (numberOnly(ta) && formationOnly(tb)) return this.formationOfNumber(this.keyOf.data[ta]) < 0 ? ta : -1;
    if (numberOnly(tb) && formationOnly(ta)) return this.formationOfNumber(this.keyOf.data[tb]) < 0 ? tb : -1;
    return -1;
  }

  learnsFrom(a: number, b: number): boolean {
    return this.numberAgainstFormation(a, b) >= 0;
  }

  /**
   * Unit numbers that no record names with a formation, learned from confident links instead: a
   * number takes the formation that two thirds of its confidently linked formation-only records
   * name (at least two links). Both records of a person rarely write both; his two records, one
   * with the number and one with the brigade, linked on name, patronymic and birth date, do teach
   * the pair.
   */
  learnFromLinks(pairs: readonly number[]): [string, string][] {
    const counts = new Map<number, Map<number, number>>();
    for (let k = 0; k < pairs.length; k += 2) {
      const [a, b] = [pairs[k], pairs[k + 1]];
      const numberToken = this.numberAgainstFormation(a, b);
      if (numberToken < 0) continue;
      const other = this.col.at(a) === numberToken ? this.col.at(b) : this.col.at(a);
      const n = this.keyOf.data[numberToken];
      const f = this.formation.data[other];
      const byFormation = counts.get(n) ?? new Map<number, number>();
      byFormation.set(f, (byFormation.get(f) ?? 0) + 1);
      counts.set(n, byFormation);
    }
    const learned: [string, string][] = [];
    for (const [n, byFormation] of counts) {
      let total = 0;
      let best = -1;
      let bestCount = 0;
      for (const [f, c] of byFormation) {
        total += c;
        if (c > bestCount) [best, bestCount] = [f, c];
      }
      if (bestCount >= MIN_LINKS && bestCount >= LEARNED_SHARE * total)
        learned.push([this.keys.values[n], this.keys.values[best]]);
    }
    this.adoptLearned(learned);
    return learned;
  }

  adoptLearned(table: readonly (readonly [string, string])[]): void {
    this.learnedOf.clear();
    for (const [n, f] of table) this.learnedOf.set(this.keys.id(n), this.keys.id(f));
  }
}

const MIN_LINKS = 2;
const LEARNED_SHARE = 2 / 3;

// parseUnit runs for the comparison's two features and the blocking key: parse each value once.
export const unitOf = memo(parseUnit, 500_000);

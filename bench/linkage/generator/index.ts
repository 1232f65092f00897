// Deterministic generator of noisy Russian servicemen records with ground truth (true_id).
// Streams: memory is bounded by the shuffle window and the ring of recent persons, not by n.
import { PERSON_CSV_COLUMNS } from '../../../src/linkage/engine/person-config.ts';
import { PersonFactory } from './person.ts';
import { loadPools } from './pools.ts';
import { makeRecord, type GeneratedRecord } from './record.ts';
import { Rng, Weighted } from './rng.ts';
import { SOURCES, SOURCE_WEIGHTS, type Source } from './sources.ts';
import { UnitPool } from './units-pool.ts';

export { SOURCES } from './sources.ts';
export { falseMergesByKind, recallByVariation, type KindRecall } from './evaluate.ts';

/** The platform's person CSV header plus the ground truth column. */
export const CSV_COLUMNS = [...PERSON_CSV_COLUMNS, 'true_id'] as const;

export type { GeneratedRecord } from './record.ts';

export interface GeneratorOptions {
  n: number;
  seed: number;
  /** Share of persons who are a brother of a recent person (default 0.05). */
  brotherRate?: number;
  /** Share of brothers who are twins, with the same birth date (default 0.15). */
  twinShare?: number;
  /** Share of persons who are a namesake of a recent person (default 0.03). */
  namesakeRate?: number;
  /** Records are emitted in random order within this window (default 8192). */
  shuffleWindow?: number;
  /** Filled in while generating (counts cover every record made, including those still in the shuffle window). */
  stats?: GeneratorStats;
}

export interface GeneratorStats {
  persons: number;
  records: number;
  truePairs: number;
}

/** Records per person, 1–5: most people are in one or two sources. */
const RECORDS_PER_PERSON = new Weighted([1, 2, 3, 4, 5], [30, 30, 20, 12, 8]);

/** Yields n records; the same options always give the same records in the same order. */
export function* generateRussianRecords(opts: GeneratorOptions): Generator<GeneratedRecord> {
  const { n, seed } = opts;
  const rng = new Rng(seed);
  const pools = loadPools();
  const factory = new PersonFactory(pools, new UnitPool(pools.regionList, seed), {
    brother: opts.brotherRate ?? 0.05,
    twin: opts.twinShare ?? 0.15,
    namesake: opts.namesakeRate ?? 0.03,
  });
  const window = Math.max(1, opts.shuffleWindow ?? 8192);
  const weights = SOURCE_WEIGHTS;
  const buffer: GeneratedRecord[] = [];
  let made = 0;
  let emitted = 0;
  // Ids are given in output order, so the file reads R1, R2, … whatever the shuffle did.
  const emit = (r: GeneratedRecord): GeneratedRecord => {
    r.record_id = `R${++emitted}`;
    return r;
  };
  while (made < n) {
    const person = factory.make(rng);
    const k = Math.min(RECORDS_PER_PERSON.draw(rng), n - made);
    if (opts.stats) {
      opts.stats.persons += 1;
      opts.stats.records += k;
      opts.stats.truePairs += (k * (k - 1)) / 2;
    }
    // k different sources, drawn by weight without replacement.
    const sources: Source[] = [...SOURCES];
    for (let i = 0; i < k; i++) {
      let total = 0;
      for (let m = i; m < sources.length; m++) total += weights[sources[m]];
      let x = rng.next() * total;
      let j = i;
      while (j < sources.length - 1 && (x -= weights[sources[j]]) >= 0) j++;
      [sources[i], sources[j]] = [sources[j], sources[i]];
      const row = makeRecord(rng, person, sources[i]);
      made++;
      if (buffer.length < window) {
        buffer.push(row);
        continue;
      }
      const slot = rng.int(0, window - 1);
      const out = buffer[slot];
      buffer[slot] = row;
      yield emit(out);
    }
  }
  while (buffer.length) {
    const slot = rng.int(0, buffer.length - 1);
    const out = buffer[slot];
    buffer[slot] = buffer[buffer.length - 1];
    buffer.pop();
    yield emit(out);
  }
}

/** Number of true matching pairs: Σ c(c−1)/2 over the records of each true person. */
export function truePairCount(trueIds: Iterable<string>): number {
  const counts = new Map<string, number>();
  for (const id of trueIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  let pairs = 0;
  for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
  return pairs;
}

import type { NoiseTally } from './noise-tally.ts';
import { Permutation } from './permutation.ts';
import { type FamilyShape, familyMembers, familyShape, type Person } from './population.ts';
import { hashKeys } from './prng.ts';
import { renderRecord, type Row, sourcesOf } from './render-record.ts';
import { SOURCES, type SourceId } from './sources.ts';
import { buildUnitPool, type UnitPool } from './unit-pool.ts';

// Two passes over families, both in bounded memory. The plan draws only each family's shape
// (how many men, how many records each) until there are n records, keeping one integer per
// family. The second pass walks a keyed permutation of the record indices and regenerates the
// family of each record from its own seeded streams, so a man's records are spread over the
// file and nothing but the plan is held.

export const HEADER = ['record_id', 'source', 'surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit'];

export interface Plan {
  seed: number;
  n: number;
  families: number;
  /** prefix[f] = index of family f's first record in generation order. */
  prefix: Int32Array;
  /** The last family, cut so the total is exactly n. */
  lastShape: FamilyShape;
  persons: number;
  truePairs: number;
}

export function planRecords(seed: number, n: number): Plan {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  const prefix = new Int32Array(n + 1);
  let total = 0;
  let families = 0;
  let persons = 0;
  let truePairs = 0;
  let lastShape: FamilyShape = { kind: 'single', records: [] };
  while (total < n) {
    const shape = familyShape(seed, families);
    const records = shape.records.map((k) => {
      const take = Math.min(k, n - total);
      total += take;
      return take;
    });
    for (const k of records) {
      if (k > 0) persons++;
      truePairs += (k * (k - 1)) / 2;
    }
    lastShape = { kind: shape.kind, records };
    prefix[families] = total - records.reduce((a, b) => a + b, 0);
    families++;
  }
  prefix[families] = total;
  return { seed, n, families, prefix: prefix.subarray(0, families + 1), lastShape, persons, truePairs };
}

export interface GeneratedRecord {
  recordId: string;
  personId: string;
  row: Row;
  person: Person;
  /** Index of this record among the man's records (0 for his first). */
  ofPerson: number;
}

function familyOf(prefix: Int32Array, families: number, r: number): number {
  let lo = 0;
  let hi = families - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (prefix[mid] <= r) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function* generateRecords(
  plan: Plan,
  units: UnitPool = buildUnitPool(plan.seed),
  tally: NoiseTally | null = null,
): Generator<GeneratedRecord> {
  const { seed, n, families, prefix } = plan;
  const order = new Permutation(n, hashKeys([seed, 0x7065726d]));
  const counters = new Map<SourceId, { n: number }>(SOURCES.map((s) => [s.id, { n: 0 }]));
  for (let i = 0; i < n; i++) {
    const r = order.at(i);
    const family = familyOf(prefix, families, r);
    const shape = family === families - 1 ? plan.lastShape : familyShape(seed, family);
    let local = r - prefix[family];
    let member = 0;
    while (local >= shape.records[member]) local -= shape.records[member++];
    const person = familyMembers(seed, family, shape, units)[member];
    const source = sourcesOf(seed, family, member, person, shape.records[member])[local];
    const row = renderRecord(seed, family, member, local, person, source, units, tally);
    const count = ++counters.get(source.id)!.n;
    yield {
      recordId: `${source.prefix}-${String(count).padStart(7, '0')}`,
      personId: `P${person.id}`,
      row,
      person,
      ofPerson: local,
    };
  }
}

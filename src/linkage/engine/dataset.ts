// Columnar, dictionary-coded records. Every distinct field value becomes an integer token, so
// comparisons and blocking work on ints and derive per-value features once per distinct value
// (a million records hold far fewer distinct names), never once per pair.
import { isPlaceholder } from './placeholders.ts';

export class GrowInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * One engine's per-token features and interners, registered in creation order, so a worker
 * thread that builds the same engine can adopt the main thread's computed features instead of
 * normalising every distinct value again. It is passed explicitly to whatever the engine builds
 * (no module-level "current" registry): two engines with different configs can be built and run
 * side by side in one process. `shared` holds helpers that several comparisons of one engine use
 * together (the person comparisons' swapped-names detector).
 */
export class FeatureRegistry {
  readonly features: TokenFeature[] = [];
  readonly interners: Interner[] = [];
  readonly shared = new Map<string, unknown>();
  export(): { features: { data: Int32Array; filled: number }[]; interners: string[][] } {
    return {
      features: this.features.map((f) => ({ data: f.data.slice(0, f.filled), filled: f.filled })),
      interners: this.interners.map((i) => i.values),
    };
  }
  /** How far each feature and interner is filled, for changedSince(). */
  mark(): RegistryMark {
    return { filled: this.features.map((f) => f.filled), sizes: this.interners.map((i) => i.values.length) };
  }
  /**
   * The features and interners that grew since `mark` (by registration index), for adoptChanged();
   * `except`: those another thread filled, which it need not be sent back.
   */
  changedSince(mark: RegistryMark, except?: ChangedFeatures): ChangedFeatures {
    const features: ChangedFeatures['features'] = [];
    const interners: ChangedFeatures['interners'] = [];
    const theirs = new Set(except?.features.map((f) => f.index));
    const theirInterners = new Set(except?.interners.map((i) => i.index));
    this.features.forEach((f, index) => {
      if (f.filled !== mark.filled[index] && !theirs.has(index))
        features.push({ index, data: f.data.slice(0, f.filled), filled: f.filled });
    });
    this.interners.forEach((i, index) => {
      if (i.values.length !== mark.sizes[index] && !theirInterners.has(index))
        interners.push({ index, values: i.values });
    });
    return { features, interners };
  }
  /**
   * Takes another thread's changedSince() of the same engine over the same tokens (parallel-sync.ts).
   * `mark` is this registry's own before its share of the work: a feature or interner both
   * threads filled would hold two numberings of one value space, so then nothing is taken (false)
   * and this thread's sync() does the other's share again.
   */
  adoptChanged(changed: ChangedFeatures, mark: RegistryMark): boolean {
    const both =
      changed.interners.some(({ index }) => this.interners[index].values.length !== mark.sizes[index]) ||
      changed.features.some(({ index }) => this.features[index].filled !== mark.filled[index]);
    if (both) return false;
    for (const { index, values } of changed.interners) this.interners[index].replaceValues(values);
    for (const { index, data, filled } of changed.features) {
      this.features[index].data = data.length ? data : new Int32Array(64);
      this.features[index].filled = filled;
    }
    return true;
  }
  adopt(saved: ReturnType<FeatureRegistry['export']>): void {
    if (saved.features.length !== this.features.length || saved.interners.length !== this.interners.length) {
      throw new Error('feature registry mismatch between threads');
    }
    saved.interners.forEach((values, i) => this.interners[i].adoptValues(values));
    saved.features.forEach((f, i) => {
      this.features[i].data = f.data.length ? f.data : new Int32Array(64);
      this.features[i].filled = f.filled;
    });
  }
}

/** Records kept by a Dataset: per field its distinct values, per record its values' ids and its id. */
export interface DatasetPart {
  strings: string[][];
  rows: Int32Array;
  ids: string[];
}

export interface SharedRows {
  rows: Int32Array;
  source: Int32Array;
  size: number;
}

export interface RegistryMark {
  filled: number[];
  sizes: number[];
}

export interface ChangedFeatures {
  features: { index: number; data: Int32Array; filled: number }[];
  interners: { index: number; values: string[] }[];
}

/**
 * A copy of a string that holds no reference to a larger one. A value cut from a chunk of a file
 * (split, slice) may be a view into the whole chunk; kept in a dictionary it would keep every
 * chunk of a million-row file alive. Short strings are copied by V8 anyway.
 */
const ownString = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Growable per-token feature array, filled lazily as new tokens appear. */
export class TokenFeature {
  data: Int32Array;
  filled = 0;
  /** registry: the engine's, when a worker must adopt this feature (training helpers pass none). */
  constructor(
    private readonly compute: (value: string) => number,
    registry?: FeatureRegistry,
  ) {
    this.data = new Int32Array(64);
    registry?.features.push(this);
  }
  sync(column: FieldColumn): void {
    TokenFeature.syncTogether(column, [this]);
  }
  private grow(n: number): void {
    if (n <= this.data.length) return;
    const next = new Int32Array(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
  /**
   * Brings several features of one column up to date token by token rather than feature by
   * feature: the normalisers they share (a name's key, its genderless form) are then asked about
   * the same string several times in a row, which their memo answers without a map lookup
   * (memo.ts). Normalising the project's million records: 8.1 → 6.3 s.
   */
  static syncTogether(column: FieldColumn, features: readonly TokenFeature[]): void {
    const n = column.strings.length;
    let from = n;
    for (const f of features) {
      f.grow(n);
      from = Math.min(from, f.filled);
    }
    for (let t = from; t < n; t++) {
      const raw = column.strings[t];
      for (const f of features) if (t >= f.filled) f.data[t] = f.compute(raw);
    }
    for (const f of features) f.filled = n;
  }
}

/** Interns derived strings (normalised keys) to ints. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  constructor(registry?: FeatureRegistry) {
    registry?.interners.push(this);
  }
  /** Whether `ids` holds every value (a worker's adopted copy builds it only if ever asked). */
  private mapped = true;
  /** Takes the main thread's values; scoring reads them by id, so the map waits. */
  adoptValues(values: readonly string[]): void {
    for (const v of values) this.values.push(v);
    this.mapped = false;
  }
  /** Another thread's values in place of this one's (which hold a prefix of them, or nothing). */
  replaceValues(values: readonly string[]): void {
    this.values.length = 0;
    this.ids.clear();
    this.adoptValues(values);
  }
  id(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1;
    if (!this.mapped) {
      this.values.forEach((v, i) => this.ids.set(v, i));
      this.mapped = true;
    }
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * One field of the dataset. Token ids live row-major in the dataset's shared store (a record's
 * fields side by side), so scoring a pair touches two cache lines, not two per field: at a
 * million records that, not arithmetic, is what bounds the pairs scored per second.
 */
export class FieldColumn {
  readonly dict = new Map<string, number>();
  readonly strings: string[] = [];
  constructor(
    readonly name: string,
    private readonly index: number,
    private readonly store: RowStore,
  ) {}
  /** Token id of record r's value, -1 when empty. */
  at(r: number): number {
    return this.store.rows.data[r * this.store.stride + this.index];
  }
  /** Whether `dict` holds every string (a worker's restored copy builds it only if ever asked). */
  private mapped = true;
  /** Takes the main thread's strings: a worker scores by token id and never looks one up. */
  adoptStrings(strings: readonly string[]): void {
    for (const s of strings) this.strings.push(s);
    this.mapped = false;
  }
  intern(raw: string | undefined | null): number {
    const value = raw === undefined || raw === null ? '' : raw.trim();
    if (value === '') return -1;
    if (!this.mapped) {
      this.strings.forEach((v, i) => this.dict.set(v, i));
      this.mapped = true;
    }
    let t = this.dict.get(value);
    if (t === undefined) {
      // Asked of values not met before: a placeholder is never interned, so it asks each time.
      if (isPlaceholder(value)) return -1;
      t = this.strings.length;
      const own = ownString(value);
      this.dict.set(own, t);
      this.strings.push(own);
    }
    return t;
  }
}

class RowStore {
  readonly rows = new GrowInt32(1 << 16);
  constructor(readonly stride: number) {}
}

export type RawRecord = Record<string, string | undefined>;

/** Records from one or more sources (a dedupe has one source; a link has two). */
export class Dataset {
  readonly ids: string[] = [];
  readonly source = new GrowInt32();
  readonly columns = new Map<string, FieldColumn>();
  private readonly store: RowStore;
  constructor(readonly fields: readonly string[]) {
    this.store = new RowStore(fields.length);
    fields.forEach((f, i) => this.columns.set(f, new FieldColumn(f, i, this.store)));
  }
  get size(): number {
    return this.ids.length;
  }
  column(field: string): FieldColumn {
    const c = this.columns.get(field);
    if (!c) throw new Error(`unknown field "${field}" (fields: ${this.fields.join(', ')})`);
    return c;
  }
  /** Rewrites a record's values (in field order) before they are kept (LinkageEngine sets it). */
  prepare: ((values: (string | undefined)[]) => void) | null = null;
  add(id: string, record: RawRecord, source = 0): number {
    if (this.prepare)
      return this.addPrepared(
        id,
        this.fields.map((f) => record[f]),
        source,
      );
    for (const [field, col] of this.columns) this.store.rows.push(col.intern(record[field]));
    this.source.push(source);
    this.ids.push(ownString(id));
    return this.ids.length - 1;
  }
  /** Adds a CSV row: columns[i] is the row index of fields[i] (-1 when the file lacks it). */
  addValues(id: string, row: readonly string[], columns: readonly number[], source = 0): number {
    if (this.prepare)
      return this.addPrepared(
        id,
        columns.map((c) => (c >= 0 ? row[c] : undefined)),
        source,
      );
    let i = 0;
    for (const col of this.columns.values()) {
      const c = columns[i++];
      this.store.rows.push(col.intern(c >= 0 ? row[c] : undefined));
    }
    this.source.push(source);
    this.ids.push(ownString(id));
    return this.ids.length - 1;
  }
  private addPrepared(id: string, values: (string | undefined)[], source: number): number {
    this.prepare!(values);
    let i = 0;
    for (const col of this.columns.values()) this.store.rows.push(col.intern(values[i++]));
    this.source.push(source);
    this.ids.push(ownString(id));
    return this.ids.length - 1;
  }
  /** Records kept by another Dataset of the same fields (another thread's), for appendPart(). */
  part(): DatasetPart {
    return {
      strings: [...this.columns.values()].map((c) => c.strings),
      rows: this.store.rows.data.slice(0, this.size * this.store.stride),
      ids: this.ids,
    };
  }
  /**
   * Appends another Dataset's records (part()), exactly as adding them here one by one would:
   * its values are interned in the order it first met them, which is the order they come in.
   */
  appendPart(part: DatasetPart, source = 0): void {
    const stride = this.store.stride;
    const ids = [...this.columns.values()].map((col, c) => Int32Array.from(part.strings[c], (v) => col.intern(v)));
    for (let r = 0; r < part.ids.length; r++) {
      for (let c = 0; c < stride; c++) {
        const t = part.rows[r * stride + c];
        this.store.rows.push(t < 0 ? -1 : ids[c][t]);
      }
      this.source.push(source);
      this.ids.push(part.ids[r]);
    }
  }
  /** The parts a worker thread needs to rebuild this dataset (rows and source as shared memory). */
  share(): SharedRows & { strings: string[][] } {
    return { ...this.shareRows(), strings: [...this.columns.values()].map((c) => c.strings) };
  }
  /** The token rows and sources as shared memory, for a thread that has the columns' values. */
  shareRows(): SharedRows {
    const n = this.size;
    const rows = new Int32Array(new SharedArrayBuffer(n * this.store.stride * 4));
    rows.set(this.store.rows.data.subarray(0, n * this.store.stride));
    const source = new Int32Array(new SharedArrayBuffer(n * 4));
    source.set(this.source.data.subarray(0, n));
    return { rows, source, size: n };
  }
  /** Rebuilds from share() in a worker: ids are not needed there, only positions. */
  restore(parts: SharedRows & { strings: string[][] }): void {
    [...this.columns.values()].forEach((col, i) => col.adoptStrings(parts.strings[i]));
    this.adoptRows(parts);
  }
  /** Takes shareRows() in a worker whose columns already hold the values. */
  adoptRows(parts: SharedRows): void {
    this.store.rows.data = parts.rows;
    this.store.rows.length = parts.rows.length;
    this.source.data = parts.source;
    this.source.length = parts.size;
    for (let i = 0; i < parts.size; i++) this.ids.push('');
  }
  /** Drops the last record (a query scored against the set but not kept). */
  pop(): void {
    this.store.rows.length -= this.store.stride;
    this.source.length--;
    this.ids.pop();
  }
  value(field: string, i: number): string {
    const col = this.column(field);
    const t = col.at(i);
    return t < 0 ? '' : col.strings[t];
  }
}

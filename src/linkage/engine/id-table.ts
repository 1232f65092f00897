// Dense ids for numeric keys in open addressing over typed arrays: a million-record file interns
// a few million (value, context) keys for its term frequencies, and a Map spends ~70 bytes on
// each where this spends ~24, and nothing for the garbage collector to walk.

export interface IdTableArrays {
  keys: Float64Array;
  ids: Int32Array;
  size: number;
}

export class IdTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    const n = 1 << Math.ceil(Math.log2(Math.max(capacity * 2, 16)));
    this.keys = new Float64Array(n);
    this.ids = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  private slot(key: number): number {
    // Keys are non-negative integers below 2^52: mix both halves.
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.ids[i] >= 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The key's id, or −1 when it has none. */
  get(key: number): number {
    return this.ids[this.slot(key)];
  }

  /** The key's id, given the next free one if it has none. */
  intern(key: number): number {
    let i = this.slot(key);
    if (this.ids[i] >= 0) return this.ids[i];
    if ((this.size + 1) * 2 > this.ids.length) {
      this.grow();
      i = this.slot(key);
    }
    this.keys[i] = key;
    this.ids[i] = this.size;
    return this.size++;
  }

  /** Its arrays, to move to another thread (IdTable.from there). */
  export(): IdTableArrays {
    return { keys: this.keys, ids: this.ids, size: this.size };
  }

  /** A table over another thread's arrays (export()), taken over, not copied. */
  static from(arrays: IdTableArrays): IdTable {
    const table = new IdTable(1);
    table.keys = arrays.keys;
    table.ids = arrays.ids;
    table.mask = arrays.ids.length - 1;
    table.size = arrays.size;
    return table;
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.mask = this.ids.length - 1;
    for (let j = 0; j < ids.length; j++) {
      if (ids[j] < 0) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.ids[i] = ids[j];
    }
  }
}

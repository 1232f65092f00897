import { mix32 } from './prng.ts';

// A keyed bijection of [0, n): record i of the output is record permutation.at(i) of the
// generation order, so a man's records end up scattered through the file without holding the
// file in memory. A four-round Feistel network on 2h bits, cycle-walking back into range.

export class Permutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly roundKeys: readonly number[];

  constructor(
    private readonly n: number,
    key: number,
  ) {
    if (n > 2 ** 30) throw new RangeError('at most 2^30 records');
    let bits = 2;
    while (2 ** bits < n) bits += 2;
    this.half = bits / 2;
    this.mask = 2 ** this.half - 1;
    this.roundKeys = [0, 1, 2, 3].map((round) => mix32(key, round));
  }

  at(i: number): number {
    if (i < 0 || i >= this.n) throw new RangeError(`${i} is outside [0, ${this.n})`);
    let x = i;
    do x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }

  private encrypt(x: number): number {
    let left = x >>> this.half;
    let right = x & this.mask;
    for (let round = 0; round < 4; round++) {
      const next = (left ^ mix32(this.roundKeys[round], right)) & this.mask;
      left = right;
      right = next;
    }
    return ((left << this.half) | right) >>> 0;
  }
}

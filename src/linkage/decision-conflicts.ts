// Review decisions that contradict each other: "same" decisions merge records first and bypass
// every check, so a "different" decision between two records they join (directly, or through a
// chain of "same") would be ignored without a word. The decisions file is refused at the line
// that makes the contradiction instead. Small-to-large merging: each record is moved O(log n)
// times, and each of its "different" partners is looked at when it moves.
import { RowError } from './linkage.csv.ts';
import type { Words } from '../shared/said.ts';

export class DecisionConflicts {
  private readonly root = new Map<number, number>();
  private readonly members = new Map<number, number[]>();
  private readonly apart = new Map<number, number[]>();

  /** `name`: the words for a record (its id, and its file when two are linked). */
  constructor(private readonly name: (record: number) => Words) {}

  private find(x: number): number {
    let r = x;
    for (let p = this.root.get(r); p !== undefined && p !== r; p = this.root.get(r)) r = p;
    // Path compression: every record on the way now points at the root.
    for (let y = x; y !== r; ) {
      const next = this.root.get(y) as number;
      this.root.set(y, r);
      y = next;
    }
    return r;
  }

  /** A "same" decision; throws (at its row) if a "different" one keeps the two groups apart. */
  same(a: number, b: number): void {
    let big = this.find(a);
    let small = this.find(b);
    if (big === small) return;
    const group = (r: number): number[] => this.members.get(r) ?? [r];
    if (group(big).length < group(small).length) [big, small] = [small, big];
    for (const x of group(small))
      for (const y of this.apart.get(x) ?? [])
        if (this.find(y) === big) {
          const direct = (x === a && y === b) || (x === b && y === a);
          throw direct
            ? new RowError('linkage.csv.sameAgainstDifferent', { a: this.name(a), b: this.name(b) })
            : new RowError('linkage.csv.sameChainAgainstDifferent', {
                a: this.name(a),
                b: this.name(b),
                x: this.name(x),
                y: this.name(y),
              });
        }
    const merged = group(big);
    for (const x of group(small)) {
      merged.push(x);
      this.root.set(x, big);
    }
    this.root.set(big, big);
    this.members.set(big, merged);
    this.members.delete(small);
  }

  /** A "different" decision; throws (at its row) if "same" decisions already join the two. */
  different(a: number, b: number): void {
    if (a === b) throw new RowError('linkage.csv.differentTwice', { a: this.name(a) });
    if (this.find(a) === this.find(b))
      throw new RowError('linkage.csv.differentAgainstSame', { a: this.name(a), b: this.name(b) });
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const list = this.apart.get(x);
      if (list) list.push(y);
      else this.apart.set(x, [y]);
    }
  }
}

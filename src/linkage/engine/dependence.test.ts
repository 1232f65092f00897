import { describe, expect, it } from 'vitest';
import type { Comparison } from './comparison.ts';
import { dependenceShift, measureDependence } from './dependence.ts';
import { LinkageEngine } from './engine.ts';
import { FIRST } from './synthetic.test-helper.ts';
import { rng } from './train.ts';

const comps = (n: number): Comparison[] => Array.from({ length: n }, () => ({}) as Comparison);

describe('fields that agree together among strangers', () => {
  it('reads a dependence from strangers who agree on both, and weighs the second agreement once', () => {
    // Comparisons 0 (street) and 1 (postcode): 50 strangers agree on both, 5 on the street alone,
    // 5 on the postcode alone; 100,000 agree on neither. Comparison 2 agrees on its own, at random.
    const rows: number[] = [];
    const add = (times: number, row: number[]) => {
      for (let k = 0; k < times; k++) rows.push(...row);
    };
    add(50, [1, 1, 2]);
    add(5, [1, 2, 2]);
    add(5, [2, 1, 2]);
    add(300, [2, 2, 1]);
    add(100_000, [2, 2, 2]);
    const logOdds = [
      [0, 8, -3],
      [0, 8, -3],
      [0, 5, -1],
    ];
    const dep = measureDependence(comps(3), Int32Array.from(rows), logOdds, Math.log(1e-4), [false, false, false]);
    expect(dep).not.toBeNull();
    // Given the street, the postcode agrees 50 times in 55: about −10.6 bits against its own u.
    expect(dep!.shift[0][1]).toBeLessThan(-9);
    expect(dep!.shift[0][2]).toBe(0);
    const contributions = new Float64Array([8, 8, -1]);
    expect(dependenceShift(Int32Array.from([1, 1, 2]), dep!, contributions)).toBeLessThan(-9);
    expect(contributions[0] + contributions[1]).toBeLessThan(8);
    // One agreement alone is weighed as before.
    expect(dependenceShift(Int32Array.from([1, 2, 1]), dep!)).toBe(0);
  });

  it('reads none from a handful of pairs, nor from comparisons left out', () => {
    const rows = [1, 1, ...Array.from({ length: 20_000 }, () => [2, 2]).flat()];
    expect(
      measureDependence(
        comps(2),
        Int32Array.from(rows),
        [
          [0, 8, -3],
          [0, 8, -3],
        ],
        Math.log(1e-4),
        [false, false],
      ),
    ).toBeNull();
  });

  it('keeps a household of a generic config apart: members agree on address and telephone, not on name or birth', () => {
    const rand = rng(7);
    const firsts = FIRST;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const engine = new LinkageEngine({
      id: 'id',
      comparisons: [
        { type: 'name', field: 'first_name', tf: true },
        { type: 'name', field: 'surname', tf: true },
        { type: 'date', field: 'dob' },
        { type: 'name', field: 'street' },
        { type: 'numeric', field: 'postcode' },
        { type: 'numeric', field: 'phone' },
      ],
      blocking: [['surname', 'dob|year'], ['first_name', 'dob'], ['phone'], ['street', 'postcode']],
      training: { seed: 3 },
      thresholds: { link: 0.5, review: 0.5 },
    });
    const person: number[] = [];
    let id = 0;
    for (let h = 0; h < 1500; h++) {
      const surname = `fam${h}`;
      const street = `${pick(['oak', 'elm', 'ash', 'birch'])} street ${h % 40}`;
      const postcode = String(10000 + h * 7);
      const phone = String(5550000 + h);
      const used = new Set<string>();
      for (let p = 0; p < 3; p++) {
        let first = pick(firsts);
        while (used.has(first)) first = pick(firsts);
        used.add(first);
        const dob = `19${50 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
        for (let r = 0; r < 2; r++) {
          engine.add(String(id++), {
            first_name: first,
            surname,
            dob,
            street,
            postcode,
            phone: rand() < 0.7 ? phone : '',
          });
          person.push(h * 3 + p);
        }
      }
    }
    engine.train();
    const clusters = engine.cluster(engine.predict().edges).clusterOf;
    let wrong = 0;
    let right = 0;
    for (let a = 0; a < person.length; a++)
      for (let b = a + 1; b < Math.min(person.length, a + 6); b++)
        if (clusters[a] === clusters[b]) person[a] === person[b] ? right++ : wrong++;
    expect(right).toBeGreaterThan(4000);
    expect(wrong / (right + wrong)).toBeLessThan(0.05);
    expect(engine.params!.dependence).toBeDefined();
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { Blocking, scaledCap } from './blocking.ts';
import { Dataset } from './dataset.ts';
import { personConfig } from './person-config.ts';

const dataset = (rows: Record<string, string>[]): Dataset => {
  const d = new Dataset(['a', 'b']);
  rows.forEach((r, i) => d.add(String(i), r));
  return d;
};

describe('blocking', () => {
  it("scales a rule's own cap to the file's size with scaleCaps: √(1,000,000 / records), ×1 to ×10", () => {
    expect(scaledCap(20, 1_000_000)).toBe(20);
    expect(scaledCap(20, 2_000_000)).toBe(20);
    expect(scaledCap(20, 250_000)).toBe(40);
    expect(scaledCap(20, 20_000)).toBe(141);
    expect(scaledCap(20, 100)).toBe(200);
    // Five records share the key of a rule whose own cap is 2; a hundred records in the file.
    const rows = Array.from({ length: 100 }, (_, i) => ({ a: i < 5 ? 'same' : `v${i}`, b: '' }));
    const pairsOf = (scaleCaps: boolean): number => {
      let pairs = 0;
      const blocking = new Blocking(dataset(rows), [{ rule: ['a'], maxBlockSize: 2 }], 5000, undefined, scaleCaps);
      blocking.forEachPair(() => pairs++);
      return pairs;
    };
    expect(pairsOf(false)).toBe(0);
    expect(pairsOf(true)).toBe(10);
  });
  it('unions rules and yields each candidate pair exactly once', () => {
    const d = dataset([
      { a: 'x', b: '1' },
      { a: 'x', b: '1' },
      { a: 'x', b: '2' },
      { a: 'y', b: '1' },
      { a: '', b: '2' },
    ]);
    const pairs: string[] = [];
    const stats = new Blocking(d, [['a'], ['b']]).forEachPair((p, q) => pairs.push([p, q].sort().join('-')));
    expect(pairs.sort()).toEqual(['0-1', '0-2', '0-3', '1-2', '1-3', '2-4'].sort());
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(stats.pairsPerRule).toEqual([3, 3]);
    expect(stats.candidatePairs).toBe(6);
  });
  it('pairs two records whose keys under an earlier rule differ but share a print (seenEarlier)', () => {
    const values = Array.from({ length: 600 }, (_, i) => ({ a: `v${i}`, b: '' }));
    const first = new Blocking(dataset(values), [['a'], ['b']]);
    first.ensureKeys();
    // 600 keys into 255 prints: two must share one.
    const byPrint = new Map<number, number>();
    let pair: [number, number] | null = null;
    for (let r = 0; r < 600 && !pair; r++) {
      const print = first.prints![r * 2];
      const other = byPrint.get(print);
      if (other !== undefined && first.keys[0][other] !== first.keys[0][r]) pair = [other, r];
      byPrint.set(print, r);
    }
    const [x, y] = pair!;
    values[x].b = 'same';
    values[y].b = 'same';
    const pairs: number[][] = [];
    const stats = new Blocking(dataset(values), [['a'], ['b']]).forEachPair((p, q) => pairs.push([p, q]));
    expect(pairs).toEqual([[x, y]]);
    expect(stats.pairsPerRule).toEqual([0, 1]);
  });
  it('never blocks on missing values and supports transforms', () => {
    const d = dataset([
      { a: 'Robert', b: '' },
      { a: 'Rupert', b: '' },
      { a: 'Alice', b: '' },
    ]);
    const pairs: number[][] = [];
    new Blocking(d, [['a|soundex'], ['b']]).forEachPair((p, q) => pairs.push([p, q]));
    expect(pairs).toEqual([[0, 1]]);
  });
  it('gives a rule its own cap: its larger blocks are skipped without a report', () => {
    const d = dataset([
      ...Array.from({ length: 6 }, () => ({ a: 'big', b: '' })),
      { a: 'small', b: '' },
      { a: 'small', b: '' },
    ]);
    const pairs: number[][] = [];
    const stats = new Blocking(d, [{ rule: ['a'], maxBlockSize: 3 }]).forEachPair((p, q) => pairs.push([p, q]));
    expect(pairs).toEqual([[6, 7]]);
    expect(stats.oversized).toEqual([]);
  });
  it('puts back the keys a sampled pass cleared', () => {
    const d = dataset(Array.from({ length: 8 }, (_, i) => ({ a: i < 6 ? 'big' : 'small', b: '' })));
    const b = new Blocking(d, [{ rule: ['a'], maxBlockSize: 3 }]);
    b.ensureKeys();
    const before = Array.from(b.keys[0]);
    b.mask = Uint8Array.from({ length: 8 }, (_, i) => (i === 1 ? 0 : 1));
    b.forEachPair(() => {});
    // Five sampled records still make too big a block: the pass cleared their keys…
    expect(Array.from(b.keys[0])).not.toEqual(before);
    b.unmask();
    expect(Array.from(b.keys[0])).toEqual(before);
  });
  it('skips and reports oversized blocks', () => {
    const d = dataset(Array.from({ length: 10 }, (_, i) => ({ a: 'same', b: String(i % 2) })));
    const stats = new Blocking(d, [['a'], ['b']], 5).forEachPair(() => {});
    expect(stats.oversized).toEqual([{ rule: 'a', size: 10, example: 'a=same' }]);
    expect(stats.candidatePairs).toBe(20); // two blocks of 5 under rule b
  });
  it('links across sources only when asked', () => {
    const d = new Dataset(['a', 'b']);
    d.add('1', { a: 'x' }, 0);
    d.add('2', { a: 'x' }, 0);
    d.add('3', { a: 'x' }, 1);
    const pairs: number[][] = [];
    new Blocking(d, [['a']]).forEachPair((p, q) => pairs.push([p, q]), true);
    expect(pairs).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe('fallback rules ("?field")', () => {
  it('pair records only when one of them lacks the fallback value, and count pairs once', () => {
    const d = new Dataset(['name', 'year']);
    d.add('0', { name: 'ivanov', year: '1990' });
    d.add('1', { name: 'ivanov', year: '1991' });
    d.add('2', { name: 'ivanov', year: '' });
    d.add('3', { name: 'ivanov', year: '' });
    d.add('4', { name: 'ivanov', year: '1990' });
    const pairs: string[] = [];
    const b = new Blocking(d, [
      ['name', 'year'],
      ['name', '?year'],
    ]);
    const stats = b.forEachPair((p, q) => pairs.push([p, q].sort().join('-')));
    // 0-4 by the first rule; every pair with 2 or 3 by the fallback; never 0-1, 1-4.
    expect(pairs.sort()).toEqual(['0-2', '0-3', '0-4', '1-2', '1-3', '2-3', '2-4', '3-4']);
    expect(stats.pairsPerRule).toEqual([1, 7]);
  });
  it('keys an unordered pair of fields with "a+b|t" (swapped fields meet)', () => {
    const d = new Dataset(['s', 'g']);
    d.add('0', { s: 'Ivanov', g: 'Oleg' });
    d.add('1', { s: 'oleg', g: 'IVANOV' });
    d.add('2', { s: 'Oleg', g: 'Petrov' });
    const pairs: number[][] = [];
    new Blocking(d, [['s+g']]).forEachPair((p, q) => pairs.push([p, q]));
    expect(pairs).toEqual([[0, 1]]);
  });
  it('keys "a~b|t" on the field that plays a\'s role: a surname and a given name written in each other\'s fields meet', () => {
    const d = new Dataset(['surname', 'given_name']);
    d.add('0', { surname: 'Липук', given_name: 'Александр' });
    d.add('1', { surname: 'Александр', given_name: 'Липук' });
    d.add('2', { surname: 'Липук', given_name: 'Руслан' });
    d.add('3', { surname: 'Руслан', given_name: 'Александр' }); // both given names: read as written
    d.add('4', { surname: 'Александр', given_name: '' });
    const pairs: string[] = [];
    new Blocking(d, [['surname~given_name|surname-key', 'given_name~surname|given-canonical']]).forEachPair((p, q) =>
      pairs.push([p, q].sort().join('-')),
    );
    // 0 and 1 are Липук Александр in either order; 2 is another man; 3 keeps its order
    // (Руслан Александр), so it meets none; 4 has no given name and no key.
    expect(pairs).toEqual(['0-1']);
  });
  it("reads a given name with one letter wrong as a given name when it stands in the surname's field", () => {
    const d = new Dataset(['surname', 'given_name']);
    d.add('0', { surname: 'Ткачев', given_name: 'Вячеслав' });
    d.add('1', { surname: 'Вечеслав', given_name: 'Ткачёв' }); // Вечеслав: one letter from Вячеслав
    const pairs: string[] = [];
    new Blocking(d, [['surname~given_name|surname-key', 'given_name~surname|given-canonical']]).forEachPair((p, q) =>
      pairs.push([p, q].sort().join('-')),
    );
    expect(pairs).toEqual(['0-1']);
  });
  it('puts any two birth years at most one apart in a shared window of birth-year2 or birth-year2s', () => {
    const d = new Dataset(['s', 'dob']);
    const years = ['1989-05-01', '1990-03-02', '1991', '12.07.1992', '1994'];
    years.forEach((y, i) => d.add(String(i), { s: 'ivanov', dob: y }));
    const pairs = new Set<string>();
    new Blocking(d, [
      ['s', 'dob|birth-year2'],
      ['s', 'dob|birth-year2s'],
    ]).forEachPair((p, q) => pairs.add([p, q].sort().join('-')));
    // Every neighbour pair meets (1989–90, 1990–91, 1991–92); nothing two or more years apart does.
    expect([...pairs].sort()).toEqual(['0-1', '1-2', '2-3']);
  });
  it('blocks a record with an age for its birth date as one without a birth year', () => {
    const d = new Dataset(['s', 'dob']);
    ['35 лет', '1989', ''].forEach((dob, i) => d.add(String(i), { s: 'ivanov', dob }));
    const pairs = (rule: string[]): string[] => {
      const found: string[] = [];
      new Blocking(d, [rule]).forEachPair((p, q) => found.push([p, q].sort().join('-')));
      return found.sort();
    };
    // "35 лет" is no year to meet 1989 on, and like the record without one it falls back.
    expect(pairs(['s', 'dob|birth-year'])).toEqual([]);
    expect(pairs(['s', '?dob|birth-year'])).toEqual(['0-1', '0-2', '1-2']);
  });
});

/** Records 0 and 1 meet in the person config's blocks, and not without the one rule that names `part`. */
const expectOnlyThisRulePairs = (d: Dataset, part: string): void => {
  const rules = personConfig().blocking;
  const pairs = (specs: typeof rules): string[] => {
    const found: string[] = [];
    new Blocking(d, specs).forEachPair((p, q) => found.push([p, q].sort().join('-')));
    return found;
  };
  expect(pairs(rules)).toContain('0-1');
  expect(pairs(rules.filter((r) => !JSON.stringify(r).includes(part)))).not.toContain('0-1');
};

describe('person blocking', () => {
  it('pairs names written in each other’s fields with a typo in each', () => {
    const d = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    d.add('a', { surname: 'Бавидин', given_name: 'Станислав', region: 'Тыва' });
    d.add('b', { surname: 'Станислв', given_name: 'Бавыдин', region: 'Тыва' });
    const rules = personConfig().blocking;
    const pairs = (specs: typeof rules): number[][] => {
      const found: number[][] = [];
      new Blocking(d, specs).forEachPair((p, q) => found.push([p, q]));
      return found;
    };
    expect(pairs(rules)).toEqual([[0, 1]]);
    // Станислв is read as a given name with one letter missing, so the rules that read swapped
    // fields find the pair too. Two letters off, only the unordered pair of the names' first three
    // letters finds it.
    expect(pairs(rules.filter((r) => !JSON.stringify(r).includes('name-any-prefix3')))).toEqual([[0, 1]]);
    const twoOff = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    twoOff.add('a', { surname: 'Бавидин', given_name: 'Станислав', region: 'Тыва' });
    twoOff.add('b', { surname: 'Стаислв', given_name: 'Бавыдин', region: 'Тыва' });
    const found = (specs: typeof rules): number => {
      let n = 0;
      new Blocking(twoOff, specs).forEachPair(() => n++);
      return n;
    };
    expect(found(rules)).toBe(1);
    expect(found(rules.filter((r) => !JSON.stringify(r).includes('name-any-prefix3')))).toBe(0);
  });
  it('pairs a full given name with its initial among a region’s namesakes when no record names a patronymic', () => {
    const d = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    d.add('a', { surname: 'Ооржак', given_name: 'Саян', region: 'Тыва' });
    d.add('b', { surname: 'ООРЖАК', given_name: 'С.', region: 'Республика Тыва' });
    // Sixty namesakes by initial in the region and sixty more elsewhere: the surname's blocks by
    // region, and by initial across regions, are too large to pair.
    const others = ['Сайын', 'Салчак', 'Сергей', 'Солаан', 'Самбуу', 'Сылдыс'];
    for (let i = 0; i < 120; i++)
      d.add(`o${i}`, { surname: 'Ооржак', given_name: others[i % 6], region: i < 60 ? 'Тыва' : 'Хакасия' });
    expectOnlyThisRulePairs(d, '?patronymic|patronymic-initial');
  });
  it('pairs names written in each other’s fields with a typo at the surname’s end, within a region', () => {
    const d = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    d.add('a', { surname: 'Магомедов', given_name: 'Руслан', region: 'Дагестан' });
    d.add('b', { surname: 'Руслан', given_name: 'Магомедоа', region: 'Республика Дагестан' });
    // Three hundred other men called Руслан, thirty of them Магомаев in another region: the given
    // name's blocks and the surname's first three letters are too common to pair on.
    for (let i = 0; i < 300; i++)
      d.add(`o${i}`, {
        surname: i < 30 ? 'Магомаев' : `Алиев${'абвгдежзиклмнопрстуфхцчшщэюя'[i % 28]}${i}`,
        given_name: 'Руслан',
        region: i < 30 ? 'Хакасия' : i % 2 ? 'Дагестан' : 'Чечня',
      });
    expectOnlyThisRulePairs(d, 'surname~given_name|surname-prefix4');
  });
});

describe('person blocking of a record without a given name', () => {
  it('pairs a rare surname written alone with the records that name it in full', () => {
    const d = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    d.add('a', { surname: 'Шмахотов' });
    d.add('b', { surname: 'ШМАХОТОВ', given_name: 'Игорь', patronymic: 'Петрович', birth_date: '1990' });
    expectOnlyThisRulePairs(d, '"surname|surname-genderless","?given_name|given-initial"');
  });
});

describe('person blocking of a record without a surname', () => {
  it('pairs a given name alone with the same name in full within the region, and not two full names', () => {
    const d = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    d.add('a', { given_name: 'Лёха', birth_date: '45 лет', region: 'Ангарск' });
    d.add('b', { surname: 'Щегловитов', given_name: 'Алексей', region: 'Иркутская обл.' });
    expectOnlyThisRulePairs(d, '"given_name|given-canonical","region|region-code","?surname|surname-genderless"');
    const rule = personConfig().blocking.filter((r) => JSON.stringify(r).includes('"?surname|surname-genderless"'));
    const two = new Dataset(['surname', 'given_name', 'patronymic', 'birth_date', 'region', 'unit']);
    two.add('a', { surname: 'Мухин', given_name: 'Алексей', region: 'Иркутская обл.' });
    two.add('b', { surname: 'Щегловитов', given_name: 'Алексей', region: 'Иркутская обл.' });
    let paired = 0;
    new Blocking(two, rule).forEachPair(() => paired++);
    expect(rule).toHaveLength(1);
    expect(paired).toBe(0);
  });
});

describe('unit blocking keys', () => {
  it('puts a formation written without its type in the block of the typed one', () => {
    const d = new Dataset(['surname', 'unit']);
    d.add('a', { surname: 'Доржиев', unit: '55-я бригада' });
    d.add('b', { surname: 'Доржиев', unit: '55 омсбр' });
    d.add('c', { surname: 'Доржиев', unit: '64 омсбр' });
    const found: number[][] = [];
    new Blocking(d, [['surname|surname-dm', 'unit|unit-formation-family']]).forEachPair((p, q) => found.push([p, q]));
    expect(found).toEqual([[0, 1]]);
  });
});

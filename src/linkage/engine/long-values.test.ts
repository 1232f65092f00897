// Cells of thousands of characters (a text pasted into a name column, a quote left open): the
// comparisons and normalisers are linear in a value's length. Before, Jaro–Winkler walked a window
// of half the value for every letter, Damerau the whole row outside its band, the genderless
// surname's rules were tried from every start, and "one name of the other" looked every word up
// in a list: fifty records of 100,000 characters did not finish in ten minutes. Found by a bug
// hunt; each timed case took seconds to minutes before.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { surnameGenderless } from './normalize/gender.ts';
import { damerau, jaroWinkler } from './strings.ts';

/** The textbook Jaro–Winkler, every window walked position by position. */
const textbookJaroWinkler = (a: string, b: string): number => {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (!a.length || !b.length) return 0;
  const fa = new Uint8Array(a.length);
  const fb = new Uint8Array(b.length);
  const window = Math.max(0, (Math.max(a.length, b.length) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++)
      if (!fb[j] && a[i] === b[j]) {
        fa[i] = fb[j] = 1;
        m++;
        break;
      }
  if (!m) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!fa[i]) continue;
    while (!fb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < Math.min(4, a.length, b.length) && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
};

/** The full optimal-string-alignment table, no band, no early exit. */
const textbookDamerau = (a: string, b: string, max: number): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return Math.min(d[a.length][b.length], max + 1);
};

/** Milliseconds `f` takes. */
const timed = (f: () => unknown): number => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

let seed = 7;
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const text = (n: number, letters: string): string =>
  Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
/** `s` with k random edits (insert, delete, substitute, swap neighbours). */
const edited = (s: string, k: number, letters: string): string => {
  let x = s;
  for (let e = 0; e < k && x.length > 2; e++) {
    const p = Math.floor(random() * (x.length - 1));
    const c = letters[Math.floor(random() * letters.length)];
    const op = Math.floor(random() * 4);
    if (op === 0) x = x.slice(0, p) + c + x.slice(p);
    else if (op === 1) x = x.slice(0, p) + x.slice(p + 1);
    else if (op === 2) x = x.slice(0, p) + c + x.slice(p + 1);
    else x = x.slice(0, p) + x[p + 1] + x[p] + x.slice(p + 2);
  }
  return x;
};

describe('long values', () => {
  it('Jaro–Winkler and Damerau give the textbook values, long and short', () => {
    for (let t = 0; t < 600; t++) {
      const letters = ['ab', 'abcdefgh', 'абвгдеж '][t % 3];
      const a = text(1 + Math.floor(random() * [8, 40, 400, 700][t % 4]), letters);
      const b = random() < 0.5 ? edited(a, Math.floor(random() * 4), letters) : text(a.length, letters);
      expect(jaroWinkler(a, b)).toBe(textbookJaroWinkler(a, b));
      if (a !== b) for (const max of [1, 2]) expect(damerau(a, b, max)).toBe(textbookDamerau(a, b, max));
    }
  });

  it('compares two values of 100,000 characters at once', () => {
    const a = text(100_000, 'abcdefgh ');
    const b = `${a.slice(0, 50_000)}z${a.slice(50_001)}`;
    // Before: 4.5 s at 20,000 characters, three and a half minutes here.
    expect(timed(() => expect(damerau(a, b, 1)).toBe(1))).toBeLessThan(1000);
    // Before: 5 s.
    expect(timed(() => jaroWinkler(a, text(100_000, 'abcdefgh ')))).toBeLessThan(1000);
  });

  it('takes the gender ending off a surname key of 50,000 letters at once', () => {
    const letters = text(50_000, 'абвгдежзиклмнопрст');
    // Before: 10 s (1.6 s at 20,000 letters, 40 s at 100,000).
    expect(timed(() => expect(surnameGenderless(`${letters}ж`)).toBe(`${letters}ж`))).toBeLessThan(1000);
    expect(surnameGenderless(`${letters}иаиа`)).toBe(`${letters}и`);
    expect(surnameGenderless(`${letters}ска`)).toBe(`${letters}ски`);
    // The same endings as the rules with "3 letters or more" before them gave.
    const before: [RegExp, string][] = [
      [/(ск|тск|цк)аиа$/, '$1и'],
      [/([а-я]{3,})иаиа$/, '$1и'],
      [/([а-я]{2,}[бвгджзклмнпрстфшщч])аиа$/, '$1и'],
      [/([а-я]{3,}[бвгджзклмнпрстфшщч])ои$/, '$1и'],
      [/(ов|ев|ин)а$/, '$1'],
      [/([а-я]{3,}(?:ск|тск))а$/, '$1и'],
    ];
    const old = (key: string): string => {
      if (key.length < 4) return key;
      const rule = before.find(([re]) => re.test(key));
      return rule ? key.replace(rule[0], rule[1]) : key;
    };
    const keys = ['синиаиа', 'белаиа', 'толстои', 'петровскаиа', 'шевченкова', 'ковальска', 'гоиа', 'каиа', 'аиаиа'];
    for (let i = 0; i < 3000; i++)
      keys.push(text(3 + Math.floor(random() * 6), 'абвгкостиа') + ['иаиа', 'аиа', 'ои', 'ска', 'тска', 'а'][i % 6]);
    for (const key of keys) expect(surnameGenderless(key)).toBe(old(key));
  });

  it('compares names of 20,000 words in a generic config at once', () => {
    const engine = new LinkageEngine({
      id: 'id',
      comparisons: [{ type: 'name', field: 'name' }],
      blocking: [['name']],
    });
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    engine.add('a', { name: words(20_000) });
    engine.add('b', { name: `${words(19_999)} x` });
    engine.sync();
    const c = engine.comparisons[0];
    // Before: 10 s (2 s at 10,000 words, 22 s at 30,000).
    expect(timed(() => expect(c.levels[c.level(0, 1)].label).toBe('jaro-winkler ≥ 0.9'))).toBeLessThan(1000);
  });
});

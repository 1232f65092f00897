// Seeded randomness and the ways a clerk, a patient or a scanner changes what is written.
import { HEARD_ALIKE, NICKNAMES } from './names.ts';

/** mulberry32: small, fast, seeded; never Math.random. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed ^ 0x9e3779b9) >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Picks from a list most common first, weight 1 / (rank + offset). */
export class Ranked<T> {
  private cum: number[] = [];
  constructor(
    readonly items: readonly T[],
    offset = 4,
    weights?: readonly number[],
  ) {
    let total = 0;
    for (let i = 0; i < items.length; i++) this.cum.push((total += weights ? weights[i] : 1 / (i + offset)));
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.cum[this.cum.length - 1];
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const ROWS = ['qwertzuiopü', 'asdfghjklöä', 'yxcvbnm'];
function neighbour(c: string, rng: Rng): string {
  const lower = c.toLowerCase();
  for (const row of ROWS) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const n = row[i === 0 ? 1 : i === row.length - 1 ? i - 1 : rng.chance(0.5) ? i - 1 : i + 1];
    return c === lower ? n : n.toUpperCase();
  }
  return c;
}

/** One keyboard slip: a neighbouring key, a dropped, doubled or transposed letter; rarely the first letter. */
export function typo(s: string, rng: Rng): string {
  if (s.length < 3) return s;
  const i = rng.chance(0.95) ? rng.int(1, s.length - 1) : 0;
  const r = i === 0 ? 0 : rng.next();
  if (r < 0.35) return s.slice(0, i) + neighbour(s[i], rng) + s.slice(i + 1);
  if (r < 0.6) return s.slice(0, i) + s.slice(i + 1);
  if (r < 0.75) return s.slice(0, i) + s[i] + s.slice(i);
  const j = Math.min(i, s.length - 2);
  return s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2);
}

const OCR_PAIRS: [string, string][] = [
  ['RN', 'M'],
  ['M', 'RN'],
  ['I', 'L'],
  ['L', 'I'],
  ['O', 'D'],
  ['D', 'O'],
  ['E', 'F'],
  ['B', '8'],
  ['S', '5'],
  ['G', 'C'],
  ['C', 'G'],
  ['U', 'V'],
  ['H', 'N'],
  ['CL', 'D'],
  ['LI', 'U'],
  ['I', '1'],
  ['O', '0'],
  ['N', 'H'],
];
/** One misread of a scanned, upper-case form. */
export function ocr(s: string, rng: Rng): string {
  const options = OCR_PAIRS.filter(([a]) => s.includes(a));
  if (options.length === 0) return s;
  const [a, b] = rng.pick(options);
  const hits: number[] = [];
  for (let i = s.indexOf(a); i >= 0; i = s.indexOf(a, i + 1)) hits.push(i);
  const at = rng.pick(hits);
  return s.slice(0, at) + b + s.slice(at + a.length);
}

const OCR_DIGITS: Record<string, string> = { '1': '7', '7': '1', '3': '8', '8': '3', '5': '6', '6': '5', '0': '8' };
export function ocrDigit(s: string, rng: Rng): string {
  const at = rng.int(0, s.length - 1);
  const d = OCR_DIGITS[s[at]];
  return d ? s.slice(0, at) + d + s.slice(at + 1) : s;
}

const HEARD = new Map<string, string[]>();
for (const group of HEARD_ALIKE)
  for (const n of group)
    HEARD.set(
      n,
      group.filter((m) => m !== n),
    );
const SOUND_RULES: [RegExp, string][] = [
  [/dt$/, 't'],
  [/ph/, 'f'],
  [/th/, 't'],
  [/ck/, 'k'],
  [/ei/, 'ai'],
  [/ai/, 'ei'],
  [/ey/, 'ei'],
  [/y/, 'i'],
  [/tz/, 'z'],
  [/z$/, 'tz'],
  [/C(?=[aou])/, 'K'],
  [/K(?=[aou])/, 'C'],
  [/([bfglmnprst])\1/, '$1'],
  [/ie/, 'i'],
  [/v/, 'w'],
  [/w/, 'v'],
  [/ä/, 'e'],
  [/mann$/, 'man'],
  [/ß/, 'ss'],
];
/** A name written as it sounds: a known alike spelling, or one sound rule. */
export function heard(s: string, rng: Rng): string {
  const alike = HEARD.get(s);
  if (alike && rng.chance(0.8)) return rng.pick(alike);
  const rules = SOUND_RULES.filter(([re]) => re.test(s));
  if (rules.length === 0) return typo(s, rng);
  const [re, to] = rng.pick(rules);
  return s.replace(re, to);
}

export function nickname(s: string, rng: Rng): string {
  const nicks = NICKNAMES[s];
  return nicks ? rng.pick(nicks) : s;
}

const UMLAUT_UE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const SPECIAL: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ß: 'ss', ó: 'o' };
/** 'keep' as written; 'ue' as German IT systems write umlauts (Müller -> Mueller); 'strip' (Müller -> Muller). */
export function translit(s: string, mode: 'keep' | 'ue' | 'strip'): string {
  if (mode === 'keep') return s;
  let out = mode === 'ue' ? s.replace(/[äöüÄÖÜß]/g, (c) => UMLAUT_UE[c]) : s;
  out = out.replace(/[ıİłŁßó]/g, (c) => SPECIAL[c]);
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Feminine form of Polish and Russian surnames (Kowalski -> Kowalska, Iwanow -> Iwanowa). */
export function feminine(surname: string, origin: string): string {
  if (origin === 'pl') return surname.replace(/ski$/, 'ska').replace(/cki$/, 'cka');
  if (origin === 'ru' && /(ow|ew)$/.test(surname)) return `${surname}a`;
  return surname;
}

export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

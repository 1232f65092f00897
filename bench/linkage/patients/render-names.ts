import { SPELLINGS } from './names.ts';
import type { Person } from './population.ts';
import type { Rng } from './rng.ts';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(rng: Rng, c: string): string {
  const lower = c.toLowerCase();
  for (let row = 0; row < 3; row++) {
    const i = ROWS[row].indexOf(lower);
    if (i < 0) continue;
    const near = [ROWS[row][i - 1], ROWS[row][i + 1], ROWS[row - 1]?.[i], ROWS[row + 1]?.[i]].filter(Boolean);
    const n = rng.pick(near);
    return c === lower ? n : n.toUpperCase();
  }
  return c;
}

/** One keying slip: a neighbouring key, a letter dropped, doubled or two letters swapped. */
export function typo(rng: Rng, s: string): string {
  if (s.length < 3) return s;
  const i = 1 + rng.int(s.length - 1);
  const op = rng.weighted([40, 20, 15, 25]);
  if (op === 0) return s.slice(0, i) + neighbour(rng, s[i]) + s.slice(i + 1);
  if (op === 1) return s.slice(0, i) + s.slice(i + 1);
  if (op === 2) return s.slice(0, i) + s[i] + s.slice(i);
  return i < s.length - 1 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
}

export function digitTypo(rng: Rng, s: string): string {
  const pos = [...s].map((c, i) => (c >= '0' && c <= '9' ? i : -1)).filter((i) => i >= 0);
  if (pos.length < 2) return s;
  const k = rng.int(pos.length - 1);
  if (rng.chance(0.5)) {
    const [a, b] = [pos[k], pos[k + 1]];
    return s.slice(0, a) + s[b] + s.slice(a + 1, b) + s[a] + s.slice(b + 1);
  }
  return s.slice(0, pos[k]) + String(rng.int(10)) + s.slice(pos[k] + 1);
}

const spelled = (rng: Rng, s: string, p: number): string =>
  SPELLINGS[s] && rng.chance(p) ? rng.pick(SPELLINGS[s]) : s;

/** Particles, apostrophes and the tilde as different systems keep them. */
function particles(rng: Rng, s: string, keepAccents: boolean): string {
  if (!keepAccents || rng.chance(0.6)) s = s.replace(/ñ/g, 'n');
  if (/^(De La|De Los|De|Del) /.test(s)) {
    const k = rng.weighted([50, 30, 10, 10]);
    if (k === 1) return s.replace(/ /g, '').replace(/^(\w)(.*)$/, (_, a, b) => a + b.toLowerCase());
    if (k === 2) return s.replace(/ /g, '');
    if (k === 3) return s.replace(/^(De La|De Los|De|Del) /, '');
  } else if (s.includes("'")) {
    const k = rng.weighted([55, 30, 15]);
    if (k > 0) return s.replace("'", k === 1 ? '' : ' ');
  } else if (s.startsWith('St. ')) {
    return rng.pick([s, s, 'St John', 'Saint John', 'Stjohn']);
  } else if (/^Mc[A-Z]/.test(s) && rng.chance(0.15)) return s.replace('Mc', rng.chance(0.6) ? 'Mc ' : 'Mac');
  return s;
}

/** The surname a record carries at time t, and a middle name that stands in for a dropped surname. */
export function surnameAt(rng: Rng, p: Person, t: number, keepAccents: boolean): [string, string] {
  let s = p.surname;
  let middle = '';
  if (p.maiden) {
    const maidenOne = p.maiden.split('|')[0];
    if (t < p.marriedAt || rng.chance(0.06)) s = p.maiden;
    else if (p.hyphen && rng.chance(0.7)) s = `${maidenOne}-${p.surname}`;
    else if (rng.chance(0.1)) middle = maidenOne;
  }
  if (s.includes('|')) {
    const [a, b] = s.split('|').map((x) => particles(rng, spelled(rng, x, 0.03), keepAccents));
    const k = rng.weighted([35, 15, 30, 4, 3, 8, 5]);
    s = [`${a} ${b}`, `${a}-${b}`, a, b, `${b} ${a}`, b, a + b.toLowerCase()][k];
    if (k === 5) middle = a;
  } else s = particles(rng, spelled(rng, s, 0.03), keepAccents);
  return [s, middle];
}

export interface GivenOpts {
  nick: number;
  english: number;
  keepAccents: boolean;
}

/** The first and middle name a record carries: compound names split or joined, nicknames, English names. */
export function givenNames(rng: Rng, p: Person, o: GivenOpts): [string, string] {
  let first = p.first;
  let middle = p.middle;
  if (p.second && p.eth === 'hisp') {
    const k = rng.weighted([45, 25, 12, 10, 8]);
    const ma = first === 'Maria' ? rng.pick(['Ma', 'Ma.', 'Ma']) : '';
    if (k === 0) first = `${first} ${p.second}`;
    else if (k === 1) middle = p.second;
    else if (k === 2) (first = p.second), (middle = '');
    else if (k === 3) first = ma ? `${ma} ${p.second}` : (first + p.second).replace(/ /g, '').toLowerCase();
  } else if (p.second) {
    const k = rng.weighted([35, p.eth === 'korean' ? 35 : 15, 20, 20, 5]);
    if (k === 0) first = first + p.second;
    else if (k === 1) first = `${first}-${p.second}`;
    else if (k === 2) first = `${first} ${p.second}`;
    else if (k === 3) middle = p.second;
  } else if (p.eth === 'viet' && middle) {
    const k = rng.weighted([55, 10, 30, 5]);
    if (k === 1) (first = `${middle} ${first}`), (middle = '');
    else if (k === 2) middle = '';
    else if (k === 3) [first, middle] = [middle, first];
  }
  if (p.english && rng.chance(o.english)) (middle = rng.chance(0.35) ? p.first : ''), (first = p.english);
  else if (p.nick && rng.chance(o.nick)) first = p.nick;
  else if (p.byMiddle && rng.chance(0.6)) (first = p.middle), (middle = rng.chance(0.3) ? p.first[0] : '');
  first = spelled(rng, first, 0.03);
  if (!o.keepAccents) first = first.replace(/é/g, 'e').replace(/í/g, 'i').replace(/ú/g, 'u');
  first = first.replace(/^(\w)/, (c) => c.toUpperCase());
  return [first, middle];
}

export function titleCase(s: string): string {
  return s.replace(/[A-Za-zÀ-ÿ]+/g, (w) =>
    w.length > 1 && w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1),
  );
}

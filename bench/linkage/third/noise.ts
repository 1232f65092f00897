// Low-level noise: keyboard and phonetic typos, spelling variants of non-Russian names, ё/е, й/и,
// feminine forms, initials, and the many ways a date gets written.

import type { Rng } from './rng.ts';

const rowsRu = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const rowsLat = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const buildNeighbours = (rows: string[]): Map<string, string> => {
  const m = new Map<string, string>();
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      let n = '';
      if (i > 0) n += row[i - 1];
      if (i < row.length - 1) n += row[i + 1];
      if (r > 0) n += (rows[r - 1][i] ?? '') + (rows[r - 1][i + 1] ?? '');
      if (r < rows.length - 1) n += (i > 0 ? (rows[r + 1][i - 1] ?? '') : '') + (rows[r + 1][i] ?? '');
      m.set(row[i], n);
    }
  });
  m.set('ё', 'е');
  return m;
};
const NEIGH = new Map([...buildNeighbours(rowsRu), ...buildNeighbours(rowsLat)]);

// biome-ignore format: hand-aligned table
const PHONETIC: Record<string, string> = {
  а: 'о', о: 'а', е: 'и', и: 'е', т: 'д', д: 'т', б: 'п', п: 'б', з: 'с', с: 'з', в: 'ф', ф: 'в', ж: 'ш', ш: 'ж',
  г: 'к', к: 'г', ы: 'и', я: 'е', ю: 'у', a: 'o', o: 'a', e: 'i', i: 'y', y: 'i', k: 'c', c: 'k', s: 'z', v: 'w',
};

const isUpper = (c: string) => c !== c.toLowerCase();
const withCase = (orig: string, c: string) => (isUpper(orig) ? c.toUpperCase() : c);
const isAlpha = (c: string | undefined) => c !== undefined && /[a-zа-яё]/i.test(c);

/** One typo: keyboard neighbour, drop, double, transpose or a phonetic confusion; first letter spared mostly. */
export const typo = (s: string, rng: Rng): string => {
  if (s.length < 3) return s;
  const positions: number[] = [];
  for (let i = 0; i < s.length; i++) if (isAlpha(s[i])) positions.push(i);
  if (positions.length < 3) return s;
  let idx = rng.pick(positions);
  if (idx === positions[0] && rng.chance(0.75)) idx = positions[1 + rng.int(positions.length - 1)];
  const c = s[idx];
  const lo = c.toLowerCase();
  const kind = rng.next();
  if (kind < 0.35) {
    const n = NEIGH.get(lo);
    if (!n) return s;
    return s.slice(0, idx) + withCase(c, n[rng.int(n.length)]) + s.slice(idx + 1);
  }
  if (kind < 0.55) return s.slice(0, idx) + s.slice(idx + 1);
  if (kind < 0.7) return s.slice(0, idx) + c + s.slice(idx);
  if (kind < 0.85) {
    if (idx + 1 >= s.length || !isAlpha(s[idx + 1])) return s;
    const a = s[idx];
    const b = s[idx + 1];
    return s.slice(0, idx) + withCase(a, b.toLowerCase()) + withCase(b, a.toLowerCase()) + s.slice(idx + 2);
  }
  const p = PHONETIC[lo];
  if (!p) return s;
  return s.slice(0, idx) + withCase(c, p) + s.slice(idx + 1);
};

/** Spelling variants of non-Russian names as Russian clerks and relatives write them. */
export const variantSpelling = (s: string, rng: Rng, ethnic = true): string => {
  if (!ethnic) {
    // Russian names: a doubled letter dropped or a single one doubled (Филиппов/Филипов, Кирилл/Кирил).
    if (/([бвгджзклмнпрстфхцчшщ])\1/.test(s)) return s.replace(/([бвгджзклмнпрстфхцчшщ])\1/, '$1');
    const m = /[аеиоуыэюяё]([лнпсфт])[аеиоуыэюяё]/.exec(s.slice(1));
    return m && rng.chance(0.5) ? s.slice(0, m.index + 2) + m[1] + s.slice(m.index + 2) : s;
  }
  const rules: ((x: string) => string)[] = [
    (x) => x.replace(/([а-яё])\1/, '$1'), // Ооржак→Оржак, Куулар→Кулар, Абдуллаев→Абдулаев
    (x) => x.replace(/э/g, 'е').replace(/Э/g, 'Е'), // Эрдэни→Эрдени, Тумэн→Тумен
    (x) => x.replace(/цы/g, 'ци'), // Цыренов→Циренов
    (x) => x.replace(/^Дж/, 'Ж').replace(/дж/, 'ж'), // Джабраил→Жабраил
    (x) => x.replace(/^Гадж/, 'Хадж'), // Гаджиев→Хаджиев
    (x) => x.replace(/^Магомед/, rng.pick(['Магомет', 'Мухаммед', 'Магамед', 'Мухамед'])),
    (x) => x.replace(/^Магомадов/, 'Магомедов').replace(/^Магомедов$/, 'Магомадов'),
    (x) => x.replace(/^Мухаммад/, 'Мухаммед').replace(/^Мухамед/, 'Мухаммед'),
    (x) => x.replace(/-оол/, rng.pick(['-Оол', 'оол', ' оол', '-ол'])), // Алдын-оол
    (x) => x.replace(/ахмед/i, (m) => (m[0] === 'А' ? 'Ахмет' : 'ахмет')),
    (x) => x.replace(/уу/, 'у').replace(/аа/, 'а').replace(/оо/, 'о'),
    (x) => x.replace(/ы/, 'и'), // Айдыс→Айдис
    (x) => x.replace(/([^аеиоуыэюя])ь?е/, '$1э'), // Гейдар→Гэйдар
    (x) => x.replace(/^Хас/, 'Гас').replace(/^Гус/, 'Хус'),
    (x) => x.replace(/ийн/, 'иин').replace(/иев$/, 'ыев'),
  ];
  for (let t = 0; t < 4; t++) {
    const out = rng.pick(rules)(s);
    if (out !== s) return out;
  }
  return s;
};

export const dropYo = (s: string): string => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

export const swapYI = (s: string): string => s.replace(/й/, 'и');

/** Feminine form of a surname (a rare clerical mistake); unchanged when it has none. */
export const feminineSurname = (s: string): string => {
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return `${s}а`;
  if (/(ский|цкий)$/.test(s)) return `${s.slice(0, -2)}ая`;
  return s;
};

export const femininePatronymic = (p: string): string =>
  p.endsWith('вич') ? `${p.slice(0, -3)}вна` : p.endsWith('ич') ? `${p.slice(0, -2)}ична` : p;

export const initial = (s: string): string => (s ? `${s[0].toUpperCase()}.` : '');

// ---------------------------------------------------------------------------------------------
// Dates

// biome-ignore format: hand-aligned list
const MONTHS_GEN = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

export type DateStyle =
  | 'dmy' // 12.03.1990
  | 'dmyLoose' // 12.3.1990
  | 'dmyShort' // 12.03.90
  | 'iso' // 1990-03-12
  | 'slash' // 12/03/1990
  | 'usSlash' // 3/12/1990 (a spreadsheet in US locale)
  | 'words' // 12 марта 1990
  | 'wordsG' // 12 марта 1990 г.
  | 'dmyG'; // 12.03.1990 г.

const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export const formatDate = (y: number, m: number, d: number, style: DateStyle): string => {
  switch (style) {
    case 'dmy':
      return `${p2(d)}.${p2(m)}.${y}`;
    case 'dmyLoose':
      return `${d}.${m}.${y}`;
    case 'dmyShort':
      return `${p2(d)}.${p2(m)}.${String(y).slice(2)}`;
    case 'iso':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'slash':
      return `${p2(d)}/${p2(m)}/${y}`;
    case 'usSlash':
      return `${m}/${d}/${y}`;
    case 'words':
      return `${d} ${MONTHS_GEN[m - 1]} ${y}`;
    case 'wordsG':
      return `${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
    case 'dmyG':
      return `${p2(d)}.${p2(m)}.${y} г.`;
  }
};

export const formatYearOnly = (y: number, rng: Rng): string =>
  rng.pickW([
    [String(y), 50],
    [`${y} г.р.`, 28],
    [`${y}г.р.`, 8],
    [`${y} г.`, 7],
    [`${y} года рождения`, 3],
    [`${y}г`, 4],
  ]);

/** Changes one digit of a formatted date (a typing slip). */
export const digitTypo = (s: string, rng: Rng): string => {
  const pos: number[] = [];
  for (let i = 0; i < s.length; i++) if (/\d/.test(s[i])) pos.push(i);
  if (!pos.length) return s;
  const i = rng.pick(pos);
  const d = Number(s[i]);
  const nd = rng.chance(0.5) ? (d + (rng.chance(0.5) ? 1 : 9)) % 10 : rng.int(10);
  return s.slice(0, i) + String(nd) + s.slice(i + 1);
};

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

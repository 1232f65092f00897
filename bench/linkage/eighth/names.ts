// Name pools and naming rules. Pools come from data/names.txt (see SOURCES.md); the rules
// (patronymics, оглы/угли/улы, a synthetic long tail of Russian surnames) are written here.
import { readFileSync } from 'node:fs';
import { Rng, Weighted } from './rng.ts';

const DATA = new URL('./data/', import.meta.url);

export type Group =
  | 'ru'
  | 'volga'
  | 'tatar'
  | 'chechen'
  | 'ingush'
  | 'dagestan'
  | 'ossetian'
  | 'kbr'
  | 'armenian'
  | 'azeri'
  | 'kazakh'
  | 'ca'
  | 'korean'
  | 'german'
  | 'buryat'
  | 'tuvan'
  | 'yakut'
  | 'kalmyk'
  | 'altai';

export type PatroStyle = 'ovich' | 'ogly' | 'none';

interface GroupRule {
  /** Share of men of this people who carry a Russian given name / whose father did. */
  ruGiven: number;
  ruFather: number;
  /** How the patronymic is formed: Russian -ович, Turkic "X оглы", or none at all. */
  style: Partial<Record<PatroStyle, number>>;
  ogly?: string;
  /** Men of these peoples more often have brothers/cousins in the lists (big rural families). */
  family: number;
  /** Share of birth dates recorded as 1 January (documents issued without a known date). */
  janFirst: number;
}

export const GROUPS: Record<Group, GroupRule> = {
  ru: { ruGiven: 1, ruFather: 1, style: { ovich: 1 }, family: 1, janFirst: 0.002 },
  volga: { ruGiven: 1, ruFather: 1, style: { ovich: 1 }, family: 1.3, janFirst: 0.002 },
  tatar: { ruGiven: 0.15, ruFather: 0.1, style: { ovich: 1 }, family: 1.1, janFirst: 0.003 },
  chechen: { ruGiven: 0, ruFather: 0, style: { ovich: 0.96, none: 0.04 }, family: 2, janFirst: 0.06 },
  ingush: { ruGiven: 0, ruFather: 0, style: { ovich: 0.96, none: 0.04 }, family: 2, janFirst: 0.06 },
  dagestan: { ruGiven: 0.03, ruFather: 0, style: { ovich: 0.96, none: 0.04 }, family: 2, janFirst: 0.05 },
  ossetian: { ruGiven: 0, ruFather: 0, style: { ovich: 1 }, family: 1.3, janFirst: 0.005 },
  kbr: { ruGiven: 0.05, ruFather: 0, style: { ovich: 1 }, family: 1.3, janFirst: 0.01 },
  armenian: { ruGiven: 0.05, ruFather: 0, style: { ovich: 1 }, family: 1.2, janFirst: 0.01 },
  azeri: {
    ruGiven: 0.03,
    ruFather: 0,
    style: { ogly: 0.45, ovich: 0.4, none: 0.15 },
    ogly: 'оглы',
    family: 1.2,
    janFirst: 0.05,
  },
  kazakh: {
    ruGiven: 0.05,
    ruFather: 0.05,
    style: { ovich: 0.75, ogly: 0.1, none: 0.15 },
    ogly: 'улы',
    family: 1.3,
    janFirst: 0.03,
  },
  ca: {
    ruGiven: 0,
    ruFather: 0,
    style: { ovich: 0.45, ogly: 0.2, none: 0.35 },
    ogly: 'угли',
    family: 1,
    janFirst: 0.12,
  },
  korean: { ruGiven: 1, ruFather: 1, style: { ovich: 1 }, family: 1, janFirst: 0.002 },
  german: { ruGiven: 1, ruFather: 0.4, style: { ovich: 1 }, family: 1, janFirst: 0.002 },
  buryat: { ruGiven: 0.45, ruFather: 0.3, style: { ovich: 0.88, none: 0.12 }, family: 2, janFirst: 0.01 },
  tuvan: { ruGiven: 0.2, ruFather: 0, style: { ovich: 0.6, none: 0.4 }, family: 2.5, janFirst: 0.02 },
  yakut: { ruGiven: 0.55, ruFather: 0, style: { ovich: 1 }, family: 1.5, janFirst: 0.005 },
  kalmyk: { ruGiven: 0.45, ruFather: 0, style: { ovich: 0.95, none: 0.05 }, family: 1.5, janFirst: 0.005 },
  altai: { ruGiven: 0.7, ruFather: 0.85, style: { ovich: 0.95, none: 0.05 }, family: 2, janFirst: 0.005 },
};

function parsePools(text: string): Map<string, { names: string[]; exponent: number }> {
  const pools = new Map<string, { names: string[]; exponent: number }>();
  let cur: { names: string[]; exponent: number } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const [key, exp] = line.slice(1).split(/\s+/);
      cur = { names: [], exponent: Number(exp) };
      pools.set(key, cur);
      continue;
    }
    // Variant groups keep one line per group (joined by '|'); pools are flat lists.
    if (cur === pools.get('variants')) cur?.names.push(line.split(/\s+/).join('|'));
    else cur?.names.push(...line.split(/\s+/));
  }
  return pools;
}

const RAW = parsePools(['names.txt', 'roots.txt'].map((f) => readFileSync(new URL(f, DATA), 'utf8')).join('\n'));

const POOLS = new Map<string, Weighted<string>>();
for (const [key, p] of RAW)
  if (key !== 'variants' && !key.startsWith('ru.roots'))
    POOLS.set(key, Weighted.zipf([...new Set(p.names)], p.exponent));
const pool = (key: string): Weighted<string> | undefined => POOLS.get(key);

/** Russian surnames outside the top lists. Built from word roots (Бородин, Галкин, Белоусов,
 * Сосновский, Седых) and, for sheer diversity, from syllables: the real tail is very long (the
 * commonest few hundred surnames cover well under half of Russians). */
function tailSurnames(count: number): string[] {
  const rng = new Rng(0x8e1, 8);
  const roots = (key: string): string[] => RAW.get(key)?.names ?? [];
  const soft = /[жшчщйьц]$/;
  const out = new Set<string>();
  for (const r of roots('ru.roots.ov')) {
    const base = r.replace(/ь$/, '');
    out.add(base + (soft.test(r) ? 'ев' : 'ов'));
    if (rng.chance(0.15)) out.add(`${base}ин`);
    if (rng.chance(0.1) && !soft.test(r)) out.add(`${base}овский`);
  }
  for (const r of roots('ru.roots.in')) out.add(r.endsWith('ын') ? r : r + (/ц$/.test(r) ? 'ын' : 'ин'));
  for (const p of roots('ru.roots.compound')) for (const b of roots('ru.roots.body')) out.add(`${p}${b}ов`);
  for (const a of roots('ru.roots.adj')) out.add(a + (/[гкх]$/.test(a) ? 'их' : 'ых'));
  // Root-built names come first: in Zipf order they are the more frequent part of the tail.
  const rootBuilt = [...out];
  const on = 'Б В Г Д З К Л М Н П Р С Т Х Ч Ш Ж Бр Гр Кр Пр Тр Ст'.split(' ');
  const vow = 'а о у е и ы а о о е'.split(' ');
  const mid = 'б в г д з к л м н п р с т х ч ш'.split(' ');
  const end = 'к л н р т ш д х ж ньк рк шк'.split(' ');
  const suffix = new Weighted(['ов', 'ин', 'ский', 'ых', 'ников'], [55, 30, 6, 3, 6]);
  while (out.size < count) {
    let stem = rng.pick(on) + rng.pick(vow);
    if (rng.chance(0.55)) stem += rng.pick(mid) + rng.pick(vow);
    stem += rng.pick(end);
    // Russian spelling rules: no ы/я after hushing and velar consonants, -ев after soft ones.
    stem = stem.replace(/([гкхжшчщГКХЖШЧЩ])ы/g, '$1и');
    let suf = suffix.pick(rng);
    if (suf === 'ский' && /[кгхжшчщ]$/.test(stem)) suf = 'ов';
    if (suf === 'ов' && /[жшчщ]$/.test(stem)) suf = 'ев';
    if (suf === 'ых' && /[кгхжшчщ]$/.test(stem)) suf = 'их';
    out.add(stem + suf);
  }
  const shuffle = (a: string[]): string[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return [...shuffle(rootBuilt), ...shuffle([...out].slice(rootBuilt.length))];
}

const ruHead = pool('ru.surname')!;
const faker = readFileSync(new URL('surnames_faker.txt', DATA), 'utf8').split('\n').filter(Boolean);
const ruFaker = Weighted.zipf(faker, 0.3);
const ruTail = Weighted.zipf(tailSurnames(40000), 0.55);
const ukrPool = pool('ukr.surname')!;
// Ukrainian surnames are as diverse as Russian ones: a built tail (Рыженко, Гончарук, Кравчук).
const ukrTail = Weighted.zipf(
  (RAW.get('ru.roots.ov')?.names ?? []).flatMap((r) => {
    const base = r.replace(/[ьй]$/, '');
    return /[кгх]$/.test(base) ? [`${base}о`, `${base}ук`] : [`${base}енко`, `${base}ук`, `${base}чук`];
  }),
  0.5,
);

export function russianSurname(rng: Rng, ukrShare: number): string {
  if (rng.chance(ukrShare)) return (rng.chance(0.5) ? ukrPool : ukrTail).pick(rng);
  const x = rng.next();
  if (x < 0.42) return ruHead.pick(rng);
  if (x < 0.55) return ruFaker.pick(rng);
  return ruTail.pick(rng);
}

const ruGivenByCohort = [pool('ru.given.old')!, pool('ru.given.mid')!, pool('ru.given.young')!];
const ruFather = pool('ru.father')!;

// Germans and Altaians often carry Russian surnames (mixed families, Russified spellings).
const OWN_SURNAME_SHARE: Partial<Record<Group, number>> = { german: 0.75, altai: 0.6, ru: 0 };

export function surnameOf(group: Group, rng: Rng, ukrShare: number): string {
  const own = pool(`${group}.surname`);
  if (!own || !rng.chance(OWN_SURNAME_SHARE[group] ?? 1)) return russianSurname(rng, ukrShare);
  return own.pick(rng);
}

export function givenOf(group: Group, birthYear: number, rng: Rng): string {
  const own = pool(`${group}.given`);
  if (!own || rng.chance(GROUPS[group].ruGiven)) {
    return ruGivenByCohort[birthYear < 1980 ? 0 : birthYear < 1993 ? 1 : 2].pick(rng);
  }
  return own.pick(rng);
}

export function fatherOf(group: Group, rng: Rng): string {
  const own = pool(`${group}.father`);
  if (!own || rng.chance(GROUPS[group].ruFather)) return ruFather.pick(rng);
  return own.pick(rng);
}

const PATRO_SPECIAL: Record<string, string> = {
  Илья: 'Ильич',
  Никита: 'Никитич',
  Лука: 'Лукич',
  Фома: 'Фомич',
  Кузьма: 'Кузьмич',
  Савва: 'Саввич',
  Яков: 'Яковлевич',
  Лев: 'Львович',
  Павел: 'Павлович',
  Пётр: 'Петрович',
  Михаил: 'Михайлович',
  Данила: 'Данилович',
  Гаврила: 'Гаврилович',
  Дмитрий: 'Дмитриевич',
  Георгий: 'Георгиевич',
};

/** Russian patronymic from a father's given name, following the usual registry spelling. */
export function patronymicOf(father: string): string {
  const special = PATRO_SPECIAL[father];
  if (special) return special;
  if (father.endsWith('ий')) return `${father.slice(0, -2)}ьевич`; // Юрий → Юрьевич
  if (/[еаоуя]й$/.test(father)) return `${father.slice(0, -1)}евич`; // Сергей → Сергеевич
  if (father.endsWith('ь')) return `${father.slice(0, -1)}евич`; // Игорь → Игоревич, Наиль → Наилевич
  if (/[аяиоуеыэю]$/.test(father)) return `${father}евич`; // Муса → Мусаевич, Гаджи → Гаджиевич
  if (/[жшчщц]$/.test(father)) return `${father}евич`;
  return `${father}ович`;
}

const PATRO_CACHE = new Map<string, string>();

/** The patronymic as written in a man's passport, by the naming style of his people. Cached, so
 * that half a million men share a few hundred strings. */
export function formalPatronymic(father: string, style: PatroStyle, ogly: string | undefined): string {
  if (style === 'none') return '';
  const key = `${style}|${father}|${ogly}`;
  let p = PATRO_CACHE.get(key);
  if (p === undefined) {
    p = style === 'ogly' ? `${father} ${ogly ?? 'оглы'}` : patronymicOf(father);
    PATRO_CACHE.set(key, p);
  }
  return p;
}

// Spelling variants: every member of a group is another official spelling of the same name.
const VARIANTS = new Map<string, string[]>();
for (const line of RAW.get('variants')?.names ?? []) {
  const names = line.split('|');
  for (const n of names) VARIANTS.set(n, names);
}

export function spellingVariant(name: string, rng: Rng): string | undefined {
  const group = VARIANTS.get(name);
  if (group) {
    const others = group.filter((x) => x !== name);
    return rng.pick(others);
  }
  // Patronymics of names ending in -ий: both -ьевич and -иевич appear in documents.
  if (name.endsWith('ьевич')) return `${name.slice(0, -5)}иевич`;
  if (name.endsWith('иевич') && name !== 'Дмитриевич' && name !== 'Георгиевич') return `${name.slice(0, -5)}ьевич`;
  if (name === 'Дмитриевич') return 'Дмитревич';
  // A patronymic built from a father's name that has variants (Рашидович / Рашитович).
  const m = /^(.+?)(ович|евич)$/.exec(name);
  if (m) {
    for (const base of [m[1], `${m[1]}ь`, `${m[1]}й`]) {
      const g = VARIANTS.get(base);
      if (!g) continue;
      const v = patronymicOf(rng.pick(g.filter((x) => x !== base)));
      if (v !== name) return v;
    }
    // Fathers named Наиль, Шамиль, Камиль: Наилевич and Наильевич both occur.
    if (name.endsWith('левич')) return `${name.slice(0, -5)}льевич`;
  }
  return undefined;
}

const DIMINUTIVES = new Map<string, string[]>();
for (const line of readFileSync(new URL('diminutives.csv', DATA), 'utf8').split('\n').slice(1)) {
  const [dim, full] = line.split(',');
  if (!dim || !full) continue;
  DIMINUTIVES.set(full, [...(DIMINUTIVES.get(full) ?? []), dim]);
}
// A few the shared list lacks, common among the men in these lists.
for (const [full, dims] of [
  ['Артём', ['Тёма', 'Артёмка']],
  ['Даниил', ['Даня']],
  ['Данил', ['Даня']],
  ['Никита', ['Никитос']],
  ['Магомед', ['Мага']],
  ['Руслан', ['Руся']],
  ['Ильдар', ['Ильдарик']],
  ['Ярослав', ['Слава']],
] as const) {
  DIMINUTIVES.set(full, [...(DIMINUTIVES.get(full) ?? []), ...dims]);
}

export function diminutiveOf(given: string, rng: Rng): string | undefined {
  const d = DIMINUTIVES.get(given) ?? DIMINUTIVES.get(given.replace('ё', 'е'));
  return d ? rng.pick(d) : undefined;
}

export const CALLSIGNS = pool('callsigns')!;

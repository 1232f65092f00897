// Eleventh synthetic test-data generator for Kintrace record linkage.
//
//   npx tsx bench/linkage/eleventh/generate.ts --n 20000 --seed 42 --out DIR
//
// Writes DIR/people.csv (record_id,source,surname,given_name,patronymic,birth_date,region,unit)
// and DIR/truth.csv (record_id,person_id), and prints a summary. Written without looking at the
// engine or at the other generators; the noise model is described in README.md and every rate in
// this file is the author's own judgement.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMPOUND_ADJ,
  COMPOUND_NOUN,
  EXTRA_DIMINUTIVES,
  FORMATIONS,
  IRREGULAR_UNITS,
  MIGRATION_TARGETS,
  NAME_FORM_SURNAMES,
  NAME_VARIANTS,
  NO_SURNAME_FROM,
  POOLS,
  type PoolId,
  REGION_EXTRAS,
  type RegionExtra,
  RUSSIAN_EXTRA,
  RUSSIAN_FATHERS,
  RUSSIAN_GIVEN,
  RUSSIAN_TOP,
  STATUS_IN_UNIT_COLUMN,
  UKRAINIAN_ORIGIN,
  UNIT_TYPE_FORMS,
  type UnitType,
  YO_SURNAMES,
} from './pools.ts';
import { Rng, Weighted, zipf } from './rng.ts';
import {
  ageWord,
  declineGiven,
  declinePatronymic,
  declineSurname,
  femaleSurname,
  type GrammarCase,
  homoglyph,
  type LatinSystem,
  latin,
  POPULAR_EN,
  patronymicOf,
  phonetic,
  typo,
  ukGiven,
  ukPatronymic,
  ukSpell,
} from './text.ts';

export const HEADER = 'record_id,source,surname,given_name,patronymic,birth_date,region,unit';

// ======================================================================= static data

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const readData = (name: string): string => readFileSync(join(DATA_DIR, name), 'utf8');
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const uniq = <T>(a: T[]): T[] => [...new Set(a)];

interface Region {
  idx: number;
  iso: string;
  official: string;
  nameEn: string;
  type: string;
  fd: string;
  pop: number;
  extra: RegionExtra;
  mix: Weighted<PoolId>;
  towns: Weighted<string>;
}

const parseCsvLine = (line: string): string[] => {
  // the data files have no quoted fields
  return line.split(',');
};

const loadRegions = (): Region[] => {
  const lines = readData('regions.csv').trim().split('\n').slice(1);
  const extras = new Map(REGION_EXTRAS.map((e) => [e.iso, e]));
  return lines.map((line, idx) => {
    const [iso, nameRu, nameEn, type, fd, pop] = parseCsvLine(line);
    const extra = extras.get(iso);
    if (!extra) throw new Error(`no extra data for region ${iso}`);
    const pools = Object.entries(extra.mix) as [PoolId, number][];
    const other = pools.reduce((a, [, v]) => a + v, 0);
    const mix = Weighted.of<PoolId>([...pools, ['russian', Math.max(0, 1 - other)]]);
    const towns = new Weighted(extra.towns, zipf(extra.towns.length, 0.9));
    const official = nameRu.replace(/ \((Адыгея|Татарстан)\)$/, '');
    return { idx, iso, official, nameEn, type, fd, pop: Number(pop), extra, mix, towns };
  });
};

const REGIONS = loadRegions();
const REGION_BY_ISO = new Map(REGIONS.map((r) => [r.iso, r]));
const regionIdx = (iso: string): number => {
  const r = REGION_BY_ISO.get(iso);
  if (!r) throw new Error(`unknown region ${iso}`);
  return r.idx;
};

/** Where men on the lists come from: 2021 census population × the region's over-representation. */
const HOME_REGION = new Weighted(
  REGIONS.map((r) => r.idx),
  REGIONS.map((r) => r.pop * r.extra.factor),
);
const MIGRATION = Weighted.of(MIGRATION_TARGETS.map(([iso, w]) => [regionIdx(iso), w] as const));

// ---- Russian names

const yoMap = new Map(words(YO_SURNAMES).map((s) => [s.replace(/ё/g, 'е'), s]));
const faker250 = readData('surnames.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => parseCsvLine(l)[0])
  .map((s) => yoMap.get(s) ?? s);
const archaic = readData('male_first_names.txt').trim().split('\n');
const noSurname = new Set(words(NO_SURNAME_FROM));

const surnameFromName = (n: string): string | null => {
  if (noSurname.has(n) || /(слав|мир)$/.test(n)) return null;
  if (n === 'Дмитрий') return 'Дмитриев';
  if (n === 'Георгий') return 'Георгиев';
  if (n.endsWith('ий')) return `${n.slice(0, -2)}ьев`;
  if (/[еа]й$/.test(n)) return `${n.slice(0, -1)}ев`;
  if (/[ая]$/.test(n)) return `${n.slice(0, -1)}ин`.replace(/ьин$/, 'ьин');
  if (n.endsWith('ь')) return `${n.slice(0, -1)}ев`;
  if (/[бвгдзклмнпрстфх]$/.test(n)) return `${n}ов`;
  return null;
};

const topRanked = words(RUSSIAN_TOP);
const topSet = new Set(topRanked);
const fakerRest = (() => {
  // faker's list has no ranks: give the rest a fixed pseudo-random rank order
  const rest = faker250.filter((s) => !topSet.has(s));
  const r = new Rng(250250);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return rest;
})();
const fakerRanked = [...topRanked, ...fakerRest];
const seenSurnames = new Set(fakerRanked);
/** A fixed pseudo-random order, so that Zipf weights do not follow the alphabet. */
const fixedShuffle = (a: string[], seed: number): string[] => {
  const out = [...a];
  const r = new Rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
const freshOnly = (list: string[]): string[] => {
  const out = uniq(list).filter((s) => !seenSurnames.has(s));
  for (const s of out) seenSurnames.add(s);
  return out;
};
const extraSurnames = fixedShuffle(freshOnly(words(RUSSIAN_EXTRA)), 11);
const derivedSurnames = fixedShuffle(
  freshOnly(archaic.map(surnameFromName).filter((s): s is string => s !== null)),
  12,
);
const ukrSurnames = freshOnly(words(UKRAINIAN_ORIGIN));
const compoundSurnames = fixedShuffle(
  freshOnly(words(COMPOUND_ADJ).flatMap((a) => uniq(words(COMPOUND_NOUN)).map((b) => `${a}о${b}ов`))),
  13,
);
const nameStemSurnames = fixedShuffle(freshOnly(words(NAME_FORM_SURNAMES)), 14);

/**
 * The Russian surname pool in groups; the group is drawn first so the south can favour -енко.
 * The ranked top (faker's 250) is flattened (Zipf 0.45): Смирнов ends up near 1 % of Russian men.
 */
const RU_SURNAME_GROUPS = [
  new Weighted(fakerRanked, zipf(fakerRanked.length, 0.45)),
  new Weighted(extraSurnames, zipf(extraSurnames.length, 0.3)),
  new Weighted(derivedSurnames, zipf(derivedSurnames.length, 0.3)),
  new Weighted(compoundSurnames, zipf(compoundSurnames.length, 0.4)),
  new Weighted(nameStemSurnames, zipf(nameStemSurnames.length, 0.3)),
  new Weighted(ukrSurnames, zipf(ukrSurnames.length, 0.3)),
];
const RU_GROUP_MASS = [0.36, 0.24, 0.15, 0.08, 0.09, 0.08];
const UKR_GROUP = RU_SURNAME_GROUPS.length - 1;

const parseWeighted = (s: string, col: number): Weighted<string> => {
  const pairs = words(s).map((w) => {
    const parts = w.split(':');
    return [parts[0], Number(parts[col])] as const;
  });
  return Weighted.of(pairs);
};

const RU_GIVEN_OLD_PAIRS = words(RUSSIAN_GIVEN).map((w) => w.split(':'));
const knownGiven = new Set(RU_GIVEN_OLD_PAIRS.map((p) => p[0].replace(/ё/g, 'е')));
const tailGiven = archaic.filter((n) => !knownGiven.has(n) && !noSurname.has(n));
const givenWeighted = (col: number): Weighted<string> =>
  Weighted.of([
    ...RU_GIVEN_OLD_PAIRS.map((p) => [p[0], Number(p[col])] as const),
    ...tailGiven.map((n) => [n, 0.03] as const),
  ]);
const RU_GIVEN_OLD = givenWeighted(1);
const RU_GIVEN_YOUNG = givenWeighted(2);
const RU_FATHERS = parseWeighted(RUSSIAN_FATHERS, 1);

interface PoolTables {
  surnames: Weighted<string>;
  given: Weighted<string>;
  fathers: Weighted<string>;
}
const POOL_TABLES = Object.fromEntries(
  Object.entries(POOLS).map(([id, def]) => {
    const s = uniq(words(def.surnames));
    const g = uniq(words(def.given));
    const f = uniq(words(def.fathers));
    return [
      id,
      {
        surnames: new Weighted(s, zipf(s.length, def.surnameS)),
        given: new Weighted(g, zipf(g.length, def.givenS)),
        fathers: new Weighted(f, zipf(f.length, def.fathersS)),
      },
    ];
  }),
) as Record<Exclude<PoolId, 'russian'>, PoolTables>;

// ---- diminutives (shared list, male rows) plus a few for non-Russian names

const DIMINUTIVES: Record<string, string[]> = { ...EXTRA_DIMINUTIVES };
for (const line of readData('diminutives.csv').trim().split('\n').slice(1)) {
  const [dim, full, gender] = parseCsvLine(line);
  if (gender !== 'm') continue;
  if (!DIMINUTIVES[full]) DIMINUTIVES[full] = [];
  DIMINUTIVES[full].push(dim);
}
DIMINUTIVES.Данил = DIMINUTIVES.Даниил;

// ======================================================================= world: units and sources

interface Unit {
  kind: 'formation' | 'regiment' | 'irregular';
  num: number;
  type: UnitType | '';
  key: string;
  garrison: number;
  vch: number;
}

interface World {
  units: Unit[];
  formationsByFd: Map<string, number[]>;
  allFormations: number[];
  regimentsByRegion: Map<number, number[]>;
  irregular: Record<string, number>;
  /** Regional sources: kind → region → instance numbers. */
  regional: Record<'news_obituary' | 'social_post' | 'memorial', number[][]>;
  courtOf: number[];
  letterOf: number[];
}

const buildWorld = (seed: number): World => {
  const rng = new Rng(seed, 7);
  const units: Unit[] = [];
  const usedVch = new Set<number>();
  const vch = (): number => {
    for (;;) {
      const v = rng.range(10000, 99999);
      if (!usedVch.has(v)) {
        usedVch.add(v);
        return v;
      }
    }
  };
  const formationsByFd = new Map<string, number[]>();
  const allFormations: number[] = [];
  for (const [num, type, iso] of FORMATIONS) {
    const garrison = regionIdx(iso);
    const i = units.push({ kind: 'formation', num, type, key: '', garrison, vch: vch() }) - 1;
    allFormations.push(i);
    const fd = REGIONS[garrison].fd;
    if (!formationsByFd.has(fd)) formationsByFd.set(fd, []);
    formationsByFd.get(fd)?.push(i);
  }
  // regiments formed from the mobilized of each region (4-digit numbers, invented)
  const regimentsByRegion = new Map<number, number[]>();
  const usedNum = new Set<number>();
  const totalW = HOME_REGION.total;
  for (const r of REGIONS) {
    const share = (r.pop * r.extra.factor) / totalW;
    const count = Math.min(3, Math.max(share > 0.004 ? 1 : 0, Math.round(share * 60)));
    const list: number[] = [];
    for (let k = 0; k < count; k++) {
      let num = rng.range(1001, 1499);
      while (usedNum.has(num)) num = rng.range(1001, 1499);
      usedNum.add(num);
      list.push(units.push({ kind: 'regiment', num, type: 'мсп', key: '', garrison: r.idx, vch: vch() }) - 1);
    }
    regimentsByRegion.set(r.idx, list);
  }
  const irregular: Record<string, number> = {};
  const irrGarrison: Record<string, string> = {
    wagner: 'RU-KDA',
    stormz: 'RU-ROS',
    stormv: 'RU-ROS',
    bars: 'RU-ROS',
    akhmat: 'RU-CE',
  };
  for (const key of Object.keys(IRREGULAR_UNITS)) {
    irregular[key] =
      units.push({ kind: 'irregular', num: 0, type: '', key, garrison: regionIdx(irrGarrison[key]), vch: vch() }) - 1;
  }
  // source instances: a few national lists per kind, regional outlets for news, posts and memorial books
  let next = 1;
  const regional = { news_obituary: [], social_post: [], memorial: [] } as World['regional'];
  for (const kind of ['news_obituary', 'social_post', 'memorial'] as const) {
    next = 1;
    for (const r of REGIONS) {
      const share = (r.pop * r.extra.factor) / totalW;
      const outlets =
        kind === 'memorial'
          ? 1
          : kind === 'social_post'
            ? 1 + Math.min(3, Math.floor(share * 100))
            : 1 + Math.min(5, Math.floor(share * 150));
      const ids: number[] = [];
      for (let k = 0; k < outlets; k++) ids.push(next++);
      regional[kind].push(ids);
    }
  }
  const courtOf = REGIONS.map((r) => r.idx + 1);
  const letterOf = REGIONS.map((r) => r.idx + 1);
  return { units, formationsByFd, allFormations, regimentsByRegion, irregular, regional, courtOf, letterOf };
};

// ======================================================================= people

type Fate = 'dead' | 'missing_then_dead' | 'missing' | 'captured' | 'refuser';
type Service = 'contract' | 'mobilized' | 'convict' | 'volunteer' | 'conscript' | 'unknown';

interface Person {
  pid: number;
  pool: PoolId;
  invariant: boolean;
  surname: string;
  given: string;
  father: string;
  patr: string;
  by: number;
  bm: number;
  bd: number;
  home: number;
  town: string;
  resid: number;
  service: Service;
  unit: number;
  unit2: number;
  fate: Fate;
  ey: number;
  em: number;
  ed: number;
}

const FATES = Weighted.of<Fate>([
  ['dead', 0.6],
  ['missing_then_dead', 0.08],
  ['missing', 0.12],
  ['captured', 0.1],
  ['refuser', 0.1],
]);

const SERVICE = Weighted.of<Service>([
  ['contract', 0.38],
  ['mobilized', 0.3],
  ['convict', 0.12],
  ['volunteer', 0.12],
  ['conscript', 0.03],
  ['unknown', 0.05],
]);

const EVENT_YEAR = Weighted.of([
  [2022, 0.15],
  [2023, 0.3],
  [2024, 0.35],
  [2025, 0.2],
]);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number): number => (m === 2 && y % 4 === 0 ? 29 : DAYS_IN_MONTH[m - 1]);

const birthYearFor = (s: Service, rng: Rng): number => {
  switch (s) {
    case 'contract':
      return Math.round(rng.triangular(1970, 1996, 2005));
    case 'mobilized':
      return Math.round(rng.triangular(1966, 1988, 2003));
    case 'convict':
      return Math.round(rng.triangular(1964, 1986, 2003));
    case 'volunteer':
      return Math.round(rng.triangular(1960, 1983, 2004));
    case 'conscript':
      return rng.range(2002, 2006);
    default:
      return Math.round(rng.triangular(1964, 1990, 2005));
  }
};

class People {
  private nextPid = 1;
  constructor(
    private readonly rng: Rng,
    private readonly world: World,
  ) {}

  private pickSurname(pool: PoolId, home: number): string {
    const rng = this.rng;
    if (pool !== 'russian') return POOL_TABLES[pool].surnames.pick(rng);
    const ukr = REGIONS[home].extra.ukr ?? 1;
    let tot = 0;
    for (let g = 0; g < RU_GROUP_MASS.length; g++) tot += RU_GROUP_MASS[g] * (g === UKR_GROUP ? ukr : 1);
    let x = rng.next() * tot;
    for (let g = 0; g < RU_GROUP_MASS.length; g++) {
      const m = RU_GROUP_MASS[g] * (g === UKR_GROUP ? ukr : 1);
      if (x < m) return RU_SURNAME_GROUPS[g].pick(rng);
      x -= m;
    }
    return RU_SURNAME_GROUPS[0].pick(rng);
  }

  pickGiven(pool: PoolId, by: number): string {
    const rng = this.rng;
    const ru = by < 1985 ? RU_GIVEN_OLD : RU_GIVEN_YOUNG;
    if (pool === 'russian' || rng.chance(POOLS[pool].russianGiven)) return ru.pick(rng);
    return POOL_TABLES[pool].given.pick(rng);
  }

  private pickFather(pool: PoolId): string {
    const rng = this.rng;
    if (pool === 'russian' || rng.chance(POOLS[pool].russianFather)) return RU_FATHERS.pick(rng);
    return POOL_TABLES[pool].fathers.pick(rng);
  }

  private pickUnit(service: Service, home: number, pool: PoolId, ey: number): number {
    const rng = this.rng;
    const w = this.world;
    const localFormation = (): number => {
      const fd = w.formationsByFd.get(REGIONS[home].fd);
      return fd && fd.length > 0 && rng.chance(0.55) ? rng.pick(fd) : rng.pick(w.allFormations);
    };
    switch (service) {
      case 'contract':
      case 'conscript':
        return localFormation();
      case 'mobilized': {
        const regs = w.regimentsByRegion.get(home) ?? [];
        return regs.length > 0 && rng.chance(0.65) ? rng.pick(regs) : localFormation();
      }
      case 'convict':
        return ey <= 2022 || (ey === 2023 && rng.chance(0.5)) ? w.irregular.wagner : w.irregular.stormz;
      case 'volunteer':
        if (pool === 'chechen' && rng.chance(0.85)) return w.irregular.akhmat;
        if (rng.chance(0.1)) return w.irregular.akhmat;
        return rng.chance(0.65) ? w.irregular.bars : localFormation();
      default:
        return -1;
    }
  }

  /** A new, unrelated man. */
  fresh(): Person {
    const rng = this.rng;
    const home = HOME_REGION.pick(rng);
    const pool = REGIONS[home].mix.pick(rng);
    const service = SERVICE.pick(rng);
    const ey = EVENT_YEAR.pick(rng);
    const em = ey === 2022 ? rng.range(3, 12) : rng.range(1, 12);
    const ed = rng.range(1, daysIn(ey, em));
    let by = birthYearFor(service, rng);
    if (ey - by < 18) by = ey - 18 - rng.int(2);
    const bm = rng.range(1, 12);
    const bd = rng.range(1, daysIn(by, bm));
    const noPatr = pool !== 'russian' && rng.chance(POOLS[pool].noPatronymic);
    const father = noPatr ? '' : this.pickFather(pool);
    const unit = this.pickUnit(service, home, pool, ey);
    let unit2 = -1;
    if (unit >= 0 && rng.chance(0.12)) {
      unit2 = service === 'convict' ? this.world.irregular.stormv : rng.pick(this.world.allFormations);
      if (unit2 === unit) unit2 = -1;
    }
    return {
      pid: this.nextPid++,
      pool,
      invariant: pool !== 'russian' && POOLS[pool].surnameInvariant === true,
      surname: this.pickSurname(pool, home),
      given: this.pickGiven(pool, by),
      father,
      patr: father ? patronymicOf(father) : '',
      by,
      bm,
      bd,
      home,
      town: REGIONS[home].towns.pick(rng),
      resid: rng.chance(0.1) ? MIGRATION.pick(rng) : -1,
      service,
      unit,
      unit2,
      fate: FATES.pick(rng),
      ey,
      em,
      ed,
    };
  }

  /** A relative of `base`: same surname, region and usually town; the caller adjusts the rest. */
  relative(base: Person): Person {
    const p = this.fresh();
    p.pool = base.pool;
    p.invariant = base.invariant;
    p.surname = base.surname;
    p.home = base.home;
    p.town = this.rng.chance(0.85) ? base.town : p.town;
    p.resid = this.rng.chance(0.5) ? base.resid : p.resid;
    return p;
  }

  brother(base: Person, twin: boolean): Person {
    const rng = this.rng;
    const p = this.relative(base);
    p.father = base.father;
    p.patr = base.patr;
    if (twin) {
      p.by = base.by;
      p.bm = base.bm;
      p.bd = base.bd;
    } else {
      const gap = rng.range(1, 12) * (rng.chance(0.5) ? 1 : -1);
      p.by = Math.min(base.ey - 18, base.by + gap);
      p.bd = Math.min(p.bd, daysIn(p.by, p.bm));
    }
    // brothers never share a given name; twins' names are often alike
    for (let k = 0; k < 20 && p.given === base.given; k++) p.given = this.pickGiven(p.pool, p.by);
    if (twin && rng.chance(0.3)) {
      const alike: Record<string, string> = {
        Александр: 'Алексей',
        Алексей: 'Александр',
        Сергей: 'Андрей',
        Андрей: 'Сергей',
        Даниил: 'Дмитрий',
        Дмитрий: 'Даниил',
        Роман: 'Руслан',
        Руслан: 'Роман',
      };
      if (alike[base.given]) p.given = alike[base.given];
    }
    if (rng.chance(0.4)) {
      p.service = base.service;
      p.unit = base.unit;
      p.unit2 = -1;
      p.fate = base.fate;
      p.ey = base.ey;
      p.em = base.em;
      p.ed = base.ed;
    }
    return p;
  }

  /** Father and son: the son's patronymic comes from the father's given name; sometimes the same given name. */
  fatherAndSon(): [Person, Person] {
    const rng = this.rng;
    const son = this.fresh();
    if (son.by < 1988) son.by = rng.range(1988, 2003);
    son.bd = Math.min(son.bd, daysIn(son.by, son.bm));
    const father = this.relative(son);
    father.by = Math.max(1958, son.by - rng.range(19, 32));
    father.bd = Math.min(father.bd, daysIn(father.by, father.bm));
    father.given = this.pickFather(son.pool);
    if (son.pool === 'russian' && rng.chance(0.12)) {
      // named after his father: Сергей Сергеевич
      son.given = father.given;
    } else if (son.pool !== 'russian' && rng.chance(0.2)) {
      son.given = father.given;
    }
    son.father = father.given;
    son.patr = patronymicOf(father.given);
    if (rng.chance(0.35)) {
      father.service = son.service === 'conscript' ? 'volunteer' : son.service;
      father.unit = son.unit;
    }
    return [father, son];
  }
}

// ======================================================================= list kinds and their habits

export const KINDS = [
  'family_request',
  'news_obituary',
  'social_post',
  'rights_table',
  'ua_list',
  'exchange_list',
  'court_record',
  'official_letter',
  'memorial',
] as const;
export type Kind = (typeof KINDS)[number];

const NATIONAL_INSTANCES: Partial<Record<Kind, number>> = {
  family_request: 12,
  rights_table: 9,
  ua_list: 7,
  exchange_list: 5,
};

const KIND_BY_FATE: Record<Fate, Weighted<Kind>> = {
  dead: Weighted.of<Kind>([
    ['news_obituary', 0.3],
    ['social_post', 0.18],
    ['memorial', 0.1],
    ['rights_table', 0.14],
    ['family_request', 0.06],
    ['official_letter', 0.08],
    ['ua_list', 0.1],
    ['exchange_list', 0.04],
  ]),
  missing_then_dead: Weighted.of<Kind>([
    ['news_obituary', 0.18],
    ['social_post', 0.15],
    ['memorial', 0.05],
    ['rights_table', 0.18],
    ['family_request', 0.22],
    ['official_letter', 0.09],
    ['ua_list', 0.09],
    ['exchange_list', 0.04],
  ]),
  missing: Weighted.of<Kind>([
    ['family_request', 0.38],
    ['rights_table', 0.22],
    ['social_post', 0.12],
    ['official_letter', 0.1],
    ['ua_list', 0.1],
    ['news_obituary', 0.05],
    ['exchange_list', 0.03],
  ]),
  captured: Weighted.of<Kind>([
    ['ua_list', 0.32],
    ['family_request', 0.22],
    ['exchange_list', 0.2],
    ['rights_table', 0.14],
    ['news_obituary', 0.06],
    ['social_post', 0.04],
    ['official_letter', 0.02],
  ]),
  refuser: Weighted.of<Kind>([
    ['court_record', 0.38],
    ['rights_table', 0.3],
    ['family_request', 0.14],
    ['news_obituary', 0.1],
    ['social_post', 0.05],
    ['official_letter', 0.03],
  ]),
};

const RECORDS_BY_FATE: Record<Fate, Weighted<number>> = {
  dead: new Weighted([1, 2, 3, 4, 5, 6, 7, 8], [0.4, 0.27, 0.15, 0.09, 0.05, 0.02, 0.01, 0.01]),
  missing_then_dead: new Weighted([1, 2, 3, 4, 5, 6, 7], [0.2, 0.3, 0.22, 0.13, 0.08, 0.04, 0.03]),
  missing: new Weighted([1, 2, 3, 4, 5], [0.45, 0.28, 0.14, 0.08, 0.05]),
  captured: new Weighted([1, 2, 3, 4, 5, 6, 7], [0.28, 0.27, 0.2, 0.12, 0.07, 0.04, 0.02]),
  refuser: new Weighted([1, 2, 3, 4], [0.55, 0.28, 0.12, 0.05]),
};

type BirthMode = 'full' | 'year' | 'age' | 'range' | 'none';
type DateFormat = 'dmy' | 'dmy_short' | 'dmy_yy' | 'iso' | 'text' | 'mdy' | 'dmy_slash';
type Script = 'ru' | 'uk' | LatinSystem;

interface Profile {
  /** patronymic column filled at all */
  patr: number;
  /** of those filled, written as an initial */
  patrInitial: number;
  /** given name and patronymic as initials only */
  initials: number;
  dimin: number;
  variant: number;
  oneCell: number;
  swap: number;
  declined: number;
  female: number;
  typo: number;
  phonetic: number;
  yoKeep: number;
  upper: number;
  lower: number;
  homoglyph: number;
  space: number;
  birth: Weighted<BirthMode>;
  dateFormats: Weighted<DateFormat>;
  bdSwap: number;
  bdDigit: number;
  bdYearOff: number;
  bdDeath: number;
  region: number;
  town: number;
  unit: number;
  unitTypo: number;
}

const bw = (full: number, year: number, age: number, range: number, none: number): Weighted<BirthMode> =>
  Weighted.of<BirthMode>([
    ['full', full],
    ['year', year],
    ['age', age],
    ['range', range],
    ['none', none],
  ]);
const df = (pairs: [DateFormat, number][]): Weighted<DateFormat> => Weighted.of(pairs);

const BASE: Profile = {
  patr: 0.9,
  patrInitial: 0.03,
  initials: 0,
  dimin: 0,
  variant: 0.15,
  oneCell: 0,
  swap: 0,
  declined: 0,
  female: 0,
  typo: 0.03,
  phonetic: 0.03,
  yoKeep: 0.2,
  upper: 0,
  lower: 0,
  homoglyph: 0,
  space: 0.01,
  birth: bw(1, 0, 0, 0, 0),
  dateFormats: df([['dmy', 1]]),
  bdSwap: 0,
  bdDigit: 0.02,
  bdYearOff: 0.01,
  bdDeath: 0,
  region: 0.9,
  town: 0.2,
  unit: 0.3,
  unitTypo: 0.03,
};

const PROFILES: Record<Kind, Profile> = {
  family_request: {
    ...BASE,
    patr: 0.85,
    patrInitial: 0.04,
    dimin: 0.07,
    variant: 0.25,
    oneCell: 0.06,
    swap: 0.01,
    declined: 0.01,
    female: 0.025,
    typo: 0.06,
    phonetic: 0.06,
    yoKeep: 0.3,
    upper: 0.05,
    lower: 0.08,
    homoglyph: 0.004,
    space: 0.03,
    birth: bw(0.72, 0.1, 0.05, 0, 0.13),
    dateFormats: df([
      ['dmy', 0.7],
      ['dmy_short', 0.1],
      ['dmy_yy', 0.08],
      ['text', 0.12],
    ]),
    bdSwap: 0.015,
    bdDigit: 0.03,
    bdYearOff: 0.015,
    bdDeath: 0.004,
    region: 0.9,
    town: 0.35,
    unit: 0.55,
  },
  news_obituary: {
    ...BASE,
    patr: 0.45,
    patrInitial: 0.03,
    dimin: 0.01,
    variant: 0.2,
    oneCell: 0.12,
    swap: 0.03,
    declined: 0.06,
    typo: 0.03,
    phonetic: 0.03,
    yoKeep: 0.15,
    upper: 0.02,
    birth: bw(0.1, 0.2, 0.45, 0, 0.25),
    dateFormats: df([
      ['dmy', 0.6],
      ['text', 0.4],
    ]),
    bdYearOff: 0.02,
    region: 0.95,
    town: 0.3,
    unit: 0.25,
  },
  social_post: {
    ...BASE,
    patr: 0.15,
    dimin: 0.18,
    variant: 0.25,
    oneCell: 0.1,
    swap: 0.04,
    declined: 0.08,
    female: 0.01,
    typo: 0.09,
    phonetic: 0.08,
    yoKeep: 0.2,
    upper: 0.05,
    lower: 0.15,
    homoglyph: 0.004,
    space: 0.05,
    birth: bw(0.05, 0.1, 0.25, 0, 0.6),
    dateFormats: df([
      ['dmy', 0.6],
      ['dmy_short', 0.2],
      ['text', 0.2],
    ]),
    bdDigit: 0.04,
    bdYearOff: 0.03,
    region: 0.75,
    town: 0.55,
    unit: 0.1,
  },
  rights_table: {
    ...BASE,
    patr: 0.7,
    patrInitial: 0.1,
    dimin: 0.02,
    variant: 0.2,
    oneCell: 0.05,
    swap: 0.02,
    declined: 0.01,
    typo: 0.04,
    phonetic: 0.04,
    yoKeep: 0.1,
    upper: 0.05,
    lower: 0.02,
    homoglyph: 0.015,
    space: 0.04,
    birth: bw(0.5, 0.2, 0.03, 0, 0.27),
    dateFormats: df([
      ['dmy', 0.5],
      ['iso', 0.5],
    ]),
    bdSwap: 0.01,
    bdDigit: 0.03,
    bdYearOff: 0.02,
    bdDeath: 0.006,
    region: 0.85,
    town: 0.2,
    unit: 0.5,
  },
  ua_list: {
    ...BASE,
    patr: 0.8,
    variant: 0.2,
    typo: 0.05,
    phonetic: 0.05,
    yoKeep: 0,
    upper: 0,
    space: 0.02,
    birth: bw(0.8, 0.08, 0, 0, 0.12),
    dateFormats: df([['dmy', 1]]),
    bdSwap: 0.01,
    bdDigit: 0.03,
    bdYearOff: 0.01,
    region: 0.35,
    town: 0.3,
    unit: 0.5,
    unitTypo: 0.05,
  },
  exchange_list: {
    ...BASE,
    patr: 0.95,
    variant: 0.1,
    typo: 0.02,
    phonetic: 0.03,
    yoKeep: 0.1,
    upper: 0.2,
    birth: bw(0.9, 0, 0, 0, 0.1),
    dateFormats: df([['dmy', 1]]),
    bdDigit: 0.02,
    region: 0.3,
    town: 0.2,
    unit: 0.3,
  },
  court_record: {
    ...BASE,
    patr: 0.9,
    initials: 0.55,
    variant: 0.1,
    typo: 0.02,
    phonetic: 0.02,
    yoKeep: 0.3,
    birth: bw(0.2, 0.35, 0, 0, 0.45),
    dateFormats: df([['dmy', 1]]),
    region: 0.9,
    town: 0.4,
    unit: 0.6,
  },
  official_letter: {
    ...BASE,
    patr: 0.98,
    variant: 0.05,
    typo: 0.015,
    phonetic: 0.01,
    yoKeep: 0.4,
    upper: 0.15,
    birth: bw(0.95, 0.02, 0, 0, 0.03),
    dateFormats: df([
      ['dmy', 0.9],
      ['iso', 0.1],
    ]),
    bdDigit: 0.01,
    bdYearOff: 0.005,
    region: 0.95,
    town: 0.15,
    unit: 0.95,
    unitTypo: 0.01,
  },
  memorial: {
    ...BASE,
    patr: 0.8,
    variant: 0.1,
    typo: 0.02,
    phonetic: 0.02,
    yoKeep: 0.35,
    birth: bw(0.25, 0.25, 0, 0.45, 0.05),
    dateFormats: df([
      ['dmy', 0.8],
      ['text', 0.2],
    ]),
    region: 0.95,
    town: 0.3,
    unit: 0.3,
  },
};

/** Conventions that hold for a whole list, not just one row. */
interface SourceStyle {
  script: Script;
  upper: boolean;
  oneCell: boolean;
  dateFormat: DateFormat | null;
  latinSurnameUpper: boolean;
}

const styleFor = (kind: Kind, inst: number, seed: number): SourceStyle => {
  const r = new Rng(seed, 1000 + KINDS.indexOf(kind) * 1000 + inst);
  const s: SourceStyle = { script: 'ru', upper: false, oneCell: false, dateFormat: null, latinSurnameUpper: false };
  if (kind === 'ua_list') {
    // lists 1-3 in Ukrainian Cyrillic, 4-5 in Ukrainian-based Latin, 6-7 in Russian-based Latin
    s.script = inst <= 3 ? 'uk' : inst <= 5 ? 'ua' : inst === 6 ? 'icao' : 'bgn';
    s.upper = s.script === 'uk' && r.chance(0.3);
    s.latinSurnameUpper = s.script !== 'uk' && r.chance(0.6);
    s.dateFormat = s.script === 'bgn' ? 'mdy' : s.script === 'uk' ? 'dmy' : r.chance(0.5) ? 'iso' : 'dmy_slash';
  } else if (kind === 'rights_table') {
    if (inst === 9) {
      s.script = 'popular';
      s.dateFormat = 'iso';
    } else {
      s.oneCell = r.chance(0.35);
      s.upper = r.chance(0.25);
      s.dateFormat = r.chance(0.5) ? 'iso' : 'dmy';
    }
  } else if (kind === 'exchange_list') {
    s.upper = r.chance(0.4);
  }
  return s;
};

// ======================================================================= record rendering

type Stats = Map<string, number>;
const bump = (stats: Stats, key: string): void => {
  stats.set(key, (stats.get(key) ?? 0) + 1);
};

const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const pad2 = (x: number): string => (x < 10 ? `0${x}` : String(x));

const formatDate = (y: number, m: number, d: number, f: DateFormat, rng: Rng): string => {
  switch (f) {
    case 'dmy':
      return `${pad2(d)}.${pad2(m)}.${y}`;
    case 'dmy_short':
      return `${d}.${m}.${y}`;
    case 'dmy_yy':
      return `${pad2(d)}.${pad2(m)}.${pad2(y % 100)}`;
    case 'iso':
      return `${y}-${pad2(m)}-${pad2(d)}`;
    case 'text':
      return `${d} ${MONTHS_GEN[m - 1]} ${y}${rng.chance(0.3) ? ' г.р.' : rng.chance(0.3) ? ' г.' : ''}`;
    case 'mdy':
      return `${pad2(m)}/${pad2(d)}/${y}`;
    case 'dmy_slash':
      return `${pad2(d)}/${pad2(m)}/${y}`;
  }
};

const ageAt = (p: Person, y: number, m: number, d: number): number => {
  let a = y - p.by;
  if (m < p.bm || (m === p.bm && d < p.bd)) a--;
  return a;
};

const renderBirth = (p: Person, prof: Profile, style: SourceStyle, script: Script, rng: Rng, st: Stats): string => {
  const mode = prof.birth.pick(rng);
  if (mode === 'none') {
    bump(st, 'birth_missing');
    return '';
  }
  let y = p.by;
  let m = p.bm;
  let d = p.bd;
  if (mode !== 'age' && rng.chance(prof.bdYearOff)) {
    y += rng.chance(0.5) ? 1 : -1;
    bump(st, 'birth_year_off_by_one');
  }
  if (mode === 'year') {
    bump(st, 'birth_year_only');
    const r = rng.next();
    return r < 0.55 ? String(y) : r < 0.85 ? `${y} г.р.` : `${y} г.`;
  }
  if (mode === 'range') {
    bump(st, 'birth_years_of_life');
    return `${y}${rng.chance(0.6) ? '–' : '-'}${p.ey}`;
  }
  if (mode === 'age') {
    bump(st, 'birth_age_instead');
    // the age as printed when the news came out, a little after the death; sometimes miscounted
    let a = ageAt(p, p.ey, p.em, p.ed);
    if (rng.chance(0.1)) a += rng.chance(0.5) ? 1 : -1;
    const r = rng.next();
    return r < 0.75 ? `${a} ${ageWord(a)}` : r < 0.9 ? `возраст ${a}` : `${a} г.`;
  }
  // full date
  if (rng.chance(prof.bdDeath)) {
    bump(st, 'birth_column_has_death_date');
    y = p.ey;
    m = p.em;
    d = p.ed;
  }
  if (rng.chance(prof.bdSwap) && d <= 12 && d !== m) {
    [d, m] = [m, d];
    bump(st, 'birth_day_month_swapped');
  }
  if (rng.chance(prof.bdDigit)) {
    const which = rng.int(3);
    if (which === 0) d = Math.max(1, Math.min(daysIn(y, m), d + (rng.chance(0.5) ? 1 : -1) * rng.range(1, 9)));
    else if (which === 1) m = Math.max(1, Math.min(12, m + (rng.chance(0.5) ? 1 : -1)));
    else {
      // last two digits of the year swapped (1989 → 1998) or one digit off
      const yy = y % 100;
      const swapped = y - yy + (yy % 10) * 10 + Math.floor(yy / 10);
      const plausible = swapped !== y && swapped >= 1950 && swapped <= 2007;
      y = plausible && rng.chance(0.5) ? swapped : y + (rng.chance(0.5) ? 1 : -1) * rng.range(1, 3);
      if (y > 2007) y = 2007 - rng.int(3);
    }
    d = Math.min(d, daysIn(y, m));
    bump(st, 'birth_digit_typo');
  }
  let f = style.dateFormat ?? prof.dateFormats.pick(rng);
  if (script === 'uk' && f === 'text') f = 'dmy';
  if (f !== 'dmy') bump(st, `birth_format_${f}`);
  return formatDate(y, m, d, f, rng);
};

const REGION_EN_SHORT = (r: Region): string =>
  r.nameEn
    .replace(/^Republic of /, '')
    .replace(/ Republic$/, '')
    .replace(/ Oblast$/, ' region')
    .replace(/ Krai$/, ' region');

const isPlace = (t: string): boolean => /(район|кожуун|улус)$/.test(t) || /^(с|ст|п)\. /.test(t);

const renderTown = (t: string, rng: Rng): string => {
  if (isPlace(t)) return rng.chance(0.3) ? t.replace(/ район$/, ' р-н') : t;
  return rng.chance(0.5) ? `г. ${t}` : t;
};

const renderRegionName = (r: Region, rng: Rng, st: Stats): string => {
  const x = rng.next();
  const alt = r.extra.alt;
  if (x < 0.35) return r.official;
  if (x < 0.75 && alt.length > 0) {
    // the first alternative is the everyday short name; the others (old names, nicknames) are rarer
    const a = alt.length === 1 || rng.chance(0.8) ? alt[0] : rng.pick(alt.slice(1));
    if (a !== r.official) bump(st, 'region_other_name');
    return a;
  }
  if (x < 0.85 && (r.type === 'oblast' || r.type === 'krai')) {
    bump(st, 'region_other_name');
    return r.official.replace(/ область/, ' обл.').replace(/ край$/, rng.chance(0.5) ? ' кр.' : ' край');
  }
  if (x < 0.93 && r.extra.abbr.length > 0) {
    bump(st, 'region_abbreviation');
    return rng.pick(r.extra.abbr);
  }
  return alt.length > 0 && rng.chance(0.5) ? alt[0] : r.official;
};

const ukRegion = (s: string): string => ukSpell(s).replace(/ская/g, 'ська').replace(/цкая/g, 'цька');

const renderRegion = (
  p: Person,
  kind: Kind,
  prof: Profile,
  script: Script,
  world: World,
  rng: Rng,
  st: Stats,
  outletRegion: number,
): string => {
  if (!rng.chance(prof.region)) {
    bump(st, 'region_missing');
    return '';
  }
  // which region the list names
  let target = p.home;
  const garrison = p.unit >= 0 ? world.units[p.unit].garrison : -1;
  switch (kind) {
    case 'news_obituary':
    case 'social_post':
    case 'memorial':
      target = outletRegion;
      break;
    case 'court_record':
      target = garrison >= 0 && rng.chance(0.75) ? garrison : p.home;
      break;
    case 'family_request':
      if (p.resid >= 0 && rng.chance(0.3)) target = p.resid;
      break;
    case 'rights_table':
      if (rng.chance(0.12)) target = p.resid >= 0 ? p.resid : garrison >= 0 ? garrison : p.home;
      break;
    case 'official_letter':
      if (p.resid >= 0 && rng.chance(0.2)) target = p.resid;
      break;
    default:
      break;
  }
  if (target !== p.home) bump(st, 'region_not_home');
  const r = REGIONS[target];
  if (script !== 'ru') {
    if (script === 'uk') {
      bump(st, 'region_ukrainian');
      return ukRegion(rng.chance(0.5) ? r.official : (r.extra.alt[0] ?? r.official));
    }
    bump(st, 'region_english');
    return rng.chance(0.5) ? r.nameEn : REGION_EN_SHORT(r);
  }
  if (rng.chance(prof.town)) {
    const town = target === p.home ? p.town : r.extra.towns[0];
    bump(st, 'region_as_town');
    const tx = rng.next();
    if (tx < 0.6) return renderTown(town, rng);
    bump(st, 'region_town_and_region');
    const reg = renderRegionName(r, rng, st);
    return tx < 0.85 ? `${renderTown(town, rng)}, ${reg}` : `${reg}, ${renderTown(town, rng)}`;
  }
  return renderRegionName(r, rng, st);
};

const SUBUNITS = [
  '1 мсб',
  '2 мсб',
  '3 мсб',
  '1 рота',
  '2 рота',
  '3 рота',
  '4 рота',
  'штурмовая рота',
  'взвод связи',
  'разведрота',
  'минометная батарея',
];

const vchTypo = (v: number, rng: Rng): string => {
  const s = String(v).split('');
  const i = rng.int(s.length - 1);
  if (rng.chance(0.5)) [s[i], s[i + 1]] = [s[i + 1], s[i]];
  else s[i + 1] = String((Number(s[i + 1]) + rng.range(1, 9)) % 10);
  return s.join('');
};

const renderUnit = (
  p: Person,
  kind: Kind,
  prof: Profile,
  script: Script,
  world: World,
  rng: Rng,
  st: Stats,
): string => {
  if (p.unit < 0 || !rng.chance(prof.unit)) {
    if (p.unit >= 0) bump(st, 'unit_missing');
    if (p.unit < 0 && (kind === 'family_request' || kind === 'rights_table') && rng.chance(0.2)) {
      bump(st, 'unit_status_text');
      return rng.pick(STATUS_IN_UNIT_COLUMN);
    }
    return '';
  }
  if (rng.chance(0.04) && kind !== 'official_letter') {
    bump(st, 'unit_status_text');
    return p.service === 'mobilized' ? rng.pick(['мобилизованный', 'мобилизован']) : rng.pick(STATUS_IN_UNIT_COLUMN);
  }
  let ui = p.unit;
  if (p.unit2 >= 0 && rng.chance(0.4)) {
    ui = p.unit2;
    bump(st, 'unit_second_unit');
  }
  const u = world.units[ui];
  const latinScript = script !== 'ru' && script !== 'uk';
  if (u.kind === 'irregular') {
    const forms = IRREGULAR_UNITS[u.key];
    const latinForms = forms.filter((f) => /^[A-Za-z]/.test(f));
    if (latinScript && latinForms.length > 0) return rng.pick(latinForms);
    return rng.pick(forms.filter((f) => !/^[A-Za-z]/.test(f)));
  }
  let vch = String(u.vch);
  if (rng.chance(prof.unitTypo)) {
    vch = vchTypo(u.vch, rng);
    bump(st, 'unit_number_typo');
  }
  const forms = UNIT_TYPE_FORMS[u.type as UnitType];
  const byNumber = (): string => {
    bump(st, 'unit_as_vch');
    if (latinScript) return rng.chance(0.6) ? `military unit ${vch}` : `MU ${vch}`;
    if (kind === 'court_record') return rng.chance(0.7) ? `войсковой части ${vch}` : `в/ч ${vch}`;
    const x = rng.next();
    return x < 0.6 ? `в/ч ${vch}` : x < 0.75 ? `войсковая часть ${vch}` : x < 0.9 ? `вч ${vch}` : `в/ч-${vch}`;
  };
  const byName = (): string => {
    const x = rng.next();
    if (latinScript) {
      bump(st, 'unit_as_name');
      return `${u.num} ${forms.abbr[0]}`.replace(/[А-Яа-яЁё]+/g, (w) => latin(w, 'bgn'));
    }
    if (x < 0.5) {
      bump(st, 'unit_as_abbreviation');
      return `${u.num} ${rng.pick(forms.abbr)}`;
    }
    bump(st, 'unit_as_name');
    const pat = x < 0.8 ? forms.news : forms.long;
    return pat.replace('{n}', String(u.num));
  };
  let out: string;
  switch (kind) {
    case 'official_letter':
    case 'court_record':
      out = rng.chance(0.9) ? byNumber() : byName();
      break;
    case 'news_obituary':
    case 'social_post':
    case 'memorial':
      out = rng.chance(0.15) ? byNumber() : byName();
      break;
    default:
      out = rng.chance(0.55) ? byNumber() : byName();
  }
  if (kind !== 'official_letter' && !latinScript && rng.chance(0.08)) {
    bump(st, 'unit_with_subunit');
    out = `${rng.pick(SUBUNITS)}, ${out}`;
  }
  return out;
};

const initial = (s: string): string => (s ? `${s[0].toUpperCase()}.` : '');

const CASES: GrammarCase[] = ['gen', 'gen', 'gen', 'dat', 'ins'];

interface NameParts {
  s: string;
  g: string;
  p: string;
}

const renderName = (per: Person, prof: Profile, style: SourceStyle, rng: Rng, st: Stats): NameParts => {
  let s = per.surname;
  let g = per.given;
  let p = per.patr;
  const script = style.script;
  // other legitimate spellings of the same name (documents vs. family vs. volunteers)
  const sv = NAME_VARIANTS[s];
  if (sv && rng.chance(prof.variant)) {
    s = rng.pick(sv);
    bump(st, 'name_spelling_variant');
  }
  const gv = NAME_VARIANTS[g];
  if (gv && rng.chance(prof.variant)) {
    g = rng.pick(gv);
    bump(st, 'name_spelling_variant');
  }
  if (per.father === 'Рашит' || per.father === 'Фарит' || per.father === 'Ринат') {
    if (rng.chance(prof.variant)) {
      p = p.replace(/тович$/, 'дович').replace(/^Ринатович$/, 'Ренатович');
      bump(st, 'name_spelling_variant');
    }
  }
  if (p.includes('ьевич') && rng.chance(0.05)) {
    p = p.replace('ьевич', 'иевич');
    bump(st, 'name_spelling_variant');
  }
  const dims = DIMINUTIVES[g];
  if (dims && rng.chance(prof.dimin)) {
    g = rng.pick(dims);
    bump(st, 'diminutive');
  }
  if (script === 'ru') {
    if (rng.chance(prof.female)) {
      const f = femaleSurname(s, per.invariant);
      if (f !== s) {
        s = f;
        bump(st, 'female_surname_form');
      }
    }
    if (rng.chance(prof.declined)) {
      const c = rng.pick(CASES);
      const s2 = declineSurname(s, c);
      const g2 = declineGiven(g, c);
      if (s2 !== s || g2 !== g) bump(st, `declined_${c}`);
      s = s2;
      g = g2;
      p = declinePatronymic(p, c);
    }
    if (!rng.chance(prof.yoKeep) && (s + g + p).includes('ё')) {
      s = s.replace(/ё/g, 'е');
      g = g.replace(/ё/g, 'е');
      p = p.replace(/ё/g, 'е');
      bump(st, 'yo_written_as_e');
    }
    if (rng.chance(prof.phonetic)) {
      const x = rng.next();
      if (x < 0.6 || (!p && x < 0.9)) {
        const r = phonetic(s, rng);
        if (r) {
          s = r;
          bump(st, 'phonetic_spelling');
        }
      } else if (x < 0.9) {
        const r = phonetic(g, rng);
        if (r) {
          g = r;
          bump(st, 'phonetic_spelling');
        }
      } else if (p) {
        const r = phonetic(p, rng);
        if (r) {
          p = r;
          bump(st, 'phonetic_spelling');
        }
      }
    }
  } else {
    // Ukrainian-side and English-language lists
    const ukS = ukSpell(s);
    const ukG = rng.chance(0.7) ? ukGiven(g) : ukSpell(g);
    const ukP = p ? (rng.chance(0.75) ? ukPatronymic(per.father, p) : ukSpell(p)) : '';
    if (script === 'uk') {
      s = ukS;
      g = ukG;
      p = ukP;
      bump(st, 'ukrainian_spelling');
    } else if (script === 'ua') {
      s = latin(ukS, 'ua');
      g = latin(ukG, 'ua');
      p = latin(ukP, 'ua');
      bump(st, 'latin_from_ukrainian');
    } else {
      const en = script === 'popular' || (script === 'bgn' && rng.chance(0.4)) ? POPULAR_EN[g] : undefined;
      s = latin(s, script === 'popular' ? 'popular' : script);
      g = en ?? latin(g, script === 'popular' ? 'popular' : script);
      p = latin(p, script === 'popular' ? 'popular' : script);
      bump(st, 'latin_from_russian');
    }
  }
  if (rng.chance(prof.typo)) {
    const x = rng.next();
    if (x < 0.55) s = typo(s, rng);
    else if (x < 0.85 || !p) g = typo(g, rng);
    else p = typo(p, rng);
    bump(st, 'typo');
  }
  // what the list keeps of the given name and patronymic
  if (p && !rng.chance(prof.patr)) {
    p = '';
    bump(st, 'patronymic_missing');
  }
  if (rng.chance(prof.initials)) {
    g = initial(g);
    p = initial(p);
    bump(st, 'initials_only');
  } else if (p && rng.chance(prof.patrInitial)) {
    p = initial(p);
    bump(st, 'patronymic_initial');
  }
  // letter case
  const latinScript = script !== 'ru' && script !== 'uk';
  if (latinScript) {
    if (style.latinSurnameUpper) s = s.toUpperCase();
  } else if (style.upper || rng.chance(prof.upper)) {
    s = s.toUpperCase();
    g = g.toUpperCase();
    p = p.toUpperCase();
    bump(st, 'upper_case');
  } else if (rng.chance(prof.lower)) {
    s = s.toLowerCase();
    g = g.toLowerCase();
    p = p.toLowerCase();
    bump(st, 'lower_case');
  }
  if (!latinScript && rng.chance(prof.homoglyph)) {
    const x = rng.next();
    const r = x < 0.6 ? homoglyph(s, rng) : homoglyph(g, rng);
    if (r) {
      if (x < 0.6) s = r;
      else g = r;
      bump(st, 'latin_lookalike_letter');
    }
  }
  // layout: the whole name in one cell, or surname and given name in each other's columns
  if (style.oneCell || rng.chance(prof.oneCell)) {
    const x = rng.next();
    let cell: string;
    if (g.length <= 2 || x < 0.65) cell = [s, g, p].filter(Boolean).join(' ');
    else if (x < 0.9) cell = [g, p, s].filter(Boolean).join(' ');
    else cell = `${s} ${initial(g)}${initial(p)}`;
    s = cell;
    g = '';
    p = '';
    bump(st, 'name_in_one_cell');
  } else if (g.length > 2 && rng.chance(prof.swap)) {
    [s, g] = [g, s];
    bump(st, 'surname_given_swapped');
  }
  if (rng.chance(prof.space)) {
    const x = rng.next();
    if (x < 0.4) s = `${s} `;
    else if (x < 0.7) s = ` ${s}`;
    else if (x < 0.85 && s.includes(' ')) s = s.replace(' ', '  ');
    else s = `${s}\u00a0`;
    bump(st, 'stray_whitespace');
  }
  return { s, g, p };
};

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

// ======================================================================= driver

export interface GenerateOptions {
  n: number;
  seed: number;
  out: string;
}

export interface GenerateResult {
  men: number;
  records: number;
  recordsPerMan: Map<number, number>;
  perKind: Map<string, number>;
  perFate: Map<string, number>;
  noise: Stats;
  families: Map<string, number>;
  namesakes: Map<string, number>;
}

/** A growable byte arena for encoded rows: no per-row JS objects survive generation. */
class Arena {
  buf: Buffer;
  len = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  push(s: string): number {
    const need = Buffer.byteLength(s);
    if (this.len + need > this.buf.length) {
      const nb = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + need + 1024));
      this.buf.copy(nb, 0, 0, this.len);
      this.buf = nb;
    }
    const at = this.len;
    this.len += this.buf.write(s, at, 'utf8');
    return at;
  }
}

class Writer {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private len = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  private room(n: number): void {
    if (this.len + n > this.buf.length) this.flush();
  }
  str(s: string): void {
    const need = Buffer.byteLength(s);
    if (need > this.buf.length) {
      this.flush();
      writeSync(this.fd, s);
      return;
    }
    this.room(need);
    this.len += this.buf.write(s, this.len, 'utf8');
  }
  bytes(src: Buffer, start: number, end: number): void {
    this.room(end - start);
    src.copy(this.buf, this.len, start, end);
    this.len += end - start;
  }
  flush(): void {
    let off = 0;
    while (off < this.len) off += writeSync(this.fd, this.buf, off, this.len - off);
    this.len = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export const generate = (opts: GenerateOptions): GenerateResult => {
  const { n, seed, out } = opts;
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const rng = new Rng(seed);
  const world = buildWorld(seed);
  const people = new People(rng, world);
  const styles = new Map<string, SourceStyle>();
  const styleOf = (kind: Kind, inst: number): SourceStyle => {
    const key = `${kind}-${inst}`;
    let s = styles.get(key);
    if (!s) {
      s = styleFor(kind, inst, seed);
      styles.set(key, s);
    }
    return s;
  };

  const arena = new Arena(Math.max(1 << 16, n * 110));
  const offs = new Uint32Array(n);
  const lens = new Uint32Array(n);
  const pids = new Uint32Array(n);
  const noise: Stats = new Map();
  const perKind = new Map<string, number>();
  const perFate = new Map<string, number>();
  const recordsPerMan = new Map<number, number>();
  const families = new Map<string, number>();
  const nameKeyCount = new Map<string, number>();
  let produced = 0;
  let men = 0;

  const emit = (per: Person): void => {
    if (produced >= n) return;
    let k = RECORDS_BY_FATE[per.fate].pick(rng);
    k = Math.min(k, n - produced);
    men++;
    recordsPerMan.set(k, (recordsPerMan.get(k) ?? 0) + 1);
    perFate.set(per.fate, (perFate.get(per.fate) ?? 0) + 1);
    const nk = `${per.surname}|${per.given}|${per.home}`;
    nameKeyCount.set(nk, (nameKeyCount.get(nk) ?? 0) + 1);
    const used = new Set<string>();
    for (let r = 0; r < k; r++) {
      // which kind of list, and which list of that kind; a list usually names a man once, so a
      // second draw of a list he is already on is mostly redrawn (what is left are real repeats:
      // a follow-up article, a spreadsheet row entered twice)
      let kind: Kind = 'rights_table';
      let inst = 1;
      let outletRegion = per.home;
      for (let attempt = 0; attempt < 4; attempt++) {
        kind = KIND_BY_FATE[per.fate].pick(rng);
        outletRegion = per.home;
        const national = NATIONAL_INSTANCES[kind];
        if (national) {
          inst = rng.range(1, national);
        } else if (kind === 'court_record') {
          const g = per.unit >= 0 ? world.units[per.unit].garrison : per.home;
          inst = world.courtOf[rng.chance(0.85) ? g : per.home];
        } else if (kind === 'official_letter') {
          inst = world.letterOf[per.resid >= 0 && rng.chance(0.2) ? per.resid : per.home];
        } else {
          outletRegion = per.resid >= 0 && rng.chance(0.25) ? per.resid : per.home;
          // a few outlets cover men from another region too
          if (kind !== 'memorial' && rng.chance(0.04)) outletRegion = HOME_REGION.pick(rng);
          const ids = world.regional[kind as 'news_obituary' | 'social_post' | 'memorial'][outletRegion];
          inst = rng.pick(ids);
        }
        if (!used.has(`${kind}-${inst}`)) break;
        const keepRepeat = kind === 'news_obituary' || kind === 'social_post' ? 0.25 : 0.08;
        if (rng.chance(keepRepeat)) break;
      }
      const sourceKey = `${kind}-${inst}`;
      if (used.has(sourceKey)) bump(noise, 'same_man_twice_in_one_list');
      used.add(sourceKey);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      const prof = PROFILES[kind];
      const style = styleOf(kind, inst);
      const name = renderName(per, prof, style, rng, noise);
      const birth = renderBirth(per, prof, style, style.script, rng, noise);
      const region = renderRegion(per, kind, prof, style.script, world, rng, noise, outletRegion);
      const unit = renderUnit(per, kind, prof, style.script, world, rng, noise);
      const source = `${kind}-${String(inst).padStart(3, '0')}`;
      const row = `,${source},${csvField(name.s)},${csvField(name.g)},${csvField(name.p)},${csvField(birth)},${csvField(region)},${csvField(unit)}\n`;
      offs[produced] = arena.push(row);
      lens[produced] = arena.len - offs[produced];
      pids[produced] = per.pid;
      produced++;
    }
  };

  while (produced < n) {
    const x = rng.next();
    if (x < 0.03) {
      const base = people.fresh();
      const group = [base, people.brother(base, false)];
      if (rng.chance(0.12)) group.push(people.brother(base, false));
      families.set('brother_groups', (families.get('brother_groups') ?? 0) + 1);
      families.set('men_in_brother_groups', (families.get('men_in_brother_groups') ?? 0) + group.length);
      for (const p of group) emit(p);
    } else if (x < 0.0345) {
      const base = people.fresh();
      families.set('twin_pairs', (families.get('twin_pairs') ?? 0) + 1);
      emit(base);
      emit(people.brother(base, true));
    } else if (x < 0.0425) {
      const [father, son] = people.fatherAndSon();
      families.set('father_son_pairs', (families.get('father_son_pairs') ?? 0) + 1);
      if (father.given === son.given)
        families.set('father_son_same_given', (families.get('father_son_same_given') ?? 0) + 1);
      emit(father);
      emit(son);
    } else if (x < 0.0455) {
      // cousins: same surname, region and town, different fathers
      const base = people.fresh();
      families.set('cousin_pairs', (families.get('cousin_pairs') ?? 0) + 1);
      emit(base);
      emit(people.relative(base));
    } else {
      emit(people.fresh());
    }
  }

  // shuffle: output position j holds generated record order[j]
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const shuf = new Rng(seed, 99);
  for (let i = n - 1; i > 0; i--) {
    const j = shuf.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }

  mkdirSync(out, { recursive: true });
  const pw = new Writer(join(out, 'people.csv'));
  const tw = new Writer(join(out, 'truth.csv'));
  pw.str(`${HEADER}\n`);
  tw.str('record_id,person_id\n');
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const id = `R${j + 1}`;
    pw.str(id);
    pw.bytes(arena.buf, offs[i], offs[i] + lens[i]);
    tw.str(`${id},P${pids[i]}\n`);
  }
  pw.close();
  tw.close();

  const namesakes = new Map<string, number>();
  let groups = 0;
  let inGroups = 0;
  for (const c of nameKeyCount.values()) {
    if (c > 1) {
      groups++;
      inGroups += c;
    }
  }
  namesakes.set('surname_given_region_groups', groups);
  namesakes.set('men_in_those_groups', inGroups);
  return { men, records: produced, recordsPerMan, perKind, perFate, noise, families, namesakes };
};

// ======================================================================= summary and CLI

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;

export const formatSummary = (r: GenerateResult, opts: GenerateOptions): string => {
  const lines: string[] = [];
  lines.push(`eleventh generator: n=${opts.n} seed=${opts.seed} out=${opts.out}`);
  lines.push(`men: ${r.men}   records: ${r.records}   records per man: ${(r.records / r.men).toFixed(3)}`);
  const hist = [...r.recordsPerMan.entries()].sort((a, b) => a[0] - b[0]);
  lines.push(`  men by number of records: ${hist.map(([k, v]) => `${k}:${v}`).join('  ')}`);
  lines.push(`  fates: ${[...r.perFate.entries()].map(([k, v]) => `${k} ${v} (${pct(v, r.men)})`).join(', ')}`);
  lines.push(`hard negatives: ${[...r.families.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(
    `  namesakes (same canonical surname + given name + home region): ${[...r.namesakes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
  );
  lines.push('records per list kind:');
  for (const k of KINDS) {
    const v = r.perKind.get(k) ?? 0;
    lines.push(`  ${k.padEnd(16)} ${String(v).padStart(9)}  ${pct(v, r.records)}`);
  }
  lines.push('noise (records affected, share of all records):');
  for (const [k, v] of [...r.noise.entries()].sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${k.padEnd(32)} ${String(v).padStart(9)}  ${pct(v, r.records)}`);
  }
  return lines.join('\n');
};

const parseArgs = (argv: string[]): GenerateOptions => {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(get('n') ?? '20000');
  const seed = Number(get('seed') ?? '42');
  const out = get('out');
  if (!out) throw new Error('usage: generate.ts --n N --seed S --out DIR');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { n, seed, out };
};

export const POOL_SIZES = {
  faker: fakerRanked.length,
  extra: extraSurnames.length,
  derived: derivedSurnames.length,
  compound: compoundSurnames.length,
  nameStem: nameStemSurnames.length,
  ukrainian: ukrSurnames.length,
};

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const res = generate(opts);
  console.log(formatSummary(res, opts));
  console.log(`time: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

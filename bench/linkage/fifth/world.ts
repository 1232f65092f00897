// The world: men, their families, regions, service categories, fates and units.
import { buildNameBank, type NameBank, patronymicFor } from './names.ts';
import { patronymicOf } from './morph.ts';
import type { Eth, PatStyle } from './pools.ts';
import { type Rng, Weighted } from './prng.ts';
import { loadRegions, type Region } from './regions.ts';
import { buildUnits, type Formation, type UnitCatalogue } from './units.ts';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export type Fate = 'dead' | 'missing' | 'captured' | 'exchanged' | 'refusal' | 'wounded';
export type Category = 'contract' | 'mobilised' | 'convict' | 'volunteer' | 'conscript' | 'pmc' | 'career';
export type Relation = 'brother' | 'twin' | 'son' | 'father' | 'cousin';

export interface Person {
  id: number;
  eth: Eth;
  surname: string;
  given: string;
  fatherGiven: string;
  patronymic: string;
  patStyle: PatStyle;
  birth: YMD;
  region: number;
  /** Settlement: index into towns (>=0), -1 = capital, or district index encoded as -(2+i). */
  place: number;
  birthRegion: number;
  category: Category;
  fate: Fate;
  event: YMD;
  units: Formation[];
  subunit: string | null;
  rank: string;
  callsign: string | null;
  visibility: number;
  relativeOf: number | null;
  relation: Relation | null;
  /** Publications this man appears in, by kind (families appear together in the same piece). */
  pubs: Map<string, number[]>;
  /** The publications of the relative he was generated from. */
  anchorPubs: Map<string, number[]> | null;
}

export interface World {
  regions: Region[];
  units: UnitCatalogue;
  names: NameBank;
  regionW: Weighted<number>;
  newPerson(id: number, rng: Rng): Person;
}

const CALLSIGNS = `Кот Лис Медведь Шаман Сибиряк Малой Дед Батя Грек Цыган Скиф Север Волк Ворон Сокол Гром Барс Тайга
Байкал Кедр Фантом Призрак Док Моряк Шахтёр Лесник Дизель Мотор Танкист Ёж Бобёр Седой Рыжий Лысый Хан Самурай
Монгол Горец Абрек Тихий Кузя Братан Студент Профессор Пуля Зверь Алтай Якут Бурят Тувинец Дагестанец Татарин Башкир
Казах Чечен Уралец Камчатка Вятич Кубань Ростов Пермяк Кузбасс`.split(/\s+/);

const ETH_CALLSIGN: Partial<Record<Eth, string>> = {
  bur: 'Бурят',
  tuv: 'Тувинец',
  yak: 'Якут',
  dag: 'Дагестанец',
  tat: 'Татарин',
  bash: 'Башкир',
  kaz: 'Казах',
  vain: 'Чечен',
  alt: 'Алтай',
};

const RANKS = Weighted.of([
  ['рядовой', 55],
  ['ефрейтор', 12],
  ['младший сержант', 8],
  ['сержант', 8],
  ['старший сержант', 5],
  ['прапорщик', 3],
  ['лейтенант', 3],
  ['старший лейтенант', 3],
  ['капитан', 2],
  ['майор', 1],
] as const);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysIn(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1];
}

export function dayIndex(d: YMD): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / 86400000);
}
export function fromDayIndex(i: number): YMD {
  const dt = new Date(i * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function ageAt(birth: YMD, at: YMD): number {
  let a = at.y - birth.y;
  if (at.m < birth.m || (at.m === birth.m && at.d < birth.d)) a--;
  return a;
}

// Event months Feb 2022 .. Jun 2026, intensity by year (author's model of the war's course).
const MONTHS: { y: number; m: number }[] = [];
const MONTH_W: number[] = [];
for (let y = 2022; y <= 2026; y++) {
  for (let m = 1; m <= 12; m++) {
    if ((y === 2022 && m < 2) || (y === 2026 && m > 6)) continue;
    MONTHS.push({ y, m });
    MONTH_W.push(y === 2022 ? (m >= 9 ? 1.1 : 0.9) : y === 2023 ? 1.6 : y === 2024 ? 2.0 : y === 2025 ? 2.0 : 1.5);
  }
}
const MONTH_PICK = new Weighted(
  MONTHS.map((_, i) => i),
  MONTH_W,
);

function categoryWeights(ev: YMD): [Category, number][] {
  const t = ev.y + (ev.m - 1) / 12;
  if (t < 2022.7)
    return [
      ['career', 40],
      ['contract', 33],
      ['pmc', 12],
      ['convict', 6],
      ['volunteer', 6],
      ['conscript', 3],
    ];
  if (t < 2024)
    return [
      ['mobilised', 34],
      ['convict', 28],
      ['contract', 22],
      ['career', 5],
      ['volunteer', 6],
      ['pmc', 5],
    ];
  return [
    ['contract', 62],
    ['mobilised', 12],
    ['convict', 12],
    ['volunteer', 6],
    ['career', 4],
    ['conscript', 4],
  ];
}

const AGE: Record<Category, [number, number, number, number]> = {
  // mean, sd, min, max
  conscript: [19.5, 1, 18, 21],
  contract: [36, 9, 19, 63],
  mobilised: [35, 7, 20, 55],
  convict: [36, 8, 21, 60],
  volunteer: [42, 9, 20, 64],
  pmc: [38, 8, 21, 60],
  career: [30, 7, 19, 55],
};

function fateWeights(cat: Category): [Fate, number][] {
  const refusal =
    cat === 'mobilised' ? 12 : cat === 'contract' ? 9 : cat === 'convict' ? 4 : cat === 'conscript' ? 3 : 2;
  const captured = cat === 'conscript' ? 30 : cat === 'convict' ? 8 : 7;
  return [
    ['dead', cat === 'conscript' ? 30 : 52],
    ['missing', 20],
    ['captured', captured * 0.45],
    ['exchanged', captured * 0.55],
    ['refusal', refusal],
    ['wounded', 7],
  ];
}

const FATE_VIS: Record<Fate, number> = {
  dead: 1.2,
  missing: 1.0,
  captured: 0.95,
  exchanged: 1.1,
  refusal: 0.75,
  wounded: 0.5,
};

export function buildWorld(): World {
  const regions = loadRegions();
  const units = buildUnits(regions);
  const names = buildNameBank();
  const regionW = new Weighted(
    regions.map((_, i) => i),
    regions.map((r) => r.population * r.loss),
  );
  const ethW = regions.map((r) => Weighted.of(r.eth));
  const regularW = Weighted.zipf(units.regular, 0.3, 3);

  function pickUnits(p: Person, rng: Rng): Formation[] {
    const r = regions[p.region];
    const home = units.byHome.get(r.iso) ?? [];
    const regular = (): Formation => (home.length > 0 && rng.chance(0.35) ? rng.pick(home) : regularW.sample(rng));
    const t = p.event.y + (p.event.m - 1) / 12;
    switch (p.category) {
      case 'mobilised': {
        const mob = units.mobRegiments.get(r.iso)!;
        const first = rng.chance(0.75) ? rng.pick(mob) : regular();
        return rng.chance(0.25) ? [first, regular()] : [first];
      }
      case 'convict': {
        let f: Formation;
        if (t < 2023.5) f = rng.chance(0.7) ? units.wagner : units.stormZ;
        else if (t < 2024.5) f = rng.chance(0.5) ? units.stormZ : units.stormV;
        else f = rng.chance(0.9) ? units.stormV : units.stormZ;
        return f.kind === 'storm' && rng.chance(0.5) ? [f, regular()] : [f];
      }
      case 'pmc':
        return [units.wagner];
      case 'volunteer': {
        if (p.eth === 'vain' || rng.chance(0.12)) return [units.akhmat];
        const reg = units.regionalVolunteer.get(r.iso);
        if (reg && rng.chance(0.4)) return [rng.pick(reg)];
        return [rng.pick(units.bars)];
      }
      default: {
        if (p.eth === 'vain' && rng.chance(0.6)) return [units.akhmat];
        const first = regular();
        return rng.chance(0.2) ? [first, regular()] : [first];
      }
    }
  }

  function subunit(rng: Rng): string | null {
    if (!rng.chance(0.3)) return null;
    const x = rng.int(7);
    if (x === 0) return `${rng.range(1, 3)} мсб`;
    if (x === 1) return `${rng.range(1, 9)} рота`;
    if (x === 2) return 'штурмовая рота';
    if (x === 3) return 'разведрота';
    if (x === 4) return `${rng.range(1, 3)} бат.`;
    if (x === 5) return `${rng.range(1, 4)} взвод`;
    return `${rng.range(1, 3)} ПДБ`;
  }

  function placeFor(r: Region, rng: Rng): number {
    const x = rng.next();
    if (r.districts.length > 0 && x < 0.55) return -(2 + rng.int(r.districts.length));
    if (r.towns.length > 0 && x < 0.8) return rng.int(r.towns.length);
    return -1;
  }

  function sampleBirth(cat: Category, ev: YMD, rng: Rng): YMD {
    const [mu, sd, lo, hi] = AGE[cat];
    let age = Math.round(mu + sd * rng.normal());
    if (cat === 'conscript') age = rng.range(lo, hi);
    age = Math.min(hi, Math.max(lo, age));
    const evIdx = dayIndex(ev);
    return fromDayIndex(evIdx - age * 365 - Math.floor(age / 4) - rng.int(365));
  }

  function base(id: number, rng: Rng): Person {
    const mi = MONTHS[MONTH_PICK.sample(rng)];
    const event: YMD = { y: mi.y, m: mi.m, d: rng.range(1, daysIn(mi.y, mi.m)) };
    const category = Weighted.of(categoryWeights(event)).sample(rng);
    const region = regionW.sample(rng);
    const eth = ethW[region].sample(rng);
    const birth = sampleBirth(category, event, rng);
    const p: Person = {
      id,
      eth,
      surname: '',
      given: '',
      fatherGiven: '',
      patronymic: '',
      patStyle: 'ru',
      birth,
      region,
      place: placeFor(regions[region], rng),
      birthRegion: region,
      category,
      fate: Weighted.of(fateWeights(category)).sample(rng),
      event,
      units: [],
      subunit: subunit(rng),
      rank: category === 'convict' || category === 'conscript' ? 'рядовой' : RANKS.sample(rng),
      callsign: null,
      visibility: 0,
      relativeOf: null,
      relation: null,
      pubs: new Map(),
      anchorPubs: null,
    };
    if (rng.chance(0.1)) {
      // born elsewhere (moved for work, or born in Kazakhstan/Ukraine and written with the region he moved to)
      p.birthRegion = regionW.sample(rng);
    }
    if (p.category === 'convict' && rng.chance(0.4)) {
      // recruited in a colony of another region: some sources give that region
      p.birthRegion = p.birthRegion === p.region ? regionW.sample(rng) : p.birthRegion;
    }
    const ethKey = p.eth;
    p.surname = names.surname(ethKey, rng);
    p.given = names.given(ethKey, birth.y, rng);
    p.fatherGiven = names.father(ethKey, birth.y, rng);
    p.patStyle = names.patStyle(ethKey, rng);
    if (p.patStyle === 'uulu') p.surname = `${p.fatherGiven} уулу`;
    p.patronymic = patronymicFor(p.patStyle, p.fatherGiven);
    if (ethKey === 'ru' && rng.chance(0.004)) p.surname = `${p.surname}-${names.surname('ru', rng)}`;
    if (rng.chance(names.jan1(ethKey))) p.birth = { y: p.birth.y, m: 1, d: 1 };
    if (rng.chance(0.25))
      p.callsign = rng.chance(0.3) && ETH_CALLSIGN[ethKey] ? ETH_CALLSIGN[ethKey]! : rng.pick(CALLSIGNS);
    p.units = pickUnits(p, rng);
    return p;
  }

  function visibility(p: Person, rng: Rng): number {
    const sigma = 1.1;
    const mult =
      FATE_VIS[p.fate] * (p.rank.includes('лейтенант') || p.rank === 'капитан' || p.rank === 'майор' ? 1.6 : 1);
    return mult * Math.exp(-0.5 * sigma * sigma + sigma * rng.normal());
  }

  const recent: Person[] = [];
  const RECENT_MAX = 4096;

  function makeRelative(id: number, anchor: Person, rng: Rng): Person {
    const p = base(id, rng);
    p.relativeOf = anchor.id;
    p.anchorPubs = anchor.pubs;
    p.eth = anchor.eth;
    p.surname = anchor.surname;
    p.region = anchor.region;
    p.place = rng.chance(0.8) ? anchor.place : placeFor(regions[anchor.region], rng);
    p.birthRegion = anchor.birthRegion;
    p.patStyle = anchor.patStyle;
    const x = rng.next();
    const anchorAge = ageAt(anchor.birth, anchor.event);
    if (x < 0.55 || (x < 0.58 && anchorAge < 50)) {
      const twin = x >= 0.55 || rng.chance(0.04);
      p.relation = twin ? 'twin' : 'brother';
      p.fatherGiven = anchor.fatherGiven;
      p.patronymic = anchor.patronymic;
      const gap = twin ? 0 : rng.range(1, 12) * (rng.chance(0.5) ? 1 : -1);
      const bi = dayIndex(anchor.birth) + gap * 365 + (twin ? 0 : rng.range(-150, 150));
      p.birth = fromDayIndex(bi);
      if (twin) p.birth = { ...anchor.birth };
      if (rng.chance(0.5)) {
        p.category = anchor.category;
        p.event = fromDayIndex(dayIndex(anchor.event) + rng.range(-60, 60));
        p.units = [...anchor.units];
      }
    } else if (x < 0.8) {
      if (anchorAge >= 40) {
        p.relation = 'son';
        p.fatherGiven = anchor.given;
        p.birth = fromDayIndex(dayIndex(anchor.birth) + rng.range(20, 30) * 365 + rng.range(0, 364));
        if (rng.chance(0.08)) p.given = anchor.given; // named after his father
        if (ageAt(p.birth, p.event) < 18) p.event = fromDayIndex(dayIndex(p.birth) + rng.range(18, 21) * 365 + 30);
      } else {
        p.relation = 'father';
        p.given = anchor.fatherGiven;
        p.fatherGiven = names.father(p.eth, anchor.birth.y - 25, rng);
        p.birth = fromDayIndex(dayIndex(anchor.birth) - rng.range(20, 32) * 365 - rng.range(0, 364));
        if (ageAt(p.birth, p.event) > 64) p.category = 'volunteer';
      }
      p.patronymic = patronymicFor(p.patStyle === 'uulu' ? 'ru' : p.patStyle, p.fatherGiven);
      if (p.patStyle === 'ru' || p.patStyle === 'none')
        p.patronymic = p.patStyle === 'none' ? '' : patronymicOf(p.fatherGiven);
    } else {
      p.relation = 'cousin';
      p.given = names.given(p.eth, p.birth.y, rng);
    }
    if (p.relation !== 'father' && p.relation !== 'son' && p.given === anchor.given) {
      for (let k = 0; k < 5 && p.given === anchor.given; k++) p.given = names.given(p.eth, p.birth.y, rng);
    }
    if (p.patStyle === 'uulu') p.surname = `${p.fatherGiven} уулу`;
    if (p.units.length === 0) p.units = pickUnits(p, rng);
    return p;
  }

  function newPerson(id: number, rng: Rng): Person {
    let p: Person;
    if (recent.length > 50 && rng.chance(0.08)) p = makeRelative(id, rng.pick(recent), rng);
    else p = base(id, rng);
    p.visibility = visibility(p, rng);
    if (recent.length < RECENT_MAX) recent.push(p);
    else recent[rng.int(RECENT_MAX)] = p;
    return p;
  }

  return { regions, units, names, regionW, newPerson };
}

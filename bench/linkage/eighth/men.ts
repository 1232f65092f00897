// The men: who they are (people, names, birth, home), how they came to serve, what happened to
// them, and the relatives and namesakes that make linkage hard.
import {
  CALLSIGNS,
  fatherOf,
  formalPatronymic,
  GROUPS,
  type Group,
  givenOf,
  type PatroStyle,
  surnameOf,
} from './names.ts';
import { HOME_REGIONS, homelands, REGIONS, regionIndex } from './regions.ts';
import { type Rng, Weighted } from './rng.ts';
import type { Units } from './units.ts';

export type Category = 'contract' | 'mobilized' | 'convict' | 'volunteer' | 'conscript' | 'militia';
export type Relation = 'none' | 'brother' | 'twin' | 'father' | 'son' | 'cousin' | 'namesake';

export interface Man {
  id: number;
  group: Group;
  surname: string;
  /** Another surname the man is also known by: an earlier one, or one part of a double surname. */
  altSurname: string;
  altKind: '' | 'changed' | 'double';
  given: string;
  father: string;
  patronymic: string;
  style: PatroStyle;
  by: number;
  bm: number;
  bd: number;
  /** A second birth date in some of his documents (clerical error in a military ID). */
  docBirth: [number, number, number] | null;
  home: number;
  birth: number;
  town: string;
  /** Current unit, and the earlier one for men who were transferred (else the same). */
  unit: number;
  firstUnit: number;
  rank: string;
  callsign: string;
  /** Statuses in order: D dead, M missing, P captured, X exchanged, R refused to fight/detained. */
  history: string;
  /** Date of death, of going missing or of capture/detention. */
  ey: number;
  em: number;
  ed: number;
  category: Category;
  records: number;
  relation: Relation;
  relativeOf: number;
}

const CATEGORY = Weighted.of<Category>({ contract: 36, mobilized: 28, convict: 15, volunteer: 10, conscript: 4 });
const BIRTH: Record<Category, [number, number, number, number]> = {
  // mean, sd, min, max birth year
  contract: [1989, 7, 1962, 2004],
  mobilized: [1988, 7, 1972, 2004],
  convict: [1985, 8, 1962, 2003],
  volunteer: [1980, 9, 1958, 2004],
  conscript: [2004, 1.2, 2002, 2006],
  militia: [1985, 10, 1960, 2004],
};
const HISTORY: Record<string, Weighted<string>> = {
  default: Weighted.of({ D: 42, M: 22, MD: 8, P: 5, PX: 6, MP: 3, MPX: 3, R: 6, RD: 2, RM: 1, RP: 1 }),
  mobilized: Weighted.of({ D: 38, M: 21, MD: 8, P: 5, PX: 6, MP: 3, MPX: 3, R: 10, RD: 3, RM: 2, RP: 1 }),
  convict: Weighted.of({ D: 55, M: 22, MD: 7, P: 6, PX: 4, R: 4, RD: 2 }),
  conscript: Weighted.of({ P: 28, PX: 27, M: 25, D: 15, MD: 5 }),
  militia: Weighted.of({ D: 40, M: 25, MD: 5, P: 10, PX: 10, R: 8, RD: 2 }),
};
const RANKS = Weighted.of({
  рядовой: 55,
  ефрейтор: 12,
  'младший сержант': 10,
  сержант: 7,
  'старший сержант': 5,
  старшина: 1,
  прапорщик: 2,
  лейтенант: 3,
  'старший лейтенант': 2.5,
  капитан: 1,
  майор: 0.5,
});
const STYLE = Object.fromEntries(Object.entries(GROUPS).map(([g, rule]) => [g, Weighted.of(rule.style)])) as Record<
  Group,
  Weighted<PatroStyle>
>;
const MOVED: Record<string, number> = { 'RU-KHM': 0.35, 'RU-YAN': 0.4, 'RU-MOW': 0.3, 'RU-MOS': 0.25, 'RU-SPE': 0.25 };
const FOREIGN_BIRTH = Weighted.of({ KZ: 45, UA: 30, UZ: 10, KG: 8, TJ: 4, AZ: 3 });

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Records per man: most men appear once; a few well-known cases appear dozens of times. */
function recordCount(rng: Rng, history: string): number {
  const u = rng.next();
  if (u < 0.005) return rng.int(20, 80);
  if (u < 0.03) return rng.int(8, 19);
  // Families of the missing and captured write everywhere; the dead are listed less often.
  const stay = /[MP]/.test(history) ? 0.5 : 0.4;
  let k = 1;
  while (k < 12 && rng.chance(stay)) k++;
  return k;
}

export class MenBuilder {
  readonly men: Man[] = [];
  private readonly byRegion = new Map<number, number[]>();
  private readonly homelandOf = new Map<Group, Weighted<number>>();
  private total = 0;
  readonly famous: number[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly units: Units,
  ) {}

  build(n: number): Man[] {
    while (this.total < n) {
      const m = this.add(this.fresh(), n);
      const fam = GROUPS[m.group].family;
      const r = this.rng;
      if (r.chance(0.03 * fam)) this.add(this.relative(m, 'brother'), n);
      if (r.chance(0.004 * fam)) this.add(this.relative(m, 'twin'), n);
      if (r.chance(0.006 * fam)) this.add(this.relative(m, m.by <= 1980 ? 'son' : 'father'), n);
      if (r.chance(0.006 * fam)) this.add(this.relative(m, 'cousin'), n);
      if (r.chance(0.008)) this.add(this.namesake(m), n);
    }
    return this.men;
  }

  private add(m: Man, n: number): Man {
    if (this.total >= n) return m;
    m.id = this.men.length;
    m.records = Math.min(m.records, n - this.total);
    this.total += m.records;
    this.men.push(m);
    const list = this.byRegion.get(m.home) ?? [];
    list.push(m.id);
    this.byRegion.set(m.home, list);
    return m;
  }

  private birthYear(category: Category): number {
    const [mean, sd, lo, hi] = BIRTH[category];
    return Math.max(lo, Math.min(hi, Math.round(mean + sd * this.rng.normal())));
  }

  private setBirthDay(m: Man): void {
    const r = this.rng;
    if (r.chance(GROUPS[m.group].janFirst)) [m.bm, m.bd] = [1, 1];
    else {
      m.bm = r.int(1, 12);
      m.bd = r.int(1, daysIn(m.by, m.bm));
    }
    m.docBirth = null;
    if (r.chance(0.015)) {
      const k = r.int(0, 2);
      m.docBirth =
        k === 0
          ? [m.by, m.bm, Math.min(28, m.bd + 1)]
          : k === 1 && m.bd <= 12
            ? [m.by, m.bd, m.bm]
            : [m.by + (r.chance(0.5) ? 1 : -1), m.bm, Math.min(m.bd, 28)];
    }
  }

  private fresh(): Man {
    const r = this.rng;
    const home = HOME_REGIONS.pick(r);
    const region = REGIONS[home];
    const group = region.mix.pick(r);
    const militia = region.iso === 'DNR' || region.iso === 'LNR';
    const category: Category = militia ? (r.chance(0.7) ? 'militia' : 'contract') : CATEGORY.pick(r);
    const rule = GROUPS[group];
    const style = STYLE[group].pick(r);
    const father = fatherOf(group, r);
    const m: Man = {
      id: -1,
      group,
      surname: '',
      altSurname: '',
      altKind: '',
      given: '',
      father,
      patronymic: formalPatronymic(father, style, rule.ogly),
      style,
      by: this.birthYear(category),
      bm: 1,
      bd: 1,
      docBirth: null,
      home,
      birth: home,
      town: '',
      unit: -1,
      firstUnit: -1,
      rank: RANKS.pick(r),
      callsign: '',
      history: '',
      ey: 2023,
      em: 1,
      ed: 1,
      category,
      records: 1,
      relation: 'none',
      relativeOf: -1,
    };
    m.given = givenOf(group, m.by, r);
    // Kyrgyz naming: "Асанбек уулу Нурлан" — the father's name plus уулу stands where a surname would.
    m.surname = group === 'ca' && r.chance(0.06) ? `${father} уулу` : surnameOf(group, r, region.ukr);
    if (m.surname.endsWith(' уулу')) [m.patronymic, m.style] = ['', 'none'];
    if (r.chance(0.004)) [m.altSurname, m.altKind] = [surnameOf(group, r, region.ukr), 'changed'];
    else if (r.chance(0.003)) {
      const second = surnameOf(group, r, region.ukr);
      [m.altSurname, m.altKind, m.surname] = [m.surname, 'double', `${m.surname}-${second}`];
    }
    this.setBirthDay(m);
    this.setPlaces(m);
    this.setService(m);
    return m;
  }

  private setPlaces(m: Man): void {
    const r = this.rng;
    const region = REGIONS[m.home];
    m.town = r.chance(0.45) ? region.towns[0] : r.pick(region.towns);
    if (m.group === 'ca') m.birth = regionIndex(r.pick(['UZ', 'UZ', 'TJ', 'KG']));
    else if (m.group === 'azeri' && m.by < 1995 && r.chance(0.6)) m.birth = regionIndex('AZ');
    else if (m.group === 'armenian' && r.chance(0.4)) m.birth = regionIndex('AM');
    else if (m.by < 1991 && r.chance(0.04)) m.birth = regionIndex(FOREIGN_BIRTH.pick(r));
    else if (r.chance(MOVED[region.iso] ?? 0.1)) {
      let w = this.homelandOf.get(m.group);
      if (!w) this.homelandOf.set(m.group, (w = homelands(m.group)));
      m.birth = w.pick(r);
    }
  }

  private setService(m: Man): void {
    const r = this.rng;
    m.firstUnit = m.unit = this.units.assign(r, m.category, m.home);
    // Transfers: mobilised men moved to assault units, refusers sent to another unit.
    if (r.chance(0.2)) m.unit = this.units.assign(r, r.chance(0.5) ? 'convict' : 'contract', m.home);
    m.callsign = r.chance(m.category === 'conscript' ? 0.1 : 0.4) ? CALLSIGNS.pick(r) : '';
    m.history = (HISTORY[m.category] ?? HISTORY.default).pick(r);
    const start = m.category === 'mobilized' ? 2022.75 : m.category === 'conscript' ? 2024.6 : 2022.15;
    const t = start + (2025.95 - start) * Math.sqrt(r.next());
    const y = Math.floor(t);
    const mo = Math.min(12, 1 + Math.floor((t - y) * 12));
    [m.ey, m.em, m.ed] = [y, mo, r.int(1, daysIn(y, mo))];
    m.records = recordCount(r, m.history);
    if (m.records >= 20) this.famous.push(this.men.length);
  }

  private clone(m: Man, relation: Relation): Man {
    return { ...m, id: -1, relation, relativeOf: m.id, docBirth: null, altSurname: '', altKind: '' };
  }

  private relative(m: Man, relation: Relation): Man {
    const r = this.rng;
    const x = this.clone(m, relation);
    const rule = GROUPS[m.group];
    const newGiven = (): string => {
      for (let i = 0; i < 20; i++) {
        const g = givenOf(m.group, x.by, r);
        if (g !== m.given) return g;
      }
      return `${m.given}а`;
    };
    if (relation === 'brother' || relation === 'twin') {
      if (relation === 'brother') x.by = Math.min(2005, Math.max(1960, m.by + (r.chance(0.5) ? 1 : -1) * r.int(1, 12)));
      x.given = newGiven();
      if (relation === 'brother') this.setBirthDay(x);
    } else if (relation === 'son' || relation === 'father') {
      const gap = r.int(19, 30);
      x.by = relation === 'son' ? Math.min(2005, m.by + gap) : Math.max(1958, m.by - gap);
      if (relation === 'son') {
        x.father = m.given;
        x.given = r.chance(0.35) ? m.given : newGiven();
      } else {
        x.given = m.father;
        x.father = fatherOf(m.group, r);
      }
      x.patronymic = formalPatronymic(x.father, x.style, rule.ogly);
      this.setBirthDay(x);
    } else {
      // Cousin: same surname and grandfather; often named after the grandfather, so the same
      // given name and a near birth year are common.
      x.father = fatherOf(m.group, r);
      x.patronymic = formalPatronymic(x.father, x.style, rule.ogly);
      x.by = Math.min(2005, m.by + r.int(-4, 4));
      x.given = r.chance(0.4) ? m.given : newGiven();
      this.setBirthDay(x);
    }
    x.category = x.by > 2001 && relation === 'son' ? 'conscript' : x.category;
    // Brothers and fathers often went together; otherwise each has his own unit and fate.
    const together = relation === 'twin' ? 0.75 : relation === 'brother' ? 0.5 : relation === 'cousin' ? 0.25 : 0.3;
    const [unit, firstUnit] = [x.unit, x.firstUnit];
    this.setService(x);
    if (r.chance(together)) [x.unit, x.firstUnit] = [unit, firstUnit];
    return x;
  }

  /** An unrelated man from the same region with the same full name, near the same age. */
  private namesake(m: Man): Man {
    const r = this.rng;
    const x = this.clone(m, 'namesake');
    x.by = r.chance(0.4) ? m.by : Math.max(1960, Math.min(2005, m.by + r.int(-5, 5)));
    this.setBirthDay(x);
    this.setPlaces(x);
    this.setService(x);
    if (r.chance(0.2)) [x.unit, x.firstUnit] = [m.unit, m.firstUnit];
    return x;
  }
}

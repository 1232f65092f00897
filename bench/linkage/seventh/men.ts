// The men: who they are (names, birth, region, unit, how they came to the war, what happened),
// generated in households so that look-alike *different* men exist on purpose: brothers, twins,
// father and son with the same given name, cousins, and unrelated namesakes from the same region.
import { GROUPS, type Group } from './names-ethnic.ts';
import { FATHERS, GIVEN_OLD, GIVEN_YOUNG, RUSSIAN_SURNAMES } from './names-ru.ts';
import { patronymicOf } from './grammar.ts';
import { REGIONS } from './regions.ts';
import { type Rng, Weighted, zipf } from './rng.ts';
import { pickRegularUnit, type UnitCatalog } from './units.ts';

export const FORMATIONS = ['contract', 'mobilised', 'storm', 'wagner', 'volunteer', 'conscript', 'dnr'] as const;
export const STATUSES = ['dead', 'missing', 'captured', 'exchanged', 'refuser'] as const;
export const LOOKS = ['single', 'brothers', 'twins', 'fatherSon', 'cousins', 'namesake', 'fullNamesake'] as const;
export type Formation = (typeof FORMATIONS)[number];
export type Status = (typeof STATUSES)[number];

export interface Man {
  surname: string;
  given: string;
  father: string;
  patronymic: string;
  by: number;
  bm: number;
  bd: number;
  region: number;
  place: number;
  /** Region of the commissariat he is registered with (differs for men who moved away). */
  regRegion: number;
  /** Region of the prison colony he was recruited from (Storm Z, Wagner), else -1. */
  colony: number;
  unit: number;
  /** A second unit after a transfer, else -1: lists then disagree about his unit. */
  unit2: number;
  formation: Formation;
  status: Status;
  eventY: number;
  group: string;
  look: (typeof LOOKS)[number];
  family: number;
  records: number;
}

const regionPick = new Weighted(REGIONS.map((r, i) => [i, r.weight] as const));
const russianGivenOld = new Weighted(GIVEN_OLD);
const russianGivenYoung = new Weighted(GIVEN_YOUNG);
const russianFathers = new Weighted(FATHERS);

// formation shares (judgement): contract soldiers are the largest group; prisoners (Wagner in
// 2022–23, Storm Z after) and the mobilised of autumn 2022 follow.
const FORMATION_W = new Weighted<Formation>([
  ['contract', 38],
  ['mobilised', 24],
  ['storm', 12],
  ['wagner', 9],
  ['volunteer', 7],
  ['conscript', 4],
]);
const YEARS: Record<Formation, Array<[number, number]>> = {
  contract: [
    [2022, 15],
    [2023, 25],
    [2024, 32],
    [2025, 23],
    [2026, 5],
  ],
  volunteer: [
    [2022, 10],
    [2023, 25],
    [2024, 35],
    [2025, 25],
    [2026, 5],
  ],
  mobilised: [
    [2022, 20],
    [2023, 35],
    [2024, 28],
    [2025, 15],
    [2026, 2],
  ],
  storm: [
    [2023, 45],
    [2024, 35],
    [2025, 20],
  ],
  wagner: [
    [2022, 40],
    [2023, 60],
  ],
  conscript: [
    [2022, 60],
    [2024, 40],
  ],
  dnr: [
    [2022, 55],
    [2023, 25],
    [2024, 15],
    [2025, 5],
  ],
};
const YEAR_W = Object.fromEntries(Object.entries(YEARS).map(([k, v]) => [k, new Weighted(v)])) as Record<
  Formation,
  Weighted<number>
>;
// mean, sd, min, max of age at the event
const AGE: Record<Formation, [number, number, number, number]> = {
  contract: [35, 9, 19, 63],
  volunteer: [40, 10, 20, 65],
  mobilised: [33, 7, 20, 55],
  storm: [36, 8, 22, 58],
  wagner: [35, 8, 22, 55],
  conscript: [19.5, 0.8, 18, 22],
  dnr: [36, 10, 18, 60],
};
// status given formation: dead, missing, captured, exchanged, refuser
const STATUS_W: Record<Formation, number[]> = {
  contract: [50, 25, 6, 8, 8],
  volunteer: [55, 25, 6, 8, 3],
  mobilised: [45, 25, 6, 8, 14],
  storm: [65, 20, 5, 7, 1],
  wagner: [75, 20, 2, 3, 0],
  conscript: [30, 30, 15, 20, 5],
  dnr: [50, 30, 6, 10, 4],
};
const STATUS_PICK = Object.fromEntries(
  Object.entries(STATUS_W).map(([k, w]) => [k, new Weighted(STATUSES.map((s, i) => [s, w[i]] as const))]),
) as Record<Formation, Weighted<Status>>;

export class Population {
  private readonly surnamePools = new Map<string, Weighted<string>>();
  private readonly ownGiven = new Map<string, Weighted<string>>();
  private readonly ownFathers = new Map<string, Weighted<string>>();
  private readonly groupPick: Weighted<string>[];
  men: Man[] = [];
  private families = 0;

  constructor(
    private readonly rng: Rng,
    private readonly units: UnitCatalog,
    private readonly regionRng: (ri: number, group: string) => Rng,
  ) {
    this.groupPick = REGIONS.map((r) => {
      const rest = 1 - r.mix.reduce((s, [, v]) => s + v, 0);
      return new Weighted<string>([...r.mix, ['russian', Math.max(0, rest)]]);
    });
    for (const g of Object.values(GROUPS)) {
      if (g.given.length) this.ownGiven.set(g.id, new Weighted(zipf(g.given, g.givenS, 1.5)));
      if (g.fathers.length) this.ownFathers.set(g.id, new Weighted(zipf(g.fathers, 1, 1.5)));
    }
  }

  /** Each region has its own common surnames (villages full of Зыряновы): national rank × regional boost. */
  private surnamePool(ri: number, group: string): Weighted<string> {
    const key = `${ri}|${group}`;
    let w = this.surnamePools.get(key);
    if (!w) {
      const r = this.regionRng(ri, group);
      const g = GROUPS[group];
      const base = group === 'russian' ? zipf(RUSSIAN_SURNAMES, 1, 15) : zipf(g.surnames, g.surnameS, 1.5);
      const sigma = group === 'russian' ? 0.9 : 0.5;
      w = new Weighted(base.map(([s, x]) => [s, x * r.lognormal(0, sigma)] as [string, number]));
      this.surnamePools.set(key, w);
    }
    return w;
  }

  private surname(ri: number, g: Group): string {
    const rus = g.id !== 'russian' && this.rng.chance(g.russianSurname);
    return this.surnamePool(ri, rus ? 'russian' : g.id).sample(this.rng);
  }

  private given(g: Group, by: number): string {
    if (this.rng.chance(g.russianGiven) || !this.ownGiven.has(g.id))
      return (by < 1986 ? russianGivenOld : russianGivenYoung).sample(this.rng);
    return this.ownGiven.get(g.id)!.sample(this.rng);
  }

  private fatherName(g: Group): string {
    if (this.rng.chance(g.russianFathers) || !this.ownFathers.has(g.id)) return russianFathers.sample(this.rng);
    return this.ownFathers.get(g.id)!.sample(this.rng);
  }

  private birth(m: Man, age: number): void {
    m.by = m.eventY - age;
    m.bm = this.rng.int(1, 12);
    m.bd = this.rng.int(1, m.bm === 2 ? 28 : [4, 6, 9, 11].includes(m.bm) ? 30 : 31);
  }

  private age(f: Formation): number {
    const [mu, sd, lo, hi] = AGE[f];
    return Math.max(lo, Math.min(hi, Math.round(mu + sd * this.rng.normal())));
  }

  /** Record count: a power law (most men one record, a few on dozens of lists), more for the dead and captured. */
  private recordCount(s: Status): number {
    let k = this.rng.powerInt(1.95, 40);
    if ((s === 'dead' || s === 'captured' || s === 'exchanged') && this.rng.chance(0.2)) k++;
    return k;
  }

  private assignUnit(m: Man): void {
    const rng = this.rng;
    const f = m.formation;
    if (f === 'mobilised' || (f === 'dnr' && rng.chance(0.6))) m.unit = rng.pick(this.units.mobilised[m.region]);
    else if (f === 'wagner' || f === 'volunteer')
      m.unit = rng.chance(0.3) ? pickRegularUnit(this.units, m.region, rng) : -1;
    else m.unit = pickRegularUnit(this.units, m.region, rng);
    m.unit2 = m.unit >= 0 && rng.chance(0.1) ? pickRegularUnit(this.units, m.region, rng) : -1;
  }

  private newMan(ri: number, g: Group, look: Man['look']): Man {
    const rng = this.rng;
    const occupied = REGIONS[ri].iso === 'DNR' || REGIONS[ri].iso === 'LNR';
    const formation: Formation = occupied ? (rng.chance(0.85) ? 'dnr' : 'contract') : FORMATION_W.sample(rng);
    const places = REGIONS[ri].places.length;
    const m: Man = {
      surname: '',
      given: '',
      father: this.fatherName(g),
      patronymic: '',
      by: 0,
      bm: 0,
      bd: 0,
      region: ri,
      place: places === 1 || rng.chance(0.4) ? 0 : rng.int(1, places - 1),
      regRegion: rng.chance(0.07) ? regionPick.sample(rng) : ri,
      colony: -1,
      unit: -1,
      unit2: -1,
      formation,
      status: STATUS_PICK[formation].sample(rng),
      eventY: YEAR_W[formation].sample(rng),
      group: g.id,
      look,
      family: this.families,
      records: 0,
    };
    if (formation === 'storm' || formation === 'wagner') m.colony = rng.chance(0.5) ? ri : regionPick.sample(rng);
    this.birth(m, this.age(formation));
    m.surname = this.surname(ri, g);
    m.given = this.given(g, m.by);
    m.patronymic = patronymicOf(m.father);
    this.assignUnit(m);
    m.records = this.recordCount(m.status);
    return m;
  }

  /** Same family name and region, a new man; `differentGiven` keeps brothers from sharing a given name. */
  private relative(base: Man, look: Man['look'], differentGiven: boolean): Man {
    const g = GROUPS[base.group];
    const m = this.newMan(base.region, g, look);
    m.surname = base.surname;
    m.place = base.place;
    for (let i = 0; i < 20 && differentGiven && m.given === base.given; i++) m.given = this.given(g, m.by);
    return m;
  }

  /** Adds one household (1–4 men) and returns how many records its men carry. */
  addHousehold(): number {
    const rng = this.rng;
    const ri = regionPick.sample(rng);
    const g = GROUPS[this.groupPick[ri].sample(rng)];
    const x = rng.next();
    const out: Man[] = [];
    const first = this.newMan(ri, g, 'single');
    out.push(first);
    if (x < 0.03) {
      const n = rng.chance(0.8) ? 2 : rng.chance(0.85) ? 3 : 4;
      for (let i = 1; i < n; i++) {
        const b = this.relative(first, 'brothers', true);
        b.father = first.father;
        b.patronymic = first.patronymic;
        b.by = first.by + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 12);
        if (rng.chance(0.4)) [b.unit, b.formation, b.eventY] = [first.unit, first.formation, first.eventY];
        out.push(b);
      }
      for (const m of out) m.look = 'brothers';
    } else if (x < 0.036) {
      const t = this.relative(first, 'twins', true);
      Object.assign(t, {
        father: first.father,
        patronymic: first.patronymic,
        by: first.by,
        bm: first.bm,
        bd: first.bd,
      });
      if (rng.chance(0.7)) [t.unit, t.formation, t.eventY] = [first.unit, first.formation, first.eventY];
      first.look = 'twins';
      out.push(t);
    } else if (x < 0.052) {
      // The son is named after his father in a third of such families: "Сергей Сергеевич" and "Сергей Петрович".
      const son = this.relative(first, 'fatherSon', false);
      first.by = Math.min(first.by, first.eventY - 42 - rng.int(0, 12));
      son.by = first.by + rng.int(20, 30);
      son.father = first.given;
      son.patronymic = patronymicOf(first.given);
      if (rng.chance(0.33)) son.given = first.given;
      first.look = 'fatherSon';
      out.push(son);
    } else if (x < 0.072) {
      const n = rng.chance(0.8) ? 2 : 3;
      for (let i = 1; i < n; i++) {
        const c = this.relative(first, 'cousins', true);
        c.by = first.by + rng.int(-6, 6);
        c.place = rng.chance(0.5) ? first.place : c.place;
        out.push(c);
      }
      for (const m of out) m.look = 'cousins';
    } else if (x < 0.097) {
      // Unrelated namesakes in one region; one in five also share the patronymic (Магомедов Магомед Магомедович).
      const full = rng.chance(0.2);
      const nm = this.newMan(ri, g, full ? 'fullNamesake' : 'namesake');
      nm.surname = first.surname;
      nm.given = first.given;
      if (full) [nm.father, nm.patronymic] = [first.father, first.patronymic];
      first.look = nm.look;
      out.push(nm);
    }
    let total = 0;
    for (const m of out) {
      m.family = this.families;
      if (m.by > m.eventY - 18) m.by = m.eventY - 18;
      total += m.records;
      this.men.push(m);
    }
    this.families++;
    return total;
  }
}

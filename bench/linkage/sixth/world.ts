/** The true world: units, men, and families of look-alike men. */
import {
  ARMIES,
  BRIGADES,
  CITIES,
  COMMON_GIVEN,
  DIVISIONS,
  districtsOf,
  ETHNIC,
  type EthnicPool,
  FAKER_SURNAMES,
  FATHER_GIVEN,
  patronymicOf,
  RARE_GIVEN,
  REGIONS,
  ROOT_SURNAMES,
  VILLAGES,
  YO_SURNAMES,
} from './reference.ts';
import { type Rng, Weighted, zipf } from './rng.ts';

export interface Unit {
  vch: string; // open number of the military unit, 5 digits
  post: string; // field post number (п/п), 5 digits, different from vch
  name: string; // e.g. "1009 мсп", "37 омсбр", "Шторм Z", "ЧВК Вагнер"
  parent: string; // the division/army it belongs to ("" if none)
  region: string; // region code where it was raised ("" if national)
}

export type Category = 'mobilised' | 'contract' | 'conscript' | 'convict' | 'volunteer' | 'pmc';
export type Status = 'missing' | 'dead' | 'captured' | 'exchanged' | 'refuser';
export type Kin = 'single' | 'brother' | 'twin' | 'father' | 'son_same_name' | 'cousin' | 'village_namesake';

export interface Person {
  id: number;
  surname: string; // canonical, may contain ё
  given: string;
  patronymic: string;
  birth: [number, number, number]; // y, m, d
  region: number; // index in REGIONS
  district: string;
  village: string; // "" if a city dweller
  city: string; // city of residence or district centre
  birthCity: string; // "" or a city of another region where he was born
  unit: Unit;
  category: Category;
  status: Status;
  callup: [number, number, number];
  event: [number, number, number]; // death / disappearance / capture / detention date
  kin: Kin;
  family: number;
  relatives: number[]; // ids of look-alike relatives
}

const SERVICE = 'мсп мсп мсп тп сп ап зрп дшп пдп'.split(' ');

export class World {
  readonly units: Unit[] = [];
  private readonly unitsByRegion: Map<string, Unit[]> = new Map();
  private readonly special: Record<string, Unit[]> = { convict: [], volunteer: [], pmc: [] };
  private readonly regionW: Weighted<number>;
  private readonly surnameW: Weighted<string>;
  private readonly givenW: Weighted<string>;
  private readonly fatherW: Weighted<string>;
  private readonly usedVch = new Set<string>();
  private nextId = 0;
  private nextFamily = 0;

  constructor(private readonly rng: Rng) {
    // Poorer and more remote regions send more men per head (own judgement of published counts).
    const boost: Record<string, number> = {
      '03': 3.5,
      '17': 4,
      '75': 2.5,
      '02': 1.6,
      '42': 1.6,
      '04': 2.5,
      '14': 1.5,
      '24': 1.3,
      '38': 1.6,
      '22': 1.4,
      '59': 1.4,
      '66': 1.2,
      '74': 1.3,
      '05': 1.2,
      '77': 0.25,
      '78': 0.45,
      '50': 0.7,
      '20': 0.3,
      '06': 0.4,
      '91': 0.6,
      '92': 1.2,
      '31': 1.2,
      '55': 1.3,
      '54': 1.2,
      '61': 1.2,
      '23': 1.0,
      '56': 1.3,
      '45': 1.5,
      '79': 1.6,
      '28': 1.4,
    };
    this.regionW = new Weighted(
      REGIONS.map((_, i) => i),
      REGIONS.map((r) => r.population * (boost[r.code] ?? 1)),
    );
    const sur = [...FAKER_SURNAMES];
    // No open frequency list exists: put the well-known frequent ones first, Zipf over the rest.
    const top = [
      'Иванов',
      'Смирнов',
      'Кузнецов',
      'Попов',
      'Васильев',
      'Петров',
      'Соколов',
      'Михайлов',
      'Новиков',
      'Федоров',
    ];
    const ordered = [...top.filter((t) => sur.includes(t)), ...sur.filter((s) => !top.includes(s))];
    // Root-built surnames are interleaved into the tail (every other rank after the top 20).
    const roots = ROOT_SURNAMES.filter((r) => !ordered.includes(r));
    const interleaved: string[] = ordered.slice(0, 20);
    for (let i = 20; i < ordered.length || i - 20 < roots.length; i++) {
      if (i < ordered.length) interleaved.push(ordered[i]);
      if (i - 20 < roots.length) interleaved.push(roots[i - 20]);
    }
    this.surnameW = new Weighted(interleaved, zipf(interleaved.length, 0.8, 4));
    const givenNames = [
      ...COMMON_GIVEN.map((g) => g[0]),
      ...RARE_GIVEN.filter((g) => !COMMON_GIVEN.some((c) => c[0] === g)),
    ];
    this.givenW = new Weighted(givenNames, [...COMMON_GIVEN.map((g) => g[1]), ...RARE_GIVEN.map(() => 0.15)]);
    this.fatherW = new Weighted(
      FATHER_GIVEN.map((f) => f[0]),
      FATHER_GIVEN.map((f) => f[1]),
    );
    this.buildUnits();
  }

  private vch(): string {
    for (;;) {
      const v = String(this.rng.int(10000, 99999));
      if (!this.usedVch.has(v)) {
        this.usedVch.add(v);
        return v;
      }
    }
  }

  private buildUnits(): void {
    const rng = this.rng;
    const add = (name: string, parent: string, region: string, pool?: Unit[]): Unit => {
      const u: Unit = { vch: this.vch(), post: this.vch(), name, parent, region };
      this.units.push(u);
      pool?.push(u);
      if (region) {
        const a = this.unitsByRegion.get(region) ?? [];
        a.push(u);
        this.unitsByRegion.set(region, a);
      }
      return u;
    };
    const usedNums = new Set<number>();
    const regNum = (lo: number, hi: number): number => {
      for (;;) {
        const n = rng.int(lo, hi);
        if (!usedNums.has(n)) {
          usedNums.add(n);
          return n;
        }
      }
    };
    for (const d of DIVISIONS) {
      const k = rng.int(3, 5);
      for (let i = 0; i < k; i++) add(`${regNum(100, 999)} ${rng.pick(SERVICE)}`, d, rng.pick(REGIONS).code);
    }
    for (const b of BRIGADES) add(b, rng.pick(ARMIES), rng.pick(REGIONS).code);
    // Mobilisation regiments (4-digit numbers) raised per region, each inside a division.
    for (const r of REGIONS) {
      const k = Math.max(1, Math.round(Math.log10(r.population / 1e5) * 2));
      for (let i = 0; i < k; i++) add(`${regNum(1000, 1999)} мсп`, rng.pick(DIVISIONS), r.code);
    }
    for (let i = 0; i < 60; i++) {
      const parent = rng.chance(0.5) ? rng.pick(DIVISIONS) : rng.pick(BRIGADES);
      add(`Шторм Z (${parent})`, parent, '', this.special.convict);
    }
    for (let i = 1; i <= 30; i++) add(`БАРС-${i}`, 'БАРС', '', this.special.volunteer);
    add('ЧВК Вагнер', '', '', this.special.pmc);
    add('ЧВК Редут', '', '', this.special.pmc);
    add('Ахмат', '', '', this.special.volunteer);
  }

  private unitFor(cat: Category, regionCode: string): Unit {
    const rng = this.rng;
    if (cat === 'convict' && rng.chance(0.6))
      return rng.chance(0.25) ? this.special.pmc[0] : rng.pick(this.special.convict);
    if (cat === 'pmc') return rng.pick(this.special.pmc);
    if (cat === 'volunteer' && rng.chance(0.7)) return rng.pick(this.special.volunteer);
    const local = this.unitsByRegion.get(regionCode);
    if (local && rng.chance(cat === 'mobilised' ? 0.8 : 0.45)) return rng.pick(local);
    return rng.pick(this.units);
  }

  private date(y0: number, y1: number): [number, number, number] {
    const y = this.rng.int(y0, y1);
    const m = this.rng.int(1, 12);
    return [y, m, this.rng.int(1, daysIn(y, m))];
  }

  private after(d: [number, number, number], minDays: number, maxDays: number): [number, number, number] {
    const t = Date.UTC(d[0], d[1] - 1, d[2]) + this.rng.int(minDays, maxDays) * 86400000;
    const x = new Date(Math.min(t, Date.UTC(2026, 2, 31)));
    return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()];
  }

  private ethnicPool(code: string): EthnicPool | null {
    for (const e of ETHNIC) if (e.regions.includes(code) && this.rng.chance(e.share)) return e;
    return null;
  }

  private base(kin: Kin, family: number): Person {
    const rng = this.rng;
    const region = this.regionW.pick(rng);
    const code = REGIONS[region].code;
    const eth = this.ethnicPool(code);
    const cat: Category = new Weighted<Category>(
      ['mobilised', 'contract', 'conscript', 'convict', 'volunteer', 'pmc'],
      [35, 40, 4, 13, 6, 2],
    ).pick(rng);
    const yr: Record<Category, [number, number]> = {
      mobilised: [1972, 2003],
      contract: [1968, 2005],
      conscript: [2002, 2006],
      convict: [1966, 2002],
      volunteer: [1962, 2004],
      pmc: [1968, 2002],
    };
    const birth = this.date(yr[cat][0], yr[cat][1]);
    const status: Status = new Weighted<Status>(
      ['missing', 'dead', 'captured', 'exchanged', 'refuser'],
      [30, 38, 10, 12, 10],
    ).pick(rng);
    const callup = cat === 'mobilised' ? this.date(2022, 2022) : this.date(2022, 2025);
    if (cat === 'mobilised') (callup[1] = rng.int(9, 11)), (callup[2] = rng.int(1, 30));
    const cities = CITIES.get(code) ?? [REGIONS[region].name];
    const rural = rng.chance(cat === 'convict' ? 0.3 : 0.45);
    const district = rng.pick(districtsOf(code));
    return {
      id: this.nextId++,
      surname: eth ? rng.pick(eth.surnames) : this.surname(),
      given: eth && rng.chance(0.8) ? rng.pick(eth.given) : this.givenW.pick(rng),
      patronymic: patronymicOf(eth && rng.chance(0.6) ? rng.pick(eth.given) : this.fatherW.pick(rng)),
      birth,
      region,
      district,
      village: rural ? rng.pick(VILLAGES) : '',
      city: rural
        ? district.replace(/ский$/, 'ск').replace(/цкий$/, 'цк')
        : rng.chance(0.7)
          ? cities[0]
          : rng.pick(cities),
      birthCity: rng.chance(0.12) ? rng.pick(CITIES.get(rng.pick(REGIONS).code) ?? ['Омск']) : '',
      unit: this.unitFor(cat, code),
      category: cat,
      status,
      callup,
      event: this.after(callup, 20, 900),
      kin,
      family,
      relatives: [],
    };
  }

  private surname(): string {
    const s = this.surnameW.pick(this.rng);
    return YO_SURNAMES[s] ?? s;
  }

  /** A family group: one man, or several men who look alike. */
  group(): Person[] {
    const rng = this.rng;
    const fam = this.nextFamily++;
    const u = rng.next();
    const first = this.base('single', fam);
    if (u < 0.82) return [first];
    const out = [first];
    const sibling = (kin: Kin): Person => {
      const p = this.base(kin, fam);
      p.surname = first.surname;
      p.region = first.region;
      p.district = first.district;
      p.village = first.village;
      p.city = first.city;
      return p;
    };
    if (u < 0.9) {
      // brothers (sometimes twins), same patronymic, often in the same or a neighbouring unit
      first.kin = 'brother';
      const k = rng.chance(0.85) ? 1 : 2;
      for (let i = 0; i < k; i++) {
        const b = sibling(rng.chance(0.12) ? 'twin' : 'brother');
        b.patronymic = first.patronymic;
        if (b.kin === 'twin') b.birth = [...first.birth];
        else b.birth = [first.birth[0] + rng.int(-9, 9), rng.int(1, 12), rng.int(1, 28)];
        if (rng.chance(0.35)) b.unit = first.unit;
        b.category = first.category;
        out.push(b);
      }
    } else if (u < 0.93) {
      // father and son with the same given name; son's patronymic = father's given name
      first.kin = 'father';
      first.birth = [rng.int(1964, 1980), rng.int(1, 12), rng.int(1, 28)];
      first.category = rng.chance(0.5) ? 'mobilised' : 'volunteer';
      const s = sibling('son_same_name');
      s.given = first.given;
      s.patronymic = patronymicOf(first.given.replace('Пётр', 'Петр'));
      s.birth = [first.birth[0] + rng.int(19, 28), rng.int(1, 12), rng.int(1, 28)];
      if (s.birth[0] > 2006) s.birth[0] = 2006;
      out.push(s);
    } else if (u < 0.97) {
      // cousins: same surname and village, different fathers; sometimes the same given name
      first.kin = 'cousin';
      const c = sibling('cousin');
      if (rng.chance(0.4)) c.given = first.given;
      c.birth = [first.birth[0] + rng.int(-4, 4), rng.int(1, 12), rng.int(1, 28)];
      out.push(c);
    } else {
      // unrelated namesakes from the same village / small town, often the same unit
      first.kin = 'village_namesake';
      const c = this.base('village_namesake', fam);
      c.surname = first.surname;
      c.given = first.given;
      if (rng.chance(0.3)) c.patronymic = first.patronymic;
      c.region = first.region;
      c.district = first.district;
      c.village = first.village;
      c.city = first.city;
      if (rng.chance(0.5)) c.unit = first.unit;
      out.push(c);
    }
    for (const p of out) p.relatives = out.filter((q) => q !== p).map((q) => q.id);
    return out;
  }
}

export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

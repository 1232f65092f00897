// Military units. Numbers are synthetic (no real unit is named except the widely known
// formations "ЧВК «Вагнер»", "Шторм Z/V", "БАРС", "Ахмат"). What matters for linkage:
// mobilised men of one region mostly share a handful of regional regiments, so namesakes from a
// small region often also share a unit; a unit is written as a 5-digit в/ч number, a field-post
// number (a different number for the same unit), or a formation name.
import { REGIONS } from './regions.ts';
import { type Rng, Weighted } from './rng.ts';

export type UnitKind = 'regiment' | 'brigade' | 'pmc' | 'storm' | 'bars' | 'volunteer' | 'militia';

export interface Unit {
  vch: string;
  post: string;
  /** Formation name, short ("123 омсбр") and long ("123-я отдельная мотострелковая бригада"). */
  short: string;
  long: string;
  kind: UnitKind;
  guards: boolean;
  region: number;
}

const FORMATIONS: [string, string, string][] = [
  // abbreviation, long name, gender of the ordinal ('я' fem, 'й' masc)
  ['омсбр', 'отдельная мотострелковая бригада', 'я'],
  ['мсп', 'мотострелковый полк', 'й'],
  ['одшбр', 'отдельная десантно-штурмовая бригада', 'я'],
  ['пдп', 'парашютно-десантный полк', 'й'],
  ['обрмп', 'отдельная бригада морской пехоты', 'я'],
  ['тп', 'танковый полк', 'й'],
  ['обрСпН', 'отдельная бригада специального назначения', 'я'],
  ['абр', 'артиллерийская бригада', 'я'],
];

export class Units {
  readonly all: Unit[] = [];
  private readonly byRegion = new Map<string, number[]>();
  private readonly national = new Map<UnitKind, number[]>();
  private readonly used = new Set<string>();

  constructor(rng: Rng) {
    REGIONS.forEach((r, ri) => {
      if (r.foreign) return;
      const militia = r.iso === 'DNR' || r.iso === 'LNR';
      // Bigger regions field more mobilised regiments; every region has at least one.
      const regiments = 1 + Math.min(5, Math.floor(Math.sqrt(r.weight / 400_000)));
      for (let i = 0; i < regiments; i++) this.add(rng, militia ? 'militia' : 'regiment', ri, 1);
      for (let i = 0; i < (militia ? 3 : rng.int(1, 2)); i++) this.add(rng, 'brigade', ri, rng.int(0, 7));
      if (rng.chance(0.35) || r.iso === 'RU-CE') this.add(rng, 'volunteer', ri, 0);
    });
    for (let i = 0; i < 45; i++) this.add(rng, 'brigade', -1, rng.int(0, 7));
    this.add(rng, 'pmc', -1, 0);
    for (let i = 0; i < 14; i++) this.add(rng, 'storm', -1, i);
    for (let i = 0; i < 30; i++) this.add(rng, 'bars', -1, i);
  }

  private number(rng: Rng): string {
    for (;;) {
      // About one real в/ч number in twelve starts with 0; spreadsheets then drop it.
      const n = rng.chance(0.08) ? rng.int(1000, 9999) : rng.int(10000, 99999);
      const s = String(n).padStart(5, '0');
      if (!this.used.has(s)) {
        this.used.add(s);
        return s;
      }
    }
  }

  private add(rng: Rng, kind: UnitKind, region: number, variant: number): void {
    const num = rng.int(1, 350);
    const [abbr, long, g] = kind === 'regiment' ? FORMATIONS[1] : FORMATIONS[variant % FORMATIONS.length];
    let short = `${num} ${abbr}`;
    let longName = `${num}-${g} ${long}`;
    if (kind === 'pmc') [short, longName] = ['ЧВК «Вагнер»', 'ЧВК Вагнер'];
    if (kind === 'storm') {
      const label = variant % 3 ? 'Шторм Z' : 'Шторм V';
      [short, longName] = [label, `штурмовой отряд «${label}» ${num} омсбр`];
    }
    if (kind === 'bars') [short, longName] = [`БАРС-${variant + 1}`, `отряд БАРС-${variant + 1}`];
    if (kind === 'volunteer') {
      const name =
        REGIONS[region].iso === 'RU-CE' ? 'Ахмат' : rng.pick(['Сибирь', 'Урал', 'Каспий', 'Тайга', 'Восток', 'Волга']);
      [short, longName] = [`батальон «${name}»`, `добровольческий батальон «${name}»`];
    }
    if (kind === 'militia')
      [short, longName] = [`${num} полк ${REGIONS[region].iso === 'DNR' ? 'ДНР' : 'ЛНР'}`, `${num}-й полк НМ`];
    const idx = this.all.length;
    this.all.push({
      vch: this.number(rng),
      post: this.number(rng),
      short,
      long: longName,
      kind,
      guards: (kind === 'regiment' || kind === 'brigade') && rng.chance(0.3),
      region,
    });
    const key = region >= 0 ? `${region}:${kind}` : kind;
    const target = region >= 0 ? this.byRegion : this.national;
    const list = (target as Map<string, number[]>).get(key) ?? [];
    list.push(idx);
    (target as Map<string, number[]>).set(key, list);
  }

  regional(region: number, kind: UnitKind): number[] {
    return this.byRegion.get(`${region}:${kind}`) ?? [];
  }

  nationalOf(kind: UnitKind): number[] {
    return this.national.get(kind) ?? [];
  }

  /** The unit a man of this category and home region most plausibly served in. */
  assign(rng: Rng, category: string, home: number): number {
    const pick = (ids: number[]): number | undefined => (ids.length ? rng.pick(ids) : undefined);
    const w = CATEGORY_UNITS[category] ?? CATEGORY_UNITS.contract;
    const where = w.pick(rng);
    return (
      (where === 'regiment'
        ? (pick(this.regional(home, 'regiment')) ?? pick(this.regional(home, 'militia')))
        : undefined) ??
      (where === 'regional_brigade' ? pick(this.regional(home, 'brigade')) : undefined) ??
      (where === 'volunteer' ? (pick(this.regional(home, 'volunteer')) ?? pick(this.nationalOf('bars'))) : undefined) ??
      (where === 'storm' ? pick(this.nationalOf('storm')) : undefined) ??
      (where === 'pmc' ? pick(this.nationalOf('pmc')) : undefined) ??
      (where === 'militia' ? pick(this.regional(home, 'militia')) : undefined) ??
      pick(this.nationalOf('brigade'))!
    );
  }
}

const CATEGORY_UNITS: Record<string, Weighted<string>> = {
  mobilized: Weighted.of({ regiment: 80, regional_brigade: 10, national_brigade: 10 }),
  contract: Weighted.of({ regional_brigade: 45, national_brigade: 50, volunteer: 5 }),
  convict: Weighted.of({ pmc: 45, storm: 50, national_brigade: 5 }),
  volunteer: Weighted.of({ volunteer: 70, national_brigade: 20, regional_brigade: 10 }),
  conscript: Weighted.of({ regional_brigade: 60, national_brigade: 40 }),
  militia: Weighted.of({ militia: 85, regional_brigade: 15 }),
};

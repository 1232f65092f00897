// The true men behind the records: who they are, where from, where they served, what happened.
// All shares below are my judgement, not measurements.
import type { Unit } from './places.ts';
import { pickKey, type Rng } from './random.ts';
import { type Reference, russianSurname } from './reference.ts';
import { patronymicOf } from './spelling.ts';

export type Status = 'dead' | 'missing' | 'captured' | 'refuser' | 'deserter' | 'alive';
export type Category = 'career' | 'mobilized' | 'contract' | 'convict' | 'conscript' | 'donbas';

export interface Man {
  id: number;
  culture: string;
  surname: string;
  given: string;
  father: string;
  patronymic: string; // '' when his papers carry none
  birth: number; // days since 1970-01-01
  homeRegion: number;
  birthRegion: number; // -1: born abroad
  birthCountry: string;
  enlistRegion: number;
  burialRegion: number;
  homeTown: string;
  category: Category;
  status: Status;
  wasMissing: boolean; // dead men whose families first searched for them
  exchanged: boolean; // prisoners who came home in an exchange
  eventDay: number;
  units: number[]; // in order of service; the last is the latest
}

export const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
const WAR_START = day(2022, 2, 24);

const CATEGORY_SHARE = { career: 15, mobilized: 18, contract: 38, convict: 22, conscript: 3 };
/** [first day, last day, skew]: skew > 1 puts more events early in the window. */
const EVENT_WINDOW: Record<Category, [number, number, number]> = {
  career: [WAR_START, day(2023, 12, 31), 2],
  mobilized: [day(2022, 10, 1), day(2025, 6, 30), 1.3],
  contract: [day(2023, 1, 1), day(2025, 12, 31), 1],
  convict: [day(2022, 7, 1), day(2025, 12, 31), 1],
  conscript: [WAR_START, day(2025, 12, 31), 1],
  donbas: [WAR_START, day(2024, 6, 30), 1.6],
};
/** Age at the event: [mean, sd, min, max]. */
const AGE: Record<Category, [number, number, number, number]> = {
  career: [24, 6, 19, 45],
  mobilized: [33, 7, 20, 50],
  contract: [38, 9, 19, 62],
  convict: [36, 8, 22, 58],
  conscript: [19, 1, 18, 21],
  donbas: [34, 10, 18, 58],
};
const STATUS: Record<Category, Partial<Record<Status, number>>> = {
  career: { dead: 56, missing: 20, captured: 12, refuser: 5, deserter: 3, alive: 4 },
  mobilized: { dead: 50, missing: 22, captured: 8, refuser: 10, deserter: 5, alive: 5 },
  contract: { dead: 56, missing: 24, captured: 8, refuser: 5, deserter: 3, alive: 4 },
  convict: { dead: 65, missing: 20, captured: 8, refuser: 2, deserter: 3, alive: 2 },
  conscript: { dead: 35, missing: 25, captured: 30, alive: 10 },
  donbas: { dead: 55, missing: 25, captured: 12, refuser: 4, alive: 4 },
};
/** Share of given names (and of fathers' names) from the culture's own pool rather than the Russian one. */
const NATIVE_NAME_SHARE: Record<string, [number, number]> = {
  tuvan: [0.6, 0.5],
  buryat: [0.55, 0.5],
  kalmyk: [0.4, 0.35],
  yakut: [0.35, 0.25],
  altai: [0.25, 0.15],
  dagestani: [0.97, 0.98],
  vainakh: [0.97, 0.97],
  ossetian: [0.7, 0.6],
  circassian: [0.8, 0.8],
  armenian: [0.65, 0.8],
  tatar: [0.65, 0.8],
  uzbek: [0.95, 0.95],
  tajik: [0.95, 0.95],
  kyrgyz: [0.95, 0.95],
  kazakh: [0.8, 0.85],
};
const COUNTRY: Record<string, string> = {
  uzbek: 'Узбекистан',
  tajik: 'Таджикистан',
  kyrgyz: 'Кыргызстан',
  kazakh: 'Казахстан',
};
const SOVIET_BIRTHPLACES = ['Казахская ССР', 'Украинская ССР', 'Узбекская ССР', 'Киргизская ССР', 'Латвийская ССР'];

export class MenFactory {
  private nextId = 1;
  private readonly specials: Record<string, number[]> = {};
  private readonly regularCount: number;

  constructor(
    private readonly ref: Reference,
    private readonly units: Unit[],
    private readonly homeUnits: number[][],
    private readonly rng: Rng,
  ) {
    units.forEach((u, i) => {
      (this.specials[u.special] ??= []).push(i);
    });
    this.regularCount = this.specials[''].length;
  }

  /** One man, sometimes followed by his brother or son (namesakes that must not be merged). */
  next(): Man[] {
    const man = this.create();
    const rng = this.rng;
    if (rng.chance(0.012)) {
      const brother = this.create(man);
      brother.birth = rng.chance(0.08) ? man.birth : man.birth + rng.int(-3650, 3650);
      if (rng.chance(0.5)) brother.units = [...man.units];
      return [man, brother];
    }
    if (rng.chance(0.004) && man.birth < day(1982, 1, 1)) {
      const son = this.create(man);
      son.father = man.given;
      son.patronymic = patronymicOf(man.given);
      son.birth = man.birth + rng.int(20 * 365, 30 * 365);
      while (son.given === man.given && !rng.chance(0.1)) son.given = this.givenName(man.culture, son.birth, 'given');
      return [man, son];
    }
    return [man];
  }

  private givenName(culture: string, birth: number, part: 'given' | 'father'): string {
    const rng = this.rng;
    const pool = this.ref.pools.get(culture);
    const share = NATIVE_NAME_SHARE[culture]?.[part === 'given' ? 0 : 1] ?? 0;
    const native = pool?.[part] ?? pool?.given;
    if (native && rng.chance(share)) return native.draw(rng);
    const year = new Date(birth * 86_400_000).getUTCFullYear();
    const cohort = part === 'father' ? 0 : year < 1980 ? 1 : year < 1995 ? 2 : 3;
    return this.ref.russianGiven[cohort].draw(rng);
  }

  private create(relative?: Man): Man {
    const { ref, rng } = this;
    const homeRegion = relative?.homeRegion ?? ref.regionBySoldiers.draw(rng);
    const region = ref.regions[homeRegion];
    const culture = relative?.culture ?? region.cultures.draw(rng);
    const donbas = region.iso.startsWith('X-');
    const category: Category = donbas ? 'donbas' : pickKey(rng, CATEGORY_SHARE);
    const [from, to, skew] = EVENT_WINDOW[category];
    const eventDay = Math.round(from + (to - from) * rng.next() ** skew);
    const [mean, sd, lo, hi] = AGE[category];
    const age = Math.min(hi, Math.max(lo, mean + sd * (category === 'career' ? Math.abs(rng.normal()) : rng.normal())));
    const birth = Math.round(eventDay - age * 365.25 - rng.next() * 365);

    const pool = ref.pools.get(culture);
    let surname =
      relative?.surname ??
      (culture === 'russian' || !pool?.surname ? russianSurname(ref, rng) : pool.surname.draw(rng));
    if (!relative && culture === 'ukr' && rng.chance(0.5)) surname = russianSurname(ref, rng);
    const father = relative?.father ?? this.givenName(culture, birth - 25 * 365, 'father');
    let patronymic = patronymicOf(father);
    if (culture === 'kyrgyz' && !relative && rng.chance(0.3)) {
      surname = `${father} уулу`; // Kyrgyz papers: "Асанбек уулу Нурлан", no patronymic
      patronymic = '';
    } else if (
      (culture === 'tuvan' && rng.chance(0.08)) ||
      ((culture === 'uzbek' || culture === 'tajik') && rng.chance(0.12))
    ) {
      patronymic = '';
    }

    const bornAbroad = COUNTRY[culture] && rng.chance(0.8);
    const sovietBorn = !bornAbroad && birth < day(1991, 1, 1) && rng.chance(0.04);
    const birthRegion = bornAbroad || sovietBorn ? -1 : rng.chance(0.84) ? homeRegion : ref.regionBySoldiers.draw(rng);
    const moscow = ref.regions.findIndex((r) => r.iso === 'RU-MOW');
    const enlistRegion =
      category === 'contract' && rng.chance(0.2)
        ? rng.chance(0.6)
          ? moscow
          : ref.regionBySoldiers.draw(rng)
        : category === 'convict' && rng.chance(0.4)
          ? ref.regionBySoldiers.draw(rng)
          : homeRegion;

    const status = pickKey(rng, STATUS[category]);
    return {
      id: this.nextId++,
      culture,
      surname,
      given: this.givenName(culture, birth, 'given'),
      father,
      patronymic,
      birth,
      homeRegion,
      birthRegion,
      birthCountry: bornAbroad ? COUNTRY[culture] : sovietBorn ? rng.pick(SOVIET_BIRTHPLACES) : '',
      enlistRegion,
      burialRegion: rng.chance(0.95) || birthRegion < 0 ? homeRegion : birthRegion,
      homeTown: rng.chance(0.45) ? region.towns[0] : rng.pick(region.towns),
      category,
      status,
      wasMissing: status === 'dead' && rng.chance(0.3),
      exchanged: status === 'captured' && rng.chance(0.55),
      eventDay,
      units: this.serviceHistory(category, culture, homeRegion, eventDay),
    };
  }

  private serviceHistory(category: Category, culture: string, home: number, eventDay: number): number[] {
    const { rng, specials } = this;
    const regular = () => rng.int(0, this.regularCount - 1);
    const own = () => rng.pick(this.homeUnits[home]);
    let first: number;
    if (category === 'convict') {
      if (eventDay < day(2023, 7, 1) && rng.chance(0.7)) return [specials.wagner[0]];
      return [rng.pick(eventDay > day(2024, 1, 1) && rng.chance(0.5) ? specials.storm_v : specials.storm_z)];
    }
    if (culture === 'vainakh' && rng.chance(0.8)) return [specials.akhmat[0]];
    if (category === 'mobilized')
      first = rng.chance(0.6) ? this.homeUnits[home][2] : rng.chance(0.6) ? own() : regular();
    else if (category === 'contract' && rng.chance(0.15)) first = rng.pick(specials.bars);
    else first = rng.chance(category === 'donbas' ? 0.9 : 0.3) ? own() : regular();
    // Transfers: mobilized men were spread into regular units; others moved after wounds or disbandment.
    if (rng.chance(category === 'mobilized' ? 0.45 : 0.2)) return [first, rng.chance(0.3) ? own() : regular()];
    return [first];
  }
}

/**
 * The true men behind the records, generated family by family so that brothers, twins, cousins and
 * fathers with sons share surname, region and often unit — the hardest non-matches to tell apart.
 */
import type { NameEntry, Reference, Region } from './reference.ts';
import { type Rng, Weighted } from './rng.ts';
import { patronymicOf } from './spelling.ts';
import { type Path, type Unit, UnitCatalogue } from './units.ts';

export type Status = 'killed' | 'missing' | 'captured' | 'detained' | 'alive';
export interface Day {
  y: number;
  m: number;
  d: number;
}

export interface Man {
  people: string;
  surname: NameEntry;
  given: NameEntry;
  father: NameEntry;
  /** Canonical patronymic ('' when the man has none in his documents). */
  patronymic: string;
  /** Central Asian style "Рустам угли" instead of "Рустамович". */
  ugli: boolean;
  birth: Day;
  home: Region;
  /** Where he lived or worked when he went to war (vakhta, migration), if not home. */
  residence: Region | null;
  town: string;
  units: Unit[];
  path: Path;
  status: Status;
  exchanged: boolean;
  /** Date of death, capture, disappearance or arrest. */
  event: Day;
  /** How loudly family and media talk about him: multiplies every list's reach. */
  visibility: number;
  /** Kinship to the first man of his family cluster, for the summary. */
  relation: 'founder' | 'brother' | 'twin' | 'cousin' | 'father' | 'son';
  /** Whether an obituary was published (gates the obituary roundups). */
  obituary: boolean;
}

const VILLAGES = [
  'с. Михайловка',
  'с. Ивановка',
  'пос. Октябрьский',
  'с. Покровка',
  'с. Александровка',
  'пос. Первомайский',
  'с. Берёзовка',
  'с. Никольское',
  'пос. Советский',
  'с. Сосновка',
  'с. Знаменка',
  'пос. Заречный',
  'с. Троицкое',
  'пгт Майский',
  'с. Васильевка',
  'пос. Северный',
  'с. Каменка',
  'с. Воскресенское',
  'пос. Кировский',
  'с. Красное',
];
const PATHS: Record<Path, number> = { mobilised: 22, contract: 48, convict: 18, conscript: 5, volunteer: 7 };
const STATUS_BY_PATH: Record<Path, Partial<Record<Status, number>>> = {
  mobilised: { killed: 45, missing: 30, captured: 10, detained: 8, alive: 7 },
  contract: { killed: 55, missing: 28, captured: 9, detained: 3, alive: 5 },
  convict: { killed: 65, missing: 22, captured: 10, detained: 1, alive: 2 },
  conscript: { killed: 8, missing: 27, captured: 55, detained: 2, alive: 8 },
  volunteer: { killed: 55, missing: 30, captured: 8, alive: 7 },
};
/** Age when he went to war: [mean, sd, min, max], judgement from public obituary patterns. */
const AGE_BY_PATH: Record<Path, [number, number, number, number]> = {
  mobilised: [33, 7, 20, 55],
  contract: [36, 9, 19, 62],
  convict: [35, 8, 22, 58],
  conscript: [19, 0.7, 18, 20],
  volunteer: [40, 10, 20, 63],
};
const EVENT_WINDOW: Record<Path, [number, number]> = {
  mobilised: [2022.85, 2025.95],
  contract: [2022.17, 2025.95],
  convict: [2022.55, 2024.95],
  conscript: [2024.6, 2024.7],
  volunteer: [2022.4, 2025.95],
};
const RESIDENCE_HUBS = ['77', '50', '78', '86', '89', '72', '23', '66', '54'];

export function dayFromFraction(t: number, rng: Rng): Day {
  const y = Math.floor(t);
  return { y, m: Math.min(12, 1 + Math.floor((t - y) * 12)), d: rng.range(1, 28) };
}

export class Population {
  private readonly regions: Weighted<Region>;
  private readonly hubs: Weighted<Region>;
  private readonly units: UnitCatalogue;

  constructor(
    private readonly ref: Reference,
    private readonly rng: Rng,
  ) {
    this.regions = new Weighted(ref.regions.map((r) => [r, r.population * r.lossFactor] as const));
    this.hubs = new Weighted(
      ref.regions.filter((r) => RESIDENCE_HUBS.includes(r.code)).map((r) => [r, r.population] as const),
    );
    this.units = new UnitCatalogue(ref.regions, rng);
  }

  /** One family cluster: a man and, sometimes, relatives who also went to war. */
  nextFamily(): Man[] {
    const rng = this.rng;
    const founder = this.newMan(this.regions.pick(rng));
    const family = [founder];
    const familyVisibility = Math.exp(0.6 * rng.normal() - 0.18);
    const r = rng.float();
    if (r < 0.06) family.push(this.relative(founder, 'brother'));
    else if (r < 0.063) family.push(this.relative(founder, 'twin'));
    else if (r < 0.088) family.push(this.relative(founder, 'cousin'));
    else if (r < 0.1) family.push(this.relative(founder, founder.birth.y <= 1982 ? 'son' : 'father'));
    if (family.length > 1 && rng.chance(0.12)) family.push(this.relative(founder, 'brother'));
    for (const man of family) man.visibility *= familyVisibility;
    return family;
  }

  private newMan(home: Region, path?: Path, people?: string): Man {
    const rng = this.rng;
    const folk = people ?? home.peoples.pick(rng);
    const pools = this.ref.pools.get(folk) ?? this.ref.pools.get('russian')!;
    const manPath =
      path ?? (folk === 'central_asian' ? rng.choose({ contract: 85, convict: 10, volunteer: 5 }) : rng.choose(PATHS));
    const [start, end] = EVENT_WINDOW[manPath];
    const event = dayFromFraction(start + rng.float() * (end - start), rng);
    const [mean, sd, lo, hi] = AGE_BY_PATH[manPath];
    const age = Math.round(Math.min(hi, Math.max(lo, mean + sd * rng.normal())));
    // Passports issued without a known birthday often say 1 January (common for Central Asia).
    const jan1 = folk === 'central_asian' && rng.chance(0.15);
    const birth = jan1
      ? { y: event.y - age, m: 1, d: 1 }
      : { y: event.y - age, m: rng.range(1, 12), d: rng.range(1, 28) };
    const father = pools.father.pick(rng);
    const noPatronymic = (folk === 'tuvan' && rng.chance(0.15)) || (folk === 'central_asian' && rng.chance(0.25));
    const status = rng.choose(STATUS_BY_PATH[manPath]);
    const unit = this.units.assign(manPath, folk, home, rng);
    const units = rng.chance(manPath === 'convict' ? 0.1 : 0.2) ? [unit, this.units.any(rng)] : [unit];
    const obituaryOdds =
      folk === 'chechen' ? 0.25 : folk === 'central_asian' ? 0.3 : manPath === 'convict' ? 0.45 : 0.75;
    return {
      people: folk,
      surname: pools.surname.pick(rng),
      given: pools.given.pick(rng),
      father,
      patronymic: noPatronymic ? '' : patronymicOf(father.name),
      ugli: folk === 'central_asian' && !noPatronymic && rng.chance(0.3),
      birth,
      home,
      residence: rng.chance(folk === 'central_asian' ? 0.05 : 0.1) ? this.hubs.pick(rng) : null,
      town: rng.chance(0.3) ? rng.pick(VILLAGES) : rng.chance(0.5) ? home.towns[0] : rng.pick(home.towns),
      units,
      path: manPath,
      status,
      exchanged: status === 'captured' && rng.chance(0.55),
      event,
      visibility: Math.exp(rng.normal() - 0.5),
      relation: 'founder',
      obituary: status === 'killed' && rng.chance(obituaryOdds),
    };
  }

  private relative(founder: Man, relation: Man['relation']): Man {
    const rng = this.rng;
    const samePath = rng.chance(0.5) ? founder.path : undefined;
    const man = this.newMan(rng.chance(0.85) ? founder.home : this.regions.pick(rng), samePath, founder.people);
    man.relation = relation;
    man.surname = founder.surname;
    if (man.home === founder.home) man.town = founder.town;
    if (relation === 'brother' || relation === 'twin') {
      man.father = founder.father;
      man.patronymic = founder.patronymic;
      man.ugli = founder.ugli;
      const gap = relation === 'twin' ? 0 : (rng.chance(0.5) ? 1 : -1) * rng.range(1, 10);
      man.birth = relation === 'twin' ? { ...founder.birth } : { ...man.birth, y: founder.birth.y + gap };
      while (man.given.name === founder.given.name) man.given = this.ref.pools.get(man.people)!.given.pick(rng);
    } else if (relation === 'son') {
      man.father = founder.given;
      man.patronymic = patronymicOf(founder.given.name);
      man.birth = { ...man.birth, y: founder.birth.y + rng.range(20, Math.min(30, 2005 - founder.birth.y)) };
    } else if (relation === 'father') {
      founder.father = man.given;
      founder.patronymic = patronymicOf(man.given.name);
      man.birth = { ...man.birth, y: founder.birth.y - rng.range(20, Math.min(30, founder.birth.y - 1961)) };
    }
    // Keep every man between 18 and 63 at the time of his event.
    if (relation !== 'twin') man.birth.y = Math.min(man.event.y - 18, Math.max(man.event.y - 63, man.birth.y));
    if (samePath && rng.chance(relation === 'cousin' ? 0.3 : 0.6)) {
      man.units = [founder.units[0]];
      man.event = { ...founder.event, d: rng.chance(0.5) ? founder.event.d : man.event.d };
      if (rng.chance(0.5)) man.status = founder.status;
    }
    return man;
  }
}

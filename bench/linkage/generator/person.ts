// True persons: a Russian (or republic's) serviceman with a full name, birth date, region and
// unit; brothers (same surname, patronymic, region, often unit) and namesakes (same full name,
// different birth date and region) are made on purpose as hard non-matches.
import { russianPatronymic } from '../../../src/linkage/engine/normalize/patronymic-forms.ts';
import { REGION_GROUPS, type EthnicPool } from './minority-names.ts';
import { birthDate, siblingDate, type Ymd } from './dates-gen.ts';
import { type Rng, Weighted, zipf } from './rng.ts';
import type { Pools, Region } from './pools.ts';
import type { Unit, UnitPool } from './units-pool.ts';

export interface Person {
  id: string;
  surname: string;
  given: string;
  father: string;
  patronymic: string;
  birth: Ymd;
  region: Region;
  unit: Unit;
  /** Ethnic pool name, or null for the general (Russian) pool. */
  group: string | null;
  /** Person-level tags: why this one is hard ('brother', 'twin', 'namesake'), 'minority_<group>'. */
  tags: string[];
  /** Records of this person have no patronymic (Tuvan and Buryat usage). */
  noPatronymic: boolean;
}

interface PoolSamplers {
  surnames: Weighted<string>;
  given: Weighted<string>;
  fathers: Weighted<string>;
}

export class PersonFactory {
  private next = 0;
  private readonly recent: Person[] = [];
  private readonly ethnic = new Map<string, PoolSamplers>();
  private readonly patronymics = new Map<string, string>();

  constructor(
    private readonly pools: Pools,
    private readonly units: UnitPool,
    private readonly rates: { brother: number; twin: number; namesake: number },
  ) {}

  private samplers(p: EthnicPool): PoolSamplers {
    let s = this.ethnic.get(p.name);
    if (!s) {
      const tail: string[] = [];
      for (const stem of p.tailStems)
        for (const end of p.tailEndings) {
          const name = stem + end;
          if (!p.surnames.includes(name)) tail.push(name);
        }
      const listedW = zipf(p.surnames.length, 0.9);
      const tailW = zipf(tail.length, 0.5, 3);
      const norm = (ws: number[], share: number) => {
        const t = ws.reduce((a, b) => a + b, 0);
        return ws.map((x) => (x / t) * share);
      };
      s = {
        surnames: new Weighted(
          [...p.surnames, ...tail],
          [...norm(listedW, p.listedShare), ...norm(tailW, 1 - p.listedShare)],
        ),
        given: new Weighted(p.given, zipf(p.given.length, 0.9)),
        fathers: new Weighted(p.fathers, zipf(p.fathers.length, 0.9)),
      };
      this.ethnic.set(p.name, s);
    }
    return s;
  }

  private fresh(rng: Rng): Person {
    const region = this.pools.regions.draw(rng);
    let group: EthnicPool | null = null;
    for (const [pool, share] of REGION_GROUPS[region.code] ?? []) if (rng.chance(share)) group = pool;
    let surname: string;
    let given: string;
    let father: string;
    let noPatronymic = false;
    if (group) {
      const s = this.samplers(group);
      surname = s.surnames.draw(rng);
      given = rng.chance(group.russianGiven) ? this.pools.given.draw(rng) : s.given.draw(rng);
      father = rng.chance(group.russianGiven) ? this.pools.fathers.draw(rng) : s.fathers.draw(rng);
      noPatronymic = rng.chance(group.noPatronymic);
    } else {
      surname = this.pools.surnames.draw(rng);
      given = this.pools.given.draw(rng);
      father = this.pools.fathers.draw(rng);
    }
    return {
      id: '',
      surname,
      given,
      father,
      patronymic: this.patronymicOf(father),
      birth: birthDate(rng),
      region,
      unit: this.units.draw(rng, region),
      group: group?.name ?? null,
      tags: [],
      noPatronymic,
    };
  }

  private patronymicOf(father: string): string {
    let p = this.patronymics.get(father);
    if (p === undefined) this.patronymics.set(father, (p = russianPatronymic(father).male));
    return p;
  }

  /** The next true person: fresh, or a brother / twin / namesake of a recent one. */
  make(rng: Rng): Person {
    let p: Person;
    const roll = rng.next();
    const base = this.recent.length ? rng.pick(this.recent) : null;
    if (base && roll < this.rates.brother) {
      const twin = rng.chance(this.rates.twin);
      let given = base.given;
      for (let i = 0; i < 10 && given === base.given; i++) given = this.fresh(rng).given;
      p = {
        ...base,
        given,
        birth: twin ? base.birth : siblingDate(rng, base.birth),
        unit: rng.chance(0.6) ? base.unit : this.units.draw(rng, base.region),
        tags: [twin ? 'twin' : 'brother'],
      };
    } else if (base && roll < this.rates.brother + this.rates.namesake) {
      const other = this.fresh(rng);
      p = {
        ...other,
        surname: base.surname,
        given: base.given,
        father: base.father,
        patronymic: base.patronymic,
        group: base.group,
        tags: ['namesake'],
      };
    } else {
      p = this.fresh(rng);
    }
    p.id = `P${++this.next}`;
    if (p.group) p.tags = [...p.tags, `minority_${p.group}`];
    // A bounded ring of recent persons to draw relatives and namesakes from (memory stays flat).
    if (this.recent.length < 2000) this.recent.push(p);
    else this.recent[rng.int(0, this.recent.length - 1)] = p;
    return p;
  }
}

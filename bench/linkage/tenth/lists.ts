// The lists records come from: what kind of men each takes in, what it copies from other lists,
// and each list's own habits. Rates are my judgement of how such lists look, not measurements.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Man, Status } from './people.ts';
import type { Unit } from './places.ts';
import { type Rng, Rng as Random, Weighted } from './random.ts';
import type { Reference } from './reference.ts';
import type { DateFormat } from './dates.ts';
import type { Channel } from './noise.ts';

export type Kind =
  | 'family_request'
  | 'search_post'
  | 'regional_news'
  | 'cemetery_photo'
  | 'memorial_board'
  | 'pow_list_ua'
  | 'official_notice'
  | 'court_record'
  | 'wanted_list'
  | 'detained_list'
  | 'media_roundup'
  | 'rights_sheet'
  | 'exchange_list'
  | 'foreign_press';
export type RegionRole = 'home' | 'birth' | 'enlist' | 'burial' | 'list';
export type RegionStyle = 'official' | 'alias' | 'code' | 'town' | 'town_region' | 'military_office' | 'english';
export type UnitStyle = 'vch' | 'vch_genitive' | 'formation' | 'both' | 'informal' | 'english';

/** One kind of list; the values live in data/list-kinds.json (field meanings in README.md). */
export interface KindSpec {
  kind: Kind;
  lists: number | 'region'; // lists of this kind at --n 20000; 'region': one per region
  intake: Partial<Record<Status, number>>; // weight of this kind among a man's own records, by his fate
  copies?: [Kind, number][]; // [parent kind, chance that a record there is copied here]
  needs?: 'dead' | 'refuser' | 'exchanged';
  maxPerMan?: number; // own records of one man in lists of this kind
  duplicate: number; // chance the same man is entered twice in one list
  channel: Channel;
  channelRate: number; // per name part
  typoRate: number; // keyboard slips when typed into the list, per name part
  patronymic: number;
  initials: number;
  genitive: number;
  diminutive: number;
  misfile: number;
  birth: [full: number, year: number, fromAge: number];
  dates: DateFormat[];
  roles: [RegionRole, number][];
  regionPresent: number;
  regionStyles: RegionStyle[];
  unitPresent: number;
  unitLatest: number;
  unitStyles: UnitStyle[];
  upper: number;
  script?: 'ua' | 'latin';
}

const KINDS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'data', 'list-kinds.json');
/** In dependency order: a kind only copies from kinds listed before it. */
export const KINDS: KindSpec[] = JSON.parse(readFileSync(KINDS_FILE, 'utf8')).kinds;

function eligible(spec: KindSpec, man: Man): boolean {
  if (spec.needs === 'dead') return man.status === 'dead';
  if (spec.needs === 'refuser') return man.status === 'refuser';
  if (spec.needs === 'exchanged') return man.exchanged;
  return true;
}
const KIND_INDEX = new Map(KINDS.map((k, i) => [k.kind, i]));

export interface ListInstance {
  id: number;
  name: string;
  spec: KindSpec;
  region: number; // -1 for lists that are not regional
  dateFormat: DateFormat;
  upper: 'none' | 'all' | 'surname';
  keepYo: boolean;
  emptyMark: string;
  regionStyle: RegionStyle;
  unitStyle: UnitStyle;
  script: 'ru' | 'ua' | 'latin';
  latin: 'passport' | 'press';
  softenE: boolean; // Ukrainian lists that write Russian "е" as "є"
  yearAsJanFirst: boolean; // spreadsheets that store a bare year as 01.01.YYYY
  oneNameCell: 'no' | 'surname_first' | 'given_first'; // lists with a single "ФИО" column, split into ours as-is
}

/** Chance that a list of this kind has one column for the whole name (my judgement). */
const ONE_NAME_CELL: Partial<Record<Kind, number>> = {
  search_post: 0.2,
  rights_sheet: 0.15,
  media_roundup: 0.1,
  detained_list: 0.3,
  foreign_press: 0.5,
  regional_news: 0.1,
};

export const EMPTY_MARKS = new Weighted<string>([
  ['', 14],
  ['-', 2],
  ['нет данных', 1],
  ['н/д', 1],
  ['?', 1],
]);

export class ListCatalogue {
  readonly lists: ListInstance[] = [];
  private readonly national = new Map<Kind, Weighted<number>>();
  private readonly regional = new Map<string, number>();

  constructor(ref: Reference, n: number, seed: number) {
    const scale = (n / 20_000) ** 0.3;
    for (const spec of KINDS) {
      if (spec.lists === 'region') {
        ref.regions.forEach((r, i) =>
          this.regional.set(`${spec.kind}:${i}`, this.add(spec, `${spec.kind}_${r.iso}`, i, seed, 0)),
        );
        continue;
      }
      const sizes = new Weighted<number>();
      const count = Math.max(1, Math.round(spec.lists * scale));
      for (let i = 0; i < count; i++) {
        sizes.add(this.add(spec, `${spec.kind}_${String(i + 1).padStart(2, '0')}`, -1, seed, i), 1 / (i + 1) ** 0.8);
      }
      this.national.set(spec.kind, sizes);
    }
  }

  private add(spec: KindSpec, name: string, region: number, seed: number, nth: number): number {
    const id = this.lists.length;
    const rng = new Random(seed, 0x1157, id);
    const upper = rng.chance(spec.upper) ? (rng.chance(0.5) ? 'all' : 'surname') : 'none';
    this.lists.push({
      id,
      name,
      spec,
      region,
      upper,
      dateFormat: rng.pick(spec.dates),
      keepYo: rng.chance(0.3),
      emptyMark: EMPTY_MARKS.draw(rng),
      regionStyle: rng.pick(spec.regionStyles),
      unitStyle: rng.pick(spec.unitStyles),
      // The largest prisoner list is in Ukrainian; others are Russian-language compilations.
      script: spec.script === 'ua' ? (nth === 0 || rng.chance(0.5) ? 'ua' : 'ru') : (spec.script ?? 'ru'),
      latin: rng.chance(0.5) ? 'passport' : 'press',
      softenE: rng.chance(0.5),
      yearAsJanFirst: spec.kind === 'rights_sheet' && rng.chance(0.5),
      // The biggest list of a kind is kept by a team with proper columns, and does not have this habit.
      oneNameCell: !rng.chance((ONE_NAME_CELL[spec.kind] ?? 0) * (nth === 0 && spec.lists !== 'region' ? 0 : 1))
        ? 'no'
        : spec.kind === 'regional_news' || spec.kind === 'foreign_press'
          ? 'given_first'
          : 'surname_first',
    });
    return id;
  }

  /** The list of a kind that this man's record lands in. */
  listFor(spec: KindSpec, man: Man, units: Unit[], rng: Rng): number {
    if (spec.lists !== 'region') return this.national.get(spec.kind)!.draw(rng);
    let region = man.homeRegion;
    if (spec.kind === 'cemetery_photo') region = man.burialRegion;
    if (spec.kind === 'court_record') {
      const garrison = units[man.units.at(-1)!].region;
      if (garrison >= 0 && rng.chance(0.6)) region = garrison;
    }
    return this.regional.get(`${spec.kind}:${region}`)!;
  }

  /**
   * The man's records as [list, parent] pairs, parent being the index of the copied record within
   * this array or -1. Parents always come before their copies.
   */
  plan(man: Man, units: Unit[], rng: Rng): [number, number][] {
    const mean = { dead: 1.9, missing: 2, captured: 1.8, refuser: 1.6, deserter: 1.4, alive: 1.3 }[man.status];
    const intake = new Array<number>(KINDS.length).fill(0);
    let count = 1;
    while (rng.chance(1 - 1 / mean)) count++;
    for (let i = 0; i < count; i++) {
      const status: Status = man.wasMissing && rng.chance(0.4) ? 'missing' : man.status;
      const choice = new Weighted<number>();
      KINDS.forEach((k, ki) => {
        if (eligible(k, man)) choice.add(ki, k.intake[status] ?? 0);
      });
      if (choice.size) intake[choice.draw(rng)]++;
    }
    const out: [number, number][] = [];
    const kindOf: number[] = [];
    // A man is entered once per list (a duplicate aside); draws beyond the lists available are dropped.
    const used = new Set<number>();
    const freshList = (spec: KindSpec): number => {
      for (let tries = 0; tries < 6; tries++) {
        const list = this.listFor(spec, man, units, rng);
        if (!used.has(list)) return (used.add(list), list);
      }
      return -1;
    };
    KINDS.forEach((spec, ki) => {
      const before = out.length;
      for (let i = 0; i < Math.min(intake[ki], spec.maxPerMan ?? 99); i++) {
        const list = freshList(spec);
        if (list < 0) continue;
        out.push([list, -1]);
        if (rng.chance(spec.duplicate)) out.push([list, -1]);
      }
      if (eligible(spec, man)) {
        for (const [parentKind, p] of spec.copies ?? []) {
          const pk = KIND_INDEX.get(parentKind);
          for (let r = 0; r < before; r++) {
            if (kindOf[r] !== pk || !rng.chance(p)) continue;
            const list = freshList(spec);
            if (list >= 0) out.push([list, r]);
          }
        }
      }
      while (kindOf.length < out.length) kindOf.push(ki);
    });
    return out;
  }
}

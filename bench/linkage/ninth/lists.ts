/**
 * The lists a man can land in, who writes them and how. Every number here is the author's judgement
 * of how such lists look, not a measurement. Reach = chance a man of that status is in the list
 * before his visibility (family and media loudness) scales it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Man, Status } from './population.ts';
import type { Rng } from './rng.ts';

type Weights<K extends string> = Partial<Record<K, number>>;

export interface Style {
  script: Weights<'ru' | 'ua' | 'lat'>;
  letterCase: Weights<'as' | 'surnameCaps' | 'allCaps' | 'lower'>;
  grammar: Weights<'nom' | 'gen' | 'dat' | 'ins'>;
  /** Chance the list records the patronymic at all. */
  patronymic: number;
  givenForm: Weights<'full' | 'diminutive' | 'initial'>;
  /** Chance of another accepted spelling of a name, when one exists (Рустем/Рустам). */
  variant: number;
  keepYo: number;
  layout: Weights<'fields' | 'fioInSurname' | 'givenFirst' | 'initials' | 'shifted'>;
  birth: Weights<'dmy' | 'dmyShort' | 'iso' | 'text' | 'year' | 'yearGr' | 'age' | 'excel' | 'us' | 'none'>;
  birthErrors: number;
  /** The date of death (or capture) typed into the birth cell. */
  eventAsBirth: number;
  region: Weights<'full' | 'short' | 'town' | 'townRegion' | 'code' | 'commissariat' | 'none'>;
  regionFrom: Weights<'home' | 'residence' | 'unitBase'>;
  unit: Weights<'vch' | 'vchLong' | 'formation' | 'formationLong' | 'both' | 'branch' | 'none'>;
  rankPrefix: number;
  /** Per name cell: chance of at least one error of each cause. */
  errors: { typo: number; sound: number; ocr: number; homoglyph: number };
  placeholder: number;
  junk: number;
  /** Region and unit text landing in each other's cells, or a comment in the unit cell. */
  crossedCells: number;
}

export type ListKind =
  | 'family_request'
  | 'social_appeal'
  | 'obituary_roundup'
  | 'foreign_roundup'
  | 'rights_group'
  | 'pow_list_ua'
  | 'exchange_ru'
  | 'official_notice'
  | 'court_record'
  | 'memorial';

export interface ListSpec {
  source: string;
  kind: ListKind;
  reach: Partial<Record<Status, number>>;
  /** Only men with a published obituary / who came home in an exchange can be in it. */
  gate?: 'obituary' | 'exchanged';
  /** Chance a record is entered twice (mother and wife both wrote; a roundup counted twice). */
  duplicate: number;
  style: Style;
}

interface Catalogue {
  defaults: Style;
  lists: Array<Omit<ListSpec, 'style'> & Partial<Style> & { why: string }>;
}

/** The sixteen lists live in data/lists.json, each with a sentence on who writes it and how. */
const catalogue: Catalogue = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'data', 'lists.json'), 'utf8'),
);

export const LISTS: ListSpec[] = catalogue.lists.map(
  ({ source, kind, reach, duplicate, gate, why: _why, ...style }) => ({
    source,
    kind,
    reach,
    duplicate,
    gate,
    style: { ...catalogue.defaults, ...style },
  }),
);

/** One knob to tune how many lists the average man is in (about 1.8, with half the men in one list). */
const REACH_SCALE = 0.5;
const FAMILY_KINDS = new Set<ListKind>(['family_request', 'social_appeal']);

/** How much more or less a man's people and path get into a list, relative to its base reach. */
function reachFactor(man: Man, spec: ListSpec): number {
  let f = 1;
  if (FAMILY_KINDS.has(spec.kind)) {
    if (man.people === 'central_asian' || man.people === 'chechen') f *= 0.4;
    if (man.people === 'ingush' || man.people === 'dagestani') f *= 0.7;
    if (man.path === 'convict') f *= 0.6;
    if (man.path === 'conscript') f *= 1.6;
  }
  if (spec.kind === 'social_appeal') f *= man.path === 'mobilised' ? 2.5 : 0.6;
  return f;
}

/**
 * Indices of the lists a man appears in. Relatives share `familyDraws` for family-written lists:
 * one mother files for both sons, so brothers tend to be in the same request lists together.
 */
export function listsFor(man: Man, familyDraws: Float64Array, rng: Rng): number[] {
  const found: number[] = [];
  LISTS.forEach((spec, i) => {
    const reach = spec.reach[man.status] ?? 0;
    if (reach === 0) return;
    if (spec.gate === 'obituary' && !man.obituary) return;
    if (spec.gate === 'exchanged' && !man.exchanged) return;
    const p = Math.min(0.95, REACH_SCALE * reach * man.visibility * reachFactor(man, spec));
    const draw = FAMILY_KINDS.has(spec.kind) && rng.chance(0.7) ? familyDraws[i] : rng.float();
    if (draw < p) found.push(i);
  });
  return found;
}

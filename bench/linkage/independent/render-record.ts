import { NoiseRoller, type NoiseTally } from './noise-tally.ts';
import type { Person } from './population.ts';
import { Rng } from './prng.ts';
import { regions, renderRegion } from './regions.ts';
import { renderBirth } from './render-birth.ts';
import { type Latinise, renderName } from './render-name.ts';
import { SOURCES, type SourceId, type SourceProfile, type Status } from './sources.ts';
import { transliterate } from './transliterate.ts';
import { yoToE } from './typos.ts';
import type { UnitPool } from './unit-pool.ts';
import { renderUnit } from './unit-render.ts';

// Which documents mention a man, and what each of them says about him.

export const STREAM_SOURCES = 3;
export const STREAM_RECORD = 4;

export interface Row {
  source: SourceId;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string;
  region: string;
  unit: string;
}

const SOURCE_WEIGHTS = new Map<Status, readonly number[]>(
  (['dead', 'missing', 'captured'] as const).map((status) => [status, SOURCES.map((s) => s.base * s.status[status])]),
);

// A second record of the same kind (the mother's request and the wife's) happens, but less
// often than a record of another kind, so a used source's weight is cut.
const REPEAT_FACTOR = 0.35;

/** The sources of a man's k records, drawn once per man so every record can be made alone. */
export function sourcesOf(seed: number, family: number, member: number, person: Person, k: number): SourceProfile[] {
  const rng = new Rng(seed, family, STREAM_SOURCES, member);
  const weights = [...SOURCE_WEIGHTS.get(person.status)!];
  const chosen: SourceProfile[] = [];
  for (let j = 0; j < k; j++) {
    let x = rng.float() * weights.reduce((a, b) => a + b, 0);
    let i = 0;
    while (i < weights.length - 1 && x >= weights[i]) x -= weights[i++];
    while (weights[i] === 0) i--;
    chosen.push(SOURCES[i]);
    weights[i] *= REPEAT_FACTOR;
  }
  return chosen;
}

function latiniser(r: NoiseRoller, person: Person, profile: SourceProfile): Latinise | null {
  if (profile.names.latin <= 0 || !r.roll('latin', profile.names.latin)) return null;
  const rng = r.rng;
  const system = profile.names.systems.pick(rng);
  const informal = person.pool !== 'russian' && person.pool !== 'ossetian' && person.pool !== 'tuvan';
  const options = { jStyle: informal && rng.chance(0.5), hStyle: informal && rng.chance(0.4) };
  const pick = rng.int(4);
  return (s, givenName) => (s === '' ? s : transliterate(s, system, { ...options, givenName }, pick));
}

export function renderRecord(
  seed: number,
  family: number,
  member: number,
  index: number,
  person: Person,
  profile: SourceProfile,
  units: UnitPool,
  tally: NoiseTally | null,
): Row {
  const rng = new Rng(seed, family, STREAM_RECORD, member, index);
  const r = new NoiseRoller(rng, profile.id, tally);
  const latin = latiniser(r, person, profile);
  const name = renderName(r, person, profile.names, latin);
  const birth = renderBirth(r, person, profile.birth);

  const regionStyle = profile.region.pick(rng);
  let region =
    regionStyle === 'missing'
      ? ''
      : renderRegion(
          rng,
          regions()[person.region],
          person.town,
          regionStyle,
          latin ? (s) => latin(s, false) : undefined,
        );
  if (profile.names.keepYo < 1 && !rng.chance(profile.names.keepYo)) region = yoToE(region);

  let unit = '';
  const unitStyle = profile.unit.styles.pick(rng);
  if (person.unit >= 0 && unitStyle !== 'missing') {
    unit = renderUnit(
      rng,
      units.units[person.unit],
      { storm: person.storm, battalion: person.battalion, company: person.company },
      unitStyle,
      profile.unit.numberFormats.pick(rng),
      latin !== null,
    );
  }
  return {
    source: profile.id,
    surname: name.surname,
    given_name: name.given,
    patronymic: name.patronymic,
    birth_date: birth,
    region,
    unit,
  };
}

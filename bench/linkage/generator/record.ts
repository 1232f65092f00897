// One record of a true person, as one source would write it, with the list of variations applied
// (so a benchmark can report recall per variation kind).
import { readFileSync } from 'node:fs';
import { transliterate, type TranslitSystem } from '../../../src/linkage/engine/normalize/index.ts';
import { dateError, renderDate, type DateError } from './dates-gen.ts';
import type { Person } from './person.ts';
import { renderRegion } from './region-forms.ts';
import type { Rng } from './rng.ts';
import { PROFILES, type Source } from './sources.ts';
import { feminine, informalLatin, toggleYo, typo, WESTERN_GIVEN } from './spelling.ts';
import { ukrainianGiven, ukrainianPatronymicOf, ukrainianSpelling } from './ukrainian.ts';
import { renderUnit } from './units-pool.ts';

/** One output row; record_id is given when the row leaves the shuffle window. */
export interface GeneratedRecord {
  record_id: string;
  source: Source;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string;
  region: string;
  unit: string;
  true_id: string;
  /** Variation kinds applied to this record, '|'-separated (not part of the CSV by default). */
  variations: string;
}

// The diminutives as they were when this generator was written (a frozen copy): the engine's
// table in data/names grows, and the benchmark's data must not grow with what the engine reads.
const DIMINUTIVES = new Map<string, string[]>();
for (const line of readFileSync(new URL('./diminutives.csv', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .slice(1)) {
  const [dim, full, gender] = line.split(',');
  if (!dim || gender !== 'm') continue;
  const key = full.replace(/ё/g, 'е');
  DIMINUTIVES.set(key, [...(DIMINUTIVES.get(key) ?? []), dim]);
}
// Our given-name pool writes Артём, Пётр with ё: index those spellings too (no replace per record).
for (const [key, dims] of [...DIMINUTIVES]) {
  for (const withYo of ['Артём', 'Пётр', 'Фёдор', 'Семён'])
    if (withYo.replace(/ё/g, 'е') === key) DIMINUTIVES.set(withYo, dims);
}
for (const [full, dims] of [
  ['Сергей', ['Серёга']],
  ['Дмитрий', ['Димон']],
  ['Александр', ['Санёк']],
  ['Николай', ['Колян']],
] as const) {
  DIMINUTIVES.set(full, [...(DIMINUTIVES.get(full) ?? []), ...dims]);
}

// Local alias: read through the import binding once, not once per record.
const profiles = PROFILES;
const initial = (rng: Rng, s: string) => (s ? `${[...s][0]}${rng.chance(0.85) ? '.' : ''}` : s);
const DATE_ERRORS: DateError[] = ['day_month_swap', 'year_off_by_one', 'date_digit_typo'];

// Names repeat heavily (Zipf), so transliterations are cached, one map per system; a map is
// dropped when full to keep memory bounded on long runs.
const latinCache = new Map<TranslitSystem, Map<string, string>>();
function latinOf(s: string, system: TranslitSystem): string {
  let cache = latinCache.get(system);
  if (!cache || cache.size > 100_000) latinCache.set(system, (cache = new Map()));
  let t = cache.get(s);
  if (t === undefined) cache.set(s, (t = transliterate(s, system)));
  return t;
}

const zhCount = (s: string) => s.split(/zh/i).length - 1;

function typed(rng: Rng, s: string, p: number, v: string[]): string {
  if (!s || s.length < 4 || !rng.chance(p)) return s;
  const t = typo(rng, s);
  if (t !== s) v.push('typo');
  return t;
}

export function makeRecord(rng: Rng, p: Person, source: Source): GeneratedRecord {
  const prof = profiles[source];
  const v: string[] = p.tags.slice();
  let surname = p.surname;
  let given = p.given;
  let patronymic = p.patronymic;
  const ukrainian = rng.chance(prof.ukrainian);
  if (ukrainian) {
    surname = ukrainianSpelling(surname);
    given = ukrainianGiven(given);
    patronymic = ukrainianPatronymicOf(p.father);
    v.push('ukrainian_form');
  } else {
    const dims = DIMINUTIVES.get(given);
    if (dims && rng.chance(prof.diminutive)) {
      given = rng.pick(dims);
      v.push('diminutive');
    }
    if (rng.chance(prof.yo)) {
      const [a, b, c] = [toggleYo(surname), toggleYo(given), toggleYo(patronymic)];
      if (a !== surname || b !== given || c !== patronymic) v.push('yo_toggle');
      [surname, given, patronymic] = [a, b, c];
    }
  }
  if (rng.chance(prof.feminine)) {
    const f = feminine(surname);
    if (f !== surname) {
      surname = f;
      v.push('feminine_surname');
    }
  }
  if (p.noPatronymic || rng.chance(prof.missingPatronymic)) {
    patronymic = '';
    v.push('missing_patronymic');
  } else if (rng.chance(prof.initialPatronymic)) {
    patronymic = initial(rng, patronymic);
    v.push('initial_patronymic');
  }
  if (rng.chance(prof.initialGiven)) {
    given = initial(rng, given);
    v.push('initial_given');
    if (patronymic && !patronymic.endsWith('.')) {
      patronymic = initial(rng, patronymic);
      v.push('initial_patronymic');
    }
  }

  const latin = rng.chance(ukrainian ? Math.max(prof.latin, 0.6) : prof.latin);
  if (latin) {
    const system: TranslitSystem = ukrainian ? 'ukraine2010' : prof.systems.draw(rng);
    v.push(ukrainian ? 'ukrainian_romanisation' : `latin_${system}`);
    if (system === 'mvd1997' || system === 'gostr52535') v.push('old_passport');
    surname = latinOf(surname, system);
    given = latinOf(given, system);
    patronymic = latinOf(patronymic, system);
    const western = WESTERN_GIVEN[p.given];
    if (western && system === 'informal' && !ukrainian && given === latinOf(p.given, system) && rng.chance(0.4)) {
      given = rng.pick(western);
      v.push('western_given');
    }
    if (system === 'informal' || rng.chance(prof.informal)) {
      // A Western name (Alexander) is already how the writer spells it: only the surname varies.
      const a = informalLatin(rng, surname);
      const b = v.includes('western_given') ? given : informalLatin(rng, given);
      if (a !== surname || b !== given) v.push('informal_spelling');
      // Marked apart: the one informal habit no key can undo (see spelling.ts).
      if (zhCount(a) < zhCount(surname) || zhCount(b) < zhCount(given)) v.push('informal_zh_j');
      [surname, given] = [a, b];
    }
  }
  surname = typed(rng, surname, prof.typo, v);
  given = typed(rng, given, prof.typo, v);
  patronymic = typed(rng, patronymic, prof.typo, v);
  if (rng.chance(prof.upperAll)) {
    [surname, given, patronymic] = [surname.toUpperCase(), given.toUpperCase(), patronymic.toUpperCase()];
    v.push('upper_case');
  } else if (rng.chance(prof.upperSurname)) {
    surname = surname.toUpperCase();
    v.push('upper_case');
  }
  if (rng.chance(prof.swapped)) {
    [surname, given] = [given, surname];
    v.push('swapped_names');
  }
  if (rng.chance(prof.emptyGiven)) {
    given = '';
    v.push('empty_given_name');
  }

  let birth = p.birth;
  if (rng.chance(prof.dateError)) {
    const kind = rng.pick(DATE_ERRORS);
    const wrong = dateError(rng, birth, kind);
    if (wrong) {
      birth = wrong;
      v.push(kind);
    }
  }
  const dateForm = prof.dates.draw(rng);
  v.push(dateForm);
  const region = renderRegion(rng, p.region, prof.regions.draw(rng));
  v.push(region.form);
  const unitForm = prof.units.draw(rng);
  v.push(unitForm);
  const unit = renderUnit(rng, p.unit, unitForm, latin && rng.chance(0.7));
  return {
    record_id: '',
    source,
    surname,
    given_name: given,
    patronymic,
    birth_date: renderDate(birth, dateForm),
    region: region.text,
    unit,
    true_id: p.id,
    variations: v.join('|'),
  };
}

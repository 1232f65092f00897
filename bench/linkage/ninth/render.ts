/**
 * Turns one true man into one row of one list: the list's habits first (what it knows, script,
 * grammar, case, layout), then accidents (typos, mishearing, OCR, pasted look-alikes, stray cells).
 */
import { type Note, renderBirth, renderRegion, renderUnit, type Script } from './fields.ts';
import type { ListSpec } from './lists.ts';
import { homoglyphs, junkSpace, ocr, phonetic, typo } from './noise.ts';
import type { Man } from './population.ts';
import type { NameEntry, Reference } from './reference.ts';
import type { Rng } from './rng.ts';
import { decline, patronymicOf, romanise, ukrainianGiven, ukrainianLetters, ukrainianPatronymic } from './spelling.ts';

/** The six data cells of people.csv after `source`. */
export type Row = [surname: string, given: string, patronymic: string, birth: string, region: string, unit: string];

const UGLI = ['угли', 'угли', 'уғли', 'оглы'];
const PLACEHOLDERS: Record<Script, string[]> = {
  ru: ['-', 'н/д', 'нет данных', 'неизвестно', '?', 'не указано'],
  ua: ['-', 'невідомо', 'н/д'],
  lat: ['-', 'n/a', 'unknown'],
};
const COMMENTS = [
  'ПБВ',
  'пропал без вести',
  'в плену',
  'со слов сослуживцев',
  'тело не возвращено',
  'уточняется',
  '200',
];

function spell(entry: NameEntry, spec: ListSpec, rng: Rng, note: Note): string {
  if (entry.variants.length > 0 && rng.chance(spec.style.variant)) {
    note('name_spelling_variant');
    return rng.pick(entry.variants);
  }
  return entry.name;
}

function namesOf(
  man: Man,
  spec: ListSpec,
  script: Script,
  ref: Reference,
  rng: Rng,
  note: Note,
): [string, string, string] {
  const style = spec.style;
  let surname = spell(man.surname, spec, rng, note);
  const givenForm = rng.choose(style.givenForm);
  let given = spell(man.given, spec, rng, note);
  const shortForms = ref.diminutives.get(man.given.name);
  if (givenForm === 'diminutive' && shortForms) {
    given = rng.pick(shortForms);
    note('given_name_diminutive');
  }
  // Compound Tuvan/Chechen names lose or change their hyphen: Шолбан-оол, Шолбан оол, Шолбаноол.
  if (given.includes('-') && rng.chance(0.3)) {
    given = rng.chance(0.5) ? given.replace('-', ' ') : given.replace('-', '');
    note('compound_name_rejoined');
  }
  let patronymic = '';
  if (man.patronymic !== '' && rng.chance(style.patronymic)) {
    const fatherSpelling = spell(man.father, spec, rng, note);
    patronymic = man.ugli ? `${fatherSpelling} ${rng.pick(UGLI)}` : patronymicOf(fatherSpelling);
    if (man.ugli && rng.chance(0.3)) patronymic = patronymic.replace(' ', '');
  } else if (man.patronymic !== '') note('patronymic_not_recorded');
  const grammar = rng.choose(style.grammar);
  if (grammar !== 'nom' && script === 'ru') {
    surname = decline(surname, 'surname', grammar);
    given = decline(given, 'given', grammar);
    patronymic = decline(patronymic, 'patronymic', grammar);
    note(`name_in_${grammar}_case`);
  }
  if (script === 'ua') {
    surname = ukrainianLetters(surname);
    patronymic = ukrainianPatronymic(man.father.name, patronymic);
    given = ukrainianGiven(given);
    note('ukrainian_spelling');
  } else if (script === 'lat') {
    const system = rng.chance(0.4) ? 'icao' : 'english';
    [surname, given, patronymic] = [surname, given, patronymic].map((w) => romanise(w, system, rng));
    note('latin_transliteration');
  } else if (!rng.chance(style.keepYo) && /[ёЁ]/.test(surname + given + patronymic)) {
    [surname, given, patronymic] = [surname, given, patronymic].map((w) => w.replace(/ё/g, 'е').replace(/Ё/g, 'Е'));
    note('yo_written_as_e');
  }
  if (givenForm === 'initial') given = `${given[0]}.`;
  return [surname, given, patronymic];
}

function damage(word: string, spec: ListSpec, script: Script, rng: Rng, note: Note): string {
  if (word.length < 3 || word.endsWith('.')) return word;
  const e = spec.style.errors;
  let out = word;
  if (rng.chance(e.typo)) (out = typo(out, rng)), note('typo');
  if (rng.chance(e.sound)) (out = phonetic(out, rng)), note('spelling_by_ear');
  if (rng.chance(e.ocr)) (out = ocr(out, rng)), note('ocr_confusion');
  if (script !== 'lat' && rng.chance(e.homoglyph)) (out = homoglyphs(out, rng)), note('latin_lookalike_letters');
  return out;
}

export function renderRow(man: Man, spec: ListSpec, ref: Reference, rng: Rng, note: Note): Row {
  const style = spec.style;
  const script = rng.choose(style.script);
  let [surname, given, patronymic] = namesOf(man, spec, script, ref, rng, note).map((w) =>
    damage(w, spec, script, rng, note),
  );
  const letterCase = rng.choose(style.letterCase);
  if (letterCase === 'surnameCaps') surname = surname.toUpperCase();
  else if (letterCase === 'allCaps')
    [surname, given, patronymic] = [surname, given, patronymic].map((w) => w.toUpperCase());
  else if (letterCase === 'lower')
    [surname, given, patronymic] = [surname, given, patronymic].map((w) => w.toLowerCase());
  if (letterCase !== 'as') note(`letter_case_${letterCase}`);

  const row: Row = [
    surname,
    given,
    patronymic,
    renderBirth(man, spec, script, rng, note),
    renderRegion(man, spec, script, rng, note),
    renderUnit(man, spec, script, rng, note),
  ];
  const layout = rng.choose(style.layout);
  if (layout === 'fioInSurname') {
    row[0] = [surname, given, patronymic].filter((w) => w !== '').join(' ');
    row[1] = row[2] = '';
  } else if (layout === 'givenFirst') {
    [row[0], row[1]] = [given, surname];
  } else if (layout === 'initials') {
    const initials = `${given[0] ?? ''}.${patronymic ? `${patronymic[0]}.` : ''}`;
    if (rng.chance(0.3)) [row[0], row[1], row[2]] = [`${surname} ${initials}`, '', ''];
    else [row[1], row[2]] = [`${given[0] ?? ''}.`, patronymic ? `${patronymic[0]}.` : ''];
  } else if (layout === 'shifted') {
    // A cell inserted or deleted while pasting: the rest of the row slides one column.
    if (row[2] === '') [row[2], row[3], row[4], row[5]] = [row[3], row[4], row[5], ''];
    else [row[2], row[3], row[4], row[5]] = ['', row[2], row[3], row[4]];
  }
  if (layout !== 'fields') note(`layout_${layout}`);

  if (rng.chance(style.crossedCells)) {
    const kind = rng.choose({ regionInUnit: 2, unitInRegion: 1, comment: 2 });
    if (kind === 'regionInUnit' && row[4] !== '') [row[5], row[4]] = [[row[5], row[4]].filter(Boolean).join(', '), ''];
    else if (kind === 'unitInRegion' && row[5] !== '')
      [row[4], row[5]] = [[row[4], row[5]].filter(Boolean).join(', '), ''];
    else row[5] = [row[5], rng.pick(COMMENTS)].filter(Boolean).join(', ');
    note(`cells_crossed_${kind}`);
  }
  if (rng.chance(style.placeholder)) {
    const filler = rng.pick(PLACEHOLDERS[script]);
    for (let i = 1; i < 6; i++) if (row[i] === '') row[i] = filler;
    note('empty_cells_filled_with_placeholder');
  }
  if (rng.chance(style.junk)) {
    const i = rng.int(6);
    if (row[i] !== '') (row[i] = junkSpace(row[i], rng)), note('stray_whitespace');
  }
  return row;
}

import { parseAge, parseDate, regionCode, SERVICE_AGES } from '../linkage/engine/normalize/index.ts';
import { splitFullName } from '../linkage/engine/normalize/full-names.ts';
import { PERSON_CSV_COLUMNS } from '../linkage/engine/person-config.ts';
import { AGE_COLUMN_NAMES, columnKey, PERSON_COLUMN_NAMES } from '../linkage/person-columns.ts';
import { inFuture, parsePartialDate, type PartialDate } from '../people/partial-date.ts';
import { SERVICE_CATEGORIES } from '../people/people.schema.ts';
import { isRegionCode } from '../people/regions.ts';
import type { IncomingPerson } from '../people/person-records.service.ts';
import type { EventKind } from '../cases/timeline.ts';
import { ListError, MAX_CELL_CHARS, looksLikeFormula } from './list-format.ts';
import type { RowProblem } from './list-problems.ts';

// One row of a list → a person record and the events it reports (a status, a date of death).
// Pure. The platform's person CSV (the header `kintrace dedupe` reads) is the default; any other
// header is mapped field by field. Every column of a row is checked, and each one at fault is
// named with the reason (the cell's value is never repeated: it may be a name); one bad row
// keeps the whole file from being imported. What is imported otherwise than the list says (a
// region not recognised, a date with no status) is a warning with the row's line.

const NAMES_END = PERSON_CSV_COLUMNS.indexOf('patronymic') + 1;
const BIRTH_END = PERSON_CSV_COLUMNS.indexOf('birth_date') + 1;
export const PLATFORM_FIELDS = [
  ...PERSON_CSV_COLUMNS.slice(0, NAMES_END),
  // «ФИО»: the whole name in one column, spread over surname, given name and patronymic.
  'full_name',
  ...PERSON_CSV_COLUMNS.slice(NAMES_END, BIRTH_END),
  // An obituary roundup's «возраст»: the birth year it implies (ageYear) where no birth date is given.
  'age',
  ...PERSON_CSV_COLUMNS.slice(BIRTH_END),
  'status',
  'event_date',
  // «Дата гибели»: a list of the dead often has no status column; a date here is a death.
  'death_date',
  'category',
  'rank',
  'note',
  'colony',
  'mobilisation_wave',
] as const;
export type PlatformField = (typeof PLATFORM_FIELDS)[number];
/** field → the file's column name that holds it */
export type Mapping = Partial<Record<PlatformField, string>>;

/** Column names a field is found under without mapping: the platform's, and Russian ones. */
// The person CSV's own columns are found under the names `kintrace dedupe` reads them by, so a
// sheet that deduplicates also imports.
const ALIASES: Record<PlatformField, readonly string[]> = {
  ...PERSON_COLUMN_NAMES,
  age: AGE_COLUMN_NAMES,
  status: ['status', 'статус'],
  event_date: ['event_date', 'date', 'дата события', 'дата'],
  death_date: [
    'death_date',
    'date_of_death',
    'дата гибели',
    'дата смерти',
    'дата гибели (смерти)',
    'дата гибели/смерти',
    'дата_гибели',
  ],
  category: ['category', 'категория', 'вид службы'],
  rank: ['rank', 'звание'],
  note: ['note', 'notes', 'примечание', 'комментарий'],
  colony: ['colony', 'колония', 'ик'],
  mobilisation_wave: ['mobilisation_wave', 'wave', 'волна мобилизации', 'мобилизация'],
};

/** The mapping found from the header alone. */
export const guessMapping = (header: string[]): Mapping => {
  const keys = header.map(columnKey);
  const out: Mapping = {};
  for (const field of PLATFORM_FIELDS) {
    const names = ALIASES[field].map(columnKey);
    const i = keys.findIndex((h) => names.includes(h));
    if (i >= 0) out[field] = header[i];
  }
  return out;
};

/** Whether the header is the platform's own (nothing to ask: the import starts at once). */
export const isPlatformHeader = (header: string[]): boolean =>
  ['surname', 'given_name', 'birth_date'].every((f) => header.includes(f));

/**
 * A mapping must name existing columns, each once, and at least the surname or the full name.
 * A date of event says nothing without a status (a date of what?): its events would be lost
 * without a word, so it is refused, naming the column — a date of death has a field of its own.
 */
export const checkMapping = (
  mapping: Mapping,
  header: string[],
): Array<{ field: string; key: string; params?: Record<string, string> }> => {
  const problems: Array<{ field: string; key: string; params?: Record<string, string> }> = [];
  const used = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!column) continue;
    if (!header.includes(column)) problems.push({ field, key: 'errors.unknownOption' });
    else if (used.has(column)) problems.push({ field, key: 'imports.errors.columnTwice' });
    used.set(column, field);
  }
  if (!mapping.surname && !mapping.full_name) problems.push({ field: 'surname', key: 'imports.errors.needSurname' });
  if (mapping.event_date && !mapping.status && header.includes(mapping.event_date))
    problems.push({
      field: 'event_date',
      key: 'imports.errors.dateNeedsStatus',
      params: { column: mapping.event_date },
    });
  return problems;
};

const STATUS_WORDS: Array<[RegExp, EventKind | 'dead']> = [
  [/^(dead|killed|died|death|погиб|погибш|убит|умер|смерть|гибель|200|груз 200)/, 'dead'],
  [/^(missing|mia|пропал|бвп|без вести)/, 'missing'],
  [/^(captured|pow|prisoner|плен|в плену)/, 'captured'],
  [/^(wounded|injured|ранен|раненый|300)/, 'wounded'],
  [/^(hospitali[sz]ed|госпитал)/, 'hospitalised'],
  [/^(detained|arrested|задержан|арест|сзч|в яме)/, 'detained'],
  [/^(released|exchanged|освобожд|обмен)/, 'released'],
  [/^(returned|returned_home|home|вернулся|вернулся домой|дома)/, 'returned_home'],
  [/^(body_returned|body returned|тело возвращено|тело передано)/, 'body_returned'],
  [/^(refus|отказ)/, 'refusal_filed'],
  [/^(deployed|serving|служит|на фронте)/, 'deployed'],
];

/** A status as lists write it → the kind of event it reports (a death: reported or confirmed by level). */
export const statusKind = (raw: string, confirmed: boolean): EventKind | null => {
  const s = raw.trim().toLowerCase().replace(/ё/g, 'е');
  for (const [re, kind] of STATUS_WORDS)
    if (re.test(s)) return kind === 'dead' ? (confirmed ? 'death_confirmed' : 'death_reported') : kind;
  return null;
};

const CATEGORY_WORDS: Array<[RegExp, (typeof SERVICE_CATEGORIES)[number]]> = [
  [/^(conscript|срочн|призыв)/, 'conscript'],
  [/^(contract|контракт)/, 'contract'],
  [/^(mobili[sz]ed|мобилиз)/, 'mobilised'],
  [/^(volunteer|доброволе|добровольн)/, 'volunteer'],
  [/^(convict|prisoner recruit|заключ|осужд|шторм|вербовка из колонии|из колонии)/, 'convict_recruit'],
  [/^(pmc|чвк|вагнер|wagner)/, 'pmc'],
  [/^(unknown|неизвест|не знаю)/, 'unknown'],
];

export const categoryOf = (raw: string): string | null => {
  const s = raw.trim().toLowerCase();
  if ((SERVICE_CATEGORIES as readonly string[]).includes(s)) return s;
  for (const [re, c] of CATEGORY_WORDS) if (re.test(s)) return c;
  return null;
};

// As the people schema, letters of any alphabet with spaces, hyphens and dots, plus every mark
// lists use for an apostrophe or a soft sign in Latin (Igor`, Il'ya, Ilʼin) and a maiden name
// in brackets. Digits and other symbols are refused.
const NAME_RE = /^[\p{L}\p{M}][\p{L}\p{M}\s'’ʼ`´.()-]*$/u;

/** A date as lists write it: 12.05.1998, 05.1998, 1998, 1998-05-12, "12 мая 1998". */
export const listDate = (raw: string): PartialDate | null => {
  const direct = parsePartialDate(raw);
  if (direct) return direct;
  const d = parseDate(raw);
  if (!d?.year) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.precision === 'day' && d.month && d.day)
    return { value: `${d.year}-${pad(d.month)}-${pad(d.day)}`, precision: 'day' };
  if (d.precision === 'month' && d.month) return { value: `${d.year}-${pad(d.month)}`, precision: 'month' };
  return { value: String(d.year), precision: 'year' };
};

export interface ListContext {
  /** ISO day: no date may be after it */
  today: string;
  /** the list's own date: an event without a date of its own happened by then */
  sourceDate: PartialDate | null;
  verification: 'reported' | 'corroborated' | 'confirmed';
}

export interface ReadRow {
  person: IncomingPerson;
  recordId: string | null;
  events: Array<{ kind: EventKind; date: PartialDate }>;
  /** what is wrong with the row, column by column; any problem keeps the file from being imported */
  problems: RowProblem[];
  /** what is imported otherwise than the row says */
  warnings: RowProblem[];
}

const isDeath = (kind: EventKind): boolean => kind === 'death_reported' || kind === 'death_confirmed';
const sameDate = (a: PartialDate, b: PartialDate): boolean => a.value === b.value && a.precision === b.precision;

/** One row → what it says, with every column at fault named (`problems`) and what it imports otherwise (`warnings`). */
export const readRow = (
  line: number,
  values: string[],
  header: string[],
  mapping: Mapping,
  ctx: ListContext,
): ReadRow => {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  // Each field is read on its own: a problem in one is noted and the next is read all the same.
  const attempt = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof ListError)) throw err;
      // One reason per column: a formula in the surname is not also "not only letters".
      if (!problems.some((p) => p.params.column === err.params.column))
        problems.push({ key: err.key, params: err.params });
      return fallback;
    }
  };
  values.forEach((v, i) =>
    attempt(() => {
      if (looksLikeFormula(v.trim())) throw new ListError(line, 'imports.errors.formula', { column: header[i] });
      if (v.length > MAX_CELL_CHARS)
        throw new ListError(line, 'imports.errors.cellTooLong', { column: header[i], max: MAX_CELL_CHARS });
    }, undefined),
  );
  const cell = (field: PlatformField): string => {
    const column = mapping[field];
    const i = column ? header.indexOf(column) : -1;
    const v = i >= 0 ? (values[i] ?? '').trim() : '';
    return v === '-' || v === '—' ? '' : v;
  };
  const fail = (field: PlatformField, key: string, params: Record<string, string | number> = {}): never => {
    throw new ListError(line, key, { column: mapping[field] ?? field, ...params });
  };
  // A full name («ФИО») fills the name fields its own columns leave empty; one that cannot be
  // split without a guess is kept whole as the surname.
  const full = cell('full_name').replace(/\s+/g, ' ');
  const fromFull =
    full && !cell('surname') ? (splitFullName(full, '', '') ?? { surname: full, given: '', patronymic: '' }) : null;
  const nameCell = (field: 'surname' | 'given_name' | 'patronymic'): string => {
    const own = cell(field);
    if (own || !fromFull) return own;
    return field === 'surname' ? fromFull.surname : field === 'given_name' ? fromFull.given : fromFull.patronymic;
  };
  const name = (field: 'surname' | 'given_name' | 'patronymic', required: boolean): string | null => {
    const v = nameCell(field).replace(/\s+/g, ' ');
    if (!v)
      return required
        ? fail(field === 'surname' && !mapping.surname ? 'full_name' : field, 'imports.errors.required')
        : null;
    // A name read out of «ФИО» is said by that column: the file has no column "surname".
    const from = cell(field) || !fromFull ? field : 'full_name';
    if (v.length > 100) fail(from, 'imports.errors.tooLong', { max: 100 });
    if (!NAME_RE.test(v)) fail(from, 'imports.errors.nameChars');
    return v;
  };
  const date = (field: 'birth_date' | 'event_date' | 'death_date'): PartialDate | null => {
    const v = cell(field);
    if (!v) return null;
    const d = listDate(v);
    if (!d || Number(d.value.slice(0, 4)) < 1900) {
      // «35 лет» where the birth date goes: obituary roundups give an age more often than a date.
      if (field === 'birth_date' && parseAge(v) !== null) return ageYear(field, v);
      return fail(field, 'imports.errors.date');
    }
    if (inFuture(d, ctx.today)) fail(field, 'imports.errors.futureDate');
    return d;
  };
  // An age is the birth year it implies in the year the row speaks of: its event's date (or its
  // date of death), else the list's date, else this year. A man of 35 in 2024 was born in 1989
  // or 1988; the year is kept at year precision, and the matching takes a year off by one as a
  // near agreement.
  const ageYear = (field: 'birth_date' | 'age', v: string): PartialDate => {
    const age = parseAge(v) ?? (/^\d{1,2}$/.test(v) ? Number(v) : null);
    if (age === null || age < SERVICE_AGES.min || age > SERVICE_AGES.max)
      return fail(field, 'imports.errors.age', { ...SERVICE_AGES });
    const at =
      (cell('event_date') && listDate(cell('event_date'))) ||
      (cell('death_date') && listDate(cell('death_date'))) ||
      ctx.sourceDate;
    const year = Number((at?.value ?? ctx.today).slice(0, 4)) - age;
    return { value: String(year), precision: 'year' };
  };
  const text = (field: PlatformField, max: number): string | null => {
    const v = cell(field);
    if (v.length > max) fail(field, 'imports.errors.tooLong', { max });
    return v || null;
  };

  const surname = attempt(() => name('surname', true), null) ?? '';
  const givenName = attempt(() => name('given_name', false), null) ?? '';
  const patronymic = attempt(() => name('patronymic', false), null);
  const birth = attempt(() => date('birth_date') ?? (cell('age') ? ageYear('age', cell('age')) : null), null);
  // A region no name or code of data/regions.csv matches ("ЛНР", a district) is not an error:
  // the record simply has no region code, and the row keeps what the list said. It is said,
  // though, with the row's line: the record will not be counted under any region.
  const code = cell('region') ? regionCode(cell('region')) : null;
  const region = code && isRegionCode(code) ? code : null;
  if (cell('region') && !region)
    warnings.push({ key: 'imports.warnings.region', params: { column: mapping.region ?? 'region' } });
  const unit = attempt(() => text('unit', 200), null);
  const category = cell('category')
    ? attempt(() => categoryOf(cell('category')) ?? fail('category', 'imports.errors.category'), 'unknown')
    : 'unknown';
  const events: ReadRow['events'] = [];
  const eventDate = attempt(() => date('event_date'), null);
  const deathDate = attempt(() => date('death_date'), null);
  const confirmed = ctx.verification === 'confirmed';
  if (cell('status'))
    attempt(() => {
      const kind = statusKind(cell('status'), confirmed) ?? fail('status', 'imports.errors.status');
      const when = eventDate ?? (isDeath(kind) ? deathDate : null) ?? ctx.sourceDate;
      // A date that could not be read is said already; a status with no date at all is said here.
      if (!when) return cell('event_date') ? undefined : fail('event_date', 'imports.errors.statusNeedsDate');
      events.push({ kind, date: when });
    }, undefined);
  else if (eventDate)
    warnings.push({
      key: 'imports.warnings.dateWithoutStatus',
      params: { column: mapping.event_date ?? 'event_date', status: mapping.status ?? 'status' },
    });
  // A date of death is a death (reported, or confirmed at that level), unless the status said the same.
  if (deathDate && !events.some((e) => isDeath(e.kind) && sameDate(e.date, deathDate)))
    events.push({ kind: confirmed ? 'death_confirmed' : 'death_reported', date: deathDate });
  const rank = attempt(() => text('rank', 80), null);
  const colony = attempt(() => text('colony', 200), null);
  const wave = attempt(() => text('mobilisation_wave', 40), null);
  return {
    recordId: attempt(() => text('record_id', 100), null),
    person: {
      surname,
      given_name: givenName,
      patronymic,
      birth_date: birth?.value ?? null,
      birth_precision: birth?.precision ?? null,
      region_code: region,
      unit_number: null,
      unit_name: unit,
      rank,
      service_category: category,
      colony,
      mobilisation_wave: wave,
      status: null,
    },
    events,
    problems,
    warnings,
  };
};

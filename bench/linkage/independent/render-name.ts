import { declineName, feminineSurname } from './declension.ts';
import { POOLS, RUSSIAN_VARIANTS } from './names/pools.ts';
import type { NoiseRoller } from './noise-tally.ts';
import type { Person } from './population.ts';
import { loadNames } from './reference-data.ts';
import type { NameNoise } from './sources.ts';
import { applyTypo, shortIToI, type TypoKind, yoToE } from './typos.ts';
import { weightedOf } from './weighted.ts';

// One record's spelling of a man's name: the true name, then each kind of noise the source's
// profile allows, in the order the mistakes happen in life (how he is called, what the writer
// leaves out or declines, slips of the hand, the script, the case, the columns).

export interface NameFields {
  surname: string;
  given: string;
  patronymic: string;
}

// What comrades call each other (tips only); the everyday diminutives come from data/names.
// biome-ignore format: data table
const COLLOQUIAL: Readonly<Record<string, readonly string[]>> = {
  Сергей: ['Серёга', 'Серый'], Дмитрий: ['Димон', 'Диман'], Владимир: ['Вован', 'Вовка'], Николай: ['Колян'],
  Анатолий: ['Толян'], Михаил: ['Миха', 'Мишаня'], Иван: ['Ванёк', 'Ванька'], Виктор: ['Витёк'], Евгений: ['Женёк', 'Жека'],
  Александр: ['Санёк', 'Саня', 'Шурик'], Алексей: ['Лёха', 'Лёшка'], Андрей: ['Андрюха'], Роман: ['Ромка', 'Ромыч'],
  Максим: ['Макс'], Артём: ['Тёмыч', 'Тёма'], Павел: ['Пашка', 'Паха'], Денис: ['Дэн', 'Дениска'], Константин: ['Костян'],
  Вадим: ['Вадик'], Игорь: ['Игорёк', 'Гарик'], Юрий: ['Юрок', 'Юрка'], Станислав: ['Стас'], Владислав: ['Владос', 'Влад'],
  Кирилл: ['Киря'], Никита: ['Никитос'], Илья: ['Илюха'], Тимур: ['Тима'], Магомед: ['Мага'], Руслан: ['Руся'],
};

const VARIANTS: ReadonlyMap<string, readonly string[]> = new Map(
  [...Object.values(POOLS).flatMap((p) => Object.entries(p.variants)), ...Object.entries(RUSSIAN_VARIANTS)].map(
    ([k, v]) => [k, v] as const,
  ),
);

const TYPO_KINDS = weightedOf<TypoKind>({ keyboard: 0.3, drop: 0.2, double: 0.1, swap: 0.15, spelling: 0.25 });
const TYPO_FIELD = weightedOf<keyof NameFields>({ surname: 0.5, given: 0.3, patronymic: 0.2 });

export type Latinise = (cyrillic: string, givenName: boolean) => string;

function typo(r: NoiseRoller, n: NameFields): void {
  let field = TYPO_FIELD.pick(r.rng);
  if (n[field] === '' || n[field].length < 3) field = 'surname';
  n[field] = applyTypo(r.rng, TYPO_KINDS.pick(r.rng), n[field]);
}

const capitalised = (s: string): string => (s === '' ? s : s[0].toUpperCase() + s.slice(1).toLowerCase());

export function renderName(r: NoiseRoller, person: Person, noise: NameNoise, latin: Latinise | null): NameFields {
  const rng = r.rng;
  const n: NameFields = { surname: person.surname, given: person.given, patronymic: person.patronymic };

  const colloquial = COLLOQUIAL[n.given];
  const diminutives = loadNames().diminutives.get(n.given);
  if (noise.colloquial > 0 && colloquial && r.roll('colloquial', noise.colloquial)) n.given = rng.pick(colloquial);
  else if (noise.diminutive > 0 && diminutives && r.roll('diminutive', noise.diminutive))
    n.given = rng.pick(diminutives);

  const withVariant = (['surname', 'given', 'patronymic'] as const).filter(
    (f) => VARIANTS.has(n[f]) || (f === 'patronymic' && n.patronymic.includes('-')),
  );
  if (noise.variant > 0 && withVariant.length > 0 && r.roll('name_variant', noise.variant)) {
    const field = rng.pick(withVariant);
    // A Tuvan patronymic from a compound name is written Кара-оолович, Караоолович or Кара-Оолович.
    n[field] = VARIANTS.has(n[field])
      ? rng.pick(VARIANTS.get(n[field])!)
      : n[field].replace(/-(.)/, (_, c: string) => (rng.chance(0.5) ? c : `-${c.toUpperCase()}`));
  }

  if (n.patronymic !== '' && r.roll('patronymic_missing', noise.patronymicMissing)) n.patronymic = '';

  if (!latin && noise.declined > 0 && r.roll('declined', noise.declined)) {
    Object.assign(n, declineName(n, rng.chance(0.7) ? 'genitive' : 'dative'));
  } else if (
    noise.feminine > 0 &&
    feminineSurname(n.surname) !== n.surname &&
    r.roll('feminine_surname', noise.feminine)
  ) {
    n.surname = feminineSurname(n.surname);
  }

  if (!latin && r.roll('typo', noise.typo)) {
    typo(r, n);
    if (r.roll('second_typo', noise.secondTypo)) typo(r, n);
  }

  if (/[ёЁ]/.test(n.surname + n.given + n.patronymic) && !r.roll('yo_kept', noise.keepYo)) {
    n.surname = yoToE(n.surname);
    n.given = yoToE(n.given);
    n.patronymic = yoToE(n.patronymic);
  }
  const withShortI = (['surname', 'given', 'patronymic'] as const).filter((f) => /й/i.test(n[f]));
  if (noise.shortIAsI > 0 && withShortI.length > 0 && r.roll('short_i_as_i', noise.shortIAsI)) {
    const field = rng.pick(withShortI);
    n[field] = shortIToI(n[field]);
  }

  if (latin) {
    n.surname = latin(n.surname, false);
    n.given = latin(n.given, true);
    n.patronymic = latin(n.patronymic, false);
    if (r.roll('typo', noise.typo)) {
      typo(r, n);
      if (r.roll('second_typo', noise.secondTypo)) typo(r, n);
    }
  }

  if (n.given !== '' && noise.initials > 0 && r.roll('initials', noise.initials)) {
    const g = `${n.given[0].toUpperCase()}.`;
    const p = n.patronymic ? `${n.patronymic[0].toUpperCase()}.` : '';
    // "Иванов | С.П." in one column happens as often as in two.
    if (p && rng.chance(0.3)) [n.given, n.patronymic] = [`${g}${p}`, ''];
    else [n.given, n.patronymic] = [g, p];
  }

  if (r.roll('upper', noise.upper)) {
    n.surname = n.surname.toUpperCase();
    n.given = n.given.toUpperCase();
    n.patronymic = n.patronymic.toUpperCase();
  } else if (r.roll('surname_upper', noise.surnameUpper)) {
    n.surname = n.surname.toUpperCase();
  } else if (r.roll('lower', noise.lower)) {
    n.surname = n.surname.toLowerCase();
    n.given = n.given.toLowerCase();
    n.patronymic = n.patronymic.toLowerCase();
  } else if (latin && rng.chance(0.1)) {
    // Some lists capitalise only the first letter of compound names (Kara-ool, not Kara-Ool).
    n.surname = capitalised(n.surname);
  }

  if (noise.oneField > 0 && r.roll('one_field', noise.oneField)) {
    // A spreadsheet with one "ФИО" column; a tip saying "Саня Иванов".
    const parts = rng.chance(0.7) ? [n.surname, n.given, n.patronymic] : [n.given, n.surname];
    [n.surname, n.given, n.patronymic] = [parts.filter((p) => p !== '').join(' '), '', ''];
  } else if (r.roll('swap_names', noise.swap)) {
    [n.surname, n.given] = [n.given, n.surname];
  }
  return n;
}

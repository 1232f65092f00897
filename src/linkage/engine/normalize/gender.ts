import { memo } from './memo.ts';
import { nameKey } from './names.ts';
import { UKRAINIAN_GIVEN } from './given-name-variants.ts';
import { russianPatronymic, ukrainianPatronymic } from './patronymic-forms.ts';

// Gender endings are stripped on keys (skeletons, see names.ts): я is "иа", й and ы are "и",
// doubled letters are single. So Петровская is "петровскаиа" and Петровский is "петровски".

/** Feminine surname endings → masculine, longest first. Adjectival -ая becomes -и, which is
 * both -ий and -ый in the key; -ой (Толстой) is folded to -и as well, so Толстой = Толстая. */
// The letters before an ending are looked behind at, a fixed number of them: a group of "3 letters
// or more" before an anchored ending was tried from every start, quadratic in a key of thousands
// of letters (a pasted text in the surname column: minutes a record).
const SURNAME_RULES: Array<[RegExp, string]> = [
  [/(ск|тск|цк)аиа$/, '$1и'],
  [/(?<=[а-я]{3})иаиа$/, 'и'], // Синяя → Синий
  [/(?<=[а-я]{2}[бвгджзклмнпрстфшщч])аиа$/, 'и'], // Белая, Толстая, Луговая
  [/(?<=[а-я]{3}[бвгджзклмнпрстфшщч])ои$/, 'и'], // Толстой, Луговой
  [/(ов|ев|ин)а$/, '$1'],
  [/(?<=[а-я]{3}(?:ск|тск))а$/, 'и'], // Ukrainian -ська (ь is dropped in keys)
];

/** Surname key without the feminine ending (иванова → иванов, петровская → петровски). */
export function surnameGenderless(key: string): string {
  if (!key || key.length < 4) return key ?? '';
  return cachedGenderless(key);
}

// Cached: five blocking keys of every distinct surname start from its genderless form, and six
// regular expressions per call were a tenth of normalising a million records.
const cachedGenderless = memo((key: string): string => {
  for (const [re, rep] of SURNAME_RULES) {
    if (re.test(key)) return key.replace(re, rep);
  }
  return key;
}, 200_000);

/** Patronymic endings, longest first. What is left is the father's name stem, shared by both
 * genders and by the Russian -ович/-евич alternation (Равилевич / Ukrainian Равільович):
 * Иванович/Ивановна → иван, Ильич/Ильинична → ил, Никитич/Никитична → никит. */
const PATRONYMIC_RULES: Array<[RegExp, string]> = [
  [/(ов|ев)ич$/, ''],
  [/(ов|ев)на$/, ''],
  [/инична$/, ''],
  [/ична$/, ''],
  [/ивна$/, ''], // Ukrainian feminine: Олександрівна, Равілівна
  [/ич$/, ''],
  // Turkic patronymic particles, as written in Dagestan: "Магомед оглы" / "Магомед кызы"; and the
  // Kyrgyz and Kazakh sons' ("Рустам уулу", "Асан улы": keys рустамулу, асанули), after a father's
  // name of three letters at least.
  [/(оглу|оглы|огли|кизи|гизи)$/, ''],
  [/(?<=[а-я]{3})(улу|ули)$/, ''],
];

function stripPatronymic(key: string): string {
  if (!key || key.length < 4) return key ?? '';
  for (const [re, rep] of PATRONYMIC_RULES) {
    if (re.test(key)) return key.replace(re, rep);
  }
  return key;
}

/** Ukrainian patronymic stems → Russian ones (олегандр → алегандр, серги → серге), derived from
 * the Ukrainian given-name table so both stay in step. */
let ukrainianStems: Map<string, string> | null = null;
function ukrainianStem(stem: string): string {
  if (!ukrainianStems) {
    ukrainianStems = new Map();
    for (const [ua, ru] of UKRAINIAN_GIVEN) {
      for (const g of ['male', 'female'] as const) {
        const u = stripPatronymic(nameKey(ukrainianPatronymic(ua)[g], 'patronymic'));
        const r = stripPatronymic(nameKey(russianPatronymic(ru)[g], 'patronymic'));
        if (u && r && u !== r && !ukrainianStems.has(u)) ukrainianStems.set(u, r);
      }
    }
  }
  return ukrainianStems.get(stem) ?? stem;
}

/** Patronymic key without gender (иванович / ивановна → one key); Ukrainian forms
 * (Олександрович, Сергійович) give the Russian key. */
export function patronymicGenderless(key: string): string {
  return ukrainianStem(stripPatronymic(key));
}

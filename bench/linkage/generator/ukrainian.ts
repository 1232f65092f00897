// How Ukrainian sources (prisoner lists, Ukrainian media) write Russian names: Ukrainian given
// names (Олександр), Ukrainian patronymics (Сергійович) and Russian surnames respelt with
// Ukrainian letters (Никитин → Нікітін), then often romanised with Ukraine's national system.
import { UKRAINIAN_GIVEN } from '../../../src/linkage/engine/normalize/given-name-variants.ts';
import { russianPatronymic, ukrainianPatronymic } from '../../../src/linkage/engine/normalize/patronymic-forms.ts';

const RU_TO_UA = new Map<string, string>();
for (const [ua, ru] of UKRAINIAN_GIVEN) if (!RU_TO_UA.has(ru)) RU_TO_UA.set(ru, ua);
for (const [ru, ua] of [
  ['Артём', 'Артем'],
  ['Семён', 'Семен'],
  ['Пётр', 'Петро'],
  ['Фёдор', 'Федір'],
] as const)
  RU_TO_UA.set(ru, ua);

/** Respells Russian letters the Ukrainian way: и → і, ы → и, э → е, ё → ьо/йо, ъ → '. */
export function ukrainianSpelling(russian: string): string {
  let out = '';
  const chars = [...russian];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lower = c.toLowerCase();
    const upper = c !== lower;
    const prev = (chars[i - 1] ?? '').toLowerCase();
    let t: string;
    if (lower === 'и') t = /[жшчщц]/.test(prev) ? 'и' : 'і';
    else if (lower === 'ы') t = 'и';
    else if (lower === 'э') t = 'е';
    else if (lower === 'ё') t = prev && !/[аеиоуыэюяьъ]/.test(prev) ? 'ьо' : 'йо';
    else if (lower === 'ъ') t = "'";
    else t = lower;
    out += upper ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}

/** Ukrainian form of a Russian given name (falls back to a Ukrainian respelling). */
export function ukrainianGiven(russian: string): string {
  return RU_TO_UA.get(russian) ?? RU_TO_UA.get(russian.replace(/ё/g, 'е')) ?? ukrainianSpelling(russian);
}

/** Ukrainian patronymic from the father's Russian given name: formed from the Ukrainian name
 * when there is one (Сергій → Сергійович), else the Russian patronymic respelt (Мусаевич). */
export function ukrainianPatronymicOf(fatherRussian: string): string {
  const ua = RU_TO_UA.get(fatherRussian) ?? RU_TO_UA.get(fatherRussian.replace(/ё/g, 'е'));
  if (ua) return ukrainianPatronymic(ua).male;
  const ru = russianPatronymic(fatherRussian).male;
  return ru.endsWith('ич') ? `${ukrainianSpelling(ru.slice(0, -2))}ич` : ukrainianSpelling(ru);
}

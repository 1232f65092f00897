// Prints the noise rates of every source profile as a Markdown table (pasted into README.md).
//   npx tsx bench/linkage/independent/profile-table.ts

import { SOURCES, type SourceProfile } from './sources.ts';
import type { Weighted } from './weighted.ts';

const pct = (x: number): string => (x === 0 ? '–' : `${+(100 * x).toFixed(1)}`);
const mix = <T extends string>(w: Weighted<T>): string =>
  w.items.map((item) => `${item} ${pct(w.share(item))}`).join(', ');

const rows: [string, (p: SourceProfile) => string][] = [
  ['relative volume (before status)', (p) => String(p.base)],
  ['speaks of dead / missing / captured', (p) => `${p.status.dead} / ${p.status.missing} / ${p.status.captured}`],
  ['patronymic dropped', (p) => pct(p.names.patronymicMissing)],
  ['initials only', (p) => pct(p.names.initials)],
  ['diminutive (Саша) ¹', (p) => pct(p.names.diminutive)],
  ['comrades’ nickname (Серёга) ¹', (p) => pct(p.names.colloquial)],
  ['other spelling of the name ¹', (p) => pct(p.names.variant)],
  ['declined (Иванова Сергея)', (p) => pct(p.names.declined)],
  ['feminine surname ¹', (p) => pct(p.names.feminine)],
  ['typo in a name', (p) => pct(p.names.typo)],
  ['… and a second one', (p) => pct(p.names.secondTypo)],
  ['ё kept ¹', (p) => pct(p.names.keepYo)],
  ['й written и ¹', (p) => pct(p.names.shortIAsI)],
  ['Latin script', (p) => pct(p.names.latin)],
  ['transliteration systems', (p) => (p.names.latin > 0 ? mix(p.names.systems) : '–')],
  ['ALL UPPER CASE', (p) => pct(p.names.upper)],
  ['SURNAME upper case ²', (p) => pct(p.names.surnameUpper)],
  ['all lower case ²', (p) => pct(p.names.lower)],
  ['surname ↔ given name', (p) => pct(p.names.swap)],
  ['whole name in one column', (p) => pct(p.names.oneField)],
  ['birth date as', (p) => mix(p.birth.modes)],
  ['date formats', (p) => mix(p.birth.formats)],
  ['year written "1995 г.р."', (p) => pct(p.birth.yearWithSuffix)],
  ['day ↔ month ¹', (p) => pct(p.birth.dayMonthSwap)],
  ['digit slip in the date', (p) => pct(p.birth.digitSlip)],
  ['wrong date', (p) => pct(p.birth.wrong)],
  ['region as', (p) => mix(p.region)],
  ['unit as ³', (p) => mix(p.unit.styles)],
  ['unit number written', (p) => mix(p.unit.numberFormats)],
];

console.log(`| | ${SOURCES.map((s) => s.id).join(' | ')} |`);
console.log(`|---|${SOURCES.map(() => '---').join('|')}|`);
for (const [label, cell] of rows) console.log(`| ${label} | ${SOURCES.map(cell).join(' | ')} |`);

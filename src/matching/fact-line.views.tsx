import type { PageContext } from '../web/page-context.ts';
import { formatPartialDate } from '../people/partial-date.ts';

// One fact in a line, as every timeline of issue 11's pages writes it:
// "02.2026 — Сообщение о гибели, Авдеевка (Новости или некролог, подкреплено)".

export const factLine = (
  ctx: PageContext,
  f: {
    date: { value: string; precision: 'year' | 'month' | 'day' };
    kind: string;
    place?: string | null;
    verification: string;
    /** a source's kind (cases.sources) or, already in words, a named source */
    source?: string | { named: string };
  },
): string => {
  const { t } = ctx;
  const source =
    f.source === undefined ? null : typeof f.source === 'string' ? t(`cases.sources.${f.source}`) : f.source.named;
  const place = f.place ? `, ${f.place}` : '';
  return `${formatPartialDate(f.date.value, f.date.precision)} — ${t(`cases.kinds.${f.kind}`)}${place} (${source ? `${source}, ` : ''}${t(`cases.levels.${f.verification}`)})`;
};

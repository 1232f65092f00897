import type { Lang } from '../shared/lang.ts';

// A name that carries its own quotes (Правозащитная группа «Север») put inside ours read
// «Правозащитная группа «Север»»: Russian typography nests „…“ inside «…», English ‘…’ inside “…”.

export const quoted = (lang: Lang, name: string): string =>
  lang === 'ru' ? `«${name.replace(/«/g, '„').replace(/»/g, '“')}»` : `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`;

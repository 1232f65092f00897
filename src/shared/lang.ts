// The languages of the interface: Russian first, English second. Domains name a language
// (a region's name in it, say) without depending on the web layer's translations.

export const LANGUAGES = ['ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'ru';

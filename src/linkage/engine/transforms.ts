// Blocking-key transforms, named in configs as "field|transform". Each runs once per distinct
// value. The person transforms (Russian name keys, regions, units) register from person.ts.
import { clean, soundex } from './strings.ts';
import { parseGenericDate } from './dates.ts';

export type KeyTransform = (raw: string) => string | null;

const transforms = new Map<string, KeyTransform>();

export const registerTransform = (name: string, fn: KeyTransform): void => {
  transforms.set(name, fn);
};

export const getTransform = (name: string): KeyTransform => {
  const fn = transforms.get(name);
  if (fn) return fn;
  let m: RegExpMatchArray | null;
  if ((m = name.match(/^first(\d+)$/))) {
    const n = +m[1];
    return (raw) =>
      clean(raw)
        .replace(/[^\p{L}\p{N}]/gu, '')
        .slice(0, n) || null;
  }
  if ((m = name.match(/^last(\d+)$/))) {
    const n = +m[1];
    return (raw) =>
      clean(raw)
        .replace(/[^\p{L}\p{N}]/gu, '')
        .slice(-n) || null;
  }
  throw new Error(`unknown blocking transform "${name}" (known: ${[...transforms.keys()].join(', ')}, firstN, lastN)`);
};

registerTransform('value', (raw) => clean(raw) || null);
registerTransform('soundex', (raw) => soundex(raw) || null);
registerTransform('digits', (raw) => raw.replace(/\D/g, '') || null);
registerTransform('year', (raw) => {
  const d = parseGenericDate(raw);
  return d?.year ? String(d.year) : null;
});
registerTransform('month-day', (raw) => {
  const d = parseGenericDate(raw);
  return d?.month && d.day ? `${d.month}-${d.day}` : null;
});
registerTransform('email-user', (raw) => clean(raw).split('@')[0] || null);

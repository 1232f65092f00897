// Blocking-key transforms, named in configs as "field|transform". Each runs once per distinct
// value. One explicit table (generic and person transforms), not a registry filled by imports.
import { clean, soundex } from './strings.ts';
import { parseGenericDate } from './dates.ts';
import { personTransforms, type KeyTransform } from './person-transforms.ts';

export { givenLikeFeature, looksLikeGivenName, readsOtherField } from './person-transforms.ts';

export type { KeyTransform } from './person-transforms.ts';

const genericTransforms: Record<string, KeyTransform> = {
  value: (raw) => clean(raw) || null,
  soundex: (raw) => soundex(raw) || null,
  digits: (raw) => raw.replace(/\D/g, '') || null,
  year: (raw) => {
    const d = parseGenericDate(raw);
    return d?.year ? String(d.year) : null;
  },
  'month-day': (raw) => {
    const d = parseGenericDate(raw);
    return d?.month && d.day ? `${d.month}-${d.day}` : null;
  },
  'email-user': (raw) => clean(raw).split('@')[0] || null,
};

const transforms: Readonly<Record<string, KeyTransform>> = { ...genericTransforms, ...personTransforms };

export const getTransform = (name: string): KeyTransform => {
  if (Object.hasOwn(transforms, name)) return transforms[name];
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
  throw new Error(
    `unknown blocking transform "${name}" (known: ${Object.keys(transforms).join(', ')}, firstN, lastN with N a number, as first3)`,
  );
};

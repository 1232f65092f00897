// The page a visitor was opening when she was asked to log in (her session had ended, or she
// followed a link while logged out): after the log-in, and the second factor, she is taken back to
// it rather than to her start page (QA walk 7: staff lost their place at every timeout). Only a
// path of this site is carried, without its query (a search's words stay out of the address), and
// only as plain path characters, so no value can lead off the site (`//host`, `/\host`, a scheme).

/** The form field and query parameter that carry it. */
export const RETURN_FIELD = 'next';

/** Pages that are themselves the way in: never returned to. */
const WAYS_IN = /^\/(login|logout|register|recover|setup|invite)(\/|$)/;

/** The path to return to, or null for anything that is not plainly a path of this site. */
export const returnPath = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(raw) || raw.startsWith('//')) return null;
  if (raw === '/' || WAYS_IN.test(raw)) return null;
  return raw;
};

/** `base` (the log-in or second-factor page) carrying the page to return to, when there is one. */
export const withReturn = (base: string, path: unknown): string => {
  const back = returnPath(path);
  return back ? `${base}?${RETURN_FIELD}=${encodeURIComponent(back)}` : base;
};

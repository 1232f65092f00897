// Bounded memoisation for the string normalisers. Linkage input repeats the same few thousand
// region, unit and name spellings across a million rows, so a cache turns microseconds into a
// map lookup. When full, the cache is dropped (not evicted entry by entry): the frequent
// values come back at once and memory stays bounded.
/** Every memo's way to forget (memos are made once, when their module loads). */
const forgetting: (() => void)[] = [];

export function memo<T>(fn: (s: string) => T, limit = 100_000): (s: string) => T {
  let cache = new Map<string, T>();
  forgetting.push(() => {
    cache = new Map();
    lastKey = undefined;
    lastValue = undefined;
  });
  // The last question and its answer: features of one column are computed token by token
  // (dataset.ts, syncTogether), so a normaliser is often asked about the same string (the same
  // object, so the comparison is a pointer's) several times in a row.
  let lastKey: string | undefined;
  let lastValue: T | undefined;
  return (s: string): T => {
    if (s === lastKey) return lastValue as T;
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    lastKey = s;
    lastValue = v;
    return v as T;
  };
}

/**
 * Empties every memo, once the values they answer for are normalised: a batch run asks them
 * nothing more after it, and they hold up to 100,000 answers each (the second thread, after
 * reading half of a million-record file: 75 MB of its heap).
 */
export const forgetMemos = (): void => {
  for (const forget of forgetting) forget();
};

// Bounded memoisation for the string normalisers. Linkage input repeats the same few thousand
// region, unit and name spellings across a million rows, so a cache turns microseconds into a
// map lookup. When full, the cache is dropped (not evicted entry by entry): the frequent
// values come back at once and memory stays bounded.
export function memo<T>(fn: (s: string) => T, limit = 100_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    return v as T;
  };
}

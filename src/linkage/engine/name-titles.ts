// Words around a name that are no part of it: a form of address before it (Mr, Mrs, Sir, Dr, Rev)
// and a generation or letters after it (Jr, III, MP, OBE). Lists copy them into name fields
// ("Mrs George Thomas", a full name split naively into first name "Sir" and surname "MP"), and
// left in they make one person's names "different" and a value of "sir" a shared name.
const BEFORE = new Set(
  'mr mrs miss ms mx master dr sir dame lady lord rev revd reverend hon prof fr capt col gen maj lt sgt'.split(' '),
);
// Only letters that cannot end a name or an address ("dr" and "st" end streets, so they are not here).
const AFTER = new Set('jr jnr junior sr snr senior ii iii iv esq mp kc qc obe mbe cbe kbe dbe frs phd'.split(' '));

/** A cleaned name ("mrs george thomas mp") without the words around it ("george thomas"); '' when nothing else. */
export const withoutTitles = (name: string): string => {
  const words = name.split(' ');
  let from = 0;
  let to = words.length;
  while (from < to && BEFORE.has(words[from])) from++;
  while (to > from && AFTER.has(words[to - 1])) to--;
  return from === 0 && to === words.length ? name : words.slice(from, to).join(' ');
};

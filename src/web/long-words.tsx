import type { ComponentChildren } from 'preact';

// Text for a narrow column (the pair page's two columns, a third of a 360 px phone): a typed place
// such as «Новоалександровско-Великоархангельское» is wider than the column, and the browser, left
// to `overflow-wrap: anywhere`, cut it at any letter. A long stretch of letters between hyphens is
// set apart (span.word, an inline-block no wider than its column) with a possible break between
// its syllables. The order of preference follows: a line breaks between words, then after a
// hyphen (a stretch that fits moves whole to the next line), then between syllables inside a
// stretch that fits no line at all, and only then anywhere (the column's own overflow-wrap).
// No visible hyphen is added: a place name may have real hyphens, and an added one would read as
// part of the name.

const VOWELS = 'аеёиоуыэюяaeiouy';
const SIGNS = 'ьъй';
/** A stretch this long or longer may not fit a phone's column: shorter ones are left as they are. */
const LONG = 12;

const isVowel = (c: string): boolean => VOWELS.includes(c.toLowerCase());
const isSign = (c: string): boolean => SIGNS.includes(c.toLowerCase());

/**
 * Where a run of letters may break between syllables, as the indices a new line could start at:
 * between two vowels' consonants, after the first of several (пет|ро), before a single one
 * (ро|па), after a soft or hard sign or й that is followed by a consonant (Иль|менский), never
 * leaving fewer than two letters on either side.
 */
export const syllableBreaks = (word: string): number[] => {
  const vowels = [...word].flatMap((c, i) => (isVowel(c) ? [i] : []));
  const breaks: number[] = [];
  for (let v = 0; v + 1 < vowels.length; v++) {
    const [from, to] = [vowels[v], vowels[v + 1]];
    const run = word.slice(from + 1, to);
    let at: number;
    // the last sign that a consonant follows (one right before the vowel stays with its consonant)
    let sign = -1;
    for (let i = 0; i < run.length - 1; i++) if (isSign(run[i])) sign = i;
    if (sign >= 0) at = from + 1 + sign + 1;
    else if (run.length === 0) at = /[а-яё]/i.test(word[from] + word[to]) ? to : -1;
    else if (run.length === 1 || isSign(run[1])) at = from + 1;
    else at = from + 2;
    if (at >= 2 && word.length - at >= 2) breaks.push(at);
  }
  return breaks;
};

/**
 * One long stretch, with its syllable breaks, as a span that wraps only when it must. The marks
 * around it (an opening bracket, a comma, its hyphen) stay inside, so none starts a line alone.
 */
const LongStretch = ({ before, letters, after }: { before: string; letters: string; after: string }) => {
  const breaks = syllableBreaks(letters);
  const pieces = [0, ...breaks].map((start, i) => letters.slice(start, breaks[i] ?? letters.length));
  return (
    <span class="word">
      {before}
      {pieces.map((p, i) => (
        <>
          {i > 0 && <wbr />}
          {p}
        </>
      ))}
      {after}
    </span>
  );
};

/** `text` with its long stretches of letters breakable between syllables (see the top of the file). */
export const longWords = (text: string): ComponentChildren => {
  const out: ComponentChildren[] = [];
  let last = 0;
  // A stretch of letters with the marks that cling to it: before it up to a space or a hyphen,
  // after it up to a space (its hyphen included).
  for (const m of text.matchAll(/([^\s\p{L}-]*)(\p{L}+)([^\s\p{L}]*)/gu)) {
    if ([...m[2]].length < LONG) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(<LongStretch before={m[1]} letters={m[2]} after={m[3]} />);
    last = m.index + m[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) out.push(text.slice(last));
  return out;
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem, stemEnglish, stemRussian } from './stem.ts';

// The outputs below are worked by hand from the published algorithms (the Snowball Russian
// stemmer; Porter 1980, step 1, whose paper gives the English pairs), not from this code.

describe('the Russian stemmer (Snowball)', () => {
  it('brings the forms of one word to one stem', () => {
    const same: Array<[string, string[]]> = [
      ['пропа', ['пропал', 'пропала', 'пропавших', 'пропавшего']],
      ['военкомат', ['военкомат', 'военкомата', 'военкомате', 'военкоматы']],
      ['письм', ['письмо', 'письма', 'письмами', 'письме']],
      ['ответ', ['ответ', 'ответа', 'ответил']],
      ['сын', ['сын', 'сына', 'сыну', 'сыне']],
      ['вест', ['вести', 'вестись']],
    ];
    for (const [s, forms] of same) for (const f of forms) expect(stemRussian(f), f).toBe(s);
  });

  it('follows the steps of the algorithm, in RV and R2', () => {
    expect(stemRussian('бегающими')).toBe('бега'); // adjective, then participle after «а»
    expect(stemRussian('отказаться')).toBe('отказа'); // reflexive, then a verb ending after «а»
    expect(stemRussian('мать')).toBe('мат'); // «ть» needs «а» in RV: a noun's «ь» goes instead
    expect(stemRussian('ответственность')).toBe('ответствен'); // «ость» in R2, then «нн»
    expect(stemRussian('важнейшие')).toBe('важн'); // the superlative
    expect(stemRussian('злейший')).toBe('злейш'); // «ейш» not wholly in RV: kept
    expect(stemRussian('длинный')).toBe('длин');
    expect(stemRussian('ещё')).toBe(stemRussian('еще'));
  });

  it('only ever cuts the end of a word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[а-яё]{1,14}$/), (w) => {
        expect(w.replace(/ё/g, 'е').startsWith(stemRussian(w))).toBe(true);
      }),
    );
  });
});

describe('the English stemmer (Porter, step 1)', () => {
  it('gives the stems of the paper', () => {
    const pairs: Array<[string, string]> = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['caress', 'caress'],
      ['cats', 'cat'],
      ['feed', 'feed'],
      ['agreed', 'agree'],
      ['plastered', 'plaster'],
      ['bled', 'bled'],
      ['motoring', 'motor'],
      ['sing', 'sing'],
      ['conflated', 'conflate'],
      ['troubled', 'trouble'],
      ['sized', 'size'],
      ['hopping', 'hop'],
      ['tanned', 'tan'],
      ['falling', 'fall'],
      ['hissing', 'hiss'],
      ['fizzed', 'fizz'],
      ['failing', 'fail'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['sky', 'sky'],
    ];
    for (const [w, s] of pairs) expect(stemEnglish(w), w).toBe(s);
    expect(stemEnglish('families')).toBe(stemEnglish('family'));
    expect(stemEnglish('replied')).toBe(stemEnglish('reply'));
  });

  it('stems by the script of the word, and leaves the rest alone', () => {
    expect(stem('letters')).toBe('letter');
    expect(stem('письма')).toBe('письм');
    expect(stem('59')).toBe('59');
    expect(stem('фз59')).toBe('фз59');
  });
});

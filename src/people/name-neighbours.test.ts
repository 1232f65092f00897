import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deletionForms, editsAllowed, nearNames, oneEditApart } from './name-neighbours.ts';

// The one-edit dictionary's two halves: the forms stored and looked up, and the check that keeps
// only names one edit apart.

const meet = (a: string, b: string): boolean => deletionForms(a).some((f) => deletionForms(b).includes(f));

describe('one-edit neighbours of a name key', () => {
  it('stores a key with each form missing one letter, once each; none for three letters or fewer', () => {
    expect(deletionForms('петров').sort()).toEqual(
      ['петров', 'етров', 'птров', 'перов', 'петов', 'петрв', 'петро'].sort(),
    );
    expect(deletionForms('сидоров')).toHaveLength(8);
    // Doubled letters give one form, not two.
    expect(deletionForms('алла')).toEqual(['алла', 'лла', 'ала', 'алл']);
    expect(deletionForms('ким')).toEqual([]);
  });

  it('meets a substitution, an insertion, a deletion and a swap, and checks them as one edit', () => {
    for (const [typed, name] of [
      ['кузнетсв', 'кузнетсов'], // «Кузнецв»: a letter left out
      ['петрво', 'петров'], // «Петрво»: two letters swapped
      ['смрнов', 'смирнов'], // «Смрнов»
      ['смирнок', 'смирнов'], // a letter wrong
      ['смирновв', 'смирнов'], // a letter too many
    ]) {
      expect(meet(typed, name), typed).toBe(true);
      expect(oneEditApart(typed, name), typed).toBe(true);
    }
  });

  it('turns away two edits, the name itself and short keys', () => {
    expect(oneEditApart('кузнтсв', 'кузнетсов')).toBe(false);
    // The dictionary meets these (one letter in, another out) but the check does not pass them.
    expect(meet('бвгде', 'авгдж')).toBe(false);
    expect(meet('абвгд', 'бвгде')).toBe(true);
    expect(oneEditApart('абвгд', 'бвгде')).toBe(false);
    expect(oneEditApart('петров', 'петров')).toBe(false);
    expect(oneEditApart('кимм', 'ким')).toBe(false);
  });

  it('finds every single edit of any name (property)', () => {
    const letters = fc.constantFrom(...'абвгдежзиклмнопрстуфхцчшщыэюя');
    const name = fc.array(letters, { minLength: 5, maxLength: 14 }).map((a) => a.join(''));
    const edit = fc.record({ kind: fc.integer({ min: 0, max: 3 }), at: fc.nat(), letter: letters });
    fc.assert(
      fc.property(name, edit, (n, e) => {
        const l = [...n];
        const i = e.at % l.length;
        if (e.kind === 0) l[i] = e.letter;
        else if (e.kind === 1) l.splice(i, 0, e.letter);
        else if (e.kind === 2) l.splice(i, 1);
        else if (i + 1 < l.length) [l[i], l[i + 1]] = [l[i + 1], l[i]];
        const typed = l.join('');
        if (typed === n) return;
        expect(meet(typed, n)).toBe(true);
        expect(oneEditApart(typed, n)).toBe(true);
      }),
    );
  });
});

describe('near names, one or two edits by length', () => {
  it('allows none up to three letters, one up to seven, two from eight', () => {
    expect(['ким', 'петр', 'смирнов', 'кузнетсв', 'александров'].map(editsAllowed)).toEqual([0, 1, 1, 2, 2]);
  });

  it('picks the names within the allowed edits, fewest first, never a form itself', () => {
    const names = ['александров', 'алексадров', 'алехандров', 'смирнов', 'смирнова'];
    expect(nearNames(['алксандрв'], names, editsAllowed)).toEqual(['александров']);
    expect(nearNames(['алксандров'], names, editsAllowed)).toEqual(['александров', 'алексадров', 'алехандров']);
    // The staff search's rule stays at one edit.
    expect(nearNames(['алксандрв'], names)).toEqual([]);
    expect(nearNames(['смрнов'], names, editsAllowed)).toEqual(['смирнов']);
    expect(nearNames(['смирнов'], names, editsAllowed)).toEqual(['смирнова']);
    expect(nearNames(['ким'], ['кин', 'кимм'], editsAllowed)).toEqual([]);
  });
});

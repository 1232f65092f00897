import { describe, expect, it } from 'vitest';
import { createComparison } from './comparison-types.ts';
import { levelOf } from './levels.test-helper.ts';
import { Dataset, FeatureRegistry } from './dataset.ts';
import { dateLevel, packDate, parseGenericDate } from './dates.ts';

describe('generic comparisons: every level', () => {
  it('exact', () => {
    const s = { type: 'exact', field: 'x' };
    expect(levelOf(s, { x: 'NSW' }, { x: 'nsw' })).toBe('exact');
    expect(levelOf(s, { x: 'nsw' }, { x: 'vic' })).toBe('different');
    expect(levelOf(s, { x: '' }, { x: 'vic' })).toBe('null');
  });
  it('name', () => {
    const s = { type: 'name', field: 'g', swapWith: 's' };
    expect(levelOf(s, { g: 'Robert', s: 'Smith' }, { g: 'robert', s: 'x' })).toBe('exact');
    expect(levelOf(s, { g: 'Robert', s: 'Smith' }, { g: 'Smith', s: 'Robert' })).toBe('swapped');
    // Swapped with a typo on one side (either side); typos on both sides are not a swap.
    expect(levelOf(s, { g: 'Alfie', s: 'eKelly' }, { g: 'Kelly', s: 'Alfie' })).toBe('swapped');
    expect(levelOf(s, { g: 'Alfie', s: 'Kelly' }, { g: 'Kelly', s: 'Alfei' })).toBe('swapped');
    expect(levelOf(s, { g: 'Alfie', s: 'eKelly' }, { g: 'Kelly', s: 'Alfei' })).toBe('different');
    expect(levelOf(s, { g: 'Alfie', s: 'Jones' }, { g: 'Kelly', s: 'Alfie' })).toBe('different');
    expect(levelOf(s, { g: 'Robert' }, { g: 'Rboert' })).toBe('one edit');
    expect(levelOf(s, { g: 'Robert' }, { g: 'Roberto' })).toBe('one edit');
    expect(levelOf(s, { g: 'Martha' }, { g: 'Marhtta' })).toBe('jaro-winkler ≥ 0.9');
    expect(levelOf(s, { g: 'Dwayne' }, { g: 'Duane' })).toBe('jaro-winkler ≥ 0.8');
    expect(levelOf(s, { g: 'Robert' }, { g: 'Alice' })).toBe('different');
    expect(levelOf(s, { g: 'J.' }, { g: 'John' })).toBe('initial, or one name of the other');
    expect(levelOf(s, { g: 'Smith John' }, { g: 'john smith' })).toBe('swapped');
    expect(levelOf(s, { g: 'Mary' }, { g: 'Mary Ann' })).toBe('initial, or one name of the other');
    expect(levelOf(s, { g: 'J' }, { g: 'Robert' })).toBe('different');
    expect(levelOf(s, { g: '' }, { g: 'Alice' })).toBe('null');
  });
  it('name: a form of address before a name and letters after it are no part of it', () => {
    const s = { type: 'name', field: 'g' };
    expect(levelOf(s, { g: 'Mrs. George Thomas' }, { g: 'George Thomas' })).toBe('exact');
    expect(levelOf(s, { g: 'Sir John Smith MP' }, { g: 'john smith' })).toBe('exact');
    expect(levelOf(s, { g: 'Henry Ford Jr.' }, { g: 'Henry Ford' })).toBe('exact');
    // A name field that holds only a title (a full name split naively) holds no name.
    expect(levelOf(s, { g: 'Sir' }, { g: 'Thomas' })).toBe('null');
    // Only at the ends: an address ending in "Dr" (Drive) or a name "Miss" inside is kept.
    expect(levelOf(s, { g: 'Mill Dr' }, { g: 'Mill' })).not.toBe('exact');
    expect(levelOf(s, { g: 'Ann Miss Lee' }, { g: 'Ann Lee' })).not.toBe('exact');
  });
  it('name: a given name full and short is one name, not a typo or a stranger', () => {
    const s = { type: 'name', field: 'g' };
    const nickname = 'same name, full and short (William, Bill)';
    expect(levelOf(s, { g: 'William' }, { g: 'Bill' })).toBe(nickname);
    expect(levelOf(s, { g: 'Bill' }, { g: 'Will' })).toBe(nickname); // one edit apart, but one name
    expect(levelOf(s, { g: 'PEGGY' }, { g: 'Margaret' })).toBe(nickname);
    expect(levelOf(s, { g: 'William Henry' }, { g: 'Bill Henry' })).toBe(nickname);
    expect(levelOf(s, { g: 'Al' }, { g: 'Alfred' })).toBe(nickname);
    expect(levelOf(s, { g: 'Al' }, { g: 'Albert' })).toBe(nickname);
    // Two full names one short form may stand for are not one name.
    expect(levelOf(s, { g: 'Albert' }, { g: 'Alfred' })).toBe('different');
    expect(levelOf(s, { g: 'Robert' }, { g: 'Herbert' })).not.toBe(nickname);
    expect(levelOf(s, { g: 'William Henry' }, { g: 'Bill George' })).not.toBe(nickname);
  });
  it('numeric', () => {
    const s = { type: 'numeric', field: 'p' };
    expect(levelOf(s, { p: '2600' }, { p: '2600' })).toBe('exact');
    expect(levelOf(s, { p: '2600' }, { p: '2060' })).toBe('one edit');
    expect(levelOf(s, { p: '2600' }, { p: '3999' })).toBe('different');
    expect(levelOf(s, { p: '' }, { p: '3999' })).toBe('null');
  });
  it('email', () => {
    const s = { type: 'email', field: 'e' };
    expect(levelOf(s, { e: 'a.b@x.com' }, { e: 'A.B@x.com' })).toBe('exact');
    expect(levelOf(s, { e: 'a.b@x.com' }, { e: 'a.b@y.org' })).toBe('same user name');
    expect(levelOf(s, { e: 'robert255@smith.net' }, { e: 'roberta25@smith.net' })).toBe('jaro-winkler ≥ 0.88');
    expect(levelOf(s, { e: 'a@x.com' }, { e: 'zz@q.org' })).toBe('different');
  });
  it('date: each level, and cannot-link only on two different full dates or years far apart', () => {
    const s = { type: 'date', field: 'd', cannotLink: true };
    expect(levelOf(s, { d: '19950312' }, { d: '1995-03-12' })).toBe('exact');
    expect(levelOf(s, { d: '12.03.1995' }, { d: '1995-12-03' })).toBe(
      'day/month swapped, one-digit typo, or a year off on the same day',
    );
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1995-03-13' })).toBe(
      'day/month swapped, one-digit typo, or a year off on the same day',
    );
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1995-03' })).toBe('agrees to the lower precision');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1995' })).toBe('agrees to the lower precision');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1996' })).toBe('year ±1');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1995-04-02' })).toBe('within a month');
    expect(levelOf(s, { d: '1995-12-20' }, { d: '1996-01-15' })).toBe('within a month');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1995-09-30' })).toBe('within a year');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1996-03-01' })).toBe('within a year');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1996-04-01' })).toBe('different full dates');
    expect(levelOf(s, { d: '1995-03-12' }, { d: '1981-07-30' })).toBe('different full dates');
    expect(levelOf(s, { d: '1995' }, { d: '1986' })).toBe('different');
    expect(levelOf(s, { d: '1995' }, { d: '1981' })).toBe('years far apart');
    expect(levelOf(s, { d: '' }, { d: '1981' })).toBe('null');
    const data = new Dataset(['d']);
    const c = createComparison(s, data, new FeatureRegistry());
    expect(c.levels.filter((l) => l.cannotLink).map((l) => l.label)).toEqual([
      'within a year',
      'different full dates',
      'years far apart',
    ]);
  });
  it('date parsing keeps precision', () => {
    expect(packDate(parseGenericDate('1995'))).toBe(19950000);
    expect(packDate(parseGenericDate('03.1995'))).toBe(19950300);
    expect(dateLevel(-1, 19950000)).toBe(0);
  });
});

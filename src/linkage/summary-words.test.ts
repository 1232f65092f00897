// The two lines the engine's findings add to the summary of `dedupe` and `link` (which pairs of
// lists most and least often name one man; which fields were weighed together as one fact) are
// said in the operator's language, numbers written as that language writes them. The engine
// imports no words: it hands over values, and the command says them (linkage.run.ts).
import { describe, expect, it } from 'vitest';
import { dependenceLines, sourcePriorLine } from './linkage.run.ts';
import { translator } from '../web/i18n/i18n.ts';

const PRIOR = {
  comparison: 'source',
  sources: ['obituary', 'exchange_list', 'family_request'],
  adjust: [
    [-1, -4, 1],
    [-4, -1, 0.5],
    [1, 0.5, -2],
  ],
};
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `field${i}`);
/** Seven fields each weighed with the first: the six strongest are named, one more counted. */
const SEVEN = {
  order: [0, 1, 2, 3, 4, 5, 6, 7],
  shift: [[0, -1.25, -2, -3, -4, -5, -6, -7], ...Array.from({ length: 7 }, () => Array(8).fill(0))],
};

describe('the summary lines of the engine’s findings', () => {
  it('say the pairs of lists least and most likely to name one man, in Russian by default', () => {
    expect(sourcePriorLine(translator('ru'), PRIOR)).toBe(
      'списки: во сколько раз чаще или реже среднего записи двух списков оказываются одним человеком (по этому файлу): реже всего — obituary и exchange_list ×0,063, чаще всего — obituary и family_request ×2',
    );
    expect(sourcePriorLine(translator('en'), PRIOR)).toBe(
      'lists: how often two lists name one man, learned from the file (× the average): least obituary and exchange_list ×0.063, most obituary and family_request ×2',
    );
  });

  it('name the pool of the smaller lists and a list with itself in words', () => {
    // «big» has a row of its own; «a» and «b» share the pool's, each with its own cell within itself.
    const pooled = {
      comparison: 'source',
      sources: ['big', 'a', 'b'],
      rowOf: [0, 1, 1],
      self: [0, 1, 0.5],
      adjust: [
        [0, 3],
        [3, -3],
      ],
    };
    expect(sourcePriorLine(translator('ru'), pooled)).toMatch(
      /реже всего — два разных из прочих списков ×0,13, чаще всего — big и прочие списки ×8$/,
    );
    expect(sourcePriorLine(translator('en'), pooled)).toMatch(
      /least two of the other lists ×0.13, most big and other lists ×8$/,
    );
    const alone = {
      comparison: 'source',
      sources: ['a', 'b'],
      adjust: [
        [-3, 0],
        [0, 1],
      ],
    };
    expect(sourcePriorLine(translator('ru'), alone)).toMatch(
      /реже всего — a внутри себя ×0,13, чаще всего — b внутри себя ×2$/,
    );
    expect(sourcePriorLine(translator('en'), alone)).toMatch(/least a with itself ×0.13, most b with itself ×2$/);
  });

  it('say the fields weighed together as one fact, strongest first, and how many more', () => {
    expect(dependenceLines(translator('ru'), SEVEN, names(8))).toEqual([
      'поля, которые и у разных людей часто совпадают вместе, учтены как один факт: field7 вместе с field0 -7,0 бита, field6 вместе с field0 -6,0 бита, field5 вместе с field0 -5,0 бита, field4 вместе с field0 -4,0 бита, field3 вместе с field0 -3,0 бита, field2 вместе с field0 -2,0 бита и ещё 1',
    ]);
    expect(dependenceLines(translator('en'), SEVEN, names(8))).toEqual([
      'fields that agree together among strangers, weighed as one fact: field7 with field0 -7.0 bits, field6 with field0 -6.0 bits, field5 with field0 -5.0 bits, field4 with field0 -4.0 bits, field3 with field0 -3.0 bits, field2 with field0 -2.0 bits and 1 more',
    ]);
    expect(
      dependenceLines(
        translator('ru'),
        {
          order: [0, 1],
          shift: [
            [0, 0],
            [-3.4, 0],
          ],
        },
        names(2),
      ),
    ).toEqual([]);
  });
});

// The run's summary line on fields that agree together among strangers names what the correction
// counts. A dependence read only of an earlier field on a later one (linking a file to an empty
// one) is never used, and the summary said "…weighed as one fact: " with nothing after it. Found
// by a bug hunt. The engine gives what it counts; the command says it (summary-words.test.ts).
import { describe, expect, it } from 'vitest';
import { summariseDependence } from './dependence.ts';

describe('the summary of the dependences', () => {
  it('is none when the correction counts none of them', () => {
    // Order: phone (0) before postcode (1); only phone given postcode was read.
    expect(
      summariseDependence(
        {
          order: [0, 1],
          shift: [
            [0, 0],
            [-3.4, 0],
          ],
        },
        ['phone', 'postcode'],
      ),
    ).toBeNull();
  });
  it('names those it counts', () => {
    expect(
      summariseDependence(
        {
          order: [0, 1],
          shift: [
            [0, -3.4],
            [0, 0],
          ],
        },
        ['phone', 'postcode'],
      ),
    ).toEqual({ shown: [{ field: 'postcode', given: 'phone', bits: -3.4 }], more: 0 });
  });
});

// The run's summary line on fields that agree together among strangers names what the correction
// counts. A dependence read only of an earlier field on a later one (linking a file to an empty
// one) is never used, and the summary said "…weighed as one fact: " with nothing after it. Found
// by a bug hunt.
import { describe, expect, it } from 'vitest';
import { describeDependence } from './dependence.ts';

describe('the summary of the dependences', () => {
  it('is empty when the correction counts none of them', () => {
    // Order: phone (0) before postcode (1); only phone given postcode was read.
    expect(
      describeDependence(
        {
          order: [0, 1],
          shift: [
            [0, 0],
            [-3.4, 0],
          ],
        },
        ['phone', 'postcode'],
      ),
    ).toBe('');
  });
  it('names those it counts', () => {
    expect(
      describeDependence(
        {
          order: [0, 1],
          shift: [
            [0, -3.4],
            [0, 0],
          ],
        },
        ['phone', 'postcode'],
      ),
    ).toBe('fields that agree together among strangers, weighed as one fact: postcode with phone -3.4 bits');
  });
});

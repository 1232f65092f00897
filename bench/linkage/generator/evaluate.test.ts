import { describe, expect, it } from 'vitest';
import { falseMergesByKind, recallByVariation } from './evaluate.ts';

describe('evaluation by variation kind', () => {
  const rows = [
    { true_id: 'P1', variations: 'typo|date_dmy' },
    { true_id: 'P1', variations: 'date_iso' },
    { true_id: 'P1', variations: 'latin_iso9|date_iso' },
    { true_id: 'P2', variations: 'brother|date_dmy' },
    { true_id: 'P3', variations: 'date_dmy' },
  ];

  it('counts true pairs and found pairs per kind', () => {
    // P1's first two records are together, the third apart; P2 is merged with P3 by mistake.
    const r = recallByVariation(rows, [1, 1, 2, 3, 3]);
    expect(r.get('typo')).toEqual({ pairs: 2, found: 1, recall: 0.5 });
    expect(r.get('latin_iso9')).toEqual({ pairs: 2, found: 0, recall: 0 });
    expect(r.get('date_iso')).toEqual({ pairs: 3, found: 1, recall: 1 / 3 });
    expect(r.has('brother')).toBe(false); // P2 has no true pair
  });

  it('counts false merges by hard-non-match kind', () => {
    expect(falseMergesByKind(rows, [1, 1, 2, 3, 3])).toEqual(new Map([['brother', 1]]));
    expect(falseMergesByKind(rows, [1, 1, 1, 2, 1])).toEqual(new Map([['other', 3]]));
  });
});

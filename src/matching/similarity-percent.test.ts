import { describe, expect, it } from 'vitest';
import { similarityPercent } from './similarity-percent.ts';

describe('similarity shown in percent', () => {
  it('never claims certainty at either end', () => {
    expect(similarityPercent(0.9987)).toBe('>99');
    expect(similarityPercent(1)).toBe('>99');
    expect(similarityPercent(0.001)).toBe('<1');
    expect(similarityPercent(0)).toBe('<1');
  });
  it('rounds everything between to whole percent', () => {
    expect(similarityPercent(0.994)).toBe('99');
    expect(similarityPercent(0.5)).toBe('50');
    expect(similarityPercent(0.005)).toBe('1');
  });
});

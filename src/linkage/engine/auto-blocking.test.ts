// The supplementary blocking rules (config.ts supplementaryRules): added to a generic config's
// own rules unless `autoBlocking: false`, never twice, and not to the person config.
import { describe, expect, it } from 'vitest';
import { type LinkageConfigInput, parseLinkageConfig } from './config.ts';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

const config: LinkageConfigInput = {
  id: 'id',
  comparisons: [
    { type: 'name', field: 'first' },
    { type: 'name', field: 'last' },
    { type: 'date', field: 'dob' },
    { type: 'exact', field: 'city' },
  ],
  blocking: [['first'], ['last']],
};

const candidatePairs = (input: LinkageConfigInput, records: Record<string, string>[]): string[] => {
  const engine = new LinkageEngine(input);
  records.forEach((r, i) => engine.add(`r${i}`, r));
  const pairs: string[] = [];
  engine.blocking.forEachPair((a, b) => pairs.push(`${a}-${b}`));
  return pairs;
};

describe('supplementary blocking rules', () => {
  it('are added to a generic config once, and not when turned off or to the person config', () => {
    const parsed = parseLinkageConfig(config);
    expect(parsed.blocking).toEqual([
      ['first'],
      ['last'],
      { rule: ['first|first3', 'last|first3'], maxBlockSize: 20 },
      { rule: ['first|soundex', 'dob|year'], maxBlockSize: 20 },
      { rule: ['last|soundex', 'dob|year'], maxBlockSize: 20 },
    ]);
    expect(parseLinkageConfig(parsed).blocking).toEqual(parsed.blocking);
    expect(parseLinkageConfig({ ...config, autoBlocking: false }).blocking).toEqual([['first'], ['last']]);
    expect(parseLinkageConfig(personConfig()).blocking.length).toBe(personConfig().blocking.length);
  });

  it('pair two records whose names both have a typo past their first letters', () => {
    const records = [
      { first: 'jonathan', last: 'smithson', dob: '1980-01-01', city: 'york' },
      { first: 'jonathon', last: 'smithsen', dob: '1980-01-01', city: 'york' },
    ];
    expect(candidatePairs({ ...config, autoBlocking: false }, records)).toEqual([]);
    expect(candidatePairs(config, records)).toEqual(['0-1']);
  });
});

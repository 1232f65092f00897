// A config with a typo in a key ("treshold", "corroborrate", "alarm") was parsed with the key
// stripped and its setting silently lost: a user who raised the link threshold linked at 0.5. A
// name in `corroborate` that no comparison has made every pair uncorroborated (nothing linked,
// everything sent to review); one in `tfWithin` was found only after reading and training.
import { describe, expect, it } from 'vitest';
import { type LinkageConfigInput, parseLinkageConfig } from './config.ts';
import { personConfig } from './person-config.ts';

const base = {
  id: 'id',
  comparisons: [
    { type: 'name', field: 'surname', tf: true },
    { type: 'exact', field: 'region' },
  ],
  blocking: [['surname']],
};
const parse = (extra: Record<string, unknown>): unknown => parseLinkageConfig({ ...base, ...extra });

describe('a config with a typo', () => {
  it('refuses a key the format does not have, at any level', () => {
    expect(() => parse({ treshold: { link: 0.9 } })).toThrow(/\(root\): Unrecognized key: "treshold"/);
    expect(() => parse({ thresholds: { lnik: 0.9 } })).toThrow(/thresholds: Unrecognized key: "lnik"/);
    expect(() => parse({ cluster: { alarm: 5 } })).toThrow(/cluster: Unrecognized key: "alarm"/);
    expect(() => parse({ training: { seeed: 5 } })).toThrow(/training: Unrecognized key: "seeed"/);
    expect(() => parse({ comparisons: [{ type: 'name', field: 'surname', tF: true }] })).toThrow(
      /comparisons\.0: Unrecognized key: "tF"/,
    );
  });

  it('refuses a comparison name in corroborate or tfWithin that no comparison has', () => {
    expect(() => parse({ thresholds: { corroborate: ['Region'] } })).toThrow(
      /thresholds\.corroborate\.0: no comparison is named "Region" \(comparisons: surname, region\)/,
    );
    expect(() =>
      parse({ comparisons: [{ type: 'name', field: 'surname', tfWithin: ['state'] }, base.comparisons[1]] }),
    ).toThrow(/comparisons\.0\.tfWithin\.0: no comparison is named "state"/);
  });

  it('still accepts the documented keys, older configs and its own output', () => {
    const legacy = parse({ training: { deterministic: [['surname']], recall: 0.9, sessions: [['surname']] } });
    expect(parseLinkageConfig(legacy as LinkageConfigInput).thresholds.link).toBe(0.5);
    const ok = parse({ thresholds: { link: 0.9, corroborate: ['region'] }, cluster: { alarmSize: 5 } });
    expect(parseLinkageConfig(ok as LinkageConfigInput).cluster.alarmSize).toBe(5);
    const person = parseLinkageConfig(personConfig());
    expect(parseLinkageConfig(person).comparisons).toEqual(person.comparisons);
  });
});

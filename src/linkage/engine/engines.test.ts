// The engine keeps no module-level mutable state (issue 8): two engines with different configs,
// built, fed, trained and run interleaved in one process, give exactly what each gives alone.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { syntheticConfig, syntheticPeople } from './synthetic.test-helper.ts';
import type { LinkageConfigInput } from './config.ts';

const people = syntheticPeople(800, 3);
const persons = [
  ['Иванов', 'Александр', 'Сергеевич', '12.03.1995', 'Бурятия'],
  ['IVANOV', 'Sasha', 'Sergeevich', '1995-03-12', 'Republic of Buryatia'],
  ['Иванов', 'Дмитрий', 'Сергеевич', '01.07.1997', 'Бурятия'],
  ['Петров', 'Олег', 'Иванович', '1990', 'Москва'],
  ['Petrov', 'Oleg', '', '1990-04-02', 'Moscow'],
].map(([surname, given_name, patronymic, birth_date, region], i) => ({
  id: `r${i}`,
  record: { surname, given_name, patronymic, birth_date, region },
}));
// A different config for the same kind of records: no patronymic, a stricter link threshold.
const strictPerson = (): LinkageConfigInput => {
  const c = personConfig();
  return {
    ...c,
    comparisons: c.comparisons.filter((x) => x.field !== 'patronymic'),
    cluster: { ...c.cluster, copiesAreOne: ['surname', 'given_name', 'birth_date'] },
    thresholds: { link: 0.99, review: 0.6, minAverage: 0.7 },
  };
};

type Rows = { id: string; record: Record<string, string> }[];
const run = (engine: LinkageEngine): string => {
  const { edges } = engine.predict();
  const clusters = engine.cluster(edges).clusterOf;
  const weights = Array.from({ length: edges.length }, (_, i) => `${edges.a[i]}-${edges.b[i]}:${edges.weight[i]}`);
  return JSON.stringify({ clusters: Array.from(clusters), weights });
};
const alone = (config: LinkageConfigInput, rows: Rows): string => {
  const e = new LinkageEngine(config);
  for (const r of rows) e.add(r.id, r.record);
  e.train();
  return run(e);
};

describe('engines side by side', () => {
  it('two engines with different configs run interleaved exactly as each runs alone', () => {
    const expectedA = alone(syntheticConfig(), people);
    const expectedB = alone(strictPerson(), persons);
    const expectedC = alone(personConfig(), persons);
    const a = new LinkageEngine(syntheticConfig());
    const b = new LinkageEngine(strictPerson());
    const c = new LinkageEngine(personConfig());
    for (let i = 0; i < Math.max(people.length, persons.length); i++) {
      if (people[i]) a.add(people[i].id, people[i].record);
      if (persons[i]) {
        b.add(persons[i].id, persons[i].record);
        c.add(persons[i].id, persons[i].record);
      }
    }
    c.train();
    a.train();
    b.train();
    expect(run(b)).toBe(expectedB);
    expect(run(a)).toBe(expectedA);
    expect(run(c)).toBe(expectedC);
    expect(b.comparisons.map((x) => x.name)).not.toContain('patronymic');
    expect(c.comparisons.map((x) => x.name)).toContain('patronymic');
  });

  it('each engine has its own features: no registry is shared between them', () => {
    const a = new LinkageEngine(personConfig());
    const b = new LinkageEngine(strictPerson());
    expect(a.features).not.toBe(b.features);
    expect(a.features.features.length).toBeGreaterThan(b.features.features.length);
    expect(a.features.features.some((f) => b.features.features.includes(f))).toBe(false);
  });
});

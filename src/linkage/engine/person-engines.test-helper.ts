// Test helper: engines of the person config over one set of generated Russian records, built
// afresh for each thread arrangement that a test compares with one thread.
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';

export const personEngines = async (seed: number, n = 3000): Promise<() => LinkageEngine> => {
  const { generateRussianRecords } = await import('../../../bench/linkage/generator/index.ts');
  const records = [...generateRussianRecords({ n, seed })];
  return () => {
    const e = new LinkageEngine(personConfig());
    for (const r of records) e.add(r.record_id, r as never);
    return e;
  };
};

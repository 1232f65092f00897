import { describe, expect, it } from 'vitest';
import { FeatureRegistry, Interner, TokenFeature } from './dataset.ts';
import { LinkageEngine } from './engine.ts';
import { syncTasks } from './parallel-sync.ts';
import { personConfig } from './person-config.ts';

describe('normalising tasks', () => {
  it('keeps the names compared in both orders in one task, with their blocking keys', () => {
    const e = new LinkageEngine(personConfig());
    e.add('a', { surname: 'Иванов', given_name: 'Иван', birth_date: '01.02.1990', region: 'Тыва', unit: '55 омсбр' });
    const tasks = syncTasks(e);
    const names = tasks.find((t) => t.columns.includes('surname'))!;
    expect(names.columns).toContain('given_name');
    expect(names.comparisons.map((i) => e.comparisons[i].name)).toEqual(['surname', 'given_name']);
    // Every comparison is in exactly one task.
    expect(tasks.flatMap((t) => t.comparisons).sort()).toEqual(e.comparisons.map((_, i) => i));
  });

  it('refuses features that both threads filled', () => {
    const registry = new FeatureRegistry();
    const interner = new Interner(registry);
    const feature = new TokenFeature((raw) => interner.id(raw.toLowerCase()), registry);
    const other = new FeatureRegistry();
    const otherInterner = new Interner(other);
    const otherFeature = new TokenFeature((raw) => otherInterner.id(raw.toUpperCase()), other);
    const mark = registry.mark();
    const fromOther = other.mark();
    otherInterner.id('X');
    otherFeature.data[0] = 0;
    otherFeature.filled = 1;
    // This thread filled the same feature meanwhile: two numberings of one value space.
    interner.id('x');
    feature.filled = 1;
    expect(registry.adoptChanged(other.changedSince(fromOther), mark)).toBe(false);
    expect(interner.values).toEqual(['x']);
    // Untouched here, the other thread's work is taken.
    const fresh = new FeatureRegistry();
    new Interner(fresh);
    new TokenFeature(() => 0, fresh);
    expect(fresh.adoptChanged(other.changedSince(fromOther), fresh.mark())).toBe(true);
    expect(fresh.interners[0].values).toEqual(['X']);
    expect(fresh.features[0].filled).toBe(1);
  });
});
